"""The ``.nnproj`` file: a zip archive holding

    manifest.json   {"format": "nnstudio-project", "format_version": 1, "app_version", "saved_at"}
    project.json    title, description, network (input shape, ordered layers: id, type, config,
                    canvas position), dataset, training settings, epochs_trained (history of
                    older files)
    weights.npz     (when trained) arrays "layer-id/kernel", "layer-id/bias"
    optimizer.npz   (when trained) the engine optimizer's get_state(): "iterations",
                    "layer-id/kernel/<slot>", ...
    history.npz     (when trained) one per-epoch array per curve ("loss", "val_accuracy", ...),
                    float32 when that is exact, else float64: 200,000 epochs pack to ~16 KB
    data.npz        (optional) the user's own data kept inside the project (see ``embed``);
                    its shapes are declared in project.json["dataset"]["embedded"]

Saving builds the bytes in memory and writes them with ``nnstudio.atomic.write_atomic``
(temp file in the same folder, fsync, ``os.replace``): a failed or killed save leaves the
old file as it was. Loading trusts nothing (``archive``): the bytes each entry unpacks to are
counted against a cap that follows from the network (not from how well it compresses), every
``.npy`` header is parsed here and its shape checked against the network before its data is
read, only plain numeric dtypes are read, and every name in the file is looked up in a fixed
allow-list (see ``validate``).
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio import atomic
from nnstudio.data.fileio import open_regular

from .archive import (
    ALLOWED_DTYPES,
    KEY_PATTERN,
    check_entries,
    ends_like_a_zip,
    fail,
    npz_cap,
    read_entry,
    read_npz,
    size_text,
)
from .errors import ProjectError
from . import runs
from .migrations import FORMAT, FORMAT_VERSION, migrate
from .schema import LAYER_TYPES, DatasetSpec, LayerSpec, Project, TrainingSpec
from .validate import (
    ID_PATTERN,
    MAX_LAYERS,
    _shape_text,
    check_input_shape,
    check_network,
    check_weights,
    expected_weight_shapes,
    is_int,
    is_number,
)

MANIFEST, PROJECT, WEIGHTS, OPTIMIZER = (
    "manifest.json",
    "project.json",
    "weights.npz",
    "optimizer.npz",
)

HISTORY = "history.npz"

MAX_FILE_BYTES = 4 * 2**30  # the .nnproj file itself
MAX_ENTRIES = 64  # entries in the outer archive
MAX_MANIFEST_BYTES = 64 * 2**10  # manifest.json, unpacked
MAX_JSON_BYTES = 8 * 2**20  # project.json, unpacked (its history is in history.npz)
MAX_HISTORY_BYTES = 32 * 2**20  # history.npz, unpacked: 2 million epochs of 2 curves
MAX_HISTORY_KEYS = 64
MAX_TEXT = 100_000  # characters of a title or description
DATA = "data.npz"  # the user's data, kept inside the project (embed.py)

_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x93NUMPY", "a single NumPy array (.npy)"),
    (b"{", "a JSON text"),
]


# ---------------------------------------------------------------------------------------------
# saving
# ---------------------------------------------------------------------------------------------


def save(project: Project, path: str | os.PathLike) -> None:
    """Write ``project`` to ``path`` atomically (the old file survives any failure)."""
    path = atomic.target_of(path)
    data = to_bytes(project, folder=path.parent)
    write_atomic(path, data)


def to_bytes(
    project: Project, folder: str | os.PathLike | None = None, saved_at: str | None = None
) -> bytes:
    """The ``.nnproj`` bytes of ``project`` (dataset paths inside ``folder`` stored relative)."""
    check_network(project, complete=False)
    if project.weights or project.optimizer_state:
        check_weights(project)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": _app_version(),
        "saved_at": saved_at or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    content = project_to_dict(project, folder)
    if project.embedded_data:
        content["dataset"]["embedded"] = {
            **dict(project.embedded_info or {}),
            "shapes": {k: list(np.shape(v)) for k, v in project.embedded_data.items()},
        }
    history = _history_arrays(project.history)
    if history is not None:
        content["history"] = {}  # in history.npz: compact, and it cannot look like a bomb
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _write_entry(zf, MANIFEST, _dump_json(manifest), zipfile.ZIP_DEFLATED)
        _write_entry(zf, PROJECT, _dump_json(content), zipfile.ZIP_DEFLATED)
        if project.weights:
            _write_entry(zf, WEIGHTS, _npz_bytes(project.weights), zipfile.ZIP_STORED)
        if project.optimizer_state:
            _write_entry(zf, OPTIMIZER, _npz_bytes(project.optimizer_state), zipfile.ZIP_STORED)
        if history:
            _write_entry(zf, HISTORY, _npz_bytes(history, sort=False), zipfile.ZIP_DEFLATED)
        if project.embedded_data:
            _write_entry(
                zf, DATA, _npz_bytes(project.embedded_data, sort=False), zipfile.ZIP_STORED
            )
    return buffer.getvalue()


def project_to_dict(project: Project, folder: str | os.PathLike | None = None) -> dict[str, Any]:
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
            "path": _relative_path(ds.path, folder) if ds.path else None,
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


def _history_arrays(history) -> dict[str, np.ndarray] | None:
    """Per-epoch curves as arrays: float32 when that keeps every value exactly (the engine's
    losses are float32), else float64. None when a name cannot be an array key (kept in JSON)."""
    arrays = {}
    for key, values in (history or {}).items():
        if (
            not isinstance(key, str)
            or not KEY_PATTERN.match(key)
            or len(history) > MAX_HISTORY_KEYS
        ):
            return None
        wide = np.asarray(values, dtype=np.float64).reshape(-1)
        narrow = wide.astype(np.float32)
        exact = np.array_equal(narrow.astype(np.float64), wide, equal_nan=True)
        arrays[key] = narrow if exact else wide
    return arrays


def _optimizer_table(optimizer) -> dict:
    """The serialize() form; a bare name ("adam") is written as that optimizer with its defaults."""
    if isinstance(optimizer, str):
        from .migrations import OPTIMIZER_CLASS

        return {"class_name": OPTIMIZER_CLASS.get(optimizer.lower(), optimizer), "config": {}}
    return {"class_name": optimizer["class_name"], "config": dict(optimizer.get("config") or {})}


def _relative_path(path: str, folder) -> str:
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


def _dump_json(content) -> bytes:
    return json.dumps(content, ensure_ascii=False, indent=1, default=_json_default).encode("utf-8")


def _write_entry(zf: zipfile.ZipFile, name: str, data: bytes, method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # same project -> same bytes
    info.compress_type = method
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def _npz_bytes(arrays: dict[str, np.ndarray], sort: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for key in sorted(arrays) if sort else arrays:
            if not isinstance(key, str) or not KEY_PATTERN.match(key):
                raise ProjectError(
                    f"The array name {str(key)[:60]!r} cannot be saved; names look like dense_1/kernel."
                )
            array = np.asarray(arrays[key])
            if array.dtype.str not in ALLOWED_DTYPES:
                raise ProjectError(
                    f"The array {key} holds {array.dtype} values; only plain numbers can be saved."
                )
            npy = io.BytesIO()
            np.lib.format.write_array(npy, array, allow_pickle=False)
            _write_entry(zf, key + ".npy", npy.getvalue(), zipfile.ZIP_STORED)
    return buffer.getvalue()


def _app_version() -> str:
    from nnstudio import __version__

    return __version__


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :mod:`nnstudio.atomic`); ProjectError on failure."""
    return atomic.write_atomic(path, data, error=ProjectError)


