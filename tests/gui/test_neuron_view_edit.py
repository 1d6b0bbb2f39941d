"""Reading and setting weights on the neuron view: values written on the lines of a small
network, a generous hit target, and the mouse wheel nudging a weight (undoable)."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication

from nnstudio.gui.views import StudioViews
from nnstudio.gui.views import neuron_view as nv
from nnstudio.project import perceptron
from nnstudio.project.document import Document


@pytest.fixture(autouse=True)
def collect_garbage():
    yield
    gc.collect()


def make(qtbot, project):
    doc, undo = Document(project), QUndoStack()
    views = StudioViews(doc, undo, None)
    views.mirror.set_dataset(project.build_dataset())
    qtbot.kept_views = getattr(qtbot, "kept_views", []) + [views]
    widget = views.neuron_switch
    qtbot.addWidget(widget)
    widget.resize(760, 460)
    widget.show()
    qtbot.waitExposed(widget)
    views.neurons.refresh()
    return doc, undo, views.neurons


def wheel(view, item_pos: QPointF, notches: int = 1, modifiers=Qt.KeyboardModifier.NoModifier):
    pos = view.view.mapFromScene(item_pos)
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.view.viewport(), event)


def edge(view, key, i, j):
    return next(e for e in view.edges if (e.key, e.i, e.j) == (key, i, j))


def test_small_network_shows_every_weight_on_its_line(qtbot):
    doc, _, view = make(qtbot, perceptron.xor_from_gates())
    assert len(view.edges) == 6
    texts = {(e.key, e.i, e.j): e.label.text() for e in view.edges}
    assert texts[("dense/kernel", 0, 0)] == "-5.00"  # NAND's w1, times 10
    assert texts[("dense/kernel", 0, 1)] == "+5.00"  # OR's w1
    assert texts[("dense_1/kernel", 1, 0)] == "+5.00"  # AND's w2
    assert [n.bias_label.text() for n in view.nodes[1] + view.nodes[2]] == [
        "b +7.00",
        "b -2.00",
        "b -7.00",
    ]
    # the label is on its line, and clicking or scrolling on it acts on that weight
    e = edge(view, "dense/kernel", 1, 0)
    assert view.view.item_at(view.view.mapFromScene(e.label.anchor)) is e


def test_wider_networks_keep_their_lines_unlabelled(qtbot):
    p = perceptron.xor_from_gates()
    p.weights = None
    p.layers[0].config["units"] = 8
    _, _, view = make(qtbot, p)
    assert all(e.label is None for e in view.edges)


def test_lines_are_hit_from_a_few_pixels_away(qtbot):
    _, _, view = make(qtbot, perceptron.xor_from_gates())
    e = edge(view, "dense_1/kernel", 0, 0)
    a, b = view.view.mapFromScene(e.line().p1()), view.view.mapFromScene(e.line().p2())
    mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    dx, dy = b.x() - a.x(), b.y() - a.y()
    n = np.hypot(dx, dy)
    off = QPoint(round(mid.x() - 7 * dy / n), round(mid.y() + 7 * dx / n))  # 7 px beside the line
    assert view.view.item_at(off) is e
    assert nv._NetworkView.LINE_REACH >= 7


def test_wheel_nudges_a_weight_and_one_undo_takes_the_scroll_back(qtbot):
    doc, undo, view = make(qtbot, perceptron.xor_from_gates())
    e = edge(view, "dense/kernel", 0, 1)
    before = float(doc.project.weights["dense/kernel"][0, 1])
    at = e.line().pointAt(0.55)
    wheel(view, at)
    assert float(doc.project.weights["dense/kernel"][0, 1]) == pytest.approx(before + nv.NUDGE)
    assert e.label.text() == f"{before + nv.NUDGE:+.2f}"
    wheel(view, at)
    wheel(view, at, notches=-1, modifiers=Qt.KeyboardModifier.ControlModifier)  # a fine step down
    assert float(doc.project.weights["dense/kernel"][0, 1]) == pytest.approx(
        before + 2 * nv.NUDGE - nv.NUDGE / 10
    )
    assert undo.count() == 1  # one scroll, one undo step
    undo.undo()
    assert float(doc.project.weights["dense/kernel"][0, 1]) == pytest.approx(before)
    undo.redo()
    assert float(doc.project.weights["dense/kernel"][0, 1]) == pytest.approx(before + 0.19)


def test_wheel_over_a_neuron_nudges_its_bias(qtbot):
    doc, undo, view = make(qtbot, perceptron.xor_from_gates())
    node = view.nodes[2][0]  # the output unit: AND, bias -7
    wheel(view, node.center, notches=-2)
    assert float(doc.project.weights["dense_1/bias"][0]) == pytest.approx(-7.2)
    assert node.bias_label.text() == "b -7.20"
    undo.undo()
    assert float(doc.project.weights["dense_1/bias"][0]) == pytest.approx(-7.0)


def test_wheel_is_refused_while_training(qtbot):
    doc, undo, view = make(qtbot, perceptron.xor_from_gates())
    refused = []
    view.editRefused.connect(refused.append)
    view.mirror.controller = SimpleNamespace(is_training=True)
    wheel(view, edge(view, "dense/kernel", 0, 0).line().pointAt(0.5))
    assert refused and undo.count() == 0
    assert float(doc.project.weights["dense/kernel"][0, 0]) == -5.0
