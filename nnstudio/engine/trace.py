"""One training step, written out: every array train_on_batch computes, kept for a student to read.

    forward   a_prev -> z = a_prev W + b -> a = f(z)            (per layer)
    loss      L = mean over the batch of the per-sample losses (+ penalties)
    backward  dL/da -> delta = dL/dz = dL/da * f'(z) -> dW = a_prevᵀ delta, db = Σ_batch delta,
              dL/da_prev = delta Wᵀ                              (per layer, last to first)
    update    the optimizer's rule on every parameter (its slots before and after)

`trace_step(model, x, y)` runs the step on an exact copy of the model (same dtype, weights,
optimizer state, seed), through the engine's own forward, backward and optimizer code, so the
gradients, slots and new weights are bit for bit what `model.train_on_batch(x, y)` would
make; the model itself is not changed. The loss gradient already carries the batch mean
(1/batch, and 1/units for the element-wise losses), so `delta` rows are each sample's share
and dW = a_prevᵀ delta is their sum, exactly as training reduces. `apply_step` then takes the
real step. `numeric_gradient` (central differences in float64) checks the backward pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import layers as layers_mod
from . import optimizers as optimizers_mod
from . import shuffle as shuffle_mod
from .gradcheck import (
    backprop_gradient,
    gradient_table,
    numeric_gradient,
    relative_error,
)
from .model import Sequential

__all__ = [
    "LayerTrace",
    "ParamUpdate",
    "StepTrace",
    "apply_step",
    "backprop_gradient",
    "batch_index",
    "exact_copy",
    "gradient_table",
    "local_derivative_name",
    "numeric_gradient",
    "relative_error",
    "trace_step",
]


@dataclass
class LayerTrace:
    """What one layer computed in the step; arrays are (batch, units) copies, None where n/a."""

    index: int
    name: str
    kind: str  # "Dense", "Activation", "Dropout", ...
    activation: str | None  # the activation's name (Dense, Activation) or None
    a_prev: np.ndarray  # the layer's input
    a: np.ndarray  # the layer's output
    z: np.ndarray | None = None  # pre-activation (Dense: a_prev W + b; Activation: its input)
    dL_da: np.ndarray | None = (
        None  # upstream gradient at the output (None when fused into the loss)
    )
    local: np.ndarray | None = None  # f'(z) element-wise (None for softmax, fused, no activation)
    delta: np.ndarray | None = None  # dL/dz
    grads: dict = field(default_factory=dict)  # {"kernel": dW, "bias": db}, the engine's own
    dL_da_prev: np.ndarray | None = None  # passed on to the layer before (None for the first)
    fused: bool = False  # the loss folded this layer's activation in: delta = (y - t) / n


@dataclass
class ParamUpdate:
    """The optimizer's step for one parameter: after = before + step."""

    key: str
    before: np.ndarray
    grad: np.ndarray
    after: np.ndarray
    slots_before: dict
    slots_after: dict

    @property
    def step(self):
        return self.after - self.before


@dataclass
class StepTrace:
    x: np.ndarray  # the batch as the model computes it (model dtype)
    targets: np.ndarray  # prepared targets (one-hot/class indices as the loss takes them)
    y: np.ndarray  # model output
    per_sample_loss: np.ndarray  # (batch,)
    loss: float  # what train_on_batch returns (mean + penalties)
    penalty: float
    loss_name: str
    fused: bool
    layers: list[LayerTrace]
    updates: dict[str, ParamUpdate]
    optimizer: dict  # optimizers.serialize(...) of the optimizer used
    iterations_before: int

    def layer(self, name: str) -> LayerTrace:
        return next(t for t in self.layers if t.name == name)


def exact_copy(model) -> Sequential:
    """A second, independent model equal to this one in every bit: layers, dtype, weights,
    seed, loss, metrics, optimizer settings and state (iterations, velocity, momentum...)."""
    model._require_compiled("trace_step")
    model._ensure_built()
    clone = Sequential.from_config(model.get_config())
    clone.seed = model.seed
    clone.build(model.input_shape, _rng=np.random.default_rng(0), _dtype=model.dtype)
    clone.weights_buffer()[...] = model.weights_buffer()
    clone.compile(
        optimizer=optimizers_mod.deserialize(optimizers_mod.serialize(model.optimizer)),
        loss=model._loss_fn,
        metrics=list(model._metric_names),
    )
    clone.optimizer.set_state(model.optimizer.get_state())
    return clone


def batch_index(
    n: int, batch_size: int, seed: int, epoch: int, step: int, shuffle: bool = True
) -> np.ndarray:
    """The sample numbers of batch `step` of `epoch` in Sequential.fit (its shuffle, its order)."""
    start, stop = step * batch_size, min(n, (step + 1) * batch_size)
    if not shuffle:
        return np.arange(start, stop)
    return shuffle_mod.epoch_order(seed, n, epoch)[start:stop]


