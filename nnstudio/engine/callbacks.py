"""Callbacks: code that fit/evaluate/predict call at fixed points, with Keras 3's protocol.

fit calls, in order: on_train_begin(logs) ; for each epoch: on_epoch_begin(epoch) ; for each
batch: on_train_batch_begin(batch), on_train_batch_end(batch, logs) ; then on_epoch_end(epoch,
logs) ; finally on_train_end(logs). Batch-end logs are running means over the epoch so far
("loss", each metric). Epoch-end logs add "val_loss", "val_<metric>" when there is validation
data. `model.stop_training = True` from any callback stops fit after the current batch.
evaluate calls on_test_begin/end and on_test_batch_begin/end; predict the on_predict_* ones.
`params` holds {"epochs", "steps", "verbose"}.
"""

import math
import sys
import time

import numpy as np


class Callback:
    """Base class: override the hooks you need."""

    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model):
        self.model = model

    def set_params(self, params):
        self.params = params

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_batch_begin(self, batch, logs=None):
        pass

    def on_train_batch_end(self, batch, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass


_HOOKS = [name for name in vars(Callback) if name.startswith("on_")]


class CallbackList:
    """Calls a hook on every callback in order."""

    def __init__(self, callbacks, model, params):
        self.callbacks = list(callbacks)
        for cb in self.callbacks:
            if not isinstance(cb, Callback):
                raise ValueError(f"callbacks must be Callback instances, received: {cb!r}")
            cb.set_model(model)
            cb.set_params(params)

    def __getattr__(self, name):
        if name not in _HOOKS:
            raise AttributeError(name)
        # Only the callbacks that do something for this hook (the base class's are no-ops), and
        # the dispatcher is kept on the instance: per-batch hooks cost one call, not a lookup
        # and a new closure per batch (it shows on small networks, where a batch takes ~0.1 ms).
        base = getattr(Callback, name)
        methods = [
            m
            for m in (getattr(cb, name) for cb in self.callbacks)
            if getattr(m, "__func__", None) is not base
        ]

        if len(methods) == 1:
            call = methods[0]  # the common case (e.g. the studio's worker): no wrapper at all
        else:

            def call(*args):
                for method in methods:
                    method(*args)

        setattr(self, name, call)
        return call


class History(Callback):
    """Records epoch-end logs: `.history` {"loss": [...], ...} and `.epoch` [indices]."""

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)
        if self.model is not None:
            self.model.history = self


def _can_encode(stream, text):
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def format_logs(logs):
    """ " - accuracy: 0.9000 - loss: 0.3012" in Keras 3's style (names sorted, val_ last)."""
    items = sorted((k, v) for k, v in logs.items() if not k.startswith("val_"))
    items += sorted((k, v) for k, v in logs.items() if k.startswith("val_"))
    parts = []
    for key, value in items:
        if isinstance(value, (float, int, np.floating)):
            v = float(value)
            parts.append(f"{key}: {v:.4f}" if abs(v) >= 1e-3 or v == 0 else f"{key}: {v:.4e}")
    return "".join(" - " + p for p in parts)


def _format_time(seconds):
    if seconds >= 3600:
        return f"{int(seconds // 3600)}:{int(seconds % 3600 // 60):02d}:{int(seconds % 60):02d}"
    if seconds >= 60:
        return f"{int(seconds // 60)}:{int(seconds % 60):02d}"
    return f"{int(round(seconds))}s"


class Progbar:
    """A text progress bar like Keras's: ` 3/10 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - loss: 0.5`.

    verbose=1 redraws one line with carriage returns (at most every `interval` seconds);
    verbose=2 prints one line when the target is reached.
    """

    def __init__(self, target, width=20, verbose=1, interval=0.05, stream=None):
        self.target, self.width, self.verbose, self.interval = target, width, verbose, interval
        self.stream = stream or sys.stdout
        self.full, self.empty = ("━", "━") if _can_encode(self.stream, "━") else ("=", ".")
        self.dim = "\x1b[2m" if self._is_tty() and self.full == "━" else ""
        self.start = time.perf_counter()
        self._last = 0.0
        self._last_len = 0

    def _is_tty(self):
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False

    def update(self, current, logs=None, finalize=None):
        logs = logs or {}
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        now = time.perf_counter()
        elapsed = now - self.start
        per_step = elapsed / max(current, 1)
        timing = (
            f"{per_step * 1e3:.0f}ms/step" if per_step >= 1e-3 else f"{per_step * 1e6:.0f}us/step"
        )
        if self.verbose == 1:
            if not finalize and now - self._last < self.interval:
                return
            self._last = now
            digits = len(str(self.target)) if self.target else 1
            bar = f"{current:>{digits}}/{self.target}" if self.target else f"{current}"
            if self.target:
                filled = int(self.width * current / self.target)
                if self.dim:
                    bar += (
                        " "
                        + self.full * filled
                        + self.dim
                        + self.empty * (self.width - filled)
                        + "\x1b[0m"
                    )
                else:
                    bar += " " + self.full * filled + self.empty * (self.width - filled)
            if finalize:
                bar += f" {_format_time(elapsed)} {timing}"
            else:
                eta = per_step * (self.target - current) if self.target else 0
                bar += f" {_format_time(eta)} {timing}"
            line = bar + format_logs(logs)
            pad = max(0, self._last_len - len(line))
            self._last_len = len(line)
            self.stream.write("\r" + line + " " * pad + ("\n" if finalize else ""))
            self.stream.flush()
        elif self.verbose == 2 and finalize:
            self.stream.write(
                f"{current}/{self.target} - {_format_time(elapsed)} - {timing}{format_logs(logs)}\n"
            )
            self.stream.flush()


