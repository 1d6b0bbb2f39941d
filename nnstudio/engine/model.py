"""Sequential: a stack of layers trained with compile / fit / evaluate / predict (Keras 3 API).

Training is a loop that can be driven one mini-batch at a time: `fit_iter()` is a generator
that yields after every batch, `fit()` runs it to the end (its callbacks see every batch), and
both check `model.stop_training` between batches. One step is `train_on_batch`: forward through every
layer, the loss (plus regulariser penalties), backward in reverse order, one optimizer update.

All parameters of a built model live in one flat array (each layer's `params` are views into
it, its `grads` views into a second one), so the optimizer updates every parameter with a
single vectorised pass.
"""

import math
import sys

import numpy as np

from . import backend
from . import callbacks as callbacks_mod
from . import layers as layers_mod
from . import losses as losses_mod
from . import metrics as metrics_mod
from . import optimizers as optimizers_mod
from . import threads as threads_mod
from . import shuffle as shuffle_mod


def _positive_int(name, value, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, received: {name}={value!r}")
    return int(value)


def _new_seed():
    return int(np.random.SeedSequence().entropy % (2**31))


class Sequential:
    """A linear stack of layers: Sequential([Input(shape=(2,)), Dense(4, activation="relu"), Dense(1)])."""

    def __init__(self, layers=None, name=None):
        if name is not None and (not isinstance(name, str) or not name):
            raise ValueError(f"name must be a non-empty string, received: name={name!r}")
        self.name = name or "sequential"
        self._layers = []
        self._input_shape = None
        self.built = False
        self.dtype = None
        self._flat = None
        self.optimizer = None
        self.loss = None
        self._loss_fn = None
        self._metric_names = []
        self._metric_fns = None  # resolved from the first batch's shapes
        self.compiled = False
        seed = backend.global_seed()
        self.seed = _new_seed() if seed is None else seed
        self.stop_training = False
        self.history = None
        self.last_batch_logs = {}
        for layer in layers or []:
            self.add(layer)

    # ----- structure -----
    @property
    def layers(self):
        """The model's layers, in order (change them with add() and pop())."""
        return self._layers

    @layers.setter
    def layers(self, value):
        raise AttributeError(
            "Sequential.layers cannot be assigned: change the layers with model.add(layer) "
            "and model.pop() (as in Keras)."
        )

    @property
    def seed(self):
        return self._seed

    @seed.setter
    def seed(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"seed must be a non-negative integer, received: seed={value!r}")
        self._seed = int(value)

    def add(self, layer):
        """Append a layer (an Input first declares the input shape)."""
        if isinstance(layer, layers_mod.Input):
            if self.layers or self._input_shape is not None:
                raise ValueError(
                    "Input(...) must come first in a Sequential model, before any layer."
                )
            self._input_shape = layer.shape
            return
        if not isinstance(layer, layers_mod.Layer):
            raise ValueError(f"Sequential.add needs a layer such as Dense(4), received: {layer!r}")
        if any(existing is layer for existing in self.layers):
            raise ValueError(f"The layer {layer.name} is already in this model.")
        names = {existing.name for existing in self.layers}
        if layer._auto_name:
            base, i = layer.default_name, 0
            layer.name = base
            while layer.name in names:
                i += 1
                layer.name = f"{base}_{i}"
        elif layer.name in names:
            raise ValueError(
                f"All layers in a model need unique names; {layer.name!r} is used twice."
            )
        if (
            not self.layers
            and self._input_shape is None
            and layer._declared_input_shape is not None
        ):
            self._input_shape = layer._declared_input_shape
        self._layers.append(layer)
        self._unbuild()
        if self._input_shape is not None:  # Keras: a model that knows its input is built at once
            try:
                self.build()
            except Exception:
                self._layers.pop()
                self._unbuild()
                raise

    def pop(self):
        """Remove and return the last layer."""
        if not self.layers:
            raise ValueError("There are no layers in the model to pop.")
        layer = self._layers.pop()
        self._unbuild()
        if self._input_shape is not None and self._layers:  # stays built, as in Keras
            self.build()
        return layer

    def _unbuild(self):
        if self.built:
            self.built = False
            self._flat = None
            if self.optimizer is not None:  # a changed model starts with a fresh optimizer state
                self.optimizer = optimizers_mod.deserialize(
                    optimizers_mod.serialize(self.optimizer)
                )

    @property
    def input_shape(self):
        return self._input_shape

    @property
    def output_shape(self):
        return self._sample_output_shape()

    def _sample_output_shape(self):
        """The per-sample output shape, e.g. (10,) (None while the input shape is unknown)."""
        if not self.layers:
            return self._input_shape
        if self._input_shape is None:
            return None
        shape = self._input_shape
        for layer in self.layers:
            shape = layer.compute_output_shape(shape)
        return shape

    def build(self, input_shape=None, _rng=None, _dtype=None):
        """Create every layer's parameters for a per-sample input shape such as (784,)."""
        known = self._input_shape
        if input_shape is not None:
            input_shape = layers_mod._shape_tuple("input_shape", input_shape)
            if known is not None and input_shape != known:
                raise ValueError(
                    f"The model expects samples of shape {known}, "
                    f"received input_shape={input_shape}."
                )
            self._input_shape = input_shape
        try:
            self._build(_rng, _dtype)
        except Exception:  # a failed build leaves the model as it was, not half built
            self._input_shape = known
            self.built, self._flat = False, None
            raise

    def _build(self, _rng, _dtype):
        if self._input_shape is None:
            raise ValueError(
                "The model does not know its input shape yet: start it with Input(shape=...), "
                "give the first layer input_dim=..., or call fit/predict with data."
            )
        if not self.layers:
            raise ValueError("The model has no layers yet: add at least one layer, e.g. Dense(1).")
        dtype = np.dtype(_dtype or self.dtype or backend.floatx())
        rng = _rng
        shape = self._input_shape
        for i, layer in enumerate(self.layers):
            same = (
                layer.built
                and layer.input_shape == shape
                and all(p.dtype == dtype for p in layer.params.values())
            )
            if not same:
                layer.build(shape, dtype=dtype, rng=rng)
            layer.needs_input_grad = any(earlier.params for earlier in self.layers[:i])
            shape = layer.output_shape
        self.dtype = dtype
        shapes = {
            f"{layer.name}/{k}": p.shape for layer in self.layers for k, p in layer.params.items()
        }
        self._flat = optimizers_mod.FlatBuffers(shapes, dtype)
        for layer in self.layers:
            keys = [f"{layer.name}/{k}" for k in layer.params]
            layer.adopt_buffers(
                {k.split("/", 1)[1]: self._flat.param_views[k] for k in keys},
                {k.split("/", 1)[1]: self._flat.grad_views[k] for k in keys},
            )
        self.built = True
        if self.optimizer is not None:
            self.optimizer.build(self._flat)

    def _ensure_built(self, x=None):
        if not self.built:
            if self._input_shape is None and x is not None:
                self.build(np.shape(x)[1:])
            else:
                self.build()

    # ----- compile -----
    def compile(self, optimizer="rmsprop", loss=None, metrics=None):
        """Choose the optimizer, the loss and the metrics reported beside it."""
        self.optimizer = optimizers_mod.get(optimizer)
        if loss is None:
            self._loss_fn, self.loss = None, None
        else:
            self._loss_fn = losses_mod.get(loss)
            self.loss = loss if isinstance(loss, str) else self._loss_fn.name
        if metrics is None:
            metrics = []
        if isinstance(metrics, str):
            metrics = [metrics]
        self._metric_names = [metrics_mod.check(m) for m in metrics]
        if len(set(self._metric_names)) != len(self._metric_names):
            raise ValueError(f"metrics lists a metric twice, received: metrics={metrics!r}")
        self._metric_fns = None
        self.compiled = True
        if self.built:
            self.optimizer.build(self._flat)

    @property
    def metrics_names(self):
        return ["loss", *self._metric_names]

    def _require_compiled(self, what):
        if not self.compiled or self._loss_fn is None:
            raise ValueError(
                f"Compile the model with a loss before calling {what}(), "
                'e.g. model.compile(optimizer="sgd", loss="mse").'
            )

    # ----- data checks -----
    def _check_x(self, x, what="x"):
        x = np.asarray(x)
        if x.dtype.kind not in "biuf":
            raise ValueError(f"{what} must be numbers, received an array of type {x.dtype}.")
        if x.ndim < 2:
            raise ValueError(
                f"{what} must have one row per sample, shape (samples, features), "
                f"received shape {x.shape}."
            )
        if len(x) == 0:
            raise ValueError(f"{what} has no samples.")
        self._ensure_built(x)
        if x.shape[1:] != self._input_shape:
            raise ValueError(
                f"The model expects samples of shape {self._input_shape}, "
                f"received {what} of shape {x.shape}."
            )
        return x

    def _check_xy(self, x, y, what="x"):
        x = self._check_x(x, what)
        y_what = "y" if what == "x" else what.replace("x", "y")
        y_count = len(y) if np.ndim(y) else 0
        if y_count != len(x):
            raise ValueError(
                f"{what} and {y_what} need one row per sample each, received {len(x)} samples "
                f"in {what} and {y_count} in {y_what}."
            )
        t = self._loss_fn.prepare_targets(y, (len(x), *self._sample_output_shape()), self.dtype)
        return x, t

    def _resolve_metrics(self, t):
        if self._metric_fns is None:
            out_shape = (len(t), *self._sample_output_shape())
            self._metric_fns = [
                metrics_mod.resolve(m, t.shape, out_shape, self._loss_fn.sparse)
                for m in self._metric_names
            ]
        return self._metric_fns

    def _batch(self, x, start, stop, index=None, out=None):
        """Rows start:stop (or x[index]) as the model's dtype, copying only this batch."""
        if index is None:
            return x[start:stop].astype(self.dtype, copy=False)
        if out is not None and len(index) == len(out) and x.dtype == self.dtype:
            # mode="clip": the indices are valid, and the default mode would copy through a temporary
            return np.take(x, index, axis=0, out=out, mode="clip")
        return x[index].astype(self.dtype, copy=False)

    # ----- one step -----
    def _forward(self, x, training):
        for layer in self.layers:
            x = layer.forward(x, training=training)
        return x

    def _penalty(self):
        return sum(layer.regularization_penalty() for layer in self.layers)

    def _fused(self):
        last = self.layers[-1]
        act = getattr(last, "activation", None)
        return (
            self._loss_fn.fused_activation is not None
            and act is not None
            and act.name == self._loss_fn.fused_activation
            and hasattr(last, "backward_linear")
        )

    def _forward_backward(self, x, t):
        """Forward in training mode, loss, backward: fills every layer's grads; returns (y, losses, loss)."""
        y = self._forward(x, training=True)
        per_sample = self._loss_fn.call(t, y)
        loss = float(per_sample.mean(dtype=self.dtype)) + self._penalty()
        if self._fused():
            d = self.layers[-1].backward_linear(self._loss_fn.fused_gradient(t, y))
            rest = self.layers[-2::-1]
        else:
            d = self._loss_fn.gradient(t, y)
            rest = self.layers[::-1]
        for layer in rest:
            if d is None:
                break
            d = layer.backward(d, overwrite=True)  # d is always an array the engine made this step
        return y, loss

    def _set_dropout_rngs(self):
        for i, layer in enumerate(self.layers):
            if isinstance(layer, layers_mod.Dropout):
                seed = self.seed if layer.seed is None else layer.seed
                layer.rng = np.random.default_rng([seed, i, self.optimizer.iterations])

    @np.errstate(
        over="ignore", invalid="ignore"
    )  # a diverging run shows inf/nan in its loss instead
    def _train_step(self, x, t):
        self._set_dropout_rngs()
        y, loss = self._forward_backward(x, t)
        self.optimizer.apply_flat(self._flat)
        logs = {"loss": loss}
        for name, fn in zip(self._metric_names, self._resolve_metrics(t)):
            logs[name] = float(fn(t, y).mean(dtype=self.dtype))
        self.last_batch_logs = logs
        return logs

    def train_on_batch(self, x, y, return_dict=False):
        """One optimizer step on this batch. Returns, as Keras does, the batch's loss (a float), or
        [loss, *metrics] when the model has metrics, or with return_dict=True {"loss": ..., metric: ...}."""
        self._require_compiled("train_on_batch")
        x, t = self._check_xy(x, y)
        logs = dict(self._train_step(x.astype(self.dtype, copy=False), t))
        if return_dict:
            return logs
        values = [logs[name] for name in self.metrics_names]
        return values[0] if len(values) == 1 else values

    @np.errstate(over="ignore", invalid="ignore")
    def _test_step(self, x, t):
        y = self._forward(x, training=False)
        logs = {"loss": float(self._loss_fn.call(t, y).mean(dtype=self.dtype)) + self._penalty()}
        for name, fn in zip(self._metric_names, self._resolve_metrics(t)):
            logs[name] = float(fn(t, y).mean(dtype=self.dtype))
        return logs

    # ----- fit -----
    def fit(
        self,
        x,
        y,
        batch_size=None,
        epochs=1,
        verbose=1,
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        initial_epoch=0,
    ):
        """Train for epochs initial_epoch .. epochs-1; returns the History callback."""
        for _ in self.fit_iter(
            x,
            y,
            batch_size=batch_size,
            epochs=epochs,
            verbose=verbose,
            callbacks=callbacks,
            validation_split=validation_split,
            validation_data=validation_data,
            shuffle=shuffle,
            initial_epoch=initial_epoch,
        ):
            pass
        return self.history

    def fit_iter(
        self,
        x,
        y,
        batch_size=None,
        epochs=1,
        verbose=1,
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        initial_epoch=0,
    ):
        """fit as a generator: yields ("batch", epoch, step, logs) after every batch and
        ("epoch", epoch, epoch_logs) after every epoch; self.history fills as it goes."""
        self._require_compiled("fit")
        batch_size = _positive_int("batch_size", 32 if batch_size is None else batch_size)
        epochs = (
            int(epochs)
            if not isinstance(epochs, bool) and isinstance(epochs, (int, np.integer))
            else None
        )
        if epochs is None or epochs < 0:
            raise ValueError(f"epochs must be a non-negative integer, received: epochs={epochs!r}")
        if (
            isinstance(initial_epoch, bool)
            or not isinstance(initial_epoch, (int, np.integer))
            or initial_epoch < 0
        ):
            raise ValueError(
                f"initial_epoch must be a non-negative integer, received: initial_epoch={initial_epoch!r}"
            )
        if verbose not in (0, 1, 2, "auto"):
            raise ValueError(f"verbose must be 0, 1 or 2, received: verbose={verbose!r}")
        verbose = 1 if verbose == "auto" else verbose
        if (
            isinstance(validation_split, bool)
            or not isinstance(validation_split, (int, float, np.floating))
            or not 0 <= validation_split < 1
        ):
            raise ValueError(
                f"validation_split must be a number in [0, 1), received: validation_split={validation_split!r}"
            )
        x, t = self._check_xy(x, y)
        val = None
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise ValueError("validation_data must be a tuple (x_val, y_val).")
            val = self._check_xy(validation_data[0], validation_data[1], what="x_val")
        elif validation_split:
            # Keras: the LAST fraction of the samples, taken before any shuffling.
            split_at = int(math.floor(len(x) * (1.0 - validation_split)))
            if split_at == 0 or split_at == len(x):
                raise ValueError(
                    f"x has {len(x)} samples, too few to split with validation_split={validation_split}: "
                    "use more data or a different fraction."
                )
            x, t, val = x[:split_at], t[:split_at], (x[split_at:], t[split_at:])
        n = len(x)
        steps = math.ceil(n / batch_size)
        cbs = list(callbacks or [])
        history = next((cb for cb in cbs if isinstance(cb, callbacks_mod.History)), None)
        if history is None:
            history = callbacks_mod.History()
            cbs.append(history)
        if verbose and not any(isinstance(cb, callbacks_mod.ProgbarLogger) for cb in cbs):
            cbs.append(callbacks_mod.ProgbarLogger())
        cb = callbacks_mod.CallbackList(
            cbs, self, {"epochs": epochs, "steps": steps, "verbose": verbose}
        )
        self.history = history
        self.stop_training = False
        buffer = np.empty((batch_size, *x.shape[1:]), self.dtype) if shuffle else None
        blas = threads_mod.for_training(self, batch_size)  # BLAS threads per step (threads.py)
        orders = shuffle_mod.EpochOrders(self.seed, n) if shuffle else None
        cb.on_train_begin({})
        try:
            for epoch in range(initial_epoch, epochs):
                cb.on_epoch_begin(epoch, {})
                order = orders.order(epoch) if shuffle else None
                sums, seen, logs = {}, 0, {}
                for step in range(steps):
                    start, stop = step * batch_size, min(n, (step + 1) * batch_size)
                    cb.on_train_batch_begin(step, {})
                    blas.begin()
                    if order is None:
                        xb, tb = self._batch(x, start, stop), t[start:stop]
                    else:
                        index = order[start:stop]
                        xb, tb = self._batch(x, start, stop, index, buffer), t[index]
                    batch_logs = self._train_step(xb, tb)
                    blas.end()
                    size = stop - start
                    seen += size
                    for key, value in batch_logs.items():
                        sums[key] = sums.get(key, 0.0) + value * size
                    logs = {key: value / seen for key, value in sums.items()}
                    cb.on_train_batch_end(step, dict(logs))
                    yield ("batch", epoch, step, logs)
                    if self.stop_training:
                        break
                epoch_logs = dict(logs)
                if val is not None:
                    val_logs = self._evaluate_arrays(val[0], val[1], batch_size)
                    epoch_logs.update({"val_" + k: v for k, v in val_logs.items()})
                cb.on_epoch_end(epoch, epoch_logs)
                yield ("epoch", epoch, epoch_logs)
                if self.stop_training:
                    break
        except GeneratorExit:  # the caller stopped iterating: still finish the run properly
            cb.on_train_end({})
            raise
        finally:
            blas.release()
        cb.on_train_end({})

    # ----- evaluate / predict -----
    def _evaluate_arrays(self, x, t, batch_size, progbar=None, cb=None):
        sums, seen = {}, 0
        for step, start in enumerate(range(0, len(x), batch_size)):
            stop = min(len(x), start + batch_size)
            if cb is not None:
                cb.on_test_batch_begin(step, {})
            logs = self._test_step(self._batch(x, start, stop), t[start:stop])
            seen += stop - start
            for key, value in logs.items():
                sums[key] = sums.get(key, 0.0) + value * (stop - start)
            running = {key: value / seen for key, value in sums.items()}
            if cb is not None:
                cb.on_test_batch_end(step, dict(running))
            if progbar is not None:
                progbar.update(step + 1, running)
        return {key: value / seen for key, value in sums.items()}

    def evaluate(self, x, y, batch_size=None, verbose=1, return_dict=False, callbacks=None):
        """Loss (and metrics) over the data: a float, or [loss, *metrics], or a dict."""
        self._require_compiled("evaluate")
        batch_size = _positive_int("batch_size", 32 if batch_size is None else batch_size)
        x, t = self._check_xy(x, y)
        steps = math.ceil(len(x) / batch_size)
        cb = callbacks_mod.CallbackList(
            callbacks or [], self, {"epochs": 1, "steps": steps, "verbose": verbose}
        )
        cb.on_test_begin({})
        bar = callbacks_mod.Progbar(steps, verbose=verbose) if verbose else None
        logs = self._evaluate_arrays(x, t, batch_size, bar, cb)
        cb.on_test_end(dict(logs))
        if return_dict:
            return logs
        values = [logs[name] for name in self.metrics_names]
        return values[0] if len(values) == 1 else values

    def predict(self, x, batch_size=None, verbose=1, callbacks=None):
        """Outputs for every sample (inference mode: no dropout), computed batch by batch."""
        batch_size = _positive_int("batch_size", 32 if batch_size is None else batch_size)
        x = self._check_x(x)
        steps = math.ceil(len(x) / batch_size)
        cb = callbacks_mod.CallbackList(
            callbacks or [], self, {"epochs": 1, "steps": steps, "verbose": verbose}
        )
        cb.on_predict_begin({})
        bar = callbacks_mod.Progbar(steps, verbose=verbose) if verbose else None
        out = np.empty((len(x), *self._sample_output_shape()), self.dtype)
        for step, start in enumerate(range(0, len(x), batch_size)):
            stop = min(len(x), start + batch_size)
            cb.on_predict_batch_begin(step, {})
            out[start:stop] = self._forward(self._batch(x, start, stop), training=False)
            cb.on_predict_batch_end(step, {})
            if bar is not None:
                bar.update(step + 1)
        cb.on_predict_end({})
        return out

    def layer_outputs(self, x):
        """Each layer's output for x (inference mode), one array per layer."""
        x = self._check_x(x).astype(self.dtype, copy=False)
        outputs = []
        for layer in self.layers:
            x = layer.forward(x, training=False)
            outputs.append(np.array(x, copy=True))
        return outputs

    # ----- weights -----
    def count_params(self):
        self._ensure_built()
        return sum(layer.count_params() for layer in self.layers)

    def get_weights(self):
        """Copies of every parameter in Keras order: each layer's kernel, then bias."""
        self._ensure_built()
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights):
        """Copy values in get_weights() order into the parameters (count and shapes checked)."""
        self._ensure_built()
        weights = list(weights)
        expected = sum(len(layer.params) for layer in self.layers)
        if len(weights) != expected:
            raise ValueError(f"The model has {expected} weight arrays, received {len(weights)}.")
        i = 0
        for layer in self.layers:
            k = len(layer.params)
            layer.set_weights(weights[i : i + k])
            i += k

    def weights_buffer(self):
        """Every parameter as one contiguous 1-D array in get_weights() order. It is the model's
        own storage (each kernel and bias is a view into it): a copy of it is a snapshot of all
        the weights in one step, and ``buffer[...] = snapshot`` puts them all back."""
        self._ensure_built()
        return self._flat.params

    def weight_dict(self):
        """{"dense/kernel": array, "dense/bias": array, ...} (copies)."""
        self._ensure_built()
        return {
            f"{layer.name}/{k}": p.copy() for layer in self.layers for k, p in layer.params.items()
        }

    def set_weight_dict(self, weights):
        """Set every parameter from a weight_dict()-style mapping (keys and shapes checked)."""
        self._ensure_built()
        params = {f"{layer.name}/{k}": p for layer in self.layers for k, p in layer.params.items()}
        unknown = sorted(set(weights) - set(params))
        if unknown:
            raise ValueError(
                f"The model has no parameter {unknown[0]!r}; it has: {', '.join(params)}"
            )
        missing = sorted(set(params) - set(weights))
        if missing:
            raise ValueError(f"The weights lack the parameter {missing[0]!r}.")
        for key, p in params.items():
            w = np.asarray(weights[key])
            if w.shape != p.shape:
                raise ValueError(
                    f"Parameter {key!r} has shape {p.shape}, received shape {w.shape}."
                )
        for key, p in params.items():
            p[...] = weights[key]

    # ----- summary -----
    def summary_rows(self):
        """[(name, class_name, output_shape, param_count), ...] for every layer; shapes and
        counts are None while the input shape is unknown."""
        if not self.built and self._input_shape is not None and self.layers:
            self.build()
        shape = self._input_shape
        rows = []
        for layer in self.layers:
            count = None
            if shape is not None:  # the layer class answers; nothing is built for the count
                config = layer.get_config()
                weights = type(layer).weight_shapes_for(config, shape)
                count = int(sum(math.prod(s) for s in weights.values()))
                shape = type(layer).output_shape_for(config, shape)
            elif (
                type(layer).weight_shapes_for.__func__
                is layers_mod.Layer.weight_shapes_for.__func__
            ):
                count = 0  # a type without weights has none whatever comes in
            rows.append((layer.name, type(layer).__name__, shape, count))
        return rows

    def summary(self, print_fn=None):
        """Print a Keras-like table: layer (type), output shape, parameter count, totals."""
        print_fn = print_fn or print
        rows = self.summary_rows()
        fancy = callbacks_mod._can_encode(sys.stdout, "┏━┃│└") if print_fn is print else True
        h, v, tl, tm, tr, ml, mm, mr, bl, bm, br, hv, hh = (
            ("━", "│", "┏", "┳", "┓", "┡", "╇", "┩", "└", "┴", "┘", "┃", "─")
            if fancy
            else ("=", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "|", "-")
        )
        widths = (32, 24, 14)
        table = [("Layer (type)", "Output Shape", "Param #")]
        for name, cls, shape, count in rows:
            shape_s = "?" if shape is None else "(None, " + ", ".join(str(d) for d in shape) + ")"
            table.append((f"{name} ({cls})", shape_s, "?" if count is None else f"{count:,}"))

        def line(cells, sep):
            return (
                sep
                + sep.join(
                    f" {c:<{w - 1}}" if i < 2 else f"{c:>{w - 1}} "
                    for i, (c, w) in enumerate(zip(cells, widths))
                )
                + sep
            )

        total = sum(c for *_, c in rows if c is not None)
        itemsize = np.dtype(self.dtype or backend.floatx()).itemsize
        print_fn(f'Model: "{self.name}"')
        print_fn(tl + tm.join(h * w for w in widths) + tr)
        print_fn(line(table[0], hv))
        print_fn(ml + mm.join(h * w for w in widths) + mr)
        for row in table[1:]:
            print_fn(line(row, v))
        print_fn(bl + bm.join(hh * w for w in widths) + br)
        if any(c is None for *_, c in rows):
            print_fn(
                " Total params: ? (unknown until the input shape is known: add Input(shape=...) first)"
            )
            return
        print_fn(f" Total params: {total:,} ({_bytes(total * itemsize)})")
        print_fn(f" Trainable params: {total:,} ({_bytes(total * itemsize)})")
        print_fn(" Non-trainable params: 0 (0.00 B)")

    # ----- config -----
    def get_config(self):
        """{"name", "input_shape", "layers": [{"class_name", "config"}, ...]} (no weights)."""
        return {
            "name": self.name,
            "input_shape": None if self._input_shape is None else list(self._input_shape),
            "layers": [layers_mod.serialize(layer) for layer in self.layers],
        }

    @classmethod
    def from_config(cls, config):
        if not isinstance(config, dict) or not isinstance(config.get("layers", []), list):
            raise ValueError(f"A Sequential config needs a list of layers, received: {config!r}")
        model = cls(name=config.get("name"))
        if config.get("input_shape") is not None:
            model.add(layers_mod.Input(tuple(config["input_shape"])))
        for d in config.get("layers", []):
            model.add(layers_mod.deserialize(d))
        return model

    def __repr__(self):
        return f"<Sequential {self.name}: {len(self.layers)} layers>"


def _bytes(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.2f} {unit}"
        n /= 1024
