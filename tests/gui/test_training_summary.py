"""SummaryPanel: the live model.summary() table, rebuilt when the network changes."""

from __future__ import annotations

from nnstudio.gui.commands import InsertLayerCommand, UpdateLayerCommand
from nnstudio.gui.panels.summary import SummaryPanel, format_shape
from nnstudio.project.document import Document
from nnstudio.project.schema import LayerSpec, Project


def make_doc():
    p = Project(input_shape=(2,))
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return Document(p)


def cells(panel):
    t = panel.table
    return [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]


def test_rows_and_totals_like_keras(qtbot):
    panel = SummaryPanel(make_doc())
    qtbot.addWidget(panel)
    assert cells(panel) == [
        ["dense (Dense)", "(None, 8)", "24"],
        ["dense_1 (Dense)", "(None, 1)", "9"],
    ]
    assert panel.total_params == 33
    assert "Total params: 33 (132.00 B)" in panel.totals.text()
    assert panel.message.isHidden()


def test_follows_edits(qtbot, undo_stack):
    doc = make_doc()
    panel = SummaryPanel(doc)
    qtbot.addWidget(panel)
    undo_stack.push(UpdateLayerCommand(doc, 0, units=512))
    undo_stack.push(InsertLayerCommand(doc, 1, LayerSpec(type="Dropout", config={"rate": 0.5})))
    qtbot.waitUntil(lambda: panel.total_params == 2 * 512 + 512 + 512 + 1)
    assert [row[0] for row in cells(panel)] == [
        "dense (Dense)",
        "dropout (Dropout)",
        "dense_1 (Dense)",
    ]
    assert cells(panel)[1][1:] == ["(None, 512)", "0"]
    undo_stack.undo()
    undo_stack.undo()
    qtbot.waitUntil(lambda: panel.total_params == 33)


def test_says_why_when_it_cannot_be_built(qtbot):
    doc = Document(Project())
    panel = SummaryPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.table.isHidden() and panel.message.isVisible()
    assert "input shape" in panel.message.text()
    project = Project(input_shape=(3,))
    doc.replace_project(project)
    qtbot.waitUntil(lambda: "no layers" in panel.message.text())
    project = Project(input_shape=(3,))
    project.add_layer("Dense", units=0)
    doc.replace_project(project)
    qtbot.waitUntil(lambda: "units" in panel.message.text())
    doc.replace_project(make_doc().project)
    qtbot.waitUntil(lambda: panel.table.isVisible())
    assert panel.total_params == 33


def test_format_shape():
    assert format_shape((784,)) == "(None, 784)"
