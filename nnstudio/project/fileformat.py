"""The ``.nnproj`` file: a zip archive holding

    manifest.json   {"format": "nnstudio-project", "format_version": 1, "app_version", "saved_at"}
    project.json    title, description, network (input shape, ordered layers: id, type, config,
                    canvas position), dataset, training settings, history, epochs_trained
    weights.npz     (when trained) arrays "layer-id/kernel", "layer-id/bias"
    optimizer.npz   (when trained) the engine optimizer's get_state(): "iterations",
                    "layer-id/kernel/<slot>", ...

Saving builds the bytes in memory, writes a temp file in the same folder, fsyncs it and
``os.replace``\\ s it over the old file, so a failed or killed save leaves the old file as it
was. Loading trusts nothing: entry names, sizes and compression ratios are bounded, every
``.npy`` header is parsed here and its declared shape checked against the bytes present
before anything is allocated, only plain numeric dtypes are read (``allow_pickle=False``),
and every name in the file is looked up in a fixed allow-list (see ``validate``).
"""

from __future__ import annotations

import ast
import datetime as _dt
import errno
import io
import json
import math
import os
import re
import stat
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ProjectError
from . import runs
from .migrations import FORMAT, FORMAT_VERSION, migrate
from .schema import LAYER_TYPES, DatasetSpec, LayerSpec, Project, TrainingSpec
from .validate import (
    ID_PATTERN,
    MAX_LAYERS,
    check_input_shape,
    check_network,
    check_weights,
    is_int,
    is_number,
)

MANIFEST, PROJECT, WEIGHTS, OPTIMIZER = (
    "manifest.json",
    "project.json",
    "weights.npz",
    "optimizer.npz",
)

MAX_FILE_BYTES = 4 * 2**30  # the .nnproj file itself
MAX_ENTRIES = 64  # entries in the outer archive
MAX_ARRAYS = 10_000  # arrays in one .npz
MAX_JSON_BYTES = 32 * 2**20  # manifest.json / project.json, unpacked
MAX_NPZ_BYTES = 2 * 2**30  # weights.npz / optimizer.npz, unpacked
MAX_RATIO = 100  # unpacked / packed size of an entry larger than RATIO_FLOOR
RATIO_FLOOR = 2**20
MAX_NPY_HEADER = 4096
MAX_TEXT = 100_000  # characters of a title or description

