"""The perceptron lab (nnstudio.gui.perceptron_lab), driven as a student would use it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from nnstudio.gui import files
from nnstudio.gui import perceptron_lab as lab_mod
from nnstudio.gui.perceptron_lab import PerceptronLab
from nnstudio.project import build, build_dataset, perceptron, prepare_data


@pytest.fixture
def lab(qtbot):
    lab = PerceptronLab()
    qtbot.addWidget(lab)
    lab.resize(1060, 640)
    lab.show()
    qtbot.waitExposed(lab)
    return lab


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
def test_each_preset_button_makes_its_gate(lab, gate):
    lab.set_target("XOR")
    lab.preset_buttons[gate].click()
    assert lab.target == gate and lab.target_box.currentData() == gate
    assert lab.neuron.weights == perceptron.PRESETS[gate]
    assert lab.correct == 4 and f"computes {gate}" in lab.verdict.text()
    column = [lab.table.item(r, 3).text() for r in range(4)]
    assert column == [f"{v:.2f}" for v in perceptron.TARGETS[gate]]
    assert [lab.table.item(r, 5).text() for r in range(4)] == ["✓"] * 4


def test_sliders_are_live_and_spin_boxes_take_exact_values(lab):
    w1, w2, b = lab.rows
    paints = lab.plot.paints
    w1.slider.setValue(-30)  # as a drag does, one position at a time
    assert lab.neuron.w1 == pytest.approx(-0.3) and w1.spin.value() == pytest.approx(-0.3)
    lab.plot.repaint()
    assert lab.plot.paints > paints
    b.spin.setValue(3.25)  # beyond the slider's range: the slider stops at its end
    assert lab.neuron.b == 3.25 and b.slider.value() == b.slider.maximum()
    assert (
        "computes" in lab.verdict.text() and "none" in lab.verdict.text()
    )  # fires everywhere: no gate
    assert lab.neuron.table() == (1, 1, 1, 1)
    lab.plot.repaint()  # the line left the square: it says so
    assert "outside this view" in lab.plot.note and "everywhere" in lab.plot.note
    lab.zero_button.click()
    lab.plot.repaint()
    assert "no line" in lab.plot.note and "nowhere" in lab.plot.note


def test_activation_changes_the_output_not_the_line(lab):
    lab.apply_preset("OR")
    for name in perceptron.ACTIVATIONS:
        lab.activation_box.setCurrentIndex(lab.activation_box.findData(name))
        assert lab.neuron.activation == name
        assert lab.correct == 4
    assert lab.table.item(3, 3).text() == "0.80 (1)"  # linear: y = z = 0.8, counted as firing


def test_xor_is_explained_impossible(lab):
    lab.set_target("XOR")
    assert "impossible" in lab.explain.text() and "at most 3 of the 4" in lab.explain.text()
    assert lab.correct <= 3
    for gate in perceptron.PRESETS:
        lab.set_weights(*perceptron.PRESETS[gate])
        assert lab.correct <= 3 and lab.target == "XOR"


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_learning_rule_steps_converge(lab, gate):
    lab.set_target(gate)
    lab.zero_button.click()
    for _ in range(200):
        if lab.correct == 4:
            break
        lab.step_button.click()
    assert lab.correct == 4 and 0 < lab.updates <= 100
    assert "Converged after" in lab.rule_label.text()
    assert lab.learn_step() is None  # nothing left to correct


def test_learning_rule_plays_and_cycles_on_xor(lab, qtbot, monkeypatch):
    monkeypatch.setattr(lab_mod, "XOR_PLAY_LIMIT", 40)
    lab._play.setInterval(1)
    lab.set_target("XOR")
    lab.zero_button.click()
    seen = []
    lab.changed.connect(lambda: seen.append(lab.correct))
    lab.play_button.click()
    assert lab.play_button.isChecked()
    qtbot.waitUntil(lambda: not lab.play_button.isChecked(), timeout=5000)
    assert lab.updates == 40 and max(seen) <= 3
    assert "never converges" in lab.rule_label.text()


def _px(lab, point):
    p = lab.plot.to_px(*point)
    return QPoint(round(p.x()), round(p.y()))


def test_dragging_a_handle_turns_the_line_through_the_dragged_points(lab):
    lab.apply_preset("AND")
    still, moved = lab.plot.handles()[1], lab.plot.handles()[0]
    start, end = _px(lab, moved), _px(lab, (0.1, 1.3))
    QTest.mousePress(lab.plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(lab.plot, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    QTest.mouseMove(lab.plot, end)
    QTest.mouseRelease(lab.plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    w1, w2, b = lab.neuron.weights
    for x, y in (
        lab.plot.to_data(end),
        still,
    ):  # the line through the dragged point and the other handle
        assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-9)
    assert np.hypot(w1, w2) == pytest.approx(np.hypot(0.5, 0.5))  # as steep as before
    assert lab.neuron.net([(1, 1)])[0] > 0  # still fires on (1, 1)'s side
    assert lab.rows[0].spin.value() == pytest.approx(w1, abs=0.005)  # the boxes follow


def test_dragging_the_line_moves_it_in_parallel(lab):
    lab.apply_preset("AND")
    a, c = lab.plot.handles()
    mid = ((a[0] + c[0]) / 2, (a[1] + c[1]) / 2)
    start, end = _px(lab, mid), _px(lab, (mid[0] - 0.3, mid[1] - 0.3))
    QTest.mousePress(lab.plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(lab.plot, end)
    QTest.mouseRelease(lab.plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    w1, w2, b = lab.neuron.weights
    assert (w1, w2) == pytest.approx((0.5, 0.5), abs=0.01)  # same direction
    assert b == pytest.approx(-0.4, abs=0.02)  # 0.3 + 0.3 lower: b = -0.7 + 0.5·0.6, it is OR now
    assert lab.neuron.gate() == "OR"


def test_lab_window_closes_with_escape(lab, qtbot):
    QTest.keyClick(lab, Qt.Key.Key_Escape)
    assert not lab.isVisible()


# -- in the studio window ---------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))
    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
        )
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


def test_view_menu_opens_the_lab_with_ctrl_shift_l(window, qtbot):
    installed = window.perceptron_lab
    assert installed.act_lab in window.view_menu.actions()
    assert installed.act_lab.shortcut() == QKeySequence("Ctrl+Shift+L")
    installed.act_lab.trigger()
    assert installed.lab is not None and installed.lab.isVisible()
    installed.lab.close()


def test_gates_lesson_offers_the_lab(window):
    button = window.perceptron_lab.lesson_button
    assert button.isHidden()
    window.new_from_lesson("gates")
    assert not button.isHidden()
    button.click()
    assert window.perceptron_lab.lab.isVisible()
    window.perceptron_lab.lab.close()
    window.new_from_lesson("xor")
    assert button.isHidden()


def test_xor_from_gates_on_the_canvas_is_right_before_training(window, qtbot):
    window.perceptron_lab.act_xor.trigger()
    doc = window.document
    assert [s.config["units"] for s in doc.layers] == [2, 1] and doc.project.epochs_trained == 0
    p = doc.project
    model = build.build_model(p)
    x, y, _, _ = prepare_data(p, build_dataset(p))
    assert model.evaluate(x, y, verbose=0, return_dict=True)["accuracy"] == 1.0
    # the decision map draws the network's own band: XOR's two 1-corners inside it, the 0-corners out
    views = window.views
    qtbot.waitUntil(lambda: views.decision_map.exposed(), timeout=3000)
    views.decision_map.refresh()
    assert views.decision_map.showing
    # reset: training starts from the network's own random weights
    window.controller.reset_weights()
    assert doc.project.weights is None
