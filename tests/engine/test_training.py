"""fit / evaluate / predict semantics: resume, callbacks, validation split, progress, float64, errors."""

import math

import numpy as np
import pytest

from nnstudio.engine import (
    SGD,
    Activation,
    Adam,
    Callback,
    Dense,
    Dropout,
    EarlyStopping,
    Input,
    RMSprop,
    Sequential,
    TerminateOnNaN,
    layers,
    set_floatx,
    set_random_seed,
)


def blobs(n=60, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    x = (rng.normal(size=(n, 4)) + np.eye(3, 4)[y] * 2).astype(np.float32)
    return x, y


def classifier(seed=1):
    set_random_seed(seed)
    model = Sequential(
        [Input((4,)), Dense(8, activation="relu"), Dropout(0.3), Dense(3, activation="softmax")]
    )
    model.compile(
        optimizer=Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    return model


def test_resume_is_bit_identical_to_straight_training():
    x, y = blobs()
    straight = classifier()
    h_straight = straight.fit(x, y, epochs=5, batch_size=8, verbose=0)

    first = classifier()
    first.fit(x, y, epochs=3, batch_size=8, verbose=0)
    weights, state, seed = first.get_weights(), first.optimizer.get_state(), first.seed

    resumed = Sequential(
        [Input((4,)), Dense(8, activation="relu"), Dropout(0.3), Dense(3, activation="softmax")]
    )
    resumed.seed = seed
    resumed.compile(
        optimizer=Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    resumed.optimizer.set_state(state)  # before the model is built: kept until the first step
    resumed.set_weights(weights)
    h_resumed = resumed.fit(x, y, epochs=5, batch_size=8, verbose=0, initial_epoch=3)

    assert h_resumed.epoch == [3, 4]
    assert h_resumed.history["loss"] == h_straight.history["loss"][3:]
    assert h_resumed.history["accuracy"] == h_straight.history["accuracy"][3:]
    for a, b in zip(straight.get_weights(), resumed.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert resumed.optimizer.iterations == straight.optimizer.iterations == 5 * 8


def test_same_seed_same_weights_and_history_different_seed_differs():
    x, y = blobs()
    runs = []
    for seed in (1, 1, 2):
        model = classifier(seed)
        runs.append((model.get_weights(), model.fit(x, y, epochs=2, verbose=0).history["loss"]))
    np.testing.assert_array_equal(runs[0][0][0], runs[1][0][0])
    assert runs[0][1] == runs[1][1]
    assert runs[0][1] != runs[2][1]


def test_epoch_loss_is_the_batch_size_weighted_mean():
    x, y = blobs(n=10)
    model = classifier()
    seen = []

    class Record(Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append((dict(model.last_batch_logs), dict(logs)))

    h = model.fit(
        x, y, epochs=1, batch_size=4, verbose=0, callbacks=[Record()]
    )  # batches of 4, 4, 2
    raw = [b["loss"] for b, _ in seen]
    assert seen[0][1]["loss"] == pytest.approx(raw[0])
    assert seen[1][1]["loss"] == pytest.approx((raw[0] + raw[1]) / 2)
    assert h.history["loss"][0] == pytest.approx((4 * raw[0] + 4 * raw[1] + 2 * raw[2]) / 10)


class StopAt(Callback):
    def __init__(self, batch):
        super().__init__()
        self.batch, self.calls = batch, []

    def on_train_batch_end(self, batch, logs=None):
        self.calls.append(batch)
        if batch == self.batch:
            self.model.stop_training = True


def test_stop_training_mid_epoch():
    x, y = blobs()
    model = classifier()
    stop = StopAt(2)
    h = model.fit(x, y, epochs=4, batch_size=8, verbose=0, callbacks=[stop])
    assert stop.calls == [0, 1, 2]
    assert model.optimizer.iterations == 3
    assert h.epoch == [0]


def test_early_stopping_restores_the_best_weights():
    x = np.linspace(-1, 1, 16, dtype=np.float32).reshape(-1, 1)
    y = 3 * x
    set_random_seed(0)
    model = Sequential([Input((1,)), Dense(1)])
    model.compile(
        optimizer=SGD(learning_rate=6.0), loss="mse"
    )  # too large: the loss grows every epoch
    snapshots = []

    class Snapshot(Callback):
        def on_epoch_end(self, epoch, logs=None):
            snapshots.append(model.get_weights())

    stopper = EarlyStopping(monitor="loss", patience=2, restore_best_weights=True)
    h = model.fit(x, y, epochs=20, batch_size=16, verbose=0, callbacks=[Snapshot(), stopper])
    losses = h.history["loss"]
    best = int(np.argmin(losses))
    assert len(losses) == best + 3  # two epochs without improvement, then stop
    assert stopper.stopped_epoch == best + 2
    for a, b in zip(model.get_weights(), snapshots[best]):
        np.testing.assert_array_equal(a, b)


def test_early_stopping_waits_while_improving():
    x, y = blobs()
    model = classifier()
    h = model.fit(
        x,
        y,
        epochs=6,
        verbose=0,
        validation_split=0.25,
        callbacks=[EarlyStopping(monitor="val_accuracy", patience=10)],
    )
    assert len(h.history["val_accuracy"]) == 6


def test_terminate_on_nan(capsys):
    x = np.ones((64, 2), np.float32) * 100
    y = np.ones((64, 1), np.float32)
    model = Sequential([Input((2,)), Dense(1)])
    model.compile(optimizer=SGD(learning_rate=10.0), loss="mse")
    h = model.fit(x, y, epochs=50, batch_size=4, verbose=0, callbacks=[TerminateOnNaN()])
    assert len(h.epoch) == 1
    assert model.optimizer.iterations < 16
    assert not math.isfinite(model.last_batch_logs["loss"])
    assert "Invalid loss, terminating training" in capsys.readouterr().out


def test_validation_split_takes_the_last_samples_before_shuffling():
    x, y = blobs(n=20)
    model = classifier()
    checks = []

    class Check(Callback):
        def on_train_begin(self, logs=None):
            checks.append(self.params["steps"])

        def on_epoch_end(self, epoch, logs=None):
            checks.append(
                (
                    logs["val_loss"],
                    model.evaluate(x[15:], y[15:], verbose=0)[0],
                    model.evaluate(x[:5], y[:5], verbose=0)[0],
                )
            )

    model.fit(x, y, epochs=1, batch_size=5, verbose=0, validation_split=0.25, callbacks=[Check()])
    assert checks[0] == 3  # 15 training samples in batches of 5
    val_loss, last, first = checks[1]
    assert val_loss == pytest.approx(last, rel=1e-6)
    assert val_loss != pytest.approx(first, rel=1e-3)


def test_history_keys_and_validation_data():
    x, y = blobs()
    model = classifier()
    h = model.fit(x, y, epochs=2, verbose=0, validation_data=(x[:10], y[:10]))
    assert set(h.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert model.history is h and h.epoch == [0, 1]
    loss, acc = model.evaluate(x[:10], y[:10], verbose=0)
    assert loss == pytest.approx(h.history["val_loss"][-1], rel=1e-6)
    assert model.evaluate(x, y, verbose=0, return_dict=True).keys() == {"loss", "accuracy"}


def test_callback_protocol_order():
    x, y = blobs(n=8)
    model = classifier()
    events = []

    class Log(Callback):
        def on_train_begin(self, logs=None):
            events.append("train_begin")

        def on_epoch_begin(self, epoch, logs=None):
            events.append(f"epoch_begin {epoch}")

        def on_train_batch_begin(self, batch, logs=None):
            events.append(f"batch_begin {batch}")

        def on_train_batch_end(self, batch, logs=None):
            events.append(f"batch_end {batch} {sorted(logs)}")

        def on_epoch_end(self, epoch, logs=None):
            events.append(f"epoch_end {epoch} {sorted(logs)}")

        def on_train_end(self, logs=None):
            events.append("train_end")

    cb = Log()
    model.fit(x, y, epochs=1, batch_size=4, verbose=0, callbacks=[cb])
    assert events == [
        "train_begin",
        "epoch_begin 0",
        "batch_begin 0",
        "batch_end 0 ['accuracy', 'loss']",
        "batch_begin 1",
        "batch_end 1 ['accuracy', 'loss']",
        "epoch_end 0 ['accuracy', 'loss']",
        "train_end",
    ]
    assert cb.params == {"epochs": 1, "steps": 2, "verbose": 0}


def test_fit_iter_drives_training_one_batch_at_a_time():
    x, y = blobs(n=16)
    model = classifier()
    gen = model.fit_iter(x, y, epochs=2, batch_size=8, verbose=0)
    kind, epoch, step, logs = next(gen)
    assert (kind, epoch, step) == ("batch", 0, 0) and model.optimizer.iterations == 1
    rest = list(gen)
    assert [e[0] for e in rest] == ["batch", "epoch", "batch", "batch", "epoch"]
    assert model.history.epoch == [0, 1]


def test_closing_fit_iter_early_still_ends_the_run():
    x, y = blobs(n=16)
    model = classifier()
    ended = []

    class End(Callback):
        def on_train_end(self, logs=None):
            ended.append(True)

    gen = model.fit_iter(x, y, epochs=3, batch_size=4, verbose=0, callbacks=[End()])
    next(gen), next(gen)
    gen.close()
    assert ended == [True] and model.optimizer.iterations == 2


def test_progress_output(capsys):
    x, y = blobs(n=40)
    model = classifier()
    model.fit(x, y, epochs=2, batch_size=8, verbose=1)
    out = capsys.readouterr().out
    assert "Epoch 1/2" in out and "Epoch 2/2" in out
    assert "\r" in out and "5/5" in out and "loss: " in out and "accuracy: " in out
    model.fit(x, y, epochs=2, batch_size=8, verbose=2)
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    assert len(lines) == 4 and lines[1].startswith("5/5 - ") and "loss: " in lines[1]
    model.fit(x, y, epochs=2, verbose=0)
    model.predict(x, verbose=0)
    model.evaluate(x, y, verbose=0)
    assert capsys.readouterr().out == ""


def test_float64_computes_in_float64_throughout():
    set_floatx("float64")
    x, y = blobs(n=16)
    model = classifier()
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    assert all(w.dtype == np.float64 for w in model.get_weights())
    assert model.predict(x, verbose=0).dtype == np.float64
    assert model.optimizer.get_state()["dense/kernel/momentum"].dtype == np.float64
    # the reported loss is the float64 loss of the batch before the step
    plain = Sequential([Input((4,)), Dense(3, activation="softmax")])
    plain.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    p = plain.predict(x, verbose=0)
    expected = -np.log(p[np.arange(16), y] / p.sum(axis=1)).mean()
    assert plain.fit(x, y, epochs=1, batch_size=16, verbose=0).history["loss"][0] == pytest.approx(
        expected, abs=1e-13
    )
    set_floatx("float32")
    assert classifier().get_weights()[0].dtype == np.float32


def test_predict_uses_no_dropout_and_layer_outputs():
    x, y = blobs(n=10)
    model = classifier()
    a = model.predict(x, verbose=0, batch_size=3)
    b = model.predict(x, verbose=0)
    np.testing.assert_allclose(a, b, rtol=1e-6)
    outs = model.layer_outputs(x)
    assert [o.shape for o in outs] == [(10, 8), (10, 8), (10, 3)]
    np.testing.assert_array_equal(outs[0], outs[1])  # dropout is off outside training
    np.testing.assert_allclose(outs[-1], a, rtol=1e-6)


def test_weights_in_keras_order_and_weight_dict():
    model = Sequential([Dense(3, input_dim=2), Dense(1, use_bias=False)])
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(2, 3), (3,), (3, 1)]
    d = model.weight_dict()
    assert list(d) == ["dense/kernel", "dense/bias", "dense_1/kernel"]
    d["dense/bias"][:] = 7
    assert not (model.get_weights()[1] == 7).any()  # copies
    model.set_weight_dict(d)
    np.testing.assert_array_equal(model.layers[0].params["bias"], [7, 7, 7])
    with pytest.raises(ValueError, match="dense_1/kernel"):
        model.set_weight_dict({**d, "dense_1/kernel": np.zeros((2, 1))})
    with pytest.raises(ValueError, match="3 weight arrays"):
        model.set_weights([np.zeros((2, 3))])


def test_config_round_trip_and_allow_list():
    model = Sequential(
        [
            Input((4,)),
            Dense(5, activation="tanh", kernel_initializer="he_normal", kernel_regularizer="l2"),
            Dropout(0.2, seed=3),
            Activation("softmax"),
        ]
    )
    config = model.get_config()
    again = Sequential.from_config(config)
    assert again.get_config() == config
    assert again.count_params() == model.count_params() == 25
    assert layers.serialize(model.layers[0])["config"]["kernel_regularizer"] == {
        "class_name": "L2",
        "config": {"l2": 0.01},
    }
    with pytest.raises(ValueError, match="Unknown layer type"):
        layers.deserialize({"class_name": "Lambda", "config": {}})
    with pytest.raises(ValueError, match="units must be a positive integer"):
        layers.deserialize({"class_name": "Dense", "config": {"units": -1}})


@pytest.mark.parametrize(
    "make,match",
    [
        (lambda: Dense(0), r"units must be a positive integer, received: units=0"),
        (lambda: Dense(3, activation="crelu"), r"received: activation='crelu'"),
        (lambda: Dense(3, kernel_initializer="orthogonal"), "orthogonal"),
        (lambda: Dropout(1.0), r"rate must be a number in \[0, 1\), received: rate=1.0"),
        (lambda: Input((0,)), "shape"),
    ],
)
def test_bad_layer_arguments(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_bad_fit_calls_explain_themselves():
    x, y = blobs(n=10)
    model = Sequential([Input((4,)), Dense(3, activation="softmax")])
    with pytest.raises(ValueError, match="Compile the model"):
        model.fit(x, y, verbose=0)
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    with pytest.raises(ValueError, match="targets shaped like the model output"):
        model.fit(x, y, verbose=0)
    with pytest.raises(ValueError, match=r"samples of shape \(4,\)"):
        model.predict(np.zeros((3, 5)), verbose=0)
    with pytest.raises(
        ValueError, match="batch_size must be a positive integer, received: batch_size=0"
    ):
        model.fit(x, np.eye(3)[y], batch_size=0, verbose=0)
    with pytest.raises(ValueError, match="one row per sample"):
        model.fit(x, np.eye(3)[y][:5], verbose=0)


def test_layer_names_are_unique_per_model():
    model = Sequential([Dense(2, input_dim=2), Dense(2), Dropout(0.1), Dense(1)])
    assert [layer.name for layer in model.layers] == ["dense", "dense_1", "dropout", "dense_2"]
    with pytest.raises(ValueError, match="unique names"):
        model.add(Dense(1, name="dense"))
    popped = model.pop()
    assert popped.name == "dense_2" and len(model.layers) == 3
    assert model.output_shape == (2,)


def test_first_layer_skips_the_input_gradient():
    model = Sequential([Input((3,)), Dense(4), Dense(2)])
    model.build()
    assert not model.layers[0].needs_input_grad and model.layers[1].needs_input_grad
    model.compile(optimizer=RMSprop(), loss="mse")
    model.train_on_batch(np.ones((2, 3)), np.ones((2, 2)))
    assert model.layers[0].grads["kernel"].any()
    # the parameters are views into one flat buffer, which the optimizer updates in one pass
    assert all(
        p.base is model._flat.params for layer in model.layers for p in layer.params.values()
    )


@pytest.mark.parametrize(
    "act", ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax"]
)
def test_float32_stays_float32_everywhere(act):
    """No silent float64 upcasts: every array a float32 step touches stays float32."""
    x, y = blobs(n=16)
    set_random_seed(0)
    model = Sequential(
        [
            Input((4,)),
            Dense(5, activation=act, kernel_regularizer="l2"),
            Dropout(0.2),
            Activation(act),
            Dense(3, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=Adam(clipnorm=1.0), loss="sparse_categorical_crossentropy", metrics=["acc"]
    )
    model.fit(x.astype(np.float64), y, epochs=1, batch_size=8, verbose=0)
    for layer in model.layers:
        assert all(a.dtype == np.float32 for a in [*layer.params.values(), *layer.grads.values()])
    assert all(o.dtype == np.float32 for o in model.layer_outputs(x))
    assert all(
        v.dtype == np.float32 for k, v in model.optimizer.get_state().items() if k != "iterations"
    )


def test_ascii_fallback_when_the_console_cannot_print_box_characters():
    import io
    from nnstudio.engine.callbacks import Progbar

    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")  # e.g. a redirected legacy console
    bar = Progbar(4, stream=stream)
    bar.update(4, {"loss": 0.5})
    stream.flush()
    text = stream.buffer.getvalue().decode("ascii")
    assert "4/4 ====================" in text and "loss: 0.5000" in text


def test_weights_buffer_is_the_models_storage_for_snapshots():
    model = Sequential([Input((3,)), Dense(4, activation="relu"), Dense(2)])
    buf = model.weights_buffer()
    assert buf.ndim == 1 and buf.size == model.count_params()
    assert np.array_equal(buf, np.concatenate([w.ravel() for w in model.get_weights()]))
    snapshot = buf.copy()
    model.set_weights([w + 1 for w in model.get_weights()])
    assert np.allclose(buf, snapshot + 1)  # set_weights writes into the same storage
    buf[...] = snapshot
    assert np.array_equal(np.concatenate([w.ravel() for w in model.get_weights()]), snapshot)


def test_callback_hooks_set_on_the_instance_are_called_and_each_hook_once_per_batch():
    seen = []

    class Counter(Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(("class", batch))

    counter, plain = Counter(), Callback()
    plain.on_train_batch_end = lambda batch, logs=None: seen.append(("instance", batch))
    model = Sequential([Input((2,)), Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(
        np.zeros((8, 2)),
        np.zeros((8, 1)),
        batch_size=4,
        epochs=1,
        verbose=0,
        callbacks=[counter, plain],
    )
    assert seen == [("class", 0), ("instance", 0), ("class", 1), ("instance", 1)]


def test_train_on_batch_returns_what_keras_returns():
    x, y = blobs(16)
    plain = Sequential([Input((4,)), Dense(3, activation="softmax")])
    plain.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    assert isinstance(plain.train_on_batch(x, y), float)
    model = classifier()
    values = model.train_on_batch(x, y)
    assert isinstance(values, list) and len(values) == 2 and 0 <= values[1] <= 1
    logs = model.train_on_batch(x, y, return_dict=True)
    assert set(logs) == {"loss", "accuracy"} and all(math.isfinite(v) for v in logs.values())
