"""keras.datasets.mnist"""

from ._files import load


def load_data():
    """((x_train, y_train), (x_test, y_test)): uint8 images (n, 28, 28) and labels; the full
    60,000/10,000 when on this machine, else the bundled 5,000-digit sample (with a message)."""
    return load("mnist", sample=True)
