"""The step trace equals one train_on_batch bit for bit; numeric and backprop gradients agree."""

import numpy as np
import pytest

from nnstudio.engine import (
    Dense,
    Dropout,
    Input,
    Sequential,
    activations,
    optimizers,
    set_random_seed,
)
from nnstudio.engine import trace as trace_mod

OPTIMIZERS = [
    {"class_name": "SGD", "config": {"learning_rate": 0.1}},
    {"class_name": "SGD", "config": {"learning_rate": 0.05, "momentum": 0.9}},
    {"class_name": "SGD", "config": {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}},
    {"class_name": "RMSprop", "config": {}},
    {"class_name": "RMSprop", "config": {"momentum": 0.5, "clipnorm": 0.1}},
    {"class_name": "Adagrad", "config": {}},
    {"class_name": "Adam", "config": {"clipvalue": 0.01}},
    {"class_name": "Adam", "config": {}},
]


def _model(opt, hidden="relu", out="softmax", loss="categorical_crossentropy", dropout=False):
    set_random_seed(4)
    layers = [Input((3,)), Dense(5, activation=hidden, kernel_regularizer="l2")]
    if dropout:
        layers.append(Dropout(0.3))
    layers += [Dense(4, activation="tanh"), Dense(3, activation=out)]
    model = Sequential(layers)
    model.compile(optimizer=optimizers.deserialize(opt), loss=loss, metrics=["accuracy"])
    model.build()  # now, while the global seed's stream is where set_random_seed put it
    return model


def _data(n=7, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 3)).astype(np.float32), np.eye(3)[rng.integers(0, 3, n)]


def _state(model):
    return model.weights_buffer().copy(), model.optimizer.get_state()


@pytest.mark.parametrize(
    "opt", OPTIMIZERS, ids=lambda o: o["class_name"] + str(sorted(o["config"]))
)
@pytest.mark.parametrize("dropout", [False, True], ids=["plain", "dropout"])
def test_trace_equals_train_on_batch_bit_for_bit(opt, dropout):
    model = _model(opt, dropout=dropout)
    x, y = _data()
    for _ in range(2):  # a second step: the optimizer's slots are no longer their initial values
        model.train_on_batch(x[:5], y[:5])
    weights, state = _state(model)
    tr = trace_mod.trace_step(model, x, y)
    # the model was not touched
    np.testing.assert_array_equal(model.weights_buffer(), weights)
    after_state = model.optimizer.get_state()
    assert after_state.keys() == state.keys()
    for k in state:
        np.testing.assert_array_equal(after_state[k], state[k])
    # the real step
    loss = model.train_on_batch(x, y, return_dict=True)["loss"]
    assert tr.loss == loss
    for layer in model.layers:
        for k, g in layer.grads.items():
            np.testing.assert_array_equal(tr.layer(layer.name).grads[k], g)
            upd = tr.updates[f"{layer.name}/{k}"]
            np.testing.assert_array_equal(upd.grad, g)
            np.testing.assert_array_equal(upd.after, layer.params[k])
            assert upd.after.dtype == np.float32
    new_state = model.optimizer.get_state()
    for key, upd in tr.updates.items():
        assert upd.slots_before["iterations"] == 2 and upd.slots_after["iterations"] == 3
        for name in model.optimizer.slot_names():
            np.testing.assert_array_equal(upd.slots_after[name], new_state[f"{key}/{name}"])
            np.testing.assert_array_equal(upd.slots_before[name], state[f"{key}/{name}"])


