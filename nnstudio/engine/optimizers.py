"""Optimizers with Keras 3's update rules (keras/src/optimizers/*.py), in place on NumPy arrays.

Each optimizer keeps its state per parameter key ("dense/kernel") in named slots
("velocity", "momentum", "accumulator"), created lazily on the first step, so
`get_state()` / `set_state()` can save and restore training exactly.

`apply(params, grads)` updates a dict of arrays. A model instead hands over a `FlatBuffers`
(every parameter a view into one contiguous array) to `apply_flat`; the slots then live in
flat arrays too and one vectorised update covers all parameters, which is what makes a
training step fast. The update formulas are the same code in both cases: they are
elementwise, so they do not care whether they see one parameter or all of them.

Arithmetic order follows Keras so float32 results match it to the last bit where NumPy allows.
"""

import inspect
import math

import numpy as np

UPDATE_CHUNK = 65536  # parameters per chunk of an optimizer step (5 float32 arrays: 1.3 MB)


def _flush_tiny(state):
    """Set a decaying optimizer state's subnormal (and nearly subnormal) values to zero, in place.

    Where a gradient stays exactly 0 (a dead ReLU unit), momentum and velocity shrink by rho or
    beta every step and after ~700 steps become subnormal floats, which x86 processors compute
    10-100x slower (ENGINE.md has the measurement).
    Adding and subtracting 2^(nmant+13) times the smallest normal rounds every value below
    2^11 smallest normals to 0 and leaves every value above 2^-66 (float32) exactly as it was
    (values in between move by at most 2^-114: nothing next to epsilon). TensorFlow's CPU
    kernels flush subnormals to zero too (by processor flag). A value decaying by a factor d
    per step needs 11 ln 2 / -ln d steps to cross that band, so flushing that often (every 72
    steps for rho = 0.9) keeps every state normal: see Optimizer.flush_period.
    """
    magic = _FLUSH_MAGIC.get(state.dtype)
    if magic is None:
        info = np.finfo(state.dtype)
        magic = _FLUSH_MAGIC[state.dtype] = state.dtype.type(
            info.tiny * 2.0 ** (info.nmant + 2 + FLUSH_BAND_BITS)
        )
    state += magic
    state -= magic


FLUSH_BAND_BITS = 11
_FLUSH_MAGIC: dict = {}


class FlatBuffers:
    """All parameters (and their gradients) of a model as views into two flat arrays."""

    def __init__(self, shapes, dtype):
        """shapes: dict key -> shape, in Keras weight order."""
        self.keys = list(shapes)
        self.shapes = {k: tuple(s) for k, s in shapes.items()}
        self.dtype = np.dtype(dtype)
        self.offsets = {}
        offset = 0
        for key in self.keys:
            size = int(np.prod(self.shapes[key], dtype=np.int64))
            self.offsets[key] = (offset, offset + size)
            offset += size
        self.size = offset
        self.params = np.zeros(self.size, self.dtype)
        self.grads = np.zeros(self.size, self.dtype)
        self.param_views = self.views(self.params)
        self.grad_views = self.views(self.grads)

    def views(self, flat):
        """dict key -> view of `flat` with that parameter's shape."""
        return {k: flat[a:b].reshape(self.shapes[k]) for k, (a, b) in self.offsets.items()}


def _number(name, value, low=None, high=None, low_open=False, high_open=False, allow_none=False):
    """Validate a hyper-parameter and return it as a Python float."""
    if value is None and allow_none:
        return None
    received = value
    ok = not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))
    if ok:
        value = float(value)
        ok = math.isfinite(value)
        if ok and low is not None:
            ok = value > low if low_open else value >= low
        if ok and high is not None:
            ok = value < high if high_open else value <= high
    if not ok:
        lo = "" if low is None else ("(" if low_open else "[") + f"{low:g}"
        hi = "" if high is None else f"{high:g}" + (")" if high_open else "]")
        rng = (
            f" in {lo}, {hi}"
            if lo and hi
            else (f" > {low:g}" if low_open else f" >= {low:g}" if lo else "")
        )
        raise ValueError(f"{name} must be a number{rng}, received: {name}={received!r}")
    return value


