"""Decision map (2-D inputs) and the regression curve (1-D inputs).

DecisionMapView: the network's output over the input plane as a picture: for classification
each point takes its predicted class colour blended with white by the confidence (white =
undecided); for regression a diverging scale (vermillion low, white middle, blue high).
Training points are filled, test points hollow. Beside it, one small map per hidden neuron
(first 16 units of each hidden layer): what that neuron has learned to respond to.

RegressionView: the training and test points of a 1-D data set and the network's curve.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QSplitter, QWidget

from nnstudio.engine import introspect

from . import colors
from .base import ViewBase, counts_paint, plot_widget

MAP_RESOLUTION = 80
NEURON_RESOLUTION = 40
MAX_NEURONS = 16
# Points drawn on the map, per set: more cost GUI-thread time on every redraw (GUI.md, "Views")
# and a student can't tell more than this many apart anyway.
MAX_POINTS = {"train": 1500, "test": 750}
MAX_HIDDEN_LAYERS = 3


def rgb_image(rgb: np.ndarray) -> QImage:
    """A QImage owning a copy of a (h, w, 3) uint8 array (row 0 at the top)."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def data_limits(*arrays, pad: float = 0.1):
    """((x0, x1), (y0, y1)) around the points of (n, 2) arrays, padded by ``pad`` of the range."""
    pts = np.concatenate([np.asarray(a, np.float64).reshape(-1, 2) for a in arrays if len(a)])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    lo, hi = lo - pad * span, hi + pad * span
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


# Per-point brushes and pens are kept for the life of the program: pyqtgraph 0.14's symbol atlas
# keeps raw references to them, and freeing them crashed PySide6 6.12 (see data_preview).
_BRUSHES: dict = {}
_PENS: dict = {}


def _brush(rgba):
    key = tuple(int(v) for v in rgba)
    brush = _BRUSHES.get(key)
    if brush is None:
        brush = _BRUSHES[key] = pg.mkBrush(*key)
    return brush


def _pen(rgb, width: float):
    key = (*(int(v) for v in rgb), float(width))
    pen = _PENS.get(key)
    if pen is None:
        pen = _PENS[key] = pg.mkPen(*key[:-1], width=width)
    return pen


def shown_points(x, y, limit: int):
    """All the points, or an even-handed sample of ``limit`` of them (the same every time)."""
    if len(x) <= limit:
        return x, y
    keep = np.sort(np.random.default_rng(0).choice(len(x), size=limit, replace=False))
    return np.asarray(x)[keep], np.asarray(y)[keep]


def decision_colors(outputs: np.ndarray, task: str, target_range=None) -> np.ndarray:
    """uint8 RGB for a (..., k) block of outputs: class colours by confidence, or diverging."""
    if task == "classification":
        return colors.blend_classes(outputs)
    lo, hi = (
        target_range if target_range is not None else (float(outputs.min()), float(outputs.max()))
    )
    return colors.diverging(outputs[..., 0], lo, hi)


