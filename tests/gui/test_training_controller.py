"""TrainingController + TrainingWorker driven through real signals (pytest-qt, no sleeps)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from nnstudio.gui.training.controller import TrainingController
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


def xor_doc(epochs=400, lr=0.05) -> Document:
    p = Project(
        title="XOR",
        input_shape=(2,),
        dataset=DatasetSpec(name="xor"),
        training=TrainingSpec(
            loss="binary_crossentropy",
            batch_size=4,
            epochs=epochs,
            seed=1,
            optimizer={"class_name": "Adam", "config": {"learning_rate": lr}},
        ),
    )
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return Document(p)


def blobs_doc(n=20000, batch=8, epochs=3, hidden=32) -> Document:
    p = Project(
        title="blobs",
        input_shape=(2,),
        dataset=DatasetSpec(name="blobs", params={"n_samples": n, "classes": 3}),
        training=TrainingSpec(
            loss="sparse_categorical_crossentropy",
            batch_size=batch,
            epochs=epochs,
            optimizer={"class_name": "SGD", "config": {"learning_rate": 0.01}},
        ),
    )
    p.add_layer("Dense", units=hidden, activation="relu")
    p.add_layer("Dense", units=3, activation="softmax")
    return Document(p)


def is_state(name):
    return lambda state: state == name


@pytest.fixture
def controllers():
    made = []
    yield made
    for c in made:
        assert c.shutdown(2000)


def make(doc, made, **kw) -> TrainingController:
    c = TrainingController(doc, **kw)
    made.append(c)
    return c


def test_xor_trains_to_full_accuracy_and_writes_back(qtbot, controllers):
    doc = xor_doc()
    c = make(doc, controllers)
    epochs_seen = []
    c.epochEnd.connect(lambda info: epochs_seen.extend(info.epochs))
    with qtbot.waitSignal(c.finished, timeout=30000) as blocker:
        assert c.start()
        assert c.is_training
    assert blocker.args == ["completed"]
    assert c.state == "idle" and not c.is_training
    p = doc.project
    assert p.epochs_trained == 400
    assert epochs_seen == list(range(400))  # every epoch reached the GUI, coalesced
    assert len(p.history["loss"]) == 400 and p.history["accuracy"][-1] == 1.0
    assert p.history["loss"][-1] < p.history["loss"][0] / 10
    assert set(p.weights) == {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"}
    assert int(p.optimizer_state["iterations"]) == 400
    # the stored weights really solve XOR
    from nnstudio.project import build

    model = build.build_model(p)
    ds = build.build_dataset(p)
    pred = model.predict(ds.x_train, verbose=0).ravel() > 0.5
    assert np.array_equal(pred, ds.y_train.astype(bool))


def test_train_again_continues_where_it_stopped(qtbot, controllers):
    doc = xor_doc(epochs=30)
    c = make(doc, controllers)
    with qtbot.waitSignal(c.finished, timeout=20000):
        c.train()
    first = doc.project.history["loss"][:]
    started = []
    c.runStarted.connect(started.append)
    with qtbot.waitSignal(c.finished, timeout=20000):
        c.train()  # epochs (30) already done: trains 30 more, from epoch 30
    assert started[0].initial_epoch == 30 and started[0].epochs == 60
    assert doc.project.epochs_trained == 60
    assert doc.project.history["loss"][:30] == first and len(doc.project.history["loss"]) == 60
    assert int(doc.project.optimizer_state["iterations"]) == 60


def test_stop_mid_epoch_takes_effect_within_one_batch(qtbot, controllers):
    doc = blobs_doc(n=20000, batch=8, epochs=2)
    c = make(doc, controllers)
    with qtbot.waitSignal(c.batchEnd, timeout=20000):
        c.start()
    worker = c._run.worker
    t0 = time.perf_counter()
    with qtbot.waitSignal(c.finished, timeout=5000) as blocker:
        c.stop()
        # read after the stop flag is set: a batch here takes ~50 us, so reading it before let
        # the worker finish several batches first whenever the GUI thread lost the CPU
        before = worker.iteration
        assert c.state == "stopping"
    assert blocker.args == ["stopped"]
    assert time.perf_counter() - t0 < 1.0
    after = worker.iteration
    assert after - before <= 1, (before, after)
    assert after < worker.steps  # it really stopped inside the first epoch
    # Keras semantics: the partial epoch is recorded; weights are kept in the document
    assert doc.project.epochs_trained == 1 and doc.project.weights is not None


def test_pause_step_batch_step_epoch_resume(qtbot, controllers):
    doc = blobs_doc(n=2000, batch=16, epochs=50)
    c = make(doc, controllers)
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=20000):
        c.step_batch()  # from idle: start, one batch, pause
    assert c.last_progress.iteration == 1 and c.last_progress.batch == 1
    steps = c.last_progress.steps
    assert steps == 100  # 1600 training samples / 16
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=20000):
        c.step_batch()
    assert c.last_progress.iteration == 2
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=20000):
        c.step_epoch()  # to the end of epoch 1
    assert c.last_progress.iteration == steps and c.last_progress.epoch == 1
    assert c.last_progress.batch == 0
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=20000):
        c.step_epoch()  # one whole epoch
    assert c.last_progress.iteration == 2 * steps and c.last_progress.epoch == 2
    # saving while paused writes the weights and the two finished epochs
    assert c.capture()
    assert doc.project.epochs_trained == 2 and len(doc.project.history["loss"]) == 2
    assert c.capture()  # nothing new: still up to date, nothing appended twice
    assert len(doc.project.history["loss"]) == 2
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("running"), timeout=5000):
        c.resume()
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=20000):
        c.pause()
    assert c.last_progress.iteration > 2 * steps
    with qtbot.waitSignal(c.finished, timeout=5000):
        c.stop()
    # the capture's epochs aren't counted twice
    trained = doc.project.epochs_trained
    assert len(doc.project.history["loss"]) == trained >= 3


def test_nan_stops_with_message_and_keeps_finite_weights(qtbot, controllers):
    p = Project(
        title="boom",
        input_shape=(1,),
        dataset=DatasetSpec(name="linear", params={"n_samples": 400}),
        training=TrainingSpec(
            loss="mse",
            metrics=[],
            batch_size=8,
            epochs=50,
            optimizer={"class_name": "SGD", "config": {"learning_rate": 1e6}},
        ),
    )
    p.add_layer("Dense", units=16, activation="relu")
    p.add_layer("Dense", units=1)
    doc = Document(p)
    c = make(doc, controllers)
    messages = []
    c.failed.connect(messages.append)
    with qtbot.waitSignal(c.finished, timeout=20000) as blocker:
        c.start()
    assert blocker.args == ["nan"]
    assert len(messages) == 1 and "learning rate" in messages[0] and "NaN" in messages[0]
    weights = doc.project.weights
    assert weights is not None and all(np.isfinite(w).all() for w in weights.values())
    assert c.last_result.nan_restored


@pytest.mark.parametrize("paused", [False, True])
def test_shutdown_joins_within_a_second(qtbot, paused):
    doc = blobs_doc(n=20000, batch=8, epochs=100)
    c = TrainingController(doc)
    with qtbot.waitSignal(c.batchEnd, timeout=20000):
        c.start()
    if paused:
        with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=5000):
            c.pause()
    thread = c._run.thread
    t0 = time.perf_counter()
    assert c.shutdown(1000)
    assert time.perf_counter() - t0 < 1.0
    assert thread.isFinished() and c.state == "idle"
    assert doc.project.weights is not None  # what was trained is kept


def test_reset_weights_is_undoable(qtbot, controllers):
    from PySide6.QtGui import QUndoStack

    doc = xor_doc(epochs=20)
    stack = QUndoStack()
    c = make(doc, controllers, undo_stack=stack)
    with qtbot.waitSignal(c.finished, timeout=20000):
        c.train()
    kernel = doc.project.weights["dense/kernel"].copy()
    c.reset_weights()
    assert (
        doc.project.weights is None
        and doc.project.history == {}
        and doc.project.epochs_trained == 0
    )
    stack.undo()
    assert (
        np.array_equal(doc.project.weights["dense/kernel"], kernel)
        and doc.project.epochs_trained == 20
    )


def test_unbuildable_network_fails_with_a_sentence(qtbot, controllers):
    doc = xor_doc()
    doc.project.input_shape = None
    c = make(doc, controllers)
    with qtbot.waitSignal(c.failed, timeout=5000) as blocker:
        assert not c.start()
    assert "no input shape" in blocker.args[0] and c.state == "idle"
    doc.project.dataset = DatasetSpec(name="file")  # no file chosen: can't even load the data
    with qtbot.waitSignal(c.failed, timeout=5000) as blocker:
        assert not c.start()
    assert blocker.args[0].startswith("Could not start training") and "file" in blocker.args[0]


def test_checks_block_training_when_nobody_listens(qtbot, controllers):
    doc = xor_doc()
    doc.project.layers[-1].config["activation"] = "softmax"  # softmax + binary cross-entropy
    c = make(doc, controllers)
    with qtbot.waitSignal(c.failed, timeout=5000) as blocker:
        assert not c.start()
    assert "softmax" in blocker.args[0]
    problems = []
    c.problemsFound.connect(problems.append)
    assert not c.start()
    assert [p.code for p in problems[0]] == ["softmax_bce"]
    assert c.start(check=False)  # "Train anyway"
    assert c.wait(20000)


def test_nan_in_the_very_first_batch_keeps_the_starting_weights(qtbot, controllers):
    p = Project(
        title="boom",
        input_shape=(1,),
        dataset=DatasetSpec(name="linear", params={"n_samples": 400}),
        training=TrainingSpec(
            loss="mse",
            metrics=[],
            batch_size=400,
            epochs=5,
            optimizer={"class_name": "SGD", "config": {"learning_rate": 0.01}},
        ),
    )
    p.add_layer("Dense", units=1)
    # trained weights so large that the very first loss overflows float32
    p.weights = {
        "dense/kernel": np.full((1, 1), 3e38, np.float32),
        "dense/bias": np.zeros(1, np.float32),
    }
    doc = Document(p)
    c = make(doc, controllers)
    with qtbot.waitSignal(c.finished, timeout=20000) as blocker:
        c.start()
    assert blocker.args == ["nan"]
    assert doc.project.weights["dense/kernel"][0, 0] == np.float32(3e38)  # unchanged, still finite


def test_progress_while_paused_counts_only_training_time(qtbot, controllers):
    c = make(xor_doc(epochs=1_000_000), controllers)
    started = time.perf_counter()
    with qtbot.waitSignal(c.progress, timeout=20000):
        assert c.start(check=False)
    qtbot.wait(600)
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=5000):
        c.pause()
    wall = time.perf_counter() - started
    elapsed = c.last_progress.elapsed_s
    # the time trained, not twice the last stretch of it (samples/s and time left come from it)
    assert 0.3 < elapsed <= wall
    qtbot.wait(400)  # paused time is not training time either
    with qtbot.waitSignal(c.progress, timeout=5000):
        c.resume()
    assert c.last_progress.elapsed_s < elapsed + 0.3
