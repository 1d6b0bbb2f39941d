"""Marks on the learning curves: where a run stopped early, and where the loss was changed.

A mark is a vertical dashed line across both plots at an epoch, labelled with its reason
("early stop: val_loss not better for 5 epochs"; "loss: mse → binary_crossentropy"), so two
runs with different losses are not read as one curve. Marks belong to this session's curves:
they go when the weights are reset or another project is opened.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Slot

from nnstudio.gui.training.payloads import RunStart
from nnstudio.project.runs import StopReason

from .curves import OKABE_ITO, TEXT_COLOR


class CurveMarks(QObject):
    """Adds marks to a :class:`~nnstudio.gui.plots.curves.CurvesPanel`."""

    def __init__(self, curves, controller, document, parent=None):
        super().__init__(parent or curves)
        self.curves, self.controller, self.document = curves, controller, document
        self.marks: list[tuple[float, str, list]] = []  # (x, text, [InfiniteLine per plot])
        self._loss = document.project.training.loss  # the loss the curves so far were made with
        controller.runStarted.connect(self.on_run_started)
        controller.earlyStopped.connect(self.on_early_stopped)
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())

    def texts(self) -> list[str]:
        return [text for _, text, _ in self.marks]

    def add(
        self, x: float, text: str, color: str = OKABE_ITO["vermillion"], label: str = ""
    ) -> None:
        """A line at epoch ``x``: ``label`` (short) written at its foot, ``text`` its tool tip."""
        lines = []
        for i, plot in enumerate((self.curves.loss_plot, self.curves.metric_plot)):
            pen = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine)
            line = pg.InfiniteLine(
                pos=float(x),
                angle=90,
                pen=pen,
                movable=False,
                label=(label or text) if i == 0 else None,
                labelOpts={
                    "position": 0.06,  # at the foot: the legends sit at the top
                    "color": TEXT_COLOR,
                    "fill": pg.mkBrush(255, 255, 255, 220),
                    "anchors": [(1, 0), (1, 0)],
                },
            )
            line.setToolTip(text)
            line.setZValue(20)
            plot.addItem(line, ignoreBounds=True)
            lines.append((plot, line))
        self.marks.append((float(x), text, lines))

    def clear(self) -> None:
        for _, _, lines in self.marks:
            for plot, line in lines:
                plot.removeItem(line)
        self.marks = []

    # -- events ---------------------------------------------------------------------------
    @Slot(object)
    def on_run_started(self, info: RunStart) -> None:
        loss = self.document.project.training.loss
        start = info.initial_epoch
        if start > 0 and loss != self._loss:
            text = self.tr("loss: {old} → {new}").format(old=self._loss, new=loss)
            self.add(start, text, OKABE_ITO["orange"], self.tr("loss → {new}").format(new=loss))
        self._loss = loss

    @Slot(object)
    def on_early_stopped(self, info: StopReason) -> None:
        text = self.tr("early stop: {monitor} not better for {patience} epochs").format(
            monitor=info.monitor, patience=info.patience
        )
        if info.restored:
            text += " · " + self.tr("weights of epoch {best} restored").format(best=info.best_epoch)
        self.add(info.epoch, text, label=self.tr("early stop"))
        self.message = text
        window = self.curves.window()
        if hasattr(window, "statusBar"):  # after the window's "all epochs done"
            QTimer.singleShot(0, lambda: window.statusBar().showMessage(text, 15000))

    def _on_document(self, event: str, info: dict) -> None:
        project = self.document.project
        if event == "project" or (event == "history" and not project.epochs_trained):
            self.clear()
            self._loss = project.training.loss


def install(window) -> CurveMarks:
    window.curve_marks = CurveMarks(window.curves, window.controller, window.document)
    return window.curve_marks
