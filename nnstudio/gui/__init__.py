"""nnstudio.gui: the PySide6 studio.

Start it with ``nnstudio.gui.app.run(path=None)``; the window is
``nnstudio.gui.main_window.MainWindow``. Importing this package loads no Qt by itself, so
``nnstudio.cli`` can import it cheaply and only pull in PySide6 when a window is needed.
"""
