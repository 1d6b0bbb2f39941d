"""Weight initializers with Keras 3's names, ranges and scales.

`get(identifier)` accepts a name ("glorot_uniform"), a Keras class name ("GlorotUniform"),
a {"class_name", "config"} dict, or an Initializer. Calling `init(shape, dtype, rng)` returns
a new array. Variance-scaling normals are truncated at two standard deviations, with the
stddev divided by 0.87962566103423978 (the stddev of a unit normal truncated to [-2, 2]).
"""

import math

import numpy as np

from . import backend

TRUNCATION_CORRECTION = 0.87962566103423978


def compute_fans(shape):
    """(fan_in, fan_out) of a kernel (in, out); a vector (n,) has fan_in = fan_out = n."""
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    return shape[-2], shape[-1]


def _truncated_normal(rng, shape, mean, stddev):
    """Normal samples, redrawing any that fall more than 2 stddev from the mean."""
    out = rng.standard_normal(shape)
    bad = np.abs(out) > 2
    while bad.any():
        out[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(out) > 2
    return mean + stddev * out


class Initializer:
    """Base class; subclasses implement `sample(shape, rng) -> float64 array`."""

    class_name = "Initializer"
    name = None  # the short string name, when it has no settings to store

    def __init__(self, seed=None):
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
            raise ValueError(f"seed must be an integer or None, received: seed={seed!r}")
        self.seed = None if seed is None else int(seed)

    def __call__(self, shape, dtype=None, rng=None):
        if rng is None:
            rng = (
                np.random.default_rng(self.seed) if self.seed is not None else backend.global_rng()
            )
        return np.asarray(self.sample(tuple(shape), rng), dtype=backend.as_dtype(dtype))

    def sample(self, shape, rng):
        raise NotImplementedError

    def get_config(self):
        return {"seed": self.seed}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"{self.class_name}({self.get_config()})"


class Zeros(Initializer):
    """w = 0"""

    class_name, name = "Zeros", "zeros"

    def __init__(self):
        super().__init__(None)

    def sample(self, shape, rng):
        return np.zeros(shape)

    def get_config(self):
        return {}


class Ones(Zeros):
    """w = 1"""

    class_name, name = "Ones", "ones"

    def sample(self, shape, rng):
        return np.ones(shape)


class RandomUniform(Initializer):
    """w ~ U(minval, maxval), Keras default ±0.05"""

    class_name, name = "RandomUniform", "random_uniform"

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = float(minval), float(maxval)
        if not self.minval < self.maxval:
            raise ValueError(
                f"minval must be below maxval, received: minval={minval}, maxval={maxval}"
            )

    def sample(self, shape, rng):
        return rng.uniform(self.minval, self.maxval, shape)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, "seed": self.seed}


class RandomNormal(Initializer):
    """w ~ N(mean, stddev^2), Keras default stddev 0.05 (not truncated)"""

    class_name, name = "RandomNormal", "random_normal"

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = float(mean), float(stddev)
        if not self.stddev > 0:
            raise ValueError(f"stddev must be positive, received: stddev={stddev}")

    def sample(self, shape, rng):
        return rng.normal(self.mean, self.stddev, shape)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, "seed": self.seed}


class VarianceScaling(Initializer):
    """scale/n with n = fan_in, fan_out or their mean; uniform: ±sqrt(3 scale/n); normal: truncated"""

    class_name, name = "VarianceScaling", None
    scale, mode, distribution = 1.0, "fan_avg", "uniform"

    def sample(self, shape, rng):
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        variance = self.scale / max(1.0, n)
        if self.distribution == "uniform":
            limit = math.sqrt(3.0 * variance)
            return rng.uniform(-limit, limit, shape)
        stddev = math.sqrt(variance) / TRUNCATION_CORRECTION
        return _truncated_normal(rng, shape, 0.0, stddev)


class GlorotUniform(VarianceScaling):
    """w ~ U(±sqrt(6 / (fan_in + fan_out)))"""

    class_name, name = "GlorotUniform", "glorot_uniform"


class GlorotNormal(VarianceScaling):
    """w ~ truncated N(0, 2 / (fan_in + fan_out))"""

    class_name, name, distribution = "GlorotNormal", "glorot_normal", "truncated_normal"


class HeUniform(VarianceScaling):
    """w ~ U(±sqrt(6 / fan_in))"""

    class_name, name, scale, mode = "HeUniform", "he_uniform", 2.0, "fan_in"


class HeNormal(VarianceScaling):
    """w ~ truncated N(0, 2 / fan_in)"""

    class_name, name, scale, mode = "HeNormal", "he_normal", 2.0, "fan_in"
    distribution = "truncated_normal"


INITIALIZERS = {
    cls.name: cls
    for cls in (
        GlorotUniform,
        GlorotNormal,
        HeUniform,
        HeNormal,
        RandomUniform,
        RandomNormal,
        Zeros,
        Ones,
    )
}
_BY_CLASS_NAME = {cls.class_name.lower(): cls for cls in INITIALIZERS.values()}


def get(identifier):
    """Initializer from a name, Keras class name, {"class_name", "config"} dict or instance."""
    if isinstance(identifier, Initializer):
        return identifier
    if isinstance(identifier, str):
        key = identifier.lower()
        cls = INITIALIZERS.get(key) or _BY_CLASS_NAME.get(key)
        if cls is not None:
            return cls()
    elif isinstance(identifier, dict) and set(identifier) <= {
        "class_name",
        "config",
        "module",
        "registered_name",
    }:
        name = str(identifier.get("class_name", "")).lower()
        cls = _BY_CLASS_NAME.get(name) or INITIALIZERS.get(name)
        if cls is not None:
            try:
                return cls.from_config(dict(identifier.get("config") or {}))
            except TypeError as exc:
                raise ValueError(f"Bad initializer config {identifier!r}: {exc}") from None
    names = ", ".join(INITIALIZERS)
    raise ValueError(f"Unknown initializer: received: {identifier!r}; choose one of: {names}")


def serialize(initializer):
    """The short name when the settings are the defaults, else {"class_name", "config"}."""
    init = get(initializer)
    default = type(init)() if init.name else None
    if default is not None and default.get_config() == init.get_config():
        return init.name
    return {"class_name": init.class_name, "config": init.get_config()}
