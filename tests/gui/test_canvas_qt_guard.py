"""The studio survives PySide6's lost references to None (see nnstudio/gui/__init__.py)."""

import subprocess
import sys


def test_many_void_qt_calls_do_not_abort_python():
    code = (
        "import nnstudio.gui\n"
        "from PySide6.QtGui import QColor\n"
        "c = QColor('red')\n"
        "for _ in range(50_000):\n"
        "    c.setAlpha(3)\n"  # returns void: each call used to cost None one reference
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "ok"
