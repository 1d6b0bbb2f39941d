"""What the next training run does: how many epochs, and when it stops early.

One rule for the studio's Train button and ``nnstudio train``:

* ``epochs_mode = "more"`` (the default): a run trains ``epochs`` more epochs
  (5 done, epochs 15 -> epochs 6..20).
* ``epochs_mode = "until"``: a run trains until the model has ``epochs`` epochs in all
  (5 done, epochs 15 -> epochs 6..15); when that many are done there is nothing to train.

Early stopping is the engine's ``EarlyStopping`` (Keras semantics) with the settings in
``training.early_stopping`` (``None``: off). Both keys are written to the project file only
when they differ from the defaults, so files that do not use them stay byte for byte as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ProjectError

MORE, UNTIL = "more", "until"
EPOCH_MODES = (MORE, UNTIL)

EARLY_STOPPING_DEFAULTS: dict[str, Any] = {
    "monitor": "val_loss",
    "patience": 5,
    "min_delta": 0.0,
    "restore_best_weights": True,
}
MONITORS = ("val_loss", "loss", "val_accuracy", "accuracy")


def epoch_range(done: int, setting: int, mode: str = MORE) -> tuple[int, int]:
    """``(initial_epoch, final_epoch)`` of the next run: epochs ``initial+1 .. final``.

    ``final == initial`` means there is nothing to train (mode "until", target reached).
    """
    done, setting = max(0, int(done or 0)), max(0, int(setting))
    if mode == UNTIL:
        return done, max(done, setting)
    if mode != MORE:
        raise ProjectError(f'The epochs mode must be "more" or "until", received: {mode!r}.')
    return done, done + setting


def early_stopping_settings(training) -> dict[str, Any] | None:
    """The project's early-stopping settings with defaults filled in (``None``: off)."""
    settings = getattr(training, "early_stopping", None)
    if not settings:
        return None
    return {**EARLY_STOPPING_DEFAULTS, **settings}


def early_stopping_callback(training):
    """An engine ``EarlyStopping`` for the project's settings, or ``None`` when off."""
    settings = early_stopping_settings(training)
    if settings is None:
        return None
    from nnstudio.engine.callbacks import EarlyStopping

    return EarlyStopping(
        monitor=settings["monitor"],
        patience=int(settings["patience"]),
        min_delta=float(settings["min_delta"]),
        restore_best_weights=bool(settings["restore_best_weights"]),
    )


@dataclass(frozen=True, slots=True)
class StopReason:
    """Why an ``EarlyStopping`` ended a run (epochs counted from 1, as a student reads them)."""

    epoch: int  # the epoch training stopped after
    best_epoch: int
    monitor: str
    best: float
    patience: int
    restored: bool  # the best epoch's weights were put back


def stop_reason(callback) -> StopReason | None:
    """Why ``callback`` (an ``EarlyStopping``) ended the run; ``None`` when it did not."""
    if callback is None or not callback.stopped_epoch:
        return None
    return StopReason(
        epoch=int(callback.stopped_epoch) + 1,
        best_epoch=int(callback.best_epoch) + 1,
        monitor=callback.monitor,
        best=float(callback.best),
        patience=int(callback.patience),
        restored=bool(callback.restore_best_weights and callback.best_weights is not None),
    )


# -- the project file: written only when not the default ------------------------------------
def to_file(training) -> dict[str, Any]:
    """The extra ``[training]`` keys (none when both settings are at their defaults)."""
    out: dict[str, Any] = {}
    mode = getattr(training, "epochs_mode", MORE)
    if mode != MORE:
        out["epochs_mode"] = mode
    settings = early_stopping_settings(training)
    if settings is not None:
        out["early_stopping"] = dict(settings)
    return out


def from_file(table: dict, training) -> None:
    """Read ``epochs_mode`` and ``early_stopping`` from a ``[training]`` table into ``training``
    (raises ProjectError with a sentence when a value is not usable)."""
    mode = table.get("epochs_mode", MORE)
    if mode not in EPOCH_MODES:
        raise ProjectError(
            f'The epochs mode must be "more" or "until", but the file has {mode!r}; '
            "fix the file or remove the setting."
        )
    training.epochs_mode = mode
    raw = table.get("early_stopping")
    if raw is None:
        training.early_stopping = None
        return
    if not isinstance(raw, dict) or set(raw) - set(EARLY_STOPPING_DEFAULTS):
        raise ProjectError(
            "The early stopping settings must be a table with "
            f"{', '.join(EARLY_STOPPING_DEFAULTS)}, but the file has {raw!r}."
        )
    settings = {**EARLY_STOPPING_DEFAULTS, **raw}
    patience, min_delta = settings["patience"], settings["min_delta"]
    if (
        not isinstance(settings["monitor"], str)
        or isinstance(patience, bool)
        or not isinstance(patience, int)
        or patience < 0
        or isinstance(min_delta, bool)
        or not isinstance(min_delta, (int, float))
        or min_delta < 0
        or not isinstance(settings["restore_best_weights"], bool)
    ):
        raise ProjectError(
            "The early stopping settings are not usable (monitor a name, patience a whole "
            f"number >= 0, min_delta a number >= 0, restore_best_weights true/false): {raw!r}."
        )
    settings["min_delta"] = float(min_delta)
    training.early_stopping = settings
