"""Graphics items of the network canvas: blocks, arrows between them, the drop indicator."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle

from . import model, style

BLOCK_WIDTH = 300.0
LAYER_HEIGHT = 74.0
END_HEIGHT = 62.0  # input and output blocks
GAP = 40.0  # vertical space between blocks (holds the arrow)
RADIUS = 11.0
STRIPE = 9.0
GLYPH_W, GLYPH_H = 34.0, 20.0  # activation thumbnail


class BlockItem(QGraphicsItem):
    """One rounded block: input, a layer, the output, or the empty-network placeholder.

    kind: "Input" | "Dense" | "Activation" | "Dropout" | "Output" | "placeholder".
    index: the layer's position in the document (-1 for the others).
    """

    def __init__(
        self,
        kind: str,
        title: str,
        tag: str = "",
        line2: str = "",
        line3: str = "",
        index: int = -1,
        layer_id: str | None = None,
        height: float = LAYER_HEIGHT,
        activation: str | None = None,
    ):
        super().__init__()
        self.activation = activation  # drawn as a small curve on the right
        self.kind = kind
        self.title = title
        self.tag = tag
        self.line2 = line2
        self.line3 = line3
        self.index = index
        self.layer_id = layer_id
        self.height = height
        self.dimmed = False  # drawn faded (e.g. the block being dragged)
        self._hover = False
        if self.is_layer:
            self.setFlag(QGraphicsItem.ItemIsSelectable, True)
            self.setAcceptHoverEvents(True)
            self.setCursor(Qt.OpenHandCursor)

    @property
    def is_layer(self) -> bool:
        return self.index >= 0

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return QRectF(-BLOCK_WIDTH / 2 - 6, -6, BLOCK_WIDTH + 12, self.height + 12)

    def block_rect(self) -> QRectF:
        return QRectF(-BLOCK_WIDTH / 2, 0, BLOCK_WIDTH, self.height)

    def hoverEnterEvent(self, event):  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event):  # noqa: N802
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option, widget=None):
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.TextAntialiasing, True)
        rect = self.block_rect()
        if self.kind == "placeholder":
            self._paint_placeholder(painter, rect)
            return
        selected = bool(option.state & QStyle.State_Selected)
        accent = style.accent(self.kind)

        # soft shadow
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(rect.translated(2.5, 3.5), RADIUS, RADIUS)

        body = QPainterPath()
        body.addRoundedRect(rect, RADIUS, RADIUS)
        painter.setBrush(style.tint(self.kind, 0.80 if not self._hover else 0.72))
        painter.drawPath(body)
        # accent stripe on the left, clipped to the rounded body
        painter.save()
        painter.setClipPath(body)
        painter.setBrush(accent)
        painter.drawRect(QRectF(rect.left(), rect.top(), STRIPE, rect.height()))
        painter.restore()

        pen = QPen(accent.darker(115), 1.6)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(pen)
        painter.drawPath(body)
        if selected:
            ring = QPen(style.SELECTED, 3.5)
            painter.setPen(ring)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), RADIUS + 3, RADIUS + 3)

        left = rect.left() + STRIPE + 12
        width = rect.width() - STRIPE - 24
        top = rect.top() + 8
        title_font = style.font(12.5, bold=True)
        tag_font = style.font(9.5)
        body_font = style.font(11)
        small_font = style.font(9.5)

        painter.setPen(style.TEXT)
        painter.setFont(title_font)
        title_h = QFontMetrics(title_font).height()
        title_w = QFontMetrics(title_font).horizontalAdvance(self.title)
        painter.drawText(
            QRectF(left, top, width, title_h), Qt.AlignLeft | Qt.AlignVCenter, self.title
        )
        if self.tag:
            painter.setFont(tag_font)
            painter.setPen(style.MUTED)
            tag = QFontMetrics(tag_font).elidedText(
                self.tag, Qt.ElideRight, int(width - title_w - 12)
            )
            painter.drawText(
                QRectF(left, top, width, title_h), Qt.AlignRight | Qt.AlignVCenter, tag
            )

        y = top + title_h + 2
        body_h = QFontMetrics(body_font).height()
        if self.line2:
            painter.setFont(body_font)
            painter.setPen(style.TEXT)
            room = width - (GLYPH_W + 10 if self.activation else 0)
            metrics = QFontMetrics(body_font)
            text = metrics.elidedText(self.line2, Qt.ElideRight, int(room))
            painter.drawText(QRectF(left, y, width, body_h), Qt.AlignLeft | Qt.AlignVCenter, text)
            if self.activation:  # a thumbnail of the function right after its name
                glyph = QRectF(
                    left + metrics.horizontalAdvance(text) + 10,
                    y + (body_h - GLYPH_H) / 2,
                    GLYPH_W,
                    GLYPH_H,
                )
                self._paint_activation(painter, glyph, accent)
            y += body_h
        if self.line3:
            painter.setFont(small_font)
            painter.setPen(style.MUTED)
            small_h = QFontMetrics(small_font).height()
            bottom = rect.bottom() - 6 - small_h
            painter.drawText(
                QRectF(left, max(y, bottom), width, small_h),
                Qt.AlignRight | Qt.AlignVCenter,
                self.line3,
            )
        if self.dimmed:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(255, 255, 255, 110))
            painter.drawPath(body)

    def _paint_activation(self, painter: QPainter, box: QRectF, colour: QColor) -> None:
        """A thumbnail of the activation: axes in grey, the curve in the block's colour."""
        painter.save()
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
        painter.drawLine(
            QPointF(box.left(), box.bottom() - box.height() / 2),
            QPointF(box.right(), box.bottom() - box.height() / 2),
        )
        painter.drawLine(
            QPointF(box.center().x(), box.top()), QPointF(box.center().x(), box.bottom())
        )
        points = model.activation_curve(self.activation)
        painter.setPen(QPen(colour.darker(120), 2.0, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        if points:
            ys = [y for _, y in points]
            top = max(max(ys), 1.0)
            bottom = min(min(ys), -1.0)
            span = max(abs(top), abs(bottom))  # keep y = 0 on the middle line
            path = QPainterPath()
            for i, (x, y) in enumerate(points):
                px = box.left() + (x + 3.0) / 6.0 * box.width()
                py = box.center().y() - y / span * (box.height() / 2)
                if i == 0:
                    path.moveTo(px, py)
                else:
                    path.lineTo(px, py)
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(path)
        else:  # softmax: shares of one whole
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour.darker(120))
            w = box.width() / 5
            for i, share in enumerate((0.25, 0.9, 0.45)):
                h = share * box.height() / 2
                painter.drawRect(
                    QRectF(box.left() + w * (0.6 + 1.4 * i), box.center().y() - h, w, h)
                )
        painter.restore()

    def _paint_placeholder(self, painter: QPainter, rect: QRectF):
        pen = QPen(style.MUTED, 1.6, Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255, 160))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setPen(style.MUTED)
        painter.setFont(style.font(11))
        painter.drawText(
            rect.adjusted(10, 4, -10, -4), Qt.AlignCenter | Qt.TextWordWrap, self.title
        )


