"""The training toolbar and the before-training problems dialog, clicked like a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow

from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.training.controls import ProblemsDialog, TrainingToolbar, format_duration
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


def moons_project(epochs=2000, activation="sigmoid"):
    p = Project(
        title="moons",
        input_shape=(2,),
        dataset=DatasetSpec(name="moons", params={"n_samples": 400}),
        training=TrainingSpec(
            loss="binary_crossentropy",
            batch_size=16,
            epochs=epochs,
            validation_split=0.2,
            optimizer={"class_name": "Adam", "config": {"learning_rate": 0.01}},
        ),
    )
    p.add_layer("Dense", units=16, activation="relu")
    p.add_layer("Dense", units=16, activation="relu")
    p.add_layer("Dense", units=1, activation=activation)
    return p


@pytest.fixture
def studio(qtbot):
    """A window with the toolbar, settings, summary and curves over one document."""
    from nnstudio.gui.panels.summary import SummaryPanel
    from nnstudio.gui.panels.training_settings import TrainingSettingsPanel
    from nnstudio.gui.plots.curves import CurvesPanel

    doc = Document(moons_project())
    stack = QUndoStack()
    controller = TrainingController(doc, stack)
    win = QMainWindow()
    win.document, win.undo_stack, win.controller = doc, stack, controller
    win.toolbar = TrainingToolbar(controller, win)
    win.addToolBar(win.toolbar)
    win.curves = CurvesPanel(controller, doc)
    win.setCentralWidget(win.curves)
    for title, widget, area in (
        (
            win.tr("Training"),
            TrainingSettingsPanel(doc, stack),
            Qt.DockWidgetArea.RightDockWidgetArea,
        ),
        (win.tr("Summary"), SummaryPanel(doc), Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock = QDockWidget(title, win)
        dock.setWidget(widget)
        win.addDockWidget(area, dock)
    controller.stateChanged.connect(
        lambda s: win.findChild(TrainingSettingsPanel).set_locked(s != "idle")
    )
    win.resize(1280, 760)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    assert controller.shutdown(2000)


def is_state(name):
    return lambda s: s == name


def test_buttons_follow_the_state_and_progress_is_shown(qtbot, studio, screenshot):
    bar, c = studio.toolbar, studio.controller
    # far more epochs than a quiet machine can finish before the Pause below (2,000 took ~5 s)
    studio.document.set_training(epochs=200000)
    assert bar.act_train.isEnabled() and not bar.act_stop.isEnabled() and bar.act_reset.isEnabled()
    with qtbot.waitSignal(c.epochEnd, timeout=20000):
        bar.act_train.trigger()
    assert not bar.act_train.isEnabled() and bar.act_pause.isEnabled() and bar.act_stop.isEnabled()
    assert not bar.act_reset.isEnabled() and not bar.act_step_batch.isEnabled()
    with qtbot.waitSignal(
        c.epochEnd, timeout=20000, check_params_cb=lambda info: info.epoch >= 400
    ):  # bar > 0 needs 200+ of 200,000
        pass
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=5000):
        bar.act_pause.trigger()
    assert bar.act_train.text() == "Resume" and bar.act_pause.isChecked()
    assert bar.act_step_batch.isEnabled() and bar.act_step_epoch.isEnabled()
    text = bar.progress.label.text()
    assert (
        text.startswith("Epoch ")
        and "/200000 · batch " in text
        and "left" in text
        and text.endswith("paused")
    )
    assert 0 < bar.progress.bar.value() < 1000
    info = c.last_progress
    exact = (info.epoch + info.batch / info.steps) / info.epochs
    assert bar.progress.bar.value() == int(1000 * exact)  # up to date while paused
    qtbot.wait(120)  # two curve redraws (50 ms timer) so the picture shows the curves
    path = screenshot(studio, "training-in-progress")
    assert path.stat().st_size > 10_000
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("running"), timeout=5000):
        bar.act_pause.trigger()  # resume
    with qtbot.waitSignal(c.finished, timeout=5000):
        bar.act_stop.trigger()
    assert (
        bar.act_train.isEnabled()
        and bar.act_train.text() == "Train"
        and not bar.act_pause.isChecked()
    )
    assert bar.progress.label.text().endswith("· stopped")  # a stopped run is not "done"
    assert studio.document.project.epochs_trained >= 30


def test_problems_dialog_fix_button_fixes_and_starts_training(qtbot, studio, screenshot):
    doc, c, stack = studio.document, studio.controller, studio.undo_stack
    doc.set_training(epochs=5)
    doc.update_layer(2, activation="softmax")  # softmax + binary cross-entropy
    studio.toolbar.act_train.trigger()
    dialog = studio.toolbar.problems_dialog
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    assert [p.code for p in dialog.problems] == ["softmax_bce"]
    assert not dialog.btn_anyway.isEnabled()  # an error: training would not work
    assert not c.is_training
    from PySide6.QtWidgets import QLabel

    icons = [w for w in dialog.area.widget().findChildren(QLabel) if not w.pixmap().isNull()]
    assert len(icons) == 1  # the style's error icon (an emoji needed a font bare machines lack)
    screenshot(dialog, "problems-dialog")
    (button,) = dialog.fix_buttons
    assert button.text() == "Use 1 sigmoid unit"
    with qtbot.waitSignal(c.finished, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert doc.project.layers[2].config["activation"] == "sigmoid"
    assert doc.project.epochs_trained == 5
    # the fix is one undo step
    assert stack.undoText() == "Use 1 sigmoid unit"
    stack.undo()
    assert doc.project.layers[2].config["activation"] == "softmax"


def test_warnings_allow_train_anyway(qtbot, studio):
    doc, c = studio.document, studio.controller
    doc.set_training(loss="mse", epochs=3)  # classes with mse: a warning
    studio.toolbar.act_train.trigger()
    dialog = studio.toolbar.problems_dialog
    assert [p.severity for p in dialog.problems] == ["warning"] and dialog.btn_anyway.isEnabled()
    with qtbot.waitSignal(c.finished, timeout=20000):
        qtbot.mouseClick(dialog.btn_anyway, Qt.MouseButton.LeftButton)
    assert doc.project.training.loss == "mse" and doc.project.epochs_trained == 3
    # the same warning isn't asked again for the same network, loss and data ...
    with qtbot.waitSignal(c.finished, timeout=20000):
        studio.toolbar.act_train.trigger()
    assert doc.project.epochs_trained == 6
    # ... but is after a change
    doc.update_layer(0, units=8)
    studio.toolbar.act_train.trigger()
    assert studio.toolbar.problems_dialog is not None and not c.is_training
    studio.toolbar.problems_dialog.reject()


def test_format_duration():
    assert format_duration(42.4) == "0:42"
    assert format_duration(725) == "12:05"
    assert format_duration(3723) == "1:02:03"
    assert format_duration(None) == "" and format_duration(float("inf")) == ""


def test_check_messages_are_translated_in_context_checks(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from nnstudio.gui.training.controller import problem_fix_label, problem_text
    from nnstudio.project.checks import check

    class Korean(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            if context == "checks" and source.startswith("The data set has {classes} classes"):
                return "데이터 세트의 클래스는 {classes}개인데 출력층의 유닛은 {units}개입니다."
            if context == "checks" and source == "Set the output layer to {classes} units":
                return "출력층을 {classes}개 유닛으로"
            return ""

    p = moons_project()
    p.layers[2].config.update(units=3, activation="softmax")
    p.training.loss = "sparse_categorical_crossentropy"
    from nnstudio.project import build

    (problem,) = check(p, build.build_dataset(p))
    translator = Korean()
    QCoreApplication.installTranslator(translator)
    try:
        assert problem_text(problem) == "데이터 세트의 클래스는 2개인데 출력층의 유닛은 3개입니다."
        assert problem_fix_label(problem) == "출력층을 2개 유닛으로"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert problem_text(problem) == problem.message and problem.message.startswith(
        "The data set has 2 classes"
    )
