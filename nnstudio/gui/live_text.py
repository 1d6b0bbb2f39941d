"""LiveText: a line of text that changes while training runs (progress, speed, epoch numbers).

A QLabel asks its layout for a new size whenever its text changes, and the request climbs to
the main window, which re-lays out every dock (and, with animated docks, starts an animation
per dock): ~5 ms of the GUI thread each time, several times a second, taken from training.
LiveText has a fixed size hint, paints its text elided to its width and never asks for a new
size, so a new text costs one small repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
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
        self._sample = sample or text
        self._measure()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)

    def _measure(self) -> None:
        metrics = self.fontMetrics()
        self._hint = QSize(metrics.horizontalAdvance(self._sample) + 8, metrics.height() + 4)

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom: the sample measured again
            self._measure()
            self.updateGeometry()

    def text(self) -> str:
        return self._text

    _shorter: tuple[str, ...] = ()

    def setText(self, text: str, *shorter: str) -> None:  # noqa: N802 (QLabel's name)
        """Show ``text``; where it does not fit, the first of the ``shorter`` forms that does
        (at 150 % on a small screen "Epoch 5/100 · done" rather than "Epoch 5/100 · batch…")."""
        if text != self._text or shorter != self._shorter:
            self._text, self._shorter = text, shorter
            self.setToolTip(text if self.shown() != text else "")
            self.update()

    def shown(self) -> str:
        """The text as painted at the current width (one of the forms, or the last elided)."""
        width = self.width() - 8
        metrics = self.fontMetrics()
        forms = (self._text, *self._shorter)
        for form in forms:
            if metrics.horizontalAdvance(form) <= width:
                return form
        return metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self._hint.height())

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect().adjusted(4, 0, -4, 0), self._align, self.shown())
