"""The views inside the studio window: docks, View menu, live while training, show_all_views()."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from nnstudio.gui import files


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def collect_garbage():
    yield
    gc.collect()  # at a quiet moment, never while a later test's training thread runs


@pytest.fixture
def window(qtbot):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()
    w.deleteLater()


def test_docks_menu_and_live_views_in_the_window(qtbot, window, screenshot):
    views = window.views
    names = [d.objectName() for d in views.docks]
    assert names == [
        "dock_view_output",
        "dock_view_neurons",
        "dock_view_confusion",
        "dock_view_health",
    ]
    assert all(d in window.docks for d in views.docks)
    menu_texts = [a.text() for a in window.view_menu.actions()]
    for dock in views.docks:
        assert dock.toggleViewAction().text() in menu_texts
    assert any("Views" in t for t in menu_texts)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740, hint  # still fits a classroom projector

    assert window.new_from_lesson("xor")
    qtbot.waitUntil(
        lambda: views.mirror.dataset is not None and views.mirror.dataset.name == "xor",
        timeout=10000,
    )
    window.document.set_training(epochs=200000)
    views.docks[0].raise_()  # the student clicks the "Network Output" tab: it catches up at once
    qtbot.waitUntil(lambda: views.decision_map.showing, timeout=5000)
    # tabbed behind: the other views have done no work at all
    assert views.neurons.redraws == views.confusion.redraws == views.health.redraws == 0

    window.show_all_views()
    qtbot.waitUntil(
        lambda: all(
            v.exposed() for v in (views.decision_map, views.neurons, views.confusion, views.health)
        ),
        timeout=5000,
    )
    before = {v: v.redraws for v in (views.decision_map, views.neurons, views.health)}
    window.controller.train()
    try:
        qtbot.waitUntil(lambda: all(v.redraws >= before[v] + 2 for v in before), timeout=30000)
        with qtbot.waitSignal(
            window.controller.stateChanged, check_params_cb=lambda s: s == "paused", timeout=10000
        ):
            window.controller.pause()
        QApplication.processEvents()
        screenshot(window, "views-window-xor-training")
    finally:
        window.controller.shutdown()
    # after the run the document holds the trained weights, and the views show exactly them
    from nnstudio.project import build

    model = build.build_model(window.document.project)
    x = views.mirror.dataset.x_train
    qtbot.waitUntil(lambda: not views.confusion._stale, timeout=5000)
    np.testing.assert_allclose(
        views.mirror.model.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6
    )
    pred = (model.predict(views.mirror.dataset.x_test, verbose=0)[:, 0] > 0.5).astype(int)
    assert views.confusion.matrix.sum() == len(pred)
    assert np.trace(views.confusion.matrix) == int((pred == views.mirror.dataset.y_test).sum())
