"""``project.json``: the mapping between a ``Project`` and the JSON table a ``.nnproj`` holds.

Writing (:func:`project_to_dict`, :func:`dump_json`) stores settings as plain JSON, data file
paths inside the project's folder relative to it. Reading (:func:`load_json`,
:func:`project_from_dict`) trusts nothing: every table, text and number is type-checked with
the place of anything wrong in the message, layer types are looked up in the engine's
allow-list, settings must be plain numbers, names and true/false. The archive around it (the
manifest, the ``.npz`` entries, caps on what entries unpack to) is ``fileformat`` / ``archive``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from . import runs
from .archive import fail
from .errors import ProjectError
from .schema import LAYER_TYPES, DatasetSpec, LayerSpec, Project, TrainingSpec
from .validate import ID_PATTERN, MAX_LAYERS, check_input_shape, is_int, is_number

MAX_TEXT = 100_000  # characters of a title or description

_fail = fail


# -- Project -> project.json --------------------------------------------------------------------
def project_to_dict(project: Project, folder: str | os.PathLike | None = None) -> dict[str, Any]:
    """The project.json table of ``project`` (weights, history arrays and data go beside it)."""
    ds = project.dataset
    return {
        "title": project.title,
        "description": dict(project.description or {}),
        "network": {
            "input_shape": list(project.input_shape) if project.input_shape is not None else None,
            "layers": [
                {
                    "id": spec.id,
                    "type": spec.type,
                    "config": {k: v for k, v in spec.config.items() if k != "name"},
                    "position": list(spec.position) if spec.position is not None else None,
                }
                for spec in project.layers
            ],
        },
        "dataset": {
            "name": ds.name,
            "params": dict(ds.params or {}),
            "path": relative_path(ds.path, folder) if ds.path else None,
            "format": ds.format,
            "options": dict(ds.options or {}),
        },
        "training": {
            "loss": project.training.loss,
            "optimizer": _optimizer_table(project.training.optimizer),
            "batch_size": project.training.batch_size,
            "epochs": project.training.epochs,
            "metrics": list(project.training.metrics),
            "validation_split": project.training.validation_split,
            "seed": project.training.seed,
            **runs.to_file(project.training),  # only settings that differ from the defaults
        },
        "history": {k: [float(v) for v in values] for k, values in (project.history or {}).items()},
        "epochs_trained": int(project.epochs_trained or 0),
        **({"lesson": project.lesson} if project.lesson else {}),
    }


def _optimizer_table(optimizer) -> dict:
    """The serialize() form; a bare name ("adam") is written as that optimizer with its defaults."""
    if isinstance(optimizer, str):
        from .migrations import OPTIMIZER_CLASS

        return {"class_name": OPTIMIZER_CLASS.get(optimizer.lower(), optimizer), "config": {}}
    return {"class_name": optimizer["class_name"], "config": dict(optimizer.get("config") or {})}


def relative_path(path: str, folder) -> str:
    """A data file inside the project's folder is stored relative, so the two can move together."""
    if folder is None or not os.path.isabs(path):
        return str(path).replace(os.sep, "/")
    try:
        rel = os.path.relpath(path, os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        return str(path)
    if rel.startswith(".."):
        return str(path)
    return rel.replace(os.sep, "/")


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray) and value.size <= 1_000:
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    raise ProjectError(
        f"The project holds a value nnstudio cannot save ({type(value).__name__}: {str(value)[:40]})."
    )


def dump_json(content) -> bytes:
    return json.dumps(content, ensure_ascii=False, indent=1, default=_json_default).encode("utf-8")


# -- project.json -> Project --------------------------------------------------------------------


def lower_first(text: str) -> str:
    """A message from below, continued after "Could not open x: " (acronyms kept)."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def load_json(data: bytes, entry: str, name: str):
    """The JSON in entry ``entry`` of file ``name``; ProjectError if it is not UTF-8 JSON."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(name, f"the file is damaged: {entry} is not UTF-8 text") from exc
    try:
        return json.loads(text)
    except (
        RecursionError
    ) as exc:  # the parser guards its own recursion; the tables are read with limits
        raise _fail(name, f"the file is damaged: {entry} is nested too deeply") from exc
    except ValueError as exc:
        raise _fail(name, f"the file is damaged: {entry} is not valid JSON") from exc