# Keras base-optimizer settings we accept in configs only at their defaults.
_KERAS_DEFAULTS = {
    "weight_decay": None,
    "global_clipnorm": None,
    "use_ema": False,
    "ema_momentum": 0.99,
    "ema_overwrite_frequency": None,
    "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
    "centered": False,
    "amsgrad": False,
    "jit_compile": True,
}


class Optimizer:
    """Base class: learning rate, gradient clipping, iterations and per-key slots."""

    class_name = "Optimizer"
    default_name = "optimizer"

    def __init__(self, learning_rate, clipnorm=None, clipvalue=None, name=None):
        self.learning_rate = learning_rate
        self.clipnorm = _number("clipnorm", clipnorm, 0, low_open=True, allow_none=True)
        self.clipvalue = _number("clipvalue", clipvalue, 0, low_open=True, allow_none=True)
        if self.clipnorm is not None and self.clipvalue is not None:
            raise ValueError(
                f"Only one of clipnorm and clipvalue can be set, received: clipnorm={clipnorm}, clipvalue={clipvalue}"
            )
        self.name = name or self.default_name
        self.iterations = 0
        self._slots = {}  # key -> {slot name -> array}
        self._flat = None  # the FlatBuffers the slots were built for
        self._flat_slots = {}
        self._scratch = ()

    # ----- settings -----
    @property
    def learning_rate(self):
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self._learning_rate = _number("learning_rate", value, 0)  # Keras accepts 0 (nothing moves)

    def slot_names(self):
        """Names of the per-parameter state arrays this optimizer keeps."""
        return ()

    def slot_initial_value(self, slot):
        return 0.0

    def get_config(self):
        return {
            "name": self.name,
            "learning_rate": self.learning_rate,
            "clipnorm": self.clipnorm,
            "clipvalue": self.clipvalue,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key, default in _KERAS_DEFAULTS.items():
            if key in config:
                value = config.pop(key)
                if value != default and not (key == "jit_compile"):
                    raise ValueError(
                        f"{cls.class_name} here does not support {key}, received: {key}={value!r}"
                    )
        try:
            return cls(**config)
        except TypeError as exc:
            raise ValueError(f"Bad {cls.class_name} config: {exc}") from None

    def __repr__(self):
        return f"{self.class_name}({self.get_config()})"

    # ----- the update -----
    def update(self, p, g, slots, t1, t2, lr):
        """Update parameter array p in place from gradient g; t1, t2 are scratch arrays."""
        raise NotImplementedError

    def _clip_into(self, g, out):
        """Keras _clip_gradients for one gradient array; returns the array to use."""
        if self.clipnorm is not None:
            norm = np.sqrt(np.square(g).sum(dtype=g.dtype))
            np.multiply(g, g.dtype.type(self.clipnorm), out=out)
            out /= max(norm, g.dtype.type(self.clipnorm))
            return out
        if self.clipvalue is not None:
            return np.clip(g, -self.clipvalue, self.clipvalue, out=out)
        return g

    def _new_slots(self, key, shape, dtype):
        slots = self._slots.setdefault(key, {})
        for name in self.slot_names():
            value = slots.get(name)
            if value is None:
                slots[name] = np.full(shape, self.slot_initial_value(name), dtype)
            elif value.shape != tuple(shape):
                raise ValueError(
                    f"Optimizer state {key}/{name} has shape {value.shape}, the parameter has {tuple(shape)}"
                )
            elif value.dtype != dtype:
                slots[name] = value.astype(dtype)
        return slots

    def apply(self, params, grads):
        """One step on dicts key -> array (updated in place)."""
        lr = float(self.learning_rate)
        for key, p in params.items():
            g = np.asarray(grads[key], dtype=p.dtype)
            slots = self._new_slots(key, p.shape, p.dtype)
            if self.clipnorm is not None or self.clipvalue is not None:
                g = self._clip_into(g, np.empty_like(p))
            self.update(p, g, slots, np.empty_like(p), np.empty_like(p), lr)
        self.iterations += 1
        self._flush_states(slots for slots in self._slots.values())

    def build(self, flat):
        """Move the slots into flat arrays shaped like `flat` (keeping any values already set)."""
        if self._flat is flat:
            return
        for key in list(self._slots):
            if key not in flat.offsets:
                raise ValueError(
                    f"Optimizer state names the parameter {key!r}, which this model does not have."
                )
        self._flat_slots = {}
        for name in self.slot_names():
            buf = np.full(flat.size, self.slot_initial_value(name), flat.dtype)
            views = flat.views(buf)
            for key in flat.keys:
                old = self._slots.get(key, {}).get(name)
                if old is not None:
                    if old.shape != flat.shapes[key]:
                        raise ValueError(
                            f"Optimizer state {key}/{name} has shape {old.shape}, the parameter has {flat.shapes[key]}"
                        )
                    views[key][...] = old
                self._slots.setdefault(key, {})[name] = views[key]
            self._flat_slots[name] = buf
        self._scratch = tuple(np.empty(flat.size, flat.dtype) for _ in range(3))
        self._flat = flat

    def apply_flat(self, flat):
        """One step on every parameter of a model at once (see FlatBuffers)."""
        self.build(flat)
        t1, t2, t3 = self._scratch
        g = flat.grads
        if self.clipnorm is not None:
            grad_views, clip_views = flat.grad_views, flat.views(t3)
            for key in flat.keys:
                self._clip_into(grad_views[key], clip_views[key])
            g = t3
        elif self.clipvalue is not None:
            g = self._clip_into(g, t3)
        lr, params, slots = float(self.learning_rate), flat.params, self._flat_slots
        n = params.shape[0]
        if n <= UPDATE_CHUNK:
            self.update(params, g, slots, t1, t2, lr)
        else:
            # The update's ~9 element-wise passes run chunk by chunk, so each chunk's arrays stay
            # in the core's cache between passes instead of streaming 5 arrays of the whole
            # model through memory 9 times (MNIST's 407,050 float32 RMSprop update: 835 -> 482
            # us). Element-wise, so the numbers are exactly those of the one-pass update.
            for start in range(0, n, UPDATE_CHUNK):
                part = slice(start, min(n, start + UPDATE_CHUNK))
                size = part.stop - start
                self.update(
                    params[part],
                    g[part],
                    {k: v[part] for k, v in slots.items()},
                    t1[:size],
                    t2[:size],
                    lr,
                )
        self.iterations += 1
        self._flush_states([slots])

    # ----- subnormal states -----
    def decays(self) -> dict:
        """{slot name: the factor it is multiplied by each step}, for slots that decay."""
        return {}

    def flush_period(self) -> int:
        """Steps between flushes of near-subnormal state values (see _flush_tiny)."""
        factors = [d for d in self.decays().values() if 0 < d < 1]
        if not factors:
            return 0
        return max(1, int(FLUSH_BAND_BITS * math.log(2) / -math.log(min(factors))))

    def _flush_states(self, slot_dicts) -> None:
        period = self.flush_period()
        if not period or self.iterations % period:
            return
        names = self.decays()
        for slots in slot_dicts:
            for name, state in slots.items():
                if name in names:
                    _flush_tiny(state)

    # ----- state -----
    def get_state(self):
        """{"iterations": array(int64), "dense/kernel/velocity": array, ...} (copies)."""
        state = {"iterations": np.array(self.iterations, dtype=np.int64)}
        for key, slots in self._slots.items():
            for name in self.slot_names():
                if name in slots:
                    state[f"{key}/{name}"] = slots[name].copy()
        return state

    def set_state(self, state):
        """Restore what get_state returned, exactly."""
        state = dict(state)
        iterations = state.pop("iterations", 0)
        try:
            iterations = int(np.asarray(iterations))
        except (TypeError, ValueError):
            raise ValueError(
                f"Optimizer state 'iterations' must be an integer, received: {iterations!r}"
            ) from None
        if iterations < 0:
            raise ValueError(f"Optimizer state 'iterations' must be >= 0, received: {iterations}")
        for full_key, value in state.items():
            key, _, name = full_key.rpartition("/")
            if not key or name not in self.slot_names():
                raise ValueError(
                    f"{self.class_name} has no state called {full_key!r}; its slots are: {', '.join(self.slot_names()) or 'none'}"
                )
            value = np.asarray(value)
            if self._flat is not None and key not in self._flat.offsets:
                raise ValueError(
                    f"Optimizer state names the parameter {key!r}, which this model does not have."
                )
            current = self._slots.get(key, {}).get(name)
            if current is not None:
                if current.shape != value.shape:
                    raise ValueError(
                        f"Optimizer state {full_key} has shape {value.shape}, expected {current.shape}"
                    )
                current[...] = value
            else:
                self._slots.setdefault(key, {})[name] = np.array(value, copy=True)
        self.iterations = iterations


class SGD(Optimizer):
    """w -= lr * g ; with momentum: v = momentum * v - lr * g, w += v
    (nesterov: w += momentum * v - lr * g)"""

    class_name, default_name = "SGD", "SGD"

    def __init__(
        self,
        learning_rate=0.01,
        momentum=0.0,
        nesterov=False,
        clipnorm=None,
        clipvalue=None,
        name=None,
    ):
        super().__init__(learning_rate, clipnorm, clipvalue, name)
        self.momentum = _number("momentum", momentum, 0, 1)
        if not isinstance(nesterov, (bool, np.bool_)):
            raise ValueError(f"nesterov must be True or False, received: nesterov={nesterov!r}")
        self.nesterov = bool(nesterov)

    def slot_names(self):
        return ("momentum",) if self.momentum != 0 else ()

    def decays(self):
        return {"momentum": self.momentum} if self.momentum > 0 else {}

    def update(self, p, g, slots, t1, t2, lr):
        lr = p.dtype.type(lr)
        if self.momentum == 0:
            np.multiply(g, lr, out=t1)
            p -= t1
            return
        m = slots["momentum"]
        momentum = p.dtype.type(self.momentum)
        m *= momentum  # m = m * momentum - g * lr
        np.multiply(g, lr, out=t1)
        m -= t1
        if self.nesterov:  # w += m * momentum - g * lr
            np.multiply(m, momentum, out=t2)
            t2 -= t1
            p += t2
        else:  # w += m
            p += m

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


class RMSprop(Optimizer):
    """v = rho v + (1 - rho) g^2 ; inc = lr g / sqrt(v + eps) ;
    w -= inc  (with momentum: m = momentum m + inc, w -= m)"""

    class_name, default_name = "RMSprop", "rmsprop"

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        clipnorm=None,
        clipvalue=None,
        name=None,
    ):
        super().__init__(learning_rate, clipnorm, clipvalue, name)
        self.rho = _number("rho", rho, 0, 1)
        self.momentum = _number("momentum", momentum, 0, 1)
        self.epsilon = _number("epsilon", epsilon, 0)

    def slot_names(self):
        return ("velocity", "momentum") if self.momentum > 0 else ("velocity",)

    def decays(self):
        return {"velocity": self.rho, **({"momentum": self.momentum} if self.momentum > 0 else {})}

    def update(self, p, g, slots, t1, t2, lr):
        v = slots["velocity"]
        v *= self.rho  # rho * v
        np.square(g, out=t1)  # g^2 (the same as g * g, 2x as fast as multiply(g, g))
        t1 *= 1 - self.rho  # (1 - rho) * g^2
        v += t1
        np.add(v, self.epsilon, out=t1)
        np.sqrt(t1, out=t1)  # sqrt(v + eps)
        np.multiply(g, p.dtype.type(lr), out=t2)  # lr * g
        t2 /= t1  # increment
        if self.momentum > 0:
            m = slots["momentum"]
            m *= self.momentum
            m += t2
            p -= m
        else:
            p -= t2

    def get_config(self):
        return {
            **super().get_config(),
            "rho": self.rho,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
        }


