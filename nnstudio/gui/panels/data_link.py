"""The project's link to the user's data file, seen from the window.

- **Open**: a project whose data file is gone offers *Locate…* (pick the file again); a
  project whose data file lies outside the project's own folder asks before reading it,
  showing the path (a shared project must not read ``/etc/passwd`` or a classmate's file
  without the user saying so). Data kept inside the project needs neither.
- **Save**: the user's CSV / NPZ data is kept inside the project (``data.npz``, see
  ``nnstudio.project.embed``) up to 32 MB, so a project sent to a teacher arrives with its
  data; above that the user chooses between saving with a link to the file or not saving.
- The data panel asks :func:`embedded_for` first, so the data kept in a project shows and
  trains even when its file has moved.

The main window calls :func:`check_on_open` and :func:`prepare_save` (one line each); the
data panel's ``load_spec`` calls :func:`embedded_for`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nnstudio.project import Project
from nnstudio.project import embed as embedding

SB = QMessageBox.StandardButton
EMBEDDABLE = ("csv", "npz", None)  # an IDX folder is MNIST-sized: always a link
_embedded: dict[tuple, object] = {}  # (path, format) -> the Dataset kept in the open project


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataLink", text)


def _key(spec) -> tuple:
    return (str(spec.path), spec.format)


def embedded_for(spec):
    """The Dataset the open project keeps for ``spec`` (None: read the file)."""
    if getattr(spec, "name", None) != "file":
        return None
    return _embedded.get(_key(spec))


def remember(project: Project) -> None:
    """Make the data kept inside ``project`` what the data panel shows for its file."""
    _embedded.clear()
    if project.dataset.name == "file" and project.embedded_data:
        _embedded[_key(project.dataset)] = embedding.embedded_dataset(project)


def _data_filter() -> str:
    return _tr("Data files (*.csv *.tsv *.txt *.npz)") + ";;" + _tr("All files (*)")


def locate(parent: QWidget | None, project: Project, start: str) -> bool:
    """Ask for the data file again; True if the user chose one (the project now links to it)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Locate the data file"), start, _data_filter()
    )
    if not path:
        return False
    project.dataset.path = str(Path(path).resolve())
    return True


def check_on_open(parent: QWidget | None, project: Project, project_path: str | None) -> None:
    """Before a freshly opened project reads its data file: Locate… if it is gone, ask if it
    lies outside the project's folder. Changes ``project.dataset.path`` only as the user says."""
    spec = project.dataset
    if spec.name != "file" or not spec.path or project.embedded_data:
        remember(project)
        return
    folder = os.path.dirname(os.path.abspath(project_path)) if project_path else None
    if not os.path.exists(spec.path):
        answer = QMessageBox.question(
            parent,
            _tr("Data file not found"),
            _tr(
                "This project trains on the file\n{path}\nwhich is not there any more (it may have "
                "been moved or renamed). Locate… it now?"
            ).format(path=spec.path),
            SB.Yes | SB.No,
            SB.Yes,
        )
        if answer == SB.Yes:
            locate(parent, project, folder or str(Path.home()))
        remember(project)
        return
    outside = embedding.outside_path(project, folder)
    if outside is not None:
        answer = QMessageBox.question(
            parent,
            _tr("Read a file outside the project?"),
            _tr(
                "This project reads its data from\n{path}\nwhich is outside the project's own "
                "folder. Read this file only if you trust the project. Read it?\n\n"
                "No: choose another file (Locate…), or none."
            ).format(path=outside),
            SB.Yes | SB.No,
            SB.No,
        )
        if answer != SB.Yes and not locate(parent, project, folder or str(Path.home())):
            spec.path = None  # nothing is read; the Data panel asks for a file
    remember(project)


def prepare_save(parent: QWidget | None, project: Project) -> bool:
    """Keep the user's data inside the project before it is saved; False: do not save."""
    spec = project.dataset
    if spec.name != "file" or not spec.path or spec.format not in EMBEDDABLE:
        if spec.name != "file":
            embedding.unembed(project)
        return True
    if project.embedded_data and _embedded.get(_key(spec)) is not None:
        return True  # already inside, and still the same file
    from nnstudio.data import DataError
    from nnstudio.data.fileio import is_regular
    from nnstudio.project import ProjectError, build_dataset

    if not is_regular(spec.path):
        return True  # nothing to keep; the link stays as it is
    embedding.unembed(project)
    try:
        too_big = os.path.getsize(spec.path) > 4 * embedding.MAX_EMBED_BYTES  # text ~ 2-3x
        dataset = None if too_big else build_dataset(project)
    except (DataError, ProjectError, OSError, MemoryError):
        return True  # unreadable now: the link stays, as before
    if dataset is not None and embedding.embed(project, dataset):
        remember(project)
        return True
    size = (
        embedding.data_size(dataset) if dataset is not None else os.path.getsize(spec.path)
    ) / 2**20
    answer = QMessageBox.question(
        parent,
        _tr("Data too large to keep in the project"),
        _tr(
            "Your data ({size:.0f} MB) is larger than the {limit} MB a project can hold, so the "
            "project will only link to\n{path}\nSend that file along with the project. "
            "Save with a link?"
        ).format(size=size, limit=embedding.MAX_EMBED_BYTES // 2**20, path=spec.path),
        SB.Yes | SB.No,
        SB.Yes,
    )
    return answer == SB.Yes
