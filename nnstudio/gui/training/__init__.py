"""Live training: the controller (GUI thread), the worker (its QThread) and the controls."""

from .controller import TrainingController

__all__ = ["TrainingController"]