class Adagrad(Optimizer):
    """acc += g^2 ; w -= lr g / sqrt(acc + eps), acc starting at initial_accumulator_value"""

    class_name, default_name = "Adagrad", "adagrad"

    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
        epsilon=1e-7,
        clipnorm=None,
        clipvalue=None,
        name=None,
    ):
        super().__init__(learning_rate, clipnorm, clipvalue, name)
        self.initial_accumulator_value = _number(
            "initial_accumulator_value", initial_accumulator_value, 0
        )
        self.epsilon = _number("epsilon", epsilon, 0)

    def slot_names(self):
        return ("accumulator",)

    def slot_initial_value(self, slot):
        return self.initial_accumulator_value

    def update(self, p, g, slots, t1, t2, lr):
        acc = slots["accumulator"]
        np.square(g, out=t1)  # g^2 (the same as g * g, 2x as fast as multiply(g, g))
        acc += t1  # acc += g^2
        np.add(acc, self.epsilon, out=t1)
        np.sqrt(t1, out=t1)  # sqrt(acc + eps)
        np.multiply(g, p.dtype.type(lr), out=t2)  # lr * g
        t2 /= t1
        p -= t2

    def get_config(self):
        return {
            **super().get_config(),
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }


class Adam(Optimizer):
    """m += (g - m)(1 - beta_1) ; v += (g^2 - v)(1 - beta_2) ;
    w -= alpha m / (sqrt(v) + eps), alpha = lr sqrt(1 - beta_2^t) / (1 - beta_1^t), t = step"""

    class_name, default_name = "Adam", "adam"

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        clipnorm=None,
        clipvalue=None,
        name=None,
    ):
        super().__init__(learning_rate, clipnorm, clipvalue, name)
        self.beta_1 = _number("beta_1", beta_1, 0, 1, high_open=True)
        self.beta_2 = _number("beta_2", beta_2, 0, 1, high_open=True)
        self.epsilon = _number("epsilon", epsilon, 0)

    def slot_names(self):
        return ("momentum", "velocity")

    def decays(self):
        return {"momentum": self.beta_1, "velocity": self.beta_2}

    def update(self, p, g, slots, t1, t2, lr):
        f = p.dtype.type  # Keras computes alpha in the variable's dtype
        step = f(self.iterations + 1)
        alpha = f(lr) * np.sqrt(f(1) - f(self.beta_2) ** step) / (f(1) - f(self.beta_1) ** step)
        m, v = slots["momentum"], slots["velocity"]
        np.subtract(g, m, out=t1)
        t1 *= 1 - self.beta_1
        m += t1  # m += (g - m)(1 - beta_1)
        np.square(g, out=t1)  # g^2 (the same as g * g, 2x as fast as multiply(g, g))
        t1 -= v
        t1 *= 1 - self.beta_2
        v += t1  # v += (g^2 - v)(1 - beta_2)
        np.sqrt(v, out=t1)
        t1 += self.epsilon  # sqrt(v) + eps
        np.multiply(m, alpha, out=t2)
        t2 /= t1
        p -= t2

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }


