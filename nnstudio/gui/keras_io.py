"""File > Import Keras Code… and File > Export… : the studio's side of nnstudio.project.keras_import
and nnstudio.project.export.

``install(window)`` adds both actions to the window's File menu and lets a ``.py`` file dropped on
the window open the import dialog. The import dialog takes pasted code, a dropped file or a chosen
file; the report dialog then shows what came in and, line by line, what was not understood, with
those lines marked in the code, before the project replaces the open one.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontDatabase,
    QKeySequence,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import dialogs
from nnstudio.project.errors import ProjectError
from nnstudio.project.keras_import import (
    KerasImport,
    KerasImportError,
    Note,
    import_keras,
    read_text,
)

FORMATS = ("keras", "pytorch", "onnx")


def translated(template: str, args: dict) -> str:
    """A Qt-free note or error (context "keras_import") in the user's language."""
    text = QCoreApplication.translate("keras_import", template)
    # what / kind name a kind of Python expression ("a function call"): marked in the same context
    args = {
        k: QCoreApplication.translate("keras_import", v)
        if k in ("what", "kind") and isinstance(v, str)
        else v
        for k, v in args.items()
    }
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English
        return template.format(**args)


def note_text(note: Note) -> str:
    return translated(note.template, note.args)


def error_text(exc: Exception) -> str:
    if isinstance(exc, KerasImportError):
        text = translated(exc.template, exc.values)
        if exc.line:
            return QCoreApplication.translate("KerasImport", "line {line}: {text}").format(
                line=exc.line, text=text
            )
        return text
    return str(exc)


def _python_urls(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [
        u.toLocalFile()
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".py")
    ]


