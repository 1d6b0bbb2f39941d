"""keras.optimizers"""

from ..engine.optimizers import SGD, Adagrad, Adam, Optimizer, RMSprop, deserialize, get, serialize

__all__ = ["SGD", "Adagrad", "Adam", "Optimizer", "RMSprop", "deserialize", "get", "serialize"]
