"""The step-through's two drawings (QPainter, no scene graph: a few dozen circles and lines).

* NetworkDiagram: a circle per unit, a line per weight. Forward phases write z and a in the
  circles; backward phases write δ and draw each line by its gradient (blue +, vermillion −,
  thicker = larger); the update draws the step Δw. Dead / saturated units get a dashed ring.
  A click selects a unit or a weight (``selected`` signal).
* NeuronGraph: one unit as the notes' computation graph (×, +, f, then the loss), forward
  values above each edge and gradients below, so the chain rule reads as a product.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnstudio.gui.views import colors

from .formulas import num

RADIUS = 30.0


def tr(text: str) -> str:
    return QCoreApplication.translate("backprop", text)


GREY = QColor(190, 190, 190)
INK = QColor(30, 30, 30)
GRAD_INK = QColor(*colors.NEGATIVE).darker(115)
MARK = QColor(204, 0, 0)


def _signed_color(v: float) -> QColor:
    return QColor(*(colors.POSITIVE if v >= 0 else colors.NEGATIVE))


class NetworkDiagram(QWidget):
    selected = Signal(object)  # ("unit", col, j) | ("weight", col, i, j) | None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sizes: list[int] = []
        self.names: list[str] = []
        self.node_text: dict = {}  # (col, j) -> (lines, value for colour or None)
        self.edge_values: dict = {}  # col -> (in, out) array or None (grey)
        self.flags: dict = {}  # (col, j) -> "dead" | "saturated"
        self.active: set = set()  # columns drawn in full colour
        self.selection = None
        self.banner = ""

    # -- layout ---------------------------------------------------------------------------
    def pos(self, c: int, j: int) -> QPointF:
        w, h = self.width(), self.height() - 24
        n = max(1, len(self.sizes))
        x = 60 + (w - 160) * (c / max(1, n - 1))
        units = self.sizes[c]
        gap = min(2.6 * RADIUS, (h - 40) / max(1, units))
        y = 24 + h / 2 + (j - (units - 1) / 2) * gap
        return QPointF(x, y)

    def radius(self) -> float:
        h = self.height() - 64
        most = max(self.sizes or [1])
        return max(10.0, min(RADIUS, h / max(1, most) / 2.4))

    def hit(self, p: QPointF):
        r = self.radius()
        for c, units in enumerate(self.sizes):
            for j in range(units):
                q = self.pos(c, j)
                if (q.x() - p.x()) ** 2 + (q.y() - p.y()) ** 2 <= r * r:
                    return ("unit", c, j)
        best, found = 6.0, None
        for c in range(1, len(self.sizes)):
            for i in range(self.sizes[c - 1]):
                a = self.pos(c - 1, i)
                for j in range(self.sizes[c]):
                    d = _segment_distance(p, a, self.pos(c, j))
                    if d < best:
                        best, found = d, ("weight", c, i, j)
        return found

    def mousePressEvent(self, event):
        self.selection = self.hit(event.position())
        self.update()
        self.selected.emit(self.selection)

    # -- drawing --------------------------------------------------------------------------
    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        if not self.sizes:
            return
        r = self.radius()
        font = QFont()
        font.setPointSizeF(6.5 if r < 20 else 7.5)
        p.setFont(font)
        for c in range(1, len(self.sizes)):
            values = self.edge_values.get(c)
            top = float(np.max(np.abs(values))) if values is not None and values.size else 0.0
            for i in range(self.sizes[c - 1]):
                for j in range(self.sizes[c]):
                    if values is None or top == 0:
                        pen = QPen(GREY, 0.8)
                    else:
                        v = float(values[i, j])
                        pen = QPen(_signed_color(v), 0.6 + 5.0 * abs(v) / top)
                    if self.selection == ("weight", c, i, j):
                        pen = QPen(INK, pen.widthF() + 2.5)
                    p.setPen(pen)
                    p.drawLine(self.pos(c - 1, i), self.pos(c, j))
        for c, units in enumerate(self.sizes):
            q = self.pos(c, 0)
            p.setPen(INK)
            p.drawText(QRectF(q.x() - 70, 2, 140, 18), Qt.AlignmentFlag.AlignCenter, self.names[c])
            for j in range(units):
                q = self.pos(c, j)
                lines, value = self.node_text.get((c, j), ([], None))
                fill, text_ink = (
                    QColor(245, 245, 245),
                    INK if c in self.active else QColor(150, 150, 150),
                )
                if value is not None and c in self.active:
                    rgb = colors.diverging(np.array([value]), -1.0, 1.0)[0]
                    fill = QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))
                    if fill.lightness() < 130:
                        text_ink = Qt.GlobalColor.white
                p.setBrush(fill)
                width = 3.0 if self.selection == ("unit", c, j) else 1.2
                p.setPen(QPen(INK if c in self.active else GREY, width))
                p.drawEllipse(q, r, r)
                flag = self.flags.get((c, j))
                if flag:
                    pen = QPen(MARK, 2.0, Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawEllipse(q, r + 4, r + 4)
                    p.drawText(
                        QRectF(q.x() - 50, q.y() + r + 3, 100, 14),
                        Qt.AlignmentFlag.AlignCenter,
                        tr("dead") if flag == "dead" else tr("saturated"),
                    )
                if lines:
                    p.setPen(text_ink)
                    p.drawText(
                        QRectF(q.x() - 2 * r, q.y() - r, 4 * r, 2 * r),
                        Qt.AlignmentFlag.AlignCenter,
                        "\n".join(lines),
                    )
        if self.banner:
            p.setPen(INK)
            p.drawText(
                QRectF(8, self.height() - 22, self.width() - 16, 20),
                Qt.AlignmentFlag.AlignLeft,
                self.banner,
            )


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p.x() - ax) * dx + (p.y() - ay) * dy) / length))
    return math.hypot(p.x() - (ax + t * dx), p.y() - (ay + t * dy))


class NeuronGraph(QWidget):
    """inputs aᵢ and weights wᵢ → × → + (b) → f → a → L. ``set_unit(data)`` with a dict:
    a_in, w, b, z, a, fprime (or None), delta, upstream (dL/da or None), act, fused, output."""

    MAX_INPUTS = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 300)
        self.data = None

    def set_unit(self, data) -> None:
        self.data = data
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        d = self.data
        if d is None:
            p.setPen(INK)
            p.drawText(
                self.rect().adjusted(10, 10, -10, -10),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                tr("Click a unit in the network to see it as a computation graph."),
            )
            return
        font = QFont()
        font.setPointSizeF(8.0)
        p.setFont(font)
        w, h = self.width(), self.height() - 70
        n_in = min(len(d["a_in"]), self.MAX_INPUTS)
        xs = [30, 0.26 * w, 0.45 * w, 0.68 * w, 0.92 * w]  # inputs, ×, +, f, L
        ys = [30 + (k + 0.5) * (h - 30) / n_in for k in range(n_in)]
        ymid = 30 + (h - 30) / 2
        plus, fnode, out = QPointF(xs[2], ymid), QPointF(xs[3], ymid), QPointF(xs[4], ymid)
        delta = d["delta"]
        for k in range(n_in):
            a_i, w_i = d["a_in"][k], d["w"][k]
            src_a = QPointF(xs[0], ys[k] - 12)
            src_w = QPointF(xs[0], ys[k] + 12)
            mul = QPointF(xs[1], ys[k])
            self._edge(p, src_a, mul, f"a{k + 1}={num(a_i)}", num(delta * w_i))
            self._edge(p, src_w, mul, f"w{k + 1}={num(w_i)}", num(delta * a_i), below_only=True)
            self._edge(p, mul, plus, num(a_i * w_i), num(delta))
            self._node(p, mul, "×")
        if len(d["a_in"]) > n_in:
            p.setPen(INK)
            p.drawText(QPointF(xs[0], h + 5), "…")
        bias = QPointF(xs[2], ymid - 0.33 * h)
        self._edge(p, bias, plus, f"b={num(d['b'])}", num(delta))
        self._edge(p, plus, fnode, f"z={num(d['z'])}", num(delta))
        self._node(p, plus, "+")
        self._node(p, fnode, d["act"])
        if d["fprime"] is not None:
            p.setPen(INK)
            p.drawText(
                QRectF(fnode.x() - 60, fnode.y() + 22, 120, 16),
                Qt.AlignmentFlag.AlignCenter,
                f"f′(z)={num(d['fprime'])}",
            )
        upstream = "" if d["upstream"] is None else num(d["upstream"])
        self._edge(p, fnode, out, f"a={num(d['a'])}", upstream)
        self._node(p, out, "L" if d["output"] else "…→L")
        # the chain rule, read off the edges
        p.setPen(INK)
        lines = [tr("forward values above the edges, gradients ∂L/∂(·) below (red)")]
        if d["fused"]:
            lines.append(
                f"∂L/∂w₁ = δ · a₁ = {num(delta)} × {num(d['a_in'][0])} = {num(delta * d['a_in'][0])}"
            )
            lines.append(tr("δ = ∂L/∂z = ŷ − y (the loss and {act} fused)").format(act=d["act"]))
        elif d["fprime"] is not None and d["upstream"] is not None:
            lines.append(
                f"∂L/∂w₁ = ∂L/∂a · f′(z) · a₁ = {num(d['upstream'])} × {num(d['fprime'])} × "
                f"{num(d['a_in'][0])} = {num(delta * d['a_in'][0])}"
            )
        p.drawText(
            QRectF(8, h + 12, w - 16, 56),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            "\n".join(lines),
        )

    def _node(self, p, q: QPointF, text: str) -> None:
        p.setPen(QPen(INK, 1.2))
        p.setBrush(QColor(250, 250, 235))
        p.drawEllipse(q, 18, 18)
        p.drawText(QRectF(q.x() - 30, q.y() - 9, 60, 18), Qt.AlignmentFlag.AlignCenter, text)

    def _edge(
        self, p, a: QPointF, b: QPointF, above: str, below: str, below_only: bool = False
    ) -> None:
        p.setPen(QPen(GREY, 1.5))
        p.drawLine(a, b)
        mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
        p.setPen(INK)
        if below_only:  # the weight's label sits under its edge, its gradient under that
            p.drawText(QRectF(a.x() - 28, a.y() + 2, 120, 14), Qt.AlignmentFlag.AlignLeft, above)
            if below:
                p.setPen(GRAD_INK)
                p.drawText(
                    QRectF(a.x() - 28, a.y() + 14, 120, 14),
                    Qt.AlignmentFlag.AlignLeft,
                    "∂L/∂w=" + below,
                )
            return
        p.drawText(QRectF(mid.x() - 60, mid.y() - 17, 120, 14), Qt.AlignmentFlag.AlignCenter, above)
        if below:
            p.setPen(GRAD_INK)
            p.drawText(
                QRectF(mid.x() - 60, mid.y() + 2, 120, 14), Qt.AlignmentFlag.AlignCenter, below
            )
