"""Neuron view (small networks, every layer at most 16 units wide).

A circle per neuron, a line per weight: blue positive, vermillion negative, thicker = larger.
Each circle is shaded by what that neuron outputs for one chosen training sample (the
number is written inside). Hovering shows a neuron's incoming weights, bias and output, or
one weight's value; in a small network (every layer at most LABELLED_UNITS wide) each
weight's value is also written on its line. Clicking a weight (or a neuron, for its bias)
asks for a new value, and the mouse wheel over one nudges it (NUDGE a notch, NUDGE / 10 with
Ctrl held); either goes to the document through the undo stack; training uses it next time
and every view follows. Editing is locked while training runs.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QInputDialog,
    QSpinBox,
    QToolTip,
    QWidget,
)

from nnstudio.engine import introspect
from nnstudio.gui import texts

from . import colors
from .base import ViewBase, counts_paint

MAX_UNITS = 16
RADIUS = 15.0
COL_GAP = 150.0
ROW_GAP = 40.0
LABELLED_UNITS = 4  # weights are written on their lines when no layer is wider than this
LABEL_AT = 0.3  # where along its line (from the sending neuron) a weight's value is written
NUDGE = 0.1  # a wheel notch over a weight changes it by this much


class NodeItem(QGraphicsEllipseItem):
    def __init__(self, column: int, unit: int, center: QPointF):
        super().__init__(QRectF(center.x() - RADIUS, center.y() - RADIUS, 2 * RADIUS, 2 * RADIUS))
        self.column, self.unit = column, unit  # column 0: the inputs
        self.center = center
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self.label = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(7.5)
        self.label.setFont(font)

    def set_value(self, value: float, scale: float, rgb=None) -> None:
        """Shade by ``value`` on a -scale..scale diverging scale (``rgb``: that colour, precomputed)."""
        if rgb is None:
            rgb = colors.diverging(np.array([value]), -scale, scale)[0]
        self.setBrush(QBrush(QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))))
        if self.pen().widthF() != 1.5:
            self.setPen(QPen(QColor(40, 40, 40), 1.5))
        text = f"{value:.2f}" if abs(value) < 9.995 else f"{value:.0f}"
        if text != self.label.text():
            self.label.setText(text)
            r = self.label.boundingRect()
            self.label.setPos(self.center.x() - r.width() / 2, self.center.y() - r.height() / 2)
        dark = abs(value) / scale > 0.7 if scale > 0 else False
        if dark != getattr(self, "_dark", None):
            self._dark = dark
            self.label.setBrush(QBrush(Qt.GlobalColor.white if dark else Qt.GlobalColor.black))


class EdgeItem(QGraphicsLineItem):
    # No Python overrides of Qt's virtual methods here: Qt calls them while painting and each
    # call needs the GIL the training thread holds (GUI.md, "Views"). The view's item_at()
    # makes lines easy targets instead.
    def __init__(self, key: str, i: int, j: int, a: QPointF, b: QPointF):
        super().__init__(a.x(), a.y(), b.x(), b.y())
        self.key, self.i, self.j = key, i, j
        self.look = None  # (sign, width) last drawn
        self.label: QGraphicsSimpleTextItem | None = None  # its value, in small networks
        self.setAcceptHoverEvents(True)


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    )
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))


class _NetworkView(QGraphicsView):
    clicked = Signal(object)  # the NodeItem or EdgeItem under a click
    wheeled = Signal(object, float, object)  # the item under the wheel, notches (+ up), modifiers

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # every line changes pen and depth on each redraw: no BSP index to re-sort (GUI.md)
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self._press = None

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10)
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    LINE_REACH = 8  # px: a line counts as hit this close to it, however thin it is drawn
    SMALL_LINE_REACH = 16  # px, in networks small enough to edit by hand (logic gates)
    line_reach = LINE_REACH

    def item_at(self, pos):
        """The neuron, else the nearest weight line within LINE_REACH px, under ``pos`` (view
        coordinates); None if there is none."""
        for item in self.items(pos):
            if isinstance(item, QGraphicsSimpleTextItem):
                if isinstance(item.data(0), EdgeItem):  # a weight's value written on its line
                    return item.data(0)
                item = item.parentItem()
            if isinstance(item, NodeItem):
                return item
        r = self.line_reach
        best, best_d = None, r + 1e-9
        p = QPointF(pos)
        for item in self.items(QRect(pos.x() - r, pos.y() - r, 2 * r + 1, 2 * r + 1)):
            if isinstance(item, EdgeItem):
                line = item.line()
                d = _distance_to_segment(
                    p, QPointF(self.mapFromScene(line.p1())), QPointF(self.mapFromScene(line.p2()))
                )
                if d <= best_d:
                    best, best_d = item, d
        return best

    tip_for = None  # item -> tool tip text, built when asked (the view sets it)

    paintEvent = counts_paint(QGraphicsView.paintEvent)  # noqa: N815 (Qt name)

    def viewportEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:  # the same reach for tool tips as for clicks
            item = self.item_at(event.pos())
            text = (
                (self.tip_for(item) if self.tip_for is not None else item.toolTip())
                if item is not None
                else ""
            )
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event):  # noqa: N802
        item = self.item_at(event.position().toPoint())
        if isinstance(item, EdgeItem) or (isinstance(item, NodeItem) and item.column > 0):
            self.wheeled.emit(item, event.angleDelta().y() / 120.0, event.modifiers())
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        self._press = (
            event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        )
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is not None and (pos - self._press).manhattanLength() < 6:
            item = self.item_at(pos)
            if item is not None:
                self.clicked.emit(item)
        self._press = None


class NeuronView(ViewBase):
    title = "Neurons"
    export_stem = "neurons"
    editRefused = Signal(str)
    weightEdited = Signal(str)

    def build_body(self) -> QWidget:
        self.sample_box = QSpinBox()
        self.sample_box.setPrefix(self.tr("sample "))
        self.sample_box.setToolTip(self.tr("The training sample whose neuron outputs are shown"))
        self.sample_box.valueChanged.connect(lambda *_: self.request())
        self.header.addWidget(self.sample_box)
        self.view = _NetworkView()
        self.view.tip_for = self.tip_for
        self.view.clicked.connect(self._on_clicked)
        self.view.wheeled.connect(self._on_wheel)
        self.nodes: list[list[NodeItem]] = []
        self.edges: list[EdgeItem] = []
        self._structure = None
        return self.view

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        model = self.mirror.model
        shape = tuple(model.input_shape)
        widths = [
            model.layers[i].params["kernel"].shape[1] for i, _ in introspect.unit_groups(model)
        ]
        if len(shape) != 1 or shape[0] > MAX_UNITS or any(w > MAX_UNITS for w in widths):
            return self.tr(
                "The neuron view draws small networks (at most {max} inputs and {max} units per layer); "
                "this one has {inputs} inputs and layers of {widths} units."
            ).format(
                max=MAX_UNITS, inputs=int(np.prod(shape)), widths=", ".join(str(w) for w in widths)
            )
        return ""

    # -- names ----------------------------------------------------------------------------------
    def _input_names(self, n: int) -> list[str]:
        names = texts.feature_names(self.mirror.dataset)
        return names if len(names) == n else [f"x{k + 1}" for k in range(n)]

    def _unit_name(self, column: int, unit: int) -> str:
        if column == 0:
            return self._input_names(len(self.nodes[0]))[unit]
        dense = self.mirror.model.layers[self._groups[column - 1][0]]
        ds = self.mirror.dataset
        names = texts.class_names(ds)
        if column == len(self.nodes) - 1 and len(names) == len(self.nodes[-1]) > 1:
            return self.tr("{layer} unit {n} (class {name})").format(
                layer=dense.name, n=unit + 1, name=names[unit]
            )
        return self.tr("{layer} unit {n}").format(layer=dense.name, n=unit + 1)

    # -- drawing --------------------------------------------------------------------------------
    def _build_items(self, model) -> None:
        scene = self.view.scene()
        for item in self.edges + [n for column in self.nodes for n in column]:
            scene.removeItem(item)  # back to Python's ownership before the scene drops the rest
        self.nodes, self.edges = [], []
        scene.clear()
        self._groups = introspect.unit_groups(model)
        widths = [model.input_shape[0]] + [
            model.layers[i].params["kernel"].shape[1] for i, _ in self._groups
        ]
        tallest = max(widths)
        self.nodes = []
        for col, n in enumerate(widths):
            top = (tallest - n) * ROW_GAP / 2
            self.nodes.append(
                [NodeItem(col, u, QPointF(col * COL_GAP, top + u * ROW_GAP)) for u in range(n)]
            )
        self.edges = []
        for col, (dense_i, _) in enumerate(self._groups, start=1):
            key = f"{model.layers[dense_i].name}/kernel"
            for i, a in enumerate(self.nodes[col - 1]):
                for j, b in enumerate(self.nodes[col]):
                    edge = EdgeItem(key, i, j, a.center, b.center)
                    scene.addItem(edge)
                    self.edges.append(edge)
        for column in self.nodes:
            for node in column:
                scene.addItem(node)
        small = max(widths) <= LABELLED_UNITS
        # a gate's few lines are the things students edit: wider to hit, never hairlines
        self.view.line_reach = self.view.SMALL_LINE_REACH if small else self.view.LINE_REACH
        self._thinnest = 2.0 if small else 0.6
        if small:
            self._add_weight_labels(scene)
        font = QFont()
        font.setPointSizeF(8.5)
        for col, column in enumerate(self.nodes):
            if col == 0:
                title = self.tr("inputs")
            else:
                layer = model.layers[self._groups[col - 1][1]]
                dense = model.layers[self._groups[col - 1][0]]
                act = (
                    getattr(getattr(layer, "activation", None), "name", None)
                    or dense.activation.name
                )
                title = f"{dense.name}\n({act})"
            text = scene.addSimpleText(title, font)
            r = text.boundingRect()
            text.setPos(
                col * COL_GAP - r.width() / 2, column[0].center.y() - RADIUS - r.height() - 4
            )
        for name, node in zip(self._input_names(widths[0]), self.nodes[0]):
            text = scene.addSimpleText(name, font)
            r = text.boundingRect()
            text.setPos(node.center.x() - RADIUS - r.width() - 6, node.center.y() - r.height() / 2)
        self.view.fit()

    def _add_weight_labels(self, scene) -> None:
        font = QFont()
        font.setPointSizeF(7.5)
        for edge in self.edges:
            line = edge.line()
            label = QGraphicsSimpleTextItem()
            label.setFont(font)
            label.setData(0, edge)  # a click or a wheel on the number acts on its weight
            label.setZValue(9)  # over every line, under the neurons
            label.anchor = line.pointAt(LABEL_AT)
            back = scene.addRect(
                QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(255, 255, 255, 210))
            )
            back.setZValue(8.5)
            label.back = back
            scene.addItem(label)
            edge.label = label
        for column in self.nodes[1:]:
            for node in column:  # each neuron's bias under it
                node.bias_label = QGraphicsSimpleTextItem()
                node.bias_label.setFont(font)
                node.bias_label.setBrush(QBrush(QColor(60, 60, 60)))
                scene.addItem(node.bias_label)

    def _write_weight(self, edge: EdgeItem, w: float) -> None:
        label = edge.label
        text = f"{w:+.2f}" if abs(w) < 99.995 else f"{w:+.0f}"
        if label.text() != text:
            label.setText(text)
            r = label.boundingRect()
            label.setPos(label.anchor.x() - r.width() / 2, label.anchor.y() - r.height() / 2)
            label.back.setRect(QRectF(label.pos(), r.size()).adjusted(-1, 0, 1, 0))
            rgb = colors.POSITIVE if w >= 0 else colors.NEGATIVE
            label.setBrush(QBrush(QColor(*rgb).darker(130)))

    def sample(self) -> np.ndarray:
        ds = self.mirror.dataset
        x = ds.x_train if len(ds.x_train) else ds.x_test
        self.sample_box.setMaximum(max(0, len(x) - 1))
        return np.asarray(x[self.sample_box.value() : self.sample_box.value() + 1], np.float32)

    def redraw(self) -> None:
        model = self.mirror.model
        locked = self.mirror.is_training
        # Qt paints these items holding the GIL the training thread needs: no anti-aliasing
        # while training (about 3x cheaper, GUI.md), smooth again at rest
        if bool(self.view.renderHints() & QPainter.RenderHint.Antialiasing) == locked:
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing, not locked)
        self.set_caption(
            self.tr("<b>Neurons</b> (locked)") if locked else self.tr("<b>Neurons</b>"),
            self.tr(
                "<b>Neurons</b> — lines: weights (blue +, vermillion −, thicker = larger); circles: "
                "outputs for the sample. "
            )
            + (
                self.tr("<i>Locked while training.</i>")
                if locked
                else self.tr(
                    "Click a line or a circle to change a weight or bias; scroll over one to nudge it."
                )
            ),
        )
        structure = (
            tuple(model.input_shape),
            tuple(
                (model.layers[i].name, model.layers[i].params["kernel"].shape)
                for i, _ in introspect.unit_groups(model)
            ),
        )
        if structure != self._structure:
            self._structure = structure
            self._build_items(model)
        weights = model.weight_dict()
        kernels = [weights[f"{model.layers[i].name}/kernel"] for i, _ in self._groups]
        wmax = max((float(np.abs(k).max()) for k in kernels if k.size), default=1.0) or 1.0
        for edge in self.edges:
            w = float(weights[edge.key][edge.i, edge.j])
            # pen and depth change only when the picture does (a tenth of a pixel, a sign)
            thinnest = getattr(self, "_thinnest", 0.6)
            look = (w >= 0, round(thinnest + (7.6 - thinnest) * abs(w) / wmax, 1))
            if look != edge.look:
                edge.look = look
                rgb = colors.POSITIVE if look[0] else colors.NEGATIVE
                edge.setPen(QPen(QColor(*rgb, 220), look[1]))
                edge.setZValue(look[1])
            if edge.label is not None:
                self._write_weight(edge, w)
        for col, column in enumerate(self.nodes[1:], start=1):
            bias = weights.get(f"{model.layers[self._groups[col - 1][0]].name}/bias")
            for node in column:
                label = getattr(node, "bias_label", None)
                if label is not None and bias is not None:
                    text = f"b {float(bias[node.unit]):+.2f}"  # b: the formula's symbol, in every language
                    if label.text() != text:
                        label.setText(text)
                        r = label.boundingRect()
                        label.setPos(node.center.x() - r.width() / 2, node.center.y() + RADIUS + 1)
        x = self.sample()
        acts = [x[0]] + [a[0] for a in introspect.unit_outputs(model, x)]
        self.last_activations = acts
        self._tip_state = (model, weights, locked)
        for column, values in zip(self.nodes, acts):
            values = np.asarray(values, np.float64)
            scale = max(1.0, float(np.abs(values).max()))
            shades = colors.diverging(values, -scale, scale)
            for node, value, rgb in zip(column, values, shades):
                node.set_value(float(value), scale, rgb)
        # Tool tips name every weight: hundreds of strings. While training they are made when
        # the mouse asks (tip_for); at rest they are set on the items too.
        for item in [] if locked else self.edges + [n for column in self.nodes for n in column]:
            item.setToolTip(self.tip_for(item))

    def tip_for(self, item) -> str:
        """The tool tip of a weight line or a neuron, from the weights drawn last."""
        model, weights, locked = getattr(self, "_tip_state", (None, None, False))
        if model is None:
            return ""
        if isinstance(item, EdgeItem):
            col = self._edge_column(item)
            return self.tr("Weight from {a} to {b}: {w:.4f}\n{hint}").format(
                a=self._unit_name(col, item.i),
                b=self._unit_name(col + 1, item.j),
                w=float(weights[item.key][item.i, item.j]),
                hint=self._hint(
                    locked, self.tr("Click to change it, or scroll over it to nudge it.")
                ),
            )
        if isinstance(item, NodeItem) and item.column < len(self.last_activations):
            value = float(self.last_activations[item.column][item.unit])
            return self._node_tip(model, weights, item.column, item.unit, value, locked)
        return ""

    def _edge_column(self, edge: EdgeItem) -> int:
        for col, (dense_i, _) in enumerate(self._groups):
            if edge.key == f"{self.mirror.model.layers[dense_i].name}/kernel":
                return col
        return 0

    def _hint(self, locked: bool, text: str) -> str:
        return self.tr("Stop training to edit the weights.") if locked else text

    def _node_tip(self, model, weights, col: int, unit: int, value: float, locked: bool) -> str:
        n = self.sample_box.value() + 1
        if col == 0:
            return self.tr("Input {name} of sample {n}: {v:.4f}").format(
                name=self._unit_name(0, unit), n=n, v=value
            )
        dense = model.layers[self._groups[col - 1][0]]
        kernel = weights[f"{dense.name}/kernel"][:, unit]
        bias = weights.get(f"{dense.name}/bias")
        lines = [
            f"<b>{self._unit_name(col, unit)}</b>",
            self.tr("output for sample {n}: {v:.4f}").format(n=n, v=value),
            self.tr("bias: {b}").format(
                b=f"{float(bias[unit]):.4f}" if bias is not None else self.tr("none")
            ),
            self.tr("weights in:"),
        ]
        for i, w in enumerate(kernel):
            lines.append(f"&nbsp;&nbsp;{self._unit_name(col - 1, i)}: {float(w):+.4f}")
        if bias is not None:
            lines.append("<i>" + self._hint(locked, self.tr("Click to change the bias.")) + "</i>")
        return "<br>".join(lines)

    # -- editing by hand ---------------------------------------------------------------------------
    def ask_value(self, title: str, label: str, value: float) -> tuple[float, bool]:
        """The number the student types (QInputDialog; tests replace this)."""
        return QInputDialog.getDouble(self, title, label, value, -1e6, 1e6, 4)

    def _refused_while_training(self) -> bool:
        if not self.mirror.is_training:
            return False
        message = self.tr("Stop training to edit the weights.")
        self.editRefused.emit(message)
        QToolTip.showText(self.view.mapToGlobal(self.view.rect().center()), message, self.view)
        return True

    def _on_wheel(self, item, notches: float, modifiers) -> None:
        """The wheel over a weight (or a neuron: its bias) nudges it by NUDGE a notch."""
        if self._refused_while_training():
            return
        found = self._edit_target(item)
        if found is None:
            return
        key, index, _ = found
        step = NUDGE / 10 if modifiers & Qt.KeyboardModifier.ControlModifier else NUDGE
        old = float(self.mirror.model.weight_dict()[key][index])
        value = round(old + notches * step, 6)
        if self.mirror.edit_weight(key, index, value, self.undo_stack, nudge=True):
            self.weightEdited.emit(key)
            self.refresh()

    def _edit_target(self, item):
        """(weight key, index, label for the dialog) of a line or a neuron's bias, or None."""
        model = self.mirror.model
        weights = model.weight_dict()
        if isinstance(item, EdgeItem):
            col = self._edge_column(item)
            key, index = item.key, (item.i, item.j)
            label = self.tr("Weight from {a} to {b}:").format(
                a=self._unit_name(col, item.i), b=self._unit_name(col + 1, item.j)
            )
        elif isinstance(item, NodeItem) and item.column > 0:
            dense = model.layers[self._groups[item.column - 1][0]]
            key, index = f"{dense.name}/bias", (item.unit,)
            if key not in weights:
                self.editRefused.emit(self.tr("This layer has no bias (use_bias is off)."))
                return None
            label = self.tr("Bias of {unit}:").format(unit=self._unit_name(item.column, item.unit))
        else:
            return None
        return key, index, label

    def _on_clicked(self, item) -> None:
        if self._refused_while_training():
            return
        found = self._edit_target(item)
        if found is None:
            return
        key, index, label = found
        value, ok = self.ask_value(
            self.tr("Edit weight"), label, float(self.mirror.model.weight_dict()[key][index])
        )
        if ok and self.mirror.edit_weight(key, index, value, self.undo_stack):
            self.weightEdited.emit(key)
            self.refresh()
