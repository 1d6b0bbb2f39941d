"""keras.utils: to_categorical and set_random_seed."""

import numpy as np

from ..data.preprocessing import to_categorical as _to_categorical
from ..engine.backend import set_random_seed as _engine_seed


def to_categorical(x, num_classes=None):
    """Class labels (n,) -> one-hot rows (n, num_classes), float32 as in Keras 3."""
    return _to_categorical(x, num_classes)


def set_random_seed(seed):
    """Seed the engine's initial weights and shuffles, and NumPy's global generator (as Keras does)."""
    _engine_seed(seed)
    np.random.seed(seed)


__all__ = ["set_random_seed", "to_categorical"]
