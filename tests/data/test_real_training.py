"""Real data, real training: the textbook MNIST/Fashion-MNIST network reaches Keras 3's accuracy.

Dense(512, relu) -> Dense(10, softmax), RMSprop (Keras defaults), 5 epochs, batch 128.
Keras 3 reference: mnist-5k 0.912-0.925, full Fashion-MNIST 0.871-0.876 test accuracy.
"""

import numpy as np
import pytest

from nnstudio.data import DATASETS, download, load, to_categorical
from nnstudio.engine import Dense, RMSprop, Sequential, set_random_seed

FASHION_DIR = download.SYSTEM_DIRS["fashion-mnist"][0]


def train_textbook_net(ds, seed, loss="sparse_categorical_crossentropy"):
    set_random_seed(seed)
    model = Sequential([Dense(512, activation="relu", input_shape=ds.input_shape), Dense(10, activation="softmax")])
    model.compile(optimizer=RMSprop(), loss=loss, metrics=["accuracy"])
    y_train, y_test = ds.y_train, ds.y_test
    if loss == "categorical_crossentropy":
        y_train, y_test = to_categorical(y_train, 10), to_categorical(y_test, 10)
    history = model.fit(ds.x_train, y_train, epochs=5, batch_size=128, verbose=0)
    result = model.evaluate(ds.x_test, y_test, verbose=0, return_dict=True)
    return history, result


@pytest.mark.parametrize("loss", ["sparse_categorical_crossentropy", "categorical_crossentropy"])
def test_mnist_5k_textbook_network_reaches_keras_accuracy(loss):
    ds = load("mnist-5k")
    history, result = train_textbook_net(ds, seed=1, loss=loss)
    losses = history.history["loss"]
    assert all(b < a for a, b in zip(losses, losses[1:])), losses
    assert result["accuracy"] >= 0.90, result


@pytest.mark.slow
def test_full_fashion_mnist_textbook_network_reaches_keras_accuracy():
    if download.system_dir("fashion-mnist") is None:
        pytest.skip(f"Fashion-MNIST is not installed in {FASHION_DIR} (Debian/Ubuntu: "
                    f"apt-get install dataset-fashion-mnist), so the full-size test cannot run offline.")
    ds = load("fashion-mnist")
    assert ds.x_train.shape == (60000, 784) and ds.x_test.shape == (10000, 784)
    np.testing.assert_array_equal(np.bincount(ds.y_train), [6000] * 10)
    np.testing.assert_array_equal(np.bincount(ds.y_test), [1000] * 10)
    assert DATASETS["fashion-mnist"].needs_download and ds.class_names[0] == "T-shirt/top"
    history, result = train_textbook_net(ds, seed=0)
    assert result["accuracy"] >= 0.865, result
