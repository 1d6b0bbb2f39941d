"""The behaviours issue 18 found different from Keras 3, one test each.

Expected values are Keras 3's documented behaviour, checked once with Keras 3.15 on torch
(KERAS_BACKEND=torch, /work/kvenv) on 2026-12-06; the tests themselves need no Keras.
"""

import math

import numpy as np
import pytest

from nnstudio.engine import SGD, Activation, Dense, EarlyStopping, Input, Sequential, metrics


def test_a_model_with_a_known_input_shape_is_built_at_once():
    # Keras: W, b = model.layers[0].get_weights() works right after construction
    for first in (
        [Input(shape=(2,)), Dense(4)],
        [Dense(4, input_shape=(2,))],
        [Dense(4, input_dim=2)],
    ):
        model = Sequential([*first, Dense(3)])
        assert model.built
        W, b = model.layers[0].get_weights()
        assert W.shape == (2, 4) and b.shape == (4,)
        # it stays built after pop(), keeping the weights it had
        model.pop()
        assert model.built and len(model.layers) == 1
        np.testing.assert_array_equal(model.layers[0].get_weights()[0], W)
    # a model without an input shape waits for its data
    lazy = Sequential([Dense(4)])
    assert not lazy.built and lazy.layers[0].get_weights() == []


def test_adding_a_layer_that_cannot_take_the_input_is_refused_and_leaves_the_model_as_it_was():
    model = Sequential([Input(shape=(2,)), Dense(4)])
    with pytest.raises(ValueError, match="flat samples"):
        model.add(_NeedsTwoD())
    assert len(model.layers) == 1
    model.add(Dense(1))
    assert model.built and model.count_params() == 2 * 4 + 4 + 4 + 1


class _NeedsTwoD(Dense):
    def __init__(self):
        super().__init__(1)

    def build(self, input_shape, dtype=None, rng=None):
        raise ValueError("Dense needs flat samples (test double)")


def test_a_failed_build_leaves_the_model_usable():
    model = Sequential([Dense(4)])
    with pytest.raises(ValueError):
        model.build((3, 2, 5))  # Dense needs flat samples
    assert not model.built and model.input_shape is None
    model.build((2,))  # Keras's model.build((None, 2)) works too
    assert model.built and model.input_shape == (2,)
    again = Sequential([Dense(4)])
    again.build((None, 2))
    assert again.input_shape == (2,) and again.output_shape == (4,)


def test_binary_accuracy_with_a_column_of_outputs_compares_sample_by_sample():
    # Keras 3.15: mean(binary_accuracy([1, 0, 1, 1], [[.9], [.2], [.3], [.8]])) == 0.75
    y_true = np.array([1.0, 0.0, 1.0, 1.0])
    y_pred = np.array([[0.9], [0.2], [0.3], [0.8]])
    assert float(np.mean(metrics.binary_accuracy(y_true, y_pred))) == 0.75
    assert float(np.mean(metrics.binary_accuracy(y_pred, y_true))) == 0.75


def test_model_layers_cannot_be_assigned():
    model = Sequential([Input(shape=(2,)), Dense(1)])
    with pytest.raises(AttributeError, match="add"):
        model.layers = [Dense(3)]
    assert len(model.layers) == 1 and model.layers[0].units == 1


def test_setting_a_layers_activation_to_none_makes_it_linear():
    model = Sequential([Input(shape=(2,)), Dense(3, activation="relu")])
    layer = model.layers[0]
    layer.set_weights([np.array([[1.0, -1.0, 2.0], [0.5, 0.5, -3.0]]), np.zeros(3)])
    layer.activation = None
    x = np.array([[1.0, 1.0]], np.float32)
    np.testing.assert_allclose(model.predict(x, verbose=0), [[1.5, -0.5, -1.0]])
    layer.activation = "relu"
    np.testing.assert_allclose(model.predict(x, verbose=0), [[1.5, 0.0, 0.0]])
    act = Activation("tanh")
    act.activation = None
    assert act.activation.name == "linear"


def _regression():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20, 2)).astype(np.float32)
    return x, (x @ np.array([[1.0], [-2.0]], np.float32))


def test_early_stopping_on_a_name_never_logged_is_an_error_after_the_first_epoch():
    x, y = _regression()
    model = Sequential([Input(shape=(2,)), Dense(1)])
    model.compile(optimizer=SGD(0.01), loss="mse", metrics=["accuracy"])
    with pytest.raises(ValueError, match=r"monitor=val_acc.*loss, accuracy"):
        model.fit(
            x, y, epochs=3, verbose=0, validation_split=0.2, callbacks=[EarlyStopping("val_acc")]
        )
    assert model.optimizer.iterations == 1  # one epoch (16 samples, one batch) ran
    # the logged name works, its direction taken from the metric (accuracy goes up)
    es = EarlyStopping("val_accuracy")
    model.fit(x, y, epochs=2, verbose=0, validation_split=0.2, callbacks=[es])
    assert es.mode == "max"


def test_early_stopping_best_starts_as_none_and_a_nan_first_loss_is_never_improved_on():
    assert EarlyStopping().best is None
    x, y = _regression()
    model = Sequential([Input(shape=(2,)), Dense(1)])
    model.compile(optimizer=SGD(0.01), loss="mse")
    model.layers[0].set_weights([np.full((2, 1), np.nan), np.zeros(1)])
    es = EarlyStopping(monitor="loss", patience=2)
    history = model.fit(x, y, epochs=10, verbose=0, callbacks=[es])
    # Keras 3.15: 3 epochs run, best is nan, stopped_epoch 2, wait 2
    assert len(history.history["loss"]) == 3
    assert math.isnan(es.best) and es.stopped_epoch == 2 and es.wait == 2
