"""Optimizer steps against values worked out by hand from Keras 3's update rules."""

import math

import numpy as np
import pytest

from nnstudio.engine import SGD, Adagrad, Adam, RMSprop, optimizers


def run(opt, grads, p0=(1.0, -2.0), dtype=np.float64):
    """Apply each gradient in turn to a fresh parameter; return the parameter after each step."""
    p = np.array(p0, dtype)
    out = []
    for g in grads:
        opt.apply({"w": p}, {"w": np.array(g, dtype)})
        out.append(p.copy())
    return out


G = (0.5, 0.25)


def test_sgd_plain():
    (p1,) = run(SGD(learning_rate=0.1), [G])
    np.testing.assert_allclose(p1, [0.95, -2.025])


def test_sgd_momentum_two_steps():
    p1, p2 = run(SGD(learning_rate=0.1, momentum=0.9), [G, G])
    np.testing.assert_allclose(p1, [0.95, -2.025])  # v1 = -0.1 g
    np.testing.assert_allclose(p2, [0.855, -2.0725])  # v2 = 0.9 v1 - 0.1 g = -0.19 g


def test_sgd_nesterov_two_steps():
    p1, p2 = run(SGD(learning_rate=0.1, momentum=0.9, nesterov=True), [G, G])
    np.testing.assert_allclose(p1, [0.905, -2.0475])  # w += 0.9 v1 - 0.1 g = -0.19 g
    np.testing.assert_allclose(p2, [0.7695, -2.11525])  # w += 0.9 v2 - 0.1 g = -0.271 g


def test_rmsprop_matches_keras_docstring_example():
    # keras.optimizers.RMSprop docstring: var = 10, loss = var^2 / 2, one step with lr 0.1 -> 9.683772
    (p1,) = run(RMSprop(learning_rate=0.1), [(10.0,)], p0=(10.0,), dtype=np.float32)
    assert p1[0] == pytest.approx(9.683772, abs=1e-6)


def test_rmsprop_two_steps_and_momentum():
    p1, p2 = run(RMSprop(learning_rate=0.1), [(0.5,), (0.5,)], p0=(1.0,))
    v1 = 0.1 * 0.25
    v2 = 0.9 * v1 + 0.1 * 0.25
    assert p1[0] == pytest.approx(1 - 0.05 / math.sqrt(v1 + 1e-7), rel=1e-12)
    assert p2[0] == pytest.approx(p1[0] - 0.05 / math.sqrt(v2 + 1e-7), rel=1e-12)
    q1, q2 = run(RMSprop(learning_rate=0.1, momentum=0.5), [(0.5,), (0.5,)], p0=(1.0,))
    m1 = 0.05 / math.sqrt(v1 + 1e-7)
    m2 = 0.5 * m1 + 0.05 / math.sqrt(v2 + 1e-7)
    assert q1[0] == pytest.approx(1 - m1, rel=1e-12)
    assert q2[0] == pytest.approx(1 - m1 - m2, rel=1e-12)


def test_adagrad_two_steps():
    p1, p2 = run(Adagrad(learning_rate=0.1), [(0.5,), (0.5,)], p0=(1.0,))
    assert p1[0] == pytest.approx(1 - 0.05 / math.sqrt(0.35 + 1e-7), rel=1e-12)  # acc = 0.1 + 0.25
    assert p2[0] == pytest.approx(p1[0] - 0.05 / math.sqrt(0.60 + 1e-7), rel=1e-12)


def test_adam_two_steps():
    p1, p2 = run(Adam(learning_rate=0.1), [(0.5,), (0.25,)], p0=(1.0,))
    m1, v1 = 0.1 * 0.5, 0.001 * 0.25
    alpha1 = 0.1 * math.sqrt(1 - 0.999) / (1 - 0.9)
    assert p1[0] == pytest.approx(1 - alpha1 * m1 / (math.sqrt(v1) + 1e-7), rel=1e-12)
    assert p1[0] == pytest.approx(0.9, abs=1e-5)  # Adam's first step is about lr * sign(g)
    m2 = m1 + (0.25 - m1) * 0.1
    v2 = v1 + (0.0625 - v1) * 0.001
    alpha2 = 0.1 * math.sqrt(1 - 0.999**2) / (1 - 0.9**2)
    assert p2[0] == pytest.approx(p1[0] - alpha2 * m2 / (math.sqrt(v2) + 1e-7), rel=1e-12)


def test_clipnorm_clips_each_parameter_by_its_own_norm():
    opt = SGD(learning_rate=1.0, clipnorm=1.0)
    a, b = np.zeros(2), np.zeros(2)
    opt.apply({"a": a, "b": b}, {"a": np.array([3.0, 4.0]), "b": np.array([0.3, 0.4])})
    np.testing.assert_allclose(a, [-0.6, -0.8])  # norm 5 -> scaled to norm 1
    np.testing.assert_allclose(b, [-0.3, -0.4])  # norm 0.5 < 1: unchanged


def test_clipvalue():
    (p1,) = run(SGD(learning_rate=1.0, clipvalue=0.5), [(3.0, -0.2)], p0=(0.0, 0.0))
    np.testing.assert_allclose(p1, [-0.5, 0.2])


