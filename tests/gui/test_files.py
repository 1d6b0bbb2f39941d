"""Per-user files: recent-files list and autosave copies (no window needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from nnstudio.gui import files
from nnstudio.project.schema import DatasetSpec, Project


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(folder))
    return folder


def small_project(title="XOR") -> Project:
    project = Project(title=title, input_shape=(2,), dataset=DatasetSpec(name="xor"))
    project.add_layer("Dense", units=3, activation="tanh")
    project.add_layer("Dense", units=1, activation="sigmoid")
    return project


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_folders_follow_the_environment_override(config_dir):
    assert files.config_dir() == config_dir
    assert files.autosave_dir() == config_dir / "autosave"
    assert files.autosave_dir().is_dir()
    store = files.settings()
    store.setValue("x", 1)
    store.sync()
    assert (config_dir / "nnstudio.ini").exists()


def test_recent_files_most_recent_first_without_duplicates(tmp_path):
    recent = files.RecentFiles(limit=3)
    paths = []
    for name in "abcd":
        p = tmp_path / f"{name}.nnproj"
        p.write_text("x")
        paths.append(str(p.resolve()))
        recent.add(p)
    assert recent.paths() == [paths[3], paths[2], paths[1]]  # limited to 3, newest first
    recent.add(paths[1])
    assert recent.paths() == [paths[1], paths[3], paths[2]]
    recent.remove(paths[3])
    assert recent.paths() == [paths[1], paths[2]]
    os.remove(paths[2])
    assert recent.existing() == [paths[1]]
    # a fresh reader (another window, the next session) sees the same list
    assert files.RecentFiles().paths() == [paths[1], paths[2]]


def test_recent_files_single_item_survives_a_round_trip(tmp_path):
    p = tmp_path / "only.nnproj"
    p.write_text("x")
    files.RecentFiles().add(p)
    assert files.RecentFiles().paths() == [str(p.resolve())]
    files.RecentFiles().clear()
    assert files.RecentFiles().paths() == []


def test_autosave_write_find_and_discard(tmp_path):
    from nnstudio import project as projmod

    original = tmp_path / "lesson.nnproj"
    projmod.save(small_project("on disk"), original)
    time.sleep(0.01)
    saver = files.Autosaver()
    entry = saver.write(small_project("edited"), str(original))
    assert entry.path.exists() and entry.sidecar.exists()
    assert entry.path.parent == files.autosave_dir()
    meta = json.loads(entry.sidecar.read_text())
    assert meta["original"] == str(original.resolve()) and meta["pid"] == os.getpid()
    assert projmod.load(entry.path).title == "edited"

    # this process is alive, so its own autosave is not an orphan
    assert files.Autosaver().orphan_for(str(original)) is None
    # after a crash (writer gone) it is offered back
    meta["pid"] = dead_pid()
    entry.sidecar.write_text(json.dumps(meta))
    found = files.Autosaver().orphan_for(str(original))
    assert found is not None and found.path == entry.path
    assert files.Autosaver().orphan_for(None) is None  # not for another (unsaved) project

    saver.discard()
    assert not entry.path.exists() and not entry.sidecar.exists()


def test_autosave_older_than_the_file_is_not_offered_and_is_removed(tmp_path):
    from nnstudio import project as projmod

    original = tmp_path / "lesson.nnproj"
    projmod.save(small_project(), original)
    entry = files.Autosaver().write(small_project("old edit"), str(original))
    meta = json.loads(entry.sidecar.read_text())
    meta.update(pid=dead_pid(), saved_at=original.stat().st_mtime - 60)
    entry.sidecar.write_text(json.dumps(meta))
    assert files.Autosaver().orphan_for(str(original)) is None
    assert not entry.path.exists()


def test_unsaved_project_autosave_moves_when_saved_under_a_name(tmp_path):
    saver = files.Autosaver()
    first = saver.write(small_project(), None)
    assert first.original is None and first.path.exists()
    second = saver.write(small_project(), str(tmp_path / "named.nnproj"))
    assert not first.path.exists() and second.path.exists()
    assert saver.path_for(str(tmp_path / "named.nnproj")) == second.path
    assert saver.path_for(str(tmp_path / "other.nnproj")) != second.path
