"""Opening a file a user or a project names: ordinary files only.

A path from a project can name anything: ``/dev/zero`` (a read that never ends), a FIFO
(an open that never returns), a socket. Everywhere nnstudio reads a path it ``stat``\\ s it
first and opens it with ``O_NONBLOCK``, then checks again on the open descriptor (the path
may have been swapped in between): anything but an ordinary file is refused with
:class:`NotAFile`, an ``OSError`` whose text says what the path is.
"""

from __future__ import annotations

import errno
import os
import stat


class NotAFile(OSError):
    """The path names a device, a FIFO, a socket or another special file."""


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refuse(path, mode: int) -> OSError:
    kind = _kind(mode)
    if kind == "a folder":
        return IsADirectoryError(errno.EISDIR, "it is a folder, not a file", os.fspath(path))
    return NotAFile(
        errno.EINVAL,
        f"it is {kind}, not an ordinary file, and nnstudio reads only ordinary files",
        os.fspath(path),
    )


def check_regular(path) -> os.stat_result:
    """``os.stat(path)``, refusing anything but an ordinary file (raises OSError)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, info.st_mode)
    return info


def is_regular(path) -> bool:
    try:
        check_regular(path)
    except OSError:
        return False
    return True


def open_regular(path, mode: str = "rb"):
    """Open an ordinary file for reading in binary (``rb``) or text mode (``r``, UTF-8)."""
    if mode not in ("rb", "r"):
        raise ValueError(f"open_regular reads only, received: mode={mode!r}")
    check_regular(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped after the first look
            raise _refuse(path, info.st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        if mode == "rb":
            return os.fdopen(fd, "rb")
        return os.fdopen(fd, "r", encoding="utf-8", newline="")
    except BaseException:
        os.close(fd)
        raise


# -- .npz archives a user names ------------------------------------------------------------------

MEMORY_BUDGET = 1024**3  # bytes of numbers one data file may bring into memory
NPZ_MAX_ENTRIES = 16
NPZ_MAX_RATIO = 50  # unpacked : packed of an entry above NPZ_FLOOR (zeros pack 1000:1)
NPZ_FLOOR = 16 * 1024**2
CHUNK = 1 << 20


class NpzProblem(ValueError):
    """Why an .npz cannot be read, as a phrase (the caller names the file)."""


def read_npz_arrays(path, wanted=None) -> dict:
    """The arrays of the .npz ``path`` (only ``wanted`` names, if given), read safely.

    Each ``.npy`` header is read first; its declared size must match the entry's size, the
    entry must not unpack far beyond what data packs to, and the total must fit the memory
    budget, all before anything is allocated. Bytes are counted while inflating.
    """
    import math
    import zipfile
    import zlib

    import numpy as np

    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        try:
            zf = zipfile.ZipFile(fh)
        except zipfile.BadZipFile:
            with open_regular(path) as again:
                head = again.read(6)
            if head == b"\x93NUMPY":
                raise NpzProblem(
                    "it is a single NumPy array (.npy), not an .npz archive of named arrays"
                ) from None
            raise NpzProblem("it is not a readable NumPy .npz archive") from None
        with zf:
            infos = zf.infolist()
            if len(infos) > NPZ_MAX_ENTRIES:
                raise NpzProblem(f"it holds {len(infos):,} entries; a data set has a handful")
            plan, total = [], 0
            for info in infos:
                key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
                if wanted is not None and key not in wanted:
                    continue
                if info.flag_bits & 0x1 or info.compress_type not in (0, 8):
                    raise NpzProblem(f"its entry {key[:60]!r} is encrypted or packed unusually")
                if info.header_offset + info.compress_size > size:
                    raise NpzProblem("it is cut short")
                if info.file_size > NPZ_FLOOR and info.file_size > NPZ_MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise NpzProblem(
                        f"its array {key[:60]!r} would unpack from {info.compress_size:,} to "
                        f"{info.file_size:,} bytes, which looks like a decompression bomb"
                    )
                entry = zf.open(info)
                try:
                    version = np.lib.format.read_magic(entry)
                    if version == (1, 0):
                        shape, fortran, dtype = np.lib.format.read_array_header_1_0(entry)
                    elif version in ((2, 0), (3, 0)):
                        shape, fortran, dtype = np.lib.format.read_array_header_2_0(entry)
                    else:
                        raise ValueError("unknown version")
                    offset = entry.tell()
                except (ValueError, OSError, EOFError, SyntaxError, TypeError) as exc:
                    entry.close()
                    if "pickle" in str(exc) or "object" in str(exc):
                        raise NpzProblem(
                            "it stores Python objects; nnstudio only reads plain number arrays "
                            "from .npz files (for safety)"
                        ) from None
                    raise NpzProblem(f"its array {key[:60]!r} has a damaged header") from None
                if dtype.kind not in "biufUS" or dtype.hasobject or dtype.fields:
                    entry.close()
                    if dtype.hasobject:
                        raise NpzProblem(
                            "it stores Python objects; nnstudio only reads plain number arrays "
                            "from .npz files (for safety)"
                        )
                    raise NpzProblem(f"{key[:60]} holds {dtype} values; expected numbers")
                count = math.prod(shape)
                nbytes = count * dtype.itemsize
                if nbytes != info.file_size - offset:
                    entry.close()
                    raise NpzProblem(
                        f"its array {key[:60]!r} declares {count:,} values ({nbytes:,} bytes) but "
                        f"holds {max(info.file_size - offset, 0):,} bytes"
                    )
                total += max(nbytes, count * 4)  # it becomes float32 at least
                if total > MEMORY_BUDGET:
                    entry.close()
                    raise NpzProblem(
                        f"its arrays need more than {MEMORY_BUDGET // 1024**2:,} MB of memory, "
                        "more than nnstudio reads from one file"
                    )
                plan.append((key, entry, shape, fortran, dtype, nbytes))
            arrays = {}
            try:
                for key, entry, shape, fortran, dtype, nbytes in plan:
                    body = bytearray(nbytes)
                    view, done = memoryview(body), 0
                    while done < nbytes:
                        chunk = entry.read(min(CHUNK, nbytes - done))
                        if not chunk:
                            raise NpzProblem(f"its array {key[:60]!r} is cut short")
                        view[done : done + len(chunk)] = chunk
                        done += len(chunk)
                    del view
                    array = np.frombuffer(body, dtype=dtype, count=math.prod(shape))
                    array = array.reshape(shape, order="F" if fortran else "C")
                    if not dtype.isnative and dtype.byteorder not in ("|", "="):
                        array = array.astype(dtype.newbyteorder("="))
                    arrays[key] = array
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                raise NpzProblem(f"it is damaged ({str(exc)[:80]})") from None
            finally:
                for item in plan:
                    item[1].close()
    return arrays
