"""Loss functions with Keras 3's formulas; each value sits beside its gradient.

A loss object has `call(y_true, y_pred) -> (batch,)` per-sample losses and
`gradient(y_true, y_pred) -> (batch, units)`: the derivative of the batch loss
`mean(call(...))` with respect to y_pred. Every loss is reduced the Keras way: a mean over
the last axis (or a sum, for the cross-entropies and sse) gives one number per sample, then a
mean over the batch ("sum_over_batch_size").

Cross-entropies follow keras/src/backend/numpy/nn.py: probabilities are divided by their sum
(categorical) and clipped to [1e-7, 1 - 1e-7] before the logarithm, so a saturated float32
output gives a large finite loss, never inf or NaN. When the model's output activation is the
one a loss is paired with (softmax + categorical/sparse cross-entropy, sigmoid + binary
cross-entropy) the model uses `fused_gradient`: the derivative with respect to the
pre-activation, which simplifies to (y - t) / batch. It never divides by a probability, so it
stays finite in float32, and a saturated sample still gets its gradient (as in Keras on
TensorFlow, or with from_logits=True) where the clipped formula would give it zero.

"sse" is the textbook's sum_squares_error (Deep Learning from Scratch, 4.2.1):
0.5 * sum((y - t)^2) over the outputs of one sample, then the mean over the batch like every
other loss here (so its gradient is (y - t) / batch).
"""

import numpy as np

from .backend import EPSILON


class Loss:
    """Base class. `name` is the Keras snake_case name; `fused_activation` names the output
    activation whose derivative folds into this loss, or None."""

    name = None
    class_name = None
    aliases = ()
    fused_activation = None
    sparse = False  # targets are class indices rather than arrays shaped like the output

    def call(self, y_true, y_pred):
        raise NotImplementedError

    def gradient(self, y_true, y_pred):
        raise NotImplementedError

    def fused_gradient(self, y_true, y_pred):
        raise NotImplementedError

    def __call__(self, y_true, y_pred):
        """The batch loss: mean over the batch of the per-sample losses."""
        y_pred = np.asarray(y_pred)
        y_true = self.prepare_targets(y_true, y_pred.shape, y_pred.dtype)
        return float(np.mean(self.call(y_true, y_pred)))

    def prepare_targets(self, y, output_shape, dtype):
        """Check and cast targets: same shape as the output (a vector is accepted for 1 unit)."""
        y = np.asarray(y)
        if y.dtype.kind not in "biuf":
            raise ValueError(f"Targets must be numbers, received an array of type {y.dtype}.")
        if y.shape != tuple(output_shape):
            if (
                y.ndim == 1
                and len(output_shape) == 2
                and output_shape[1] == 1
                and y.shape[0] == output_shape[0]
            ):
                y = y.reshape(-1, 1)
            else:
                hint = ""
                if y.ndim == 1 and output_shape[-1] > 1 and y.dtype.kind in "biu":
                    hint = (
                        "; these look like class indices: one-hot encode them or use "
                        "sparse_categorical_crossentropy"
                    )
                raise ValueError(
                    f"The loss {self.name} needs targets shaped like the model output "
                    f"{_shape(output_shape)}, received targets of shape {_shape(y.shape)}{hint}."
                )
        return y.astype(dtype, copy=False)

    def get_config(self):
        return {"name": self.name}

    def __repr__(self):
        return f"<loss {self.name}>"


def _shape(shape):
    return "(" + ", ".join(["batch"] + [str(d) for d in shape[1:]]) + ")"


class MeanSquaredError(Loss):
    """L = mean_j (y_j - t_j)^2 ;  dL/dy = 2 (y - t) / (units * batch)"""

    name, class_name, aliases = "mean_squared_error", "MeanSquaredError", ("mse",)

    def call(self, y_true, y_pred):
        return np.square(y_pred - y_true).mean(axis=-1)

    def gradient(self, y_true, y_pred):
        return (y_pred - y_true) * (2.0 / y_pred.size)


class MeanAbsoluteError(Loss):
    """L = mean_j |y_j - t_j| ;  dL/dy = sign(y - t) / (units * batch)"""

    name, class_name, aliases = "mean_absolute_error", "MeanAbsoluteError", ("mae",)

    def call(self, y_true, y_pred):
        return np.abs(y_pred - y_true).mean(axis=-1)

    def gradient(self, y_true, y_pred):
        return np.sign(y_pred - y_true) * (1.0 / y_pred.size)


class SumSquaredError(Loss):
    """L = 0.5 * sum_j (y_j - t_j)^2 (textbook sum_squares_error) ;  dL/dy = (y - t) / batch"""

    name, class_name, aliases = "sse", "SumSquaredError", ("sum_squared_error", "sum_squares_error")

    def call(self, y_true, y_pred):
        return 0.5 * np.square(y_pred - y_true).sum(axis=-1)

    def gradient(self, y_true, y_pred):
        return (y_pred - y_true) * (1.0 / len(y_pred))