# ---------------------------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------------------------


def load(path: str | os.PathLike) -> Project:
    """The project in ``path``; ProjectError (one sentence) for anything missing, damaged or hostile."""
    path = Path(os.fspath(path))
    name = path.name or str(path)
    atomic.remove_stale_temps(atomic.target_of(path))
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            project = _read(fh, size, name)
    except ProjectError:
        raise
    except FileNotFoundError as exc:
        raise ProjectError(f"Could not open {name}: there is no such file ({path}).") from exc
    except IsADirectoryError as exc:
        raise ProjectError(f"Could not open {name}: it is a folder, not a project file.") from exc
    except PermissionError as exc:
        raise ProjectError(
            f"Could not open {name}: you do not have permission to read it."
        ) from exc
    except OSError as exc:
        raise ProjectError(f"Could not open {name}: {exc.strerror or exc}.") from exc
    _resolve_dataset_path(project, path.parent)
    return project


def from_bytes(data: bytes, name: str = "project") -> Project:
    """The project in the ``.nnproj`` bytes ``data`` (same checks as :func:`load`)."""
    return _read(io.BytesIO(data), len(data), name)


def _read(fh, size: int, name: str) -> Project:
    if size == 0:
        raise _fail(
            name,
            "the file is empty (0 bytes), so it holds no project; it may have been cut off while copying",
        )
    if size > MAX_FILE_BYTES:
        raise _fail(
            name, f"the file is {size / 2**30:.1f} GB, larger than any project nnstudio makes"
        )
    head = fh.read(8)
    fh.seek(0)
    if not head.startswith(b"PK\x03\x04") and not head.startswith(b"PK\x05\x06"):
        looks = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
        hint = f", but this looks like {looks}" if looks else ""
        raise _fail(name, f"it is not an nnstudio project (a project file is a zip archive{hint})")
    if not ends_like_a_zip(fh, size):
        raise _fail(name, "the file is damaged or cut short (it is not a complete zip archive)")
    try:
        with zipfile.ZipFile(fh) as zf:
            entries = check_entries(zf, name, size, MAX_ENTRIES)
            return _read_archive(zf, entries, name)
    except ProjectError:
        raise
    except MemoryError as exc:
        raise _fail(
            name, "there is not enough memory to open it; close other programs and try again"
        ) from exc
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        struct.error,
        ValueError,
        OSError,
        NotImplementedError,
        KeyError,
        IndexError,
        OverflowError,
    ) as exc:
        raise _fail(
            name, "the file is damaged or cut short (it is not a complete zip archive)"
        ) from exc
    except (TypeError, AttributeError, RuntimeError, RecursionError) as exc:
        raise _fail(
            name, "the file is damaged (its contents are not laid out the way nnstudio writes them)"
        ) from exc


