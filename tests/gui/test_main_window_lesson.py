"""End to end, the way a student does the first lesson in the real window: drag a Dense block
from the palette onto the canvas, make it 8 units with tanh, pick XOR, train until accuracy is
100 %, save, reopen and find the same network and curves. Screenshots of the main states go to
screenshots/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nnstudio.gui import files
from nnstudio.gui.screenshots import grab

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))


@pytest.fixture
def shown(monkeypatch):
    """Message boxes are recorded (a test fails on an unexpected one), file dialogs answered."""
    record = {"messages": [], "save": [], "open": []}

    def note(kind):
        def show(parent, title, text, *a, **k):
            record["messages"].append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, note(kind))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (record["save"].pop(0), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (record["open"].pop(0), ""))
    )
    return record


@pytest.fixture
def window(qtbot, shown):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w._default_dock_sizes()
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()
    w.deleteLater()


# -- the way a person's mouse and keyboard reach the widgets -------------------------------------
def drop_block(canvas, layer_type: str, scene_point: QPointF) -> None:
    """The palette's drag arriving at the canvas: enter, move, drop (QDrag.exec's nested loop
    cannot run on the offscreen platform, so the same events are delivered directly)."""
    from nnstudio.gui.canvas import layer_mime_data

    pos = canvas.mapFromScene(scene_point)
    mime = layer_mime_data(layer_type)
    for cls, at in (
        (QDragEnterEvent, QPoint(pos)),
        (QDragMoveEvent, QPoint(pos)),
        (QDropEvent, QPointF(pos)),
    ):
        event = cls(
            at,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(canvas.viewport(), event)


def click_block(qtbot, canvas, index: int) -> None:
    centre = canvas.mapFromScene(canvas.layer_items[index].sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def choose(combo, value: str) -> None:
    i = combo.findData(value)
    if i < 0:
        i = combo.findText(value)
    assert i >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(i)


def train_once(qtbot, window, timeout=60000) -> str:
    with qtbot.waitSignal(window.controller.finished, timeout=timeout) as blocker:
        window.act_train.trigger()
    return blocker.args[0]


# -------------------------------------------------------------------------------------------------
def test_first_lesson_end_to_end(qtbot, window, shown, tmp_path):
    doc, canvas, inspector = window.document, window.canvas, window.inspector
    SCREENSHOTS.mkdir(exist_ok=True)

    window.act_new.trigger()
    assert doc.layers == [] and doc.path is None
    grab(window, SCREENSHOTS / "studio-empty.png")

    # pick XOR in the data panel
    window.data_panel.select_dataset("xor")
    qtbot.waitUntil(
        lambda: doc.project.dataset.name == "xor" and doc.project.input_shape == (2,), timeout=10000
    )

    # drag a Dense block from the palette onto the empty network, make it 8 units, tanh
    drop_block(canvas, "Dense", canvas.placeholder_item.sceneBoundingRect().center())
    assert [s.type for s in doc.layers] == ["Dense"]
    click_block(qtbot, canvas, 0)
    assert inspector.current_index() == 0
    type_into(qtbot, inspector.page("Dense").units, "8")
    choose(inspector.page("Dense").activation, "tanh")
    assert doc.layers[0].config["units"] == 8 and doc.layers[0].config["activation"] == "tanh"

    # the output: another Dense below it, 1 unit, sigmoid (binary cross-entropy)
    drop_block(canvas, "Dense", QPointF(0, canvas.gap_y(1)))
    assert [s.type for s in doc.layers] == ["Dense", "Dense"]
    click_block(qtbot, canvas, 1)
    type_into(qtbot, inspector.page("Dense").units, "1")
    choose(inspector.page("Dense").activation, "sigmoid")
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled")
    grab(window, SCREENSHOTS / "studio-building.png")

    # training settings: more epochs and a brisker learning rate, as the lesson suggests
    type_into(qtbot, window.training_panel.epochs, "200")
    assert doc.project.training.epochs == 200

    # train until accuracy is 100 %
    for _ in range(6):
        assert train_once(qtbot, window) == "completed"
        if doc.project.history["accuracy"][-1] == 1.0:
            break
    assert doc.project.history["accuracy"][-1] == 1.0
    assert not [m for m in shown["messages"] if m[0] == "critical"], shown["messages"]
    trained = doc.project.epochs_trained
    assert window.width() <= 1366, "a panel grew the window past a 1366-pixel projector"
    assert trained >= 200 and len(doc.project.history["loss"]) == trained
    qtbot.wait(120)  # one curves redraw (50 ms timer)
    grab(window, SCREENSHOTS / "studio-xor-trained.png")

    # save through the menu, start over, reopen
    target = tmp_path / "my-xor.nnproj"
    shown["save"].append(str(target))
    window.act_save.trigger()  # untitled: Save asks for a name
    assert target.exists() and not window.isWindowModified()
    assert window.windowTitle() == "my-xor.nnproj[*] — nnstudio"
    saved_weights = {k: v.copy() for k, v in doc.project.weights.items()}
    saved_history = {k: list(v) for k, v in doc.project.history.items()}

    window.act_new.trigger()
    assert doc.layers == [] and window.curves.series["loss"].n == 0
    shown["open"].append(str(target))
    window.act_open.trigger()
    p = doc.project
    assert [(s.type, s.config["units"], s.config["activation"]) for s in p.layers] == [
        ("Dense", 8, "tanh"),
        ("Dense", 1, "sigmoid"),
    ]
    assert p.dataset.name == "xor" and p.input_shape == (2,) and p.epochs_trained == trained
    assert p.history == saved_history
    assert set(p.weights) == set(saved_weights)
    for key, value in saved_weights.items():
        np.testing.assert_array_equal(p.weights[key], value)
    # the curves show the reopened history
    x, y = window.curves.series["loss"].data()
    assert len(y) == trained and np.allclose(y, saved_history["loss"])
    x, y = window.curves.series["accuracy"].data()
    assert y[-1] == 1.0
    # the canvas and summary show the reopened network
    assert [item.line2 for item in canvas.layer_items] == ["8 units · tanh", "1 unit · sigmoid"]


def test_finished_mnist_run(qtbot, window, shown):
    """The MNIST lesson (bundled 5k sample), five epochs: a screenshot in the middle of the
    run and one of the finished run."""
    from nnstudio.project import examples

    if "mnist" not in examples.names():
        pytest.skip("no MNIST lesson")
    window.new_from_lesson("mnist")
    doc = window.document
    assert doc.project.dataset.name.startswith("mnist")
    window.training_panel.epochs.setValue(5)
    qtbot.waitUntil(lambda: doc.project.training.epochs == 5, timeout=2000)
    grabbed = []

    def mid_run(info):  # training in progress: an epoch in the middle of five, some batches in
        if (
            not grabbed
            and window.controller.state == "running"
            and 1 <= info.epoch <= 3
            and 0 < info.batch < info.steps
        ):
            window.curves._redraw(force=True)  # (while running the curves take turns with training)
            grabbed.append(grab(window, SCREENSHOTS / "studio-training.png"))

    window.controller.progress.connect(mid_run)
    # every batch reported (a 5-epoch run of the 4,000-digit sample can take under half a
    # second, too few 10-a-second reports to be sure one lands inside epochs 2-4)
    window.controller.set_pace(("batch", 0.001))
    try:
        assert train_once(qtbot, window, timeout=120000) == "completed"
    finally:
        window.controller.set_pace(None)
        window.controller.progress.disconnect(mid_run)
    assert grabbed, "no screenshot while training"
    assert doc.project.epochs_trained == 5
    assert window.width() <= 1366, "a panel grew the window past a 1366-pixel projector"
    assert doc.project.history["accuracy"][-1] > 0.5
    assert "samples/s" in window.speed_label.text() or window.state_label.text()
    qtbot.wait(120)
    grab(window, SCREENSHOTS / "studio-mnist-finished.png")
