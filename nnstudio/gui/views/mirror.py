"""ModelMirror: the views' private copy of the network, kept in the GUI thread.

The training thread's model is never touched from here. The mirror builds its own engine
model from the document (``nnstudio.project.build.build_model``: the same seed, so an
untrained network shows the very weights training will start from), takes the weights of
the controller's ``snapshot`` signal while training runs (only the newest one is kept; it is
applied at most ``rate_hz`` times a second by a single-shot QTimer), and the document's
weights otherwise. Views listen to ``updated`` and redraw only when they are visible.

Weight edits by hand go through :class:`SetWeightsCommand` on the window's undo stack, so the
document (the one truth) changes, and the mirror follows its "weights" event.
"""

from __future__ import annotations

import copy
import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from nnstudio.gui.training.pacing import (
    MIRROR_HZ,
    SHARED_DUTY,
    SHARED_MAX_INTERVAL_S,
    TRAINING_BUDGET,
    VIEW_DUTY,
    VIEW_MAX_INTERVAL_S,
    VIEW_MIN_INTERVAL_S,
)
from nnstudio.gui.training.payloads import RunStart
from nnstudio.project.document import Document


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelMirror", text)


class SetWeightsCommand(QUndoCommand):
    """Replace the document's weights (one value edited by hand); the optimizer state is kept."""

    def __init__(self, document: Document, new: dict, old: dict | None, text: str):
        super().__init__(text)
        self.document = document
        self.new, self.old = new, old
        self.state = document.project.optimizer_state

    def redo(self):
        self.document.set_weights(self.new, self.state)

    def undo(self):
        self.document.set_weights(self.old, self.state)


class NudgeWeightCommand(SetWeightsCommand):
    """One weight nudged by the mouse wheel: the notches of one scroll over the same weight,
    each within ``MERGE_SECONDS`` of the last, merge into one undo step."""

    MERGE_SECONDS = 2.0
    _ID = 0x4E4E13

    def __init__(
        self,
        document: Document,
        new: dict,
        old: dict | None,
        text: str,
        key: str,
        index: tuple,
        clock=None,
    ):
        super().__init__(document, new, old, text)
        self.key, self.index = key, tuple(index)
        self._clock = clock or time.monotonic
        self._stamp = self._clock()

    def id(self) -> int:
        return self._ID

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, NudgeWeightCommand) or (other.key, other.index) != (
            self.key,
            self.index,
        ):
            return False
        if other._stamp - self._stamp > self.MERGE_SECONDS:
            return False
        self.new, self._stamp = other.new, other._stamp
        return True