def test_only_one_clipping_option():
    with pytest.raises(ValueError, match="clipnorm"):
        SGD(clipnorm=1.0, clipvalue=1.0)


@pytest.mark.parametrize(
    "make",
    [
        lambda: SGD(0.1, momentum=0.9, nesterov=True),
        lambda: RMSprop(0.01, momentum=0.5),
        lambda: Adagrad(0.1),
        lambda: Adam(0.01),
        lambda: Adam(0.01, clipnorm=0.3),
        lambda: RMSprop(clipvalue=0.1),
    ],
)
def test_flat_update_equals_per_key_update(make):
    """The fast path (all parameters in one buffer) computes exactly what the per-key one does."""
    rng = np.random.default_rng(0)
    shapes = {"d/kernel": (3, 2), "d/bias": (2,), "e/kernel": (2, 1)}
    flat = optimizers.FlatBuffers(shapes, np.float32)
    separate = {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
    for k in shapes:
        flat.param_views[k][...] = separate[k]
    a, b = make(), make()
    for _ in range(3):
        grads = {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
        for k in shapes:
            flat.grad_views[k][...] = grads[k]
        a.apply(separate, grads)
        b.apply_flat(flat)
    for k in shapes:
        np.testing.assert_array_equal(separate[k], flat.param_views[k])
    sa, sb = a.get_state(), b.get_state()
    assert sa.keys() == sb.keys() and int(sb["iterations"]) == 3
    for k in sa:
        np.testing.assert_array_equal(sa[k], sb[k])


def test_float32_updates_stay_float32():
    p = np.ones(4, np.float32)
    for opt in (SGD(0.1, momentum=0.9), RMSprop(), Adagrad(), Adam()):
        opt.apply({"w": p}, {"w": np.full(4, 0.5, np.float32)})
        assert p.dtype == np.float32
        assert all(v.dtype == np.float32 for k, v in opt.get_state().items() if k != "iterations")


def test_state_round_trip_resumes_exactly():
    grads = [np.array([0.3, -0.1]), np.array([0.2, 0.4]), np.array([-0.5, 0.1])]
    straight = Adam(0.05)
    p = np.array([1.0, 2.0])
    for g in grads:
        straight.apply({"w": p}, {"w": g})
    first = Adam(0.05)
    q = np.array([1.0, 2.0])
    first.apply({"w": q}, {"w": grads[0]})
    second = Adam(0.05)
    second.set_state(first.get_state())
    for g in grads[1:]:
        second.apply({"w": q}, {"w": g})
    np.testing.assert_array_equal(p, q)
    assert second.iterations == 3
    assert set(first.get_state()) == {"iterations", "w/momentum", "w/velocity"}


def test_set_state_rejects_unknown_slots():
    with pytest.raises(ValueError, match="velocity"):
        SGD(momentum=0.9).set_state({"iterations": 1, "w/velocity": np.zeros(2)})


@pytest.mark.parametrize(
    "name,cls",
    [
        ("sgd", SGD),
        ("SGD", SGD),
        ("RMSprop", RMSprop),
        ("rmsprop", RMSprop),
        ("adagrad", Adagrad),
        ("Adam", Adam),
        ("ADAM", Adam),
    ],
)
def test_lookup_by_name_any_case(name, cls):
    assert type(optimizers.get(name)) is cls


def test_keras_defaults_and_config_round_trip():
    assert SGD().get_config() == {
        "name": "SGD",
        "learning_rate": 0.01,
        "clipnorm": None,
        "clipvalue": None,
        "momentum": 0.0,
        "nesterov": False,
    }
    assert (RMSprop().learning_rate, RMSprop().rho, RMSprop().epsilon) == (0.001, 0.9, 1e-7)
    assert (Adagrad().initial_accumulator_value, Adagrad().learning_rate) == (0.1, 0.001)
    assert (Adam().beta_1, Adam().beta_2, Adam().epsilon) == (0.9, 0.999, 1e-7)
    opt = Adam(learning_rate=0.02, beta_1=0.8, clipnorm=2.0)
    d = optimizers.serialize(opt)
    assert d["class_name"] == "Adam"
    again = optimizers.deserialize(d)
    assert again.get_config() == opt.get_config()
    keras_style = {
        "class_name": "Adam",
        "config": {**opt.get_config(), "weight_decay": None, "use_ema": False},
    }
    assert optimizers.get(keras_style).beta_1 == 0.8


@pytest.mark.parametrize(
    "bad,match",
    [
        (
            lambda: SGD(learning_rate=-1),
            "learning_rate must be a number >= 0, received: learning_rate=-1",
        ),
        (lambda: SGD(momentum=1.5), "momentum"),
        (lambda: Adam(beta_1=1.0), "beta_1"),
        (lambda: optimizers.get("adamw"), "adamw"),
        (lambda: optimizers.deserialize({"class_name": "Nadam"}), "Nadam"),
    ],
)
def test_bad_arguments_name_what_was_received(bad, match):
    with pytest.raises(ValueError, match=match):
        bad()