class ArrowItem(QGraphicsItem):
    """A downward arrow from (x, y0) to (x, y1): data flows from one block to the next."""

    HEAD = 8.0

    def __init__(self, x: float, y0: float, y1: float):
        super().__init__()
        self.x, self.y0, self.y1 = x, y0, y1
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self.x - self.HEAD - 2, self.y0 - 2, 2 * self.HEAD + 4, self.y1 - self.y0 + 4)

    def paint(self, painter: QPainter, option, widget=None):
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setPen(QPen(style.ARROW, 2.2, Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(QPointF(self.x, self.y0 + 3), QPointF(self.x, self.y1 - self.HEAD))
        painter.setPen(Qt.NoPen)
        painter.setBrush(style.ARROW)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(self.x - self.HEAD * 0.75, self.y1 - self.HEAD - 1),
                    QPointF(self.x + self.HEAD * 0.75, self.y1 - self.HEAD - 1),
                    QPointF(self.x, self.y1 - 1),
                ]
            )
        )


class DropIndicator(QGraphicsItem):
    """The line that shows where a dropped or moved block will land."""

    def __init__(self):
        super().__init__()
        self.setZValue(20)
        self.hide()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-BLOCK_WIDTH / 2 - 14, -8, BLOCK_WIDTH + 28, 16)

    def paint(self, painter: QPainter, option, widget=None):
        painter.setRenderHint(QPainter.Antialiasing, True)
        pen = QPen(style.INDICATOR, 4, Qt.SolidLine, Qt.RoundCap)
        painter.setPen(pen)
        half = BLOCK_WIDTH / 2 + 4
        painter.drawLine(QPointF(-half, 0), QPointF(half, 0))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QBrush(style.INDICATOR))
        painter.drawEllipse(QPointF(-half - 3, 0), 6, 6)
        painter.drawEllipse(QPointF(half + 3, 0), 6, 6)
