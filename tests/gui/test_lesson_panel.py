"""The guided XOR lesson played start to finish the way a student does it: open the lesson,
press "Set up this step", train with the toolbar, read the check, press Next, click the hidden
layer on the canvas and press Delete, ... Also the panel's language and Undo of a set-up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from nnstudio.gui import files
from nnstudio.project.lesson import lesson_of


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))


@pytest.fixture
def window(qtbot):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()
    w.deleteLater()


def train(qtbot, window) -> str:
    button = window.training_toolbar.widgetForAction(window.act_train)
    with qtbot.waitSignal(window.controller.finished, timeout=60000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_guided_xor_lesson_start_to_finish(qtbot, window):
    panel, doc, canvas = window.lesson_panel, window.document, window.canvas
    assert window.new_from_lesson("xor")
    assert window.lesson_dock.isVisible() and panel.lesson is not None
    assert "Step 1 of 5" in panel.heading.text()
    assert not panel.next_button.isEnabled()  # the check has not passed
    assert "Waiting for: accuracy reached 100%" in panel.check_label.text()

    # step 1: set up, train, accuracy 100 %
    click(qtbot, panel.setup_button)
    assert [s.config["units"] for s in doc.layers] == [8, 1]
    assert train(qtbot, window) == "completed"
    qtbot.waitUntil(lambda: panel.passed is True, timeout=5000)
    assert "✓ Done: accuracy reached 100%" in panel.check_label.text()
    click(qtbot, panel.next_button)

    # step 2: click the hidden layer on the canvas, press Delete
    assert "Step 2 of 5: Delete the hidden layer" in panel.heading.text()
    assert not panel.setup_button.isVisible()
    assert not panel.next_button.isEnabled()
    centre = canvas.mapFromScene(canvas.layer_items[0].sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    canvas.setFocus()
    qtbot.keyClick(canvas.viewport(), Qt.Key.Key_Delete)
    assert [s.config["units"] for s in doc.layers] == [1]
    assert panel.passed is True
    assert "hidden layer was deleted" in panel.check_label.text()
    click(qtbot, panel.next_button)

    # step 3: the trap: one neuron never gets XOR right
    assert "Step 3 of 5" in panel.heading.text()
    assert train(qtbot, window) == "completed"
    qtbot.waitUntil(lambda: panel.passed is True, timeout=5000)
    assert max(doc.project.history["accuracy"]) <= 0.75
    assert doc.project.history["loss"][-1] > 0.6
    click(qtbot, panel.next_button)

    # step 4: the fix, two hidden units
    assert "Step 4 of 5" in panel.heading.text()
    click(qtbot, panel.setup_button)
    assert [s.config["units"] for s in doc.layers] == [2, 1] and doc.project.epochs_trained == 0
    assert train(qtbot, window) == "completed"
    qtbot.waitUntil(lambda: panel.passed is True, timeout=5000)
    click(qtbot, panel.next_button)

    # step 5: the summary, the last step
    assert "Step 5 of 5" in panel.heading.text()
    assert not panel.next_button.isEnabled() and panel.back_button.isEnabled()
    click(qtbot, panel.back_button)
    assert "Step 4 of 5" in panel.heading.text()


def test_set_up_is_one_undoable_step(qtbot, window):
    panel, doc = window.lesson_panel, window.document
    window.new_from_lesson("xor")
    panel.go_to(3)
    click(qtbot, panel.setup_button)
    assert [s.config["units"] for s in doc.layers] == [2, 1] and doc.project.training.seed == 3
    window.act_undo.trigger()
    assert [s.config["units"] for s in doc.layers] == [8, 1] and doc.project.training.seed == 0
    assert lesson_of(doc.project).to_dict() == doc.project.lesson  # the lesson stays


def test_ctrl_l_and_no_lesson(qtbot, window):
    window.new_blank()
    panel = window.lesson_panel
    assert panel.lesson is None and "no guided lesson" in panel.body.text()
    action = window.lesson_dock.toggleViewAction()
    assert action.shortcut().toString() == "Ctrl+L" and action in window.view_menu.actions()


def test_steps_in_korean(qtbot, window):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        window.new_from_lesson("xor")
        assert "은닉층이 있는 네트워크 학습하기" in window.lesson_panel.heading.text()
        assert "이 단계 준비하기" in window.lesson_panel.body.text()
    finally:
        QLocale.setDefault(old)


def test_overfitting_early_stopping_step(qtbot, window):
    """Step 2 of the overfitting lesson: Set up turns early stopping on in the Training panel,
    Train stops long before epoch 300, and the check passes."""
    panel, doc = window.lesson_panel, window.document
    assert window.new_from_lesson("overfitting")
    click(qtbot, panel.setup_button)  # step 1: 300 epochs, early stopping off
    assert not window.run_settings.early.isChecked()
    panel.go_to(1)
    assert "Step 2 of 3: Early stopping" in panel.heading.text()
    assert "Waiting for: training stopped early" in panel.check_label.text()
    click(qtbot, panel.setup_button)
    settings = window.run_settings
    assert settings.early.isChecked() and settings.monitor.currentData() == "val_loss"
    assert settings.patience.value() == 20 and settings.restore_best.isChecked()
    assert doc.project.epochs_trained == 0
    assert train(qtbot, window) == "completed"
    qtbot.waitUntil(lambda: panel.passed is True, timeout=5000)
    assert "✓ Done: training stopped early" in panel.check_label.text()
    history = doc.project.history["val_loss"]
    assert len(history) < 100 and doc.project.epochs_trained == len(history)
    assert len(history) - 1 - history.index(min(history)) == 20  # 20 epochs past the best
    assert "early stop" in " ".join(window.curve_marks.texts())
    click(qtbot, panel.next_button)
    click(qtbot, panel.setup_button)  # step 3 (dropout) trains all 300 epochs again
    assert not settings.early.isChecked()


def test_a_reopened_project_resumes_the_lesson_at_its_step(qtbot, window, tmp_path):
    panel = window.lesson_panel
    window.new_from_lesson("gates")
    click(qtbot, panel.next_button)  # step 1 has no check
    panel.go_to(2)
    assert window.document.project.lesson["step"] == 3
    path = tmp_path / "gates.nnproj"
    assert window.save_to(path)
    window.new_from_lesson("xor")
    assert panel.index == 0
    assert window.open_path(path)
    assert panel.index == 2 and "Step 3 of 6" in panel.heading.text()
    panel.go_to(0)  # back at the start: the key goes
    assert "step" not in window.document.project.lesson


def test_heading_keeps_every_line_at_150(qtbot, window):
    """At 1280×720 and 150 % in a short dock the step's heading lost its second line."""
    panel = window.lesson_panel
    window.new_from_lesson("xor")
    try:
        window.presentation.set_zoom(150)
        window.resizeDocks([window.lesson_dock], [360], Qt.Orientation.Horizontal)
        heading = panel.heading
        qtbot.waitUntil(
            lambda: heading.height() >= heading.heightForWidth(heading.width()), timeout=3000
        )
        assert heading.heightForWidth(heading.width()) > 1.5 * heading.fontMetrics().height()
    finally:
        window.presentation.set_zoom(100)
