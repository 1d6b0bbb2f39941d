"""Flatten: Keras's shapes and config, its backward against central differences, and the
shape descriptors every layer class answers without being built."""

import numpy as np
import pytest

from nnstudio.engine import Dense, Dropout, Flatten, Input, Sequential, gradcheck, set_random_seed
from nnstudio.engine import layers


def test_the_tensorflow_quickstart_network_has_keras_shapes_and_counts():
    model = Sequential(
        [
            Flatten(input_shape=(28, 28)),
            Dense(128, activation="relu"),
            Dropout(0.2),
            Dense(10, activation="softmax"),
        ]
    )
    rows = model.summary_rows()
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Flatten", (784,), 0),
        ("Dense", (128,), 784 * 128 + 128),
        ("Dropout", (128,), 0),
        ("Dense", (10,), 128 * 10 + 10),
    ]
    assert model.count_params() == 101_770  # what Keras's model.summary() prints
    x = np.random.default_rng(0).random((5, 28, 28), dtype=np.float32)
    assert model.predict(x, verbose=0).shape == (5, 10)
    assert np.array_equal(model.layers[0].forward(x), x.reshape(5, 784))


def test_config_is_keras_and_round_trips():
    layer = Flatten(name="flat")
    assert layer.get_config() == {"name": "flat", "data_format": "channels_last"}
    again = layers.deserialize(layers.serialize(layer))
    assert isinstance(again, Flatten) and again.get_config() == layer.get_config()
    with pytest.raises(ValueError, match="data_format must be"):
        Flatten(data_format="channels_middle")


def test_channels_first_flattens_in_channels_last_order():
    x = np.arange(2 * 3 * 2 * 2, dtype=np.float64).reshape(2, 3, 2, 2)  # (batch, c, h, w)
    y = Flatten(data_format="channels_first").forward(x)
    assert np.array_equal(y, np.moveaxis(x, 1, -1).reshape(2, -1))  # as Keras: (h, w, c) order


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_backward_against_central_differences(float64, data_format):
    """L = sum(w * flatten(x)): dL/dx from backward() equals (L(x + e) - L(x - e)) / 2e."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, 2, 4, 5))
    layer = Flatten(data_format=data_format)
    w = rng.normal(size=(3, 40))
    layer.forward(x)
    analytic = layer.backward(w.copy())
    numeric = np.zeros_like(x)
    eps = 1e-6
    for i in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[i] += eps
        xm[i] -= eps
        numeric[i] = (np.sum(w * layer.forward(xp)) - np.sum(w * layer.forward(xm))) / (2 * eps)
    assert analytic.shape == x.shape
    assert np.max(np.abs(analytic - numeric)) < 1e-8


def test_gradcheck_of_a_network_that_starts_with_flatten(float64):
    set_random_seed(4)
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(6, 4, 3)), rng.integers(0, 3, 6)
    model = Sequential([Input((4, 3)), Flatten(), Dense(5, activation="tanh"), Flatten()])
    model.add(Dense(3, activation="softmax"))
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    errors = gradcheck(model, x, y)
    assert set(errors) == {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"}
    assert max(errors.values()) < 1e-6, errors


def test_shape_descriptors_answer_without_building():
    assert layers.Flatten.output_shape_for({}, (28, 28)) == (784,)
    assert layers.Flatten.weight_shapes_for({}, (28, 28)) == {}
    assert layers.Dense.output_shape_for({"units": 8}, (784,)) == (8,)
    assert layers.Dense.weight_shapes_for({"units": 8, "use_bias": False}, (3,)) == {
        "kernel": (3, 8)
    }
    assert layers.Dropout.output_shape_for({"rate": 0.5}, (7,)) == (7,)
    with pytest.raises(ValueError, match="Flatten layer before it"):
        layers.Dense.weight_shapes_for({"units": 8}, (28, 28))
    with pytest.raises(ValueError, match="units must be a positive integer"):
        layers.Dense.output_shape_for({"units": 0}, (3,))


@pytest.mark.parametrize("cls", list(layers.LAYER_CLASSES.values()))
def test_every_layer_class_builds_the_weights_its_descriptor_names(cls):
    example = {"Dense": Dense(4, use_bias=False), "Dropout": Dropout(0.3)}.get(cls.__name__)
    layer = example or cls.from_config(
        {"activation": "tanh"} if cls.__name__ == "Activation" else {}
    )
    layer.build((6,))
    config = layer.get_config()
    expected = cls.weight_shapes_for(config, (6,))
    assert {k: v.shape for k, v in layer.params.items()} == expected
    assert layer.output_shape == cls.output_shape_for(config, (6,))
