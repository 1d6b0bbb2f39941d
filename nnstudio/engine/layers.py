"""Layers: small classes with forward(x) and backward(dout), as in Deep Learning from Scratch.

A layer keeps what its backward needs from the last forward, and its gradients sit beside its
parameters: `layer.params["kernel"]` and `layer.grads["kernel"]`. Shapes are (batch, features).
Names and defaults are Keras 3's. `LAYER_CLASSES` is the allow-list used to load saved models.

Every layer class also answers, from a config dict and a per-sample input shape alone (no
arrays made), `output_shape_for(config, input_shape)` and `weight_shapes_for(config,
input_shape)`: the project checks, the canvas and the summary ask these instead of redoing the
arithmetic, as Keras's `compute_output_shape` / `build` do.
"""

import math

import numpy as np

from . import activations as activations_mod
from . import backend
from . import initializers as initializers_mod
from . import regularizers as regularizers_mod


def _shape_tuple(name, shape):
    """A per-sample shape such as (784,) from an int, list or tuple of positive ints."""
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        shape = tuple(shape)
    except TypeError:
        raise ValueError(
            f"{name} must be a tuple of positive integers, received: {name}={shape!r}"
        ) from None
    if shape and shape[0] is None:  # a Keras batch shape (None, 784)
        shape = shape[1:]
    if not shape or not all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) and d > 0 for d in shape
    ):
        raise ValueError(f"{name} must be a tuple of positive integers, received: {name}={shape!r}")
    return tuple(int(d) for d in shape)


def _activation_property():
    """layer.activation: setting a name, None (linear) or a function looks it up, as in Keras."""

    def get(self):
        return self._activation

    def set(self, value):
        self._activation = activations_mod.get(value)

    return property(get, set)


class Input:
    """Declares the per-sample input shape: Sequential([Input(shape=(2,)), Dense(1)])."""

    def __init__(self, shape, name=None):
        self.shape = _shape_tuple("shape", shape)
        self.name = name

    def __repr__(self):
        return f"Input(shape={self.shape})"


