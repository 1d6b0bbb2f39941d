"""The layer inspector, wired to the canvas as in the main window, driven by keyboard and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from nnstudio.gui.canvas import LayerPalette, NetworkCanvas, layer_mime_data
from nnstudio.gui.commands import EditLayerCommand
from nnstudio.gui.panels.inspector import Inspector


@pytest.fixture
def studio(qtbot, doc, undo_stack):
    """Palette | canvas | inspector, wired the way the main window wires them."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    window.palette = LayerPalette(doc, undo_stack)
    window.canvas = NetworkCanvas(doc, undo_stack)
    window.inspector = Inspector(doc, undo_stack)
    window.canvas.layerSelected.connect(window.inspector.show_layer)
    layout.addWidget(window.palette)
    layout.addWidget(window.canvas, 1)
    layout.addWidget(window.inspector)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def drop_between(canvas, layer_type, gap):
    """Drop a palette block into the gap above layer ``gap`` (see test_canvas.drop for why events)."""
    pos = QPointF(canvas.mapFromScene(QPointF(0, canvas.gap_y(gap))))
    mime = layer_mime_data(layer_type)
    for event in (
        QDragEnterEvent(pos.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier),
        QDragMoveEvent(pos.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier),
        QDropEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier),
    ):
        QApplication.sendEvent(canvas.viewport(), event)


def type_into(qtbot, spin, text):
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key_Return)


def test_empty_until_a_layer_is_selected(qtbot, doc, undo_stack):
    inspector = Inspector(doc, undo_stack)
    qtbot.addWidget(inspector)
    assert inspector.pages.currentWidget() is inspector.empty_label
    assert inspector.empty_label.text() == "Select a layer to edit it"
    inspector.show_layer(0)
    assert inspector.pages.currentWidget() is inspector.page("Dense")
    assert inspector.page("Dense").units.value() == 4
    assert inspector.page("Dense").activation.currentText() == "tanh"
    assert "12 parameters = 2×4 weights + 4 biases" in inspector.info.text()
    inspector.show_layer(-1)
    assert inspector.pages.currentWidget() is inspector.empty_label


def test_drop_dense_then_set_units_and_activation_with_undo(qtbot, studio, doc, undo_stack):
    canvas, inspector = studio.canvas, studio.inspector
    drop_between(canvas, "Dense", 1)
    assert [s.id for s in doc.layers] == ["dense", "dense_2", "dense_1"]
    # the dropped block is selected and open in the inspector with the defaults
    assert inspector.current_index() == 1
    assert (
        inspector.page("Dense").units.value() == 8
        and inspector.page("Dense").activation.currentText() == "relu"
    )

    now = [0.0]
    inspector.clock = lambda: now[0]
    type_into(qtbot, inspector.page("Dense").units, "12")
    assert doc.layers[1].config["units"] == 12
    now[0] = 5.0  # a few seconds later
    for _ in range(4):  # four arrow presses: one undo step
        qtbot.keyClick(inspector.page("Dense").units, Qt.Key_Down)
    assert doc.layers[1].config["units"] == 8
    inspector.page("Dense").activation.setFocus()
    qtbot.keyClicks(inspector.page("Dense").activation, "t")  # keyboard search picks "tanh"
    assert doc.layers[1].config == {
        "units": 8,
        "activation": "tanh",
        "use_bias": True,
        "kernel_initializer": "glorot_uniform",
        "bias_initializer": "zeros",
    }
    assert canvas.layer_items[1].line2 == "8 units · tanh"
    assert undo_stack.count() == 4  # insert, units 12, units 8 (merged arrows), activation

    undo_stack.undo()
    assert doc.layers[1].config["activation"] == "relu"
    assert inspector.page("Dense").activation.currentText() == "relu"  # follows the document live
    undo_stack.undo()
    assert doc.layers[1].config["units"] == 12 and inspector.page("Dense").units.value() == 12
    undo_stack.undo()
    assert doc.layers[1].config["units"] == 8
    undo_stack.undo()
    assert [s.id for s in doc.layers] == ["dense", "dense_1"]
    assert inspector.pages.currentWidget() is inspector.empty_label
    for _ in range(4):
        undo_stack.redo()
    assert doc.layers[1].config["units"] == 8 and doc.layers[1].config["activation"] == "tanh"


def test_edit_merge_window(doc, undo_stack):
    now = [0.0]
    undo_stack.push(EditLayerCommand(doc, 0, clock=lambda: now[0], units=5))
    now[0] = 1.0
    undo_stack.push(EditLayerCommand(doc, 0, clock=lambda: now[0], units=6))
    assert undo_stack.count() == 1
    now[0] = 10.0  # a later edit is its own step
    undo_stack.push(EditLayerCommand(doc, 0, clock=lambda: now[0], units=7))
    now[0] = 10.5  # another field is its own step
    undo_stack.push(EditLayerCommand(doc, 1, clock=lambda: now[0], units=3))
    assert undo_stack.count() == 3
    undo_stack.undo()
    undo_stack.undo()
    assert doc.layers[0].config["units"] == 6
    undo_stack.undo()
    assert doc.layers[0].config["units"] == 4


