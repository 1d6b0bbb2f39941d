"""nnstudio.keras optimizers (weight_decay, amsgrad, nesterov, AdamW, schedules,
apply_gradients) and callbacks (LearningRateScheduler, ReduceLROnPlateau, CSVLogger,
ModelCheckpoint) against Keras 3.

Goldens computed once with Keras 3.15 (KERAS_BACKEND=torch, /work/kvenv), 2026-12-06: three
apply_gradients steps from w0 with the gradients below, in float32; the callbacks' runs are
the same programs with `import keras`.
"""

import numpy as np
import pytest

import nnstudio.keras as keras
from nnstudio.keras import layers
from nnstudio.project import fileformat

W0 = [1.0, -2.0, 0.5]
GRADS = [[0.1, -0.2, 0.3], [-0.5, 0.1, 0.2], [0.05, 0.4, -0.1]]
opts = keras.optimizers

KERAS_STEPS = {
    "sgd_nesterov": (
        lambda: opts.SGD(0.1, momentum=0.9, nesterov=True),
        [1.0916101, -2.0343201, 0.36163],
    ),
    "sgd_wd": (lambda: opts.SGD(0.1, weight_decay=0.1), [1.0049981, -1.970896, 0.4459465]),
    "adam_amsgrad": (lambda: opts.Adam(0.1, amsgrad=True), [0.9996324, -1.919102, 0.2477798]),
    "adamw": (lambda: opts.AdamW(0.1), [0.998489, -1.9167935, 0.2472989]),
    "adamw_wd05": (lambda: opts.AdamW(0.1, weight_decay=0.5), [0.8637653, -1.6449333, 0.1910688]),
    "sgd_sched": (
        lambda: opts.SGD(opts.schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)),
        [1.0228553, -2.007071, 0.4608579],
    ),
    "rms_wd": (lambda: opts.RMSprop(0.01, weight_decay=0.2), [0.9902661, -1.9994284, 0.4565352]),
}


@pytest.mark.parametrize("case", sorted(KERAS_STEPS))
def test_optimizer_steps_match_keras(case):
    make, expected = KERAS_STEPS[case]
    opt = make()
    w = np.array(W0, np.float32)
    for g in GRADS:
        opt.apply_gradients([(np.array(g, np.float32), w)])
    assert opt.iterations == 3
    np.testing.assert_allclose(w, expected, atol=2e-6)


def test_exponential_decay_matches_keras():
    s = opts.schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)
    np.testing.assert_allclose(
        [s(k) for k in range(5)], [0.1, 0.0707106814, 0.05, 0.0353553407, 0.025], rtol=1e-7
    )
    stair = opts.schedules.ExponentialDecay(0.1, 2, 0.5, staircase=True)
    np.testing.assert_allclose(
        [stair(k) for k in range(5)], [0.1, 0.1, 0.05, 0.05, 0.025], rtol=1e-7
    )


X = np.linspace(-1, 1, 16, dtype=np.float32).reshape(8, 2)
Y = X[:, :1] * 2 - X[:, 1:]


def _linear(lr, metrics=None):
    model = keras.Sequential([keras.Input((2,)), layers.Dense(1, kernel_initializer="zeros")])
    model.compile(keras.optimizers.SGD(lr), "mse", metrics=metrics)
    return model


def test_learning_rate_scheduler_matches_keras():
    model = _linear(0.1)
    sched = keras.callbacks.LearningRateScheduler(lambda e, lr: lr * 0.5 if e >= 2 else lr)
    h = model.fit(X, Y, epochs=6, batch_size=8, verbose=0, shuffle=False, callbacks=[sched])
    np.testing.assert_allclose(
        h.history["loss"],
        [0.4133333, 0.295643, 0.2117333, 0.180518, 0.1669618, 0.160635],
        atol=1e-6,
    )
    np.testing.assert_allclose(
        h.history["learning_rate"], [0.1, 0.1, 0.05, 0.025, 0.0125, 0.00625], rtol=1e-7
    )


def test_reduce_lr_on_plateau_matches_keras():
    model = _linear(2.0)  # too large: the loss climbs, the rate is halved
    cb = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)
    h = model.fit(X, Y, epochs=6, batch_size=8, verbose=0, shuffle=False, callbacks=[cb])
    np.testing.assert_allclose(
        h.history["loss"], [0.413333, 1.842072, 9.211983, 4.933579, 0.091115, 0.035741], atol=2e-6
    )
    assert h.history["learning_rate"] == [2.0, 2.0, 1.0, 0.5, 0.25, 0.25]


def test_csv_logger_writes_keras_text(tmp_path):
    path = tmp_path / "log.csv"
    model = _linear(0.1, metrics=["mae"])
    model.fit(
        X,
        Y,
        epochs=2,
        batch_size=8,
        verbose=0,
        shuffle=False,
        callbacks=[keras.callbacks.CSVLogger(path)],
    )
    rows = path.read_text().splitlines()
    # Keras 3.15: 'epoch,loss,mae,val_loss,val_mae', '0,0.41333329677581787,0.5499999523162842,NA,NA', ...
    assert rows[0] == "epoch,loss,mae,val_loss,val_mae"
    values = [r.split(",") for r in rows[1:]]
    assert [v[0] for v in values] == ["0", "1"] and all(v[3:] == ["NA", "NA"] for v in values)
    np.testing.assert_allclose(
        [float(v[1]) for v in values], [0.41333329677581787, 0.2956429719924927], rtol=1e-6
    )
    np.testing.assert_allclose(
        [float(v[2]) for v in values], [0.5499999523162842, 0.4652444124221802], rtol=1e-6
    )


def test_model_checkpoint_writes_weights_and_projects(tmp_path):
    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [keras.Input((2,)), layers.Dense(3, activation="relu"), layers.Dense(1)]
    )
    model.compile(keras.optimizers.Adam(0.01), "mse", metrics=["mae"])
    every = keras.callbacks.ModelCheckpoint(str(tmp_path / "m-{epoch:02d}.nnproj"))
    best = keras.callbacks.ModelCheckpoint(
        str(tmp_path / "best.npz"), monitor="loss", save_best_only=True
    )
    model.fit(X, Y, epochs=3, batch_size=4, verbose=0, callbacks=[every, best])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "best.npz",
        "m-01.nnproj",
        "m-02.nnproj",
        "m-03.nnproj",
    ]
    project = fileformat.load(tmp_path / "m-03.nnproj")
    assert project.epochs_trained == 3 and len(project.history["loss"]) == 3
    assert project.input_shape == (2,) and [s.id for s in project.layers] == ["dense", "dense_1"]
    for a, b in zip(project.model.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    again = keras.Sequential(
        [keras.Input((2,)), layers.Dense(3, activation="relu"), layers.Dense(1)]
    )
    again.load_weights(str(tmp_path / "best.npz"))  # the loss fell each epoch: the last is best
    for a, b in zip(again.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match=r"\.npz or \.nnproj"):
        keras.callbacks.ModelCheckpoint("model.keras")
