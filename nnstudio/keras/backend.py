"""keras.backend: the float type, epsilon and the seed."""

from ..engine.backend import epsilon, floatx, set_floatx, set_random_seed


def backend():
    """The name of the computing backend: here always NumPy."""
    return "numpy"


def clear_session():
    """Nothing to clear: layer names are per model here, not global counters as in Keras."""


__all__ = ["backend", "clear_session", "epsilon", "floatx", "set_floatx", "set_random_seed"]