class Layer:
    """Base class. Subclasses set `params`/`grads` in build() and implement forward/backward."""

    default_name = "layer"

    def __init__(self, name=None, input_shape=None):
        if name is not None and (not isinstance(name, str) or not name or "/" in name):
            raise ValueError(
                f"name must be a non-empty string without '/', received: name={name!r}"
            )
        self.name = name or self.default_name
        self._auto_name = name is None
        self.built = False
        self.input_shape = None
        self.output_shape = None
        self.params = {}
        self.grads = {}
        self.needs_input_grad = True  # a model clears this on its first layer
        self._declared_input_shape = (
            None if input_shape is None else _shape_tuple("input_shape", input_shape)
        )

    # -- what a layer of this type makes of a per-sample input shape (no instance needed) ----
    @classmethod
    def output_shape_for(cls, config, input_shape):
        """Per-sample output shape of a layer with this config, e.g. (784,) -> (8,)."""
        return _shape_tuple("input_shape", input_shape)

    @classmethod
    def weight_shapes_for(cls, config, input_shape):
        """{"kernel": (784, 8), "bias": (8,)}: the weights build() makes, in Keras order."""
        return {}

    def build(self, input_shape):
        """Create the parameters for a per-sample input shape such as (784,)."""
        self.input_shape = _shape_tuple("input_shape", input_shape)
        self.output_shape = self.compute_output_shape(self.input_shape)
        self.built = True

    def compute_output_shape(self, input_shape):
        return type(self).output_shape_for(self.get_config(), input_shape)

    def count_params(self):
        return int(sum(p.size for p in self.params.values()))

    def forward(self, x, training=False):
        raise NotImplementedError

    def backward(self, dout, overwrite=False):
        """dL/dy -> dL/dx; overwrite=True allows reusing dout's memory."""
        raise NotImplementedError

    def get_weights(self):
        """Copies of the parameters in Keras order (kernel, bias)."""
        return [p.copy() for p in self.params.values()]

    def set_weights(self, weights):
        """Copy values into the parameters (Keras order), checking count and shapes."""
        weights = list(weights)
        if not self.built:
            raise ValueError(
                f"Layer {self.name} has no weights yet: build it (or the model it is in) first."
            )
        if len(weights) != len(self.params):
            raise ValueError(
                f"Layer {self.name} expects {len(self.params)} weight arrays, received {len(weights)}."
            )
        for (key, p), w in zip(self.params.items(), weights):
            w = np.asarray(w)
            if w.shape != p.shape:
                raise ValueError(
                    f"Layer {self.name}: weight {key!r} has shape {p.shape}, received shape {w.shape}."
                )
            p[...] = w

    def adopt_buffers(self, params, grads):
        """Make params/grads views into a model's flat buffers (values copied over)."""
        for key in self.params:
            params[key][...] = self.params[key]
        self.params = {key: params[key] for key in self.params}
        self.grads = {key: grads[key] for key in self.params}

    def regularization_penalty(self):
        return 0.0

    def get_config(self):
        config = {"name": self.name}
        if self._declared_input_shape is not None:
            config["input_shape"] = list(self._declared_input_shape)
        return config

    @classmethod
    def from_config(cls, config):
        try:
            return cls(**config)
        except TypeError as exc:
            raise ValueError(f"Bad {cls.__name__} config {config!r}: {exc}") from None

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class Dense(Layer):
    """z = x W + b, y = activation(z) ;  x (batch, in), W (in, out), b (out,), y (batch, out)

    backward: dz = activation'(dy) ; dW = x^T dz ; db = sum over batch of dz ; dx = dz W^T
    """

    default_name = "dense"
    activation = _activation_property()

    def __init__(
        self,
        units,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        input_dim=None,
        input_shape=None,
        name=None,
    ):
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
            raise ValueError(f"units must be a positive integer, received: units={units!r}")
        if input_dim is not None:
            if (
                isinstance(input_dim, bool)
                or not isinstance(input_dim, (int, np.integer))
                or input_dim <= 0
            ):
                raise ValueError(
                    f"input_dim must be a positive integer, received: input_dim={input_dim!r}"
                )
            input_shape = (int(input_dim),)
        super().__init__(name, input_shape)
        if not isinstance(use_bias, (bool, np.bool_)):
            raise ValueError(f"use_bias must be True or False, received: use_bias={use_bias!r}")
        self.units = int(units)
        self.activation = activations_mod.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers_mod.get(kernel_initializer)
        self.bias_initializer = initializers_mod.get(bias_initializer)
        self.kernel_regularizer = regularizers_mod.get(kernel_regularizer)
        self._x = self._z = self._y = None
        self._buffers = {}

    @classmethod
    def output_shape_for(cls, config, input_shape):
        """(features,) -> (units,)"""
        return (cls.weight_shapes_for(config, input_shape)["kernel"][1],)

    @property
    def kernel(self):
        """The weight matrix W (inputs, units) itself, as Keras's layer.kernel."""
        return self._param("kernel")

    @property
    def bias(self):
        """The bias vector b (units,) itself, or None with use_bias=False."""
        return self._param("bias") if self.use_bias else None

    def _param(self, key):
        if key not in self.params:
            raise AttributeError(
                f"Layer {self.name} has no weights yet: it is built once the model knows its "
                "input shape (keras.Input(shape=...) or input_shape=...)."
            )
        return self.params[key]

    @classmethod
    def weight_shapes_for(cls, config, input_shape):
        """kernel (features, units), bias (units,) when use_bias."""
        input_shape = _shape_tuple("input_shape", input_shape)
        if len(input_shape) != 1:
            raise ValueError(
                f"Dense needs flat samples, shape (features,), received input_shape={input_shape}; "
                "put a Flatten layer before it (images of 28x28 become 784 features)."
            )
        units = config.get("units")
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
            raise ValueError(f"units must be a positive integer, received: units={units!r}")
        shapes = {"kernel": (input_shape[0], int(units))}
        if config.get("use_bias", True):
            shapes["bias"] = (int(units),)
        return shapes

    def build(self, input_shape, dtype=None, rng=None):
        shapes = self.weight_shapes_for(
            {"units": self.units, "use_bias": self.use_bias}, input_shape
        )
        super().build(input_shape)
        dtype = backend.as_dtype(dtype)
        self.params = {"kernel": self.kernel_initializer(shapes["kernel"], dtype, rng)}
        if self.use_bias:
            self.params["bias"] = self.bias_initializer(shapes["bias"], dtype, rng)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, x, training=False):
        """y = activation(x W + b)"""
        W = self.params["kernel"]
        if training:  # reuse this layer's arrays from step to step: no allocation in the hot loop
            z = np.matmul(x, W, out=self._buffer("z", (len(x), self.units), W.dtype))
        else:
            z = x @ W
        if self.use_bias:
            z += self.params["bias"]
        if training and self.activation.in_place:
            y = self.activation.forward(z, out=z)  # z itself is not needed by this backward
        else:
            y = self.activation.forward(z)
        self._x, self._z, self._y = x, z, y
        return y

    def backward(self, dout, overwrite=False):
        """dout = dL/dy (batch, units) -> dL/dx (batch, in), or None for a model's first layer.
        overwrite=True lets the layer reuse dout's memory (a model passes its own scratch arrays)."""
        if overwrite and self.activation.in_place:
            dz = self.activation.backward_in_place(dout, self._y)
        else:
            dz = self.activation.backward(dout, self._z, self._y)
        return self.backward_linear(dz)

    def backward_linear(self, dz):
        """From dL/dz: dW = x^T dz, db = sum(dz, axis=0), dx = dz W^T."""
        np.matmul(self._x.T, dz, out=self.grads["kernel"])
        if self.kernel_regularizer is not None:
            self.grads["kernel"] += self.kernel_regularizer.gradient(self.params["kernel"])
        if self.use_bias:
            np.sum(dz, axis=0, out=self.grads["bias"])
        if not self.needs_input_grad:
            return None
        W = self.params["kernel"]
        return np.matmul(dz, W.T, out=self._buffer("dx", (len(dz), W.shape[0]), W.dtype))

    def _buffer(self, name, shape, dtype):
        """A scratch array kept between steps (re-made when the batch size changes)."""
        buf = self._buffers.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = self._buffers[name] = np.empty(shape, dtype)
        return buf

    def regularization_penalty(self):
        if self.kernel_regularizer is None:
            return 0.0
        return self.kernel_regularizer.penalty(self.params["kernel"])

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": self.activation.name,
            "use_bias": self.use_bias,
            "kernel_initializer": initializers_mod.serialize(self.kernel_initializer),
            "bias_initializer": initializers_mod.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers_mod.serialize(self.kernel_regularizer),
        }


