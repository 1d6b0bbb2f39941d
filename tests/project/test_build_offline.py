"""build.py parts that need no engine: history merging, validation refusals."""

import math

import numpy as np
import pytest

from nnstudio.project import Document, Project, ProjectError, capture
from nnstudio.project.validate import check_network, expected_weight_shapes


class FakeOptimizer:
    def get_state(self):
        return {"iterations": np.array(3, dtype=np.int64)}


class FakeModel:
    optimizer = FakeOptimizer()

    def weight_dict(self):
        return {"dense/kernel": np.ones((2, 1), np.float32), "dense/bias": np.zeros(1, np.float32)}


class FakeHistory:
    def __init__(self, history, epoch):
        self.history, self.epoch = history, epoch


def small_project():
    p = Project(input_shape=(2,))
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return p


def test_capture_appends_history_and_counts_epochs():
    p = small_project()
    capture(p, FakeModel(), FakeHistory({"loss": [0.9, 0.8]}, [0, 1]))
    capture(p, FakeModel(), FakeHistory({"loss": [0.7], "val_loss": [0.75]}, [2]))
    assert p.epochs_trained == 3
    assert p.history["loss"] == [0.9, 0.8, 0.7]
    assert math.isnan(p.history["val_loss"][0]) and p.history["val_loss"][2] == 0.75
    assert int(p.optimizer_state["iterations"]) == 3
    assert p.weights["dense/kernel"].shape == (2, 1)


def test_capture_into_document_emits_events():
    doc = Document(small_project())
    events = []
    doc.subscribe(lambda event, info: events.append(event))
    capture(doc, FakeModel(), {"loss": [0.5]})
    assert "weights" in events and "history" in events
    assert doc.project.history == {"loss": [0.5]} and doc.project.epochs_trained == 1


def test_expected_shapes_follow_units_and_bias():
    p = small_project()
    p.layers[1].config["use_bias"] = False
    assert expected_weight_shapes(p) == {
        "dense/kernel": (2, 8),
        "dense/bias": (8,),
        "dense_1/kernel": (8, 1),
    }


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda p: p.layers[0].__setattr__("type", "os.system"), "does not know"),
        (lambda p: p.layers[0].config.__setitem__("units", 10**12), "units"),
        (lambda p: p.layers[0].config.__setitem__("activation", "__import__"), "activation"),
        (lambda p: p.training.__setattr__("loss", "eval"), "loss"),
        (
            lambda p: p.training.__setattr__(
                "optimizer", {"class_name": "os.system", "config": {}}
            ),
            "optimizer",
        ),
        (lambda p: p.training.__setattr__("batch_size", 0), "batch size"),
        (lambda p: p.__setattr__("input_shape", None), "input shape"),
        (lambda p: p.layers.clear(), "no layers"),
    ],
)
def test_check_network_refuses(mutate, words):
    p = small_project()
    mutate(p)
    with pytest.raises(ProjectError, match=words):
        check_network(p)
