"""Learning curves (pyqtgraph): loss per batch and per epoch, validation loss, accuracy.

The x axis is in epochs: an epoch's value sits at its end (epoch 1 at x = 1), and each batch
of an epoch at its fraction of the way through, so per-batch and per-epoch curves line up.

Each curve is created once; the controller's coalesced ``batchEnd`` / ``epochEnd`` payloads
are appended to preallocated buffers (doubled when full), and a 50 ms timer hands the
filled part to ``setData`` (auto peak downsampling, clipped to view). The document's history
is shown when a project is loaded, and everything is cleared when the weights are reset.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from nnstudio.gui.colors import OKABE_ITO
from nnstudio.gui.plots.axis import readable_axes
from nnstudio.gui.live_text import LiveText
from nnstudio.gui.training.pacing import CURVES_DUTY, CURVES_TIMER_MS
from nnstudio.gui.training.payloads import BatchReport, EpochReport, RunStart
from nnstudio.gui.training.state import TrainingState


SYMBOLS_UP_TO = 40  # per-epoch curves show a dot per epoch up to this many epochs
GRID_COLOR = "#dcdcdc"
HIGH_CONTRAST_WIDTH = 1.6  # line widths x this in high contrast (View > High Contrast)
TEXT_COLOR = "#505050"


class Series:
    """A growable (x, y) buffer: append in O(1) amortised, read the filled part as views."""

    def __init__(self, capacity: int = 1024):
        self.x = np.empty(capacity, dtype=np.float64)
        self.y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def extend(self, xs, ys) -> None:
        xs = np.asarray(xs, dtype=np.float64)
        ys = np.asarray(ys, dtype=np.float64)
        k = min(len(xs), len(ys))
        if not k:
            return
        if self.n + k > len(self.x):
            size = max(2 * len(self.x), self.n + k)
            for name in ("x", "y"):
                grown = np.empty(size, dtype=np.float64)
                grown[: self.n] = getattr(self, name)[: self.n]
                setattr(self, name, grown)
        self.x[self.n : self.n + k] = xs[:k]
        self.y[self.n : self.n + k] = ys[:k]
        self.n += k

    def clear(self) -> None:
        self.n = 0

    def data(self):
        return self.x[: self.n], self.y[: self.n]


class _TimedLayoutWidget(pg.GraphicsLayoutWidget):
    """Remembers how long its last repaint took (the curves throttle themselves with it)."""

    last_paint_s = 0.0

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        started = time.perf_counter()
        super().paintEvent(event)
        self.last_paint_s = time.perf_counter() - started


class _ReadoutText(LiveText):
    """The newest epoch's numbers, wrapped (a narrow dock cut one line off). It grows to a
    second (third) line only when a text needs it and keeps that height, so new numbers
    re-lay out the window at most twice, not on every epoch."""

    MAX_LINES = 3
    lines = 1

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip("")
        width = self.width() if self.isVisible() else self._hint.width()
        needed = self.needed_height(width) // max(1, self.fontMetrics().lineSpacing())
        if needed > self.lines and self.lines < self.MAX_LINES:
            self.lines = min(self.MAX_LINES, needed)
            self.updateGeometry()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._text:
            self.setText(self._text)

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom: count the lines again
            self.lines = 1
            self.setText(self._text)
            self.updateGeometry()

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        return hint.__class__(hint.width(), self.fontMetrics().lineSpacing() * self.lines + 4)

    def minimumSizeHint(self):  # noqa: N802
        return self.sizeHint().__class__(40, self.sizeHint().height())

    def needed_height(self, width: int | None = None) -> int:
        width = (self.width() if width is None else width) - 8
        flags = Qt.TextFlag.TextWordWrap
        return (
            self.fontMetrics().boundingRect(0, 0, max(1, width), 10_000, flags, self._text).height()
        )

    def paintEvent(self, event):  # noqa: N802
        from PySide6.QtGui import QPainter, QPalette

        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect = self.rect().adjusted(4, 0, -4, 0)
        painter.drawText(rect, int(self._align) | int(Qt.TextFlag.TextWordWrap), self._text)


class _WrapRow(QWidget):
    """Widgets side by side, or one under the other when the panel is too narrow for them
    all (at 150 % in a 260-pixel dock the second check box forced the whole panel wider
    than its dock, cutting off the readout and the plots)."""

    def __init__(self, widgets: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._widgets = widgets
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self._box.addWidget(widget)
        self._box.addStretch(1)

    def row_width(self) -> int:
        """The width the widgets need side by side."""
        spacing = max(0, self._box.spacing()) * (len(self._widgets) - 1)
        return sum(w.sizeHint().width() for w in self._widgets) + spacing

    def is_stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self):  # noqa: N802
        height = self._box.minimumSize().height()
        return QSize(max(w.minimumSizeHint().width() for w in self._widgets), height)

    def _fit(self) -> None:
        stacked = self.width() < self.row_width()
        if stacked != self.is_stacked():
            self._box.setDirection(
                QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
            )
            self.updateGeometry()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom: wider check boxes
            QTimer.singleShot(0, self._fit)


def _pen(color: str, width: float = 2.0, dashed: bool = False, alpha: int = 255):
    qcolor = pg.mkColor(color)
    qcolor.setAlpha(alpha)
    pen = pg.mkPen(qcolor, width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class CurvesPanel(QWidget):
    """The studio's learning curves over a TrainingController and the Document."""

    def __init__(self, controller, document, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        options = QHBoxLayout()
        self.show_batches = QCheckBox(self.tr("Show every batch"), self)
        self.show_batches.setChecked(True)
        self.show_batches.toggled.connect(self._toggle_batches)
        self.log_loss = QCheckBox(self.tr("Log scale loss"), self)
        self.log_loss.toggled.connect(lambda on: self.loss_plot.setLogMode(y=bool(on)))
        # the newest epoch's numbers: LiveText elides a long line (never widens the window at
        # 1366 px) and a new text does not re-lay out the window
        self.status = _ReadoutText(
            "",
            self,
            sample="epoch 100: loss 0.1234, accuracy 0.9876, val_loss 0.1234, val_accuracy 0.9876",
            align=Qt.AlignmentFlag.AlignLeft,
        )
        options.addWidget(_WrapRow([self.show_batches, self.log_loss], self))
        layout.addLayout(options)
        # its own line, two when needed: beside the check boxes "loss 0.1725…" was cut off
        layout.addWidget(self.status)

        self.view = _TimedLayoutWidget(self)
        self.view.setBackground("w")
        layout.addWidget(self.view, 1)
        self.loss_plot = self.view.addPlot(
            row=0, col=0, title=self.tr("Loss"), axisItems=readable_axes()
        )
        self.metric_plot = self.view.addPlot(
            row=0, col=1, title=self.tr("Accuracy"), axisItems=readable_axes()
        )
        for plot in (self.loss_plot, self.metric_plot):
            # An opaque light grid on major ticks only: a semi-transparent grid over the whole
            # plot makes every repaint many times slower (GUI.md, "Plots").
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(GRID_COLOR))
                axis.setTextPen(pg.mkPen(TEXT_COLOR))
                axis.setStyle(maxTickLevel=0)
            plot.showGrid(x=True, y=True, alpha=1.0)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.setMenuEnabled(True)
        # one row each, on a light backing: in a small dock a column of three names covered the
        # curves and was cut off at the bottom of the plot
        backing = pg.mkBrush(255, 255, 255, 215)
        self.loss_plot.addLegend(
            offset=(-10, 10), colCount=3, brush=backing, labelTextSize="8pt"
        )  # top right
        self.metric_plot.addLegend(
            offset=(-10, -10), colCount=2, brush=backing, labelTextSize="8pt"
        )  # bottom right
        self.metric_plot.setYRange(0.0, 1.0, padding=0.02)
        self.metric_plot.disableAutoRange(axis="y")  # accuracy is a fraction: keep 0..1

        # key -> (plot, pen, legend name); curves are created here, once.
        self.series: dict[str, Series] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._names: dict[str, str] = {}
        self._base_look: dict[str, tuple[float, float]] = {}  # pen width, dot size at 100 %
        self._add(
            "batch_loss",
            self.loss_plot,
            _pen(OKABE_ITO["sky"], 1.0, alpha=150),
            self.tr("loss (batch)"),
        )
        self._add("loss", self.loss_plot, _pen(OKABE_ITO["blue"], 2.5), self.tr("loss"))
        self._add(
            "val_loss",
            self.loss_plot,
            _pen(OKABE_ITO["vermillion"], 2.5, dashed=True),
            self.tr("val_loss"),
        )
        self._add("accuracy", self.metric_plot, _pen(OKABE_ITO["green"], 2.5), self.tr("accuracy"))
        self._add(
            "val_accuracy",
            self.metric_plot,
            _pen(OKABE_ITO["purple"], 2.5, dashed=True),
            self.tr("val_accuracy"),
        )
        self._extra_colors = [OKABE_ITO[c] for c in ("orange", "black", "yellow")]
        self._dirty: set[str] = set()
        self._last_redraw = 0.0
        self._last_cost = 0.0
        self._run_end: float | None = None  # last epoch of the running run (x axis limit)
        self._x_max = 0.0
        self._in_legend: set[str] = set()
        self._status_text, self._status_at = "", 0.0

        self.timer = QTimer(self)
        self.timer.setInterval(CURVES_TIMER_MS)
        self.timer.timeout.connect(self._redraw)
        self.timer.start()

        controller.batchEnd.connect(self.on_batch_end)
        controller.epochEnd.connect(self.on_epoch_end)
        controller.runStarted.connect(self.on_run_started)
        controller.stateChanged.connect(self.on_state)
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.load_history()

    # -- curves ----------------------------------------------------------------------------
    def _add(self, key: str, plot, pen, name: str) -> pg.PlotDataItem:
        curve = plot.plot([], [], pen=pen, connect="finite")  # named in the legend once it has data
        if not key.startswith(
            "batch"
        ):  # dots while there are few epochs: one epoch is a dot, not nothing
            curve.setSymbolBrush(pg.mkBrush(pen.color()))
            curve.setSymbolPen(None)
            curve.setSymbolSize(7)
        self._names[key] = name
        self._base_look[key] = (pen.widthF() or 1.0, curve.opts.get("symbolSize") or 0)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        self.series[key] = Series(4096 if key.startswith("batch") else 256)
        self.curves[key] = curve
        return curve

    def set_zoom(self, factor: float, base_font: QFont, high_contrast: bool = False) -> None:
        """View > Zoom and High Contrast: ticks, titles and legends in ``base_font`` x
        ``factor``; epoch lines and dots grow with it (wider again in high contrast)."""
        f, hc = float(factor), bool(high_contrast)
        size = base_font.pointSizeF() * f
        tick_font = QFont(base_font)
        tick_font.setPointSizeF(size)
        for plot in (self.loss_plot, self.metric_plot):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setTickFont(tick_font)
                axis.setPen(pg.mkPen("#606060" if hc else GRID_COLOR))
                axis.setTextPen(pg.mkPen("k" if hc else TEXT_COLOR))
                axis.label.setFont(tick_font)
                axis.setStyle(tickTextOffset=int(3 * f), tickLength=int(-5 * f))
            title = {"size": f"{size * 1.15:.1f}pt", "bold": hc}
            label_style = {"size": f"{8 * f:.1f}pt"}
            if hc:
                title["color"] = label_style["color"] = "#000000"
            plot.titleLabel.setText(plot.titleLabel.text, **title)
            legend = plot.legend
            if legend is not None:
                legend.opts["labelTextSize"] = label_style["size"]
                for _, label in legend.items:
                    label.setText(label.text, **label_style)
                legend.updateSize()
        grow = max(1.0, f * 0.8)
        for key, curve in self.curves.items():
            if key.startswith("batch"):
                continue  # thousands of points: a wide pen there costs ~10x the paint time
            width, symbol = self._base_look[key]
            pen = pg.mkPen(curve.opts["pen"])
            pen.setWidthF(width * grow * (HIGH_CONTRAST_WIDTH if hc else 1.0))
            curve.setPen(pen)
            if symbol:
                curve.setSymbolSize(symbol * grow)

    def _curve_for(self, key: str) -> str | None:
        """The curve key for a log name; metrics other than accuracy get a curve on first sight."""
        if key in self.series:
            return key
        base = key[4:] if key.startswith("val_") else key
        if base in ("acc", "loss") or key.startswith("batch_"):
            return None
        color = self._extra_colors[len(self.series) % len(self._extra_colors)]
        self._add(key, self.metric_plot, _pen(color, 2.0, dashed=key.startswith("val_")), key)
        self.metric_plot.enableAutoRange(axis="y")  # mse/mae are not fractions
        if "accuracy" not in self.document.project.training.metrics:
            self.metric_plot.setTitle(self.tr("Metrics"))
        return key

    def _show_in_legend(self, key: str, show: bool) -> None:
        """Only curves with data are named in the legends (no val_loss without validation)."""
        if show == (key in self._in_legend):
            return
        if show:
            self._in_legend.add(key)
        else:
            self._in_legend.discard(key)
        for plot in (self.loss_plot, self.metric_plot):  # rebuilt in a fixed order
            plot.legend.clear()
            items = plot.listDataItems()
            for k, curve in self.curves.items():
                if k in self._in_legend and curve in items:
                    plot.legend.addItem(curve, self._names[k])

    def _toggle_batches(self, on: bool) -> None:
        self.curves["batch_loss"].setVisible(bool(on))

    @Slot()
    def _redraw(self, force: bool = False) -> None:
        """Hand the filled buffers to the curves (on the 50 ms timer).

        Adaptive: a redraw (setData + the repaint it causes) may use at most ~1/100 of the
        time, so on a slow or busy machine the curves update less often instead of making the
        window stutter and slowing the training thread down (they share the GIL and, on a
        two-core laptop, the CPU).
        """
        if not self._dirty:
            return
        now = time.perf_counter()
        cost = self._last_cost + self.view.last_paint_s
        running = getattr(self.controller, "state", TrainingState.IDLE) == TrainingState.RUNNING
        if (
            running
            and not force
            and now - self._last_redraw < max(self.timer.interval() / 1000.0, cost / CURVES_DUTY)
        ):
            return  # (once training stops or pauses, the curves catch up at once)
        started = time.perf_counter()
        for key in self._dirty:
            x, y = self.series[key].data()
            curve = self.curves[key]
            if not key.startswith("batch"):
                symbol = "o" if len(x) <= SYMBOLS_UP_TO else None
                if curve.opts["symbol"] != symbol:
                    curve.setSymbol(symbol)
            curve.setData(x, y)
            self._show_in_legend(key, len(x) > 0)
            if len(x):
                self._grow_x(float(x[-1]))
        self._dirty.clear()
        self._last_redraw = now
        self._last_cost = time.perf_counter() - started

    def clear(self) -> None:
        for key, series in self.series.items():
            series.clear()
            self._dirty.add(key)
        self._status_text = ""
        self.status.setText("")

    # -- live ----------------------------------------------------------------------------
    @Slot(str)
    def on_state(self, state: str) -> None:
        """While training, the x axis grows in steps (doubling, up to the run's last epoch)
        instead of following every point, so the axes aren't re-laid out on each redraw
        (cheaper repaints); afterwards it fits the data again."""
        if (
            state != TrainingState.RUNNING
            and self._status_text
            and self.status.text() != self._status_text
        ):
            self.status.setText(
                self._status_text
            )  # the newest epoch's numbers, held back while running
        if state == TrainingState.IDLE:
            self._run_end = None
            for plot in (self.loss_plot, self.metric_plot):
                plot.enableAutoRange(axis="x")

    def _grow_x(self, x: float) -> None:
        if self._run_end is None or x <= self._x_max:
            return
        self._x_max = min(self._run_end, max(2.0 * self._x_max, 1.5 * x, 1.0))
        for plot in (self.loss_plot, self.metric_plot):
            plot.setXRange(0.0, self._x_max, padding=0.02)

    @Slot(object)
    def on_run_started(self, info: RunStart) -> None:
        self._run_end = max(float(info.epochs), 1.0)
        self._x_max = 0.0
        for plot in (self.loss_plot, self.metric_plot):
            plot.disableAutoRange(axis="x")
        self._grow_x(float(info.initial_epoch) + 1.0)
        # drop batch points beyond where this run starts (e.g. after a stop mid-epoch)
        s = self.series["batch_loss"]
        keep = int(np.searchsorted(s.x[: s.n], float(info.initial_epoch), side="right"))
        s.n = keep
        self._dirty.add("batch_loss")

    @Slot(object)
    def on_batch_end(self, info: BatchReport) -> None:
        if not info.iterations:
            return
        self.series["batch_loss"].extend(info.positions(), info.losses)
        self._dirty.add("batch_loss")

    @Slot(object)
    def on_epoch_end(self, info: EpochReport) -> None:
        x = np.asarray(info.epochs, dtype=np.float64) + 1.0
        for key, values in info.history.items():
            target = self._curve_for(
                "accuracy" if key == "acc" else "val_accuracy" if key == "val_acc" else key
            )
            if target is None:
                continue
            series = self.series[target]
            # epochs already shown (the run's history, reloaded when it was written back
            # before these queued signals arrived) are not drawn twice
            last = series.x[series.n - 1] if series.n else -math.inf
            keep = x > last
            if keep.any():
                series.extend(x[keep], np.asarray(values, dtype=np.float64)[keep])
                self._dirty.add(target)
        parts = [
            f"{k} {v:.4g}"
            for k, v in info.logs.items()
            if isinstance(v, float) and math.isfinite(v)
        ]
        self._status_text = self.tr("epoch {epoch}: {logs}").format(
            epoch=info.epoch + 1, logs=", ".join(parts)
        )
        # a new text re-lays out the window: at most twice a second (short epochs end 10+ times a
        # second); the newest is shown when training stops
        now = time.perf_counter()
        if now - self._status_at >= 0.5 or self.controller.state == TrainingState.IDLE:
            self._status_at = now
            self.status.setText(self._status_text)

    # -- document --------------------------------------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        if event in ("history", "project", "layers", "dataset"):
            self.load_history()

    def load_history(self) -> None:
        """Show the document's per-epoch history (right-aligned to epochs_trained)."""
        project = self.document.project
        history = project.history or {}
        trained = int(project.epochs_trained or 0)
        if not history and not trained:
            self.clear()  # reset weights / a new network: start clean
            return
        for key in list(self.series):
            if not key.startswith("batch_"):
                self.series[key].clear()
                self._dirty.add(key)
        for key, values in history.items():
            target = self._curve_for(
                "accuracy" if key == "acc" else "val_accuracy" if key == "val_acc" else key
            )
            if target is None or not values:
                continue
            end = max(trained, len(values))
            x = np.arange(end - len(values), end, dtype=np.float64) + 1.0
            self.series[target].extend(x, np.asarray(values, dtype=np.float64))
            self._dirty.add(target)
