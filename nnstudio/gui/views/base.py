"""ViewBase: what every "inside the network" view shares.

* redraws from the :class:`~nnstudio.gui.views.mirror.ModelMirror` when it is visible, at a
  bounded rate (QTimer-coalesced), and only marks itself stale while hidden (a hidden view
  costs nothing; it catches up in ``showEvent``);
* a header line (title, the view's own controls, an "Export PNG…" button) and a message in
  place of the drawing when there is nothing to draw (with the reason);
* ``export_png(path)`` and the same from the right-click menu.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.plots.axis import readable_axes
from nnstudio.gui.training.pacing import CAPTION_INTERVAL_S

from .mirror import ModelMirror, RateLimiter


CAPTION_INTERVAL = CAPTION_INTERVAL_S  # a module name the tests can patch


def counts_paint(paint_event):
    """Decorator for a view's drawing widget's ``paintEvent``: the GUI thread's CPU time of
    each paint counts against the view's redraw budget (painting what a redraw made, e.g. a
    decision map under 2,000 points, can cost more than the redraw itself)."""

    @functools.wraps(paint_event)
    def timed(self, event):
        started = time.thread_time()
        try:
            return paint_event(self, event)
        finally:
            view = _owning_view(self)
            if view is not None:
                view.paint_cost += time.thread_time() - started

    return timed


def _owning_view(widget):
    """The view a drawing widget is part of (a few parents up; paints are at most a few a
    second while training, so the walk is not worth caching on a widget we do not own)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, ViewBase):
        parent = parent.parentWidget()
    return parent


