"""See backpropagation happen: the step-through, the gradient check and the fit() export.

``install(window)`` adds the three commands to the Train menu of a MainWindow and returns
the ``BackpropTools`` that owns their windows (``window.backprop``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence


class BackpropTools(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.step_window = None
        self.gradcheck_dialog = None
        self.act_step = QAction(self.tr("See &Backpropagation…"), window)
        self.act_step.setShortcut(QKeySequence("Ctrl+B"))
        self.act_step.setStatusTip(
            self.tr("Step through one training step: forward, loss, backward, update")
        )
        self.act_step.triggered.connect(self.show_step_through)
        self.act_gradcheck = QAction(self.tr("&Gradient Check…"), window)
        self.act_gradcheck.setStatusTip(
            self.tr("Compare backpropagation with numerical differentiation")
        )
        self.act_gradcheck.triggered.connect(self.show_gradcheck)
        self.act_export = QAction(self.tr("Export fit() as &NumPy Script…"), window)
        self.act_export.setStatusTip(
            self.tr("Write the training loop out by hand as a short NumPy program")
        )
        self.act_export.triggered.connect(self.export_script)
        self.actions = [self.act_step, self.act_gradcheck, self.act_export]
        window.installEventFilter(self)  # a closing window first stops a running gradient check

    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def dataset(self):
        return self.window.controller.dataset()

    def show_step_through(self):
        from .window import BackpropWindow

        if self.step_window is None:
            self.step_window = BackpropWindow(
                self.window.document, self.window.controller, self.dataset, self.window
            )
        self.step_window.show()
        self.step_window.raise_()
        self.step_window.activateWindow()
        return self.step_window

    def show_gradcheck(self):
        from .gradcheck_dialog import GradientCheckDialog

        if self.gradcheck_dialog is None:
            self.gradcheck_dialog = GradientCheckDialog(
                self.window.document, self.dataset, self.window
            )
        self.gradcheck_dialog.show()
        self.gradcheck_dialog.raise_()
        return self.gradcheck_dialog

    def export_script(self, path=None):
        from .export import export_dialog

        return export_dialog(self.window, path)

    def shutdown(self):
        if self.gradcheck_dialog is not None:
            self.gradcheck_dialog.cancel_and_wait()


def install(window) -> BackpropTools:
    """Add the commands to ``window.train_menu`` (after a separator); returns the tools."""
    tools = BackpropTools(window)
    window.train_menu.addSeparator()
    for action in tools.actions:
        window.train_menu.addAction(action)
    window.backprop = tools
    return tools
