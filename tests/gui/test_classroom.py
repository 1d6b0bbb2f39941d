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
    assert (info["epoch"], info["best_epoch"], info["restored"]) == (3, 1, True)
    assert w.document.project.epochs_trained == 3
    texts = w.curve_marks.texts()
    assert texts and "early stop: loss not better for 2 epochs" in texts[0]
    assert "epoch 1 restored" in texts[0]
    w.controller.reset_weights()
    assert w.curve_marks.texts() == []
