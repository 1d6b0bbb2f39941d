"""nnstudio.keras: the engine under Keras's names, so textbook Keras code runs offline.

    import nnstudio.keras as keras              # instead of: import keras
    from nnstudio.keras import layers, models   # instead of: from tensorflow.keras import ...
    import nnstudio as tf                       # then tf.keras.models.Sequential([...])

Everything here is the NumPy engine (nnstudio.engine) with Keras 3's names, defaults and
conventions (shapes with the batch as None, summary() text, built at once when the input
shape is known). What is and is not supported, and why: SUPPORTED.md beside this file.
"""

from ..engine.layers import Input
from . import (
    activations,
    backend,
    callbacks,
    datasets,
    initializers,
    layers,
    losses,
    metrics,
    models,
    optimizers,
    regularizers,
    utils,
)
from .models import Sequential

__all__ = [
    "Input",
    "Sequential",
    "activations",
    "backend",
    "callbacks",
    "datasets",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "models",
    "optimizers",
    "regularizers",
    "utils",
]
