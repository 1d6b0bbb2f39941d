"""Per-user files of the studio: settings, the recent-files list and autosave copies.

Folders come from platformdirs (``~/.config/nnstudio`` on Linux, ``%APPDATA%`` on Windows,
``~/Library/Application Support`` on macOS). The environment variable
``NNSTUDIO_CONFIG_DIR`` puts everything (settings, autosaves) under one folder instead, which
is what the tests do so that they never touch the user's real files.

An autosave is a complete ``.nnproj`` written atomically by ``nnstudio.project.save`` plus a
small JSON sidecar saying which file it belongs to (or none, for an unsaved project) and which
process wrote it. A clean save or close deletes both; an autosave still present when the studio
starts therefore means the last session ended without saving, and is offered back.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

APP_NAME = "nnstudio"
ORG_NAME = "nnstudio"
ENV_CONFIG_DIR = "NNSTUDIO_CONFIG_DIR"
MAX_RECENT = 10


# -- folders ----------------------------------------------------------------------------------
def config_dir() -> Path:
    """Where settings live (``NNSTUDIO_CONFIG_DIR`` overrides platformdirs)."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def autosave_dir() -> Path:
    """Where autosave copies live (under ``NNSTUDIO_CONFIG_DIR`` when it is set)."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        path = Path(override) / "autosave"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME)) / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    """The studio's QSettings, an INI file in :func:`config_dir`."""
    return QSettings(str(config_dir() / "nnstudio.ini"), QSettings.Format.IniFormat)


# -- project load / save (the project package's file format) --------------------------------------
def load_project(path: str | os.PathLike):
    """Read a .nnproj; raises ``nnstudio.project.ProjectError`` with a sentence for the user."""
    from nnstudio import project

    return project.load(path)


def save_project(proj, path: str | os.PathLike) -> None:
    """Write a .nnproj atomically (a failed save leaves the old file as it was)."""
    from nnstudio import project

    project.save(proj, path)


def project_error_type() -> type[Exception]:
    from nnstudio.project import ProjectError

    return ProjectError


# -- recent files -------------------------------------------------------------------------------
class RecentFiles:
    """Most-recent-first list of opened/saved project paths, kept in QSettings."""

    KEY = "recentFiles"

    def __init__(self, store: QSettings | None = None, limit: int = MAX_RECENT):
        self._store = store if store is not None else settings()
        self.limit = limit

    def paths(self) -> list[str]:
        value = self._store.value(self.KEY, [])
        if value is None:
            return []
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value if v]

    def existing(self) -> list[str]:
        return [p for p in self.paths() if Path(p).exists()]

    def add(self, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.paths() if p != path]
        items.insert(0, path)
        self._write(items[: self.limit])

    def remove(self, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        self._write([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._write([])

    def _write(self, items: list[str]) -> None:
        self._store.setValue(self.KEY, items)
        self._store.sync()


# -- autosave ---------------------------------------------------------------------------------
@dataclass
class AutosaveEntry:
    path: Path  # the autosave .nnproj
    original: str | None  # the file it belongs to, None for a never-saved project
    saved_at: float  # time.time() when written
    pid: int

    @property
    def sidecar(self) -> Path:
        return self.path.with_suffix(".json")

    def newer_than_original(self) -> bool:
        """True when this copy holds work the original file does not (or there is no original)."""
        if not self.original or not Path(self.original).exists():
            return True
        return self.saved_at > Path(self.original).stat().st_mtime

    def delete(self) -> None:
        for p in (self.path, self.sidecar):
            try:
                p.unlink()
            except FileNotFoundError:
                pass


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


class Autosaver:
    """Writes and finds autosave copies. One per window; knows nothing of Qt widgets."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else autosave_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        # An unsaved project gets one name for the life of the window.
        self._untitled_key = f"untitled-{os.getpid()}-{int(time.time() * 1000)}"
        self.current: AutosaveEntry | None = None

    def path_for(self, original: str | None) -> Path:
        if original:
            resolved = str(Path(original).resolve())
            digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:10]
            stem = Path(original).stem[:40] or "project"
            return self.folder / f"{stem}-{digest}.nnproj"
        return self.folder / f"{self._untitled_key}.nnproj"

    def write(self, proj, original: str | None) -> AutosaveEntry:
        """Save ``proj`` to its autosave path (atomic) and record which file it belongs to."""
        target = self.path_for(original)
        if self.current is not None and self.current.path != target:
            self.current.delete()  # the project was saved under a new name
        save_project(proj, target)
        entry = AutosaveEntry(
            target, str(Path(original).resolve()) if original else None, time.time(), os.getpid()
        )
        tmp = entry.sidecar.with_suffix(".json.tmp")
        tmp.write_text(
            json.dumps({"original": entry.original, "saved_at": entry.saved_at, "pid": entry.pid}),
            encoding="utf-8",
        )
        os.replace(tmp, entry.sidecar)
        self.current = entry
        return entry

    def discard(self) -> None:
        """Delete this window's autosave (after a clean save or close)."""
        if self.current is not None:
            self.current.delete()
            self.current = None

    def entries(self) -> list[AutosaveEntry]:
        """All autosaves in the folder, newest first (including ones of running windows)."""
        found = []
        for sidecar in self.folder.glob("*.json"):
            proj = sidecar.with_suffix(".nnproj")
            if not proj.exists():
                continue
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                found.append(
                    AutosaveEntry(
                        proj,
                        meta.get("original"),
                        float(meta.get("saved_at", 0)),
                        int(meta.get("pid", 0)),
                    )
                )
            except (OSError, ValueError, TypeError):
                continue
        found.sort(key=lambda e: e.saved_at, reverse=True)
        return found

    def orphan_for(self, original: str | None) -> AutosaveEntry | None:
        """An autosave left by an ended session for ``original`` (None: an unsaved project)
        that holds newer work than the file, or None."""
        want = str(Path(original).resolve()) if original else None
        for entry in self.entries():
            if entry.original != want or _pid_alive(entry.pid):
                continue
            if entry.newer_than_original():
                return entry
            entry.delete()  # older than the file: nothing to offer
        return None

    def adopt(self, entry: AutosaveEntry) -> None:
        """Make a restored autosave this window's own (so it is replaced, then deleted on save)."""
        self.current = entry
