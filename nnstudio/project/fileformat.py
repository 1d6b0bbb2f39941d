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
allow-list (see ``validate``). What project.json says and how it maps to a ``Project`` is
``serialize``; reading the archive safely is ``archive``; the atomic write is ``nnstudio.atomic``.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

from nnstudio import atomic
from nnstudio.data.fileio import open_regular
from nnstudio.i18n import NoQt

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
from .migrations import FORMAT, FORMAT_VERSION, migrate
from .schema import Project
from .serialize import project_from_dict, project_to_dict
from .serialize import dump_json as _dump_json
from .serialize import load_json as _load_json
from .serialize import lower_first as _lower_first
from .serialize import resolve_dataset_path as _resolve_dataset_path
from .validate import _shape_text, check_network, check_weights, expected_weight_shapes, is_int


def _t(text: str) -> str:  # an error template, translated where the studio shows it
    return NoQt.translate("errors", text)


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
        raise ProjectError.of(
            _t("Could not open {name}: there is no such file ({path})."), name=name, path=path
        ) from exc
    except IsADirectoryError as exc:
        raise ProjectError.of(
            _t("Could not open {name}: it is a folder, not a project file."), name=name
        ) from exc
    except PermissionError as exc:
        raise ProjectError.of(
            _t("Could not open {name}: you do not have permission to read it."), name=name
        ) from exc
    except OSError as exc:
        raise ProjectError.of(
            _t("Could not open {name}: {reason}."), name=name, reason=exc.strerror or exc
        ) from exc
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
        raise ProjectError.of(
            _t(
                "Could not open {name}: it was made by a newer nnstudio (format {version}); this "
                "version reads up to {known}, so update nnstudio to open it."
            ),
            name=name,
            version=version,
            known=FORMAT_VERSION,
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
