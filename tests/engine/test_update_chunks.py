"""An optimizer step runs chunk by chunk on big models (cache-friendly); the numbers must be
exactly those of the one-pass update."""

import numpy as np
import pytest

from nnstudio.engine import Sequential, layers, optimizers, set_random_seed
from nnstudio.engine.layers import Dense


def _train(monkeypatch, chunk, optimizer):
    monkeypatch.setattr(optimizers, "UPDATE_CHUNK", chunk)
    set_random_seed(3)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 12)).astype("float32")
    y = rng.integers(0, 3, 64)
    model = Sequential(
        [layers.Input((12,)), Dense(16, activation="relu"), Dense(3, activation="softmax")]
    )
    model.compile(optimizers.deserialize(optimizer), "sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=16, epochs=3, verbose=0)
    return model.get_weights(), model.optimizer.get_state()


@pytest.mark.parametrize(
    "optimizer",
    [
        {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}},
        {"class_name": "RMSprop", "config": {"momentum": 0.5}},
        {"class_name": "Adagrad", "config": {"clipvalue": 0.01}},
        {"class_name": "Adam", "config": {"clipnorm": 0.5}},
    ],
)
def test_chunked_update_is_exactly_the_one_pass_update(monkeypatch, optimizer):
    whole_w, whole_s = _train(monkeypatch, 10**9, optimizer)
    chunked_w, chunked_s = _train(
        monkeypatch, 7, optimizer
    )  # 263 parameters in 38 chunks, the last short
    for a, b in zip(whole_w, chunked_w):
        assert np.array_equal(a, b)
    assert whole_s.keys() == chunked_s.keys()
    for key in whole_s:
        assert np.array_equal(whole_s[key], chunked_s[key]), key
