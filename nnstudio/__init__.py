"""nnstudio: a desktop studio for learning how neural networks train."""

__version__ = "0.1.0"


def __getattr__(name):
    """`import nnstudio as tf` then `tf.keras.models.Sequential(...)`: nnstudio.keras on first use."""
    if name == "keras":
        import importlib

        return importlib.import_module(".keras", __name__)
    raise AttributeError(f"module 'nnstudio' has no attribute {name!r}")