def test_bias_initializers_and_param_text(qtbot, studio, doc, undo_stack):
    inspector = studio.inspector
    studio.canvas.select_layer(0)
    box = inspector.page("Dense").use_bias
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(10, box.height() // 2))  # on the tick box
    assert doc.layers[0].config["use_bias"] is False
    assert not inspector.page("Dense").bias_initializer.isEnabled()
    assert "8 parameters = 2×4 weights" in inspector.info.text()
    assert studio.canvas.layer_items[0].line3 == "8 params"
    inspector.page("Dense").kernel_initializer.setFocus()
    qtbot.keyClicks(inspector.page("Dense").kernel_initializer, "he_n")
    assert doc.layers[0].config["kernel_initializer"] == "he_normal"
    undo_stack.undo()
    undo_stack.undo()
    assert doc.layers[0].config["use_bias"] is True
    assert doc.layers[0].config["kernel_initializer"] == "glorot_uniform"
    assert inspector.page("Dense").bias_initializer.isEnabled()


def test_dropout_rate_and_activation_pages(qtbot, studio, doc, undo_stack):
    studio.palette.append_layer("Dropout")
    inspector = studio.inspector
    assert inspector.pages.currentWidget() is inspector.page("Dropout")
    assert inspector.page("Dropout").rate.value() == pytest.approx(0.5)
    type_into(qtbot, inspector.page("Dropout").rate, "0.2")
    assert doc.layers[-1].config["rate"] == pytest.approx(0.2)
    type_into(
        qtbot, inspector.page("Dropout").rate, "3"
    )  # above the 0.95 limit: clamped by the spin box
    assert doc.layers[-1].config["rate"] <= 0.95
    studio.palette.append_layer("Activation")
    assert inspector.pages.currentWidget() is inspector.page("Activation")
    inspector.page("Activation").activation.setFocus()
    qtbot.keyClicks(inspector.page("Activation").activation, "so")
    assert doc.layers[-1].config["activation"] in ("softplus", "softmax")
    assert inspector.info.text().endswith("no parameters to learn")


def test_follows_the_layer_when_it_moves(qtbot, studio, doc, undo_stack):
    canvas, inspector = studio.canvas, studio.inspector
    canvas.select_layer(1)
    canvas.move_layer(1, 0)
    assert doc.layers[0].id == "dense_1"
    assert inspector.current_index() == 0 and inspector.page("Dense").units.value() == 1
    doc.update_layer(0, units=3)  # any change of the document shows at once
    assert inspector.page("Dense").units.value() == 3
    assert undo_stack.count() == 1  # showing it did not push an edit


def test_locked_inspector_refuses_edits(qtbot, studio, doc, undo_stack):
    inspector = studio.inspector
    studio.canvas.select_layer(0)
    inspector.set_locked(True)
    assert not inspector.page("Dense").isEnabled()
    assert inspector.lock_hint.isVisibleTo(inspector)
    qtbot.keyClick(inspector.page("Dense").units, Qt.Key_Up)
    assert doc.layers[0].config["units"] == 4 and undo_stack.count() == 0
    inspector.set_locked(False)
    qtbot.keyClick(inspector.page("Dense").units, Qt.Key_Up)
    assert doc.layers[0].config["units"] == 5


def test_screenshot_studio(qtbot, studio, doc, screenshot):
    drop_between(studio.canvas, "Dense", 1)
    path = screenshot(studio, "canvas_inspector")
    assert path.stat().st_size > 5000


def test_layer_removed_elsewhere_empties_inspector(qtbot, doc, undo_stack):
    inspector = Inspector(doc, undo_stack)
    qtbot.addWidget(inspector)
    inspector.show_layer(1)
    doc.remove_layer(1)
    assert inspector.pages.currentWidget() is inspector.empty_label
    assert inspector.current_index() == -1


def test_unknown_initializer_from_a_file_is_shown_not_lost(qtbot, doc, undo_stack):
    doc.layers[0].config["kernel_initializer"] = {
        "class_name": "HeUniform",
        "config": {"seed": None},
    }
    doc.layers[0].config["bias_initializer"] = "constant"
    inspector = Inspector(doc, undo_stack)
    qtbot.addWidget(inspector)
    inspector.show_layer(0)
    assert inspector.page("Dense").kernel_initializer.currentText() == "he_uniform"
    assert inspector.page("Dense").bias_initializer.currentText() == "constant"
    assert undo_stack.count() == 0
    assert doc.layers[0].config["bias_initializer"] == "constant"
