"""Views for classification and image data: the digit grid, the confusion matrix, and the
first layer's weights drawn as images."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from nnstudio.engine import introspect
from nnstudio.gui import texts

from . import colors
from .base import ViewBase, counts_paint
from .decision_map import rgb_image

MAX_DIGITS = 60
MAX_CLASSES = 20


def gray_image(img: np.ndarray) -> QImage:
    """Dark ink on white from values in [0, 1] (ink = 1), as digits print on paper."""
    v = np.clip(np.asarray(img, np.float64), 0.0, 1.0)
    g = np.round(255 * (1.0 - v)).astype(np.uint8)
    return rgb_image(np.repeat(g[..., None], 3, axis=2))


def image_dataset(ds) -> bool:
    return (
        ds is not None
        and getattr(ds, "image_shape", None) is not None
        and int(np.prod(ds.image_shape)) == int(np.prod(ds.input_shape))
    )


class _Canvas(QWidget):
    """A widget that paints through a callback (keeps each view's drawing code in the view)."""

    def __init__(self, paint, min_size=None):
        super().__init__()
        self._paint = paint
        self.setMinimumSize(min_size if min_size is not None else QSize(120, 100))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @counts_paint
    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        self._paint(p, self)
        p.end()


class DigitGridView(ViewBase):
    title = "Test images"
    export_stem = "test-images"

    def build_body(self) -> QWidget:
        self.wrong_first = QCheckBox(self.tr("Wrong first"))
        self.wrong_first.setToolTip(
            self.tr(
                "Misclassified first: show the test images the network gets wrong before the others"
            )
        )
        self.wrong_first.toggled.connect(lambda *_: self.request())
        self.header.addWidget(self.wrong_first)
        self.tiles: list[tuple[QImage, int, int, int]] = []  # image, test index, predicted, true
        self._images_for, self._images = None, {}
        return _Canvas(self._paint)

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        ds = self.mirror.dataset
        if ds.task != "classification" or not image_dataset(ds):
            return self.tr("The test-image grid shows image data sets such as MNIST.")
        if not len(ds.x_test):
            return self.tr("This data set has no test images.")
        return ""

    def redraw(self) -> None:
        ds = self.mirror.dataset
        pred = introspect.predicted_classes(self.mirror.outputs("test"))
        true = np.asarray(ds.y_test, np.int64)[: len(pred)]  # fewer while training (see outputs)
        right = pred == true
        order = np.arange(len(true))
        if self.wrong_first.isChecked():
            order = np.concatenate([order[~right], order[right]])
        shown = order[:MAX_DIGITS]
        if self._images_for is not ds:  # the pictures never change, only their labels
            self._images_for, self._images = ds, {}
        for i in shown:
            if i not in self._images:
                self._images[i] = gray_image(ds.x_test[i].reshape(ds.image_shape[:2]))
        self.tiles = [(self._images[i], int(i), int(pred[i]), int(true[i])) for i in shown]
        n_right = int(right.sum())
        self.set_caption(
            self.tr("<b>Test images</b> — accuracy {acc:.1%}").format(acc=n_right / len(true)),
            self.tr(
                "<b>Test images</b> — predicted label: ✓ right (green), ✗ wrong (vermillion, "
                "true label after it). Test accuracy {acc:.1%} ({r} of {n})"
            ).format(acc=n_right / len(true), r=n_right, n=len(true)),
        )
        self.body.update()

    def _paint(self, p: QPainter, w: QWidget) -> None:
        if not self.tiles:
            return
        names = texts.class_names(self.mirror.dataset)
        fm = w.fontMetrics()
        label_h = fm.height() + 2
        n = len(self.tiles)
        best = None
        for cols in range(4, 21):  # the biggest tiles that fit all images
            rows = -(-n // cols)
            tile = min((w.width() - 4) / cols - 4, (w.height() - 4) / rows - 4 - label_h)
            if best is None or tile > best[1]:
                best = (cols, tile)
        cols, tile = best[0], max(12.0, best[1])
        font = QFont(w.font())
        font.setBold(True)
        p.setFont(font)
        for k, (img, _, pred, true) in enumerate(self.tiles):
            r, c = divmod(k, cols)
            x, y = 2 + c * (tile + 4), 2 + r * (tile + 4 + label_h)
            ok = pred == true
            rgb = colors.RIGHT if ok else colors.WRONG
            p.drawImage(QRectF(x, y, tile, tile), img)
            p.setPen(QPen(QColor(*rgb), 3 if not ok else 2))
            p.drawRect(QRectF(x, y, tile, tile))
            name = names[pred] if pred < len(names) else str(pred)
            text = f"✓ {name}" if ok else f"✗ {name} ({names[true] if true < len(names) else true})"
            p.setPen(QColor(*rgb) if ok else QColor(170, 60, 0))
            p.drawText(
                QRectF(x - 2, y + tile, tile + 4, label_h), Qt.AlignmentFlag.AlignCenter, text
            )


class ConfusionMatrixView(ViewBase):
    title = "Confusion matrix"
    export_stem = "confusion-matrix"

    def build_body(self) -> QWidget:
        self.matrix = None
        return _Canvas(self._paint, QSize(140, 120))

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        ds = self.mirror.dataset
        if ds.task != "classification":
            return self.tr(
                "The confusion matrix is for classification data sets; this one is regression."
            )
        if int(ds.num_classes or 0) > MAX_CLASSES:
            return self.tr(
                "The confusion matrix shows up to {max} classes; this data set has {n}."
            ).format(max=MAX_CLASSES, n=ds.num_classes)
        return ""

    def data(self):
        """(x, y, which) the matrix is computed on: the test set, or the training set if there is none."""
        ds = self.mirror.dataset
        return ("test", ds.y_test) if len(ds.y_test) else ("train", ds.y_train)

    def redraw(self) -> None:
        ds = self.mirror.dataset
        which, y = self.data()
        pred = introspect.predicted_classes(self.mirror.outputs(which))
        y = np.asarray(y)[: len(pred)]  # the first samples only while training (see outputs)
        k = int(ds.num_classes)
        self.matrix = introspect.confusion_matrix(y, np.minimum(pred, k - 1), k)
        total = int(self.matrix.sum())
        acc = float(np.trace(self.matrix)) / total if total else 0.0
        where = (
            self.tr("test set")
            if which == "test"
            else self.tr("training set (there is no test set)")
        )
        full = len(ds.y_test) if which == "test" else len(ds.y_train)
        if total < full:
            where = self.tr("the first {n} of {all} samples of the {where} while training").format(
                n=total, all=full, where=where
            )
        self.set_caption(
            self.tr("<b>Confusion matrix</b> — accuracy {acc:.1%}").format(acc=acc),
            self.tr(
                "<b>Confusion matrix</b> — {where}, {n} samples, accuracy {acc:.1%}; "
                "rows: true class, columns: predicted; shading: share of the row"
            ).format(where=where, n=total, acc=acc),
        )
        self.body.update()

    def _paint(self, p: QPainter, w: QWidget) -> None:
        m = self.matrix
        if m is None:
            return
        k = len(m)
        names = (texts.class_names(self.mirror.dataset) or [str(i) for i in range(k)])[:k]
        fm = w.fontMetrics()
        left = (
            min(max(fm.horizontalAdvance(n) for n in names) + 8, w.width() // 4) + fm.height() + 4
        )
        top = fm.height() * 2 + 8
        cell = max(8.0, min((w.width() - left - 4) / k, (w.height() - top - 4) / k))
        # column names wider than a cell ("mammal" over a 30-pixel column) stand upright
        # instead of being cut to "mam…" (a matrix docked small on a projector)
        widest = max(fm.horizontalAdvance(n) for n in names)
        upright = widest > cell - 4 and cell >= fm.height()
        if upright:
            top = fm.height() + 8 + min(widest + 6, int(w.height() * 0.45))
            cell = max(8.0, min((w.width() - left - 4) / k, (w.height() - top - 4) / k))
        self.column_labels = (upright, top - fm.height() - 8 if upright else cell, widest)
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros(m.shape, np.float64), where=rows > 0)
        shade = colors.sequential(share)
        p.setPen(Qt.GlobalColor.black)
        heading = self.tr("predicted class")
        heading_w = fm.horizontalAdvance(heading) + 4
        heading_x = max(2.0, min(left + cell * k / 2 - heading_w / 2, w.width() - heading_w))
        p.drawText(  # over the columns, but whole even when they are narrower than the words
            QRectF(heading_x, 2, heading_w, fm.height()), Qt.AlignmentFlag.AlignCenter, heading
        )
        p.save()
        p.translate(2, top + cell * k / 2)
        p.rotate(-90)
        p.drawText(
            QRectF(-cell * k / 2, 0, cell * k, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("true class"),
        )
        p.restore()
        font = QFont(w.font())
        font.setPointSizeF(
            max(6.0, min(font.pointSizeF() if font.pointSizeF() > 0 else 9.0, cell * 0.32))
        )
        for j, name in enumerate(names):
            if upright:
                room = top - fm.height() - 8
                p.save()
                p.translate(left + j * cell + cell / 2 - fm.height() / 2, top - 4)
                p.rotate(-90)
                p.drawText(
                    QRectF(0, 0, room, fm.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    fm.elidedText(name, Qt.TextElideMode.ElideRight, int(room)),
                )
                p.restore()
            else:
                p.drawText(
                    QRectF(left + j * cell, fm.height() + 4, cell, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    fm.elidedText(name, Qt.TextElideMode.ElideRight, int(cell)),
                )
            p.drawText(
                QRectF(fm.height() + 4, top + j * cell, left - fm.height() - 8, cell),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        p.setFont(font)
        for i in range(k):
            for j in range(k):
                rect = QRectF(left + j * cell, top + i * cell, cell, cell)
                p.fillRect(rect, QColor(*(int(c) for c in shade[i, j])))
                p.setPen(
                    QPen(QColor(0, 0, 0) if i == j else QColor(200, 200, 200), 2 if i == j else 1)
                )
                p.drawRect(rect)
                p.setPen(Qt.GlobalColor.white if share[i, j] > 0.5 else Qt.GlobalColor.black)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(int(m[i, j])))


class FirstLayerWeightsView(ViewBase):
    title = "First-layer weights"
    export_stem = "first-layer-weights"

    def build_body(self) -> QWidget:
        self.images: list[QImage] = []
        self.units = 0
        return _Canvas(self._paint)

    def problem(self) -> str:
        reason = super().problem()
        if reason:
            return reason
        ds, model = self.mirror.dataset, self.mirror.model
        if not image_dataset(ds):
            return self.tr(
                "The first layer's weights are drawn as images for image data sets such as MNIST."
            )
        if not introspect.unit_groups(model):
            return self.tr("The network has no Dense layer.")
        return ""

    def redraw(self) -> None:
        model, ds = self.mirror.model, self.mirror.dataset
        dense = model.layers[introspect.unit_groups(model)[0][0]]
        kernel = dense.params["kernel"]
        self.units = kernel.shape[1]
        count = 64 if self.units >= 64 else min(self.units, 32)
        imgs = introspect.kernel_images(kernel, ds.image_shape[:2], count)
        self.images = [rgb_image(colors.symmetric_diverging(img)) for img in imgs]
        self.set_caption(
            self.tr("<b>{name}</b> weights as images").format(name=dense.name),
            self.tr(
                "<b>{name}</b>: the weights into each of the first {n} of {units} units "
                "as an image (blue +, vermillion −): the pattern each unit looks for"
            ).format(name=dense.name, n=len(imgs), units=self.units),
        )
        self.body.update()

    def _paint(self, p: QPainter, w: QWidget) -> None:
        n = len(self.images)
        if not n:
            return
        best = None
        for cols in range(2, 17):
            rows = -(-n // cols)
            tile = min((w.width() - 4) / cols - 3, (w.height() - 4) / rows - 3)
            if best is None or tile > best[1]:
                best = (cols, tile)
        cols, tile = best[0], max(8.0, best[1])
        for k, img in enumerate(self.images):
            r, c = divmod(k, cols)
            rect = QRectF(2 + c * (tile + 3), 2 + r * (tile + 3), tile, tile)
            p.drawImage(rect, img)
