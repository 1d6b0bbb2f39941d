"""sample_weight and class_weight in fit/evaluate, against Keras 3.

Goldens computed once with Keras 3.15 (KERAS_BACKEND=torch, /work/kvenv), 2026-12-06, from
this same program with `import keras`.
"""

import numpy as np
import pytest

import nnstudio.keras as keras

X = np.linspace(-1, 1, 24, dtype=np.float32).reshape(12, 2)
Y = np.arange(12) % 3
SW = np.linspace(0.5, 2.0, 12).astype(np.float32)


def _model():
    model = keras.Sequential(
        [
            keras.Input((2,)),
            keras.layers.Dense(
                3, activation="softmax", kernel_initializer=keras.initializers.Constant(0.1)
            ),
        ]
    )
    model.compile(
        keras.optimizers.SGD(0.5), "sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    return model


def test_fit_with_sample_weight_matches_keras():
    model = _model()
    h = model.fit(X, Y, batch_size=5, epochs=3, shuffle=False, verbose=0, sample_weight=SW)
    np.testing.assert_allclose(h.history["loss"], [1.3985291, 1.3876319, 1.3955055], atol=1e-6)
    # compiled metrics are not weighted (Keras 3): 3/12, 4/12, 5/12
    np.testing.assert_allclose(h.history["accuracy"], [0.25, 1 / 3, 5 / 12], atol=1e-6)
    np.testing.assert_allclose(
        model.get_weights()[0],
        [[-0.3132313, 0.2201832, 0.3930481], [-0.3383963, 0.2359247, 0.4024717]],
        atol=1e-6,
    )


def test_fit_with_class_weight_and_weighted_evaluate_match_keras():
    model = _model()
    h = model.fit(
        X,
        Y,
        batch_size=5,
        epochs=3,
        shuffle=False,
        verbose=0,
        class_weight={0: 1.0, 1: 3.0, 2: 0.5},
    )
    np.testing.assert_allclose(h.history["loss"], [1.5925522, 1.319986, 1.3025103], atol=1e-6)
    np.testing.assert_allclose(
        model.get_weights()[0],
        [[-0.1880596, 0.2441138, 0.2439458], [-0.2240628, 0.3342747, 0.1897881]],
        atol=1e-6,
    )
    assert model.evaluate(X, Y, sample_weight=SW, verbose=0)[0] == pytest.approx(
        1.7751662, abs=1e-6
    )
    assert model.evaluate(X, Y, verbose=0)[0] == pytest.approx(1.3675733, abs=1e-6)


def test_bad_weights_are_explained():
    model = _model()
    with pytest.raises(ValueError, match="one weight per sample"):
        model.fit(X, Y, sample_weight=np.ones(3), verbose=0)
    with pytest.raises(ValueError, match="no weight for class 2"):
        model.fit(X, Y, class_weight={0: 1.0, 1: 2.0}, verbose=0)
