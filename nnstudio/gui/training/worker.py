"""The training worker: runs the engine's training loop off the GUI thread.

A :class:`TrainingWorker` is a ``QObject`` moved to a ``QThread`` (see the controller). It
iterates the engine's generator ``model.fit_iter`` and, after each batch and epoch it yields,

* reads the shared :class:`Control` flags (stop / pause / step one batch / step one epoch);
* keeps a copy of the weights of the last batch whose loss was finite and restores it when
  the loss becomes NaN or infinite;
* coalesces everything the views need into signals sent at most ``rate_hz`` times a second
  (``pacing.py``), carrying plain numbers, lists and array *copies* (never arrays the engine
  still writes).

Signals (payloads in ``payloads.py``, built here from plain numbers and fresh copies):

``progress``     a :class:`Progress` (where the run is, speed, time left);
``batchEnd``     a :class:`BatchReport`: every batch since the previous one, with its loss;
``epochEnd``     an :class:`EpochReport`: every epoch since the previous one, with its logs;
``snapshot``     ``{"layer/kernel": ndarray copy, ...}`` (``model.weight_dict()``), only while
                 the views want one;
``stateChanged`` ``TrainingState.RUNNING`` / ``PAUSED`` when the worker actually runs or blocks;
``done``         a :class:`RunResult` (always emitted last, also after an error).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from nnstudio.project.runs import StopReason

from .pacing import GUI_STARVED_S, GUI_YIELD_S, NAN_GUARD_INTERVAL_S, REPORT_HZ, SNAPSHOT_HZ
from .payloads import BatchReport, EpochReport, Progress
from .state import TrainingState


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingWorker", text)


class Control:
    """Flags shared by the GUI thread (writer) and the worker (reader), read between batches."""

    def __init__(self):
        self.stop = threading.Event()
        self.go = threading.Event()  # set: may run; clear: pause at the next batch end
        self.go.set()
        self._lock = threading.Lock()
        self._step: str | None = None  # None | "batch" | "epoch"
        # perf_counter() of the GUI thread's latest heartbeat (the controller's timer); inf
        # when no event loop watches (headless use): the worker then never yields.
        self.gui_seen = math.inf
        # the pace a class can watch (gui/training/pace.py): None, or ("batch" | "epoch",
        # seconds per step); may change while training runs
        self.pace: tuple[str, float] | None = None

    def request_step(self, kind: str | None) -> None:
        with self._lock:
            self._step = kind
        self.go.set()

    def take_step(self, kind: str) -> bool:
        """True (and clears it) when a step of ``kind`` was requested."""
        if self._step is None:  # the common case, read without the lock (asked after every batch)
            return False
        with self._lock:
            if self._step == kind:
                self._step = None
                return True
            return False

    def pause(self) -> None:
        with self._lock:
            self._step = None
        self.go.clear()

    def resume(self) -> None:
        with self._lock:
            self._step = None
        self.go.set()

    def request_stop(self) -> None:
        self.stop.set()
        self.go.set()  # wake a paused worker so it can see the stop


@dataclass
class RunResult:
    """What a run produced; read by the controller on the GUI thread after the thread ended."""

    model: object = None
    initial_epoch: int = 0
    epochs_done: list[int] = field(default_factory=list)
    history: dict[str, list[float]] = field(default_factory=dict)  # per epoch, this run only
    reason: str = "completed"  # "completed" | "stopped" | "nan" | "error"
    message: str = ""
    nan_restored: bool = False
    early_stop: StopReason | None = None  # when EarlyStopping ended the run
    fit_started: float = 0.0  # perf_counter() around model.fit (for benchmarks)
    fit_ended: float = 0.0
    fit_cpu_s: float = 0.0  # process CPU seconds during fit (all threads)


class TrainingWorker(QObject):
    """Runs one ``fit`` call on a prepared, compiled model. Create, move to a QThread, start."""

    progress = Signal(object)  # Progress
    batchEnd = Signal(object)  # BatchReport
    epochEnd = Signal(object)  # EpochReport
    snapshot = Signal(object)
    stateChanged = Signal(str)
    done = Signal(object)

    def __init__(
        self,
        model,
        x,
        y,
        *,
        epochs: int,
        initial_epoch: int,
        batch_size: int,
        validation_split: float,
        control: Control,
        rate_hz: float = REPORT_HZ,
        snapshot_hz: float = SNAPSHOT_HZ,
        want_snapshots=None,
        callbacks=(),
    ):
        super().__init__()
        self.model = model
        self.x, self.y = x, y
        self.epochs = int(epochs)
        self.initial_epoch = int(initial_epoch)
        self.batch_size = int(batch_size)
        self.validation_split = float(validation_split)
        self.control = control
        self.min_interval = 1.0 / rate_hz
        self.snapshot_interval = 1.0 / snapshot_hz if snapshot_hz > 0 else math.inf
        self.want_snapshots = want_snapshots or (lambda: True)
        self.callbacks = list(callbacks)  # e.g. EarlyStopping (run by fit_iter)
        self.early_stopping = None  # the EarlyStopping among them, read for RunResult.early_stop
        self.result = RunResult(model=model, initial_epoch=self.initial_epoch)
        n_train = int(len(x) * (1.0 - self.validation_split)) if self.validation_split else len(x)
        self.n_train = max(1, n_train)
        self.steps = max(1, math.ceil(self.n_train / self.batch_size))
        # what is waiting to be sent
        self._pending_losses: list[float] = []  # per batch since the last send (iterations
        self._pending_from = 1  # self._pending_from, self._pending_from + 1, ...)
        self._pending_epochs: list[int] = []
        self._pending_hist: dict[str, list[float]] = {}
        self._last_logs: dict = {}
        self._last_epoch_logs: dict = {}
        self._epoch = self.initial_epoch
        self._batch = 0
        self._iteration = 0
        self._last_emit = 0.0
        self._last_snapshot = 0.0
        self._now = 0.0  # perf_counter() at the latest batch end
        self._active_time = 0.0  # seconds spent running (paused time excluded)
        self._run_started = 0.0
        self._short_batches = 0  # epoch-final batches run (they may hold fewer samples)
        # NaN guard: weights before the current batch (candidate) and of the last finite one
        self._weights: np.ndarray | None = None
        self._cand: np.ndarray | None = None
        self._good: np.ndarray | None = None
        self._good_valid = False
        self._cand_valid = False
        self._cand_pending = False

    @property
    def iteration(self) -> int:
        """Batches this run has finished (written by the worker thread, read between batches)."""
        return self._iteration

    # -- the thread's entry point ------------------------------------------------------
    @Slot()
    def run(self) -> None:
        result = self.result
        try:
            self._prepare_guard()
            self._run_started = time.perf_counter()
            self.stateChanged.emit(TrainingState.RUNNING)
            if self.control.stop.is_set():
                result.reason = "stopped"
            else:
                # overflow on the way to NaN is reported by the NaN guard, not as warnings
                result.fit_started = time.perf_counter()
                cpu = time.process_time()
                from nnstudio.engine import threads

                # the matrix products leave the GUI thread a core (engine/threads.py)
                with (
                    threads.leave_cores(1),
                    np.errstate(over="ignore", invalid="ignore", divide="ignore"),
                ):
                    self._train()
                result.fit_ended = time.perf_counter()
                result.fit_cpu_s = time.process_time() - cpu
                if result.reason != "nan":
                    result.reason = "stopped" if self.control.stop.is_set() else "completed"
                if result.reason == "completed" and self.early_stopping is not None:
                    from nnstudio.project import runs

                    result.early_stop = runs.stop_reason(self.early_stopping)
            if result.reason != "nan" and not self._weights_finite():
                self._restore_good()
                result.reason = "nan"
                result.nan_restored = True
                result.message = self._nan_message()
        except Exception as exc:  # a traceback is never the user interface
            traceback.print_exc()
            result.reason = "error"
            result.message = _tr("Training failed: {error}").format(error=exc)
            if self._good_valid and not self._weights_finite():
                self._restore_good()
        finally:
            self._flush(force=True)
            self.done.emit(result)

    def _train(self) -> None:
        """Drive the engine's ``fit_iter``: between two batches (and after each epoch) read the
        control flags, keep the NaN guard, send what the views need. Stop and NaN set
        ``model.stop_training`` and let the generator end its epoch (history, validation,
        callbacks) as ``fit`` would."""
        model = self.model
        run = model.fit_iter(
            self.x,
            self.y,
            batch_size=self.batch_size,
            epochs=self.epochs,
            initial_epoch=self.initial_epoch,
            validation_split=self.validation_split,
            shuffle=True,
            verbose=0,
            callbacks=self.callbacks,
        )
        self._save_candidate()  # the weights before the first batch
        with contextlib.closing(run):
            for event in run:
                if event[0] == "batch":
                    _, epoch, step, logs = event
                    self._epoch = epoch
                    self._after_batch(step, logs)
                    last_of_epoch = step + 1 == self.steps
                else:
                    _, epoch, logs = event
                    self._after_epoch(epoch, logs)
                    last_of_epoch = epoch + 1 == self.epochs  # no batch follows
                if not last_of_epoch and not model.stop_training:
                    self._save_candidate()  # the weights before the next batch

    # -- NaN guard -----------------------------------------------------------------------
    # A copy of the weights before a batch at most every NAN_GUARD_INTERVAL_S (and before the
    # first): a copy before every batch would cost a few % of MNIST's training time.

    def _prepare_guard(self) -> None:
        # the model keeps all its weights in one array: one copy, whatever the layers
        self._weights = self.model.weights_buffer()
        self._cand = np.empty_like(self._weights)
        self._good = np.empty_like(self._weights)
        self._cand_pending = False
        self._cand_time = -math.inf

    def _save_candidate(self) -> None:
        # self._now: the previous batch's end (microseconds ago), one clock read per batch
        if self._good_valid and self._now - self._cand_time < NAN_GUARD_INTERVAL_S:
            return
        np.copyto(self._cand, self._weights)
        self._cand_valid = self._cand_pending = True
        self._cand_time = self._now

    def _accept_candidate(self) -> None:
        """The batch after the candidate copy had a finite loss: the copy is good weights."""
        if self._cand_pending:
            self._cand, self._good = self._good, self._cand
            self._good_valid = True
            self._cand_pending = False

    def _weights_finite(self) -> bool:
        return bool(np.isfinite(self._weights).all())

    def _restore_good(self) -> None:
        """Put back the newest copy of weights whose batch had a finite loss (at most
        NAN_GUARD_INTERVAL_S of training back; when the very first batch already failed, the finite
        weights it started from)."""
        source = self._good if self._good_valid else self._cand
        if self._good_valid or (self._cand_valid and np.isfinite(self._cand).all()):
            self._weights[...] = source
            self.result.nan_restored = True

    def _nan_message(self) -> str:
        lr = getattr(self.model.optimizer, "learning_rate", None)
        lr_text = f" ({lr:g})" if isinstance(lr, (int, float)) else ""
        return _tr(
            "The loss became NaN or infinite at epoch {epoch}, batch {batch}, so training stopped. "
            "The weights from just before the loss went bad were kept. The learning rate{lr} "
            "is probably too large: try one ten times smaller."
        ).format(epoch=self._epoch + 1, batch=self._batch, lr=lr_text)

    # -- letting the GUI thread run ---------------------------------------------------------
    # The engine's BLAS calls release the GIL only for moments, which starves a waiting GUI
    # thread (GUI.md, "The GIL"): when the GUI's heartbeat is older than GUI_STARVED_S, the
    # worker sleeps GUI_YIELD_S after the batch so the GUI thread can run.

    # -- between batches (worker thread) --------------------------------------------------
    def _after_batch(self, batch: int, logs: dict) -> None:
        # runs after every batch: each microsecond here is ~1.5% of a small network's batch
        model = self.model
        control = self.control
        self._now = now = time.perf_counter()
        self._batch = batch = batch + 1
        self._iteration += 1
        if batch == self.steps:
            self._short_batches += 1  # the epoch's last batch may be smaller (samples/s)
        loss = (model.last_batch_logs or logs).get("loss")
        if loss is not None and not math.isfinite(loss):
            self._restore_good()
            self.result.reason = "nan"
            self.result.message = self._nan_message()
            control.stop.set()
            model.stop_training = True
            return
        if self._cand_pending:
            self._accept_candidate()
        if now - control.gui_seen > GUI_STARVED_S:
            time.sleep(GUI_YIELD_S)
        self._last_logs = logs
        self._pending_losses.append(loss)
        if control.stop.is_set():
            model.stop_training = True
            return
        if control.take_step("batch"):  # its lock-free check is the common case
            control.go.clear()
        if control.pace is not None:  # slow pace: every step is shown, then the worker waits
            self._keep_pace("batch")
        elif now - self._last_emit >= self.min_interval:
            self._flush()
        if not control.go.is_set():
            self._wait_while_paused()
            if control.stop.is_set():
                model.stop_training = True

    def _after_epoch(self, epoch: int, logs: dict) -> None:
        if self.result.reason == "nan":
            return
        epoch = int(epoch)
        values = {k: float(v) for k, v in logs.items()}
        self.result.epochs_done.append(epoch)
        for key, value in values.items():
            self.result.history.setdefault(key, []).append(value)
        self._pending_epochs.append(epoch)
        for key, value in values.items():
            self._pending_hist.setdefault(key, []).append(value)
        self._last_epoch_logs = values
        if self.control.stop.is_set():
            return
        if self.control.take_step("epoch") and epoch + 1 < self.epochs:
            self.control.go.clear()
        if self.control.pace is not None:
            self._keep_pace("epoch")
        self._flush()
        if not self.control.go.is_set() and epoch + 1 < self.epochs:
            self._epoch, self._batch = epoch + 1, 0
            self._wait_while_paused()
            if self.control.stop.is_set():
                self.model.stop_training = True

    def _keep_pace(self, kind: str) -> None:
        """Show this step now (every batch or epoch reaches the views), then wait until the
        pace's time for a ``kind`` step has passed since the previous one. The pace is read
        again while waiting, so "as fast as possible" or Stop take effect at once."""
        pace = self.control.pace
        if pace is None or pace[0] != kind:
            return
        self._flush(force=True)
        attr = "_paced_" + kind
        since = getattr(self, attr, 0.0)
        while True:
            pace = self.control.pace
            now = time.perf_counter()
            if pace is None or pace[0] != kind or self.control.stop.is_set():
                break
            remaining = since + float(pace[1]) - now
            if remaining <= 0:
                break
            self.control.stop.wait(min(remaining, 0.05))
        setattr(self, attr, time.perf_counter())

    def _wait_while_paused(self) -> None:
        self._active_time += time.perf_counter() - self._run_started
        self._run_started = 0.0  # paused: the time from here on is not training time
        self._flush(force=True)
        self.stateChanged.emit(TrainingState.PAUSED)
        while not self.control.go.wait(0.25):
            pass
        self._run_started = time.perf_counter()
        if not self.control.stop.is_set():
            self.stateChanged.emit(TrainingState.RUNNING)

    # -- sending (throttled) -------------------------------------------------------------
    def _flush(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self._last_emit < self.min_interval:
            return
        self._last_emit = now
        if self._pending_losses:
            losses = self._pending_losses
            grad_norms = None
            if self.want_snapshots():  # the views' gradient curves: the newest batch's, per layer
                from nnstudio.engine import introspect

                grad_norms = introspect.gradient_norms(self.model)
            self.batchEnd.emit(
                BatchReport(
                    epoch=self._epoch,
                    batch=self._batch,
                    steps=self.steps,
                    iteration=self._iteration,
                    initial_epoch=self.initial_epoch,
                    logs={k: float(v) for k, v in self._last_logs.items()},
                    iterations=list(range(self._pending_from, self._pending_from + len(losses))),
                    losses=[float(v) if v is not None else math.nan for v in losses],
                    grad_norms=grad_norms,
                )
            )
            self._pending_from += len(losses)
            self._pending_losses = []
        if self._pending_epochs:
            self.epochEnd.emit(
                EpochReport(
                    epoch=self._pending_epochs[-1],
                    logs=dict(self._last_epoch_logs),
                    epochs=self._pending_epochs,
                    history=self._pending_hist,
                )
            )
            self._pending_epochs, self._pending_hist = [], {}
        self.progress.emit(self._progress(now))
        if (force or now - self._last_snapshot >= self.snapshot_interval) and self.want_snapshots():
            self._last_snapshot = now
            self.snapshot.emit(self.model.weight_dict())

    def _progress(self, now: float) -> Progress:
        active = self._active_time + (now - self._run_started if self._run_started else 0.0)
        batches = self._iteration  # this run's
        last_batch = self.n_train - self.batch_size * (self.steps - 1)  # may be short
        samples = batches * self.batch_size - self._short_batches * (self.batch_size - last_batch)
        rate = batches / active if active > 0 else 0.0
        remaining = (self.epochs - self._epoch - 1) * self.steps + (self.steps - self._batch)
        return Progress(
            epoch=self._epoch,
            epochs=self.epochs,
            initial_epoch=self.initial_epoch,
            batch=self._batch,
            steps=self.steps,
            iteration=self._iteration,
            eta_s=remaining / rate if rate > 0 else None,
            samples_per_s=samples / active if active > 0 else 0.0,
            elapsed_s=active,
        )