class ModelMirror(QObject):
    """``updated`` after the mirror's weights or network changed (≤ rate_hz per second);
    ``datasetChanged`` when a new data set arrived."""

    updated = Signal()
    datasetChanged = Signal()

    def __init__(
        self,
        document: Document,
        controller=None,
        data_panel=None,
        parent=None,
        *,
        rate_hz: float = MIRROR_HZ,
    ):
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.model = None
        self.error = ""
        self.dataset = None
        self.version = 0  # +1 whenever the weights or the network change
        self.iteration = 0  # optimizer steps behind the current weights (for curves)
        self._structure_dirty = True
        self._pending: dict | None = None
        self._cache: dict = {}
        self._prepared = None
        self._run_start_iteration = 0
        self.limiter = RateLimiter(
            min_interval=0.0, duty=SHARED_DUTY, max_interval=SHARED_MAX_INTERVAL_S, smooth=False
        )  # all views together
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._interval_ms = max(1, int(1000 / rate_hz))
        self._timer.timeout.connect(self.apply)
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        if controller is not None:
            controller.snapshot.connect(self._on_snapshot)
            controller.stateChanged.connect(self._on_state)
            if hasattr(controller, "runStarted"):
                controller.runStarted.connect(self._on_run_started)
        if data_panel is not None:
            data_panel.datasetLoaded.connect(self.set_dataset)
            current = data_panel.current_dataset()
            if current is not None:
                self.dataset = current

    # -- inputs -----------------------------------------------------------------------------
    @property
    def is_training(self) -> bool:
        return bool(self.controller is not None and self.controller.is_training)

    @property
    def run_start_iteration(self) -> int:
        """The optimizer step count when the current run started (its batches count on from it)."""
        return self._run_start_iteration

    def set_dataset(self, dataset) -> None:
        self.dataset = dataset
        self._prepared = None
        self._cache.clear()
        self.version += 1
        self.datasetChanged.emit()
        self.schedule()

    def _on_document(self, event: str, info: dict) -> None:
        if event in ("layers", "project", "dataset", "training", "weights"):
            self._structure_dirty = True
            self._prepared = None
            if event in ("project", "layers", "dataset"):
                self.iteration = 0
            elif event == "weights" and not self.document.project.weights:
                self.iteration = 0  # weights were reset
            self.schedule()

    def _on_state(self, *_) -> None:
        """Views say "locked" while training: redraw when that changes (not on every pause/resume)."""
        training = self.is_training
        if training != getattr(self, "_was_training", None):
            self._was_training = training
            self.updated.emit()

    def _on_run_started(self, info: RunStart) -> None:
        self._run_start_iteration = info.iteration

    def _on_snapshot(self, weights) -> None:
        self._pending = weights  # keep only the newest
        self.schedule()

    def schedule(self) -> None:
        if not self._timer.isActive():
            # while training, no sooner than the views' shared budget lets one of them redraw:
            # a snapshot no view can draw yet is not worth taking (it is replaced by newer ones)
            wait = self.limiter.wait() if self.is_training and self._pending is not None else 0.0
            self._timer.start(max(self._interval_ms, int(wait * 1000)))

    # -- the model ----------------------------------------------------------------------------
    def ensure(self) -> None:
        """Bring the model up to date now (a view about to draw calls this)."""
        if self._structure_dirty or self._pending is not None:
            self._timer.stop()
            self.apply(emit=False)

    def apply(self, emit: bool = True) -> None:
        changed = False
        if self._structure_dirty:
            self._rebuild()
            changed = True
        pending, self._pending = self._pending, None
        if pending is not None and self.model is not None:
            try:
                self.model.set_weight_dict(pending)
                changed = True
                progress = getattr(self.controller, "last_progress", None)
                self.iteration = self._run_start_iteration + (progress.iteration if progress else 0)
            except ValueError:
                pass  # a snapshot of another network (the run just ended); the document follows
        if changed:
            self.version += 1
            self._cache.clear()
            if emit:
                self.updated.emit()

    def _rebuild(self) -> None:
        from nnstudio.project import build

        self._structure_dirty = False
        project = self.document.project
        self.model, self.error = None, ""
        if not project.layers:
            self.error = _tr("The network has no layers yet: add a Dense layer to see inside it.")
            return
        try:
            self.model = build.build_model(project)
        except Exception as exc:  # ProjectError, ValueError: the views say why they are empty
            self.error = str(exc) or exc.__class__.__name__
            return
        self.iteration = max(
            self.iteration, int(getattr(self.model.optimizer, "iterations", 0) or 0)
        )

    def problem(self) -> str:
        """Why there is nothing to draw ("" when model and data fit together)."""
        self.ensure()
        if self.model is None:
            return self.error
        if self.dataset is None:
            return _tr("Choose a data set in the Data panel.")
        if tuple(self.dataset.input_shape) != tuple(self.model.input_shape or ()):
            return _tr(
                "The network's input does not match the data set; choose the data set again."
            )
        return ""

    # -- cached results of the current weights ---------------------------------------------
    def cached(self, key, compute):
        """compute() once per weights version (views share test-set predictions this way)."""
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = compute()
        return hit

    def rows_for(self, budget: float, limit: int) -> int:
        """How many samples one GUI-thread pass may take: about ``budget`` multiply-adds
        (weights x samples), at least 64, at most ``limit``, so no redraw stalls the window."""
        params = max(1, self.model.count_params()) if self.model is not None else 1
        return int(min(limit, max(64, budget // params)))

    def outputs(self, which: str = "test") -> np.ndarray:
        """The model's outputs for the data set's test (or "train") inputs. While training runs,
        only for the first samples (``rows_for``: a big network on a big test set would block
        the window); all of them otherwise. ``len(outputs)`` says how many."""
        x = self.dataset.x_test if which == "test" else self.dataset.x_train
        n = self.rows_for(TRAINING_BUDGET, len(x)) if self.is_training else len(x)
        return self.cached(
            ("outputs", which, n),
            lambda: (
                self.model.predict(x[:n], batch_size=1024, verbose=0)
                if n
                else np.zeros((0, *self.model.output_shape), np.float32)
            ),
        )

    def prepared(self):
        """(x_train, y_train) with targets in the form the loss expects, or None."""
        if self._prepared is None and self.dataset is not None:
            from nnstudio.project import build

            try:
                x, y, _, _ = build.prepare_data(self.document.project, self.dataset)
                self._prepared = (x, y)
            except Exception:
                self._prepared = False
        return self._prepared or None

    # -- edits by hand ----------------------------------------------------------------------------
    def edit_weight(
        self, key: str, index: tuple, value: float, undo_stack=None, nudge: bool = False
    ) -> bool:
        """Set one weight (``key`` like "dense/kernel", ``index`` into it) in the document.
        Refused (False) while training runs. ``nudge``: a wheel step (steps of one scroll merge
        into one undo step)."""
        if self.is_training:
            return False
        self.ensure()
        if self.model is None:
            return False
        old = (
            copy.deepcopy(self.document.project.weights) if self.document.project.weights else None
        )
        new = self.model.weight_dict()
        if key not in new:
            return False
        new[key][tuple(index)] = float(value)
        label = "[" + ", ".join(str(i) for i in index) + "]"
        text = _tr("Edit weight {key}{index}").format(key=key, index=label)
        command = (
            NudgeWeightCommand(self.document, new, old, text, key, index)
            if nudge
            else SetWeightsCommand(self.document, new, old, text)
        )
        if undo_stack is not None:
            undo_stack.push(command)
        else:
            command.redo()
        self.ensure()
        self.updated.emit()
        return True


class RateLimiter:
    """Decides when a view may redraw: at most every ``min_interval`` seconds, and no more
    often than keeps its drawing under ``duty`` of the time (a slow view slows down; the cost
    is a moving average, so one slow first draw does not stall it), but at least every
    ``max_interval`` seconds."""

    def __init__(
        self,
        min_interval: float = VIEW_MIN_INTERVAL_S,
        duty: float = VIEW_DUTY,
        max_interval: float = VIEW_MAX_INTERVAL_S,
        smooth: bool = True,
    ):
        self.min_interval = min_interval
        self.duty = duty
        self.max_interval = max_interval
        self.smooth = smooth  # False: pace by the last redraw's own cost (a budget shared by
        self.last = -1e9  # cheap and dear views: an average let the dear ones overspend it)
        self.cost = 0.0

    def wait(self) -> float:
        """Seconds to wait before the next redraw (0: now)."""
        interval = min(self.max_interval, max(self.min_interval, self.cost / self.duty))
        return max(0.0, self.last + interval - time.perf_counter())

    def done(self, started: float | None = None, cost: float | None = None) -> None:
        """A redraw ended: it began at perf_counter() ``started``, or it cost ``cost`` seconds."""
        now = time.perf_counter()
        cost = now - started if cost is None else cost
        self.cost = cost if self.cost == 0.0 or not self.smooth else 0.7 * self.cost + 0.3 * cost
        self.last = now
