"""What a data set looks like: a scatter for 2-D problems, points for 1-D regression, a grid of
images for MNIST-like data, a table for the small tables (logic gates, animals, user CSVs).

``DataPreview.show_dataset(dataset, kind)`` picks the view; ``summary_text(dataset)`` is the line
under it ("4,000 train / 1,000 test · 784 features · 10 classes")."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import colors, texts

CLASS_COLORS = colors.CLASS_HEX  # class k has one colour in every view (gui/colors.py)

MAX_TABLE_ROWS = 500  # a table beyond this shows its first rows and says so
MAX_SCATTER_POINTS = 20_000  # enough to see any toy problem; keeps the preview instant
IMAGE_GRID = (8, 4)  # columns x rows of the image preview


_BRUSHES: dict = {}
_PENS: dict = {}


def _brush(color: str, alpha: int = 255):
    key = (color, alpha)
    if key not in _BRUSHES:
        c = QColor(color)
        c.setAlpha(alpha)
        _BRUSHES[key] = pg.mkBrush(c)
    return _BRUSHES[key]


def _pen(color: str, width: float = 1.0, alpha: int = 255):
    key = (color, width, alpha)
    if key not in _PENS:
        c = QColor(color)
        c.setAlpha(alpha)
        _PENS[key] = pg.mkPen(c, width=width)
    return _PENS[key]


def class_color(index: int) -> QColor:
    return QColor(CLASS_COLORS[int(index) % len(CLASS_COLORS)])


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPreview", text)


def summary_text(dataset) -> str:
    """'4,000 train / 1,000 test · 784 features · 10 classes' (regression: '· 1 target')."""
    features = int(np.prod(dataset.input_shape)) if dataset.input_shape else 0
    parts = [
        _tr("{train} train / {test} test").format(
            train=f"{dataset.n_train:,}", test=f"{dataset.n_test:,}"
        ),
        (_tr("1 feature") if features == 1 else _tr("{n} features").format(n=f"{features:,}")),
    ]
    if dataset.task == "classification":
        n = int(dataset.num_classes or 0)
        parts.append(_tr("1 class") if n == 1 else _tr("{n} classes").format(n=n))
    else:
        k = int(dataset.y_train.shape[1]) if dataset.y_train.ndim > 1 else 1
        parts.append(
            _tr("regression, 1 target") if k == 1 else _tr("regression, {n} targets").format(n=k)
        )
    return " · ".join(parts)


def preview_kind(dataset, kind: str | None = None) -> str:
    """The view for a data set: the catalog's kind if known, else guessed from its shape."""
    if dataset.image_shape is not None:
        return "image"
    features = int(np.prod(dataset.input_shape)) if dataset.input_shape else 0
    if (
        kind in ("2d", "1d", "table")
        and not (kind == "2d" and features != 2)
        and not (kind == "1d" and features != 1)
    ):
        return kind
    if dataset.task == "classification" and features == 2 and dataset.n_train + dataset.n_test > 40:
        return "2d"
    if dataset.task == "regression" and features == 1:
        return "1d"
    return "table"


