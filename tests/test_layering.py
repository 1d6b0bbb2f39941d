"""gui -> project -> data, engine: nothing below gui/ may load Qt."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "package", ["nnstudio.engine", "nnstudio.data", "nnstudio.project", "nnstudio.cli"]
)
def test_headless_packages_load_no_qt(package):
    code = (
        f"import sys, {package}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{package} loaded Qt modules: {out.stdout.strip()}"
