"""StepSession: the step-through's model and its place in training (no Qt).

It builds the model exactly as Train / Step batch do (``training.controller.build_model``:
the document's weights and optimizer state) and walks the batches in the order
``Sequential.fit`` takes them (the same shuffle, seeded by the model's seed and the epoch,
starting at the project's ``epochs_trained``; validation samples held out as fit holds
them). ``trace()`` shows the next step without taking it; ``apply()`` takes exactly that
step with ``train_on_batch``, so a walk of k Applies ends where k presses of Step batch do,
and a walk through a whole epoch also gives that epoch's logs (validation included) as fit does.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.engine import trace as trace_mod
from nnstudio.engine.layers import Dense

MAX_UNITS = 16  # the neuron view's limit: wider layers are not drawn unit by unit


class StepSession:
    def __init__(self, project, dataset):
        from nnstudio.gui.training.controller import build_model
        from nnstudio.project import build

        self.model = build_model(project)
        x, y, _, _ = build.prepare_data(project, dataset)
        split = float(project.training.validation_split or 0.0)
        n = len(x)
        n_train = math.floor(n * (1.0 - split)) if split else n
        self.x, self.y = x[:n_train], y[:n_train]
        self.val = (x[n_train:], y[n_train:]) if n_train < n else None  # fit's validation_split
        self.batch_size = int(project.training.batch_size)
        self.epoch = int(project.epochs_trained or 0)
        self.step = 0
        self.steps = max(1, math.ceil(n_train / self.batch_size))
        self._trace = None
        self._sums, self._seen = {}, 0  # this epoch's logs so far, weighted by batch size (as fit)

    @property
    def n(self) -> int:
        return len(self.x)

    def batch_indices(self) -> np.ndarray:
        return trace_mod.batch_index(
            self.n, self.batch_size, self.model.seed, self.epoch, self.step
        )

    def batch(self):
        idx = self.batch_indices()
        return self.x[idx], self.y[idx]

    def trace(self) -> trace_mod.StepTrace:
        """The next step, computed on a copy (cached until apply)."""
        if self._trace is None:
            self._trace = trace_mod.trace_step(self.model, *self.batch())
        return self._trace

    def apply(self) -> tuple[float, dict | None]:
        """Take the traced step for real (train_on_batch) and move on to the next batch.
        Returns (batch loss, the epoch's logs when this batch ended an epoch, else None)."""
        x, y = self.batch()
        with np.errstate(over="ignore", invalid="ignore"):
            logs = self.model.train_on_batch(x, y, return_dict=True)
        self._trace = None
        for key, value in logs.items():
            self._sums[key] = self._sums.get(key, 0.0) + value * len(x)
        self._seen += len(x)
        self.step += 1
        epoch_logs = None
        if self.step >= self.steps:
            epoch_logs = {key: value / self._seen for key, value in self._sums.items()}
            if self.val is not None:  # as fit does at the end of each epoch
                with np.errstate(over="ignore", invalid="ignore"):
                    val = self.model.evaluate(
                        *self.val, batch_size=self.batch_size, verbose=0, return_dict=True
                    )
                epoch_logs.update({"val_" + k: v for k, v in val.items()})
            self._sums, self._seen = {}, 0
            self.step, self.epoch = 0, self.epoch + 1
        return float(logs["loss"]), epoch_logs


def too_wide(model) -> tuple[str, int] | None:
    """(layer name, width) of the first drawn column wider than MAX_UNITS, else None."""
    if model.input_shape is None or len(model.input_shape) != 1:
        return ("input", int(np.prod(model.input_shape or (0,))))
    if model.input_shape[0] > MAX_UNITS:
        return ("input", model.input_shape[0])
    for layer in model.layers:
        if isinstance(layer, Dense) and layer.units > MAX_UNITS:
            return (layer.name, layer.units)
    return None


class Column:
    """One drawn column: the inputs, or a Dense layer with the Activation/Dropout after it."""

    def __init__(self, index, name, units, dense=None, act_trace=None, last=None):
        self.index, self.name, self.units = index, name, units
        self.dense = dense  # LayerTrace of the Dense (None for the inputs)
        self.act = act_trace  # LayerTrace holding z, f'(z), activation name
        self.last = last  # LayerTrace whose output `a` the column shows

    @property
    def activation(self):
        return None if self.act is None else self.act.activation

    def a(self, tr):
        return tr.x if self.dense is None else self.last.a

    def z(self):
        return None if self.act is None else self.act.z

    def delta(self):
        return None if self.dense is None else self.dense.delta

    def local(self):
        return None if self.act is None else self.act.local

    @property
    def fused(self) -> bool:
        return bool(self.act is not None and self.act.fused)


def columns(tr) -> list[Column]:
    """The inputs, then one column per Dense layer (its own activation, or a following
    Activation layer's when the Dense itself is linear)."""
    cols = [Column(0, "input", tr.x.shape[1])]
    layers = tr.layers
    for i, rec in enumerate(layers):
        if rec.kind != "Dense":
            continue
        act, last, j = rec, rec, i
        while j + 1 < len(layers) and layers[j + 1].kind != "Dense":
            j += 1
            last = layers[j]
            if layers[j].kind == "Activation" and act.activation == "linear":
                act = layers[j]
        cols.append(Column(len(cols), rec.name, rec.a.shape[1], rec, act, last))
    return cols


SATURATION = {"sigmoid": 0.25, "tanh": 1.0, "softplus": 1.0}  # max of f'


def unit_flags(col: Column, rows) -> np.ndarray:
    """Per unit: "dead" (ReLU with z <= 0 for every chosen sample), "saturated" (f' below 1%
    of its largest value for every chosen sample) or ""."""
    flags = np.full(col.units, "", dtype=object)
    if col.act is None or col.z() is None or col.fused:
        return flags
    name, z, local = col.activation, col.z()[rows], col.local()
    if name == "relu":
        flags[(z <= 0).all(axis=0)] = "dead"
    elif name in SATURATION and local is not None:
        flags[(local[rows] < 0.01 * SATURATION[name]).all(axis=0)] = "saturated"
    return flags
