"""Backprop against central differences in float64, for every activation x every loss."""

import numpy as np
import pytest

from nnstudio.engine import (
    Activation,
    Dense,
    Dropout,
    Input,
    Sequential,
    gradcheck,
    set_random_seed,
)
from nnstudio.engine import activations, losses

ACTS = list(activations.ACTIVATIONS)
LOSSES = [
    "mse",
    "mae",
    "sse",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
]


def _data(loss, n=6, features=3, units=3, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, features))
    if loss == "binary_crossentropy":
        y = rng.integers(0, 2, size=(n, units)).astype(float)
    elif loss == "categorical_crossentropy":
        y = np.eye(units)[rng.integers(0, units, n)]
    elif loss == "sparse_categorical_crossentropy":
        y = rng.integers(0, units, n)
    else:
        y = rng.normal(size=(n, units))
    return x, y


def _output_activation(loss, hidden):
    return {
        "binary_crossentropy": "sigmoid",
        "categorical_crossentropy": "softmax",
        "sparse_categorical_crossentropy": "softmax",
    }.get(loss, hidden)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("fused", [True, False], ids=["fused", "unfused"])
def test_every_activation_with_every_loss(float64, act, loss, fused):
    set_random_seed(3)
    x, y = _data(loss)
    model = Sequential(
        [
            Input((3,)),
            Dense(
                4,
                activation=act,
                kernel_initializer="glorot_normal",
                bias_initializer="random_normal",
            ),
            Dense(3, activation=_output_activation(loss, act), bias_initializer="random_normal"),
        ]
    )
    if not fused:  # a trailing linear Activation stops the fused softmax/sigmoid shortcut
        model.add(Activation("linear"))
    model.compile(optimizer="sgd", loss=loss)
    assert model._fused() == (fused and loss in LOSSES[3:])
    errors = gradcheck(model, x, y)
    assert set(errors) == {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"}
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize("act", ACTS)
def test_activation_layer_backward(float64, act):
    set_random_seed(5)
    x, y = _data("mse", features=4, units=4)
    model = Sequential([Input((4,)), Dense(4), Activation(act), Dense(4)])
    model.compile(optimizer="sgd", loss="mse")
    assert max(gradcheck(model, x, y).values()) < 1e-6


def test_dropout_and_regularizers_backward(float64):
    set_random_seed(7)
    x, y = _data("categorical_crossentropy", n=8, features=5)
    model = Sequential(
        [
            Input((5,)),
            Dense(6, activation="tanh", kernel_regularizer="l2"),
            Dropout(0.4),
            Dense(6, activation="elu", kernel_regularizer="l1"),
            Dense(3, activation="softmax", use_bias=False),
        ]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    errors = gradcheck(model, x, y)
    assert "dense_2/bias" not in errors
    assert max(errors.values()) < 1e-6, errors


def test_gradcheck_notices_a_wrong_gradient(float64, monkeypatch):
    """The check itself must be able to fail: break tanh's derivative and watch it."""
    set_random_seed(1)
    x, y = _data("mse")
    model = Sequential([Input((3,)), Dense(4, activation="tanh"), Dense(3)])
    model.compile(optimizer="sgd", loss="mse")
    monkeypatch.setattr(
        type(activations.get("tanh")), "backward", lambda self, dy, z, y: dy * (1 - y)
    )
    assert gradcheck(model, x, y)["dense/kernel"] > 1e-3


def test_gradcheck_leaves_a_float32_model_untouched():
    set_random_seed(2)
    x, y = _data("mse")
    model = Sequential([Input((3,)), Dense(4, activation="sigmoid"), Dense(3)])
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()
    errors = gradcheck(model, x, y)
    assert max(errors.values()) < 1e-6
    assert model.dtype == np.float32
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    "loss", ["binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"]
)
def test_fused_gradient_is_y_minus_t_over_batch(loss):
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4, 3))
    x, t = _data(loss, n=4)
    fn = losses.get(loss)
    y = activations.get(fn.fused_activation).forward(z)
    onehot = np.eye(3)[t] if fn.sparse else t
    scale = 4 * (3 if loss == "binary_crossentropy" else 1)
    np.testing.assert_allclose(fn.fused_gradient(t, y), (y - onehot) / scale)
