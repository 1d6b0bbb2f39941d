"""Export fit(): the XOR lesson's script, run in a subprocess, repeats 20 studio epochs to 1e-6."""

from __future__ import annotations

import copy
import subprocess
import sys

import numpy as np

from nnstudio.gui.backprop.export import script_for
from nnstudio.gui.training.controller import TrainingController
from nnstudio.project import build, fileformat
from nnstudio.project.document import Document

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_xor_script_repeats_20_studio_epochs(qtbot, tmp_path):
    project = fileformat.load(ROOT / "resources/examples/xor.nnproj")
    project.training.epochs = 20
    ds = build.build_dataset(project)
    text = script_for(copy.deepcopy(project), ds)
    assert (
        "def forward" in text
        and "def backward" in text
        and "def update" in text
        and "def fit" in text
    )
    doc = Document(project)
    controller = TrainingController(doc)
    controller.set_dataset(ds)
    try:
        with qtbot.waitSignal(controller.finished, timeout=60000) as blocker:
            assert controller.start()
        assert blocker.args == ["completed"]
    finally:
        assert controller.shutdown(3000)
    assert doc.project.epochs_trained == 20
    script = tmp_path / "fit_xor.py"
    script.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), "20", str(tmp_path / "w.npz")],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    losses = [
        float(line.split("loss ")[1])
        for line in done.stdout.splitlines()
        if line.startswith("epoch")
    ]
    assert len(losses) == 20
    np.testing.assert_allclose(losses, doc.project.history["loss"], rtol=0, atol=1e-6)
    with np.load(tmp_path / "w.npz") as f:
        for key, w in doc.project.weights.items():
            np.testing.assert_allclose(f[key], w, rtol=0, atol=1e-6)
            print(key, "max |difference|", float(np.abs(f[key] - w).max()))


def test_export_command_writes_the_file(qtbot, tmp_path):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.new_from_lesson("xor")
    assert w.backprop.act_export in w.train_menu.actions()
    path = tmp_path / "fit.py"
    assert w.backprop.export_script(str(path))
    assert "def fit" in path.read_text(encoding="utf-8")