def test_trace_textbook_relations_hold():
    """z, a, delta, dW, db and dL/da_prev are the textbook formulas of the same numbers."""
    model = _model(OPTIMIZERS[0], hidden="sigmoid")
    x, y = _data()
    tr = trace_mod.trace_step(model, x, y)
    assert tr.fused and tr.layers[-1].fused and tr.layers[-1].dL_da is None
    np.testing.assert_allclose(tr.layers[-1].delta, (tr.y - y) / len(x), rtol=1e-5, atol=1e-7)
    for rec in tr.layers:
        W = model.layers[rec.index].params["kernel"]
        act = activations.get(rec.activation)
        np.testing.assert_array_equal(rec.a, act.forward(rec.z.copy()))
        reg = model.layers[rec.index].kernel_regularizer
        penalty = 0 if reg is None else reg.gradient(W)  # the L2 term: d(0.01 Σ w²)/dw = 0.02 w
        np.testing.assert_allclose(
            rec.grads["kernel"], rec.a_prev.T @ rec.delta + penalty, rtol=1e-5, atol=1e-7
        )
        np.testing.assert_allclose(rec.grads["bias"], rec.delta.sum(axis=0), rtol=1e-5, atol=1e-7)
        if rec.index > 0:
            np.testing.assert_allclose(rec.dL_da_prev, rec.delta @ W.T, rtol=1e-5, atol=1e-7)
            np.testing.assert_array_equal(rec.dL_da_prev, tr.layers[rec.index - 1].dL_da)
        else:
            assert rec.dL_da_prev is None
        if not rec.fused:
            np.testing.assert_allclose(
                rec.delta, rec.dL_da * rec.local, rtol=1e-6
            )  # (dy y)(1-y) vs dy (y(1-y))
    sig = tr.layers[0]
    np.testing.assert_allclose(sig.local, sig.a * (1 - sig.a), rtol=1e-6)
    np.testing.assert_allclose(tr.per_sample_loss.mean() + tr.penalty, tr.loss, rtol=1e-6)
    sgd = tr.updates["dense/kernel"]
    np.testing.assert_allclose(
        sgd.step, -0.1 * sgd.grad, rtol=1e-3, atol=1e-6
    )  # float32 w_new - w_old


def test_apply_step_is_train_on_batch():
    a, b = _model(OPTIMIZERS[7]), _model(OPTIMIZERS[7])
    x, y = _data()
    tr = trace_mod.trace_step(a, x, y)
    assert trace_mod.apply_step(a, x, y) == b.train_on_batch(x, y)[0] == tr.loss
    np.testing.assert_array_equal(a.weights_buffer(), b.weights_buffer())
    np.testing.assert_array_equal(
        a.weight_dict()["dense_2/kernel"], tr.updates["dense_2/kernel"].after
    )


def test_batch_index_is_fits_order():
    """fit with shuffle visits exactly batch_index(...)'s samples, batch by batch."""
    model = _model(OPTIMIZERS[0])
    x, y = _data(n=10)
    twin = trace_mod.exact_copy(model)
    model.fit(x, y, batch_size=4, epochs=2, initial_epoch=1, verbose=0)
    for step in range(3):
        idx = trace_mod.batch_index(10, 4, twin.seed, 1, step)
        twin.train_on_batch(x[idx], y[idx])
    np.testing.assert_array_equal(model.weights_buffer(), twin.weights_buffer())


ACTS = list(activations.ACTIVATIONS)
LOSSES = [
    "mse",
    "mae",
    "sse",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
]


def _targets(loss, n, units, rng):
    if loss == "binary_crossentropy":
        return rng.integers(0, 2, size=(n, units)).astype(float)
    if loss == "categorical_crossentropy":
        return np.eye(units)[rng.integers(0, units, n)]
    if loss == "sparse_categorical_crossentropy":
        return rng.integers(0, units, n)
    return rng.normal(size=(n, units))


