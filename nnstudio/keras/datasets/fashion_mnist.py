"""keras.datasets.fashion_mnist"""

from ._files import load


def load_data():
    """((x_train, y_train), (x_test, y_test)): uint8 images (n, 28, 28) and labels 0-9."""
    return load("fashion-mnist")
