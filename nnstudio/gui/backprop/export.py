"""Export fit() as a NumPy script: the current network's training loop written out by hand."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("backprop", text)


def script_for(project, dataset) -> str:
    """The script's text for a project and its data set (raises ValueError/ProjectError/DataError)."""
    from nnstudio.engine.fit_script import fit_script
    from nnstudio.gui.training.controller import build_model
    from nnstudio.project import build

    model = build_model(project)
    x, y, _, _ = build.prepare_data(project, dataset)
    split = float(project.training.validation_split or 0.0)
    n = math.floor(len(x) * (1.0 - split)) if split else len(x)  # fit trains on the first part only
    return fit_script(
        model,
        x[:n],
        y[:n],
        batch_size=int(project.training.batch_size),
        epochs=int(project.training.epochs),
        initial_epoch=int(project.epochs_trained or 0),
        title=project.title or "",
    )


def export_dialog(window, path=None) -> bool:
    """Ask for a file name (unless given), write the script; errors in a sentence. True when written."""
    from nnstudio.gui import dialogs
    from nnstudio.project.fileformat import write_atomic

    project = window.document.project
    try:
        text = script_for(project, window.controller.dataset())
    except Exception as exc:  # noqa: BLE001 (ValueError, ProjectError, DataError: a sentence)
        dialogs.show_error(
            window,
            _tr("Export fit()"),
            _tr("The training loop cannot be written out: {error}").format(error=str(exc)),
        )
        return False
    if path is None:
        stem = (
            re.sub(r"[^A-Za-z0-9_-]+", "_", (project.title or "network").strip()).strip("_").lower()
            or "network"
        )
        path, _ = QFileDialog.getSaveFileName(
            window,
            _tr("Export fit() as NumPy Script"),
            f"fit_{stem}.py",
            _tr("Python script (*.py)"),
        )
        if not path:
            return False
    try:
        write_atomic(path, text.encode("utf-8"))
    except Exception as exc:  # noqa: BLE001
        dialogs.show_error(window, _tr("Export fit()"), str(exc))
        return False
    window.statusBar().showMessage(_tr("Wrote {path}").format(path=path), 5000)
    return True
