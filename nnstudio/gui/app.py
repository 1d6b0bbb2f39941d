"""Start the studio: ``run(path=None) -> int`` (the ``nnstudio`` command calls it)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from nnstudio import paths
from nnstudio.gui import files


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load nnstudio's own translation (resources/translations/nnstudio_<lang>.qm) and Qt's
    (qtbase_<lang>.qm, for the buttons of standard dialogs) for ``locale``; returns the
    translators installed (kept alive by the caller / the app)."""
    locale = locale or QLocale()
    installed = []
    ours = QTranslator(app)
    if ours.load(locale, "nnstudio", "_", str(paths.resource("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the existing one), named for QSettings, High-DPI friendly."""
    app = QApplication.instance()
    if app is None:
        # Qt 6 scales for High-DPI screens by itself; pass fractional factors (125 %, 150 %) through
        # instead of rounding them, so text and blocks keep their intended sizes.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(files.APP_NAME)
    app.setOrganizationName(files.ORG_NAME)
    app.setApplicationDisplayName("nnstudio")
    app.setDesktopFileName(
        "nnstudio"
    )  # Wayland: the taskbar shows the entry `--install-desktop` writes
    icon = QIcon()
    for png in sorted(paths.resource("icons").glob("nnstudio-*.png")):  # PNGs: no SVG plugin needed
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    try:
        from nnstudio import __version__

        app.setApplicationVersion(__version__)
    except ImportError:
        pass
    if not getattr(app, "_nnstudio_translators", None):
        app._nnstudio_translators = install_translators(app)
    return app


def create_window(path: str | None = None):
    """A shown MainWindow with ``path`` open, or — with no path — a copy of the XOR lesson so a
    first run has something that trains at once. Offers back autosaved work after a crash."""
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path:
        window.open_path(str(Path(path)))  # offers back an autosave of that file, if any
    else:
        from nnstudio.project import examples

        window.new_from_lesson(examples.DEFAULT)  # resources/examples/xor.nnproj, as a new project
    if window.document.path is None:
        window.offer_autosave_restore()  # an unsaved project's work from a session that crashed
    return window


def run(path: str | None = None) -> int:
    """Open the studio (on ``path`` if given) and run until the window closes; the exit code."""
    app = make_application()
    window = create_window(path)
    app._nnstudio_window = window  # keep a reference for the life of the event loop
    QTimer.singleShot(0, window.raise_)
    return app.exec()


if __name__ == "__main__":  # python -m nnstudio.gui.app [file.nnproj]
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