def _code_font():
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class KerasImportDialog(QDialog):
    """Paste Keras code, drop a .py file on it, or choose one; Import reads it (nothing is run)."""

    def __init__(self, parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.setObjectName("KerasImportDialog")
        self.setWindowTitle(self.tr("Import Keras Code"))
        self.setAcceptDrops(True)
        self.result_import: KerasImport | None = None
        self.filename: str | None = None

        intro = QLabel(
            self.tr(
                "Paste the Keras code of a Sequential model, drop a .py file here, or choose one. "
                "The code is only read, never run; what nnstudio does not understand is listed "
                "line by line, and the rest comes in."
            )
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("kerasCode")
        self.editor.setFont(_code_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Python code reads the same in every language: not translated.
        self.editor.setPlaceholderText(
            "from tensorflow import keras\nmodel = keras.Sequential([...])\n"
            "model.compile(...)\nmodel.fit(...)"
        )
        self.editor.setAcceptDrops(False)  # the dialog takes the drop: a file, not its path as text
        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        self.open_button = QPushButton(self.tr("Open &File…"))
        self.open_button.clicked.connect(self.choose_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.import_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.buttons.accepted.connect(self.try_import)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._text_changed)

        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(760, 560)
        self._text_changed()
        if path:
            self.load_file(path)

    # -- text in ------------------------------------------------------------------------------
    def set_code(self, text: str, filename: str | None = None) -> None:
        self.editor.setPlainText(text)
        self.filename = filename

    def load_file(self, path: str) -> bool:
        try:
            text = read_text(path)
        except KerasImportError as exc:
            self._show_error(error_text(exc))
            return False
        self.set_code(text, Path(path).name)
        self.setWindowTitle(self.tr("Import Keras Code — {name}").format(name=Path(path).name))
        return True

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Keras Code"),
            str(Path.home()),
            self.tr("Python files (*.py)") + ";;" + self.tr("All files (*)"),
        )
        if path:
            self.load_file(path)

    def dragEnterEvent(self, event):
        if _python_urls(event.mimeData()) or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event):
        found = _python_urls(event.mimeData())
        if found:
            self.load_file(found[0])
        elif event.mimeData().hasText():
            self.set_code(event.mimeData().text())
        event.acceptProposedAction()

    # -- import -----------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.import_button.setEnabled(bool(self.editor.toPlainText().strip()))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_import(self) -> bool:
        """Read the code; on an error the dialog stays open with the message and the line selected."""
        try:
            self.result_import = import_keras(self.editor.toPlainText(), self.filename)
        except ProjectError as exc:
            self._show_error(error_text(exc))
            line = getattr(exc, "line", None)
            if line:
                block = self.editor.document().findBlockByNumber(line - 1)
                if block.isValid():
                    cursor = QTextCursor(block)
                    cursor.select(QTextCursor.SelectionType.LineUnderCursor)
                    self.editor.setTextCursor(cursor)
                    self.editor.setFocus()
            return False
        self.error.hide()
        self.accept()
        return True


class ImportReportDialog(QDialog):
    """What came in, and what did not (each with its line, marked in the code)."""

    def __init__(self, result: KerasImport, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ImportReportDialog")
        self.setWindowTitle(self.tr("Keras Code Imported"))
        self.result_import = result
        p = result.project

        summary = QLabel(self._summary(result))
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)

        self.notes = QListWidget()
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.notes.setSpacing(2)
        for note in result.notes:
            prefix = self.tr("line {line}").format(line=note.line) + ": " if note.line else ""
            item = QListWidgetItem(prefix + note_text(note))
            item.setData(Qt.ItemDataRole.UserRole, note.line or 0)
            self.notes.addItem(item)
        if not result.notes:
            everything = self.tr("Everything in the code that concerns the model was understood.")
            self.notes.addItem(QListWidgetItem(everything))
        self.notes.currentItemChanged.connect(self._go_to_note)

        lines = code.splitlines() or [""]
        width = len(str(len(lines)))
        # numbered, so "line 9" in a note is found at a glance
        self.code = QPlainTextEdit(
            "\n".join(f"{i:>{width}}  {line}" for i, line in enumerate(lines, start=1))
        )
        self.code.setObjectName("importCode")
        self.code.setReadOnly(True)
        self.code.setFont(_code_font())
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._marked = sorted({n.line for n in result.notes if n.line})
        self._mark_lines(self._marked)

        heading = QLabel(
            self.tr("<b>Not understood or changed ({count})</b> — everything else came in:").format(
                count=len(result.notes)
            )
            if result.notes
            else self.tr("<b>Nothing was left out.</b>")
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.notes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.code)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.addButton(
            self.tr("&Open as New Project"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1180, 600)
        self.setWindowTitle(self.tr("Keras Code Imported: {title}").format(title=p.title))

    def _summary(self, result: KerasImport) -> str:
        from nnstudio.data import DATASETS
        from nnstudio.gui.texts import dataset_title

        from nnstudio.project.export.common import layer_text

        p = result.project
        parts = [layer_text(spec) for spec in p.layers]
        t = p.training
        optimizer = (t.optimizer or {}).get("class_name", "?")
        lr = ((t.optimizer or {}).get("config") or {}).get("learning_rate")
        shape = ", ".join(str(d) for d in (p.input_shape or ()))
        rows = [
            self.tr("<b>Network</b>: input ({shape}) → {layers}").format(
                shape=html.escape(shape), layers=html.escape(" → ".join(parts))
            ),
            self.tr(
                "<b>Training</b>: {optimizer} (learning rate {lr}), loss {loss}, metrics {metrics}; "
                "{epochs} epochs, batch {batch}, validation split {split}"
            ).format(
                optimizer=html.escape(optimizer),
                lr=lr,
                loss=html.escape(t.loss),
                metrics=html.escape(", ".join(t.metrics) or "-"),
                epochs=t.epochs,
                batch=t.batch_size,
                split=t.validation_split,
            ),
            self.tr("<b>Data</b>: {name}").format(
                name=html.escape(
                    dataset_title(DATASETS[p.dataset.name])
                    if p.dataset.name in DATASETS
                    else p.dataset.name
                )
            ),
        ]
        return "<br>".join(rows)

    def _mark_lines(self, lines: list[int], current: int = 0) -> None:
        """Lines with a note in light yellow; the note chosen in the list in a stronger orange."""
        selections = []
        doc = self.code.document()
        for line in lines:
            block = doc.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor("#ffc46b" if line == current else "#ffe8a3"))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.code.setExtraSelections(selections)

    def _go_to_note(self, item, _previous=None) -> None:
        line = item.data(Qt.ItemDataRole.UserRole) if item is not None else 0
        if not line:
            return
        self._mark_lines(self._marked, int(line))
        block = self.code.document().findBlockByNumber(int(line) - 1)
        if block.isValid():
            self.code.setTextCursor(QTextCursor(block))
            self.code.centerCursor()


class KerasIO(QObject):
    """The two File-menu actions and the .py drop of one studio window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.act_import = QAction(self.tr("Import &Keras Code…"), window)
        self.act_import.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.act_import.setStatusTip(
            self.tr("Make a project from Keras model code (read, never run)")
        )
        self.act_import.triggered.connect(lambda checked=False: self.import_dialog())
        self.act_export = QAction(self.tr("&Export…"), window)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.setStatusTip(
            self.tr("Write the network as a Keras or PyTorch script, or as ONNX")
        )
        self.act_export.triggered.connect(lambda checked=False: self.export_dialog())

    # -- import -----------------------------------------------------------------------------------
    def import_dialog(self, path: str | None = None) -> bool:
        w = self.window
        if w.files.refuse_while_training(self.tr("import Keras code")):
            return False
        dialog = KerasImportDialog(w, path)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_import is None:
            return False
        return self.show_report(dialog.result_import, dialog.editor.toPlainText())

    def show_report(self, result: KerasImport, code: str) -> bool:
        w = self.window
        report = ImportReportDialog(result, code, w)
        if report.exec() != QDialog.DialogCode.Accepted:
            return False
        if not w.maybe_save():
            return False
        w.files.replace(result.project, None)
        w.statusBar().showMessage(
            self.tr(
                "Imported “{title}” from Keras code: {layers} layer(s); {notes} note(s) in the report."
            ).format(
                title=result.project.title,
                layers=len(result.project.layers),
                notes=len(result.notes),
            ),
            8000,
        )
        return True

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and _python_urls(event.mimeData()):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and _python_urls(event.mimeData()):
            path = _python_urls(event.mimeData())[0]
            event.acceptProposedAction()
            # Open after the drop returns: the drag source must not wait on a modal dialog.
            QTimer.singleShot(0, lambda: self.import_dialog(path))
            return True
        return False

    # -- export -----------------------------------------------------------------------------------
    def filters(self) -> dict[str, str]:
        return {
            "keras": self.tr("Keras script (*.py)"),
            "pytorch": self.tr("PyTorch script (*.py)"),
            "onnx": self.tr("ONNX model (*.onnx)"),
        }

    def export_dialog(self) -> bool:
        w = self.window
        if w.files.refuse_while_training(self.tr("export")):
            return False
        filters = self.filters()
        folder = w.settings.value("lastDir", str(Path.home()))
        stem = Path(w.display_name()).stem.replace(" ", "_")[:60] or "model"
        path, chosen = QFileDialog.getSaveFileName(
            w,
            self.tr("Export"),
            str(Path(folder) / f"{stem}_keras.py"),
            ";;".join(filters.values()),
            filters["keras"],
        )
        if not path:
            return False
        fmt = next((key for key, text in filters.items() if text == chosen), None)
        if fmt is None:
            fmt = "onnx" if path.lower().endswith(".onnx") else "keras"
        return self.export_to(path, fmt)

    def export_to(self, path: str | Path, fmt: str) -> bool:
        from nnstudio.project.export import FORMATS, export

        w = self.window
        path = Path(path)
        if path.suffix.lower() != FORMATS[fmt]:
            path = (
                path.with_name(path.name + FORMATS[fmt])
                if not path.suffix
                else path.with_suffix(FORMATS[fmt])
            )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            files = export(w.document.project, fmt, path)
        except ProjectError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(w, self.tr("Could not export"), str(exc))
            return False
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(
                w,
                self.tr("Could not export"),
                self.tr(
                    "{path} could not be written ({reason}). Choose another folder or free some disk space."
                ).format(path=path, reason=exc.strerror or exc),
            )
            return False
        except Exception as exc:  # noqa: BLE001 - a bug in an exporter must not take the window down
            QApplication.restoreOverrideCursor()
            dialogs.show_error(
                w,
                self.tr("Could not export"),
                self.tr("The export failed: {reason}").format(reason=exc),
            )
            return False
        QApplication.restoreOverrideCursor()
        w.settings.setValue("lastDir", str(path.parent))
        w.statusBar().showMessage(
            self.tr("Exported {files}").format(files=", ".join(f.name for f in files)), 8000
        )
        return True


def install(window) -> KerasIO:
    """Add File > Import Keras Code… (after Open Recent) and File > Export… (before Export Curves),
    and take .py files dropped on the window."""
    io = KerasIO(window)
    menu = window.file_menu
    actions = menu.actions()
    recent = actions.index(window.recent_menu.menuAction())
    menu.insertAction(actions[recent + 1] if recent + 1 < len(actions) else None, io.act_import)
    menu.insertAction(window.act_export_curves, io.act_export)
    window.installEventFilter(io)
    window.keras_io = io
    return io
