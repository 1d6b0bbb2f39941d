"""Training health: per-layer gradient size (L2 norm, log scale) and the share of ReLU units
that never fire ("dead" units), recorded while the view is visible during training.

While training, the gradient sizes come from the training thread itself: the worker adds each
layer's gradient norm of the newest batch to its ``batchEnd`` report, and this view keeps a
running mean of them. At rest, and for the dead units always, the view measures on its own
copy of the network (the mirror): one forward/backward pass without an optimizer step on a fixed
probe batch of training samples; the same samples decide which ReLU units never fire.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from nnstudio.engine import introspect
from nnstudio.gui.plots.axis import ReadableAxis
from nnstudio.gui.training.pacing import PROBE_BUDGET
from nnstudio.gui.training.payloads import BatchReport

from . import colors
from .base import ViewBase, plot_widget

PROBE_GRAD = 256
PROBE_DEAD = 1000

SYMBOLS_UP_TO = 40  # points per curve drawn with a dot each
STREAM_SMOOTHING = 0.2  # weight of the newest batch in the running mean of squared gradient sizes


class _Log10Axis(ReadableAxis):
    """An axis over log10 values that labels each tick with the value itself (0.01, 0.1, 1 …)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{10.0**v:.2g}" for v in values]


class HealthCurvesView(ViewBase):
    title = "Gradients and dead units"
    export_stem = "gradients-dead-units"

    def build_body(self) -> QWidget:
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Forget the points recorded so far"))
        self.clear_button.clicked.connect(self.clear)
        self.header.addWidget(self.clear_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grad_plot = plot_widget()
        # log scale: the curves hold log10(norm); the axis writes the norms themselves
        self.grad_plot.setAxisItems({"left": _Log10Axis(orientation="left")})
        axis = self.grad_plot.getAxis("left")
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        self.grad_plot.setLabel("left", self.tr("gradient size (L2)"))
        self.grad_plot.setLabel("bottom", self.tr("training step"))
        backing = pg.mkBrush(255, 255, 255, 215)  # names stay readable over the lines
        self.grad_plot.addLegend(offset=(-10, 10), labelTextColor="k", brush=backing)
        self.dead_plot = plot_widget()
        self.dead_plot.setYRange(0, 1, padding=0.05)
        self.dead_plot.setLabel("left", self.tr("dead ReLU units (share)"))
        self.dead_plot.setLabel("bottom", self.tr("training step"))
        self.dead_plot.addLegend(offset=(-10, 10), labelTextColor="k", brush=backing)
        self.dead_plot.setXLink(self.grad_plot)
        layout.addWidget(self.grad_plot)
        layout.addWidget(self.dead_plot)
        self.grad_series: dict[str, tuple[list, list]] = {}
        self.dead_series: dict[str, tuple[list, list]] = {}
        self._curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self._signature = None
        self.last_norms: dict[str, float] = {}
        self.last_dead: dict[str, float] = {}
        self.dead_rows = 0
        self._streamed = False  # gradient sizes arrived from the training thread in this run
        self._mean_squares: dict[str, float] = {}  # per layer, over the latest reports
        controller = self.mirror.controller
        if (
            controller is not None
            and hasattr(controller, "batchEnd")
            and hasattr(controller, "runStarted")
        ):
            controller.batchEnd.connect(self._on_batch)
            controller.runStarted.connect(self._on_run_started)
        return body

    def _on_run_started(self, *_) -> None:
        self._streamed = False
        self._mean_squares = {}

    def clear(self) -> None:
        self.grad_series.clear()
        self.dead_series.clear()
        for plot in (self.grad_plot, self.dead_plot):
            plot.getPlotItem().clear()
            legend = plot.getPlotItem().legend
            if legend is not None:
                legend.clear()
        self._curves.clear()

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        if self.mirror.prepared() is None:
            return self.tr("The data set's targets do not fit the network's output yet.")
        return ""

    def _curve(self, kind: str, name: str, index: int) -> pg.PlotDataItem:
        item = self._curves.get((kind, name))
        if item is None:
            rgb = colors.class_color(index)
            plot = self.grad_plot if kind == "grad" else self.dead_plot
            item = plot.plot(
                pen=pg.mkPen(*rgb, width=2.5),
                name=name,
                symbol="o",
                symbolSize=4,
                symbolBrush=pg.mkBrush(*rgb),
                symbolPen=None,
            )
            item.setDownsampling(
                auto=True, method="peak"
            )  # ten points a second add up over a lesson
            item.setClipToView(True)
            self._curves[(kind, name)] = item
        return item

    def redraw(self) -> None:
        model = self.mirror.model
        signature = tuple(
            (layer.name, tuple(p.shape for p in layer.params.values())) for layer in model.layers
        )
        if signature != self._signature:
            self._signature = signature
            self.clear()
        x, y = self.mirror.prepared()
        step = int(self.mirror.iteration)
        # while training, the gradient sizes come from the training itself (_on_batch, ten a
        # second); the view's own probe measures them only at rest
        streamed = self.mirror.is_training and self._streamed
        norms, dead = self.mirror.cached(
            ("health", step, streamed), lambda: self._measure(x, y, not streamed)
        )
        self.set_caption(
            self.tr("<b>Gradient size, dead units</b>"),
            self.tr(
                "<b>Gradient size</b> per layer (log scale; while training, averaged over the latest "
                "batches) and the share of <b>dead ReLU units</b> (never firing on {n} training "
                "samples)"
            ).format(n=self.dead_rows),
        )
        if norms is not None:
            self.last_norms = norms
            self._record(self.grad_series, norms, step, log=True)
        self.last_dead = dead
        self._record(self.dead_series, dead, step, log=False)
        for kind, series in (("grad", self.grad_series), ("dead", self.dead_series)):
            for index, (name, (xs, ys)) in enumerate(series.items()):
                curve = self._curve(kind, name, index)
                # a dot per point while they are few; then lines only (setData re-renders every
                # dot, the most expensive redraw of the views: GUI.md)
                symbol = "o" if len(xs) <= SYMBOLS_UP_TO else None
                if curve.opts["symbol"] != symbol:
                    curve.setSymbol(symbol)
                curve.setData(np.array(xs, np.float64), np.array(ys, np.float64))
        self.dead_plot.setVisible(bool(dead))

    @staticmethod
    def _record(series: dict, values: dict, step: int, log: bool) -> None:
        for name, value in values.items():
            value = float(value)
            if not np.isfinite(value):
                continue
            xs, ys = series.setdefault(name, ([], []))
            while xs and xs[-1] >= step:  # the same step again (or an earlier one after a reset)
                xs.pop()
                ys.pop()
            xs.append(step)
            ys.append(float(np.log10(max(value, 1e-12))) if log else value)

    def _on_batch(self, info: BatchReport) -> None:
        """The training thread's gradient sizes of its newest batch (recorded even while this
        view is hidden: a few numbers, ten times a second at most; drawn when it redraws)."""
        norms = info.grad_norms
        if not norms or self.mirror.model is None:
            return
        self._streamed = True
        step = self.mirror.run_start_iteration + info.iteration
        # one batch's gradient swings over decades (a batch the network already gets right has
        # almost none): show the root mean square over the last few reports instead
        smoothed = {}
        for name, value in norms.items():
            if not np.isfinite(value):
                continue
            mean = self._mean_squares.get(name)
            mean = (
                value * value
                if mean is None
                else (1 - STREAM_SMOOTHING) * mean + STREAM_SMOOTHING * value * value
            )
            self._mean_squares[name] = mean
            smoothed[name] = float(np.sqrt(mean))
        self._record(self.grad_series, smoothed, step, log=True)
        self.last_norms = smoothed

    def _measure(self, x, y, grads: bool = True):
        model = self.mirror.model
        norms = None
        if grads:
            n = self.mirror.rows_for(
                PROBE_BUDGET / 3, min(PROBE_GRAD, len(x))
            )  # backward ~ 2x forward
            introspect.compute_gradients(model, x[:n], y[:n])
            norms = introspect.gradient_norms(model)
        self.dead_rows = self.mirror.rows_for(PROBE_BUDGET, min(PROBE_DEAD, len(x)))
        dead = introspect.dead_unit_share(model, x[: self.dead_rows])
        return norms, dead
