"""The exported fit() script, run in a subprocess, repeats the studio's training."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from nnstudio.engine import Dense, Dropout, Input, Sequential, set_random_seed
from nnstudio.engine.fit_script import fit_script


def _run(tmp_path, text, epochs):
    script = tmp_path / "fit_by_hand.py"
    script.write_text(text, encoding="utf-8")
    out = tmp_path / "weights.npz"
    done = subprocess.run(
        [sys.executable, str(script), str(epochs), str(out)],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    losses = [
        float(line.split("loss ")[1])
        for line in done.stdout.splitlines()
        if line.startswith("epoch")
    ]
    with np.load(out) as f:
        return losses, {k: f[k] for k in f.files}


CASES = [
    (
        "tanh",
        "sigmoid",
        "binary_crossentropy",
        {"class_name": "Adam", "config": {"learning_rate": 0.05}},
    ),
    (
        "relu",
        "softmax",
        "categorical_crossentropy",
        {"class_name": "SGD", "config": {"learning_rate": 0.1}},
    ),
    (
        "sigmoid",
        "softmax",
        "sparse_categorical_crossentropy",
        {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}},
    ),
    (
        "elu",
        "linear",
        "mse",
        {"class_name": "RMSprop", "config": {"learning_rate": 0.01, "momentum": 0.5}},
    ),
    ("leaky_relu", "tanh", "mae", {"class_name": "Adagrad", "config": {"learning_rate": 0.1}}),
    (
        "softplus",
        "sigmoid",
        "sse",
        {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9}},
    ),
]


@pytest.mark.parametrize("hidden,out,loss,opt", CASES, ids=[c[2] for c in CASES])
def test_script_repeats_fit(tmp_path, hidden, out, loss, opt):
    set_random_seed(7)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(30, 2)).astype(np.float32)
    units = 1 if loss == "binary_crossentropy" else 3
    if loss == "binary_crossentropy":
        y = (x[:, :1] * x[:, 1:] > 0).astype(np.float32)
    elif loss == "categorical_crossentropy":
        y = np.eye(3)[rng.integers(0, 3, 30)]
    elif loss == "sparse_categorical_crossentropy":
        y = rng.integers(0, 3, 30)
    else:
        y = rng.normal(size=(30, 3))
    model = Sequential([Input((2,)), Dense(4, activation=hidden), Dense(units, activation=out)])
    from nnstudio.engine import optimizers

    model.compile(optimizer=optimizers.deserialize(opt), loss=loss)
    model.fit(x, y, batch_size=8, epochs=2, verbose=0)  # a model already part-way: slots not zero
    text = fit_script(model, x, y, batch_size=8, epochs=5, initial_epoch=2)
    history = model.fit(x, y, batch_size=8, epochs=7, initial_epoch=2, verbose=0).history["loss"]
    losses, weights = _run(tmp_path, text, 5)
    np.testing.assert_allclose(losses, history, rtol=0, atol=1e-6)
    for key, w in model.weight_dict().items():
        np.testing.assert_allclose(weights[key], w, rtol=0, atol=1e-6)


def test_script_refuses_what_it_cannot_write():
    model = Sequential([Input((2,)), Dense(3), Dropout(0.5), Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Dense layers only"):
        fit_script(model, np.zeros((4, 2)), np.zeros((4, 1)), batch_size=2, epochs=1)
