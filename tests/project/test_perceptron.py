"""The perceptron lab's arithmetic (nnstudio.project.perceptron): gates, the rule, the line."""

import itertools

import numpy as np
import pytest

from nnstudio.project import build, build_dataset, prepare_data
from nnstudio.project import perceptron as pc
from nnstudio.project.perceptron import Neuron


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
def test_each_preset_computes_its_gate(gate):
    neuron = Neuron(*pc.PRESETS[gate])
    assert neuron.table() == pc.TARGETS[gate]
    assert neuron.gate() == gate and neuron.score(gate) == 4


def test_the_textbook_weights():
    assert pc.PRESETS["AND"] == (0.5, 0.5, -0.7)
    assert pc.PRESETS["OR"] == (0.5, 0.5, -0.2)
    assert pc.PRESETS["NAND"] == (-0.5, -0.5, 0.7)
    # the notes' AND: w = (1, 1), b = -1, firing above 0 (at (1, 1) the sum is 1)
    assert Neuron(1, 1, -1).gate() == "AND"


@pytest.mark.parametrize(
    "weights, gate",
    [
        ((1, 1, -1.5), "AND"),
        ((2, 2, -1), "OR"),
        ((-1, -1, 1.5), "NAND"),
        ((-1, -1, 0.5), "NOR"),
        ((1, 0, -0.5), None),
        ((0, 0, 1), None),
        ((0, 0, -1), None),
        ((1, -1, 0.5), None),
    ],
)
def test_gate_recognised_from_weights(weights, gate):
    assert Neuron(*weights).gate() == gate


def test_outputs_of_each_activation():
    z = np.array([-2.0, 0.0, 3.0])
    assert pc.activate(z, "step").tolist() == [0, 0, 1]
    assert pc.activate(z, "sigmoid") == pytest.approx(1 / (1 + np.exp(-z)))
    assert pc.activate(z, "tanh") == pytest.approx(np.tanh(z))
    assert pc.activate(z, "relu").tolist() == [0, 0, 3]
    assert pc.activate(z, "linear").tolist() == [-2, 0, 3]
    with pytest.raises(ValueError, match="activation must be one of"):
        pc.activate(z, "softmax")
    # the firing side is the line's side, whatever the activation draws
    for act in pc.ACTIVATIONS:
        assert Neuron(*pc.PRESETS["AND"], activation=act).table() == (0, 0, 0, 1)


def test_one_line_never_gets_xor():
    tables = pc.separable_tables()
    assert len(tables) == 14 and (0, 1, 1, 0) not in tables and (1, 0, 0, 1) not in tables
    assert pc.best_score("XOR") == 3
    assert all(pc.best_score(g) == 4 for g in pc.RECOGNISED)
    # nor on a fine grid of weights
    grid = np.linspace(-2, 2, 21)
    assert max(Neuron(a, b, c).score("XOR") for a, b, c in itertools.product(grid, grid, grid)) == 3


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
@pytest.mark.parametrize("start", [(0, 0, 0), (1, -1, 0.5), (-0.8, 0.3, -0.2)])
def test_learning_rule_converges_on_separable_gates(gate, start):
    updates = list(pc.learn(Neuron(*start), gate, eta=0.1, max_updates=1000))
    assert 0 < len(updates) <= 100
    last = updates[-1]
    assert Neuron(*last.after).table() == pc.TARGETS[gate]
    assert pc.learning_step(Neuron(*last.after), gate) is None  # nothing left to correct


def test_learning_rule_is_the_formula():
    update = pc.learning_step(Neuron(0, 0, 0), "OR", eta=0.25)
    # (0, 0) fires 0 = OR's 0: right; (0, 1) fires 0, wants 1: w <- w + 0.25 (1 - 0) (0, 1)
    assert (update.index, update.t, update.y) == (1, 1, 0)
    assert update.after == (0.0, 0.25, 0.25)


def test_learning_rule_cycles_for_ever_on_xor():
    neuron = Neuron(0, 0, 0)
    updates = list(pc.learn(neuron, "XOR", eta=0.1, max_updates=1000))
    assert len(updates) == 1000  # never converges
    assert max(Neuron(*u.after).score("XOR") for u in updates) <= 3
    # it cycles: the same weights come back again and again
    seen = [u.after for u in updates[500:]]
    assert len(set(seen)) < len(seen) / 2


@pytest.mark.parametrize(
    "p, q", [((0, 0.6), (1, 1.2)), ((0.2, -0.5), (0.9, 1.5)), ((1, 1), (0, 0.5))]
)
def test_line_through_two_points(p, q):
    w1, w2, b = pc.line_through(p, q, like=(0.5, 0.5, -0.7))
    for x, y in (p, q):
        assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-12)
    assert np.hypot(w1, w2) == pytest.approx(np.hypot(0.5, 0.5))  # the same steepness
    assert w1 * 0.5 + w2 * 0.5 > 0  # still fires on the side the old weights pointed to
    with pytest.raises(ValueError):
        pc.line_through(p, p)


def test_line_points_are_on_the_line_and_in_the_box():
    ends = pc.line_points(0.5, 0.5, -0.7)
    assert ends is not None
    for x, y in ends:
        assert 0.5 * x + 0.5 * y - 0.7 == pytest.approx(0, abs=1e-9)
        assert -0.5 <= x <= 1.5 and -0.5 <= y <= 1.5
    assert pc.line_points(0, 0, 1) is None  # no line at all
    assert pc.line_points(1, 0, -5) is None  # x1 = 5 misses the box
    # dragging the ends round trips: the line through its own ends is the same line
    assert pc.line_through(*ends, like=(0.5, 0.5, -0.7)) == pytest.approx((0.5, 0.5, -0.7))


def test_xor_from_gates_scores_4_of_4_untrained_in_the_engine():
    p = pc.xor_from_gates()
    assert [s.config["units"] for s in p.layers] == [2, 1]
    assert p.dataset.name == "xor" and p.epochs_trained == 0
    model = build.build_model(p)  # the engine, with the project's weights restored
    x, y, _, _ = prepare_data(p, build_dataset(p))
    result = model.evaluate(x, y, verbose=0, return_dict=True)
    assert result["accuracy"] == 1.0
    out = model.predict(pc.INPUTS.astype(np.float32), verbose=0)[:, 0]
    assert (out > 0.5).astype(int).tolist() == [0, 1, 1, 0]
    hidden = model.layer_outputs(pc.INPUTS.astype(np.float32))[0]
    assert (hidden[:, 0] > 0.5).astype(int).tolist() == [1, 1, 1, 0]  # NAND
    assert (hidden[:, 1] > 0.5).astype(int).tolist() == [0, 1, 1, 1]  # OR