OPTIMIZERS = {"sgd": SGD, "rmsprop": RMSprop, "adagrad": Adagrad, "adam": Adam}


def default_config(name):
    """An optimizer's own settings with their Keras defaults, in order, read from its __init__:
    default_config("sgd") -> {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False}
    (clipping and name, shared by all, are left out)."""
    cls = OPTIMIZERS[str(name).lower()]
    params = inspect.signature(cls.__init__).parameters
    return {
        key: p.default
        for key, p in params.items()
        if key not in ("self", "clipnorm", "clipvalue", "name")
    }


def get(identifier):
    """Optimizer from a name (any case), a {"class_name", "config"} dict or an instance."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str) and identifier.lower() in OPTIMIZERS:
        return OPTIMIZERS[identifier.lower()]()
    if isinstance(identifier, dict) and "class_name" in identifier:
        return deserialize(identifier)
    raise ValueError(
        f"Unknown optimizer: received: optimizer={identifier!r}; choose one of: SGD, RMSprop, Adagrad, Adam"
    )


def serialize(optimizer):
    """{"class_name": "Adam", "config": {...}}"""
    return {"class_name": optimizer.class_name, "config": optimizer.get_config()}


def deserialize(config):
    """Optimizer from {"class_name", "config"} (class name in any case)."""
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(f"An optimizer config needs a class_name, received: {config!r}")
    cls = OPTIMIZERS.get(str(config["class_name"]).lower())
    if cls is None:
        raise ValueError(
            f"Unknown optimizer: received: class_name={config['class_name']!r}; "
            "choose one of: SGD, RMSprop, Adagrad, Adam"
        )
    return cls.from_config(config.get("config") or {})
