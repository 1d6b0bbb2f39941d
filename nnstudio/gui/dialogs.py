"""Small dialogs the studio shows: errors, the unsaved-work prompt, autosave restore, About,
the lesson text. All go through QMessageBox's static-style helpers so tests can monkeypatch
``QMessageBox.question`` / ``warning`` / ``critical`` / ``information``."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

import nnstudio


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error with the one-sentence explanation (never a traceback)."""
    QMessageBox.critical(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel before unsaved work is closed or replaced."""
    return QMessageBox.question(
        parent,
        _tr("Unsaved changes"),
        _tr("“{name}” has changes that are not saved. Save them before continuing?").format(
            name=name
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_restore(parent: QWidget | None, name: str, when: str) -> bool:
    """Offer back an autosave left by a session that ended without saving."""
    answer = QMessageBox.question(
        parent,
        _tr("Restore unsaved work?"),
        _tr(
            "nnstudio closed without saving “{name}”. An automatic copy from {when} was kept. "
            "Restore unsaved work?"
        ).format(name=name, when=when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def lesson_text(description: dict[str, str], locale: QLocale | None = None) -> str:
    """The lesson description in the user's language (Korean when the locale is ko), else English,
    else whatever language the project has."""
    if not description:
        return ""
    lang = (locale or QLocale()).name().split("_")[0]
    for key in (lang, "en"):
        if description.get(key):
            return description[key]
    return next(iter(description.values()))


def show_lesson(parent: QWidget | None, title: str, description: dict[str, str]) -> None:
    text = lesson_text(description) or _tr("This project has no lesson description.")
    QMessageBox.information(
        parent,
        _tr("Lesson: {title}").format(title=title),
        f"<b>{html.escape(title)}</b><p>{html.escape(text).replace(chr(10), '<br>')}</p>",
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        _tr("About nnstudio"),
        _tr(
            "<b>nnstudio {version}</b><p>A desktop studio for learning how neural networks train: "
            "drag layers into a network, pick activations, a loss and an optimizer, load a toy "
            "problem or MNIST, and watch a NumPy backprop engine learn, live.</p>"
            "<p>The engine uses Keras 3 names and defaults, so what you learn here carries over "
            "to your textbook.</p>"
        ).format(version=getattr(nnstudio, "__version__", "0.1.0")),
    )