class ViewBase(QWidget):
    """Subclasses build their drawing in ``build_body()`` (returns a widget), say why they
    cannot draw in ``problem()`` ("" when they can) and draw in ``redraw()``."""

    title = "View"
    export_stem = "view"

    def __init__(self, mirror: ModelMirror, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.mirror = mirror
        self.undo_stack = undo_stack
        self.redraws = 0  # how many times redraw() ran (tests, benchmarks)
        self.paint_cost = (
            0.0  # CPU seconds its drawing widgets spent painting since the last redraw
        )
        self._stale = True
        self.limiter = RateLimiter()  # this view's share of the GUI thread (pace.py widens it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.timeout.connect(lambda: self.set_caption(*self._caption_wanted))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.header.addWidget(self.title_label, 1)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("PNG…"))
        self.export_button.setToolTip(self.tr("Export this view as a PNG image…"))
        self.export_button.clicked.connect(self.export_dialog)
        layout.addLayout(self.header)
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(16)
        self.stack.addWidget(self.message)
        self.body = self.build_body()
        self.stack.addWidget(self.body)
        layout.addWidget(self.stack, 1)
        self.header.addWidget(self.export_button)

        self.export_action = QAction(self.tr("Export as PNG…"), self)
        self.export_action.triggered.connect(self.export_dialog)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(self.export_action)

        mirror.updated.connect(self.request)
        mirror.datasetChanged.connect(self.request)

    # -- caption -------------------------------------------------------------------------------
    def set_caption(self, short: str, long: str | None = None) -> None:
        """The header text: ``long`` (an explanation) when it fits in two lines, else ``short``;
        the long one is always the tooltip."""
        self._caption_wanted = (short, long or short)
        if getattr(self, "_caption", None) == self._caption_wanted:
            return  # a new text re-lays out the dock: skip it when nothing changed
        now = time.perf_counter()
        due = getattr(self, "_caption_at", -1e9) + CAPTION_INTERVAL
        if self.mirror.is_training and now < due:
            # ... and the whole window with it: while training, a new number every few
            # seconds; the newest text is shown when its turn comes (never left stale)
            if not self._caption_timer.isActive():
                self._caption_timer.start(max(1, int((due - now) * 1000)))
            return
        self._caption_timer.stop()
        self._caption_at = now
        self._caption = self._caption_wanted
        self.title_label.setToolTip(long or short)
        self.fit_caption()

    def fit_caption(self) -> None:
        short, long = getattr(self, "_caption", ("", ""))
        plain = QTextDocument()
        plain.setHtml(long)
        width = self.fontMetrics().horizontalAdvance(plain.toPlainText())
        self.title_label.setText(long if width <= 1.9 * max(1, self.title_label.width()) else short)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.fit_caption()

    # -- to override -------------------------------------------------------------------------
    def build_body(self) -> QWidget:
        raise NotImplementedError

    def problem(self) -> str:
        return self.mirror.problem()

    def redraw(self) -> None:
        raise NotImplementedError

    # -- scheduling --------------------------------------------------------------------------
    def request(self) -> None:
        """Something changed: redraw soon if visible, else remember to do it when shown."""
        self._stale = True
        if not self.exposed():
            return
        if not self._timer.isActive():
            self._timer.start(int(self._wait() * 1000))

    def _wait(self) -> float:
        """Seconds until this view may redraw: its own pace, and while training also the
        views' shared budget (all views together: pacing.SHARED_DUTY of the window's time)."""
        wait = self.limiter.wait()
        if self.mirror.is_training:
            wait = max(wait, self.mirror.limiter.wait())
        return wait

    def _on_timer(self) -> None:
        wait = self._wait()
        if wait > 0.002:  # another view spent the shared budget meanwhile
            self._timer.start(int(wait * 1000))
        elif self.exposed():
            self.refresh()

    def refresh(self) -> None:
        """Redraw now (the timer, showEvent and tests call this)."""
        self._timer.stop()
        started = time.thread_time()  # the GUI thread's CPU: time spent waiting for the GIL is not
        self._stale = False  # taken from training, so it does not count against the budget
        reason = self.problem()
        if reason:
            self.message.setText(reason)
            self.stack.setCurrentWidget(self.message)
        else:
            self.stack.setCurrentWidget(self.body)
            self.redraw()
            self.redraws += 1
        cost = time.thread_time() - started + self.paint_cost  # with the paints of the last redraw
        self.paint_cost = 0.0
        self.limiter.done(cost=cost)
        self.mirror.limiter.done(cost=cost)

    def exposed(self) -> bool:
        """On screen: visible and not covered (a dock tabbed behind another stays "visible" to
        Qt but has an empty visible region)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.catch_up)

    def catch_up(self) -> None:
        """Redraw if something changed while this view was hidden and it is on screen now."""
        if self._stale and self.exposed():
            self.refresh()

    @property
    def showing(self) -> bool:
        """True when the drawing (not the message) is shown."""
        return self.stack.currentWidget() is self.body

    # -- export ------------------------------------------------------------------------------
    def export_widget(self) -> QWidget:
        return self.stack

    def export_png(self, path) -> Path:
        """Write the view (without its header) as a PNG image; raises OSError if it cannot."""
        from nnstudio.gui.screenshots import grab

        if self._stale:
            self.refresh()
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        return grab(self.export_widget(), path)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as PNG"), f"{self.export_stem}.png", self.tr("PNG images (*.png)")
        )
        if not path:
            return
        try:
            self.export_png(path)
        except OSError as exc:
            from nnstudio.gui import dialogs

            dialogs.show_error(self, self.tr("Could not export the view"), str(exc))


class _PlotWidget(pg.PlotWidget):
    paintEvent = counts_paint(pg.PlotWidget.paintEvent)  # noqa: N815 (Qt name)


def plot_widget(background: str = "w"):
    """A pyqtgraph PlotWidget without its own context menu (its SVG export crashes in 0.14;
    the view's "Export PNG…" is used instead), equal axes, readable on a projector."""
    widget = _PlotWidget(background=background, axisItems=readable_axes())
    widget.setMenuEnabled(False)
    widget.hideButtons()
    plot = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        axis.enableAutoSIPrefix(False)
    return widget
