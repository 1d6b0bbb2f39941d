"""sample_weight and class_weight for fit()/evaluate(), without touching the engine's loop.

Each sample's weight rides along with its targets as one more column, so the engine's
shuffling and batching carry it; the loss wrapper splits it off again:

    loss = mean_i w_i l_i          (Keras 3's "sum_over_batch_size": divided by the batch
                                    size, not by the sum of the weights)
    dL/dy_i = w_i dl_i/dy_i / batch

Compiled metrics stay unweighted, as in Keras 3 (its weighted_metrics are not supported).
"""

import numpy as np


def sample_weights(y, sample_weight, class_weight, n):
    """The weight of every sample: sample_weight times class_weight[class of the sample]."""
    w = np.ones(n)
    if sample_weight is not None:
        sw = np.asarray(sample_weight, dtype=float)
        if sw.shape not in ((n,), (n, 1)):
            raise ValueError(
                f"sample_weight needs one weight per sample, shape ({n},), received shape {sw.shape}."
            )
        w = w * sw.reshape(n)
    if class_weight is not None:
        if not isinstance(class_weight, dict):
            raise ValueError("class_weight must be a dict {class index: weight}.")
        y = np.asarray(y)
        classes = (
            y.reshape(n, -1).argmax(axis=1) if y.ndim > 1 and y.shape[-1] > 1 else y.reshape(n)
        )
        classes = np.round(classes).astype(int)
        missing = sorted(set(np.unique(classes).tolist()) - set(class_weight))
        if missing:
            raise ValueError(f"class_weight has no weight for class {missing[0]}.")
        w = w * np.array([class_weight[c] for c in classes], dtype=float)
    return w


class Weighted:
    """A loss whose targets carry each sample's weight as their last column."""

    def __init__(self, base, y, weights):
        self.base, self._y, self._w = base, y, weights
        self.name, self.sparse = base.name, base.sparse
        self.fused_activation = base.fused_activation
        self._shape = None

    def prepare_targets(self, y, output_shape, dtype):
        t = self.base.prepare_targets(y, output_shape, dtype)
        w = self._w if y is self._y else np.ones(len(t))  # validation data: unweighted
        self._shape = t.shape[1:]
        self._kind = t.dtype
        return np.column_stack([t.reshape(len(t), -1).astype(dtype), w.astype(dtype)])

    def split(self, t):
        targets = t[:, :-1].reshape(len(t), *self._shape)
        if self._kind.kind in "iu":
            targets = np.round(targets).astype(self._kind)
        return targets, t[:, -1]

    def call(self, t, y):
        targets, w = self.split(t)
        return self.base.call(targets, y) * w

    def gradient(self, t, y):
        targets, w = self.split(t)
        return self.base.gradient(targets, y) * w.reshape(-1, *([1] * (y.ndim - 1)))

    def fused_gradient(self, t, y):
        targets, w = self.split(t)
        return self.base.fused_gradient(targets, y) * w.reshape(-1, *([1] * (y.ndim - 1)))

    def unweighted_metric(self, fn):
        return lambda t, y: fn(self.split(t)[0], y)
