"""keras.layers: the layer types the engine has (Dense, Activation, Dropout) and Input."""

from ..engine.layers import Activation, Dense, Dropout, Input, Layer

InputLayer = Input

__all__ = ["Activation", "Dense", "Dropout", "Input", "InputLayer", "Layer"]
