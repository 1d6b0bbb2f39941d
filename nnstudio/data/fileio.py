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
