"""The layer palette: blocks to drag onto the network canvas (or double-click / Enter to append)."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QEvent, QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from nnstudio.gui import layer_types
from nnstudio.gui.commands import InsertLayerCommand
from nnstudio.project.document import Document

from . import style


def layer_mime_data(layer_type: str) -> QMimeData:
    """What a palette block carries in a drag: mime ``application/x-nnstudio-layer`` = the type."""
    mime = QMimeData()
    mime.setData(style.MIME_TYPE, layer_type.encode("utf-8"))
    mime.setText(layer_type)
    return mime


class PaletteBlock(QWidget):
    """One draggable block of the palette."""

    activated = Signal(str)  # double-click, Enter or Space: append this layer

    def __init__(self, layer_type: str, title: str, description: str, parent=None):
        super().__init__(parent)
        self.layer_type = layer_type
        self.title = title
        self.description = description
        self._press_pos: QPoint | None = None
        self._show_focus = False
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.OpenHandCursor)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.setObjectName(f"paletteBlock{layer_type}")

    TEXT_LEFT = 21  # where the text starts (after the colour stripe)
    TEXT_RIGHT = 11

    def _body_height(self, width: int) -> int:
        """Height of the description wrapped into ``width`` pixels (it wraps in a narrow dock)."""
        metrics = QFontMetrics(style.panel_font(9.5))
        text_width = max(40, width - self.TEXT_LEFT - self.TEXT_RIGHT)
        rect = metrics.boundingRect(0, 0, text_width, 1000, Qt.TextWordWrap, self.description)
        return rect.height()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        title_h = QFontMetrics(style.panel_font(11.5, bold=True)).height()
        return int(title_h + self._body_height(width) + 18)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.heightForWidth(200))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(110, self.heightForWidth(110))

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        rect = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        enabled = self.isEnabled()
        kind = self.layer_type
        path = QPainterPath()
        path.addRoundedRect(rect, 9, 9)
        painter.setPen(Qt.NoPen)
        painter.setBrush(style.tint(kind, 0.80 if enabled else 0.92))
        painter.drawPath(path)
        painter.save()
        painter.setClipPath(path)
        painter.setBrush(style.accent(kind) if enabled else style.tint(kind, 0.6))
        painter.drawRect(QRectF(rect.left(), rect.top(), 8, rect.height()))
        painter.restore()
        ring = self.hasFocus() and self._show_focus
        border = style.SELECTED if ring else style.accent(kind).darker(115)
        painter.setPen(QPen(border, 2.6 if ring else 1.4))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)

        text_color = style.TEXT if enabled else style.MUTED
        left = self.TEXT_LEFT
        width = self.width() - self.TEXT_LEFT - self.TEXT_RIGHT
        title_font = style.panel_font(11.5, bold=True)
        body_font = style.panel_font(9.5)
        title_h = QFontMetrics(title_font).height()
        painter.setPen(text_color)
        painter.setFont(title_font)
        painter.drawText(
            QRectF(left, rect.top() + 6, width, title_h), Qt.AlignLeft | Qt.AlignVCenter, self.title
        )
        painter.setFont(body_font)
        painter.setPen(style.MUTED)
        painter.drawText(
            QRectF(left, rect.top() + 6 + title_h, width, rect.height() - title_h - 8),
            Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap,
            self.description,
        )

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom: larger text, taller block
            self.updateGeometry()
            self.update()

    # -- drag ----------------------------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            self._press_pos = event.position().toPoint()
            self.setFocus(Qt.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._press_pos is None or not (event.buttons() & Qt.LeftButton):
            return
        if (
            event.position().toPoint() - self._press_pos
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._press_pos = None
        self.start_drag()

    def mouseReleaseEvent(self, event):  # noqa: N802
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def start_drag(self) -> Qt.DropAction:
        drag = QDrag(self)
        drag.setMimeData(layer_mime_data(self.layer_type))
        pixmap = QPixmap(self.size() * self.devicePixelRatioF())
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        pixmap.fill(Qt.transparent)
        self.render(pixmap, QPoint(), self.rect(), QWidget.RenderFlag.DrawChildren)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(20, self.height() // 2))
        self.setCursor(Qt.ClosedHandCursor)
        try:
            return drag.exec(Qt.CopyAction)
        finally:
            self.setCursor(Qt.OpenHandCursor)

    # -- keyboard / double-click ----------------------------------------------------------------
    def mouseDoubleClickEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            self.activated.emit(self.layer_type)
            event.accept()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.activated.emit(self.layer_type)
            event.accept()
        elif event.key() in (Qt.Key_Down, Qt.Key_Up):
            self.focusNextPrevChild(event.key() == Qt.Key_Down)
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event):  # noqa: N802
        # a focus ring for keyboard users; not when the window merely activated or on a click
        self._show_focus = event.reason() in (
            Qt.TabFocusReason,
            Qt.BacktabFocusReason,
            Qt.ShortcutFocusReason,
        )
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event):  # noqa: N802
        self.update()
        super().focusOutEvent(event)


class LayerPalette(QWidget):
    """Layer blocks to drag onto the canvas.

    With a document and undo stack, double-click / Enter on a block appends that layer itself (an
    undo step). Without them it emits ``layerRequested(type)`` (connect it to
    ``NetworkCanvas.add_layer``); when nothing is connected it appends through the
    NetworkCanvas of its window and follows that canvas's lock. ``set_locked(True)`` while
    training.
    """

    layerRequested = Signal(str)
    editRefused = Signal(str)

    def __init__(
        self, document: Document | None = None, undo_stack: QUndoStack | None = None, parent=None
    ):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._locked = False
        self._followed_canvas = None
        self.setObjectName("layerPalette")
        self.setAccessibleName(self.tr("Layer palette"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)

        self.blocks: dict[str, PaletteBlock] = {}
        for layer_type, entry in layer_types.TYPES.items():
            block = PaletteBlock(layer_type, entry.title(), entry.blurb(), self)
            block.activated.connect(self._on_activated)
            layout.addWidget(block)
            self.blocks[layer_type] = block

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        style.set_panel_font(self.hint, 9)
        self.hint.setStyleSheet("color: #5A5A5A;")
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._update_hint()

    def set_locked(self, locked: bool) -> None:
        self._locked = bool(locked)
        for block in self.blocks.values():
            block.setEnabled(not self._locked)
        self._update_hint()

    def is_locked(self) -> bool:
        return self._locked

    def _update_hint(self) -> None:
        if self._locked:
            self.hint.setText(self.tr("Stop training to edit the network."))
        else:
            self.hint.setText(
                self.tr(
                    "Drag a block into the network, or double-click it "
                    "(or press Enter) to add it at the end."
                )
            )

    def append_layer(self, layer_type: str) -> bool:
        """Append a default layer of this type to the network (an undo step)."""
        if self._locked:
            message = self.tr("Stop training to edit the network")
            QToolTip.showText(self.mapToGlobal(self.rect().center()), message, self)
            self.editRefused.emit(message)
            return False
        if self.document is None or self.undo_stack is None:
            return False
        spec = layer_types.new_layer_spec(layer_type)
        self.undo_stack.push(InsertLayerCommand(self.document, len(self.document.layers), spec))
        return True

    def _on_activated(self, layer_type: str) -> None:
        if self.document is not None and self.undo_stack is not None:
            self.append_layer(layer_type)
        elif self._locked:
            self.append_layer(layer_type)  # shows the hint
        elif self.receivers(SIGNAL("layerRequested(QString)")) > 0:
            self.layerRequested.emit(layer_type)
        else:
            canvas = self._window_canvas()
            if canvas is not None:
                canvas.add_layer(layer_type)

    def _window_canvas(self):
        from .view import NetworkCanvas  # noqa: PLC0415 (view imports nothing from here)

        window = self.window()
        if window is None or window is self:
            return None
        return window.findChild(NetworkCanvas)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.document is None and self._followed_canvas is None:
            canvas = self._window_canvas()
            if canvas is not None:  # no document of our own: mirror the canvas's lock
                self._followed_canvas = canvas
                canvas.lockedChanged.connect(self.set_locked)
                self.set_locked(canvas.is_locked())
