"""Python's cycle collector runs on the GUI thread only, while the studio has threads.

The collector runs in whichever thread happens to allocate when a generation's threshold is
passed. On the training thread it may free a Qt object left in a reference cycle (a closed
dialog, an old window's menu): Qt then destroys it there, and that has frozen the studio for
good: the training thread, inside ``QObject::~QObject`` holding Qt's lock, waited for the GIL,
while the GUI thread, holding the GIL, waited for that lock (a test run hung this way, seen
with py-spy). pyqtgraph's remedy (``pyqtgraph.util.garbage_collector``) is the one used here:
automatic collection off, and a timer on the GUI thread collects each generation when its
count passes the threshold the interpreter would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000  # how often the GUI thread looks at the collector's counts

_ATTRIBUTE = "_nnstudio_gc_guard"  # kept on the QApplication: one guard per application


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0  # how many generations were collected (tests)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> None:
        """Collect as the interpreter would have: generation 0 when its count passed its
        threshold, then 1 and 2 when theirs did too."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.threshold[generation]:
                break
            gc.collect(generation)
            self.collections += 1


def install() -> GuiThreadCollector | None:
    """Turn automatic collection off for this application's life and collect on its GUI
    thread instead (once per application; a no-op without a QCoreApplication)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    guard = getattr(app, _ATTRIBUTE, None)
    if guard is None:
        guard = GuiThreadCollector(app)
        setattr(app, _ATTRIBUTE, guard)
    return guard