class _Reader:
    """Type-checked access to the JSON tables, naming the place of anything wrong."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, expected: str, value) -> ProjectError:
        return _fail(
            self.name,
            f"the file is damaged: {where} should be {expected}, but it is {_describe(value)}",
        )

    def table(self, parent: dict, key: str, where: str, required: bool = True) -> dict:
        value = parent.get(key, None if required else {})
        if not isinstance(value, dict):
            raise self.fail(where, "a table", value)
        if not all(isinstance(k, str) for k in value):
            raise self.fail(where, "a table with text names", value)
        return value

    def text(self, parent: dict, key: str, where: str, default=None, optional=False) -> str | None:
        value = parent.get(key, default)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise self.fail(where, "text", value)
        return value


def _describe(value) -> str:
    if value is None:
        return "missing"
    kind = {
        dict: "a table",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }
    text = json.dumps(value, default=str) if not isinstance(value, (dict, list)) else ""
    return f"{kind.get(type(value), type(value).__name__)} {text[:40]}".strip()


def _plain(value, depth: int = 0) -> bool:
    """JSON scalars, or short lists / small tables of them (layer and data set settings)."""
    if value is None or isinstance(value, (bool, str)):
        return not isinstance(value, str) or len(value) <= 1_000
    if isinstance(value, (int, float)):
        return True
    if depth >= 4:
        return False
    if isinstance(value, list):
        return len(value) <= 64 and all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return len(value) <= 64 and all(
            isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items()
        )
    return False


def project_from_dict(content: dict, name: str = "project") -> Project:
    """The Project a project.json table describes; ProjectError naming the first thing wrong."""
    r = _Reader(name)
    title = r.text(content, "title", "the title", default="Untitled")
    description = r.table(content, "description", "the description", required=False)
    for lang, text in description.items():
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise r.fail(f"the {lang[:10]} description", "text", text)

    network = r.table(content, "network", "the network")
    shape = network.get("input_shape")
    if shape is not None:
        try:
            shape = check_input_shape(shape)
        except ProjectError as exc:
            raise ProjectError(f"Could not open {name}: {lower_first(str(exc))}") from exc
    raw_layers = network.get("layers", [])
    if not isinstance(raw_layers, list):
        raise r.fail("the network's layer list", "a list", raw_layers)
    if len(raw_layers) > MAX_LAYERS:
        raise _fail(
            name,
            f"the network has {len(raw_layers):,} layers; nnstudio handles up to {MAX_LAYERS:,}",
        )
    layers = []
    for index, item in enumerate(raw_layers, start=1):
        where = f"layer {index}"
        if not isinstance(item, dict):
            raise r.fail(where, "a table", item)
        layer_type = item.get("type")
        if not isinstance(layer_type, str) or layer_type not in LAYER_TYPES:
            raise _fail(
                name,
                f"layer {index} has the type {str(layer_type)[:60]!r}, which nnstudio does not know "
                f"(the known layer types are {', '.join(LAYER_TYPES)})",
            )
        layer_id = item.get("id")
        if not isinstance(layer_id, str) or not ID_PATTERN.match(layer_id):
            raise r.fail(f"the name of {where}", "a name such as dense_1", layer_id)
        config = r.table(item, "config", f"the settings of {where}")
        if not _plain(config):
            raise r.fail(f"the settings of {where}", "plain numbers, names and true/false", config)
        position = item.get("position")
        if position is not None:
            if not (
                isinstance(position, list)
                and len(position) == 2
                and all(is_number(v) for v in position)
            ):
                raise r.fail(f"the canvas position of {where}", "two numbers", position)
            position = (float(position[0]), float(position[1]))
        layers.append(
            LayerSpec(
                type=layer_type,
                config={k: v for k, v in config.items() if k != "name"},
                id=layer_id,
                position=position,
            )
        )

    ds = r.table(content, "dataset", "the data set")
    ds_name = r.text(ds, "name", "the data set name")
    params = r.table(ds, "params", "the data set settings", required=False)
    options = r.table(ds, "options", "the data file options", required=False)
    for where, table in (("the data set settings", params), ("the data file options", options)):
        if not _plain(table):
            raise r.fail(where, "plain numbers, names and true/false", table)
    embedded_info = None
    if ds.get("embedded") is not None:
        from .embed import check_info

        embedded_info = check_info(ds.get("embedded"), name)
        for key in ("class_names", "feature_names"):
            names = embedded_info.get(key)
            if names is not None and not (
                isinstance(names, list)
                and len(names) <= 100_000
                and all(isinstance(n, str) and len(n) <= 200 for n in names)
            ):
                raise r.fail(f"the {key.replace('_', ' ')} of your data", "a list of names", names)
    dataset = DatasetSpec(
        name=ds_name,
        params=dict(params),
        path=r.text(ds, "path", "the data file path", optional=True),
        format=r.text(ds, "format", "the data file format", optional=True),
        options=dict(options),
    )
    if dataset.format is not None and dataset.format not in ("csv", "idx", "npz"):
        raise r.fail("the data file format", "csv, idx or npz", dataset.format)

    t = r.table(content, "training", "the training settings")
    defaults = TrainingSpec()
    optimizer = t.get("optimizer", defaults.optimizer)
    if not isinstance(optimizer, dict) or not _plain(optimizer):
        raise r.fail(
            "the optimizer", 'a table such as {"class_name": "Adam", "config": {...}}', optimizer
        )
    metrics = t.get("metrics", defaults.metrics)
    if not isinstance(metrics, list) or len(metrics) > 16:
        raise r.fail("the metrics", "a list of names", metrics)
    training = TrainingSpec(
        loss=r.text(t, "loss", "the loss", default=defaults.loss),
        optimizer=optimizer,
        batch_size=t.get("batch_size", defaults.batch_size),
        epochs=t.get("epochs", defaults.epochs),
        metrics=list(metrics),
        validation_split=t.get("validation_split", defaults.validation_split),
        seed=t.get("seed", defaults.seed),
    )
    runs.from_file(t, training)  # epochs_mode, early_stopping (absent in most files)

    raw_history = r.table(content, "history", "the training history", required=False)
    history = {}
    for key, values in raw_history.items():
        if not isinstance(values, list) or not all(
            is_number(v) or isinstance(v, float) for v in values
        ):
            raise r.fail(f"the history of {key[:40]!r}", "a list of numbers", values)
        if isinstance(values, list) and any(isinstance(v, bool) for v in values):
            raise r.fail(f"the history of {key[:40]!r}", "a list of numbers", values)
        history[key] = [float(v) for v in values]
    epochs_trained = content.get("epochs_trained", 0)
    if not is_int(epochs_trained) or epochs_trained < 0:
        raise r.fail("the number of epochs trained", "a whole number", epochs_trained)

    lesson = content.get("lesson")
    if lesson is not None:  # a guided lesson (project/lesson.py checks it)
        from .lesson import lesson_from_dict

        try:
            lesson = lesson_from_dict(lesson).to_dict()
        except ProjectError as exc:
            raise ProjectError(f"Could not open {name}: {lower_first(str(exc))}") from exc

    project = Project(
        title=title,
        description=dict(description),
        layers=layers,
        input_shape=shape,
        dataset=dataset,
        training=training,
        history=history,
        epochs_trained=epochs_trained,
        lesson=lesson,
    )
    project.embedded_info = embedded_info
    return project


def resolve_dataset_path(project: Project, folder: Path) -> None:
    """The inverse of :func:`relative_path`: a relative data file path, read from ``folder``."""
    path = project.dataset.path
    if path and not os.path.isabs(path):
        project.dataset.path = os.path.normpath(os.path.join(os.path.abspath(folder), path))
