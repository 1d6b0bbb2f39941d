"""The layer-type registry: every engine layer class has its palette block, canvas block and
inspector page, and a type without weights (Flatten) needed no code in the canvas or inspector."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nnstudio.engine.layers import LAYER_CLASSES
from nnstudio.gui import layer_types
from nnstudio.gui.canvas import LayerPalette, NetworkCanvas
from nnstudio.gui.panels.inspector import Inspector
from nnstudio.project.document import Document
from nnstudio.project.schema import LAYER_TYPES, Project


def test_every_engine_layer_class_has_one_entry():
    assert list(layer_types.TYPES) == list(LAYER_CLASSES) == list(LAYER_TYPES)
    for name, entry in layer_types.TYPES.items():
        assert entry.title() and entry.blurb() and entry.colour.startswith("#")
        spec = layer_types.new_layer_spec(name)
        assert LAYER_CLASSES[name].from_config(dict(spec.config)).get_config()  # a valid config


def test_flatten_in_palette_canvas_and_inspector(qtbot, undo_stack):
    project = Project(input_shape=(28, 28))
    doc = Document(project)
    palette, canvas = LayerPalette(doc, undo_stack), NetworkCanvas(doc, undo_stack)
    inspector = Inspector(doc, undo_stack)
    canvas.layerSelected.connect(inspector.show_layer)
    for w in (palette, canvas, inspector):
        qtbot.addWidget(w)
        w.show()
    assert "Flatten" in palette.blocks
    assert "28×28 images" in " ".join(canvas._input_lines(project))
    qtbot.mouseDClick(palette.blocks["Flatten"], Qt.LeftButton)  # appends a Flatten
    assert [s.type for s in doc.layers] == ["Flatten"]
    canvas.add_layer("Dense")
    doc_dense = doc.layers[1]
    assert doc_dense.config["units"] == 8
    assert canvas._params_text(0) == "0 params"
    block = canvas.layer_items[1]
    assert canvas.layer_items[0].toolTip().startswith("flatten (Flatten)\nin: 28×28 → out: 784")
    assert "784×8 = 6272" in block.toolTip()
    canvas.select_layer(0)
    assert inspector.pages.currentWidget() is inspector.page("Flatten")
    assert "28×28 in → 784 out" in inspector.info.text()
    canvas.select_layer(1)
    assert "6,280 parameters = 784×8 weights + 8 biases" in inspector.info.text()

    # without the Flatten the Dense layer does not fit the 28×28 images: the block says why
    undo_stack.undo()
    undo_stack.undo()
    canvas.add_layer("Dense")
    assert (
        canvas.layer_items[0]
        .toolTip()
        .endswith("put a Flatten layer before it (images of 28x28 become 784 features).")
    )
