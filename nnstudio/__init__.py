"""nnstudio: a desktop studio for learning how neural networks train."""

__version__ = "0.1.0"
