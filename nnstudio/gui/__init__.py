"""nnstudio.gui: the PySide6 studio.

Start it with ``nnstudio.gui.app.run(path=None)``; the window is
``nnstudio.gui.main_window.MainWindow``. Importing this package loads no Qt by itself, so
``nnstudio.cli`` can import it cheaply and only pull in PySide6 when a window is needed.

PySide6 6.12.0 on CPython 3.11 loses a reference to None/True/False on every void method call
and aborts after a few thousand; pyproject pins PySide6-Essentials < 6.12 below Python 3.12
(3.12 makes them immortal), and tests/gui/test_canvas_qt_guard.py checks the installed one.
"""
