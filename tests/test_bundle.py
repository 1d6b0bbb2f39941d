"""The PyInstaller one-folder bundle (packaging/build_bundle.py) runs without any Python: it
trains the XOR lesson. Slow (PyInstaller takes ~30 s); skipped where PyInstaller is not installed
(it is not in the test extras: only whoever builds the bundle needs it)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "packaging" / "build_bundle.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install pyinstaller to test the bundle)",
    ),
    pytest.mark.skipif(not SCRIPT.is_file(), reason="packaging/ is not part of this installation"),
]


def load_builder():
    spec = importlib.util.spec_from_file_location("build_bundle", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_trains_xor_on_its_own(tmp_path):
    builder = load_builder()
    exe = builder.build(tmp_path / "dist", tmp_path / "work")
    assert exe.is_file() and exe.parent.parent == tmp_path / "dist"
    size_mb = builder.folder_size(exe.parent) / 2**20
    print(f"\nbundle: {size_mb:.0f} MB")
    internal = exe.parent / "_internal"
    assert not list(internal.rglob("*QtQuick*")) and not list(internal.rglob("*QtWebEngine*"))
    assert (internal / "nnstudio" / "resources" / "examples" / "xor.nnproj").is_file()

    version = subprocess.run(
        [str(exe), "--version"],
        env=builder.bundle_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert version.returncode == 0 and version.stdout.startswith("nnstudio "), version
    trained = builder.check_train(
        exe, tmp_path, epochs=5
    )  # no PYTHONPATH, no venv: the bundle alone
    assert trained.returncode == 0, trained.stderr
    assert "Trained 5 epoch(s) (now 5 in all)" in trained.stdout
