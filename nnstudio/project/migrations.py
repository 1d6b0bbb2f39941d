"""Older project files are brought up to date one format version at a time.

Each step is registered for the version it reads and returns the ``project.json`` content
of the next version. ``migrate(content, version)`` chains the steps up to
:data:`FORMAT_VERSION`; a file newer than that is refused (``fileformat`` does it).

When the format changes: bump :data:`FORMAT_VERSION`, register a step from the old version,
and add a fixture file of the old version to tests/project/fixtures/.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .errors import ProjectError

FORMAT = "nnstudio-project"
FORMAT_VERSION = 1

Step = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Step] = {}


def migration(from_version: int) -> Callable[[Step], Step]:
    """Register ``step`` as the conversion from ``from_version`` to ``from_version + 1``."""

    def register(step: Step) -> Step:
        if from_version in MIGRATIONS:
            raise RuntimeError(f"two migrations from format {from_version}")
        MIGRATIONS[from_version] = step
        return step

    return register


def migrate(content: dict[str, Any], version: int, target: int | None = None) -> dict[str, Any]:
    """``content`` of format ``version`` converted step by step to format ``target``."""
    target = FORMAT_VERSION if target is None else target
    content = copy.deepcopy(content)
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectError(
                f"The project uses file format {version}, which this nnstudio can no longer convert; "
                "open and save it with an older nnstudio first."
            )
        content = step(content)
        if not isinstance(content, dict):  # a step must hand on a project table
            raise RuntimeError(f"migration from format {version} returned {type(content).__name__}")
        version += 1
    return content


OPTIMIZER_CLASS = {"sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad", "adam": "Adam"}


@migration(0)
def _v0_to_v1(content: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (the pre-release drafts) kept the optimizer as a bare name, e.g. "adam", with
    its default settings, and the layer list and input shape at the top level."""
    training = content.get("training")
    if isinstance(training, dict) and isinstance(training.get("optimizer"), str):
        name = training["optimizer"]
        training["optimizer"] = {
            "class_name": OPTIMIZER_CLASS.get(name.lower(), name),
            "config": {},
        }
    if "network" not in content and ("layers" in content or "input_shape" in content):
        content["network"] = {
            "input_shape": content.pop("input_shape", None),
            "layers": content.pop("layers", []),
        }
    return content
