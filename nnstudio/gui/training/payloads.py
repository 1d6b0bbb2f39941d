"""What the training signals carry, one small frozen dataclass per signal.

The worker builds them on its own thread from plain numbers and fresh lists (never arrays the
engine still writes), so a receiver on the GUI thread may keep them. Epochs are absolute and
0-based (``epoch`` 5 is the sixth epoch of the project, whatever run it belongs to); an
iteration counts the batches of the current run, from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, slots=True)
class RunStart:
    """``runStarted``: a run is about to train epochs ``initial_epoch`` .. ``epochs - 1``."""

    initial_epoch: int
    epochs: int
    steps: int  # batches per epoch
    iteration: int  # optimizer steps taken before this run (the project's earlier runs)


@dataclass(frozen=True, slots=True)
class Progress:
    """``progress``: where the run is, for the progress bar and the status bar."""

    epoch: int  # the running epoch
    epochs: int  # the run ends before this epoch
    initial_epoch: int
    batch: int  # batches done in the running epoch (0 .. steps)
    steps: int
    iteration: int  # batches done in this run
    eta_s: float | None  # seconds left at the current speed; None before it is known
    samples_per_s: float
    elapsed_s: float  # time spent training (pauses excluded)

    @property
    def fraction(self) -> float:
        """Share of the run done, 0 .. 1."""
        span = max(1, self.epochs - self.initial_epoch)
        done = (self.epoch - self.initial_epoch) + self.batch / max(1, self.steps)
        return min(1.0, max(0.0, done / span))

    @property
    def at_end(self) -> bool:
        """The last batch of the last epoch is done."""
        return self.batch >= max(1, self.steps) and self.epoch + 1 >= self.epochs


@dataclass(frozen=True, slots=True)
class BatchReport:
    """``batchEnd``: every batch finished since the previous report (the worker sends at most
    ``pacing.REPORT_HZ`` a second, so one report may hold hundreds of batches)."""

    epoch: int
    batch: int  # of the newest batch, counted from 1 in its epoch
    steps: int
    iteration: int  # of the newest batch
    initial_epoch: int
    logs: dict[str, float]  # the running epoch's means so far (Keras's batch logs)
    iterations: list[int]  # each batch since the previous report ...
    losses: list[float]  # ... and its own loss (not averaged; NaN when it had none)
    grad_norms: dict[str, float] | None = None  # per layer, newest batch; only when views ask

    def positions(self) -> np.ndarray:
        """Where each batch of ``iterations`` ends on the epoch axis: batch ``i`` of a run that
        started at epoch ``e0`` ends at ``e0 + i / steps``."""
        return self.initial_epoch + np.asarray(self.iterations, dtype=np.float64) / max(
            1, self.steps
        )


@dataclass(frozen=True, slots=True)
class EpochReport:
    """``epochEnd``: every epoch finished since the previous report, Keras's log names."""

    epoch: int  # the newest
    logs: dict[str, float]  # the newest epoch's logs
    epochs: list[int] = field(default_factory=list)  # each epoch since the previous report
    history: dict[str, list[float]] = field(default_factory=dict)  # its values, per log name
