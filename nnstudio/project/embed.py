"""The user's own data inside the project, and links to files outside it.

A project that trains on the user's CSV or NPZ file keeps that data *inside* the ``.nnproj``
(``data.npz``: the arrays as read, train and test split), up to :data:`MAX_EMBED_BYTES`, so a
project emailed to a teacher arrives with its data and still trains when the file moved.
Bigger data stays a link to the file (the studio says so when saving).

A link can point anywhere (``/etc/passwd``, another student's home folder): before the
data of a project is read from a file outside the project's own folder, the user is asked
(the studio) or must say so (``nnstudio train --allow-outside-data``); :func:`outside_path`
tells whether that is the case.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from .errors import ProjectError
from .schema import Project

MAX_EMBED_BYTES = 32 * 2**20
ARRAYS = ("x_train", "y_train", "x_test", "y_test")


def outside_path(project: Project, folder) -> str | None:
    """The data file the project links to when it lies outside ``folder`` (else None)."""
    spec = project.dataset
    if spec.name != "file" or not spec.path or project.embedded_data:
        return None
    if folder is None:
        return None
    path = os.path.realpath(spec.path)
    base = os.path.realpath(os.fspath(folder))
    try:
        inside = os.path.commonpath([path, base]) == base
    except ValueError:  # another drive
        inside = False
    return None if inside else path


def data_size(dataset) -> int:
    return int(sum(getattr(dataset, k).nbytes for k in ARRAYS))


def embed(project: Project, dataset, limit: int | None = None) -> bool:
    """Keep ``dataset`` (read from the project's file) inside the project; False if too big."""
    if data_size(dataset) > (MAX_EMBED_BYTES if limit is None else limit):
        return False
    project.embedded_data = {k: np.ascontiguousarray(getattr(dataset, k)) for k in ARRAYS}
    project.embedded_info = {
        "task": dataset.task,
        "num_classes": dataset.num_classes,
        "class_names": list(dataset.class_names) if dataset.class_names else None,
        "feature_names": list(dataset.feature_names) if dataset.feature_names else None,
        "image_shape": list(dataset.image_shape) if dataset.image_shape else None,
        "name": dataset.name,
        "source": os.path.basename(project.dataset.path or "") or dataset.name,
    }
    return True


def unembed(project: Project) -> None:
    project.embedded_data = None
    project.embedded_info = None


def embedded_dataset(project: Project):
    """The ``Dataset`` kept inside the project."""
    from nnstudio.data import Dataset

    info: dict[str, Any] = dict(project.embedded_info or {})
    arrays = project.embedded_data
    return Dataset(
        *(arrays[k] for k in ARRAYS),
        task=info.get("task"),
        num_classes=info.get("num_classes"),
        class_names=info.get("class_names"),
        feature_names=info.get("feature_names"),
        image_shape=tuple(info["image_shape"]) if info.get("image_shape") else None,
        name=info.get("name") or "data",
        description=f"Your data from {info.get('source') or 'a file'}, kept inside the project.",
    )


def check_info(info, name: str) -> dict:
    """The embedded data's description from project.json: shapes bound what data.npz may hold."""

    def bad(what: str) -> ProjectError:
        return ProjectError(f"Could not open {name}: the file is damaged: {what}.")

    if not isinstance(info, dict):
        raise bad("the description of the data inside it is not a table")
    shapes = info.get("shapes")
    if not isinstance(shapes, dict) or set(shapes) != set(ARRAYS):
        raise bad("the data inside it does not list the shapes of its arrays")
    total = 0
    for key, shape in shapes.items():
        if not (
            isinstance(shape, list)
            and 1 <= len(shape) <= 4
            and all(
                isinstance(d, int) and not isinstance(d, bool) and 0 <= d < 2**31 for d in shape
            )
        ):
            raise bad(f"the data array {key} has no valid shape")
        count = 1
        for d in shape:
            count *= d
        total += count * 8
    if total > 2 * MAX_EMBED_BYTES:
        raise bad("the data inside it is larger than a project may hold")
    if info.get("task") not in ("classification", "regression"):
        raise bad("the data inside it names no task")
    return info
