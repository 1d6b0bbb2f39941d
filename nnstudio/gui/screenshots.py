"""Screenshots of studio widgets (docs, bug reports, the GUI tests' screenshots/ folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def grab(widget: QWidget, path: str | os.PathLike) -> Path:
    """Render ``widget`` (and its children) to an image file; the format follows the suffix.

    Pending layout and paint events are processed first so the picture matches what a person
    would see. Raises OSError when the file cannot be written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(path)):
        raise OSError(
            f"Could not write the screenshot to {path}; check the folder exists and is writable."
        )
    return path
