"""Initializers use Keras 3's ranges and scales; regularizer penalties join the loss."""

import math

import numpy as np
import pytest

from nnstudio.engine import Dense, Input, Sequential, initializers, regularizers, set_random_seed

SHAPE = (400, 300)


def sample(name):
    return initializers.get(name)(SHAPE, "float64", np.random.default_rng(0))


def test_uniform_limits():
    w = sample("glorot_uniform")
    limit = math.sqrt(6 / (400 + 300))
    assert np.abs(w).max() <= limit and np.abs(w).max() > 0.99 * limit
    w = sample("he_uniform")
    limit = math.sqrt(6 / 400)
    assert np.abs(w).max() <= limit and np.abs(w).max() > 0.99 * limit
    w = sample("random_uniform")
    assert np.abs(w).max() <= 0.05 and np.abs(w).max() > 0.0499


@pytest.mark.parametrize("name,variance", [("glorot_normal", 2 / 700), ("he_normal", 2 / 400)])
def test_truncated_normals_have_the_keras_variance(name, variance):
    w = sample(name)
    stddev = math.sqrt(variance) / 0.87962566103423978
    assert np.abs(w).max() <= 2 * stddev  # truncated at two (corrected) standard deviations
    assert w.std() == pytest.approx(
        math.sqrt(variance), rel=0.02
    )  # the correction restores the variance


def test_random_normal_and_constants():
    assert sample("random_normal").std() == pytest.approx(0.05, rel=0.02)
    assert (sample("zeros") == 0).all() and (sample("ones") == 1).all()
    assert initializers.get("GlorotUniform").name == "glorot_uniform"


def test_serialized_as_names_or_dicts():
    assert initializers.serialize("he_normal") == "he_normal"
    custom = initializers.get(
        {"class_name": "RandomUniform", "config": {"minval": -1, "maxval": 1}}
    )
    d = initializers.serialize(custom)
    assert d == {
        "class_name": "RandomUniform",
        "config": {"minval": -1.0, "maxval": 1.0, "seed": None},
    }
    assert initializers.get(d).get_config() == custom.get_config()
    with pytest.raises(ValueError, match="minval must be below maxval"):
        initializers.get({"class_name": "RandomUniform", "config": {"minval": 1, "maxval": 0}})


def test_layers_draw_from_the_global_seed():
    set_random_seed(11)
    a = Sequential([Input((3,)), Dense(4)]).get_weights()[0]
    set_random_seed(11)
    b = Sequential([Input((3,)), Dense(4)]).get_weights()[0]
    c = Sequential([Input((3,)), Dense(4)]).get_weights()[0]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(b, c)


def test_regularizer_penalty_is_added_to_the_loss():
    set_random_seed(0)
    model = Sequential(
        [
            Input((3,)),
            Dense(2, kernel_regularizer="l2", bias_initializer="ones"),
            Dense(1, kernel_regularizer=regularizers.L1(0.5)),
        ]
    )
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((4, 3), np.float32), np.zeros((4, 1), np.float32)
    w1, _, w2, _ = model.get_weights()
    data_loss = float(np.mean(model.predict(x, verbose=0) ** 2))
    expected = data_loss + 0.01 * float((w1**2).sum()) + 0.5 * float(np.abs(w2).sum())
    assert model.evaluate(x, y, verbose=0) == pytest.approx(expected, rel=1e-5)
    assert model.train_on_batch(x, y) == pytest.approx(expected, rel=1e-5)
    assert regularizers.get("l1").l1 == regularizers.get("l2").l2 == 0.01
    with pytest.raises(ValueError, match="l2 must be a non-negative number, received: l2=-1"):
        regularizers.L2(-1)
