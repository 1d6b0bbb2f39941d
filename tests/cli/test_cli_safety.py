"""Issue 15 through the command line: nothing lost (long runs reopen, a diverging run saves
nothing ruined), Ctrl+C during a save, special files."""

import hashlib
import os
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest

from nnstudio.project import Project, examples, load, save

from .test_cli import assert_one_line_error, headless_env, run


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def regression_project() -> Project:
    p = Project(title="sine", input_shape=(1,))
    p.dataset.name = "sine"
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1)
    p.training.loss = "mean_squared_error"
    p.training.metrics = []
    p.training.optimizer = {"class_name": "SGD", "config": {"learning_rate": 0.01}}
    p.training.epochs = 2
    return p


def test_a_long_history_saved_by_the_cli_reopens(tmp_path):
    """Problem 1: 200,000 epochs of history compress > 100:1 and used to be refused as a bomb."""
    path = tmp_path / "xor.nnproj"
    p = examples.load("xor")
    save(p, path)
    result = run("train", path, "--epochs", 3)
    assert result.returncode == 0, result.stderr
    p = load(path)
    # a history as long as the audit's, written the way the CLI writes it
    n = 200_000
    rng = np.random.default_rng(0)
    p.history = {
        "loss": np.linspace(0.7, 0.01, n, dtype=np.float32).tolist(),
        "accuracy": rng.choice([0.25, 0.5, 0.75, 1.0], n).astype(np.float32).tolist(),
    }
    p.epochs_trained = n
    save(p, path)
    result = run("summary", path)
    assert result.returncode == 0, result.stderr
    assert "200000 epoch(s) trained" in result.stdout
    q = load(path)
    assert q.history["loss"] == p.history["loss"] and q.history["accuracy"] == p.history["accuracy"]
    assert path.stat().st_size < 2_000_000
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("project.json").file_size < 20_000


def test_a_diverging_run_saves_nothing(tmp_path):
    """Problem 2: `--learning-rate 1e6` on MSE/SGD used to exit 0 and save NaN weights."""
    path = tmp_path / "s.nnproj"
    save(regression_project(), path)
    assert run("train", path, "--epochs", 2).returncode == 0
    before = _digest(path)
    good = load(path)
    result = run("train", path, "--epochs", 3, "--learning-rate", "1e6")
    assert_one_line_error(result, "diverged")
    assert "nothing was saved" in result.stderr and "2 trained epoch(s)" in result.stderr
    assert _digest(path) == before
    kept = load(path)
    assert kept.training.optimizer["config"]["learning_rate"] == 0.01
    for key, value in good.weights.items():
        np.testing.assert_array_equal(kept.weights[key], value)
        assert np.isfinite(kept.weights[key]).all()


def test_a_diverging_run_with_out_writes_no_file(tmp_path):
    path, out = tmp_path / "s.nnproj", tmp_path / "out.nnproj"
    save(regression_project(), path)
    result = run("train", path, "--epochs", 3, "--learning-rate", "1e6", "--out", out)
    assert_one_line_error(result, "diverged")
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.parametrize("command", ["summary", "train", "evaluate"])
def test_a_fifo_named_like_a_project_is_refused_at_once(tmp_path, command):
    """Problem 9: a FIFO called x.nnproj used to hang every entry point."""
    fifo = tmp_path / "x.nnproj"
    os.mkfifo(fifo)
    start = time.perf_counter()
    result = run(command, fifo, timeout=60)
    assert_one_line_error(result, "named pipe")
    assert time.perf_counter() - start < 30


def test_a_second_ctrl_c_during_the_save_lets_it_finish(tmp_path):
    """Problem 9: a second Ctrl+C during the save printed a bare 'interrupted'."""
    path = tmp_path / "xor.nnproj"
    save(examples.load("xor"), path)
    script = (
        "import os, signal, sys\n"
        "import nnstudio.project.fileformat as ff\n"
        "real = ff.write_atomic\n"
        "def slow(path, data):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"  # the second Ctrl+C, in the middle of the save
        "    return real(path, data)\n"
        "ff.write_atomic = slow\n"
        "from nnstudio import cli\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "train", str(path), "--epochs", "2"],
        capture_output=True,
        text=True,
        env={**headless_env(), "PYTHONPATH": os.getcwd()},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "it was finished first" in result.stderr and "interrupted" not in result.stderr
    assert load(path).epochs_trained == 2
