"""Global settings shared by the whole engine: float type, epsilon and random seed."""

import numpy as np

EPSILON = 1e-7  # Keras 3 backend.epsilon(): clips probabilities inside the cross-entropies

_FLOATX = "float32"
_SEED = None
_RNG = np.random.default_rng()


def floatx():
    """Name of the float type new layers and models compute in ("float32" or "float64")."""
    return _FLOATX


def set_floatx(value):
    """Choose "float32" (default, fast) or "float64" (exact, used by gradcheck) for models built afterwards."""
    global _FLOATX
    if value not in ("float32", "float64"):
        raise ValueError(f'floatx must be "float32" or "float64", received: value={value!r}')
    _FLOATX = value


def epsilon():
    """The fuzz factor (1e-7) used to keep logarithms finite, as keras.backend.epsilon()."""
    return EPSILON


def set_random_seed(seed):
    """Seed weight initialisation of layers built afterwards; also the default `Sequential.seed`."""
    global _SEED, _RNG
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, received: seed={seed!r}")
    _SEED = int(seed)
    _RNG = np.random.default_rng(_SEED)


def global_seed():
    """The seed given to set_random_seed, or None if it was never called."""
    return _SEED


def global_rng():
    """The generator that initializers without their own seed draw from."""
    return _RNG


def as_dtype(name=None):
    """np.dtype for a floatx name (default: the current floatx)."""
    return np.dtype(name or _FLOATX)
