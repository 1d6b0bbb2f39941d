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


def _csv(path, rows=40):
    lines = ["a,b,label"] + [f"{i % 7},{i % 3},{i % 2}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _csv_project(data_path) -> Project:
    p = Project(title="mine", input_shape=(2,))
    p.dataset.name, p.dataset.path, p.dataset.format = "file", str(data_path), "csv"
    p.add_layer("Dense", units=4, activation="relu")
    p.add_layer("Dense", units=1, activation="sigmoid")
    p.training.epochs = 1
    return p


def test_mnist_params_from_a_file_choose_no_server(tmp_path):
    """Problem 4: `mirrors` in project.json reached the downloader."""
    path = tmp_path / "m.nnproj"
    p = examples.load("mnist")
    p.dataset.name = "mnist"
    p.dataset.params = {"mirrors": ["file:///dev/zero#"], "timeout": 1}
    save(p, path)
    result = run("train", path, "--epochs", 1)
    assert_one_line_error(result, "does not have")
    assert "downloading" not in result.stderr


def test_progress_in_params_is_a_project_error(tmp_path):
    """Problem 7: `progress`/`cancel` keys gave a raw TypeError."""
    path = tmp_path / "x.nnproj"
    p = examples.load("xor")
    p.dataset.params = {"progress": 1}
    save(p, path)
    assert_one_line_error(run("train", path, "--epochs", 1), "“progress”")


def test_data_outside_the_project_folder_needs_consent(tmp_path):
    """Problem 5: a project's data path can be any file (`/etc/passwd` was read without asking)."""
    (tmp_path / "proj").mkdir()
    (tmp_path / "elsewhere").mkdir()
    data = _csv(tmp_path / "elsewhere" / "d.csv")
    path = tmp_path / "proj" / "p.nnproj"
    save(_csv_project(data), path)
    result = run("train", path, "--epochs", 1)
    assert_one_line_error(result, "--allow-outside-data")
    assert str(data) in result.stderr
    assert run("train", path, "--epochs", 1, "--allow-outside-data").returncode == 0
    inside = _csv(tmp_path / "proj" / "d.csv")
    save(_csv_project(inside), path)
    assert run("train", path, "--epochs", 1).returncode == 0


def test_a_device_as_data_is_refused_at_once(tmp_path):
    """Problem 5: `../../dev/zero` as the data path was a read that never ended."""
    path = tmp_path / "p.nnproj"
    p = _csv_project("/dev/zero")
    save(p, path)
    start = time.perf_counter()
    result = run("train", path, "--epochs", 1, "--allow-outside-data", timeout=60)
    assert_one_line_error(result, "device")
    assert time.perf_counter() - start < 30


def test_an_absurd_step_count_is_a_project_error(tmp_path):
    """Problem 7: an iteration count of 2**63-1 gave a raw OverflowError."""
    path = tmp_path / "x.nnproj"
    save(examples.load("xor"), path)
    assert run("train", path, "--epochs", 1).returncode == 0
    p = load(path)
    p.optimizer_state["iterations"] = np.array(2**63 - 1, np.int64)
    from nnstudio.project.fileformat import to_bytes

    with pytest.raises(Exception, match="step count"):
        to_bytes(p)  # the studio never writes one
    # a file written by someone else
    from nnstudio.project import validate

    real = validate.MAX_ITERATIONS
    try:
        validate.MAX_ITERATIONS = 2**63
        save(p, path)
    finally:
        validate.MAX_ITERATIONS = real
    assert_one_line_error(run("train", path, "--epochs", 1), "step count")


def test_summary_prints_no_terminal_escapes(tmp_path):
    """Problem 9: `summary` printed ANSI escapes from a file raw."""
    path = tmp_path / "x.nnproj"
    p = examples.load("xor")
    p.title = "Lesson\x1b[2J\x1b[31m red"
    p.description = {"en": "text \x1b]0;owned\x07 here"}
    save(p, path)
    result = run("summary", path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_errors_are_one_bounded_line(tmp_path):
    """Problem 9: a 3.6 MB setting gave a 3.6-million-character line; a newline in a name, two."""
    path = tmp_path / "x.nnproj"
    p = examples.load("xor")
    p.layers[0].config["activation"] = "x" * 3_600_000
    from nnstudio.project.fileformat import _dump_json
    from nnstudio.project import fileformat

    good = fileformat.to_bytes(examples.load("xor"))
    with zipfile.ZipFile(__import__("io").BytesIO(good)) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    content = __import__("json").loads(entries["project.json"])
    content["layers_note"] = None
    content["network"]["layers"][0]["config"]["activation"] = "x" * 3_600_000
    entries["project.json"] = _dump_json(content)
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in entries.items():
            zf.writestr(n, data)
    result = run("summary", path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert len(result.stderr) <= 1100, len(result.stderr)
    odd = tmp_path / "two\nlines\x1b[31m.nnproj"
    odd.write_bytes(b"not a project")
    result = run("summary", odd)
    assert_one_line_error(result, "not an nnstudio project")
    assert "\x1b" not in result.stderr


def test_embedded_data_travels_with_the_project(tmp_path):
    """Issue 14 problem 2: a project emailed without its CSV still trains."""
    from nnstudio.project import build_dataset
    from nnstudio.project.embed import embed

    data = _csv(tmp_path / "d.csv")
    p = _csv_project(data)
    assert embed(p, build_dataset(p))
    path = tmp_path / "p.nnproj"
    save(p, path)
    data.unlink()
    with zipfile.ZipFile(path) as zf:
        assert "data.npz" in zf.namelist()
    result = run("train", path, "--epochs", 2)
    assert result.returncode == 0, result.stderr
    q = load(path)
    assert q.epochs_trained == 2
    np.testing.assert_array_equal(q.embedded_data["x_train"], p.embedded_data["x_train"])


def test_data_too_big_to_embed_stays_a_link(tmp_path):
    from nnstudio.project import build_dataset
    from nnstudio.project.embed import embed

    p = _csv_project(_csv(tmp_path / "d.csv"))
    assert not embed(p, build_dataset(p), limit=100)
    assert p.embedded_data is None


def test_embedded_data_larger_than_declared_is_refused(tmp_path):
    import io
    import json

    from nnstudio.project import ProjectError, build_dataset
    from nnstudio.project.embed import embed
    from nnstudio.project.fileformat import from_bytes, to_bytes

    p = _csv_project(_csv(tmp_path / "d.csv"))
    embed(p, build_dataset(p))
    with zipfile.ZipFile(io.BytesIO(to_bytes(p))) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    content = json.loads(entries["project.json"])
    content["dataset"]["embedded"]["shapes"]["x_train"] = [1, 2]
    entries["project.json"] = json.dumps(content).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, data in entries.items():
            zf.writestr(n, data)
    with pytest.raises(ProjectError, match="does not match its description|zip bomb"):
        from_bytes(buf.getvalue())
