"""Helpers as in Keras / scikit-learn: one-hot labels and scalers fitted on training data only."""

from __future__ import annotations

import numpy as np

from .errors import DataError


def to_categorical(y, num_classes=None) -> np.ndarray:
    """Integer labels (n,) -> one-hot float32 (n, num_classes) (keras.utils.to_categorical)."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise DataError(
            f"to_categorical expects one label per sample (shape (n,)), received shape {y.shape}."
        )
    if y.size and (not np.all(np.isfinite(y)) or not np.all(y == np.round(y))):
        raise DataError(
            "to_categorical expects whole-number class labels, received fractional values."
        )
    y = y.astype(np.int64)
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise DataError(
            f"to_categorical: labels must be from 0 to {num_classes - 1}, "
            f"received labels from {int(y.min())} to {int(y.max())}."
        )
    out = np.zeros((len(y), int(num_classes)), dtype=np.float32)
    out[np.arange(len(y)), y] = 1.0
    return out


class _Scaler:
    def fit(self, x):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or len(x) == 0:
            raise DataError(
                f"{type(self).__name__} must be fitted on a non-empty (samples, features) array, "
                f"received shape {x.shape}."
            )
        self._fit(x)
        return self

    def transform(self, x):
        if not hasattr(self, "n_features_"):
            raise DataError(
                f"{type(self).__name__} must be fitted on the training data before transform()."
            )
        x = np.asarray(x)
        if x.ndim != 2 or x.shape[1] != self.n_features_:
            raise DataError(
                f"{type(self).__name__} was fitted on {self.n_features_} features, "
                f"received shape {x.shape}."
            )
        return self._transform(x.astype(np.float64)).astype(np.float32)

    def fit_transform(self, x):
        return self.fit(x).transform(x)

    def apply(self, dataset):
        """Fit on dataset.x_train only, transform both splits in place; return the dataset."""
        self.fit(dataset.x_train)
        dataset.x_train = self.transform(dataset.x_train)
        if len(dataset.x_test):
            dataset.x_test = self.transform(dataset.x_test)
        return dataset


class MinMaxScaler(_Scaler):
    """x -> (x - min) / (max - min) * (hi - lo) + lo, min/max from the training data; constant columns -> lo."""

    def __init__(self, feature_range=(0.0, 1.0)):
        lo, hi = feature_range
        if not lo < hi:
            raise DataError(
                f"MinMaxScaler feature_range must be (low, high) with low < high, "
                f"received: feature_range={feature_range!r}."
            )
        self.feature_range = (float(lo), float(hi))

    def _fit(self, x):
        self.n_features_ = x.shape[1]
        self.data_min_ = x.min(axis=0)
        self.data_max_ = x.max(axis=0)

    def _transform(self, x):
        lo, hi = self.feature_range
        span = self.data_max_ - self.data_min_
        span = np.where(span == 0, 1.0, span)
        return (x - self.data_min_) / span * (hi - lo) + lo


class StandardScaler(_Scaler):
    """x -> (x - mean) / std, mean/std from the training data; constant columns are only centred."""

    def _fit(self, x):
        self.n_features_ = x.shape[1]
        self.mean_ = x.mean(axis=0)
        self.scale_ = x.std(axis=0)
        self.scale_ = np.where(self.scale_ == 0, 1.0, self.scale_)

    def _transform(self, x):
        return (x - self.mean_) / self.scale_