class Activation(Layer):
    """y = activation(x), elementwise (softmax: over the last axis) ;  dx = activation'(dy)"""

    default_name = "activation"
    activation = _activation_property()

    def __init__(self, activation, name=None, input_shape=None):
        super().__init__(name, input_shape)
        self.activation = activations_mod.get(activation)
        self._x = self._y = None

    def build(self, input_shape, dtype=None, rng=None):
        super().build(input_shape)

    def forward(self, x, training=False):
        self._x = x
        self._y = self.activation.forward(x)
        return self._y

    def backward(self, dout, overwrite=False):
        return self.activation.backward(dout, self._x, self._y)

    def backward_linear(self, dz):
        """Used when the loss already folded this activation's derivative in (fused softmax/sigmoid)."""
        return dz

    def get_config(self):
        return {**super().get_config(), "activation": self.activation.name}


class Dropout(Layer):
    """training: y = x * mask / (1 - rate), mask ~ Bernoulli(1 - rate) ; inference: y = x ;
    dx = dy * mask / (1 - rate)"""

    default_name = "dropout"

    def __init__(self, rate, seed=None, name=None, input_shape=None):
        if (
            isinstance(rate, bool)
            or not isinstance(rate, (int, float, np.integer, np.floating))
            or not 0 <= rate < 1
        ):
            raise ValueError(f"rate must be a number in [0, 1), received: rate={rate!r}")
        if seed is not None and (
            isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0
        ):
            raise ValueError(
                f"seed must be a non-negative integer or None, received: seed={seed!r}"
            )
        super().__init__(name, input_shape)
        self.rate = float(rate)
        self.seed = None if seed is None else int(seed)
        self.rng = None  # a model sets a fresh generator before each training step
        self._mask = None

    def build(self, input_shape, dtype=None, rng=None):
        super().build(input_shape)

    def forward(self, x, training=False):
        if not training or self.rate == 0:
            self._mask = None
            return x
        rng = self.rng if self.rng is not None else np.random.default_rng(self.seed)
        keep = rng.random(x.shape, dtype=x.dtype) >= self.rate
        self._mask = keep * x.dtype.type(1 / (1 - self.rate))
        return x * self._mask

    def backward(self, dout, overwrite=False):
        if self._mask is None:
            return dout
        return np.multiply(dout, self._mask, out=dout) if overwrite else dout * self._mask

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}


