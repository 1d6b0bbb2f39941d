"""The step-through window: phases with the keys, formulas with the real numbers, Apply = Step batch."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from nnstudio.gui.backprop.window import BackpropWindow
from nnstudio.gui.training.controller import TrainingController
from nnstudio.project import build
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


def blobs_project(hidden=5, optimizer=None) -> Project:
    p = Project(
        title="blobs",
        input_shape=(2,),
        dataset=DatasetSpec(name="blobs", params={"n_samples": 200, "classes": 3}),
        training=TrainingSpec(
            loss="categorical_crossentropy",
            batch_size=16,
            epochs=5,
            validation_split=0.1,
            seed=3,
            optimizer=optimizer or {"class_name": "Adam", "config": {"learning_rate": 0.05}},
        ),
    )
    p.add_layer("Dense", units=hidden, activation="tanh")
    p.add_layer("Dense", units=3, activation="softmax")
    return p


def window_for(qtbot, doc, controller=None):
    ds = build.build_dataset(doc.project)
    w = BackpropWindow(doc, controller, lambda: ds)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize(
    "optimizer",
    [
        {"class_name": "Adam", "config": {"learning_rate": 0.05}},
        {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9}},
    ],
    ids=["adam", "sgd-momentum"],
)
def test_apply_is_step_batch_bit_for_bit(qtbot, optimizer):
    project = blobs_project(optimizer=optimizer)
    doc_a, doc_b = Document(copy.deepcopy(project)), Document(copy.deepcopy(project))
    controller = TrainingController(doc_a)
    try:
        for _ in range(3):
            with qtbot.waitSignal(
                controller.stateChanged, check_params_cb=lambda s: s == "paused", timeout=20000
            ):
                controller.step_batch()
        assert controller.capture()
    finally:
        assert controller.shutdown(3000)
    w = window_for(qtbot, doc_b)
    traced = []
    for _ in range(3):
        traced.append(w.session.trace())
        with qtbot.waitSignal(w.applied, timeout=5000):
            assert w.apply()
    a, b = doc_a.project, doc_b.project
    assert set(a.weights) == set(b.weights)
    for key in a.weights:
        np.testing.assert_array_equal(a.weights[key], b.weights[key])
        np.testing.assert_array_equal(traced[-1].updates[key].after, b.weights[key])
    assert set(a.optimizer_state) == set(b.optimizer_state)
    for key in a.optimizer_state:
        np.testing.assert_array_equal(a.optimizer_state[key], b.optimizer_state[key])
    assert w.session.step == 3 and w.phase == 0


def test_keys_walk_the_phases_and_formulas_show_the_numbers(qtbot):
    doc = Document(blobs_project())
    w = window_for(qtbot, doc)
    names = [kind for kind, _ in w.phase_list]
    assert names == ["forward", "forward", "loss", "backward", "backward", "update", "apply"]
    assert w.phase == 0
    w.activateWindow()
    qtbot.waitActive(w)
    w.diagram.setFocus()
    qtbot.keyClick(w.diagram, Qt.Key.Key_Right)
    qtbot.keyClick(w.diagram, Qt.Key.Key_Right)
    assert w.phase == 2 and "Loss" in w.phase_label.text()
    qtbot.keyClick(w.diagram, Qt.Key.Key_Left)
    assert w.phase == 1
    tr_ = w.session.trace()
    # backward through the output layer: click the weight hidden unit 1 -> output 1
    w.set_phase("backward", 2)
    d = w.diagram
    mid = (d.pos(1, 0) + d.pos(2, 0)) / 2
    qtbot.mouseClick(d, Qt.MouseButton.LeftButton, pos=QPointF(mid).toPoint())
    assert w.selection == ("weight", 2, 0, 0)
    g = tr_.updates["dense_1/kernel"].grad[0, 0]
    text = w.formula.toPlainText()
    assert "∂L/∂w" in text and f"{g:.4g}".replace("-", "−") in text
    # a hidden unit's delta names its derivative
    w.set_phase("backward", 1)
    w._on_selected(("unit", 1, 0))
    text = w.formula.toPlainText()
    assert "1 − tanh²(z)" in text and f"{tr_.layers[0].delta[0, 0]:.4g}".replace("-", "−") in text
    # the update of that weight: Adam's rule with its numbers
    w.set_phase("update")
    w._on_selected(("weight", 2, 0, 0))
    text = w.formula.toPlainText()
    new = tr_.updates["dense_1/kernel"].after[0, 0]
    assert "Adam" in text and f"{new:.4g}".replace("-", "−") in text
    # the neuron graph follows the selected unit
    w._on_selected(("unit", 1, 2))
    assert w.neuron.data["act"] == "tanh" and w.neuron.data["w"].shape == (2,)
    np.testing.assert_allclose(w.neuron.data["delta"], tr_.layers[0].delta[0, 2])


def test_a_wide_network_is_refused_plainly(qtbot):
    doc = Document(blobs_project(hidden=40))
    w = window_for(qtbot, doc)
    assert w.session is None and w.stack.currentWidget() is w.message
    assert "16" in w.message.text() and "40" in w.message.text()
    assert not w.apply_button.isEnabled()


def test_dead_units_are_marked(qtbot):
    project = blobs_project()
    project.layers[0].config["activation"] = "relu"
    doc = Document(project)
    model = build.build_model(project)
    weights = model.weight_dict()
    weights["dense/bias"][:] = [-50, 0, 0, 0, 0]  # unit 1 never fires
    doc.set_weights(weights)
    w = window_for(qtbot, doc)
    w.set_phase("backward", 1)
    assert w.diagram.flags.get((1, 0)) == "dead"
    w._on_selected(("unit", 1, 0))
    assert "Dead unit" in w.formula.toPlainText()


def test_document_changes_rebuild_the_walk(qtbot):
    doc = Document(blobs_project())
    w = window_for(qtbot, doc)
    w.go(+3)
    doc.update_layer(0, units=4)
    assert w.session is not None and w.phase == 0
    assert w.diagram.sizes == [2, 4, 3]


def test_a_walk_through_an_epoch_is_step_epoch(qtbot):
    """One epoch of Applies (9 batches of 16: 135 training samples, validation held out) = Step
    epoch: weights, optimizer state, epochs_trained and the epoch's history."""
    project = blobs_project()
    doc_a, doc_b = Document(copy.deepcopy(project)), Document(copy.deepcopy(project))
    controller = TrainingController(doc_a)
    try:
        with qtbot.waitSignal(
            controller.stateChanged, check_params_cb=lambda s: s == "paused", timeout=20000
        ):
            controller.step_epoch()
        assert controller.capture()
        steps = controller.last_progress.steps
    finally:
        assert controller.shutdown(3000)
    w = window_for(qtbot, doc_b)
    assert w.session.steps == steps == 9
    for _ in range(steps):
        assert w.apply()
    a, b = doc_a.project, doc_b.project
    assert (
        a.epochs_trained == b.epochs_trained == 1 and w.session.epoch == 1 and w.session.step == 0
    )
    assert a.history.keys() == b.history.keys()
    for key in a.history:
        np.testing.assert_allclose(b.history[key], a.history[key], rtol=1e-12)
    for key in a.weights:
        np.testing.assert_array_equal(a.weights[key], b.weights[key])


