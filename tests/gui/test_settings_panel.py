"""TrainingSettingsPanel: every edit is an undoable SetTrainingCommand; widgets follow the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from nnstudio.gui.panels.training_settings import (
    LogSpinBox,
    PowerOfTwoSpinBox,
    TrainingSettingsPanel,
    _nice_steps,
)
from nnstudio.project.document import Document
from nnstudio.project.schema import Project


@pytest.fixture
def panel(qtbot, undo_stack):
    doc = Document(Project(input_shape=(2,)))
    p = TrainingSettingsPanel(doc, undo_stack)
    qtbot.addWidget(p)
    p.show()
    return p


def visible_params(panel):
    return sorted(k for k, w in panel.param_widgets.items() if panel.opt_form.isRowVisible(w))


def test_shows_the_document(panel):
    t = panel.document.project.training
    assert panel.loss.currentData() == t.loss == "binary_crossentropy"
    assert panel.optimizer.currentData() == "Adam"
    assert panel.learning_rate.value() == pytest.approx(0.01)
    assert panel.learning_rate.text() == "0.01"
    assert panel.batch_size.value() == 32 and panel.epochs.value() == 100
    assert panel.metric_boxes["accuracy"].isChecked() and not panel.metric_boxes["mse"].isChecked()
    assert visible_params(panel) == ["beta_1", "beta_2", "epsilon", "learning_rate"]


def test_loss_edit_is_undoable(panel, undo_stack):
    doc = panel.document
    panel.loss.setCurrentIndex(panel.loss.findData("mse"))
    assert doc.project.training.loss == "mse" and undo_stack.count() == 1
    undo_stack.undo()
    assert doc.project.training.loss == "binary_crossentropy"
    assert panel.loss.currentData() == "binary_crossentropy"  # the widget follows the document


@pytest.mark.parametrize(
    "name, params",
    [
        ("SGD", ["learning_rate", "momentum", "nesterov"]),
        ("RMSprop", ["epsilon", "learning_rate", "momentum", "rho"]),
        ("Adagrad", ["epsilon", "initial_accumulator_value", "learning_rate"]),
    ],
)
def test_each_optimizer_shows_its_own_parameters(panel, undo_stack, name, params):
    panel.optimizer.setCurrentIndex(panel.optimizer.findData(name))
    opt = panel.document.project.training.optimizer
    assert opt["class_name"] == name and sorted(opt["config"]) == params
    assert visible_params(panel) == params
    undo_stack.undo()
    assert panel.document.project.training.optimizer["class_name"] == "Adam"
    assert visible_params(panel) == ["beta_1", "beta_2", "epsilon", "learning_rate"]


def test_switching_back_remembers_the_optimizers_settings(panel):
    panel.learning_rate.setValue(0.05)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("SGD"))
    assert (
        panel.document.project.training.optimizer["config"]["learning_rate"] == 0.01
    )  # Keras default
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("Adam"))
    assert panel.document.project.training.optimizer["config"]["learning_rate"] == 0.05


def test_parameter_edits(panel, qtbot, undo_stack):
    doc = panel.document
    panel.param_widgets["beta_1"].setValue(0.8)
    assert doc.project.training.optimizer["config"]["beta_1"] == 0.8
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("SGD"))
    nesterov = panel.param_widgets["nesterov"]
    assert isinstance(nesterov, QCheckBox)
    qtbot.mouseClick(nesterov, Qt.MouseButton.LeftButton)
    assert doc.project.training.optimizer["config"]["nesterov"] is True
    panel.batch_size.setValue(64)
    panel.epochs.setValue(7)
    panel.validation_split.setValue(0.2)
    panel.seed.setValue(42)
    qtbot.mouseClick(panel.metric_boxes["mae"], Qt.MouseButton.LeftButton)
    t = doc.project.training
    assert (t.batch_size, t.epochs, t.validation_split, t.seed) == (64, 7, 0.2, 42)
    assert t.metrics == ["accuracy", "mae"]
    n = undo_stack.count()
    for _ in range(n):
        undo_stack.undo()
    t = doc.project.training
    assert (t.batch_size, t.epochs, t.validation_split, t.seed, t.metrics) == (
        32,
        100,
        0.0,
        0,
        ["accuracy"],
    )
    assert t.optimizer == {"class_name": "Adam", "config": {"learning_rate": 0.01}}


def test_learning_rate_spin_steps_on_a_log_scale(qtbot):
    spin = LogSpinBox(1e-7, 100.0)
    qtbot.addWidget(spin)
    spin.setValue(0.001)
    seen = []
    for _ in range(4):
        spin.stepBy(1)
        seen.append(spin.value())
    assert seen == pytest.approx([0.002, 0.005, 0.01, 0.02])
    spin.setValue(0.03)
    spin.stepBy(-1)
    assert spin.value() == pytest.approx(0.02)
    spin.setValue(1e-7)
    assert spin.text() == "1e-07"
    spin.stepBy(-1)
    assert spin.value() == pytest.approx(1e-7)  # clamped at the minimum
    assert _nice_steps(0.5, 1) == 1.0 and _nice_steps(1.0, -1) == 0.5


def test_typing_a_learning_rate(panel, qtbot):
    spin = panel.learning_rate
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3e-4")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert panel.document.project.training.optimizer["config"]["learning_rate"] == pytest.approx(
        3e-4
    )


def test_batch_size_arrows_step_in_powers_of_two(qtbot):
    spin = PowerOfTwoSpinBox()
    spin.setRange(1, 1_000_000)
    qtbot.addWidget(spin)
    spin.setValue(32)
    spin.stepBy(1)
    assert spin.value() == 64
    spin.setValue(48)
    spin.stepBy(-1)
    assert spin.value() == 32
    spin.stepBy(-2)
    assert spin.value() == 8


def test_locked_while_training(panel, undo_stack):
    panel.set_locked(True)
    assert not panel.loss.isEnabled() and not panel.learning_rate.isEnabled()
    assert not panel.metric_boxes["accuracy"].isEnabled()
    panel.set_locked(False)
    assert panel.loss.isEnabled() and panel.batch_size.isEnabled()


def test_follows_a_loaded_project(panel):
    project = Project(input_shape=(4,))
    project.training.loss = "mean_squared_error"
    project.training.optimizer = {"class_name": "rmsprop", "config": {"learning_rate": 0.002}}
    panel.document.replace_project(project)
    assert panel.loss.currentData() == "mse"
    assert panel.optimizer.currentData() == "RMSprop"
    assert panel.learning_rate.value() == pytest.approx(0.002)
    assert panel.param_widgets["rho"].value() == pytest.approx(0.9)  # Keras default shown
