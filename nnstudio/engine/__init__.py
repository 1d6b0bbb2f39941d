"""nnstudio.engine: a NumPy backpropagation engine that speaks Keras 3.

Public API (all importable from here): `Sequential` (add, pop, build, compile, fit, fit_iter,
train_on_batch, evaluate, predict, summary, summary_rows, count_params, get/set_weights,
weight_dict/set_weight_dict, layer_outputs, get_config/from_config, seed, stop_training,
last_batch_logs); layers `Input`, `Dense`, `Activation`, `Dropout`, `Flatten`; optimizers
`SGD`, `RMSprop`, `Adagrad`, `Adam` (get_state/set_state for exact resumes); callbacks `Callback`,
`History`, `ProgbarLogger`, `EarlyStopping`, `TerminateOnNaN`; `gradcheck(model, x, y)`;
global `set_floatx` / `floatx` (float32 default, float64 throughout when chosen) and
`set_random_seed`. Registries, one per kind, look names up: `activations`, `losses`,
`initializers`, `regularizers`, `optimizers`, `metrics` (`get(name)`), and
`layers.LAYER_CLASSES` is the allow-list for loading saved models. Names, defaults and update
rules follow Keras 3; each layer is a small class with forward/backward as in the textbook
Deep Learning from Scratch.
"""

from . import activations, initializers, layers, losses, metrics, optimizers, regularizers
from .backend import epsilon, floatx, set_floatx, set_random_seed
from .callbacks import Callback, EarlyStopping, History, ProgbarLogger, TerminateOnNaN
from .gradcheck import gradcheck
from .layers import Activation, Dense, Dropout, Flatten, Input
from .model import Sequential
from .optimizers import SGD, Adagrad, Adam, RMSprop

__all__ = [
    "Sequential",
    "Input",
    "Dense",
    "Activation",
    "Dropout",
    "Flatten",
    "SGD",
    "RMSprop",
    "Adagrad",
    "Adam",
    "Callback",
    "History",
    "ProgbarLogger",
    "EarlyStopping",
    "TerminateOnNaN",
    "gradcheck",
    "set_floatx",
    "floatx",
    "set_random_seed",
    "epsilon",
    "activations",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "optimizers",
    "regularizers",
]
