"""TrainingController: the GUI's handle on a training run (lives in the GUI thread).

Train · Pause · Resume · Step one epoch · Step one batch · Stop · Reset weights. Each run
builds a fresh engine model from the document (``nnstudio.project.build``; trained weights
and optimizer state are restored from the document, so Train continues where it stopped),
hands it to a :class:`~nnstudio.gui.training.worker.TrainingWorker` in a ``QThread`` and,
when the run ends (finished, stopped, NaN), writes weights, optimizer state and history back
to the document so Save stores them.

Label format: our data sets give integer class labels. ``sparse_categorical_crossentropy``
uses them as they are; for ``categorical_crossentropy`` (and mse/mae on a multi-unit output)
the controller converts them to one-hot with ``to_categorical`` — see
:func:`nnstudio.project.checks.training_targets`.
"""

from __future__ import annotations

import copy
import json
import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QMetaMethod, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand

from nnstudio.gui import gc_guard
from nnstudio.gui.texts import error_text
from nnstudio.project import checks, runs
from nnstudio.project.document import Document

from .pacing import HEARTBEAT_MS, REPORT_HZ, SNAPSHOT_HZ
from .payloads import Progress, RunStart
from .state import TrainingState
from .worker import Control, RunResult, TrainingWorker


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingController", text)


IDLE, RUNNING, PAUSED, STOPPING = (
    TrainingState.IDLE,
    TrainingState.RUNNING,
    TrainingState.PAUSED,
    TrainingState.STOPPING,
)


def problem_text(problem) -> str:
    """A check's message in the user's language (its template translated in context "checks")."""
    if not getattr(problem, "template", ""):
        return problem.message
    return QCoreApplication.translate("checks", problem.template).format(
        **_translated_args(problem.args)
    )


def _translated_args(args: dict) -> dict:
    """Text arguments (loss names) in the user's language too (numbers and shapes as they are)."""
    return {
        k: QCoreApplication.translate("checks", v) if isinstance(v, str) else v
        for k, v in args.items()
    }


def problem_fix_label(problem) -> str:
    if not getattr(problem, "fix_template", ""):
        return problem.fix_label
    return QCoreApplication.translate("checks", problem.fix_template).format(
        **_translated_args(problem.args)
    )


class ResetTrainingCommand(QUndoCommand):
    """Forget weights, optimizer state and history; Undo brings them back."""

    def __init__(self, doc: Document):
        super().__init__(_tr("Reset weights"))
        self.doc = doc
        p = doc.project
        self.saved = (p.weights, p.optimizer_state, copy.deepcopy(p.history), p.epochs_trained)

    def redo(self):
        self.doc.reset_training()

    def undo(self):
        weights, state, history, epochs = self.saved
        self.doc.set_weights(weights, state)
        self.doc.set_history(history, epochs)


def _network_signature(project) -> str:
    """What must not change while training (else the trained weights don't fit the network)."""
    layers = [(s.id, s.type, s.config) for s in project.layers]
    return json.dumps([layers, list(project.input_shape or ())], sort_keys=True, default=str)


def _dataset_key(project) -> str:
    d = project.dataset
    return json.dumps([d.name, d.params, d.path, d.format, d.options], sort_keys=True, default=str)


class _Run:
    def __init__(self, thread, worker, control, signature, started):
        self.thread, self.worker, self.control = thread, worker, control
        self.signature = signature
        self.started = started
        self.finalized = False
        self.written_epochs = (
            0  # epochs of this run already in the document (capture() while paused)
        )
        self.written_iterations = 0


