"""Saving a file so that a failure never leaves half of it.

:func:`write_atomic` writes a temp file in the same folder, fsyncs it and ``os.replace``\\ s it
over the old file: a failed or killed save leaves the old file as it was. The temp file's name
carries the saving process's id (``.<name>.<pid>.<random>.tmp``), so the temp files of a save
that was killed (power cut, SIGKILL) are recognised and removed at the next save or open of
that file (:func:`remove_stale_temps`). Saving through a symbolic link writes the file it
points to (the link stays a link). :func:`deferred_interrupt` holds back Ctrl+C while a save
runs, so a second Ctrl+C cannot cut it short.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import signal
import stat
import tempfile
import threading
from pathlib import Path


class SaveError(OSError):
    """A save failed; the message says why in words and that the old file was kept."""


def target_of(path: str | os.PathLike) -> Path:
    """The file a save of ``path`` must replace: the end of a chain of symbolic links."""
    path = Path(os.fspath(path))
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def write_atomic(path: str | os.PathLike, data: bytes, error=SaveError) -> Path:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, ``os.replace``.

    On any failure the temp file is removed, the old file is untouched and ``error`` (an
    exception class) says why in words (disk full, read-only folder, no permission, ...).
    Returns the path written (the target when ``path`` is a symbolic link).
    """
    path = target_of(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(
            f"Could not save {path.name}: a folder of that name is already there; choose another name."
        )
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    remove_stale_temps(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
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
    except OSError as exc:
        raise error(
            f"Could not save {path.name}: {os_reason(exc, folder)}; the old file was left as it was."
        ) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return path


def remove_stale_temps(path: str | os.PathLike) -> list[Path]:
    """Remove temp files that an interrupted save of ``path`` left behind; returns them.

    A temp file is stale when the process that wrote it is gone (its id is in the name);
    one without an id (older nnstudio) counts as stale when it is a minute old.
    """
    import time

    path = Path(os.fspath(path))
    folder = path.parent if str(path.parent) else Path(".")
    removed = []
    try:
        candidates = list(folder.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    pattern = re.compile(r"^\." + re.escape(path.name) + r"\.(?:(?P<pid>\d+)\.)?[^.]+\.tmp$")
    for leftover in candidates:
        match = pattern.match(leftover.name)
        if not match:
            continue
        try:
            info = leftover.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = match["pid"]
            if pid is not None:
                if int(pid) == os.getpid() or _alive(int(pid)):
                    continue
            elif info.st_mtime > time.time() - 60:
                continue
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process: leave its file alone
    return True


@contextlib.contextmanager
def deferred_interrupt():
    """Hold Ctrl+C back while the block runs (a save); yields a list that gets True if one came.

    Only in the main thread (signals are delivered there); elsewhere it does nothing.
    """
    caught: list[bool] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    except (ValueError, OSError):
        yield caught
        return
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)


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


def os_reason(exc: OSError, folder: Path) -> str:
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
