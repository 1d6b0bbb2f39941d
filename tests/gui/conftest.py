"""Shared fixtures of the GUI tests: a small XOR project document, an undo stack, screenshots.

Keep this small and generic; every GUI engineer may add fixtures here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def xor_project() -> Project:
    """Input (2,) -> Dense 4 tanh -> Dense 1 sigmoid, binary cross-entropy."""
    project = Project(
        title="XOR", input_shape=(2,), dataset=DatasetSpec(name="xor", params={"n_samples": 200})
    )
    project.add_layer(
        "Dense",
        units=4,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
    )
    project.add_layer(
        "Dense",
        units=1,
        activation="sigmoid",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
    )
    return project


@pytest.fixture
def doc() -> Document:
    return Document(xor_project())


@pytest.fixture
def undo_stack(qtbot):
    from PySide6.QtGui import QUndoStack

    return QUndoStack()


@pytest.fixture
def screenshot():
    """screenshot(widget, "name") -> Path of screenshots/name.png (git-ignored)."""

    def grab(widget, name: str) -> Path:
        from PySide6.QtWidgets import QApplication

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return grab
