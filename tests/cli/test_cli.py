"""The `nnstudio` command, run the way a person runs it: in a subprocess, with no display."""

import json
import os
import shutil
import signal
import subprocess
import sys
import types

import pytest

from nnstudio import cli
from nnstudio.project import examples, load, save


def headless_env():
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    env["PYTHONIOENCODING"] = "utf-8"
    for key in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
    ):  # fast on a busy machine
        env[key] = "1"
    return env


def run(*args, cwd=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "nnstudio.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=headless_env(),
        cwd=cwd,
        timeout=timeout,
    )


def assert_one_line_error(result, words):
    assert result.returncode == 1, result
    assert result.stderr.startswith("nnstudio: error: "), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert words in result.stderr, result.stderr


@pytest.fixture
def xor_file(tmp_path):
    path = tmp_path / "xor.nnproj"
    save(examples.load("xor"), path)
    return path


def test_examples_lists_names_and_titles():
    result = run("examples")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [
        "xor",
        "gates",
        "animals",
        "spirals",
        "mnist",
        "mnist-images",
        "overfitting",
    ]
    assert "XOR: why one neuron is not enough" in lines[0]


def test_new_from_an_example(tmp_path):
    target = tmp_path / "mine.nnproj"
    result = run("new", "--example", "animals", target)
    assert result.returncode == 0 and "Created" in result.stdout
    assert load(target).title == examples.load("animals").title
    assert_one_line_error(run("new", "--example", "animals", target), "already exists")
    assert run("new", "--example", "gates", target, "--force").returncode == 0
    assert load(target).dataset.name == "and"
    assert_one_line_error(
        run("new", "--example", "nope", tmp_path / "x.nnproj"), "no lesson called 'nope'"
    )
    assert_one_line_error(
        run("new", "--example", "xor", tmp_path / "missing" / "x.nnproj"), "does not exist"
    )


def test_summary(xor_file):
    result = run("summary", xor_file)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("XOR: why one neuron is not enough\n")
    assert "Data:      xor" in out and "optimizer Adam (learning_rate=0.05)" in out
    assert "not trained yet" in out
    assert "dense (Dense)" in out and "dense_1 (Dense)" in out and "Total params: 33" in out


def test_train_then_more_epochs_then_out(xor_file, tmp_path):
    result = run("train", xor_file, "--epochs", "3")
    assert result.returncode == 0, result.stderr
    assert "Epoch 3/3" in result.stdout and "Trained 3 epoch(s) (now 3 in all)" in result.stdout
    trained = load(xor_file)
    assert trained.epochs_trained == 3 and len(trained.history["loss"]) == 3 and trained.weights
    assert int(trained.optimizer_state["iterations"]) == 3

    other = tmp_path / "more.nnproj"
    result = run(
        "train",
        xor_file,
        "--epochs",
        "2",
        "--batch-size",
        "2",
        "--learning-rate",
        "0.01",
        "--out",
        other,
    )
    assert result.returncode == 0, result.stderr
    assert "Epoch 4/5" in result.stdout and "Epoch 5/5" in result.stdout
    assert load(xor_file).epochs_trained == 3  # --out leaves the original alone
    more = load(other)
    assert more.epochs_trained == 5 and len(more.history["loss"]) == 5
    assert more.history["loss"][:3] == trained.history["loss"]
    assert (
        more.training.batch_size == 2 and more.training.optimizer["config"]["learning_rate"] == 0.01
    )
    assert int(more.optimizer_state["iterations"]) == 3 + 2 * 2  # 4 samples in batches of 2


def test_training_a_bundled_lesson_saves_a_copy_here(lessons_copy, tmp_path):
    lesson = examples.path("gates")
    assert lesson.parent == lessons_copy / "examples"  # a copy: the source tree is never written
    here = tmp_path / "here"
    here.mkdir()
    before = lesson.read_bytes()
    result = run("train", lesson, "--epochs", "2", cwd=here)
    assert result.returncode == 0, result.stderr
    assert "kept as shipped" in result.stdout and "Saved gates.nnproj." in result.stdout
    assert lesson.read_bytes() == before
    assert load(here / "gates.nnproj").epochs_trained == 2
    again = run("train", lesson, "--epochs", "2", cwd=here)  # never overwrite the trained copy
    assert_one_line_error(again, "keep training your copy with 'nnstudio train gates.nnproj'")
    assert load(here / "gates.nnproj").epochs_trained == 2 and lesson.read_bytes() == before
    assert run("train", "gates.nnproj", "--epochs", "1", cwd=here).returncode == 0
    assert load(here / "gates.nnproj").epochs_trained == 3


def test_subprocesses_run_the_code_under_test():
    """The children these tests start import this nnstudio, whatever else is installed."""
    import nnstudio

    code = "import nnstudio, sys; sys.stdout.write(nnstudio.__file__)"
    child = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=headless_env(),
        cwd=os.path.expanduser("~"),
    )
    assert os.path.samefile(child.stdout, nnstudio.__file__), child


def test_train_without_epochs_goes_to_the_projects_setting(tmp_path):
    path = tmp_path / "gates.nnproj"
    project = examples.load("gates")
    project.training.epochs = 7
    save(project, path)
    assert run("train", path).returncode == 0
    assert load(path).epochs_trained == 7
    assert run("train", path).returncode == 0  # finished: trains that many more, like the studio
    assert load(path).epochs_trained == 14