class NeuronMaps(QWidget):
    """Small pictures, one per hidden neuron, grouped by layer, painted in one go."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layers: list[tuple[str, list[QImage]]] = []
        self.tile = 56
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(4 * 20 + 8)

    def set_maps(self, layers: list[tuple[str, list[QImage]]]) -> None:
        self.layers = layers
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(4 * (self.tile + 4) + 8, 400)

    @counts_paint
    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        if not self.layers:
            return
        rows_needed = sum(1 + (len(imgs) + 3) // 4 for _, imgs in self.layers)
        fm_h = self.fontMetrics().height()
        cols = 4
        tile = int(
            min(
                (self.width() - 8) / cols - 4,
                (self.height() - fm_h * len(self.layers)) / max(1, rows_needed - len(self.layers))
                - 4,
            )
        )
        tile = max(16, min(tile, 96))
        y = 2
        for title, images in self.layers:
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(4, y, self.width() - 8, fm_h), Qt.AlignmentFlag.AlignLeft, title)
            y += fm_h + 2
            for n, img in enumerate(images):
                r, c = divmod(n, cols)
                rect = QRectF(4 + c * (tile + 4), y + r * (tile + 4), tile, tile)
                p.drawImage(rect, img)
                p.setPen(QPen(QColor(120, 120, 120), 1))
                p.drawRect(rect)
            y += ((len(images) + cols - 1) // cols) * (tile + 4) + 4
        p.end()


class DecisionMapView(ViewBase):
    title = "Decision map"
    export_stem = "decision-map"

    def build_body(self) -> QWidget:
        self.plot = plot_widget()
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        # filled training points with a dark rim; hollow test points: a class-coloured ring on a
        # dark one, so both stay visible on a background of their own class colour
        self.train_points = pg.ScatterPlotItem(size=10, pxMode=True)
        self.test_rim = pg.ScatterPlotItem(
            size=15, pxMode=True, brush=pg.mkBrush(0, 0, 0, 0), pen=pg.mkPen(30, 30, 30, width=4.5)
        )
        self.test_points = pg.ScatterPlotItem(size=15, pxMode=True, symbol="o")
        for item in (self.train_points, self.test_rim, self.test_points):
            self.plot.addItem(item)
            # while training only the map under the points changes: repaint the points from a
            # picture of them (~5% of the GUI thread went into redrawing 2,250 points each time)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.image.setZValue(-10)
        self.neurons = NeuronMaps()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(self.neurons)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 300])  # kept in proportion as the dock resizes
        self.last_rgb = None
        self.last_outputs = None
        self.grid = None
        self._points_key = None
        return split

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        if tuple(self.dataset.input_shape) != (2,):
            return self.tr(
                "The decision map draws networks with two inputs (a plane); this data set has "
                "{n} inputs per sample."
            ).format(n=int(np.prod(self.dataset.input_shape)))
        return ""

    @property
    def dataset(self):
        return self.mirror.dataset

    def _target_range(self):
        ds = self.dataset
        y = np.concatenate(
            [
                np.asarray(ds.y_train, np.float64).reshape(len(ds.y_train), -1)[:, 0],
                np.asarray(ds.y_test, np.float64).reshape(len(ds.y_test), -1)[:, 0],
            ]
        )
        return (float(y.min()), float(y.max())) if y.size else (-1.0, 1.0)

    def redraw(self) -> None:
        ds, model = self.dataset, self.mirror.model
        xlim, ylim = data_limits(ds.x_train, ds.x_test)
        classification = ds.task == "classification"
        what = (
            self.tr("class colour, paler where the network is unsure")
            if classification
            else self.tr("output: vermillion low, white middle, blue high")
        )
        long = self.tr(
            "<b>Decision map</b> — {what}; training points filled, test points hollow"
        ).format(what=what)
        if len(ds.x_train) > MAX_POINTS["train"] or len(ds.x_test) > MAX_POINTS["test"]:
            long += self.tr(
                " (a sample of {train:,} training and {test:,} test points is drawn)"
            ).format(
                train=min(len(ds.x_train), MAX_POINTS["train"]),
                test=min(len(ds.x_test), MAX_POINTS["test"]),
            )
        self.set_caption(self.tr("<b>Decision map</b>"), long)
        # one forward pass over the grid gives the map and every hidden neuron's picture
        xs, ys, points = introspect.grid_points(xlim, ylim, MAP_RESOLUTION)
        per_layer = [
            o.reshape(len(ys), len(xs), -1) for o in introspect.unit_outputs(model, points)
        ]
        out = per_layer[-1]
        rng = None if classification else self._target_range()
        rgb = decision_colors(out, ds.task, rng)
        self.grid, self.last_outputs, self.last_rgb = (xs, ys), out, rgb
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))
        rect = QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys))
        if rect != getattr(self, "_image_rect", None):  # a new rect repaints the whole plot
            self._image_rect = rect
            self.image.setRect(rect)
        if ds is not self._points_key:
            self._points_key = ds
            self._draw_points(ds, rng)
            self.plot.setRange(xRange=xlim, yRange=ylim, padding=0)
        self._draw_neurons(model, per_layer[:-1])

    def _draw_points(self, ds, rng) -> None:
        def brushes(y):
            if ds.task == "classification":
                return [_brush(colors.class_color(int(k))) for k in y]
            lo, hi = rng
            v = np.asarray(y, np.float64).reshape(len(y), -1)[:, 0]
            if hi > lo:  # 65 shades are plenty, and keep the cache of brushes small
                v = lo + np.round((v - lo) / (hi - lo) * 64) / 64 * (hi - lo)
            return [_brush(c) for c in colors.diverging(v, lo, hi)]

        x_train, y_train = shown_points(ds.x_train, ds.y_train, MAX_POINTS["train"])
        x_test, y_test = shown_points(ds.x_test, ds.y_test, MAX_POINTS["test"])
        self.points_shown = (len(x_train), len(ds.x_train), len(x_test), len(ds.x_test))
        train_b = brushes(y_train)
        self.train_points.setData(
            pos=np.asarray(x_train, np.float64).reshape(-1, 2),
            brush=train_b,
            pen=pg.mkPen(20, 20, 20, width=1.5),
        )
        test_b = brushes(y_test)
        pos = np.asarray(x_test, np.float64).reshape(-1, 2)
        self.test_rim.setData(pos=pos)
        self.test_points.setData(
            pos=pos,
            brush=_brush((255, 255, 255, 0)),
            pen=[_pen(b.color().getRgb()[:3], 2.0) for b in test_b],
        )

    def _draw_neurons(self, model, hidden: list[np.ndarray]) -> None:
        step = max(1, MAP_RESOLUTION // NEURON_RESOLUTION)  # every other grid point is enough
        maps = [h[::step, ::step, :MAX_NEURONS] for h in hidden]
        groups = introspect.unit_groups(model)
        layers = []
        for (dense_i, _), m in list(zip(groups, maps))[:MAX_HIDDEN_LAYERS]:
            units = model.layers[dense_i].params["kernel"].shape[1]
            name = model.layers[dense_i].name
            title = (
                self.tr("{name}: {shown} of {units} neurons").format(
                    name=name, shown=m.shape[-1], units=units
                )
                if units > m.shape[-1]
                else self.tr("{name}: {units} neurons").format(name=name, units=units)
            )
            scale = np.abs(m).max(axis=(0, 1))  # each neuron on its own scale, 0 = white
            scale = np.where(scale > 0, scale, 1.0)
            rgb = colors.diverging(m[::-1] / scale, -1.0, 1.0)
            images = [rgb_image(rgb[:, :, u]) for u in range(m.shape[-1])]
            layers.append((title, images))
        self.neuron_maps = maps
        self.neurons.setVisible(bool(layers))
        self.neurons.set_maps(layers)


class RegressionView(ViewBase):
    title = "Network curve"
    export_stem = "regression"

    def build_body(self) -> QWidget:
        self.plot = plot_widget()
        self.plot.addLegend(
            offset=(10, 10), labelTextColor="k", brush=pg.mkBrush(255, 255, 255, 215)
        )
        self.train_points = pg.ScatterPlotItem(
            size=8,
            brush=pg.mkBrush(*colors.POSITIVE),
            pen=pg.mkPen(0, 0, 0, 160),
            name=self.tr("training data"),
        )
        self.test_points = pg.ScatterPlotItem(
            size=9,
            brush=pg.mkBrush(255, 255, 255, 0),
            pen=pg.mkPen(*colors.class_color(1), width=2.5),
            name=self.tr("test data"),
        )
        self.curve = pg.PlotDataItem(pen=pg.mkPen(0, 0, 0, width=3), name=self.tr("network"))
        for item in (self.train_points, self.test_points, self.curve):
            self.plot.addItem(item)
        self.curve_xy = None
        self._points_for = None
        return self.plot

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        ds = self.mirror.dataset
        if tuple(ds.input_shape) != (1,):
            return self.tr(
                "The curve view draws networks with one input; this data set has {n} inputs per "
                "sample."
            ).format(n=int(np.prod(ds.input_shape)))
        return ""

    def redraw(self) -> None:
        ds, model = self.mirror.dataset, self.mirror.model
        self.set_caption(
            self.tr("<b>Network curve</b>"),
            self.tr(
                "<b>Network curve</b> — the network's output for every input; "
                "training points filled, test points hollow"
            ),
        )
        xs_all = np.concatenate(
            [np.asarray(ds.x_train, np.float64).ravel(), np.asarray(ds.x_test, np.float64).ravel()]
        )
        lo, hi = float(xs_all.min()), float(xs_all.max())
        pad = 0.05 * (hi - lo if hi > lo else 1.0)
        x = np.linspace(lo - pad, hi + pad, 300)
        y = model.predict(x[:, None].astype(np.float32), batch_size=300, verbose=0)
        y = np.asarray(y, np.float64).reshape(len(x), -1)[:, 0]
        self.curve_xy = (x, y)
        self.curve.setData(x, y)
        if self._points_for is not ds:
            self._points_for = ds
            first = lambda a: np.asarray(a, np.float64).reshape(len(a), -1)[:, 0]  # noqa: E731
            self.train_points.setData(first(ds.x_train), first(ds.y_train))
            self.test_points.setData(first(ds.x_test), first(ds.y_test))
