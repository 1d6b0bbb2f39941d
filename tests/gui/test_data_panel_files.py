"""Open file… in the data panel: CSV (label column asked), NPZ, IDX folder; broken files are
explained in a message box and the previous data set stays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nnstudio.gui.panels import data_panel as dp
from nnstudio.gui.panels.data_panel import DataPanel, LabelColumnDialog, csv_columns
from nnstudio.paths import DATASETS as DATASETS_DIR
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project


@pytest.fixture
def panel(qtbot, undo_stack):
    doc = Document(Project(input_shape=(2,), dataset=DatasetSpec(name="xor")))
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    p.resize(420, 600)
    p.show()
    yield p
    p.shutdown()


@pytest.fixture
def warnings(monkeypatch):
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a, **k: seen.append((title, text))),
    )
    return seen


def choose_file(monkeypatch, path):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def iris_like(path: Path, rows: int = 60) -> Path:
    rng = np.random.default_rng(0)
    lines = ["sepal,petal,species"]
    for i in range(rows):
        kind = ["setosa", "versicolor", "virginica"][i % 3]
        lines.append(f"{rng.normal(i % 3, 0.3):.3f},{rng.normal(2 * (i % 3), 0.3):.3f},{kind}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_csv_asks_for_the_label_column_and_becomes_the_dataset(
    qtbot, panel, tmp_path, monkeypatch, warnings
):
    path = iris_like(tmp_path / "iris.csv")
    choose_file(monkeypatch, path)
    asked = []

    def ask(parent, file_name, columns):
        asked.append((file_name, columns))
        return 2, None

    monkeypatch.setattr(LabelColumnDialog, "ask", staticmethod(ask))
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as loaded:
        qtbot.mouseClick(panel.open_button, dp.Qt.MouseButton.LeftButton)
    assert asked == [("iris.csv", ["sepal", "petal", "species"])]
    ds = loaded.args[0]
    doc = panel.document.project
    assert doc.dataset == DatasetSpec(
        name="file", path=str(path), format="csv", options={"label_column": "species"}
    )
    assert doc.input_shape == (2,)
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    assert panel.preview.kind == "2d" and panel.preview.point_count() == 60
    assert panel.combo.currentText().strip() == "iris.csv (CSV)"
    assert warnings == []
    # undo goes back to XOR, redo brings the file back from the cache
    panel.undo_stack.undo()
    assert panel.combo.currentText().strip() == "XOR gate" and panel.preview.kind == "table"
    panel.undo_stack.redo()
    assert panel.current_dataset() is ds and panel.combo.currentText().strip() == "iris.csv (CSV)"


def test_malformed_csv_shows_the_sentence_and_keeps_the_old_dataset(
    qtbot, panel, tmp_path, monkeypatch, warnings
):
    path = tmp_path / "broken.csv"
    path.write_text("a,b,label\n1,2,0\n3,4\n5,6,1\n")
    choose_file(monkeypatch, path)
    monkeypatch.setattr(
        LabelColumnDialog, "ask", staticmethod(lambda parent, name, columns: (2, None))
    )
    before = panel.current_dataset()
    qtbot.mouseClick(panel.open_button, dp.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    title, text = warnings[0]
    assert "broken.csv" in text and "line 3" in text and "Traceback" not in text
    assert panel.document.project.dataset == DatasetSpec(name="xor")
    assert panel.undo_stack.count() == 0
    assert panel.current_dataset() is before
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.preview.kind == "table" and panel.preview.row_count() == 8
    # the panel keeps working
    with qtbot.waitSignal(panel.datasetLoaded):
        panel.combo.setCurrentIndex(panel._combo_index("moons"))
    assert panel.document.project.dataset.name == "moons"


def test_binary_file_named_csv_is_refused_before_asking(
    qtbot, panel, tmp_path, monkeypatch, warnings
):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    choose_file(monkeypatch, path)
    monkeypatch.setattr(
        LabelColumnDialog, "ask", staticmethod(lambda *a: pytest.fail("must not ask"))
    )
    panel.open_file()
    assert len(warnings) == 1 and "not a text file" in warnings[0][1]
    assert panel.document.project.dataset.name == "xor"


def test_cancelling_the_file_dialog_changes_nothing(qtbot, panel, monkeypatch, warnings):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    panel.open_file()
    assert panel.undo_stack.count() == 0 and warnings == []


def test_npz_file(qtbot, panel, tmp_path, monkeypatch, warnings):
    path = tmp_path / "line.npz"
    x = np.linspace(-1, 1, 50, dtype=np.float32).reshape(-1, 1)
    np.savez(path, x_train=x[:40], y_train=2 * x[:40] + 1, x_test=x[40:], y_test=2 * x[40:] + 1)
    choose_file(monkeypatch, path)
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000):
        panel.open_file()
    assert panel.document.project.dataset == DatasetSpec(name="file", path=str(path), format="npz")
    assert panel.document.project.input_shape == (1,)
    assert panel.preview.kind == "1d" and panel.preview.point_count() == 50
    assert warnings == []


def test_one_idx_file_opens_its_folder(qtbot, panel, monkeypatch, warnings):
    folder = DATASETS_DIR / "mnist-5k"
    choose_file(monkeypatch, folder / "train-images-idx3-ubyte.gz")
    with qtbot.waitSignal(panel.datasetLoaded, timeout=20_000):
        panel.open_file()
    assert panel.document.project.dataset == DatasetSpec(
        name="file", path=str(folder), format="idx"
    )
    assert panel.document.project.input_shape == (784,)
    assert panel.preview.kind == "image" and panel.preview.image_count() == 32
    assert warnings == []


def test_csv_columns_follow_the_readers_header_rule(tmp_path):
    with_header = tmp_path / "h.csv"
    with_header.write_text("x,y,cls\n1,2,a\n3,4,b\n")
    assert csv_columns(str(with_header)) == (["x", "y", "cls"], True)
    without = tmp_path / "n.csv"
    without.write_text("1;2;0\n3;4;1\n")
    assert csv_columns(str(without)) == (["x1", "x2", "x3"], False)


def test_label_column_dialog_accepts_the_default(qtbot):
    def accept():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LabelColumnDialog)
        dialog.accept()

    QTimer.singleShot(0, accept)
    assert LabelColumnDialog.ask(None, "a.csv", ["a", "b", "target"]) == (2, None)


def test_opening_the_same_file_again_rereads_it(qtbot, panel, tmp_path, monkeypatch, warnings):
    path = iris_like(tmp_path / "iris.csv", rows=60)
    choose_file(monkeypatch, path)
    monkeypatch.setattr(
        LabelColumnDialog, "ask", staticmethod(lambda parent, name, columns: (2, None))
    )
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000):
        panel.open_file()
    iris_like(path, rows=90)  # the user edited the file
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as loaded:
        panel.open_file()
    assert loaded.args[0].n_train + loaded.args[0].n_test == 90
    assert panel.preview.point_count() == 90
    assert panel.undo_stack.count() == 1  # same spec: no second undo step


def test_idx_folder_action(qtbot, panel, monkeypatch, warnings):
    folder = DATASETS_DIR / "mnist-5k"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    with qtbot.waitSignal(panel.datasetLoaded, timeout=20_000):
        panel.open_folder_action.trigger()
    assert panel.document.project.dataset == DatasetSpec(
        name="file", path=str(folder), format="idx"
    )
    assert panel.summary.text() == "4,000 train / 1,000 test · 784 features · 10 classes"


def test_project_naming_a_missing_file_explains_in_the_preview(
    qtbot, undo_stack, tmp_path, warnings
):
    missing = tmp_path / "gone.csv"
    doc = Document(
        Project(input_shape=(4,), dataset=DatasetSpec(name="file", path=str(missing), format="csv"))
    )
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: not p._jobs, timeout=10_000)
    assert p.current_dataset() is None
    assert p.preview.kind == "message" and "gone.csv" in p.preview.message.text()
    assert p.combo.currentText().strip() == "gone.csv (CSV)"
    assert warnings == [] and undo_stack.count() == 0  # no dialog popping up while a project opens
    p.shutdown()


def test_korean_cp949_csv_shows_its_hangul_column_names(
    qtbot, panel, tmp_path, monkeypatch, warnings
):
    """A CSV saved by Korean Excel (cp949): the real column dialog lists the Hangul names the
    reader will use, and choosing one loads the file with those names."""
    path = tmp_path / "꽃.csv"
    lines = ["꽃받침,꽃잎,품종"] + [
        f"{i % 3 + 0.1 * i:.2f},{2 * (i % 3) + 0.05 * i:.2f},{['장미', '국화', '백합'][i % 3]}"
        for i in range(30)
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp949"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really not UTF-8
    choose_file(monkeypatch, path)
    shown = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LabelColumnDialog)
        shown.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        dialog.list.setCurrentRow(2)
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as loaded:
        qtbot.mouseClick(panel.open_button, dp.Qt.MouseButton.LeftButton)
    assert shown == ["꽃받침", "꽃잎", "품종"]
    assert panel.document.project.dataset.options == {"label_column": "품종"}
    assert loaded.args[0].class_names == ["국화", "백합", "장미"]
    assert warnings == []