class ProgbarLogger(Callback):
    """Prints "Epoch 1/5" and a progress bar per epoch (verbose=1) or one line per epoch (2)."""

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream
        self.bar = None
        self._seen = 0

    def _stream(self):
        return self.stream or sys.stdout

    def on_epoch_begin(self, epoch, logs=None):
        verbose = self.params.get("verbose", 1)
        if verbose:
            self._stream().write(f"Epoch {epoch + 1}/{self.params.get('epochs')}\n")
        self.bar = Progbar(self.params.get("steps"), verbose=verbose, stream=self._stream())
        self._seen = 0

    def on_train_batch_end(self, batch, logs=None):
        self._seen = batch + 1
        if self.bar is not None and self._seen < (self.params.get("steps") or math.inf):
            self.bar.update(self._seen, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.bar is not None:
            self.bar.update(self._seen, logs, finalize=True)


class EarlyStopping(Callback):
    """Stop when `monitor` has not improved by more than min_delta for `patience` epochs
    (Keras 3 semantics, including restore_best_weights, baseline and start_from_epoch)."""

    def __init__(
        self,
        monitor="val_loss",
        min_delta=0,
        patience=0,
        verbose=0,
        mode="auto",
        baseline=None,
        restore_best_weights=False,
        start_from_epoch=0,
    ):
        super().__init__()
        if mode not in ("auto", "min", "max"):
            raise ValueError(f'mode must be "auto", "min" or "max", received: mode={mode!r}')
        if (
            isinstance(patience, bool)
            or not isinstance(patience, (int, np.integer))
            or patience < 0
        ):
            raise ValueError(
                f"patience must be a non-negative integer, received: patience={patience!r}"
            )
        if isinstance(min_delta, bool) or not isinstance(
            min_delta, (int, float, np.integer, np.floating)
        ):
            raise ValueError(f"min_delta must be a number, received: min_delta={min_delta!r}")
        self.monitor = monitor
        self.patience = int(patience)
        self.verbose = verbose
        self.baseline = baseline
        self.min_delta = abs(float(min_delta))
        self.restore_best_weights = bool(restore_best_weights)
        self.start_from_epoch = int(start_from_epoch)
        self.mode = mode  # "auto" is settled at the first epoch's end, from the model's metrics
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def _direction(self):
        """ "min" or "max" for mode="auto", as Keras 3 decides it: the loss goes down, a
        compiled metric goes its own way; any other name is an error, not a silent no-op."""
        name = self.monitor.removeprefix("val_")
        compiled = list(getattr(self.model, "_metric_names", []) or [])
        if name == "loss" or (name in compiled and "acc" not in name):
            return "min"
        if name in compiled:
            return "max"  # an accuracy goes up
        logged = ", ".join(["loss", *compiled])
        raise ValueError(
            f"EarlyStopping callback received monitor={self.monitor}, but that is not a value "
            f"this model logs, so it cannot tell whether it should go up or down. The model "
            f"logs: {logged} (and val_ before each with validation data). Use one of those "
            "names, or pass mode='max' or mode='min'."
        )

    def _is_improvement(self, current, reference):
        if reference is None:
            return True
        if self.mode == "min":
            return current + self.min_delta < reference
        return current - self.min_delta > reference

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None  # Keras 3: the first monitored value becomes the best, even NaN
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        if self.mode == "auto":
            self.mode = self._direction()
        current = (logs or {}).get(self.monitor)
        if current is None:
            if self.verbose:
                available = ", ".join(sorted(logs or {}))
                sys.stdout.write(
                    f"Early stopping conditioned on metric `{self.monitor}` which is not available. "
                    f"Available metrics are: {available}\n"
                )
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            sys.stdout.write(f"Epoch {self.stopped_epoch + 1}: early stopping\n")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                sys.stdout.write(
                    f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.\n"
                )
            self.model.set_weights(self.best_weights)


class TerminateOnNaN(Callback):
    """Stop training as soon as a batch's loss is NaN or infinite.

    ``stopped`` is then ``(epoch, batch, loss)``, so the caller can keep the last good weights
    and save nothing ruined (the CLI exits 1; the studio's worker keeps its own guard).
    """

    def __init__(self, verbose=1):
        super().__init__()
        self.verbose = verbose
        self.stopped = None
        self._epoch = 0

    def on_train_begin(self, logs=None):
        self.stopped = None

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(loss):
            if self.verbose:
                sys.stdout.write(f"Batch {batch}: Invalid loss, terminating training\n")
            self.stopped = (self._epoch, batch, float(loss))
            self.model.stop_training = True