_fail = fail
_size = size_text


def _read_archive(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], name: str) -> Project:
    for required in (MANIFEST, PROJECT):
        if required not in entries:
            raise _fail(name, f"the file is damaged: it has no {required} inside")
    manifest = _load_json(
        read_entry(zf, entries[MANIFEST], MAX_MANIFEST_BYTES, name), MANIFEST, name
    )
    if not isinstance(manifest, dict):
        raise _fail(name, f"the file is damaged: {MANIFEST} is not a table")
    if manifest.get("format") != FORMAT:
        raise _fail(
            name,
            f"it is not an nnstudio project (its manifest names the format {str(manifest.get('format'))[:40]!r})",
        )
    version = manifest.get("format_version")
    if not is_int(version) or version < 0:
        raise _fail(
            name,
            f"the file is damaged: its format version {str(version)[:20]!r} is not a whole number",
        )
    if version > FORMAT_VERSION:
        raise ProjectError(
            f"Could not open {name}: it was made by a newer nnstudio (format {version}); this version reads up to "
            f"{FORMAT_VERSION}, so update nnstudio to open it."
        )
    content = _load_json(read_entry(zf, entries[PROJECT], MAX_JSON_BYTES, name), PROJECT, name)
    if not isinstance(content, dict):
        raise _fail(name, f"the file is damaged: {PROJECT} is not a table")
    if version < FORMAT_VERSION:
        content = migrate(content, version)
    project = project_from_dict(content, name)
    try:
        check_network(project, complete=False)
        _check_layer_settings(project)
    except ProjectError as exc:
        raise ProjectError(f"Could not open {name}: {_lower_first(str(exc))}") from exc
    if HISTORY in entries:
        project.history = _read_history(zf, entries[HISTORY], project, name)
    if project.embedded_info is not None:
        if DATA not in entries:
            raise _fail(name, "it says it holds your data, but data.npz is missing")
        project.embedded_data = _read_data(zf, entries[DATA], project.embedded_info, name)
    if (WEIGHTS in entries or OPTIMIZER in entries) and project.input_shape is None:
        raise _fail(name, "it holds weights but no input shape, so it is damaged")
    expected = expected_weight_shapes(project) if project.input_shape is not None else {}
    if WEIGHTS in entries:
        cap = npz_cap(expected.values())
        npz = read_entry(zf, entries[WEIGHTS], cap, name)
        project.weights = read_npz(
            npz, name, "weights", _expect_weights(expected), max_arrays=len(expected) + 8
        )
        del npz
    if OPTIMIZER in entries:
        cap = npz_cap(expected.values(), copies=MAX_SLOTS, extra=64)
        npz = read_entry(zf, entries[OPTIMIZER], cap, name)
        project.optimizer_state = read_npz(
            npz,
            name,
            "optimizer state",
            _expect_state(expected),
            max_arrays=MAX_SLOTS * len(expected) + 8,
        )
        del npz
    if project.optimizer_state and not project.weights:
        raise _fail(name, "it holds an optimizer state but no weights, so it is damaged")
    if project.weights and project.input_shape is None:
        raise _fail(name, "it holds weights but no input shape, so it is damaged")
    try:
        check_weights(project)
    except ProjectError as exc:
        raise ProjectError(f"Could not open {name}: {_lower_first(str(exc))}") from exc
    for key, array in (project.weights or {}).items():
        if array.dtype.kind != "f":
            raise _fail(
                name, f"its weights {key} hold {array.dtype} values instead of decimal numbers"
            )
    return project