def test_evaluate_text_and_json(xor_file):
    assert run("train", xor_file, "--epochs", "60").returncode == 0
    result = run("evaluate", xor_file, "--json")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert (
        set(values) == {"loss", "accuracy"} and values["accuracy"] == 1.0 and values["loss"] < 0.1
    )
    text = run("evaluate", xor_file)
    assert text.returncode == 0 and "accuracy" in text.stdout and "4 test samples" in text.stdout


def test_evaluate_untrained_says_so(xor_file):
    result = run("evaluate", xor_file)
    assert result.returncode == 0 and "not trained yet" in result.stderr


@pytest.mark.parametrize("command", ["summary", "train", "evaluate"])
def test_broken_file_is_one_line_error(tmp_path, command):
    bad = tmp_path / "bad.nnproj"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert_one_line_error(
        run(command, bad), "Could not open bad.nnproj: it is not an nnstudio project"
    )
    assert_one_line_error(run(command, tmp_path / "nope.nnproj"), "no such file")


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "bad.nnproj"
    bad.write_bytes(b"")
    result = run("summary", bad, "--debug")
    assert (
        result.returncode == 1 and "Traceback" in result.stderr and "ProjectError" in result.stderr
    )
    assert result.stderr.rstrip().endswith(
        "nnstudio: error: Could not open bad.nnproj: the file is empty "
        "(0 bytes), so it holds no project; it may have been cut off while copying."
    )


def test_data_problem_is_one_line_error(tmp_path):
    path = tmp_path / "csv.nnproj"
    project = examples.load("xor")
    project.dataset.name, project.dataset.path, project.dataset.format = (
        "file",
        str(tmp_path / "gone.csv"),
        "csv",
    )
    save(project, path)
    result = run("train", path, "--epochs", "1")
    assert (
        result.returncode == 1
        and result.stderr.startswith("nnstudio: error: ")
        and "Traceback" not in result.stderr
    )
    assert "gone.csv" in result.stderr


@pytest.mark.parametrize(
    "args, words",
    [
        ([], "the following arguments are required"),
        (["x.nnproj", "--epochs", "0"], "at least 1"),
        (["x.nnproj", "--epochs", "many"], "whole number"),
        (["x.nnproj", "--learning-rate", "-1"], "above 0"),
        (["x.nnproj", "--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2(args, words):
    result = run("train", *args)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_unknown_command_exits_2():
    result = run("fly")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("nnstudio ")


def test_headless_commands_never_load_qt(xor_file, tmp_path):
    code = (
        "import sys\n"
        "from nnstudio.cli import main\n"
        f"for argv in (['summary', {str(xor_file)!r}], ['train', {str(xor_file)!r}, '--epochs', '1'],\n"
        f"             ['evaluate', {str(xor_file)!r}, '--json'], ['examples'],\n"
        f"             ['new', '--example', 'gates', {str(tmp_path / 'g.nnproj')!r}]):\n"
        "    assert main(argv) == 0, argv\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print('QT:' + ','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=headless_env()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "QT:"


def test_studio_without_a_display_is_one_line_error(xor_file):
    assert_one_line_error(run(), "needs a desktop")
    assert_one_line_error(run("open", xor_file), "needs a desktop")
    assert_one_line_error(run("open", "nope.nnproj"), "there is no file nope.nnproj")


def test_ctrl_c_saves_the_epochs_that_finished(tmp_path):
    path = tmp_path / "spirals.nnproj"
    save(examples.load("spirals"), path)
    child = subprocess.Popen(
        [sys.executable, "-m", "nnstudio.cli", "train", str(path), "--epochs", "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=headless_env(),
    )
    try:
        for line in child.stdout:
            if line.startswith("Epoch 3/"):
                break
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 130, err
    assert err.startswith("nnstudio: error: interrupted; the ") and "Traceback" not in err
    project = load(path)
    assert project.epochs_trained >= 2 and len(project.history["loss"]) == project.epochs_trained
    assert (
        int(project.optimizer_state["iterations"]) == project.epochs_trained * 8
    )  # 240 samples / 32


# -- opening the studio (in-process: the GUI's run() is replaced) ----------------------------------


def test_open_hands_the_file_to_the_studio(monkeypatch, xor_file):
    calls = []
    fake = types.ModuleType("nnstudio.gui.app")
    fake.run = lambda path=None: calls.append(path) or 0
    monkeypatch.setitem(sys.modules, "nnstudio.gui.app", fake)
    import nnstudio.gui

    monkeypatch.setattr(nnstudio.gui, "app", fake, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cli.main(["open", str(xor_file)]) == 0
    assert cli.main([]) == 0
    assert cli.main(["open"]) == 0  # what the desktop entry runs when started from the menu
    assert calls == [str(xor_file), str(examples.path("xor")), str(examples.path("xor"))]


def test_studio_that_cannot_be_imported(monkeypatch, capsys, xor_file):
    monkeypatch.setitem(sys.modules, "nnstudio.gui.app", None)  # import raises ImportError
    import nnstudio.gui

    # `from nnstudio.gui import app` finds the attribute first once another test imported it.
    monkeypatch.delattr(nnstudio.gui, "app", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cli.main(["open", str(xor_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nnstudio: error: the studio could not start") and err.count("\n") == 1


@pytest.mark.skipif(
    shutil.which("nnstudio") is None, reason="the nnstudio entry point is not installed"
)
def test_installed_entry_point():
    result = subprocess.run(
        ["nnstudio", "examples"], capture_output=True, text=True, env=headless_env()
    )
    assert result.returncode == 0 and result.stdout.startswith("xor")