def local_derivative_name(activation: str | None, fused: bool = False) -> str:
    """The textbook form of f'(z) for an activation (English; the GUI translates)."""
    if fused:
        return "ŷ − y"
    return {
        "sigmoid": "σ(z)(1 − σ(z))",
        "tanh": "1 − tanh²(z)",
        "relu": "1 if z > 0 else 0",
        "leaky_relu": "1 if z > 0 else 0.2",
        "elu": "1 if z > 0 else a + 1",
        "softplus": "σ(z)",
        "softmax": "diag(a) − a aᵀ",
        "linear": "1",
    }.get(activation or "linear", "f′(z)")


def _local(activation, z, a):
    """f'(z) element-wise, or None for softmax (its derivative is a matrix per sample)."""
    if activation is None or activation.name == "softmax":
        return None
    return activation.backward(np.ones_like(a), z, a)


@np.errstate(over="ignore", invalid="ignore")
def trace_step(model, x, y) -> StepTrace:
    """Everything one `model.train_on_batch(x, y)` computes, from an exact copy (model unchanged)."""
    model._require_compiled("trace_step")
    x, t = model._check_xy(x, y)
    clone = exact_copy(model)
    loss_fn = clone._loss_fn
    xb = x.astype(clone.dtype, copy=False)
    iterations = int(clone.optimizer.iterations)
    clone._set_dropout_rngs()

    # forward, layer by layer (Sequential._forward, recording)
    traces, a = [], xb
    for i, layer in enumerate(clone.layers):
        a_prev = a.copy()
        z = None
        if isinstance(layer, layers_mod.Dense):
            z = (
                a_prev @ layer.params["kernel"]
            )  # the same product the layer forms (it may reuse z's memory)
            if layer.use_bias:
                z += layer.params["bias"]
        elif isinstance(layer, layers_mod.Activation):
            z = a_prev
        a = layer.forward(a, training=True)
        act = getattr(layer, "activation", None)
        traces.append(
            LayerTrace(
                i,
                layer.name,
                type(layer).__name__,
                act.name if act is not None else None,
                a_prev,
                a.copy(),
                z,
            )
        )
    y_pred = a

    # loss (Sequential._forward_backward)
    per_sample = loss_fn.call(t, y_pred)
    penalty = clone._penalty()
    loss = float(per_sample.mean(dtype=clone.dtype)) + penalty

    # backward, last layer first
    fused = clone._fused()
    if fused:
        last, rec = clone.layers[-1], traces[-1]
        d = loss_fn.fused_gradient(t, y_pred)
        rec.fused, rec.delta = True, d.copy()
        d = last.backward_linear(d)
        _record_backward(last, rec, d)
        rest = list(zip(clone.layers[-2::-1], traces[-2::-1]))
    else:
        d = loss_fn.gradient(t, y_pred)
        rest = list(zip(clone.layers[::-1], traces[::-1]))
    for layer, rec in rest:
        if d is None:
            break
        rec.dL_da = d.copy()
        act = getattr(layer, "activation", None)
        if rec.z is not None and act is not None:
            rec.local = _local(act, rec.z, rec.a)
            rec.delta = act.backward(
                d, rec.z, rec.a
            )  # element-wise: the very numbers the layer forms
        d = layer.backward(d, overwrite=True)
        _record_backward(layer, rec, d)

    # update (Optimizer.apply_flat on the copy)
    opt = clone.optimizer
    opt.build(clone._flat)
    before = {k: v.copy() for k, v in clone._flat.param_views.items()}
    grads = {k: v.copy() for k, v in clone._flat.grad_views.items()}
    slots_before = _slots(opt, clone._flat.keys)
    opt.apply_flat(clone._flat)
    slots_after = _slots(opt, clone._flat.keys)
    updates = {
        k: ParamUpdate(
            k,
            before[k],
            grads[k],
            clone._flat.param_views[k].copy(),
            slots_before[k],
            slots_after[k],
        )
        for k in clone._flat.keys
    }
    return StepTrace(
        xb.copy(),
        np.array(t, copy=True),
        y_pred.copy(),
        per_sample.copy(),
        loss,
        float(penalty),
        loss_fn.name,
        fused,
        traces,
        updates,
        optimizers_mod.serialize(model.optimizer),
        iterations,
    )


def _record_backward(layer, rec, d):
    rec.grads = {k: g.copy() for k, g in layer.grads.items()}
    rec.dL_da_prev = None if d is None else d.copy()


def _slots(opt, keys):
    """{key: {"iterations": n, slot: copy}} for every parameter."""
    out = {}
    for key in keys:
        slots = {"iterations": int(opt.iterations)}
        for name in opt.slot_names():
            value = opt._slots.get(key, {}).get(name)
            if value is not None:
                slots[name] = value.copy()
        out[key] = slots
    return out


def apply_step(model, x, y) -> float:
    """Take the traced step for real: exactly `model.train_on_batch(x, y)` (returns the loss)."""
    return float(model.train_on_batch(x, y, return_dict=True)["loss"])
