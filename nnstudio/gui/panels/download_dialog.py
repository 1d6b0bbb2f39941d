"""Loading data off the GUI thread: ``LoadJob`` runs one loader in its own QThread (with progress
and cooperative cancel), ``DownloadDialog`` wraps a download in a QProgressDialog
("12.3 MB of 55.0 MB", Cancel stops it and leaves nothing in the cache)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from nnstudio.data.errors import DataError
from nnstudio.gui import gc_guard
from nnstudio.gui.texts import error_text

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress signals a second


class _Worker(QObject):
    """Lives in the job's thread; calls ``fn(progress, cancel)`` once."""

    progress = Signal(object, object)  # done_bytes, total_bytes (Python ints: may pass 2**31)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable, cancel: threading.Event):
        super().__init__()
        self._fn = fn
        self._cancel = cancel
        self._last = 0.0

    def _progress(self, done, total=None):
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL_S or (total and done >= total):
            self._last = now
            self.progress.emit(int(done), int(total) if total else 0)

    @Slot()
    def run(self):
        try:
            result = self._fn(self._progress, self._cancel)
        except DataError as exc:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(error_text(exc))
        except Exception as exc:  # a bug below us must not kill the studio: say what happened
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(
                    QCoreApplication.translate(
                        "LoadJob", "Loading the data failed unexpectedly: {error}"
                    ).format(error=f"{type(exc).__name__}: {exc}")
                )
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.done.emit(result)


class LoadJob(QObject):
    """Run ``fn(progress, cancel)`` in a new QThread. Exactly one of ``loaded(result)``,
    ``failed(message)`` or ``cancelled()`` is emitted (in the GUI thread), after the thread has
    been joined. ``progress(done, total)`` arrives at most ~20 times a second."""

    progress = Signal(object, object)
    loaded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self.cancel_event = threading.Event()
        gc_guard.install()  # Python code off the GUI thread: collect cycles on it only
        self._thread = QThread()
        self._worker = _Worker(fn, self.cancel_event)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Ask the loader to stop and join its thread (for shutdown)."""
        self.cancel_event.set()
        if self._thread.isRunning():
            self._thread.quit()
            return self._thread.wait(msecs)
        return True

    def _join(self):
        self._thread.quit()
        self._thread.wait()
        self.running = False

    @Slot(object)
    def _on_done(self, result):
        self._join()
        self.loaded.emit(result)

    @Slot(str)
    def _on_failed(self, message):
        self._join()
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self):
        self._join()
        self.cancelled.emit()


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f}"


class DownloadDialog(QProgressDialog):
    """Progress of one download: bytes done of total, Cancel → the download stops.

    ``fn(progress, cancel)`` does the download and returns the loaded data set (normally
    ``lambda p, c: nnstudio.data.load("mnist", progress=p, cancel=c)``). Emits ``loaded(dataset)``,
    ``failed(message)`` or ``cancelled()`` once, then closes itself."""

    loaded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, title: str, fn: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setWindowTitle(self.tr("Downloading {title}").format(title=title))
        self.setLabelText(self.tr("Connecting…"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, 0)  # busy until the size is known
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(380)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        try:  # keep the dialog up, saying "Cancelling…", until the download has really stopped
            self.canceled.disconnect(self.cancel)
        except (RuntimeError, TypeError):
            pass
        self.canceled.connect(self._on_cancel_clicked)
        self.done_bytes, self.total_bytes = 0, 0
        self.job = LoadJob(fn, self)
        self.job.progress.connect(self._on_progress)
        self.job.loaded.connect(self._on_loaded)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.finished_state: str | None = None  # "loaded" | "failed" | "cancelled"

    def start(self) -> None:
        self.show()
        self.job.start()

    @Slot(object, object)
    def _on_progress(self, done, total):
        if self.job.cancel_event.is_set():
            return
        self.done_bytes, self.total_bytes = int(done), int(total)
        if total:
            self.setRange(0, 1000)
            self.setValue(min(1000, int(1000 * done / total)))
            self.setLabelText(
                self.tr("Downloading {title}… {done} MB of {total} MB").format(
                    title=self.title, done=_mb(done), total=_mb(total)
                )
            )
        else:
            self.setLabelText(
                self.tr("Downloading {title}… {done} MB").format(title=self.title, done=_mb(done))
            )

    @Slot()
    def _on_cancel_clicked(self):
        if self.finished_state is None:
            self.job.cancel()
            self.setLabelText(self.tr("Cancelling…"))
            btn_text = self.tr("Cancelling…")
            self.setCancelButtonText(btn_text)

    def _finish(self, state):
        self.finished_state = state
        self.hide()
        self.deleteLater()

    @Slot(object)
    def _on_loaded(self, dataset):
        self._finish("loaded")
        self.loaded.emit(dataset)

    @Slot(str)
    def _on_failed(self, message):
        self._finish("failed")
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self):
        self._finish("cancelled")
        self.cancelled.emit()

    def closeEvent(self, event):  # noqa: N802 — closing the window means Cancel
        if self.finished_state is None:
            self._on_cancel_clicked()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self):  # Esc
        self._on_cancel_clicked()
