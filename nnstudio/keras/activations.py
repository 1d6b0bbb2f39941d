"""keras.activations: each activation callable as a function, keras.activations.relu(x)."""

import numpy as np

from ..engine import activations as _activations
from ..engine.activations import get


def _function(name):
    act = _activations.get(name)

    def fn(x):
        x = np.asarray(x)
        if x.dtype.kind != "f":
            x = x.astype(np.float32)
        return act.forward(x)

    fn.__name__ = name
    fn.__doc__ = act.__doc__
    return fn


_NAMES = [*_activations.ACTIVATIONS, *_activations.MORE_ACTIVATIONS]
for _name in _NAMES:
    globals()[_name] = _function(_name)


def serialize(activation):
    return _activations.serialize(activation)


__all__ = ["get", "serialize", *_NAMES]  # noqa: PLE0604
