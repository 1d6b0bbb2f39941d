"""Real data, real training: the textbook MNIST/Fashion-MNIST network reaches Keras 3's accuracy.

Dense(512, relu) -> Dense(10, softmax), RMSprop (Keras defaults), 5 epochs, batch 128, seed 0.
Keras 3 reference: mnist-5k 0.912-0.925, full Fashion-MNIST 0.872 +- 0.004 over 8 seeds
(issue 18; benchmarks/seed_spread.py measures the engine's spread).

Each run is a child process with BLAS limited to one thread: on a busy 2-core machine
OpenBLAS's thread hand-offs make these small matmuls ~10x slower (18 s instead of 1.8 s for
mnist-5k, measured); the numbers learned are the same.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.data import DATASETS, download, load

FASHION_DIR = download.SYSTEM_DIRS["fashion-mnist"][0]

SCRIPT = r"""
import json, sys
from nnstudio.data import load, to_categorical
from nnstudio.engine import Dense, RMSprop, Sequential, set_random_seed

name, seed, loss = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ds = load(name)
set_random_seed(seed)
model = Sequential([Dense(512, activation="relu", input_shape=ds.input_shape), Dense(10, activation="softmax")])
model.compile(optimizer=RMSprop(), loss=loss, metrics=["accuracy"])
y_train, y_test = ds.y_train, ds.y_test
if loss == "categorical_crossentropy":
    y_train, y_test = to_categorical(y_train, 10), to_categorical(y_test, 10)
history = model.fit(ds.x_train, y_train, epochs=5, batch_size=128, verbose=0)
result = model.evaluate(ds.x_test, y_test, verbose=0, return_dict=True)
print(json.dumps({"history": history.history, "result": result}))
"""


def train_textbook_net(name, seed=0, loss="sparse_categorical_crossentropy"):
    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, name, str(seed), loss],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return report["history"], report["result"]


@pytest.mark.parametrize("loss", ["sparse_categorical_crossentropy", "categorical_crossentropy"])
def test_mnist_5k_textbook_network_reaches_keras_accuracy(loss):
    history, result = train_textbook_net("mnist-5k", seed=0, loss=loss)
    losses = history["loss"]
    assert all(b < a for a, b in zip(losses, losses[1:])), losses
    assert history["accuracy"][-1] > 0.94, history
    assert result["accuracy"] >= 0.90, result


@pytest.mark.slow
def test_full_fashion_mnist_textbook_network_reaches_keras_accuracy():
    if download.system_dir("fashion-mnist") is None:
        pytest.skip(
            f"Fashion-MNIST is not installed in {FASHION_DIR} (Debian/Ubuntu: "
            f"apt-get install dataset-fashion-mnist), so the full-size test cannot run offline."
        )
    ds = load("fashion-mnist")
    assert ds.x_train.shape == (60000, 784) and ds.x_test.shape == (10000, 784)
    assert ds.x_train.dtype == np.float32 and ds.x_train.max() == 1.0
    np.testing.assert_array_equal(np.bincount(ds.y_train), [6000] * 10)
    np.testing.assert_array_equal(np.bincount(ds.y_test), [1000] * 10)
    assert DATASETS["fashion-mnist"].needs_download and ds.class_names[0] == "T-shirt/top"
    del ds
    history, result = train_textbook_net("fashion-mnist", seed=0)
    assert history["loss"][-1] < 0.31, history
    # One seed's test accuracy after 5 epochs of RMSprop is a draw from a spread, not a fixed
    # number (benchmarks/seed_spread_results.txt): Keras 3 over 8 seeds 0.872 +- 0.004, min
    # 0.864; the engine over seeds 0-9 0.869 +- 0.006, min 0.859 (seed 0: 0.861). The bar is
    # the engine's mean less about 2.3 standard deviations: a broken trainer lands far below.
    assert result["accuracy"] >= 0.855, result
