"""The network canvas and the layer palette, driven with mouse and keyboard like a student would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from nnstudio.gui.canvas import MIME_TYPE, LayerPalette, NetworkCanvas, layer_mime_data


@pytest.fixture
def canvas(qtbot, doc, undo_stack):
    view = NetworkCanvas(doc, undo_stack)
    qtbot.addWidget(view)
    view.resize(520, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def types(doc):
    return [spec.type for spec in doc.layers]


def ids(doc):
    return [spec.id for spec in doc.layers]


def view_pos(canvas, scene_point: QPointF) -> QPoint:
    return canvas.mapFromScene(scene_point)


def block_centre(canvas, index) -> QPoint:
    return view_pos(canvas, canvas.layer_items[index].sceneBoundingRect().center())


def gap_point(canvas, gap) -> QPoint:
    """The viewport point in the middle of the space above layer ``gap`` (where an arrow is)."""
    return view_pos(canvas, QPointF(0, canvas.gap_y(gap)))


def drop(canvas, mime: QMimeData, pos: QPoint) -> QDropEvent:
    """Deliver an OS drag-and-drop to the canvas viewport: enter, move, drop at ``pos``.

    A real QDrag.exec() runs a nested platform loop that the offscreen platform cannot be
    driven through, so the test sends the same QDragEnter/QDragMove/QDrop events Qt itself
    would deliver to the viewport, carrying the palette's real mime data.
    """
    viewport = canvas.viewport()
    buttons, mods = Qt.LeftButton, Qt.NoModifier
    enter = QDragEnterEvent(QPoint(pos), Qt.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return enter
    move = QDragMoveEvent(QPoint(pos), Qt.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    event = QDropEvent(QPointF(pos), Qt.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, event)
    return event


def drag_block(qtbot, canvas, src_index: int, to: QPoint):
    """Press on a layer block, move in steps, release at ``to`` (viewport coordinates)."""
    start = block_centre(canvas, src_index)
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    steps = 6
    for i in range(1, steps + 1):
        p = start + (to - start) * (i / steps)
        qtbot.mouseMove(viewport, p)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=to)


def test_shows_input_layers_output_with_param_counts(canvas, doc):
    assert canvas.input_item.line2 == "shape (2,)"
    assert [item.layer_id for item in canvas.layer_items] == ["dense", "dense_1"]
    assert canvas.layer_items[0].line2 == "4 units · tanh"
    assert canvas.layer_items[0].line3 == "12 params"  # 2*4 + 4
    assert canvas.layer_items[1].line3 == "5 params"  # 4*1 + 1
    assert "binary_crossentropy" in canvas.output_item.line2
    assert canvas.output_item.tag == "1 output"


def test_palette_drag_carries_layer_mime(qtbot, doc, undo_stack, monkeypatch):
    palette = LayerPalette(doc, undo_stack)
    qtbot.addWidget(palette)
    palette.show()
    qtbot.waitExposed(palette)
    started = []

    def fake_exec(drag, *args):  # the OS drag loop cannot run offscreen: record what it carries
        mime = drag.mimeData()
        started.append((bytes(mime.data(MIME_TYPE)).decode(), mime.text()))
        return Qt.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    block = palette.blocks["Dropout"]
    qtbot.mousePress(block, Qt.LeftButton, pos=QPoint(20, 10))
    qtbot.mouseMove(block, QPoint(30, 12))
    qtbot.mouseMove(block, QPoint(60, 30))
    qtbot.mouseRelease(block, Qt.LeftButton, pos=QPoint(60, 30))
    assert started == [("Dropout", "Dropout")]
    assert len(doc.layers) == 2  # a drag alone adds nothing


def test_drop_dense_between_two_blocks_then_undo_redo(canvas, doc, undo_stack):
    selected = []
    canvas.layerSelected.connect(selected.append)
    event = drop(canvas, layer_mime_data("Dense"), gap_point(canvas, 1))
    assert event.isAccepted()
    assert types(doc) == ["Dense", "Dense", "Dense"]
    new = doc.layers[1]
    assert new.id == "dense_2"
    assert new.config["units"] == 8 and new.config["activation"] == "relu"
    assert canvas.selected_index() == 1 and selected[-1] == 1
    assert [item.layer_id for item in canvas.layer_items] == ["dense", "dense_2", "dense_1"]
    assert canvas.layer_items[2].line3 == "9 params"  # now 8 -> 1

    undo_stack.undo()
    assert ids(doc) == ["dense", "dense_1"]
    assert len(canvas.layer_items) == 2
    undo_stack.redo()
    assert ids(doc) == ["dense", "dense_2", "dense_1"]


def test_drop_at_top_and_bottom(canvas, doc):
    drop(canvas, layer_mime_data("Dropout"), gap_point(canvas, 2))
    assert types(doc)[-1] == "Dropout"
    top = view_pos(canvas, canvas.input_item.sceneBoundingRect().center())
    drop(canvas, layer_mime_data("Activation"), top)
    assert types(doc)[0] == "Activation"
    assert doc.layers[0].config == {"activation": "relu"}


def test_drop_ignores_foreign_mime(canvas, doc):
    mime = QMimeData()
    mime.setText("Dense")  # plain text is not a palette block
    event = drop(canvas, mime, gap_point(canvas, 1))
    assert not event.isAccepted()
    assert len(doc.layers) == 2


def test_drop_onto_empty_network(qtbot, undo_stack):
    from nnstudio.project.document import Document

    empty = Document()
    view = NetworkCanvas(empty, undo_stack)
    qtbot.addWidget(view)
    view.resize(400, 500)
    view.show()
    assert view.placeholder_item is not None and view.layer_items == []
    pos = view_pos(view, view.placeholder_item.sceneBoundingRect().center())
    drop(view, layer_mime_data("Dense"), pos)
    assert types(empty) == ["Dense"]
    assert view.placeholder_item is None
    assert view.layer_items[0].line3.startswith("?")  # no data set yet: parameter count unknown


def test_reorder_by_dragging_a_block_then_undo(canvas, doc, undo_stack):
    canvas.add_layer("Dropout")  # dense, dense_1, dropout
    assert ids(doc) == ["dense", "dense_1", "dropout"]
    # drag the dropout block up between the two dense blocks
    drag_block(canvas_qtbot(canvas), canvas, 2, gap_point(canvas, 1))
    assert ids(doc) == ["dense", "dropout", "dense_1"]
    assert canvas.selected_index() == 1
    undo_stack.undo()
    assert ids(doc) == ["dense", "dense_1", "dropout"]
    undo_stack.redo()
    assert ids(doc) == ["dense", "dropout", "dense_1"]
    # drag the first block to the very bottom
    bottom = view_pos(canvas, canvas.output_item.sceneBoundingRect().center())
    drag_block(canvas_qtbot(canvas), canvas, 0, bottom)
    assert ids(doc) == ["dropout", "dense_1", "dense"]


def canvas_qtbot(canvas):
    from pytestqt.qtbot import QtBot

    return QtBot(canvas)


def test_small_mouse_jitter_is_a_click_not_a_move(qtbot, canvas, doc, undo_stack):
    start = block_centre(canvas, 0)
    qtbot.mousePress(canvas.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), start + QPoint(1, 1))
    qtbot.mouseRelease(canvas.viewport(), Qt.LeftButton, pos=start + QPoint(1, 1))
    assert ids(doc) == ["dense", "dense_1"]
    assert undo_stack.count() == 0
    assert canvas.selected_index() == 0


def test_click_selects_and_delete_key_removes_then_undo(qtbot, canvas, doc, undo_stack):
    selected = []
    canvas.layerSelected.connect(selected.append)
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=block_centre(canvas, 1))
    assert selected == [1]
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert ids(doc) == ["dense"]
    undo_stack.undo()
    assert ids(doc) == ["dense", "dense_1"]
    assert canvas.selected_index() == 1  # the restored block is selected again
    undo_stack.redo()
    assert ids(doc) == ["dense"]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=block_centre(canvas, 0))
    qtbot.keyClick(canvas, Qt.Key_Backspace)
    assert ids(doc) == []
    assert canvas.placeholder_item is not None
    assert selected[-1] == -1


def test_keyboard_select_and_move(qtbot, canvas, doc):
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_Down)
    assert canvas.selected_index() == 0
    qtbot.keyClick(canvas, Qt.Key_Down, Qt.ControlModifier)
    assert ids(doc) == ["dense_1", "dense"]
    assert canvas.selected_index() == 1


def test_selection_survives_rerender(canvas, doc, undo_stack):
    canvas.select_layer(1)
    doc.set_training(loss="mse")
    assert canvas.selected_index() == 1
    assert "mse" in canvas.output_item.line2


def test_locked_canvas_refuses_edits(qtbot, canvas, doc, undo_stack):
    refused = []
    canvas.editRefused.connect(refused.append)
    canvas.set_locked(True)
    event = drop(canvas, layer_mime_data("Dense"), gap_point(canvas, 1))
    assert not event.isAccepted()
    drag_block(qtbot, canvas, 0, gap_point(canvas, 2))
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=block_centre(canvas, 0))
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert not canvas.add_layer("Dense")
    assert ids(doc) == ["dense", "dense_1"]
    assert undo_stack.count() == 0
    assert refused and refused[0] == "Stop training to edit the network"
    assert canvas.selected_index() == 0  # selecting (to inspect) still works
    canvas.set_locked(False)
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert ids(doc) == ["dense_1"]


def test_palette_double_click_and_enter_append(qtbot, doc, undo_stack):
    palette = LayerPalette(doc, undo_stack)
    qtbot.addWidget(palette)
    palette.show()
    qtbot.mouseDClick(palette.blocks["Activation"], Qt.LeftButton)
    assert types(doc) == ["Dense", "Dense", "Activation"]
    palette.blocks["Dropout"].setFocus()
    qtbot.keyClick(palette.blocks["Dropout"], Qt.Key_Return)
    assert types(doc)[-1] == "Dropout" and doc.layers[-1].config["rate"] == 0.5
    palette.set_locked(True)
    qtbot.keyClick(palette.blocks["Dense"], Qt.Key_Return)
    palette.append_layer("Dense")
    assert len(doc.layers) == 4
    undo_stack.undo()
    assert types(doc) == ["Dense", "Dense", "Activation"]


def test_palette_without_document_only_requests(qtbot, canvas, doc):
    palette = LayerPalette()
    qtbot.addWidget(palette)
    palette.layerRequested.connect(canvas.add_layer)
    qtbot.mouseDClick(palette.blocks["Dense"], Qt.LeftButton)
    assert types(doc) == ["Dense", "Dense", "Dense"]
    assert canvas.selected_index() == 2


def test_input_block_shows_image_shape(qtbot, undo_stack):
    from nnstudio.project.document import Document
    from nnstudio.project.schema import DatasetSpec, Project

    project = Project(input_shape=(784,), dataset=DatasetSpec(name="mnist"))
    project.training.loss = "sparse_categorical_crossentropy"
    project.add_layer("Dense", units=10, activation="softmax")
    view = NetworkCanvas(Document(project), undo_stack)
    qtbot.addWidget(view)
    assert view.input_item.line2 == "784 features (28×28 image)"
    assert view.layer_items[0].line3 == "7,850 params"
    assert view.output_item.tag == "10 outputs"


def test_ctrl_wheel_zooms(qtbot, canvas):
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent

    before = canvas.transform().m11()
    pos = P(canvas.viewport().rect().center())
    wheel = QWheelEvent(
        pos,
        P(canvas.viewport().mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, 240),
        Qt.NoButton,
        Qt.ControlModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.transform().m11() == pytest.approx(min(before * 1.15**2, 4.0))
    canvas.fit()
    assert canvas.transform().m11() == pytest.approx(before)


def test_screenshots(qtbot, doc, undo_stack, screenshot):
    from nnstudio.project.document import Document

    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    empty = Document()
    layout.addWidget(LayerPalette(empty, undo_stack))
    layout.addWidget(NetworkCanvas(empty, undo_stack), 1)
    window.resize(860, 600)
    window.show()
    qtbot.waitExposed(window)
    assert screenshot(window, "canvas_empty").stat().st_size > 5000

    window2 = QWidget()
    qtbot.addWidget(window2)
    layout = QHBoxLayout(window2)
    layout.addWidget(LayerPalette(doc, undo_stack))
    view = NetworkCanvas(doc, undo_stack)
    layout.addWidget(view, 1)
    window2.resize(860, 720)
    window2.show()
    qtbot.waitExposed(window2)
    view.add_layer("Dropout", 1)
    view._show_indicator(QPointF(0, view.gap_y(1)))  # a block hovering between dense and dropout
    assert screenshot(window2, "canvas_building").stat().st_size > 5000


def test_palette_without_document_uses_its_windows_canvas(qtbot, doc, undo_stack):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    palette = LayerPalette()  # as a main window may build it: no document of its own
    canvas = NetworkCanvas(doc, undo_stack)
    layout.addWidget(palette)
    layout.addWidget(canvas, 1)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseDClick(palette.blocks["Dropout"], Qt.LeftButton)
    assert types(doc) == ["Dense", "Dense", "Dropout"]
    assert canvas.selected_index() == 2
    canvas.set_locked(True)
    assert palette.is_locked() and not palette.blocks["Dense"].isEnabled()
    qtbot.mouseDClick(palette.blocks["Dense"], Qt.LeftButton)
    assert len(doc.layers) == 3
    canvas.set_locked(False)
    assert not palette.is_locked()


def test_screenshots_locked_and_tall(qtbot, doc, undo_stack, screenshot):
    from nnstudio.project.document import Document
    from nnstudio.project.schema import DatasetSpec, Project

    view = NetworkCanvas(doc, undo_stack)
    qtbot.addWidget(view)
    view.resize(520, 640)
    view.show()
    qtbot.waitExposed(view)
    view.select_layer(0)
    view.set_locked(True)
    screenshot(view, "canvas_locked")

    project = Project(input_shape=(784,), dataset=DatasetSpec(name="mnist"))
    project.training.loss = "sparse_categorical_crossentropy"
    for units in (256, 128, 64, 32):
        project.add_layer("Dense", units=units, activation="relu", use_bias=True)
        project.add_layer("Dropout", rate=0.2)
    project.add_layer("Dense", units=10, activation="linear", use_bias=True)
    project.add_layer("Activation", activation="softmax")
    tall = NetworkCanvas(Document(project), undo_stack)
    qtbot.addWidget(tall)
    tall.resize(520, 640)
    tall.show()
    qtbot.waitExposed(tall)
    qtbot.wait(20)  # the deferred fit after the resize
    # too tall to fit readably: it keeps a readable scale and scrolls, starting at the input
    assert tall.transform().m11() >= 0.75
    assert tall.verticalScrollBar().maximum() > 0
    assert tall.layer_items[0].line3 == "200,960 params"
    screenshot(tall, "canvas_tall_mnist")


def test_follows_data_set_changes(canvas, doc, undo_stack):
    from nnstudio.gui.commands import SetDatasetCommand
    from nnstudio.project.schema import DatasetSpec

    undo_stack.push(SetDatasetCommand(doc, DatasetSpec(name="iris"), input_shape=(4,)))
    assert canvas.input_item.line2 == "shape (4,)"
    assert canvas.layer_items[0].line3 == "20 params"  # 4*4 + 4
    undo_stack.undo()
    assert canvas.layer_items[0].line3 == "12 params"


def test_new_project_clears_selection(canvas, doc):
    from nnstudio.project.schema import Project

    selected = []
    canvas.layerSelected.connect(selected.append)
    canvas.select_layer(0)
    other = Project(input_shape=(3,))
    other.add_layer("Dense", units=2, activation="relu")  # same id "dense" as before
    doc.replace_project(other)
    assert canvas.selected_index() == -1 and selected[-1] == -1
    assert canvas.layer_items[0].line3 == "8 params"


def test_deleted_canvas_stops_listening(qtbot, doc, undo_stack):
    view = NetworkCanvas(doc, undo_stack)
    listeners = len(doc._listeners)
    view.deleteLater()
    qtbot.waitUntil(lambda: len(doc._listeners) == listeners - 1)
    doc.update_layer(0, units=3)  # no dead view is called
