"""keras.optimizers: the engine's optimizers with Keras 3's further options.

On top of the engine's SGD (momentum, nesterov), RMSprop, Adagrad and Adam:
  learning_rate     a number or a schedule (schedules.ExponentialDecay), read at each step
                    as schedule(iterations), as Keras does;
  weight_decay      decoupled decay before each update: w -= w * weight_decay * lr (Keras 3's
                    _apply_weight_decay, on every parameter);
  amsgrad (Adam)    v_hat = max(v_hat, v), the denominator sqrt(v_hat) + eps;
  AdamW             Adam with weight_decay=0.004 (Keras 3's default);
  apply_gradients([(grad, variable), ...]) updates NumPy arrays in place.
"""

import numpy as np

from ..engine import optimizers as _engine
from ..engine.optimizers import Optimizer, deserialize, get, serialize
from . import schedules  # keras.optimizers.schedules


class _KerasOptions:
    def _keras_options(self, weight_decay):
        if weight_decay is not None and (
            isinstance(weight_decay, bool) or not isinstance(weight_decay, (int, float))
        ):
            raise ValueError(
                f"weight_decay must be a number or None, received: weight_decay={weight_decay!r}"
            )
        self.weight_decay = None if not weight_decay else float(weight_decay)

    @property
    def learning_rate(self):
        schedule = getattr(self, "_schedule", None)
        if schedule is not None:
            return float(schedule(self.iterations))
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        if isinstance(value, schedules.LearningRateSchedule):
            self._schedule, self._learning_rate = value, float(value(0))
        else:
            self._schedule = None
            _engine.Optimizer.learning_rate.fset(self, value)

    def _decay(self, params):
        if self.weight_decay:
            params -= params * params.dtype.type(self.weight_decay * float(self.learning_rate))

    def apply_flat(self, flat):
        self._decay(flat.params)
        super().apply_flat(flat)

    def apply(self, params, grads):
        for p in params.values():
            self._decay(p)
        super().apply(params, grads)

    def apply_gradients(self, grads_and_vars):
        """Keras's optimizer.apply_gradients(zip(grads, variables)) for NumPy arrays."""
        pairs = [(np.asarray(g), v) for g, v in grads_and_vars]
        for _g, v in pairs:
            if not isinstance(v, np.ndarray):
                raise ValueError(
                    "apply_gradients updates NumPy arrays in place; received a " + type(v).__name__
                )
        keys = getattr(self, "_variable_keys", None)
        if keys is None:
            keys = self._variable_keys = {}
        params, grads = {}, {}
        for g, v in pairs:
            key = keys.setdefault(id(v), f"variable_{len(keys)}")
            params[key], grads[key] = v, g
        self.apply(params, grads)
        return self.iterations

    def get_config(self):
        config = super().get_config()
        if getattr(self, "_schedule", None) is not None:
            config["learning_rate"] = self._schedule.get_config()
        return {**config, "weight_decay": self.weight_decay}


class SGD(_KerasOptions, _engine.SGD):
    def __init__(
        self,
        learning_rate=0.01,
        momentum=0.0,
        nesterov=False,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        name=None,
        **kwargs,
    ):
        self._keras_options(weight_decay)
        super().__init__(learning_rate, momentum, nesterov, clipnorm, clipvalue, name)


class RMSprop(_KerasOptions, _engine.RMSprop):
    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        centered=False,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        name=None,
        **kwargs,
    ):
        if centered:
            raise ValueError("RMSprop(centered=True) is not supported by nnstudio.")
        self._keras_options(weight_decay)
        super().__init__(learning_rate, rho, momentum, epsilon, clipnorm, clipvalue, name)


class Adagrad(_KerasOptions, _engine.Adagrad):
    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
        epsilon=1e-7,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        name=None,
        **kwargs,
    ):
        self._keras_options(weight_decay)
        super().__init__(
            learning_rate, initial_accumulator_value, epsilon, clipnorm, clipvalue, name
        )


class Adam(_KerasOptions, _engine.Adam):
    """Adam; amsgrad=True keeps v_hat = max(v_hat, v) and divides by sqrt(v_hat) + eps."""

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        name=None,
        **kwargs,
    ):
        self._keras_options(weight_decay)
        self.amsgrad = bool(amsgrad)
        super().__init__(learning_rate, beta_1, beta_2, epsilon, clipnorm, clipvalue, name)

    def slot_names(self):
        return (*super().slot_names(), "velocity_hat") if self.amsgrad else super().slot_names()

    def update(self, p, g, slots, t1, t2, lr):
        if not self.amsgrad:
            return super().update(p, g, slots, t1, t2, lr)
        f = p.dtype.type
        step = f(self.iterations + 1)
        alpha = f(lr) * np.sqrt(f(1) - f(self.beta_2) ** step) / (f(1) - f(self.beta_1) ** step)
        m, v, v_hat = slots["momentum"], slots["velocity"], slots["velocity_hat"]
        m += (g - m) * f(1 - self.beta_1)
        v += (np.square(g) - v) * f(1 - self.beta_2)
        np.maximum(v_hat, v, out=v_hat)
        p -= m * alpha / (np.sqrt(v_hat) + f(self.epsilon))

    def get_config(self):
        return {**super().get_config(), "amsgrad": self.amsgrad}


class AdamW(Adam):
    """Adam with decoupled weight decay (default 0.004, as Keras 3)."""

    class_name, default_name = "AdamW", "adamw"

    def __init__(
        self,
        learning_rate=0.001,
        weight_decay=0.004,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
        clipnorm=None,
        clipvalue=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            learning_rate, beta_1, beta_2, epsilon, amsgrad, weight_decay, clipnorm, clipvalue, name
        )


__all__ = [
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Optimizer",
    "RMSprop",
    "deserialize",
    "get",
    "schedules",
    "serialize",
]
