"""File > Import Keras Code… and File > Export… driven like a person would."""

from __future__ import annotations

import importlib.util
import textwrap

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from nnstudio.gui import files
from nnstudio.gui.keras_io import ImportReportDialog, KerasImportDialog
from nnstudio.project import examples, load
from nnstudio.project.keras_import import import_keras

CODE = textwrap.dedent("""\
    import tensorflow as tf
    from tensorflow.keras import layers
    from tensorflow.keras.layers import Dense, Activaion
    model = tf.keras.models.Sequential()
    model.add(Dense(16, activation='relu', input_shape=(2,)))
    model.add(layers.BatchNormalization())
    model.add(Dense(1, activation='sigmoid'))
    model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
    model.fit(x, y, epochs=30, batch_size=4)
""")


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(folder))
    return folder


@pytest.fixture
def window(qtbot, monkeypatch):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()
    w.deleteLater()


def test_file_menu_has_import_and_export(window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Import &Keras Code…" in texts and "&Export…" in texts
    assert texts.index("Import &Keras Code…") < texts.index("&Save")
    assert texts.index("&Export…") < texts.index("Export &Curves as PNG…")
    assert window.keras_io.act_import.shortcut().toString() == "Ctrl+Shift+I"
    assert window.keras_io.act_export.shortcut().toString() == "Ctrl+E"


def test_pasted_code_imports(qtbot):
    dialog = KerasImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.editor.setPlainText(CODE)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = dialog.result_import
    assert [s.config["units"] for s in result.project.layers] == [16, 1]


def test_syntax_error_stays_in_the_dialog_with_the_line_selected(qtbot):
    dialog = KerasImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText(
        "import keras\nmodel = keras.Sequential()\nmodel.add(Dense(3 activation='relu'))\n"
    )
    assert not dialog.try_import()
    assert dialog.isVisible() and dialog.result_import is None
    assert dialog.error.text().startswith("line 3: this is not valid Python")
    assert dialog.editor.textCursor().selectedText() == "model.add(Dense(3 activation='relu'))"


def test_dropping_a_file_on_the_dialog_loads_it(qtbot, tmp_path):
    path = tmp_path / "mlp.py"
    path.write_text(CODE)
    dialog = KerasImportDialog()
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    dialog.show()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(dialog, drop)
    assert dialog.editor.toPlainText() == CODE and dialog.filename == "mlp.py"
    big = tmp_path / "big.py"
    big.write_text("#" * 2_000_000)
    assert not dialog.load_file(str(big))
    assert "big.py is 2.0 MB" in dialog.error.text() and dialog.editor.toPlainText() == CODE


def test_report_lists_notes_and_marks_their_lines(qtbot):
    result = import_keras(CODE, "mlp.py")
    report = ImportReportDialog(result, CODE)
    qtbot.addWidget(report)
    rows = [report.notes.item(i).text() for i in range(report.notes.count())]
    assert rows[0].startswith("line 3: keras.layers has no Activaion")
    assert any(r.startswith("line 6: BatchNormalization") for r in rows)
    marked = sorted(s.cursor.blockNumber() + 1 for s in report.code.extraSelections())
    assert marked == [3, 6]
    report.notes.setCurrentRow(1)
    assert report.code.textCursor().blockNumber() + 1 == 6
    strong = {
        s.cursor.blockNumber() + 1
        for s in report.code.extraSelections()
        if s.format.background().color().name() == "#ffc46b"
    }
    assert strong == {6}
    assert (
        report.code.document().findBlockByNumber(5).text()
        == "6  model.add(layers.BatchNormalization())"
    )


def test_import_replaces_the_project_after_the_report(window, monkeypatch):
    monkeypatch.setattr(ImportReportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    result = import_keras(CODE, "mlp.py")
    assert window.keras_io.show_report(result, CODE)
    p = window.document.project
    assert p.title == "mlp" and [s.type for s in p.layers] == ["Dense", "Dense"]
    assert p.training.epochs == 30 and window.document.path is None
    assert f"2 layer(s); {len(result.notes)} note(s)" in window.statusBar().currentMessage()


def test_cancelled_report_keeps_the_project(window, monkeypatch):
    monkeypatch.setattr(ImportReportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = window.document.project
    assert not window.keras_io.show_report(import_keras(CODE, "mlp.py"), CODE)
    assert window.document.project is before


def test_dropping_a_py_file_on_the_window_opens_the_import_dialog(
    window, qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "mlp.py"
    path.write_text(CODE)
    opened = []
    monkeypatch.setattr(window.keras_io, "import_dialog", lambda p=None: opened.append(p))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: opened == [str(path)], timeout=3000)


@pytest.mark.parametrize(
    "chosen, fmt, written",
    [
        ("Keras script (*.py)", "keras", ["xor_keras.py", "xor_keras.npz"]),
        ("PyTorch script (*.py)", "pytorch", ["xor_keras.py", "xor_keras.npz"]),
        pytest.param(
            "ONNX model (*.onnx)",
            "onnx",
            ["xor_keras.onnx"],
            marks=pytest.mark.skipif(
                importlib.util.find_spec("onnx") is None,
                reason="onnx is not installed (nnstudio[export])",
            ),
        ),
    ],
)
def test_export_writes_the_chosen_kind(window, tmp_path, monkeypatch, chosen, fmt, written):
    window.document.replace_project(examples.load("xor"))
    out = tmp_path / "xor_keras.py"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), chosen))
    )
    assert window.keras_io.export_dialog()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(written)
    assert f"Exported {', '.join(written)}" in window.statusBar().currentMessage()
    if fmt != "onnx":
        assert ("import torch" in out.read_text()) == (fmt == "pytorch")


def test_export_error_is_a_message_not_a_traceback(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text))
    )
    window.document.replace_project(load(examples.path("xor")))
    window.document.project.layers.clear()
    assert not window.keras_io.export_to(tmp_path / "x.py", "keras")
    assert shown and "no layers" in shown[0]
    assert not (tmp_path / "x.py").exists()
