"""CurvesPanel: live curves from the controller, history from the document, cleared on reset."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.gui.plots.curves import CurvesPanel, Series
from nnstudio.gui.training.controller import TrainingController
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


def xor_doc(epochs=40):
    p = Project(
        input_shape=(2,),
        dataset=DatasetSpec(name="xor"),
        training=TrainingSpec(
            loss="binary_crossentropy",
            batch_size=2,
            epochs=epochs,
            validation_split=0.0,
            optimizer={"class_name": "Adam", "config": {"learning_rate": 0.05}},
        ),
    )
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return Document(p)


def curve_data(panel, key):
    x, y = panel.curves[key].getData()
    return (np.array([]), np.array([])) if x is None else (np.asarray(x), np.asarray(y))


def test_series_grows_past_its_capacity():
    s = Series(capacity=4)
    for i in range(10):
        s.extend([i], [i * i])
    x, y = s.data()
    assert list(x) == list(range(10)) and y[-1] == 81 and s.n == 10


def test_live_training_fills_batch_and_epoch_curves(qtbot):
    doc = xor_doc(epochs=40)
    c = TrainingController(doc)
    panel = CurvesPanel(c, doc)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(c.finished, timeout=20000):
        c.start()
    qtbot.waitUntil(lambda: len(curve_data(panel, "loss")[0]) == 40, timeout=2000)
    bx, by = curve_data(panel, "batch_loss")
    assert len(bx) == 80  # 4 samples / batch 2 = 2 batches per epoch, every one shown
    assert bx[0] == pytest.approx(0.5) and bx[-1] == pytest.approx(40.0)
    ex, ey = curve_data(panel, "loss")
    assert list(ex) == list(range(1, 41))
    assert np.allclose(ey, doc.project.history["loss"])
    ax, ay = curve_data(panel, "accuracy")
    assert len(ax) == 40 and ay[-1] == pytest.approx(doc.project.history["accuracy"][-1])
    assert len(curve_data(panel, "val_loss")[0]) == 0  # no validation split
    names = [label.text for _, label in panel.loss_plot.legend.items]
    assert names == ["loss (batch)", "loss"]  # no val_loss entry without validation data
    assert [label.text for _, label in panel.metric_plot.legend.items] == ["accuracy"]
    assert panel.metric_plot.viewRange()[1][0] <= 0.0 and panel.metric_plot.viewRange()[1][1] >= 1.0
    # reset clears everything
    c.reset_weights()
    qtbot.waitUntil(lambda: len(curve_data(panel, "loss")[0]) == 0, timeout=2000)
    assert len(curve_data(panel, "batch_loss")[0]) == 0


def test_shows_the_history_of_a_loaded_project(qtbot):
    doc = xor_doc()
    c = TrainingController(doc)
    panel = CurvesPanel(c, doc)
    qtbot.addWidget(panel)
    project = xor_doc().project
    project.history = {
        "loss": [0.9, 0.5, 0.3],
        "val_loss": [1.0, 0.7, 0.6],
        "accuracy": [0.5, 0.75, 1.0],
        "val_accuracy": [0.5, 0.5, 0.75],
    }
    project.epochs_trained = 3
    doc.replace_project(project)
    qtbot.waitUntil(lambda: len(curve_data(panel, "val_loss")[0]) == 3, timeout=2000)
    x, y = curve_data(panel, "loss")
    assert list(x) == [1, 2, 3] and list(y) == [0.9, 0.5, 0.3]
    assert list(curve_data(panel, "val_accuracy")[1]) == [0.5, 0.5, 0.75]
    for key in ("loss", "batch_loss", "val_loss"):
        assert panel.curves[key].opts["autoDownsample"] and panel.curves[key].opts["clipToView"]


def test_validation_curves_appear_with_a_split(qtbot):
    p = Project(
        input_shape=(2,),
        dataset=DatasetSpec(name="moons", params={"n_samples": 200}),
        training=TrainingSpec(
            loss="binary_crossentropy", batch_size=16, epochs=5, validation_split=0.25
        ),
    )
    p.add_layer("Dense", units=8, activation="relu")
    p.add_layer("Dense", units=1, activation="sigmoid")
    doc = Document(p)
    c = TrainingController(doc)
    panel = CurvesPanel(c, doc)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(c.finished, timeout=20000):
        c.start()
    qtbot.waitUntil(lambda: len(curve_data(panel, "val_accuracy")[0]) == 5, timeout=2000)
    assert [label.text for _, label in panel.loss_plot.legend.items] == [
        "loss (batch)",
        "loss",
        "val_loss",
    ]
    assert np.allclose(curve_data(panel, "val_loss")[1], doc.project.history["val_loss"])