class TrainingController(QObject):
    stateChanged = Signal(str)  # a TrainingState: "idle" | "running" | "paused" | "stopping"
    batchEnd = Signal(object)  # payloads.BatchReport
    epochEnd = Signal(object)  # payloads.EpochReport
    progress = Signal(object)  # payloads.Progress
    samplesPerSecond = Signal(float)  # for the status bar
    finished = Signal(str)  # "completed" | "stopped" | "nan" | "error"
    failed = Signal(str)  # a sentence for the user (also NaN and "could not start")
    snapshot = Signal(object)  # {"layer/kernel": ndarray copy, ...}, <= ~10/s
    problemsFound = Signal(list)  # list[checks.Problem]; training did not start
    runStarted = Signal(object)  # payloads.RunStart
    earlyStopped = Signal(object)  # runs.StopReason: the run ended by early stopping

    def __init__(
        self,
        document: Document,
        undo_stack=None,
        parent=None,
        *,
        rate_hz: float = REPORT_HZ,
        snapshot_hz: float = SNAPSHOT_HZ,
    ):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.rate_hz = rate_hz
        self.snapshot_hz = snapshot_hz
        self.model = None
        self.last_result: RunResult | None = None
        self.last_progress: Progress | None = None  # the latest (exact while paused)
        self._state = IDLE
        self._run: _Run | None = None
        self._dataset = None
        self._dataset_key = None
        self._accepted_warnings: set[str] = set()
        self._pace: tuple[str, float] | None = None  # gui/training/pace.py: None = fastest
        # the GUI thread's heartbeat for the worker: a stale one means the GUI is starved of
        # the GIL and the worker yields (see pacing.GUI_STARVED_S)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    # -- state ---------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def is_training(self) -> bool:
        return self._state != IDLE

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _on_document(self, event: str, info: dict) -> None:
        if event in ("dataset", "project"):
            self._dataset, self._dataset_key = None, None

    # -- data ----------------------------------------------------------------------------
    def dataset(self):
        """The document's data set, built once per data set spec (raises DataError/ProjectError)."""
        from nnstudio.project import build

        key = _dataset_key(self.document.project)
        if self._dataset is None or key != self._dataset_key:
            self._dataset = build.build_dataset(self.document.project)
            self._dataset_key = key
        return self._dataset

    def set_dataset(self, dataset) -> None:
        """Use an already loaded data set (e.g. the data panel's) for the document's current spec."""
        self._dataset = dataset
        self._dataset_key = _dataset_key(self.document.project)

    def _warning_key(self, problem) -> str:
        p = self.document.project
        return json.dumps(
            [problem.code, _network_signature(p), p.training.loss, _dataset_key(p)], default=str
        )

    def _accepted(self, problem) -> bool:
        return (
            problem.severity == "warning" and self._warning_key(problem) in self._accepted_warnings
        )

    def accept_warnings(self, problems) -> None:
        """ "Train anyway": don't ask about these warnings again while network, loss and data stay."""
        self._accepted_warnings.update(
            self._warning_key(p) for p in problems if p.severity == "warning"
        )

    def check(self) -> list:
        """The before-training checks for the document and its data set."""
        return checks.check(self.document.project, self.dataset())

    # -- slots -----------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        if self._state == PAUSED:
            self.resume()
        elif self._state == IDLE:
            self.start()

    def start(self, step: str | None = None, check: bool = True) -> bool:
        """Begin a run; ``step`` "batch"/"epoch" pauses after one; ``check=False`` skips checks.

        Returns True when training started. When the checks find problems and someone listens
        to ``problemsFound`` the run does not start (the listener offers fixes and may call
        ``start(check=False)``); with no listener, problems of severity "error" are reported
        through ``failed`` and warnings are ignored.
        """
        if self._state != IDLE:
            return False
        from nnstudio.project import build

        project = self.document.project
        try:
            dataset = self.dataset()
            if check:
                problems = [p for p in checks.check(project, dataset) if not self._accepted(p)]
                if problems:
                    if self.isSignalConnected(QMetaMethod.fromSignal(self.problemsFound)):
                        self.problemsFound.emit(problems)
                        return False
                    errors = [p for p in problems if p.severity == "error"]
                    if errors:
                        self.failed.emit("\n".join(problem_text(p) for p in errors))
                        return False
            model = build_model(project)
            x, y, _, _ = build.prepare_data(project, dataset)
        except Exception as exc:  # DataError, ProjectError, ValueError from the engine
            message = error_text(exc)
            self.failed.emit(_tr("Could not start training: {error}").format(error=message))
            return False

        training = project.training
        initial, target = runs.epoch_range(
            project.epochs_trained, training.epochs, getattr(training, "epochs_mode", runs.MORE)
        )
        if target <= initial:
            self.failed.emit(
                _tr(
                    "The model already has {done} epochs, as many as set (until epoch "
                    "{epochs}). Set a higher epoch, or choose to train more epochs."
                ).format(done=initial, epochs=int(training.epochs))
            )
            return False
        early = runs.early_stopping_callback(training)
        control = Control()
        control.pace = self._pace
        if step:
            control.request_step(step)
        want_snapshots = self.isSignalConnected(QMetaMethod.fromSignal(self.snapshot))
        worker = TrainingWorker(
            model,
            x,
            y,
            epochs=target,
            initial_epoch=initial,
            batch_size=int(training.batch_size),
            validation_split=float(training.validation_split),
            control=control,
            rate_hz=self.rate_hz,
            snapshot_hz=self.snapshot_hz,
            want_snapshots=lambda: want_snapshots,
            callbacks=[early] if early is not None else [],
        )
        worker.early_stopping = early
        gc_guard.install()  # Python code off the GUI thread: collect cycles on it only
        thread = QThread()
        thread.setObjectName("nnstudio-training")
        worker.moveToThread(thread)
        run = _Run(thread, worker, control, _network_signature(project), time.perf_counter())
        thread.started.connect(worker.run)
        # direct: the worker's own thread asks its loop to end (also when the GUI thread is
        # blocked in wait()/shutdown()); QThread.quit is thread-safe and works before exec().
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.stateChanged.connect(self._on_worker_state)
        worker.progress.connect(self._on_progress)
        worker.batchEnd.connect(self.batchEnd)
        worker.epochEnd.connect(self.epochEnd)
        worker.snapshot.connect(self.snapshot)
        thread.finished.connect(lambda r=run: self._finalize(r))
        self._run = run
        self.model = model
        self.last_progress = None
        self._set_state(RUNNING)
        control.gui_seen = time.perf_counter()
        self._heartbeat.start()
        self.runStarted.emit(
            RunStart(
                initial_epoch=initial,
                epochs=target,
                steps=worker.steps,
                iteration=int(getattr(model.optimizer, "iterations", 0) or 0),
            )
        )
        thread.start()
        return True

    @property
    def pace(self) -> tuple[str, float] | None:
        return self._pace

    def set_pace(self, pace: tuple[str, float] | None) -> None:
        """("batch" | "epoch", seconds per step), or None for as fast as possible; a running
        worker follows from its next step."""
        self._pace = tuple(pace) if pace else None
        if self._run is not None:
            self._run.control.pace = self._pace

    @Slot()
    def pause(self) -> None:
        if self._run and self._state == RUNNING:
            self._run.control.pause()

    @Slot()
    def resume(self) -> None:
        if self._run and self._state in (RUNNING, PAUSED):
            self._run.control.resume()

    @Slot()
    def step_epoch(self) -> None:
        """Run to the end of the current epoch (or one whole epoch), then pause."""
        if self._state == IDLE:
            self.start(step="epoch")
        elif self._run and self._state in (RUNNING, PAUSED):
            self._run.control.request_step("epoch")

    @Slot()
    def step_batch(self) -> None:
        """Train one more mini-batch, then pause."""
        if self._state == IDLE:
            self.start(step="batch")
        elif self._run and self._state in (RUNNING, PAUSED):
            self._run.control.request_step("batch")

    @Slot()
    def stop(self) -> None:
        """Stop after the batch in progress; results are written to the document."""
        if self._run and self._state in (RUNNING, PAUSED):
            self._run.control.request_stop()
            self._set_state(STOPPING)

    @Slot()
    def reset_weights(self) -> None:
        """Forget trained weights, optimizer state and history (undoable when there is an undo stack)."""
        if self.is_training:
            return
        if self.undo_stack is not None:
            self.undo_stack.push(ResetTrainingCommand(self.document))
        else:
            self.document.reset_training()
        self.model = None

    def capture(self) -> bool:
        """While paused, write the current weights, optimizer state and the epochs finished so
        far to the document (so Save stores them). True when the document is now up to date
        (also when there was nothing new to write); False when not paused between batches."""
        run = self._run
        if run is None or self._state != PAUSED or run.control.go.is_set():
            return False  # only between batches, with the worker blocked
        result = run.worker.result
        self._write_back(run, result)
        return True

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Stop and join the training thread (also when paused); True when it ended in time."""
        run = self._run
        if run is None:
            return True
        run.control.request_stop()
        run.thread.quit()
        ended = run.thread.wait(timeout_ms)
        if ended:
            self._finalize(run)
        return bool(ended)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the current run ended and was written back (tests, CLI-like use)."""
        run = self._run
        if run is None:
            return True
        ended = run.thread.wait(timeout_ms)
        if ended:
            self._finalize(run)
        return bool(ended)

    @Slot()
    def _beat(self) -> None:
        if self._run is not None:
            self._run.control.gui_seen = time.perf_counter()

    # -- from the worker ---------------------------------------------------------------------
    @Slot(str)
    def _on_worker_state(self, state: str) -> None:
        if self._state == STOPPING or self._run is None:
            return
        self._set_state(PAUSED if state == PAUSED else RUNNING)

    @Slot(object)
    def _on_progress(self, info: Progress) -> None:
        self.last_progress = info
        self.progress.emit(info)
        self.samplesPerSecond.emit(float(info.samples_per_s))

    def _finalize(self, run: _Run) -> None:
        """Write the run's results to the document (once), then go idle."""
        if run.finalized:
            return
        run.finalized = True
        result: RunResult = run.worker.result
        self.last_result = result
        try:
            self._write_back(run, result)
        finally:
            if self._run is run:
                self._run = None
                self._heartbeat.stop()
            run.worker.deleteLater()
            run.thread.deleteLater()
            self._set_state(IDLE)
        if result.reason in ("nan", "error") and result.message:
            self.failed.emit(result.message)
        if result.early_stop:
            self.earlyStopped.emit(result.early_stop)
        self.finished.emit(result.reason)

    def _write_back(self, run: _Run, result: RunResult) -> None:
        model = result.model
        trained = int(getattr(model.optimizer, "iterations", 0) or 0) if model is not None else 0
        if model is None or run.worker.iteration == run.written_iterations:
            return  # nothing new since the last write
        if _network_signature(self.document.project) != run.signature:
            result.message = _tr(
                "The network was changed while training ran, so the trained weights were not kept."
            )
            if result.reason not in ("nan", "error"):
                result.reason = "error"
            return
        weights = model.weight_dict()
        if not all(np.isfinite(w).all() for w in weights.values()):
            return  # never store broken weights (the NaN guard normally prevents this)
        state = model.optimizer.get_state() if trained else None
        if state is not None and not all(np.isfinite(np.asarray(v)).all() for v in state.values()):
            state = None  # e.g. after NaN: restart the optimizer's moments with the good weights
        from nnstudio.engine.callbacks import History
        from nnstudio.project import build

        record = History()  # the epochs not yet in the document, as fit() would return them
        record.epoch = list(result.epochs_done[run.written_epochs :])
        record.history = {k: v[run.written_epochs :] for k, v in result.history.items()}
        build.capture_state(self.document, weights, state, record if record.epoch else None)
        run.written_epochs = len(result.epochs_done)
        run.written_iterations = run.worker.iteration


def build_model(project):
    """``build.build_model`` that keeps the trained weights when the optimizer was changed.

    A project's optimizer state belongs to the optimizer that made it; after switching e.g.
    from Adam to SGD it doesn't fit, so the new optimizer simply starts fresh.
    """
    from nnstudio.project import build

    return build.build_model(project)  # restore_state drops an optimizer state that doesn't fit
