"""A save that fails -- disk full, read-only folder, killed mid-write -- leaves the old file."""

import errno
import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from nnstudio.project import ProjectError, load, save
from nnstudio import atomic


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path, helpers):
    path = tmp_path / "work.nnproj"
    save(helpers.small_project(), path)
    return path


def _changed(helpers):
    p = helpers.small_project()
    p.title = "changed"
    p.weights["dense/kernel"] = p.weights["dense/kernel"] + 1
    return p


def test_save_replaces_and_leaves_no_temp(saved, helpers):
    save(_changed(helpers), saved)
    assert load(saved).title == "changed"
    assert sorted(os.listdir(saved.parent)) == ["work.nnproj"]


def test_disk_full_while_writing(saved, helpers, monkeypatch):
    before = _digest(saved)
    real_write = os.write
    calls = []

    def write(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, data[: len(data) // 2])  # half goes out, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", write)
    with pytest.raises(ProjectError, match="disk is full") as info:
        save(_changed(helpers), saved)
    monkeypatch.undo()
    assert len(calls) == 2
    assert "old file was left as it was" in str(info.value)
    assert _digest(saved) == before and load(saved).title == "tiny"
    assert sorted(os.listdir(saved.parent)) == ["work.nnproj"]


def test_disk_full_at_fsync(saved, helpers, monkeypatch):
    before = _digest(saved)

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(ProjectError, match="disk is full"):
        save(_changed(helpers), saved)
    monkeypatch.undo()
    assert _digest(saved) == before and sorted(os.listdir(saved.parent)) == ["work.nnproj"]


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root may write in read-only folders"
)
def test_read_only_folder(saved, helpers):
    before = _digest(saved)
    os.chmod(saved.parent, 0o555)
    try:
        with pytest.raises(ProjectError, match="may not write in the folder"):
            save(_changed(helpers), saved)
        assert sorted(os.listdir(saved.parent)) == ["work.nnproj"]
    finally:
        os.chmod(saved.parent, 0o755)
    assert _digest(saved) == before


@pytest.mark.parametrize(
    "code, words", [(errno.EACCES, "may not write in the folder"), (errno.EROFS, "read-only disk")]
)
def test_read_only_folder_as_the_system_reports_it(saved, helpers, monkeypatch, code, words):
    """The same refusal as the OS gives it (runs also as root, whom chmod does not stop)."""
    before = _digest(saved)

    def mkstemp(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    with pytest.raises(ProjectError, match=words):
        save(_changed(helpers), saved)
    monkeypatch.undo()
    assert _digest(saved) == before and sorted(os.listdir(saved.parent)) == ["work.nnproj"]


def test_replace_failing_removes_the_temp(saved, helpers, monkeypatch):
    before = _digest(saved)

    def replace(src, dst):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(ProjectError, match="work.nnproj"):
        save(_changed(helpers), saved)
    monkeypatch.undo()
    assert _digest(saved) == before and sorted(os.listdir(saved.parent)) == ["work.nnproj"]


def test_saving_over_a_folder_is_refused(tmp_path, helpers):
    (tmp_path / "x.nnproj").mkdir()
    with pytest.raises(ProjectError, match="folder"):
        save(helpers.small_project(), tmp_path / "x.nnproj")


def test_missing_folder(tmp_path, helpers):
    with pytest.raises(ProjectError, match="does not exist"):
        save(helpers.small_project(), tmp_path / "nope" / "x.nnproj")


def test_permissions_of_the_old_file_are_kept(saved, helpers):
    os.chmod(saved, 0o640)
    save(_changed(helpers), saved)
    assert (os.stat(saved).st_mode & 0o777) == 0o640


_SAVER = textwrap.dedent(
    """
    import sys
    import numpy as np
    from nnstudio.project import Project, save
    path = sys.argv[1]
    p = Project(title="big", input_shape=(1000,))
    p.add_layer("Dense", units=2000)
    rng = np.random.default_rng(0)
    p.weights = {"dense/kernel": rng.random((1000, 2000), dtype=np.float32), "dense/bias": np.zeros(2000, np.float32)}
    i = 0
    while True:
        p.history = {"loss": [float(i)]}
        p.weights["dense/bias"][:] = i
        save(p, path)
        i += 1
        print(i, flush=True)
    """
)


def test_killed_mid_save_leaves_a_file_that_loads(tmp_path):
    """SIGKILL at random moments while an 8 MB project is saved over and over."""
    path = tmp_path / "big.nnproj"
    rng = random.Random(1234)
    for _attempt in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout.readline().strip()  # at least one complete save exists
            time.sleep(rng.uniform(0.0, 0.4))
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            child.wait()
            child.stdout.close()
        p = load(path)
        step = p.history["loss"][0]
        assert p.weights["dense/kernel"].shape == (1000, 2000)
        np.testing.assert_array_equal(p.weights["dense/bias"], np.full(2000, step, np.float32))
        leftovers = [name for name in os.listdir(tmp_path) if name != "big.nnproj"]
        assert all(name.startswith(".big.nnproj.") and name.endswith(".tmp") for name in leftovers)


def test_temps_left_by_a_killed_save_are_cleared_later(saved, helpers):
    old = saved.parent / ".work.nnproj.abc123.tmp"
    young = saved.parent / ".work.nnproj.def456.tmp"  # maybe another save in progress right now
    other = saved.parent / ".other.nnproj.abc123.tmp"
    for path in (old, young, other):
        path.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    save(_changed(helpers), saved)
    assert not old.exists() and young.exists() and other.exists()


def test_temps_of_a_killed_save_are_removed_at_the_next_save_or_open(saved, helpers):
    """Issue 15 problem 9: a killed save's full-size temp used to stay for an hour."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    pid = int(dead.stdout)
    leftover = saved.parent / f".work.nnproj.{pid}.k1ll3d.tmp"
    leftover.write_bytes(b"x" * 100_000)
    mine = saved.parent / f".work.nnproj.{os.getpid()}.mine01.tmp"  # a save running right now
    mine.write_bytes(b"partial")
    load(saved)
    assert not leftover.exists() and mine.exists()
    leftover.write_bytes(b"x")
    save(_changed(helpers), saved)
    assert not leftover.exists() and mine.exists()


def test_saving_through_a_symlink_writes_the_target(saved, helpers, tmp_path):
    """Issue 15 problem 9: the link used to be replaced and the real file kept its old content."""
    link = tmp_path / "link.nnproj"
    link.symlink_to(saved)
    save(_changed(helpers), link)
    assert link.is_symlink() and os.path.samefile(link, saved)
    assert load(saved).title == _changed(helpers).title
