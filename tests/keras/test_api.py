"""nnstudio.keras's API pieces against Keras 3.

Golden numbers were computed once with Keras 3.15 (KERAS_BACKEND=torch, /work/kvenv) on
2026-12-06 from the same inputs, and are written here; the tests need no Keras.
"""

import numpy as np
import pytest

import nnstudio.keras as keras
from nnstudio.keras import layers

Z = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], np.float32)  # logits
Y = np.array([0, 1])
P = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]], np.float32)  # probabilities
BZ = np.array([[1.5, -0.5], [-2.0, 3.0]], np.float32)
BT = np.array([[1, 0], [0, 1]], np.float32)


def test_loss_objects_match_keras():
    L = keras.losses
    onehot = np.eye(3, dtype=np.float32)[Y]
    assert L.SparseCategoricalCrossentropy(from_logits=True)(Y, Z) == pytest.approx(
        0.3185397, abs=1e-6
    )
    np.testing.assert_allclose(
        L.CategoricalCrossentropy(from_logits=True, reduction=None)(onehot, Z),
        [0.4170299, 0.2200495],
        atol=1e-6,
    )
    assert L.CategoricalCrossentropy(label_smoothing=0.1)(onehot, P) == pytest.approx(
        0.4125352, abs=1e-6
    )
    assert L.CategoricalCrossentropy(label_smoothing=0.1, reduction="sum")(
        onehot, P
    ) == pytest.approx(0.8250704, abs=1e-6)
    assert L.BinaryCrossentropy(from_logits=True, label_smoothing=0.2)(BT, BZ) == pytest.approx(
        0.3877514, abs=1e-6
    )
    np.testing.assert_allclose(
        L.BinaryCrossentropy(reduction=None)(BT, np.array([[0.9, 0.2], [0.3, 0.6]], np.float32)),
        [0.1642521, 0.4337503],
        atol=1e-6,
    )
    mse = L.MeanSquaredError()(
        np.array([[1.0], [2.0]]), np.array([[1.5], [1.0]]), sample_weight=np.array([1.0, 3.0])
    )
    assert mse == pytest.approx(1.625)
    with pytest.raises(ValueError, match="reduction"):
        L.MeanSquaredError(reduction="average")


def _pair(from_logits):
    """Two models with the same start: linear + from_logits loss, or softmax + plain loss."""
    keras.utils.set_random_seed(0)
    act = None if from_logits else "softmax"
    model = keras.Sequential(
        [keras.Input((4,)), layers.Dense(5, activation="tanh"), layers.Dense(3, activation=act)]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(0.5),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits),
    )
    return model


@pytest.mark.parametrize("dtype", ["float64"])
def test_training_with_from_logits_equals_softmax_and_plain_loss(dtype):
    keras.backend.set_floatx(dtype)
    try:
        rng = np.random.default_rng(1)
        x, y = rng.normal(size=(12, 4)), rng.integers(0, 3, 12)
        a, b = _pair(True), _pair(False)
        ha = a.fit(x, y, batch_size=5, epochs=3, verbose=0).history["loss"]
        hb = b.fit(x, y, batch_size=5, epochs=3, verbose=0).history["loss"]
        np.testing.assert_allclose(ha, hb, rtol=1e-9)
        for wa, wb in zip(a.get_weights(), b.get_weights()):
            np.testing.assert_allclose(wa, wb, rtol=1e-9, atol=1e-12)
    finally:
        keras.backend.set_floatx("float32")


def test_reduction_other_than_the_mean_is_refused_in_compile():
    model = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
    with pytest.raises(ValueError, match="averages the loss"):
        model.compile("sgd", loss=keras.losses.MeanSquaredError(reduction="sum"))


X = np.array([-3.0, -0.5, 0.0, 0.7, 2.5], np.float32)
KERAS_ACTIVATIONS = {
    "selu": [-1.6705687, -0.6917582, 0.0, 0.7354907, 2.6267526],
    "gelu": [-0.0040499, -0.1542688, 0.0, 0.5306255, 2.4844759],
    "swish": [-0.1422776, -0.1887703, 0.0, 0.4677314, 2.3103545],
    "silu": [-0.1422776, -0.1887703, 0.0, 0.4677314, 2.3103545],
    "leaky_relu": [-0.6, -0.1, 0.0, 0.7, 2.5],
    "elu": [-0.950213, -0.3934693, 0.0, 0.7, 2.5],
    "softplus": [0.0485874, 0.474077, 0.6931472, 1.103186, 2.5788898],
    "relu": [0.0, 0.0, 0.0, 0.7, 2.5],
    "sigmoid": [0.0474259, 0.3775407, 0.5, 0.6681877, 0.9241418],
    "tanh": [-0.9950548, -0.4621172, 0.0, 0.6043678, 0.9866143],
}


