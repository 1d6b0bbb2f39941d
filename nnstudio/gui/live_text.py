"""LiveText: a line of text that changes while training runs (progress, speed, epoch numbers).

A QLabel asks its layout for a new size whenever its text changes, and the request climbs to
the main window, which re-lays out every dock (and, with animated docks, starts an animation
per dock): ~5 ms of the GUI thread each time, several times a second, taken from training.
LiveText has a fixed size hint, paints its text elided to its width and never asks for a new
size, so a new text costs one small repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class LiveText(QWidget):
    """``setText`` / ``text`` like a QLabel; ``sample`` sets how wide it would like to be."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        sample: str = "",
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ):
        super().__init__(parent)
        self._text = text
        self._align = align | Qt.AlignmentFlag.AlignVCenter
        metrics = self.fontMetrics()
        self._hint = QSize(metrics.horizontalAdvance(sample or text) + 8, metrics.height() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name)
        if text != self._text:
            self._text = text
            self.setToolTip(
                text if self.fontMetrics().horizontalAdvance(text) > self.width() - 8 else ""
            )
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self._hint.height())

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect = self.rect().adjusted(4, 0, -4, 0)
        painter.drawText(
            rect,
            self._align,
            self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, rect.width()),
        )