MAX_SLOTS = 4  # optimizer arrays per weight (Adam's m and v, AMSGrad's v_hat, ...)


def _expect_weights(expected: dict[str, tuple]):
    def expect(key: str, shape: tuple, descr: str) -> str | None:
        if key not in expected:
            return (
                f"the saved weights do not belong to this network (has weights for {key}); "
                "the file is damaged or was edited by hand"
            )
        if shape != expected[key]:
            return (
                f"the saved weights {key} have the shape {_shape_text(shape)}, but the network needs "
                f"{_shape_text(expected[key])}; the file is damaged or was edited by hand"
            )
        if descr[1] != "f":
            return f"its weights {key} hold {np.dtype(descr)} values instead of decimal numbers"
        return None

    return expect


def _expect_state(expected: dict[str, tuple]):
    def expect(key: str, shape: tuple, descr: str) -> str | None:
        if key == "iterations":
            if shape != () or descr[1] not in "iu":
                return "the saved optimizer step count is not a whole number; the file is damaged"
            return None
        param = next((p for p in expected if key.startswith(p + "/")), None)
        if param is None:
            return (
                f"the saved optimizer state {key[:60]!r} belongs to no weight of this network; "
                "the file is damaged or was edited by hand"
            )
        if shape != expected[param]:
            return (
                f"the saved optimizer state {key} has the shape {_shape_text(shape)}, but its "
                f"weight has {_shape_text(expected[param])}; the file is damaged or was edited by hand"
            )
        return None

    return expect


def _read_data(zf, info, meta: dict, name: str) -> dict[str, np.ndarray]:
    """data.npz: the arrays whose shapes project.json declares, nothing else, nothing bigger."""
    shapes = {k: tuple(v) for k, v in meta["shapes"].items()}

    def expect(key: str, shape: tuple, descr: str) -> str | None:
        if key not in shapes or shape != shapes[key] or descr[1] not in "fiu":
            return f"the data inside it ({key[:40]}) does not match its description; the file is damaged"
        return None

    data = read_entry(zf, info, npz_cap(shapes.values()), name)
    arrays = read_npz(data, name, "data", expect, max_arrays=len(shapes))
    if set(arrays) != set(shapes):
        raise _fail(name, "the data inside it is incomplete, so the file is damaged")
    return arrays


def _read_history(zf, info, project: Project, name: str) -> dict[str, list[float]]:
    """history.npz: one float array per curve (its unpacked size bounds the memory it takes)."""

    def expect(key: str, shape: tuple, descr: str) -> str | None:
        if len(shape) != 1 or descr[1] != "f":
            return (
                f"the history of {key[:40]!r} should be a list of numbers, one per epoch, "
                f"but it is {_shape_text(shape)} of {np.dtype(descr)}; the file is damaged"
            )
        return None

    data = read_entry(zf, info, MAX_HISTORY_BYTES, name)
    arrays = read_npz(data, name, "training history", expect, max_arrays=MAX_HISTORY_KEYS)
    history = dict(project.history or {})
    for key, values in arrays.items():
        history[key] = values.astype(np.float64).tolist()
    return history


def _check_layer_settings(project: Project) -> None:
    """Let the engine judge every layer's settings (initializer names, rates...) without building:
    its layer classes and registries are the allow-lists, and nothing is allocated yet."""
    from .build import build_layers

    build_layers(project)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _load_json(data: bytes, entry: str, name: str):
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


# -- .npz -------------------------------------------------------------------------------------


# -- project.json -> dataclasses ----------------------------------------------------------------


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
            raise ProjectError(f"Could not open {name}: {_lower_first(str(exc))}") from exc
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
            raise ProjectError(f"Could not open {name}: {_lower_first(str(exc))}") from exc

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


def _resolve_dataset_path(project: Project, folder: Path) -> None:
    path = project.dataset.path
    if path and not os.path.isabs(path):
        project.dataset.path = os.path.normpath(os.path.join(os.path.abspath(folder), path))