@pytest.mark.parametrize("name", sorted(KERAS_ACTIVATIONS))
def test_activations_are_callable_functions_with_keras_values(name):
    np.testing.assert_allclose(
        getattr(keras.activations, name)(X), KERAS_ACTIVATIONS[name], atol=2e-6
    )


@pytest.mark.parametrize("name", ["selu", "gelu", "swish"])
def test_new_activations_train_in_dense_with_checked_gradients(name):
    from nnstudio.engine import activations

    act = activations.get(name)
    z = np.linspace(-3, 3, 12).reshape(1, -1)  # not 0, where selu has a kink
    dy = np.cos(z)
    h = 1e-6
    numeric = dy * (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(act.backward(dy, z, act.forward(z)), numeric, atol=1e-6)
    model = keras.Sequential([keras.Input((2,)), layers.Dense(3, activation=name), layers.Dense(1)])
    model.compile("sgd", "mse")
    assert model.layers[0].get_config()["activation"] == name
    loss = model.fit(np.ones((4, 2)), np.ones(4), epochs=3, verbose=0).history["loss"]
    assert loss[-1] < loss[0]


def test_metric_objects_in_compile_and_alone():
    m = keras.metrics.BinaryAccuracy()
    m.update_state([1, 0, 1, 1], [[0.9], [0.2], [0.3], [0.8]])
    assert m.result() == 0.75  # Keras 3.15: 0.75
    model = keras.Sequential([keras.Input((2,)), layers.Dense(3, activation="softmax")])
    model.compile(
        "sgd",
        "sparse_categorical_crossentropy",
        metrics=[
            keras.metrics.SparseCategoricalAccuracy(),
            keras.metrics.MeanSquaredError(name="m"),
        ],
    )
    history = model.fit(np.eye(3, 2), [0, 1, 2], epochs=1, verbose=0).history
    assert sorted(history) == ["loss", "m", "sparse_categorical_accuracy"]
    exact = keras.Sequential([keras.Input((1,)), layers.Dense(1, use_bias=False)])
    exact.layers[0].kernel[...] = 1.0
    exact.compile("sgd", "mse", metrics=[keras.metrics.Accuracy()])
    # keras.metrics.Accuracy is exact equality: 2 of 3 outputs equal their targets
    assert exact.evaluate(np.array([[1.0], [2.0], [3.0]]), np.array([1.0, 2.0, 4.0]), verbose=0)[
        1
    ] == pytest.approx(2 / 3)


def test_weights_kernel_and_bias_are_the_models_storage():
    model = keras.Sequential([keras.Input((2,)), layers.Dense(3), layers.Dense(1, use_bias=False)])
    assert [w.shape for w in model.weights] == [(2, 3), (3,), (3, 1)]
    dense = model.layers[0]
    assert dense.kernel is model.weights[0] and dense.bias is model.weights[1]
    assert model.layers[1].bias is None
    dense.kernel[...] = 0.5
    np.testing.assert_array_equal(model.get_weights()[0], np.full((2, 3), 0.5))
    with pytest.raises(AttributeError, match="no weights yet"):
        _ = layers.Dense(2).kernel


def test_keras_shapes_and_save_message(tmp_path):
    model = keras.Sequential([layers.Dense(4, input_shape=(2,))])
    assert model.input_shape == (None, 2) and model.output_shape == (None, 4)  # Keras 3.15
    built_late = keras.Sequential([layers.Dense(4)])
    built_late.build((3, 2))
    assert built_late.input_shape == (3, 2) and built_late.output_shape == (3, 4)  # Keras 3.15
    with pytest.raises(NotImplementedError, match="nnproj"):
        model.save(str(tmp_path / "x.keras"))
    model.save_weights(str(tmp_path / "w.npz"))
    other = keras.Sequential([layers.Dense(4, input_shape=(2,))])
    other.load_weights(str(tmp_path / "w.npz"))
    for a, b in zip(model.get_weights(), other.get_weights()):
        np.testing.assert_array_equal(a, b)