# --------------------------------------------------------------------------------------------
class ImageGrid(QWidget):
    """A grid of grey-scale images, each with its label underneath, scaled to the widget."""

    def __init__(self, columns: int = IMAGE_GRID[0], rows: int = IMAGE_GRID[1], parent=None):
        super().__init__(parent)
        self.columns, self.rows = columns, rows
        self._images: list[QImage] = []
        self._captions: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(columns * 24, rows * 38))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.columns * 44, self.rows * 62)

    def set_images(self, images: np.ndarray, captions: list[str]) -> None:
        """``images``: (n, h, w) floats in [0, 1] (0 = black); ``captions``: one per image."""
        self._images, self._captions = [], list(captions)
        for img in images[: self.columns * self.rows]:
            pixels = np.ascontiguousarray(
                np.clip(np.asarray(img, dtype=np.float32), 0.0, 1.0) * 255
            ).astype(np.uint8)
            h, w = pixels.shape
            # copy(): the QImage owns its pixels, nothing points into the numpy buffer afterwards
            self._images.append(
                QImage(pixels.tobytes(), w, h, w, QImage.Format.Format_Grayscale8).copy()
            )
        self.update()

    def count(self) -> int:
        return len(self._images)

    def captions(self) -> list[str]:
        return list(self._captions[: len(self._images)])

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self._images:
            return
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(
                font.pointSizeF() * 0.85
            )  # captions like "Ankle boot" fit more often
        painter.setFont(font)
        caption_h = painter.fontMetrics().height() + 2
        gap = 6
        cell_w = self.width() / self.columns
        # square images as large as fit, rows packed together from the top
        side = max(4.0, min(cell_w - gap, (self.height() - gap) / self.rows - caption_h - gap))
        pitch_y = side + caption_h + gap
        top = gap / 2
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for i, image in enumerate(self._images):
            r, c = divmod(i, self.columns)
            x0 = c * cell_w + (cell_w - side) / 2
            y0 = top + r * pitch_y
            painter.drawImage(QRectF(x0, y0, side, side), image)
            caption = self._captions[i] if i < len(self._captions) else ""
            painter.drawText(
                QRectF(c * cell_w, y0 + side, cell_w, caption_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                painter.fontMetrics().elidedText(caption, Qt.TextElideMode.ElideRight, int(cell_w)),
            )
        painter.end()


# --------------------------------------------------------------------------------------------
class DataPreview(QStackedWidget):
    """Shows one data set: scatter (2-D), points (1-D regression), image grid, or table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = "message"
        self.shown = None

        # a message page ("Loading…", errors, "not downloaded yet")
        self.message_page = QWidget()
        page = QVBoxLayout(self.message_page)
        page.addStretch(1)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(12)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        page.addWidget(self.message)
        self.action_button = QPushButton()
        self.action_button.setVisible(False)
        page.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(1)
        self.addWidget(self.message_page)

        # scatter plot shared by 2-D classification and 1-D regression
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.getPlotItem().hideButtons()
        self._items: list[pg.ScatterPlotItem] = []  # one per (class or colour bin, split)
        self.plot.setMinimumHeight(160)
        # the legend is a line of text under the plot, so it never hides points
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend_entries: list[tuple[str, str, str]] = []  # (glyph, colour, text)
        self.plot_page = QWidget()
        plot_layout = QVBoxLayout(self.plot_page)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.setSpacing(2)
        plot_layout.addWidget(self.plot, 1)
        plot_layout.addWidget(self.legend)
        self.addWidget(self.plot_page)

        # image grid
        self.images = ImageGrid()
        self.addWidget(self.images)

        # table
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.addWidget(self.table)

        self.show_message(self.tr("No data set yet."))

    # -- pages -------------------------------------------------------------------------------
    def show_message(self, text: str, action: str | None = None) -> None:
        """A sentence instead of data ("Loading…", an error); ``action`` labels ``action_button``."""
        self.kind = "message"
        self.shown = None
        self.message.setText(text)
        self.action_button.setText(action or "")
        self.action_button.setVisible(bool(action))
        self.setCurrentWidget(self.message_page)

    def show_dataset(self, dataset, kind: str | None = None) -> str:
        """Draw ``dataset``; ``kind`` is the catalog's hint ("table"|"2d"|"1d"|"image")."""
        kind = preview_kind(dataset, kind)
        if kind == "image":
            self._show_images(dataset)
        elif kind == "2d" and dataset.task == "regression":
            self._show_surface(dataset)
        elif kind == "2d":
            self._show_scatter(dataset)
        elif kind == "1d":
            self._show_regression(dataset)
        else:
            self._show_table(dataset)
        self.kind = kind
        self.shown = dataset  # what is on screen (a panel can skip drawing it again)
        return kind

    # -- scatter helpers ------------------------------------------------------------------------
    # One ScatterPlotItem per (class, split) with ONE brush and pen each: per-point brush/pen lists
    # crash PySide6 6.12 + pyqtgraph 0.14 (refcount error in the symbol atlas) once the QBrush
    # objects are freed. Brushes and pens are cached for the life of the program for the same reason.
    def _clear_plot(self):
        self._legend_entries = []
        self.legend.clear()
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []

    def _add_points(self, x, y, color, filled: bool, name: str | None = None):
        if filled:
            item = pg.ScatterPlotItem(
                x=x,
                y=y,
                symbol="o",
                size=6,
                pen=_pen("#ffffff", 0.5, 160),
                brush=_brush(color),
                pxMode=True,
            )
        else:
            item = pg.ScatterPlotItem(
                x=x,
                y=y,
                symbol="o",
                size=7,
                pen=_pen(color, 1.5),
                brush=_brush("#000000", 0),
                pxMode=True,
            )
        item.setZValue(1 if filled else 2)
        self.plot.addItem(item)
        self._items.append(item)
        if name is not None:
            self._legend_add("●" if filled else "○", color, name)
        return item

    def _add_hollow_legend(self, text):
        self._legend_add("○", "#555555", text)

    def _legend_add(self, glyph, color, text):
        self._legend_entries.append((glyph, color, str(text)))
        self.legend.setText(
            "&nbsp;&nbsp; ".join(
                f'<span style="white-space:nowrap"><span style="color:{c}; font-size:large">{g}</span>'
                f"&nbsp;{html.escape(t)}</span>"
                for g, c, t in self._legend_entries
            )
        )

    def legend_texts(self) -> list[str]:
        return [t for _, _, t in self._legend_entries]

    def _finish_plot(self, xlabel, ylabel, aspect):
        self.plot.setLabel("bottom", xlabel)
        self.plot.setLabel("left", ylabel)
        self.plot.setAspectLocked(aspect)
        self.plot.enableAutoRange()
        self.setCurrentWidget(self.plot_page)

    # -- 2-D classification ------------------------------------------------------------------
    def _show_scatter(self, ds):
        self._clear_plot()
        n_classes = int(ds.num_classes or 0)
        xtr, ytr = ds.x_train[:MAX_SCATTER_POINTS], ds.y_train[:MAX_SCATTER_POINTS]
        xte, yte = ds.x_test[:MAX_SCATTER_POINTS], ds.y_test[:MAX_SCATTER_POINTS]
        names = texts.class_names(ds) or [str(c) for c in range(n_classes)]
        for c in range(n_classes):
            color = CLASS_COLORS[c % len(CLASS_COLORS)]
            m = ytr == c
            self._add_points(
                xtr[m, 0], xtr[m, 1], color, True, names[c] if c < len(names) else str(c)
            )
        for c in range(n_classes):
            m = yte == c
            if m.any():
                self._add_points(xte[m, 0], xte[m, 1], CLASS_COLORS[c % len(CLASS_COLORS)], False)
        if len(xte):
            self._add_hollow_legend(self.tr("test (hollow)"))
        names_xy = ds.feature_names or ["x1", "x2"]
        self._finish_plot(names_xy[0], names_xy[1] if len(names_xy) > 1 else "", True)

    # -- 1-D regression ------------------------------------------------------------------------
    def _show_regression(self, ds):
        self._clear_plot()

        def first_target(y):
            return y[:, 0] if y.ndim > 1 else y

        self._add_points(
            ds.x_train[:MAX_SCATTER_POINTS, 0],
            first_target(ds.y_train[:MAX_SCATTER_POINTS]),
            CLASS_COLORS[0],
            True,
            self.tr("train"),
        )
        if ds.n_test:
            self._add_points(
                ds.x_test[:MAX_SCATTER_POINTS, 0],
                first_target(ds.y_test[:MAX_SCATTER_POINTS]),
                CLASS_COLORS[1],
                False,
                self.tr("test"),
            )
        names = ds.feature_names or ["x"]
        self._finish_plot(names[0], "y", False)

    # -- 2-D regression: points coloured by their target (viridis, in bins) -------------------
    def _show_surface(self, ds, bins: int = 8):
        self._clear_plot()
        cmap = pg.colormap.get("viridis")

        def first_target(y):
            return y[:, 0] if y.ndim > 1 else y

        xtr, ytr = ds.x_train[:MAX_SCATTER_POINTS], first_target(ds.y_train[:MAX_SCATTER_POINTS])
        xte, yte = ds.x_test[:MAX_SCATTER_POINTS], first_target(ds.y_test[:MAX_SCATTER_POINTS])
        both = np.concatenate([ytr, yte]) if len(yte) else ytr
        lo, hi = (float(both.min()), float(both.max())) if both.size else (0.0, 1.0)
        span = hi - lo or 1.0
        colors = [cmap.map((b + 0.5) / bins, mode="qcolor").name() for b in range(bins)]

        def bin_of(y):
            return np.clip(((np.asarray(y) - lo) / span * bins).astype(int), 0, bins - 1)

        btr, bte = bin_of(ytr), bin_of(yte)
        for b in range(bins):
            label = None
            if b in (0, bins - 1):
                label = self.tr("y ≈ {v}").format(v=f"{(lo if b == 0 else hi):.3g}")
            self._add_points(xtr[btr == b, 0], xtr[btr == b, 1], colors[b], True, label)
            if (bte == b).any():
                self._add_points(xte[bte == b, 0], xte[bte == b, 1], colors[b], False)
        if len(xte):
            self._add_hollow_legend(self.tr("test (hollow)"))
        names = ds.feature_names or ["x1", "x2"]
        self._finish_plot(names[0], names[1] if len(names) > 1 else "", True)

    # -- images --------------------------------------------------------------------------------
    def _show_images(self, ds):
        n = self.images.columns * self.images.rows
        shape = ds.image_shape or (28, 28)
        h, w = int(shape[0]), int(shape[1]) if len(shape) > 1 else int(shape[0])
        x = ds.x_train[:n] if ds.n_train else ds.x_test[:n]
        y = ds.y_train[:n] if ds.n_train else ds.y_test[:n]
        images = np.asarray(x, dtype=np.float32).reshape(len(x), h, w)
        if images.size and images.max() > 1.0:  # pixels stored 0-255
            images = images / 255.0
        if ds.task == "classification":
            names = texts.class_names(ds)
            captions = [names[int(c)] if 0 <= int(c) < len(names) else str(int(c)) for c in y]
        else:
            captions = [f"{float(np.ravel(v)[0]):.3g}" for v in y]
        self.images.set_images(images, captions)
        self.setCurrentWidget(self.images)

    # -- tables --------------------------------------------------------------------------------
    def _show_table(self, ds):
        features = ds.x_train.shape[1] if ds.x_train.ndim > 1 else 1
        names = texts.feature_names(ds) or [f"x{i + 1}" for i in range(features)]
        if ds.task == "classification":
            target_headers = [self.tr("class")]
        else:
            k = ds.y_train.shape[1] if ds.y_train.ndim > 1 else 1
            target_headers = (
                [self.tr("target")]
                if k == 1
                else [self.tr("target {n}").format(n=i + 1) for i in range(k)]
            )
        headers = names + target_headers + [self.tr("split")]
        rows = [(x, y, self.tr("train")) for x, y in zip(ds.x_train, ds.y_train)]
        rows += [(x, y, self.tr("test")) for x, y in zip(ds.x_test, ds.y_test)]
        total = len(rows)
        rows = rows[:MAX_TABLE_ROWS]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        header = self.table.horizontalHeader()
        mode = (
            QHeaderView.ResizeMode.Stretch
            if len(headers) <= 8
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(mode)
        header.setStretchLastSection(mode != QHeaderView.ResizeMode.Stretch)
        center = Qt.AlignmentFlag.AlignCenter
        class_names = texts.class_names(ds)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (x, y, split) in enumerate(rows):
            for c, value in enumerate(np.ravel(x)[: len(names)]):
                item = QTableWidgetItem(_fmt(value))
                item.setTextAlignment(center)
                self.table.setItem(r, c, item)
            if ds.task == "classification":
                label = int(y)
                item = QTableWidgetItem(
                    class_names[label] if 0 <= label < len(class_names) else str(label)
                )
                item.setForeground(
                    class_color(label).darker(110) if label != 6 else QColor("#8a7d00")
                )
                item.setFont(bold)
                item.setTextAlignment(center)
                self.table.setItem(r, len(names), item)
            else:
                for k, value in enumerate(np.ravel(y)):
                    item = QTableWidgetItem(_fmt(value))
                    item.setTextAlignment(center)
                    self.table.setItem(r, len(names) + k, item)
            item = QTableWidgetItem(split)
            item.setTextAlignment(center)
            self.table.setItem(r, len(headers) - 1, item)
        tip = (
            ""
            if total <= MAX_TABLE_ROWS
            else self.tr("Showing the first {shown} of {total} rows.").format(
                shown=f"{MAX_TABLE_ROWS:,}", total=f"{total:,}"
            )
        )
        self.table.setToolTip(tip)
        self.setCurrentWidget(self.table)

    # -- what tests and other views read -----------------------------------------------------
    def point_count(self) -> int:
        """Points drawn in the scatter (train + test)."""
        return int(sum(len(item.data) for item in self._items))

    def filled_count(self) -> int:
        """Filled (training) points drawn."""
        return int(sum(len(item.data) for item in self._items if item.zValue() == 1))

    def row_count(self) -> int:
        return self.table.rowCount()

    def image_count(self) -> int:
        return self.images.count()


def _fmt(value) -> str:
    v = float(value)
    if v.is_integer() and abs(v) < 1e9:
        return str(int(v))
    return f"{v:.4g}"
