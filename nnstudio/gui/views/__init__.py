"""See inside the network while it learns.

Four docks fed by one :class:`ModelMirror` (the views' private copy of the network, updated
from the training controller's weight snapshots at most 10 times a second); the gradient view
also reads the per-batch gradient sizes of the controller's ``batchEnd`` while training:

* "Network Output": the decision map (2-D inputs, with a small map per hidden neuron), the
  network's curve (1-D inputs) or the test-image grid (image data sets), whichever fits;
* "Neurons": the neuron view (small networks; weights editable by hand) or, for image data,
  the first layer's weights as images;
* "Confusion Matrix" (classification data sets);
* "Gradients": per-layer gradient size and the share of dead ReLU units.

``install_views(window)`` adds them to a ``MainWindow`` (docks + View menu entries) and
returns the :class:`StudioViews`; ``StudioViews.show_all()`` shows every dock side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QWidget

from .base import ViewBase
from .decision_map import DecisionMapView, RegressionView
from .health_curves import HealthCurvesView
from .image_views import ConfusionMatrixView, DigitGridView, FirstLayerWeightsView
from .mirror import ModelMirror, SetWeightsCommand
from .neuron_view import NeuronView

__all__ = [
    "ModelMirror",
    "SetWeightsCommand",
    "ViewBase",
    "ViewSwitch",
    "StudioViews",
    "install_views",
    "DecisionMapView",
    "RegressionView",
    "DigitGridView",
    "ConfusionMatrixView",
    "FirstLayerWeightsView",
    "NeuronView",
    "HealthCurvesView",
]


class ViewSwitch(QStackedWidget):
    """Shows the first of its views that can draw the current network and data set (else the
    first one, whose message says why). Only the shown view is visible, so only it works."""

    def __init__(self, mirror: ModelMirror, views: list[ViewBase], parent: QWidget | None = None):
        super().__init__(parent)
        self.mirror = mirror
        self.views = views
        for view in views:
            self.addWidget(view)
        mirror.updated.connect(self.choose)
        mirror.datasetChanged.connect(self.choose)

    def choose(self) -> ViewBase:
        chosen = next((v for v in self.views if not v.problem()), self.views[0])
        if self.currentWidget() is not chosen:
            self.setCurrentWidget(chosen)
        return chosen

    def showEvent(self, event):  # noqa: N802
        self.choose()
        super().showEvent(event)

    def catch_up(self) -> None:
        self.choose().catch_up()


class StudioViews(QObject):
    """The views of one window: ``mirror``, the view widgets by name, and their docks."""

    def __init__(self, document, undo_stack, controller=None, data_panel=None, parent=None):
        super().__init__(parent)
        self.mirror = ModelMirror(document, controller, data_panel, self)
        m, u = self.mirror, undo_stack
        self.decision_map = DecisionMapView(m, u)
        self.regression = RegressionView(m, u)
        self.digits = DigitGridView(m, u)
        self.neurons = NeuronView(m, u)
        self.first_layer = FirstLayerWeightsView(m, u)
        self.confusion = ConfusionMatrixView(m, u)
        self.health = HealthCurvesView(m, u)
        self.output_switch = ViewSwitch(m, [self.decision_map, self.regression, self.digits])
        self.neuron_switch = ViewSwitch(m, [self.neurons, self.first_layer])
        self.docks: list[QDockWidget] = []

    @property
    def views(self) -> list[ViewBase]:
        return [
            self.decision_map,
            self.regression,
            self.digits,
            self.neurons,
            self.first_layer,
            self.confusion,
            self.health,
        ]

    def pages(self):
        """(key, dock title, widget) of each dock."""
        tr = lambda s: self.tr(s)  # noqa: E731
        return [
            ("output", tr("Network Output"), self.output_switch),
            ("neurons", tr("Neurons"), self.neuron_switch),
            ("confusion", tr("Confusion Matrix"), self.confusion),
            ("health", tr("Gradients"), self.health),
        ]

    def show_all(self, window, side_width: int = 700) -> None:
        """Show every dock at once beside the curves (benchmarks, demos). A wide window gets
        [curves] [output / confusion] [neurons / gradients]; a narrow one (a 1366x768
        projector) [curves / confusion] [output / neurons / gradients], so it still fits.
        ``side_width``: what the window's side columns take."""
        output, neurons, confusion, health = self.docks
        size = window.size()
        wide = size.width() >= 1600
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for dock in self.docks:  # out of their tab group first (a split inside a group adds a tab)
            window.removeDockWidget(dock)
            dock.setFloating(False)
            window.addDockWidget(bottom, dock)
            dock.show()
        curves = getattr(window, "curves_dock", None)
        if curves is not None:
            window.splitDockWidget(curves, output, Qt.Orientation.Horizontal)
        if wide or curves is None:
            window.splitDockWidget(output, neurons, Qt.Orientation.Horizontal)
            window.splitDockWidget(output, confusion, Qt.Orientation.Vertical)
            window.splitDockWidget(neurons, health, Qt.Orientation.Vertical)
        else:
            window.splitDockWidget(curves, confusion, Qt.Orientation.Vertical)
            window.splitDockWidget(output, neurons, Qt.Orientation.Vertical)
            window.splitDockWidget(neurons, health, Qt.Orientation.Vertical)

        def finish():  # moving the docks widened the window for a moment: back to its size
            window.resize(size)
            width = max(300, size.width() - side_width)  # what the side docks leave
            if curves is not None and wide:
                window.resizeDocks(
                    [curves, output, neurons], [width // 3] * 3, Qt.Orientation.Horizontal
                )
            elif curves is not None:
                window.resizeDocks(
                    [curves, output], [width * 2 // 5, width * 3 // 5], Qt.Orientation.Horizontal
                )

        QTimer.singleShot(100, finish)


def install_views(window) -> StudioViews:
    """Add the views to a MainWindow: four docks in the bottom area beside the curves (tabbed
    together), listed in the View menu; returns the StudioViews (also ``window.views``)."""
    views = StudioViews(
        window.document, window.undo_stack, window.controller, window.data_panel, window
    )
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    first = None
    for key, title, widget in views.pages():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_view_{key}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(bottom, dock, Qt.Orientation.Horizontal)  # beside the curves
        # a tab brought to the front: its view catches up on what it skipped while behind
        dock.visibilityChanged.connect(
            lambda visible, w=widget: visible and QTimer.singleShot(0, w.catch_up)
        )
        if first is None:
            first = dock
        else:
            window.tabifyDockWidget(first, dock)
        views.docks.append(dock)
    first.raise_()
    if hasattr(window, "docks"):
        window.docks.extend(views.docks)
    refused = getattr(window, "statusBar", None)
    if refused is not None:
        views.neurons.editRefused.connect(lambda text: window.statusBar().showMessage(text, 5000))
    window.views = views
    return views