class Flatten(Layer):
    """y = x.reshape(batch, -1): (batch, 28, 28) -> (batch, 784) ;  dx = dy.reshape(x.shape)

    data_format="channels_first" first moves the channel axis last, as Keras does, so
    (batch, c, h, w) flattens in the same order as (batch, h, w, c).
    """

    default_name = "flatten"

    def __init__(self, data_format=None, name=None, input_shape=None):
        if data_format is None:
            data_format = "channels_last"
        if data_format not in ("channels_last", "channels_first"):
            raise ValueError(
                "data_format must be 'channels_last' or 'channels_first', "
                f"received: data_format={data_format!r}"
            )
        super().__init__(name, input_shape)
        self.data_format = data_format
        self._shape = None

    @classmethod
    def output_shape_for(cls, config, input_shape):
        """(28, 28) -> (784,)"""
        return (math.prod(_shape_tuple("input_shape", input_shape)),)

    def build(self, input_shape, dtype=None, rng=None):
        super().build(input_shape)

    def _channels_first(self, x):
        return self.data_format == "channels_first" and x.ndim > 2

    def forward(self, x, training=False):
        if self._channels_first(x):
            x = np.moveaxis(x, 1, -1)
        self._shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, dout, overwrite=False):
        dx = dout.reshape(self._shape)
        return np.moveaxis(dx, -1, 1) if self._channels_first(dx) else dx

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}


LAYER_CLASSES = {"Dense": Dense, "Activation": Activation, "Dropout": Dropout, "Flatten": Flatten}


def serialize(layer):
    """{"class_name": "Dense", "config": {...}}"""
    return {"class_name": type(layer).__name__, "config": layer.get_config()}


def deserialize(d):
    """A new layer from serialize()'s dict; only classes in LAYER_CLASSES are allowed."""
    if not isinstance(d, dict) or "class_name" not in d:
        raise ValueError(f"A layer config needs a class_name, received: {d!r}")
    cls = LAYER_CLASSES.get(d["class_name"])
    if cls is None:
        raise ValueError(
            f"Unknown layer type: received: class_name={d['class_name']!r}; "
            f"choose one of: {', '.join(LAYER_CLASSES)}"
        )
    config = d.get("config") or {}
    if not isinstance(config, dict):
        raise ValueError(f"A layer config must be a dict, received: {config!r}")
    return cls.from_config(dict(config))