def _max_rel_error(model, x, y):
    numeric = trace_mod.numeric_gradient(model, x, y)
    backprop = trace_mod.backprop_gradient(model, x, y)
    worst = 0.0
    for key, (idx, n) in numeric.items():
        b = backprop[key].reshape(-1)[idx]
        # the usual measure (CS231n, gradcheck): ||b - n|| / (||b|| + ||n||) per parameter array
        worst = max(
            worst, float(np.linalg.norm(b - n) / (np.linalg.norm(b) + np.linalg.norm(n) + 1e-300))
        )
    return worst


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("act", ACTS)
def test_numeric_gradient_matches_backprop(act, loss):
    set_random_seed(3)
    rng = np.random.default_rng(1)
    out = {
        "binary_crossentropy": "sigmoid",
        "categorical_crossentropy": "softmax",
        "sparse_categorical_crossentropy": "softmax",
    }.get(loss, act)
    model = Sequential(
        [
            Input((3,)),
            Dense(4, activation=act, bias_initializer="random_normal"),
            Dense(3, activation=out, bias_initializer="random_normal"),
        ]
    )
    model.compile(optimizer="sgd", loss=loss)
    x, y = rng.normal(size=(6, 3)), _targets(loss, 6, 3, rng)
    assert _max_rel_error(model, x, y) < 1e-6


@pytest.mark.parametrize(
    "loss", ["binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"]
)
@pytest.mark.parametrize("scale", [8.0, 40.0], ids=["saturating", "saturated"])
def test_numeric_gradient_on_saturated_outputs(loss, scale):
    """Outputs pushed to 0/1 (z of +-40: p clipped at 1 - 1e-7 in the reported loss), some wrong."""
    set_random_seed(5)
    rng = np.random.default_rng(2)
    out = "sigmoid" if loss == "binary_crossentropy" else "softmax"
    model = Sequential([Input((3,)), Dense(4, activation="tanh"), Dense(3, activation=out)])
    model.compile(optimizer="sgd", loss=loss)
    model.build()
    model.layers[1].params["kernel"][...] *= scale / np.abs(model.layers[1].params["kernel"]).max()
    x, y = rng.normal(size=(6, 3)) * 3, _targets(loss, 6, 3, rng)
    p = model.predict(x, verbose=0)
    if scale > 10:
        assert ((p > 1 - 1e-7) | (p < 1e-7)).any()
    assert _max_rel_error(model, x, y) < 1e-6


def test_numeric_gradient_indices_progress_cancel():
    model = _model(OPTIMIZERS[0])
    x, y = _data()
    calls = []
    got = trace_mod.numeric_gradient(
        model,
        x,
        y,
        keys=["dense/kernel"],
        indices={"dense/kernel": [0, 4]},
        progress=lambda done, total: calls.append((done, total)),
    )
    assert list(got) == ["dense/kernel"] and list(got["dense/kernel"][0]) == [0, 4]
    assert calls == [(1, 2), (2, 2)]
    stopped = trace_mod.numeric_gradient(model, x, y, cancel=lambda: True)
    assert np.isnan(next(iter(stopped.values()))[1]).all()
    with pytest.raises(ValueError, match="no parameter"):
        trace_mod.numeric_gradient(model, x, y, keys=["nope/kernel"])


def test_numeric_check_notices_a_wrong_derivative(monkeypatch):
    model = Sequential([Input((3,)), Dense(4, activation="sigmoid"), Dense(2)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = _data()
    monkeypatch.setattr(type(activations.get("sigmoid")), "backward", lambda self, dy, z, y: dy * y)
    assert _max_rel_error(model, x, y[:, :2]) > 1e-2


def test_gradient_table_worst_first_sampled_and_timed():
    model = _model(OPTIMIZERS[0], hidden="sigmoid")
    x, y = _data()
    full = trace_mod.gradient_table(model, x, y)
    assert full["total"] == model.count_params() == full["checked"] and not full["cancelled"]
    errors = [r[4] for r in full["rows"]]
    assert errors == sorted(errors, reverse=True) and errors[0] < 1e-4
    assert full["backprop_s"] > 0 and full["numeric_s"] > 0
    some = trace_mod.gradient_table(model, x, y, sample=10, seed=1)
    assert some["checked"] == 10 and len({(r[0], r[1]) for r in some["rows"]}) == 10
    calls = []
    stopped = trace_mod.gradient_table(
        model, x, y, cancel=lambda: len(calls) >= 3, progress=lambda done, total: calls.append(done)
    )
    assert stopped["cancelled"] and stopped["checked"] == 3
