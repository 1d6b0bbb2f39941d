"""Metrics reported beside the loss. Each returns one value per sample (batch,), so the
epoch value is the mean over every sample seen, as Keras's MeanMetricWrapper computes it.

"accuracy"/"acc" is resolved from the shapes as Keras 3 does (compile_utils.get_metric):
one output unit -> binary accuracy (threshold 0.5); integer targets with fewer dimensions
than the output -> sparse categorical accuracy; otherwise categorical accuracy (argmax).
"""

import numpy as np


def _same_rank(y_true, y_pred):
    """Targets (batch,) beside outputs (batch, 1) get the axis they lack (Keras's
    squeeze_or_expand_to_same_rank), instead of broadcasting to a (batch, batch) table."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim == y_pred.ndim - 1 and y_pred.shape[-1] == 1:
        y_true = y_true[..., None]
    elif y_pred.ndim == y_true.ndim - 1 and y_true.shape[-1] == 1:
        y_pred = y_pred[..., None]
    return y_true, y_pred


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """mean_j [ (y_j > 0.5) == t_j ]"""
    y_true, y_pred = _same_rank(y_true, y_pred)
    return ((y_pred > threshold) == (y_true > threshold)).mean(axis=-1)


def categorical_accuracy(y_true, y_pred):
    """argmax(y) == argmax(t)"""
    return (y_pred.argmax(axis=-1) == y_true.argmax(axis=-1)).astype(y_pred.dtype)


def sparse_categorical_accuracy(y_true, y_pred):
    """argmax(y) == t, t a class index"""
    return (y_pred.argmax(axis=-1) == y_true.reshape(len(y_pred))).astype(y_pred.dtype)


def mean_squared_error(y_true, y_pred):
    """mean_j (y_j - t_j)^2"""
    return np.square(y_pred - y_true).mean(axis=-1)


def mean_absolute_error(y_true, y_pred):
    """mean_j |y_j - t_j|"""
    return np.abs(y_pred - y_true).mean(axis=-1)


METRICS = {
    "accuracy": None,  # resolved from the shapes, see resolve()
    "acc": None,
    "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "mse": mean_squared_error,
    "mean_squared_error": mean_squared_error,
    "mae": mean_absolute_error,
    "mean_absolute_error": mean_absolute_error,
}


def check(name):
    """The metric's history name (as given, lower-cased) or ValueError for an unknown one."""
    if not isinstance(name, str) or name.lower() not in METRICS:
        names = ", ".join(METRICS)
        raise ValueError(f"Unknown metric: received: metrics=[{name!r}]; choose from: {names}")
    return name.lower()


def resolve(name, y_true_shape, y_pred_shape, sparse_targets=False):
    """The per-sample function for a metric name, given the target and output shapes."""
    name = check(name)
    if METRICS[name] is not None:
        return METRICS[name]
    if y_pred_shape[-1] == 1:
        return binary_accuracy
    if sparse_targets or len(y_true_shape) < len(y_pred_shape) or y_true_shape[-1] == 1:
        return sparse_categorical_accuracy
    return categorical_accuracy