# Plain numbers only: never object ("O"), structured, string or void dtypes.
ALLOWED_DTYPES = frozenset(
    f"{order}{kind}{size}"
    for order in "<>|="
    for kind, sizes in (("f", (2, 4, 8)), ("i", (1, 2, 4, 8)), ("u", (1, 2, 4, 8)), ("b", (1,)))
    for size in sizes
)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,3}$")

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
    path = Path(os.fspath(path))
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _write_entry(zf, MANIFEST, _dump_json(manifest), zipfile.ZIP_DEFLATED)
        _write_entry(zf, PROJECT, _dump_json(content), zipfile.ZIP_DEFLATED)
        if project.weights:
            _write_entry(zf, WEIGHTS, _npz_bytes(project.weights), zipfile.ZIP_STORED)
        if project.optimizer_state:
            _write_entry(zf, OPTIMIZER, _npz_bytes(project.optimizer_state), zipfile.ZIP_STORED)
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


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for key in sorted(arrays):
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


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, ``os.replace``.

    On any failure the temp file is removed, the old file is untouched and a ProjectError
    says why in words (disk full, read-only folder, no permission, ...).
    """
    path = Path(os.fspath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ProjectError(
            f"Could not save {path.name}: a folder of that name is already there; choose another name."
        )
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            _write_all(fd, data)
            if hasattr(os, "fchmod"):  # keep the old file's permissions (mkstemp makes it 0600)
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
        _fsync_folder(folder)
        _remove_stale_temps(folder, path.name)
    except OSError as exc:
        raise ProjectError(
            f"Could not save {path.name}: {_os_reason(exc, folder)}; the old file was left as it was."
        ) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _remove_stale_temps(folder: Path, name: str, age_s: float = 3600.0) -> None:
    """Temp files left by a save that was killed (power cut, SIGKILL) more than an hour ago."""
    import time

    cutoff = time.time() - age_s
    try:
        for leftover in folder.glob(f".{glob_escape(name)}.*.tmp"):
            try:
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                pass
    except OSError:
        pass


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[: 1 << 24])
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the file itself was fsynced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _os_reason(exc: OSError, folder: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and save again"
    if exc.errno == errno.EDQUOT:
        return "your disk quota is used up; free some space and save again"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"you may not write in the folder {folder}; save it somewhere else"
    if exc.errno == errno.EROFS:
        return f"the folder {folder} is on a read-only disk; save it somewhere else"
    if exc.errno == errno.ENOENT:
        return f"the folder {folder} does not exist"
    return exc.strerror or str(exc)


# ---------------------------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------------------------


def load(path: str | os.PathLike) -> Project:
    """The project in ``path``; ProjectError (one sentence) for anything missing, damaged or hostile."""
    path = Path(os.fspath(path))
    name = path.name or str(path)
    try:
        with open(path, "rb") as fh:
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


def _fail(name: str, reason: str) -> ProjectError:
    return ProjectError(f"Could not open {name}: {reason}.")


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
    if not _ends_like_a_zip(fh, size):
        raise _fail(name, "the file is damaged or cut short (it is not a complete zip archive)")
    try:
        with zipfile.ZipFile(fh) as zf:
            entries = _check_entries(zf, name, size, outer=True)
            return _read_archive(zf, entries, name)
    except ProjectError:
        raise
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


def _ends_like_a_zip(fh, size: int) -> bool:
    """The archive's end record must close the file (a cut-short project can still hold the
    end record of the weights archive inside it, which zipfile would happily read)."""
    span = min(size, 22 + 0xFFFF)
    fh.seek(size - span)
    tail = fh.read(span)
    fh.seek(0)
    pos = tail.rfind(b"PK\x05\x06")
    while pos >= 0:
        if pos + 22 <= len(tail):
            (comment,) = struct.unpack("<H", tail[pos + 20 : pos + 22])
            if pos + 22 + comment == len(tail):
                return True
        pos = tail.rfind(b"PK\x05\x06", 0, pos)
    return False


def _check_entries(
    zf: zipfile.ZipFile, name: str, archive_size: int, outer: bool
) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    limit = MAX_ENTRIES if outer else MAX_ARRAYS
    where = "" if outer else " (inside its weights)"
    if len(infos) > limit:
        raise _fail(name, f"it holds {len(infos):,} entries{where}, far more than a project has")
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        entry = info.filename
        parts = entry.replace("\\", "/").split("/")
        if (
            entry.startswith(("/", "\\"))
            or re.match(r"^[A-Za-z]:", entry)
            or ".." in parts
            or "\x00" in entry
            or len(entry) > 300
        ):
            raise _fail(
                name,
                f"it holds an entry named {entry[:80]!r} that points outside the project, which nnstudio refuses",
            )
        if entry in entries:
            raise _fail(name, f"it holds the entry {entry[:80]!r} twice, so it is damaged")
        if info.flag_bits & 0x1:
            raise _fail(
                name, f"its entry {entry[:80]!r} is encrypted, which nnstudio does not support"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _fail(name, f"its entry {entry[:80]!r} uses a compression nnstudio does not read")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise _fail(
                name, f"its entry {entry[:80]!r} has inconsistent sizes, so the file is damaged"
            )
        if info.header_offset + info.compress_size > archive_size:
            raise _fail(name, "the file is cut short (its entries run past its end)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(
                name,
                f"its entry {entry[:80]!r} would unpack from {_size(info.compress_size)} to "
                f"{_size(info.file_size)}, which looks like a zip bomb, so nnstudio refuses it",
            )
        entries[entry] = info
    return entries


def _size(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    if info.file_size > limit:
        raise _fail(
            name,
            f"its entry {info.filename!r} is {_size(info.file_size)}, larger than nnstudio allows ({_size(limit)})",
        )
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise _fail(name, f"its entry {info.filename!r} is damaged (its size does not match)")
    return data


def _read_archive(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], name: str) -> Project:
    for required in (MANIFEST, PROJECT):
        if required not in entries:
            raise _fail(name, f"the file is damaged: it has no {required} inside")
    manifest = _load_json(_read_entry(zf, entries[MANIFEST], MAX_JSON_BYTES, name), MANIFEST, name)
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
    content = _load_json(_read_entry(zf, entries[PROJECT], MAX_JSON_BYTES, name), PROJECT, name)
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
    arrays = {}
    for entry, what in ((WEIGHTS, "weights"), (OPTIMIZER, "optimizer state")):
        if entry in entries:
            npz = _read_entry(zf, entries[entry], MAX_NPZ_BYTES, name)
            arrays[entry] = _read_npz(npz, name, what)
    project.weights = arrays.get(WEIGHTS)
    project.optimizer_state = arrays.get(OPTIMIZER)
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


def _read_npz(data: bytes, name: str, what: str) -> dict[str, np.ndarray]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error) as exc:
        raise _fail(name, f"its {what} are damaged (not a readable .npz archive)") from exc
    arrays: dict[str, np.ndarray] = {}
    with zf:
        entries = _check_entries(zf, name, len(data), outer=False)
        total = 0
        for entry, info in entries.items():
            if not entry.endswith(".npy") or not KEY_PATTERN.match(entry[:-4]):
                raise _fail(
                    name,
                    f"its {what} hold an entry named {entry[:80]!r}, which is not an array of a layer",
                )
            total += info.file_size
            if total > MAX_NPZ_BYTES:
                raise _fail(
                    name, f"its {what} are larger than nnstudio allows ({_size(MAX_NPZ_BYTES)})"
                )
            raw = _read_entry(zf, info, MAX_NPZ_BYTES, name)
            arrays[entry[:-4]] = _read_npy(raw, entry[:-4], name, what)
    return arrays


def _read_npy(raw: bytes, key: str, name: str, what: str) -> np.ndarray:
    """Parse the .npy header ourselves; load only when dtype and size match the bytes present."""

    def bad(reason: str) -> ProjectError:
        return _fail(name, f"the {what} array {key!r} {reason}")

    if len(raw) < 10 or raw[:6] != b"\x93NUMPY":
        raise bad("is not a NumPy array")
    major = raw[6]
    if major == 1:
        (header_len,), start = struct.unpack("<H", raw[8:10]), 10
    elif major in (2, 3):
        if len(raw) < 12:
            raise bad("is cut short")
        (header_len,), start = struct.unpack("<I", raw[8:12]), 12
    else:
        raise bad(f"uses the .npy format version {major}, which nnstudio does not read")
    if header_len > MAX_NPY_HEADER or start + header_len > len(raw):
        raise bad("has a damaged header")
    try:
        header = ast.literal_eval(raw[start : start + header_len].decode("latin1"))
    except (ValueError, SyntaxError, RecursionError, MemoryError, TypeError) as exc:
        raise bad("has a damaged header") from exc
    if not isinstance(header, dict) or set(header) != {"descr", "fortran_order", "shape"}:
        raise bad("has a damaged header")
    descr, fortran, shape = header["descr"], header["fortran_order"], header["shape"]
    if not isinstance(descr, str) or descr not in ALLOWED_DTYPES:
        raise bad(
            f"holds values of type {str(descr)[:40]!r}; only plain numbers are allowed (no Python objects)"
        )
    if not isinstance(fortran, bool):
        raise bad("has a damaged header")
    if (
        not isinstance(shape, tuple)
        or len(shape) > 8
        or not all(is_int(d) and d >= 0 for d in shape)
    ):
        raise bad(f"declares the shape {str(shape)[:60]}, which is not a list of sizes")
    itemsize = np.dtype(descr).itemsize
    count = math.prod(shape)
    present = len(raw) - start - header_len
    if count * itemsize != present:
        raise bad(
            f"declares {count:,} values ({_size(count * itemsize)}) but the file holds {_size(present)} of data"
        )
    try:
        array = np.load(io.BytesIO(raw), allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise bad("could not be read") from exc
    if array.dtype.byteorder == ">" or (array.dtype.byteorder == "=" and not np.little_endian):
        array = array.astype(array.dtype.newbyteorder("<"))
    return array


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

    return Project(
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


def _resolve_dataset_path(project: Project, folder: Path) -> None:
    path = project.dataset.path
    if path and not os.path.isabs(path):
        project.dataset.path = os.path.normpath(os.path.join(os.path.abspath(folder), path))
