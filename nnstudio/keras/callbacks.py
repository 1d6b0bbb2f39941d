"""keras.callbacks: the engine's callbacks and the ones textbook code uses beside them
(LearningRateScheduler, ReduceLROnPlateau, CSVLogger, ModelCheckpoint), Keras 3's logic."""

import csv
import os
import sys
import warnings

import numpy as np

from ..engine.callbacks import Callback, EarlyStopping, History, ProgbarLogger, TerminateOnNaN


def _monitor_op(callback, mode, min_delta):
    """(is_improvement(current, best), mode) as Keras 3's MonitorCallback decides them."""
    if mode == "auto":
        probe = EarlyStopping(monitor=callback.monitor)
        probe.model = callback.model
        mode = probe._direction()
    delta = abs(min_delta)
    if mode == "min":
        return (lambda current, best: best is None or current - delta < best), mode
    return (lambda current, best: best is None or current + delta > best), mode


class LearningRateScheduler(Callback):
    """At each epoch's start: optimizer.learning_rate = schedule(epoch, learning_rate)."""

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule, self.verbose = schedule, verbose

    def on_epoch_begin(self, epoch, logs=None):
        lr = float(self.model.optimizer.learning_rate)
        try:
            new_lr = self.schedule(epoch, lr)
        except TypeError:  # a schedule taking the epoch only
            new_lr = self.schedule(epoch)
        if not isinstance(new_lr, (float, int, np.floating, np.integer)):
            raise ValueError(
                f'The output of the "schedule" function should be a float, got: {new_lr!r}'
            )
        self.model.optimizer.learning_rate = float(new_lr)
        if self.verbose > 0:
            sys.stdout.write(
                f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {new_lr}.\n"
            )

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = float(self.model.optimizer.learning_rate)


class ReduceLROnPlateau(Callback):
    """Multiply the learning rate by `factor` when `monitor` has not improved for `patience`
    epochs (then wait `cooldown` epochs), never below min_lr; logs "learning_rate"."""

    def __init__(
        self,
        monitor="val_loss",
        factor=0.1,
        patience=10,
        verbose=0,
        mode="auto",
        min_delta=1e-4,
        cooldown=0,
        min_lr=0.0,
        **kwargs,
    ):
        super().__init__()
        if factor >= 1.0:
            raise ValueError(
                f"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor}"
            )
        self.monitor, self.factor, self.patience = monitor, float(factor), int(patience)
        self.verbose, self.mode, self.min_delta = verbose, mode, float(min_delta)
        self.cooldown, self.min_lr = int(cooldown), float(min_lr)
        self._improved = None
        self._reset()

    def _reset(self):
        self.best, self.cooldown_counter, self.wait = None, 0, 0

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        if self._improved is None:
            self._improved, self.mode = _monitor_op(self, self.mode, self.min_delta)
        logs = logs if logs is not None else {}
        logs["learning_rate"] = float(self.model.optimizer.learning_rate)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                f"Learning rate reduction is conditioned on metric `{self.monitor}` which is "
                f"not available. Available metrics are: {','.join(logs)}.",
                stacklevel=2,
            )
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self._improved(current, self.best):
            self.best, self.wait = current, 0
        elif not self.in_cooldown():
            self.wait += 1
            if self.wait >= self.patience:
                old_lr = float(self.model.optimizer.learning_rate)
                if old_lr > np.float32(self.min_lr):
                    new_lr = max(old_lr * self.factor, self.min_lr)
                    self.model.optimizer.learning_rate = new_lr
                    if self.verbose > 0:
                        sys.stdout.write(
                            f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate "
                            f"to {new_lr}.\n"
                        )
                    self.cooldown_counter, self.wait = self.cooldown, 0


class CSVLogger(Callback):
    """One CSV row per epoch: epoch, then the logged values in sorted order (Keras's format)."""

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.filename, self.sep, self.append = os.fspath(filename), separator, append
        self.keys, self._file, self._writer = None, None, None

    def on_train_begin(self, logs=None):
        exists = os.path.exists(self.filename) and os.path.getsize(self.filename) > 0
        self._has_header = self.append and exists
        self._file = open(self.filename, "a" if self.append else "w", newline="", encoding="utf-8")  # noqa: SIM115

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs)
            if not any(k.startswith("val_") for k in self.keys):  # Keras: columns for them anyway
                self.keys += ["val_" + k for k in self.keys]
        if self._writer is None:
            self._writer = csv.DictWriter(
                self._file, fieldnames=["epoch", *self.keys], delimiter=self.sep
            )
            if not self._has_header:
                self._writer.writeheader()
        row = {"epoch": epoch, **{k: logs.get(k, "NA") for k in self.keys}}
        self._writer.writerow(row)
        self._file.flush()

    def on_train_end(self, logs=None):
        if self._file is not None:
            self._file.close()
        self._file, self._writer = None, None


class ModelCheckpoint(Callback):
    """Save the model after each epoch (or only the best one) to a file whose name may hold
    {epoch} and the logged values ("ckpt-{epoch:02d}-{val_loss:.2f}.npz"):
    - "*.npz": the weights (load them with model.load_weights);
    - "*.nnproj": the project the studio opens (network, weights, optimizer state).
    Keras's own ".keras" / ".h5" files are not written (see SUPPORTED.md)."""

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__()
        self.filepath = os.fspath(filepath)
        if not self.filepath.endswith((".npz", ".nnproj")):
            raise ValueError(
                "ModelCheckpoint writes weights (.npz) or a studio project (.nnproj) here, "
                f"received filepath={self.filepath!r}: end the name with .npz or .nnproj "
                "(Keras's .keras and .h5 files are not written)."
            )
        if save_freq != "epoch":
            raise ValueError("ModelCheckpoint saves once per epoch here: save_freq='epoch'.")
        self.monitor, self.verbose, self.mode = monitor, verbose, mode
        self.save_best_only = bool(save_best_only)
        self.best = initial_value_threshold
        self._improved = None

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.save_best_only:
            if self._improved is None:
                self._improved, self.mode = _monitor_op(self, self.mode, 0)
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(
                    f"Can save best model only with {self.monitor} available.", stacklevel=2
                )
                return
            if not self._improved(current, self.best):
                return
            self.best = current
        path = self.filepath.format(epoch=epoch + 1, **logs)
        if path.endswith(".npz"):
            self.model.save_weights(path) if hasattr(self.model, "save_weights") else np.savez(
                path, **self.model.weight_dict()
            )
        else:
            _save_project(self.model, path, logs)
        if self.verbose > 0:
            sys.stdout.write(f"\nEpoch {epoch + 1}: saving model to {path}\n")


def _save_project(model, path, logs):
    from ..project import fileformat
    from .project_io import project_from_model

    fileformat.save(project_from_model(model, logs), path)


__all__ = [
    "CSVLogger",
    "Callback",
    "EarlyStopping",
    "History",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "TerminateOnNaN",
]
