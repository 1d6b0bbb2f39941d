"""keras.losses: loss objects with Keras 3's arguments, and the loss functions.

The objects are the engine's losses with Keras's options on top:

  from_logits=True   the model's last layer is linear and the loss applies the softmax /
                     sigmoid itself, in the stable log-softmax form:
                     CE = -sum_j t_j log_softmax(z)_j ;  dL/dz = (softmax(z) - t) / batch
                     BCE = mean_j [max(z, 0) - z t + log(1 + exp(-|z|))] ;
                     dL/dz = (sigmoid(z) - t) / (units batch)
  label_smoothing=s  targets become t (1 - s) + s / classes (binary: t (1 - s) + s / 2)
  reduction          "sum_over_batch_size" (the mean, default), "sum", "mean", or None /
                     "none" (one value per sample) when the loss object is called; training
                     uses the mean (other reductions are refused by compile()).

Functions (mean_squared_error(y_true, y_pred), ...) return one value per sample, as Keras's.
"""

import numpy as np

from ..engine import losses as _engine
from ..engine.losses import Loss, get

REDUCTIONS = ("sum_over_batch_size", "sum", "mean", "none", None)


def _log_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(z.dtype, copy=False)


class _KerasOptions:
    """reduction, name and __call__(y_true, y_pred, sample_weight=None) as keras.losses.Loss."""

    def _options(self, reduction, name):
        if reduction not in REDUCTIONS:
            raise ValueError(
                f"reduction must be one of {', '.join(map(repr, REDUCTIONS))}, "
                f"received: reduction={reduction!r}"
            )
        self.reduction = reduction
        if name is not None:
            self.name = name

    def __call__(self, y_true, y_pred, sample_weight=None):
        y_pred = np.asarray(y_pred)
        if y_pred.dtype.kind != "f":
            y_pred = y_pred.astype(np.float32)
        per_sample = self.call(self.prepare_targets(y_true, y_pred.shape, y_pred.dtype), y_pred)
        if sample_weight is not None:
            per_sample = per_sample * np.asarray(sample_weight, per_sample.dtype).reshape(
                per_sample.shape
            )
        if self.reduction in ("none", None):
            return per_sample
        if self.reduction == "sum":
            return per_sample.sum()
        return per_sample.mean()  # sum_over_batch_size / mean

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}


class MeanSquaredError(_KerasOptions, _engine.MeanSquaredError):
    def __init__(self, reduction="sum_over_batch_size", name="mean_squared_error"):
        self._options(reduction, name)


class MeanAbsoluteError(_KerasOptions, _engine.MeanAbsoluteError):
    def __init__(self, reduction="sum_over_batch_size", name="mean_absolute_error"):
        self._options(reduction, name)


class BinaryCrossentropy(_KerasOptions, _engine.BinaryCrossentropy):
    """Keras's BinaryCrossentropy(from_logits=False, label_smoothing=0.0, ...)."""

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_crossentropy",
    ):
        self._options(reduction, name)
        self.from_logits = bool(from_logits)
        self.label_smoothing = _smoothing(label_smoothing)
        if self.from_logits:
            self.fused_activation = None  # the last layer is linear: z is the output

    def _smooth(self, t):
        s = self.label_smoothing
        return t * (1 - s) + 0.5 * s if s else t

    def call(self, y_true, y_pred):
        t = self._smooth(y_true)
        if self.from_logits:
            z = y_pred
            return (np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))).mean(axis=-1)
        return super().call(t, y_pred)

    def gradient(self, y_true, y_pred):
        t = self._smooth(y_true)
        if self.from_logits:
            return (_sigmoid(y_pred) - t) * (1.0 / y_pred.size)
        return super().gradient(t, y_pred)

    def fused_gradient(self, y_true, y_pred):
        return super().fused_gradient(self._smooth(y_true), y_pred)


class CategoricalCrossentropy(_KerasOptions, _engine.CategoricalCrossentropy):
    """Keras's CategoricalCrossentropy(from_logits=False, label_smoothing=0.0, ...)."""

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_crossentropy",
    ):
        self._options(reduction, name)
        self.from_logits = bool(from_logits)
        self.label_smoothing = _smoothing(label_smoothing)
        if self.from_logits:
            self.fused_activation = None

    def _smooth(self, t):
        s = self.label_smoothing
        return t * (1 - s) + s / t.shape[-1] if s else t

    def call(self, y_true, y_pred):
        t = self._smooth(y_true)
        if self.from_logits:
            return -(t * _log_softmax(y_pred)).sum(axis=-1)
        return super().call(t, y_pred)

    def gradient(self, y_true, y_pred):
        t = self._smooth(y_true)
        if self.from_logits:  # targets summing to 1
            return (_softmax(y_pred) - t) * (1.0 / len(y_pred))
        return super().gradient(t, y_pred)

    def fused_gradient(self, y_true, y_pred):
        return super().fused_gradient(self._smooth(y_true), y_pred)


class SparseCategoricalCrossentropy(_KerasOptions, _engine.SparseCategoricalCrossentropy):
    """Keras's SparseCategoricalCrossentropy(from_logits=False, ...) (the TensorFlow beginner
    quickstart: Dense(10) with no activation, then from_logits=True)."""

    def __init__(
        self,
        from_logits=False,
        ignore_class=None,
        reduction="sum_over_batch_size",
        name="sparse_categorical_crossentropy",
    ):
        if ignore_class is not None:
            raise ValueError("ignore_class is not supported by nnstudio; leave it as None.")
        self._options(reduction, name)
        self.from_logits = bool(from_logits)
        if self.from_logits:
            self.fused_activation = None

    def call(self, y_true, y_pred):
        if self.from_logits:
            return -_log_softmax(y_pred)[np.arange(len(y_true)), y_true]
        return super().call(y_true, y_pred)

    def gradient(self, y_true, y_pred):
        if self.from_logits:
            g = _softmax(y_pred) * (1.0 / len(y_pred))
            g[np.arange(len(y_true)), y_true] -= 1.0 / len(y_pred)
            return g
        return super().gradient(y_true, y_pred)


def _smoothing(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(
            f"label_smoothing must be a number in [0, 1], received: label_smoothing={value!r}"
        )
    return float(value)


def _per_sample(cls, **kwargs):
    def fn(y_true, y_pred):
        return cls(reduction=None, **kwargs)(y_true, y_pred)

    fn.__name__ = cls().name
    fn.__doc__ = f"{cls.__name__}, one value per sample"
    return fn


mean_squared_error = mse = _per_sample(MeanSquaredError)
mean_absolute_error = mae = _per_sample(MeanAbsoluteError)
binary_crossentropy = _per_sample(BinaryCrossentropy)
categorical_crossentropy = _per_sample(CategoricalCrossentropy)
sparse_categorical_crossentropy = _per_sample(SparseCategoricalCrossentropy)

__all__ = [
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "Loss",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "SparseCategoricalCrossentropy",
    "binary_crossentropy",
    "categorical_crossentropy",
    "get",
    "mae",
    "mean_absolute_error",
    "mean_squared_error",
    "mse",
    "sparse_categorical_crossentropy",
]
