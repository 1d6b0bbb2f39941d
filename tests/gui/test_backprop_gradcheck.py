"""Gradient Check dialog: a small network in full, MNIST 784-512-10 on 200 parameters off the GUI thread."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from nnstudio.gui.backprop.gradcheck_dialog import GradientCheckDialog
from nnstudio.project import build, fileformat
from nnstudio.project.document import Document

from .test_backprop_window import blobs_project


def dialog_for(qtbot, project):
    doc = Document(project)
    ds = build.build_dataset(project)
    d = GradientCheckDialog(doc, lambda: ds)
    qtbot.addWidget(d)
    d.show()
    return d


def test_small_network_checked_in_full_worst_first(qtbot):
    d = dialog_for(qtbot, blobs_project())
    assert d.all_button.isChecked()  # 33 parameters: all of them
    with qtbot.waitSignal(d.finished_check, timeout=20000) as blocker:
        assert d.start()
    result = blocker.args[0]
    assert result["checked"] == result["total"] == 2 * 5 + 5 + 5 * 3 + 3
    assert d.table.rowCount() == 33
    errors = [float(d.table.item(r, 3).text()) for r in range(33)]
    assert errors == sorted(errors, reverse=True) and errors[0] < 1e-6
    assert "they agree" in d.summary.text() and "faster" in d.summary.text()
    qtbot.waitUntil(lambda: not d.is_running)


def test_cancel_stops_the_worker(qtbot):
    d = dialog_for(qtbot, blobs_project(hidden=16))
    d.sample_button.setChecked(True)
    d.count.setValue(100)
    with qtbot.waitSignal(d.finished_check, timeout=20000) as blocker:
        assert d.start()
        d.cancel()
    assert blocker.args[0]["cancelled"]
    qtbot.waitUntil(lambda: not d.is_running)


@pytest.mark.slow
def test_mnist_200_parameters_window_responsive(qtbot):
    project = fileformat.load("resources/examples/mnist.nnproj")
    d = dialog_for(qtbot, project)
    assert d.sample_button.isChecked() and d.count.value() == 200
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(d.finished_check, timeout=120000) as blocker:
        assert d.start()
        last[0] = time.perf_counter()
    timer.stop()
    result = blocker.args[0]
    assert result["total"] == 784 * 512 + 512 + 512 * 10 + 10 and result["checked"] == 200
    assert result["overall"] < 1e-6 and result["rows"][0][4] < 1e-4
    p99 = float(np.percentile(gaps, 99))
    print(
        f"MNIST gradient check: {result['numeric_s']:.2f} s numeric for 200, backprop "
        f"{result['backprop_s'] * 1000:.1f} ms; GUI timer gaps p99 {p99 * 1000:.1f} ms, max "
        f"{max(gaps) * 1000:.1f} ms over {len(gaps)} ticks; {d.summary.text()}"
    )
    assert p99 < 0.050
    qtbot.waitUntil(lambda: not d.is_running)


def test_closing_the_window_stops_a_running_check(qtbot):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.new_from_lesson("mnist")
    d = w.backprop.show_gradcheck()
    d.sample_button.setChecked(True)
    d.count.setValue(5000)
    assert d.start() and d.is_running
    w.document.set_clean()
    w.close()
    qtbot.waitUntil(lambda: not d.is_running, timeout=10000)