class BinaryCrossentropy(Loss):
    """L = -mean_j [t log p + (1 - t) log(1 - p)], p = clip(y, eps, 1 - eps) ;
    dL/dy = (p - t) / (p (1 - p) units batch) inside the clip range, 0 outside"""

    name, class_name = "binary_crossentropy", "BinaryCrossentropy"
    fused_activation = "sigmoid"

    def call(self, y_true, y_pred):
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        return -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)).mean(axis=-1)

    def gradient(self, y_true, y_pred):
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        inside = (y_pred > EPSILON) & (y_pred < 1 - EPSILON)
        return (p - y_true) / (p * (1 - p)) * inside * (1.0 / y_pred.size)

    def fused_gradient(self, y_true, y_pred):
        """y = sigmoid(z): dL/dz = (y - t) / (units * batch)"""
        return (y_pred - y_true) * (1.0 / y_pred.size)


class CategoricalCrossentropy(Loss):
    """L = -sum_j t_j log q_j, q = clip(y / sum(y), eps, 1 - eps) ;
    dL/dy_k = (a_k - sum_j a_j q_j) / (sum(y) batch), a_j = -t_j / q_j inside the clip range"""

    name, class_name = "categorical_crossentropy", "CategoricalCrossentropy"
    fused_activation = "softmax"

    def call(self, y_true, y_pred):
        q = np.clip(y_pred / y_pred.sum(axis=-1, keepdims=True), EPSILON, 1 - EPSILON)
        return -(y_true * np.log(q)).sum(axis=-1)

    def gradient(self, y_true, y_pred):
        total = y_pred.sum(axis=-1, keepdims=True)
        q_raw = y_pred / total
        q = np.clip(q_raw, EPSILON, 1 - EPSILON)
        a = -y_true / q * ((q_raw > EPSILON) & (q_raw < 1 - EPSILON))
        return (a - (a * q_raw).sum(axis=-1, keepdims=True)) / (total * len(y_pred))

    def fused_gradient(self, y_true, y_pred):
        """y = softmax(z), targets summing to 1: dL/dz = (y - t) / batch"""
        return (y_pred - y_true) * (1.0 / len(y_pred))


class SparseCategoricalCrossentropy(CategoricalCrossentropy):
    """categorical_crossentropy with integer class targets t (batch,) instead of one-hot rows"""

    name, class_name = "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"
    sparse = True

    def prepare_targets(self, y, output_shape, dtype):
        """Class indices (batch,) or (batch, 1), each in [0, units)."""
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1 or y.shape[0] != output_shape[0]:
            raise ValueError(
                f"sparse_categorical_crossentropy needs one class index per sample, shape (batch,), "
                f"received targets of shape {_shape(y.shape)}; use categorical_crossentropy for one-hot targets."
            )
        if y.dtype.kind == "f":
            if not np.all(np.mod(y, 1) == 0):
                raise ValueError(
                    "sparse_categorical_crossentropy needs whole-number class indices, received fractions."
                )
        elif y.dtype.kind not in "biu":
            raise ValueError(f"Targets must be class indices, received an array of type {y.dtype}.")
        y = y.astype(np.intp, copy=False)
        units = output_shape[-1]
        if y.size and (y.min() < 0 or y.max() >= units):
            raise ValueError(
                f"Class indices must lie in [0, {units - 1}] for a model with {units} outputs, "
                f"received indices from {y.min()} to {y.max()}."
            )
        return y

    def _one_hot(self, y_true, y_pred):
        t = np.zeros_like(y_pred)
        t[np.arange(len(y_true)), y_true] = 1
        return t

    def call(self, y_true, y_pred):
        q = y_pred[np.arange(len(y_true)), y_true] / y_pred.sum(axis=-1)
        return -np.log(np.clip(q, EPSILON, 1 - EPSILON))

    def gradient(self, y_true, y_pred):
        return super().gradient(self._one_hot(y_true, y_pred), y_pred)

    def fused_gradient(self, y_true, y_pred):
        """y = softmax(z): dL/dz = (y - onehot(t)) / batch"""
        g = y_pred * (1.0 / len(y_pred))
        g[np.arange(len(y_true)), y_true] -= 1.0 / len(y_pred)
        return g


LOSSES = {}
for _cls in (
    MeanSquaredError,
    MeanAbsoluteError,
    BinaryCrossentropy,
    CategoricalCrossentropy,
    SparseCategoricalCrossentropy,
    SumSquaredError,
):
    for _name in (_cls.name, *_cls.aliases):
        LOSSES[_name] = _cls
_BY_CLASS_NAME = {cls.class_name.lower(): cls for cls in set(LOSSES.values())}


def canonical_name(identifier) -> str:
    """One name per loss, the shortest Keras spelling: "mean_squared_error" -> "mse",
    "MeanSquaredError" -> "mse", "sum_squared_error" -> "sse"; an unknown name comes back
    lower-cased (the caller says it is unknown)."""
    key = str(identifier).lower()
    cls = LOSSES.get(key) or _BY_CLASS_NAME.get(key)
    return key if cls is None else min((cls.name, *cls.aliases), key=len)


def get(identifier):
    """Loss object for a name ("mse", "categorical_crossentropy", "MeanSquaredError") or instance."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, dict) and "class_name" in identifier:
        identifier = identifier["class_name"]
    if isinstance(identifier, str):
        key = identifier.lower()
        cls = LOSSES.get(key) or _BY_CLASS_NAME.get(key)
        if cls is not None:
            return cls()
    names = ", ".join(LOSSES)
    raise ValueError(f"Unknown loss: received: loss={identifier!r}; choose one of: {names}")