def test_apply_waits_while_a_run_is_open(qtbot):
    doc = Document(blobs_project())
    controller = TrainingController(doc)
    w = window_for(qtbot, doc, controller)
    assert w.apply_button.isEnabled()
    try:
        with qtbot.waitSignal(
            controller.stateChanged, check_params_cb=lambda s: s == "paused", timeout=20000
        ):
            controller.step_batch()
        assert not w.apply_button.isEnabled() and not w.apply()
    finally:
        assert controller.shutdown(3000)
    assert w.apply_button.isEnabled()


def _variant(kind):
    p = blobs_project(
        optimizer={
            "class_name": {"rmsprop": "RMSprop", "adagrad": "Adagrad"}.get(kind, "SGD"),
            "config": {"learning_rate": 0.1},
        }
    )
    if kind == "gates":  # one layer: inputs straight to a sigmoid unit
        p.layers.clear()
        p.training.loss = "mse"
        p.add_layer("Dense", units=3, activation="sigmoid")
    elif (
        kind == "activation-layer"
    ):  # Dense linear + Activation("softmax"): the fused path goes through it
        p.layers[1].config["activation"] = "linear"
        p.add_layer("Activation", activation="softmax")
    elif kind == "dropout":
        p.layers[0].config["activation"] = "relu"
        p.add_layer("Dropout", index=1, rate=0.3)
    elif kind == "rmsprop":
        p.training.loss = "sparse_categorical_crossentropy"
    elif kind == "adagrad":
        p.training.loss = "mae"
        p.layers[1].config["activation"] = "elu"
    return p


@pytest.mark.parametrize("kind", ["gates", "activation-layer", "dropout", "rmsprop", "adagrad"])
def test_every_phase_and_every_click_has_a_formula(qtbot, kind):
    doc = Document(_variant(kind))
    w = window_for(qtbot, doc)
    assert w.session is not None, w.message.text()
    sizes = w.diagram.sizes
    targets = [None] + [("unit", c, j) for c, n in enumerate(sizes) for j in range(n)]
    targets += [
        ("weight", c, i, j)
        for c in range(1, len(sizes))
        for i in range(sizes[c - 1])
        for j in range(sizes[c])
    ]
    for sample in (0, 2):
        w.samples.setCurrentIndex(sample)
        for k in range(len(w.phase_list)):
            w.phase = k
            for sel in targets:
                w._on_selected(sel)
                assert w.formula.toPlainText().strip()
                assert w.neuron.data is not None
    assert w.apply()
