"""Issue 14 (ready for the classroom), driven through the real window with pytest-qt."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nnstudio.gui import files
from nnstudio.project.schema import DatasetSpec, Project


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))


@pytest.fixture
def shown(monkeypatch):
    """Message boxes recorded instead of shown."""
    seen = []

    def note(parent, title, text, *args, **kwargs):
        seen.append((title, text))
        return QMessageBox.StandardButton.Ok

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(note))
    return seen


def xor_project(epochs=5, optimizer="Adam") -> Project:
    project = Project(title="XOR", input_shape=(2,), dataset=DatasetSpec(name="xor"))
    project.add_layer("Dense", units=4, activation="tanh")
    project.add_layer("Dense", units=1, activation="sigmoid")
    project.training.epochs = epochs
    project.training.batch_size = 4
    project.training.optimizer = {"class_name": optimizer, "config": {"learning_rate": 0.05}}
    return project


@pytest.fixture
def window(qtbot, shown):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.document.replace_project(xor_project())
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()


def train(qtbot, w, action=None):
    with qtbot.waitSignal(w.controller.finished, timeout=30000) as blocker:
        (action or w.act_train).trigger()
        dialog = w.training_toolbar.problems_dialog
        if dialog is not None:  # warnings only: the student presses "Train anyway"
            dialog.btn_anyway.click()
    return blocker.args[0]


# -- problem 1: Undo of an optimizer switch ----------------------------------------------
def test_undo_optimizer_switch_keeps_views_and_training(qtbot, window):
    w = window
    assert train(qtbot, w) == "completed"
    combo = w.training_panel.optimizer
    combo.setCurrentIndex(combo.findData("SGD"))
    assert w.document.project.training.optimizer["class_name"] == "SGD"
    assert train(qtbot, w) == "completed"  # SGD's state is saved now
    w.act_undo.trigger()  # back to Adam, with SGD's state in the document
    assert w.document.project.training.optimizer["class_name"] == "Adam"
    assert w.document.project.epochs_trained == 10
    assert w.views.mirror.problem() == ""  # no "reset the weights" advice
    assert w.views.mirror.model is not None
    assert train(qtbot, w) == "completed"  # F5 simply works
    assert w.document.project.epochs_trained == 15


# -- problem 3: one epochs rule, stated by the window --------------------------------------
def test_epochs_rule_more_and_until(qtbot, window):
    w = window
    rs = w.run_settings
    assert rs.plan.text() == "Train 5 more epochs: 1 to 5."
    assert train(qtbot, w) == "completed"
    w.training_panel.epochs.setValue(15)
    assert rs.plan.text() == "Train 15 more epochs: 6 to 20."
    assert train(qtbot, w) == "completed"
    assert w.document.project.epochs_trained == 20  # 5 + 15 (used to stop at 15)
    rs.mode.setCurrentIndex(rs.mode.findData("until"))
    w.training_panel.epochs.setValue(23)
    assert rs.plan.text() == "Train until epoch 23 (3 more)."
    assert train(qtbot, w) == "completed"
    assert w.document.project.epochs_trained == 23
    assert "nothing to train" in rs.plan.text()


def test_epochs_rule_in_project_file_and_cli(tmp_path, capsys):
    from nnstudio import cli
    from nnstudio import project as projmod

    p = xor_project(epochs=3)
    path = tmp_path / "a.nnproj"
    projmod.save(p, path)
    raw = path.read_bytes()
    assert b"epochs_mode" not in raw and b"early_stopping" not in raw  # old files unchanged
    assert cli.main(["train", str(path)]) == 0
    assert cli.main(["train", str(path)]) == 0
    assert projmod.load(path).epochs_trained == 6  # "3 more", twice
    p = projmod.load(path)
    p.training.epochs_mode, p.training.epochs = "until", 8
    projmod.save(p, path)
    assert cli.main(["train", str(path)]) == 0
    loaded = projmod.load(path)
    assert (loaded.epochs_trained, loaded.training.epochs_mode) == (8, "until")


# -- problem 4: early stopping in the window, marked on the curves -------------------------
def test_early_stopping_from_the_window(qtbot, window):
    w = window
    w.training_panel.epochs.setValue(50)
    rs = w.run_settings
    rs.early.setChecked(True)
    rs.monitor.setCurrentIndex(rs.monitor.findData("loss"))
    rs.patience.setValue(2)
    rs.min_delta.setValue(5.0)  # nothing counts as better: stops after the patience
    settings = w.document.project.training.early_stopping
    assert settings == {
        "monitor": "loss",
        "patience": 2,
        "min_delta": 5.0,
        "restore_best_weights": True,
    }
    with qtbot.waitSignal(w.controller.earlyStopped, timeout=30000) as blocker:
        w.act_train.trigger()
    w.controller.wait()
    info = blocker.args[0]
    assert (info.epoch, info.best_epoch, info.restored) == (3, 1, True)
    assert w.document.project.epochs_trained == 3
    texts = w.curve_marks.texts()
    assert texts and "early stop: loss not better for 2 epochs" in texts[0]
    assert "epoch 1 restored" in texts[0]
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == texts[0], timeout=2000)
    w.controller.reset_weights()
    assert w.curve_marks.texts() == []


# -- problem 5: the before-training dialog is wide and shows its sentences whole ------------
def test_problems_dialog_is_wide_and_wraps(qtbot, window):
    w = window
    w.training_panel.loss.setCurrentIndex(
        w.training_panel.loss.findData("categorical_crossentropy")
    )
    w.act_train.trigger()
    dialog = w.training_toolbar.problems_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 640
    from PySide6.QtWidgets import QLabel

    texts = [
        label
        for label in dialog.area.widget().findChildren(QLabel)
        if label.wordWrap() and label.text()
    ]
    assert texts
    for label in texts:
        assert label.width() >= 400  # not a column of words
        assert label.height() >= label.heightForWidth(label.width())  # every line shown
    assert dialog.area.verticalScrollBar().maximum() == 0  # no need to scroll for one problem
    dialog.reject()


# -- problem 9: no stale status text -------------------------------------------------------
def test_progress_text_is_not_stale(qtbot, window):
    w = window
    label = w.training_toolbar.progress.label
    assert train(qtbot, w) == "completed"
    assert label.text().endswith("· done") and "left" not in label.text()
    w.document.replace_project(xor_project(epochs=7))  # another lesson
    assert label.text() == "Not training"
    # Stop: no "time left" next to the stop
    w.training_panel.epochs.setValue(100000)
    with qtbot.waitSignal(w.controller.finished, timeout=30000):
        w.act_train.trigger()
        qtbot.waitUntil(lambda: "left" in label.text(), timeout=20000)
        assert not w.run_settings.isEnabled()  # locked while the run uses the settings
        w.act_stop.trigger()
    assert "left" not in label.text() and label.text().endswith("· stopped")
    assert w.run_settings.isEnabled()


def test_curve_readout_is_whole_and_loss_change_marked(qtbot, window):
    w = window
    w.resize(1024, 700)
    w.training_panel.validation_split.setValue(0.25)
    assert train(qtbot, w) == "completed"
    status = w.curves.status
    text = status.text()
    assert "val_accuracy" in text
    assert status.needed_height() <= status.height()  # every number shown (two lines)
    w.training_panel.loss.setCurrentIndex(w.training_panel.loss.findData("mse"))
    assert train(qtbot, w) == "completed"
    assert w.curve_marks.texts() == ["loss: binary_crossentropy → mse"]
    assert w.curve_marks.marks[0][0] == 5.0
    x, _ = w.curves.series["loss"].data()
    assert list(x) == [float(i) for i in range(1, 11)]  # the second run not drawn twice


# -- problem 10: a blank project, and gate lines that are easy to hit -------------------------
def test_blank_project_does_not_claim_two_outputs(qtbot, window):
    w = window
    w.new_blank()
    assert not w.document.project.layers
    assert w.document.project.training.loss == "binary_crossentropy"
    assert w.canvas.output_item.tag == ""  # used to say "2 outputs" (the input's width)
    from nnstudio.gui.commands import InsertLayerCommand
    from nnstudio.project.schema import LayerSpec

    spec = LayerSpec(type="Dense", config={"units": 1, "activation": "sigmoid"}, id="dense")
    w.undo_stack.push(InsertLayerCommand(w.document, 0, spec))
    assert w.canvas.output_item.tag == "1 output"


def test_gate_lines_are_thick_targets(qtbot):
    import numpy as np
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QUndoStack

    from nnstudio.gui.views import StudioViews
    from nnstudio.project import perceptron
    from nnstudio.project.document import Document

    project = perceptron.xor_from_gates()
    views = StudioViews(Document(project), QUndoStack(), None)
    views.mirror.set_dataset(project.build_dataset())
    widget = views.neuron_switch
    qtbot.addWidget(widget)
    widget.resize(760, 460)
    widget.show()
    qtbot.waitExposed(widget)
    view = views.neurons
    view.refresh()
    assert min(e.pen().widthF() for e in view.edges) >= 2.0  # no hairlines to aim at
    e = view.edges[-1]
    a, b = view.view.mapFromScene(e.line().p1()), view.view.mapFromScene(e.line().p2())
    mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    dx, dy = b.x() - a.x(), b.y() - a.y()
    n = np.hypot(dx, dy)
    off = QPoint(round(mid.x() - 13 * dy / n), round(mid.y() + 13 * dx / n))  # 13 px beside
    assert view.view.item_at(off) is e


# -- problem 7: a pace a class can watch ---------------------------------------------------
def test_pace_slows_training_and_shows_every_step(qtbot, window):
    import time

    w = window
    w.training_panel.epochs.setValue(8)
    steps = -(-w.controller.dataset().n_train // 4)  # batch 4: batches per epoch
    assert w.pace_combo.currentData() == "fastest"
    w.act_slower.trigger()  # Ctrl+[: 10 batches a second
    w.act_slower.trigger()  # slow motion: 4 batches a second
    assert w.pace_combo.currentData() == "slow_motion"
    assert w.pace_actions["slow_motion"].isChecked()
    batches, snapshots = [], []
    w.controller.batchEnd.connect(lambda info: batches.append(list(info.iterations)))
    w.controller.snapshot.connect(lambda s: snapshots.append(1))
    view = w.views.decision_map
    w.views.docks[0].raise_()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    redraws = view.redraws
    started = time.perf_counter()
    assert train(qtbot, w) == "completed"
    elapsed = time.perf_counter() - started
    total = 8 * steps
    assert elapsed >= 0.25 * (total - 1) * 0.95  # each step waited for its quarter second
    assert batches == [[i] for i in range(1, total + 1)]  # every step sent on its own
    assert len(snapshots) >= total  # the views get every step's weights
    assert view.redraws - redraws >= 0.6 * total  # and redraw (nearly) every step
    # back to full speed: remembered for the next session
    for _ in range(4):
        w.act_faster.trigger()
    assert w.pace_combo.currentData() == "fastest" and w.controller.pace is None
    assert view.limiter.duty == view.limiter.usual_duty < 0.5  # the views' usual share
    assert w.settings.value("training/pace") == "fastest"


# -- problem 8: figures for slides -----------------------------------------------------------
def test_curves_figure_at_2x_3x_and_chosen_size(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QFileDialog

    from nnstudio.gui import figures

    w = window
    w.resize(1024, 700)
    assert train(qtbot, w) == "completed"
    curves = w.curves
    before = curves.size()
    image = figures.render_figure(curves, 2.0)
    logical = before.expandedTo(figures.MIN_LOGICAL)
    assert (image.width(), image.height()) == (2 * logical.width(), 2 * logical.height())
    assert curves.size() == before  # back in its dock
    # the legend is whole inside its plot while the figure is drawn at its layout size
    seen = {}
    real_render = curves.render

    def render_spy(*args, **kwargs):
        legend = curves.loss_plot.legend
        box = curves.loss_plot.vb.sceneBoundingRect()
        seen["legend_inside"] = box.contains(legend.sceneBoundingRect())
        return real_render(*args, **kwargs)

    monkeypatch.setattr(curves, "render", render_spy)
    titled = figures.render_figure(curves, 3.0, QSize(1920, 1080), "XOR — Learning curves")
    assert (titled.width(), titled.height()) == (1920, 1080)
    assert seen["legend_inside"]
    band = titled.copy(0, 0, 1920, 60)
    assert any(
        band.pixelColor(x, y).lightness() < 100
        for x in range(600, 1320, 3)
        for y in range(0, 60, 3)
    )

    # a view docked in a tab stack is laid out at the figure's size too, then put back
    view = w.views.decision_map
    w.views.docks[0].raise_()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    view_before = view.size()
    real_view_render = view.render
    monkeypatch.setattr(
        view, "render", lambda *a, **k: (seen.update(view=view.size()), real_view_render(*a, **k))
    )
    figures.render_figure(view, 2.0)
    assert seen["view"].width() >= 640 and seen["view"].height() >= 400
    qtbot.waitUntil(lambda: view.size() == view_before, timeout=2000)

    # the dialog: pick the decision map at 3x, save; copy to the clipboard
    w.act_export_figure.trigger()
    dialog = w.figure_dialog
    qtbot.waitExposed(dialog)
    dialog.what.setCurrentIndex(dialog.what.findData("decision-map"))
    assert dialog.title.text() == "XOR — Decision map"
    dialog.size_choice.setCurrentIndex(dialog.size_choice.findData(3.0))
    target = tmp_path / "map.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.btn_save.click()
    saved = QImage(str(target))
    expected = dialog.image_size()
    assert (saved.width(), saved.height()) == (expected.width(), expected.height())
    assert saved.width() >= 3 * 640

    dialog.close()
    # a view's own PNG… button opens the same dialog on that view
    w.views.confusion.export_button.click()
    assert w.figure_dialog is not dialog
    assert w.figure_dialog.what.currentData() == "confusion-matrix"
    w.figure_dialog.reject()

    # Ctrl+Shift+C copies the figure of the focused panel (else the curves)
    QGuiApplication.clipboard().clear()
    w.act_copy_figure.trigger()
    copied = QGuiApplication.clipboard().image()
    assert copied.width() >= 2 * 640 and copied.height() >= 2 * 400
