"""keras.metrics: the metric functions, with Keras 3's shapes (targets (n,) beside outputs
(n, 1) compare sample by sample)."""

import numpy as np

from ..engine import metrics as _metrics


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where (y_pred > threshold) == y_true, element by element (Keras 3 returns no mean)."""
    y_true, y_pred = _metrics._same_rank(y_true, y_pred)
    return ((y_pred > threshold) == (y_true > threshold)).astype(np.float32)


def categorical_accuracy(y_true, y_pred):
    """argmax(y_pred) == argmax(y_true), per sample"""
    return _metrics.categorical_accuracy(np.asarray(y_true), np.asarray(y_pred)).astype(np.float32)


def sparse_categorical_accuracy(y_true, y_pred):
    """argmax(y_pred) == y_true (a class index), per sample"""
    return _metrics.sparse_categorical_accuracy(np.asarray(y_true), np.asarray(y_pred)).astype(
        np.float32
    )


def mean_squared_error(y_true, y_pred):
    """mean over the last axis of (y_pred - y_true)^2"""
    y_true, y_pred = _metrics._same_rank(y_true, y_pred)
    return _metrics.mean_squared_error(y_true, y_pred)


def mean_absolute_error(y_true, y_pred):
    """mean over the last axis of |y_pred - y_true|"""
    y_true, y_pred = _metrics._same_rank(y_true, y_pred)
    return _metrics.mean_absolute_error(y_true, y_pred)


mse, mae = mean_squared_error, mean_absolute_error

__all__ = [
    "binary_accuracy",
    "categorical_accuracy",
    "mae",
    "mean_absolute_error",
    "mean_squared_error",
    "mse",
    "sparse_categorical_accuracy",
]
