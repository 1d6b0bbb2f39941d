"""Reading zip archives that may be hostile (the ``.nnproj`` file and the ``.npz`` inside it).

The limits are about what a file *does*, not how well it compresses: a project's long
history can pack 100:1 and must still open, while a bomb must not get far. So

- every entry is read through :func:`read_entry`, which counts the bytes while inflating
  and stops at a cap (the entry's declared size can lie in either direction);
- the number of entries is bounded (:func:`check_entries`);
- an array's ``.npy`` header is parsed here and its declared shape checked against what the
  network needs (``expect``) *before* its data is read (:func:`read_npz`): a file cannot
  make nnstudio allocate more than its network holds.

Only plain numeric dtypes are read, with our own header parser (no ``allow_pickle``, no
``eval``).
"""

from __future__ import annotations

import ast
import math
import re
import struct
import zipfile
from collections.abc import Callable

import numpy as np

from .errors import ProjectError

MAX_NPY_HEADER = 4096
CHUNK = 1 << 20  # bytes inflated per read

# Plain numbers only: never object ("O"), structured, string or void dtypes.
ALLOWED_DTYPES = frozenset(
    f"{order}{kind}{size}"
    for order in "<>|="
    for kind, sizes in (("f", (2, 4, 8)), ("i", (1, 2, 4, 8)), ("u", (1, 2, 4, 8)), ("b", (1,)))
    for size in sizes
)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,3}$")
ENTRY_OVERHEAD = MAX_NPY_HEADER + 512  # .npy header + zip headers of one array, at most

# expect(key, shape, descr): None if the array fits, else the reason it does not (a phrase)
Expect = Callable[[str, tuple, str], "str | None"]


def fail(name: str, reason: str) -> ProjectError:
    return ProjectError(f"Could not open {name}: {reason}.")


def size_text(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def ends_like_a_zip(fh, size: int) -> bool:
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


def check_entries(
    zf: zipfile.ZipFile, name: str, archive_size: int, limit: int, where: str = ""
) -> dict[str, zipfile.ZipInfo]:
    """The entries by name: at most ``limit``, none pointing outside, none twice, none encrypted."""
    infos = zf.infolist()
    if len(infos) > limit:
        raise fail(name, f"it holds {len(infos):,} entries{where}, far more than a project has")
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
            raise fail(
                name,
                f"it holds an entry named {entry[:80]!r} that points outside the project, which nnstudio refuses",
            )
        if entry in entries:
            raise fail(name, f"it holds the entry {entry[:80]!r} twice, so it is damaged")
        if info.flag_bits & 0x1:
            raise fail(
                name, f"its entry {entry[:80]!r} is encrypted, which nnstudio does not support"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise fail(name, f"its entry {entry[:80]!r} uses a compression nnstudio does not read")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise fail(
                name, f"its entry {entry[:80]!r} has inconsistent sizes, so the file is damaged"
            )
        if info.header_offset + info.compress_size > archive_size:
            raise fail(name, "the file is cut short (its entries run past its end)")
        entries[entry] = info
    return entries


def _too_big(name: str, entry: str, found: str, cap: int) -> ProjectError:
    return fail(
        name,
        f"its entry {entry[:80]!r} would unpack to {found}, more than this project can hold "
        f"({size_text(cap)}), so it looks like a zip bomb and nnstudio refuses it",
    )


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, name: str) -> bytearray:
    """The entry's bytes, inflating at most ``cap`` of them (counted, not trusted)."""
    if info.file_size > cap:
        raise _too_big(name, info.filename, size_text(info.file_size), cap)
    out = bytearray(info.file_size)
    view = memoryview(out)
    done = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(CHUNK, info.file_size - done + 1))
            if not chunk:
                break
            if done + len(chunk) > info.file_size:
                raise _too_big(name, info.filename, f"more than {size_text(done)}", cap)
            view[done : done + len(chunk)] = chunk
            done += len(chunk)
    if done != info.file_size:
        raise fail(name, f"its entry {info.filename[:80]!r} is damaged (its size does not match)")
    return out


def npz_cap(shapes, copies: int = 1, extra: int = 0) -> int:
    """Unpacked bytes an .npz of these arrays (float64 at most, ``copies`` of each) can need."""
    per = sum(math.prod(shape) * 8 + ENTRY_OVERHEAD for shape in shapes)
    return copies * per + extra + ENTRY_OVERHEAD


def read_npz(data, name: str, what: str, expect: Expect, max_arrays: int) -> dict[str, np.ndarray]:
    """The arrays of an in-memory .npz; each header is checked by ``expect`` before its data is read."""
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error) as exc:
        raise fail(name, f"its {what} are damaged (not a readable .npz archive)") from exc
    arrays: dict[str, np.ndarray] = {}
    with zf:
        entries = check_entries(zf, name, len(data), max_arrays, f" (inside its {what})")
        for entry, info in entries.items():
            key = entry[:-4]
            if not entry.endswith(".npy") or not KEY_PATTERN.match(key):
                raise fail(
                    name,
                    f"its {what} hold an entry named {entry[:80]!r}, which is not an array of a layer",
                )
            arrays[key] = _read_npy(zf, info, key, name, what, expect)
    return arrays


def _read_npy(zf, info, key: str, name: str, what: str, expect: Expect) -> np.ndarray:
    """Parse the .npy header ourselves; read the data only when it fits the network and the bytes."""

    def bad(reason: str) -> ProjectError:
        return fail(name, f"the {what} array {key!r} {reason}")

    with zf.open(info) as fh:
        head = fh.read(12)
        if len(head) < 10 or head[:6] != b"\x93NUMPY":
            raise bad("is not a NumPy array")
        major = head[6]
        if major == 1:
            (header_len,), start = struct.unpack("<H", head[8:10]), 10
        elif major in (2, 3):
            if len(head) < 12:
                raise bad("is cut short")
            (header_len,), start = struct.unpack("<I", head[8:12]), 12
        else:
            raise bad(f"uses the .npy format version {major}, which nnstudio does not read")
        if header_len > MAX_NPY_HEADER or start + header_len > info.file_size:
            raise bad("has a damaged header")
        raw_header = head[start:] + fh.read(start + header_len - len(head))
        if len(raw_header) != header_len:
            raise bad("has a damaged header")
        try:
            header = ast.literal_eval(raw_header.decode("latin1"))
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
            or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape)
        ):
            raise bad(f"declares the shape {str(shape)[:60]}, which is not a list of sizes")
        dtype = np.dtype(descr)
        count = math.prod(shape)
        present = info.file_size - start - header_len
        if count * dtype.itemsize != present:
            raise bad(
                f"declares {count:,} values ({size_text(count * dtype.itemsize)}) but the file holds "
                f"{size_text(present)} of data"
            )
        reason = expect(key, shape, descr)
        if reason:
            raise fail(name, reason)
        body = bytearray(present)
        view, done = memoryview(body), 0
        while done < present:
            chunk = fh.read(min(CHUNK, present - done))
            if not chunk:
                raise bad("is cut short")
            view[done : done + len(chunk)] = chunk
            done += len(chunk)
        if fh.read(1):
            raise bad("holds more data than its header declares")
    array = np.frombuffer(body, dtype=dtype, count=count)
    array = array.reshape(shape, order="F" if fortran else "C")
    if dtype.byteorder == ">" or (dtype.byteorder == "=" and not np.little_endian):
        array = array.astype(dtype.newbyteorder("<"))
    return array
