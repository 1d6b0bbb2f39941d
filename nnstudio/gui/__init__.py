"""nnstudio.gui: the PySide6 studio.

Start it with ``nnstudio.gui.app.run(path=None)``; the window is
``nnstudio.gui.main_window.MainWindow``. Importing this package loads no Qt by itself, so
``nnstudio.cli`` can import it cheaply and only pull in PySide6 when a window is needed.
"""

import sys as _sys


def _pyside_version() -> str:
    from importlib import metadata

    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


# pyproject pins PySide6-Essentials<6.12 on CPython < 3.12; this guard is for a machine that
# has 6.12 installed anyway (a shared environment, an older install).
if _sys.version_info < (3, 12) and _pyside_version().startswith("6.12."):
    # PySide6 6.12.0 on CPython 3.11 drops one reference to None on every call of a method that
    # returns void (painter.setPen, color.setAlpha, ...): after ~5,000 such calls None's count
    # reaches zero and Python aborts ("Fatal Python error: none_dealloc"). None is never freed,
    # so give it a reference count no program can use up (3.12+ makes None immortal anyway).
    # Test: tests/gui/test_canvas_qt_guard.py.
    # True and False lose references the same way (every repaint of a pyqtgraph plot costs
    # True ~10, a data-panel preview ~100): give them the same guard.
    import ctypes as _ctypes

    for _singleton in (None, True, False):
        _ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _singleton
