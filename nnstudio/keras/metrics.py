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


def accuracy(y_true, y_pred):
    """1.0 where y_pred == y_true exactly, element by element (keras.metrics.Accuracy's rule;
    the string "accuracy" in compile() instead picks binary/categorical accuracy by shape)."""
    y_true, y_pred = _metrics._same_rank(y_true, y_pred)
    return (y_true == y_pred).astype(np.float32)


class Metric:
    """A running mean of a per-sample function: update_state(y_true, y_pred, sample_weight),
    result(), reset_state(), as keras.metrics.MeanMetricWrapper; usable in compile()."""

    fn = None
    default_name = None
    engine_name = None  # the name compile() passes to the engine

    def __init__(self, name=None, dtype=None):
        self.name = name or self.default_name
        self.reset_state()

    def reset_state(self):
        self._total, self._count = 0.0, 0.0

    def update_state(self, y_true, y_pred, sample_weight=None):
        values = np.asarray(type(self).fn(y_true, y_pred), np.float64)
        values = values.reshape(len(values), -1).mean(axis=1) if values.ndim > 1 else values
        w = np.ones_like(values) if sample_weight is None else np.asarray(sample_weight, float)
        self._total += float((values * w.reshape(values.shape)).sum())
        self._count += float(w.sum())

    def result(self):
        return self._total / self._count if self._count else 0.0

    def __call__(self, y_true, y_pred, sample_weight=None):
        self.update_state(y_true, y_pred, sample_weight)
        return self.result()


def _metric_class(class_name, fn, name, engine_name):
    return type(
        class_name,
        (Metric,),
        {
            "fn": staticmethod(fn),
            "default_name": name,
            "engine_name": engine_name,
            "__doc__": f"keras.metrics.{class_name}: the running mean of {fn.__name__}",
        },
    )


Accuracy = _metric_class("Accuracy", accuracy, "accuracy", None)
BinaryAccuracy = _metric_class(
    "BinaryAccuracy", binary_accuracy, "binary_accuracy", "binary_accuracy"
)
CategoricalAccuracy = _metric_class(
    "CategoricalAccuracy", categorical_accuracy, "categorical_accuracy", "categorical_accuracy"
)
SparseCategoricalAccuracy = _metric_class(
    "SparseCategoricalAccuracy",
    sparse_categorical_accuracy,
    "sparse_categorical_accuracy",
    "sparse_categorical_accuracy",
)
MeanSquaredError = _metric_class(
    "MeanSquaredError", mean_squared_error, "mean_squared_error", "mean_squared_error"
)
MeanAbsoluteError = _metric_class(
    "MeanAbsoluteError", mean_absolute_error, "mean_absolute_error", "mean_absolute_error"
)

__all__ += [
    "Accuracy",
    "BinaryAccuracy",
    "CategoricalAccuracy",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "Metric",
    "SparseCategoricalAccuracy",
    "accuracy",
]
