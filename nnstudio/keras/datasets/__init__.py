"""keras.datasets: mnist and fashion_mnist, read from files on this machine (never the network).

load_data() returns ((x_train, y_train), (x_test, y_test)) as Keras does: uint8 images
(n, 28, 28) with pixels 0-255 and uint8 labels. The files are looked for in nnstudio's
download cache (File > Data sets in the studio fills it), then in the system folders
(Debian/Ubuntu: apt-get install dataset-fashion-mnist); MNIST falls back to the 5,000-digit
sample bundled with nnstudio, and says so.
"""

from . import fashion_mnist, mnist

__all__ = ["fashion_mnist", "mnist"]
