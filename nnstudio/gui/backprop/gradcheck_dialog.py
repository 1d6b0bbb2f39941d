"""Gradient Check: backpropagation beside numerical differentiation, in a worker thread.

The notes' point: both give the same gradients (relative error ~1e-9 in float64), and
backprop gets every gradient from one forward and one backward pass, where the central
difference (L(w + h) − L(w − h)) / 2h needs two forward passes per parameter. A small network
is checked entry by entry; a large one (MNIST 784-512-10: 407,050 parameters) on a random
sample, with progress and Cancel, while the window stays responsive.
"""

from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnstudio.gui import gc_guard

from .formulas import num

SMALL = 2000  # networks up to this many parameters are checked in full by default
CHECK_SAMPLES = 32  # training samples in the batch whose loss is differentiated
PROGRESS_INTERVAL = 0.05  # s between progress signals (<= 20 a second)
SHOWN_ROWS = 500  # table rows (worst first); the summary covers every checked entry


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, model, x, y, sample):
        super().__init__()
        self.model, self.x, self.y, self.sample = model, x, y, sample
        self.cancel = threading.Event()
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self._last >= PROGRESS_INTERVAL or done == total:
            self._last = now
            self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        from nnstudio.engine.gradcheck import gradient_table

        try:
            result = gradient_table(
                self.model,
                self.x,
                self.y,
                sample=self.sample,
                progress=self._progress,
                cancel=self.cancel.is_set,
            )
        except Exception as exc:  # noqa: BLE001 (a sentence for the user, never a traceback)
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done.emit(result)


class GradientCheckDialog(QDialog):
    finished_check = Signal(object)  # the gradient_table result (also when cancelled)

    def __init__(self, document, dataset_source, parent=None):
        super().__init__(parent)
        self.setObjectName("GradientCheckDialog")
        self.setWindowTitle(self.tr("Gradient Check"))
        self.document = document
        self.dataset_source = dataset_source
        self.result = None
        self._thread = self._worker = None
        self.all_button = QRadioButton(self.tr("every parameter"))
        self.sample_button = QRadioButton(self.tr("a random sample of"))
        self.count = QSpinBox()
        self.count.setRange(1, 100000)
        self.count.setValue(200)
        self.run_button = QPushButton(self.tr("Check"))
        self.run_button.setObjectName("runButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.summary = QLabel(
            self.tr(
                "Backprop and the central difference (L(w + h) − L(w − h)) / 2h, side by "
                "side in float64, on {n} training samples."
            ).format(n=CHECK_SAMPLES)
        )
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Parameter"),
                self.tr("Backprop"),
                self.tr("Numeric"),
                self.tr("Relative error"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Check")))
        row.addWidget(self.all_button)
        row.addWidget(self.sample_button)
        row.addWidget(self.count)
        row.addWidget(QLabel(self.tr("parameters")))
        row.addStretch(1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.resize(760, 520)
        if parent is not None:
            parent.destroyed.connect(self.cancel_and_wait)

    def showEvent(self, event):
        super().showEvent(event)
        if not self.is_running:
            total = self._parameter_count()
            big = total is None or total > SMALL
            self.sample_button.setChecked(big)
            self.all_button.setChecked(not big)

    def _parameter_count(self):
        try:
            from nnstudio.gui.training.controller import build_model

            return build_model(self.document.project).count_params()
        except Exception:  # noqa: BLE001 (the Check button says why)
            return None

    @property
    def is_running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        if self.is_running:
            return False
        from nnstudio.gui.training.controller import build_model
        from nnstudio.project import build

        try:
            project = self.document.project
            model = build_model(project)
            x, y, _, _ = build.prepare_data(project, self.dataset_source())
        except Exception as exc:  # noqa: BLE001
            self.summary.setText(
                self.tr("The check cannot start: {error}").format(
                    error=str(exc) or type(exc).__name__
                )
            )
            return False
        sample = self.count.value() if self.sample_button.isChecked() else None
        self._worker = _Worker(model, x[:CHECK_SAMPLES], y[:CHECK_SAMPLES], sample)
        gc_guard.install()  # Python code off the GUI thread: collect cycles on it only
        self._thread = QThread()
        self._thread.setObjectName("nnstudio-gradcheck")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._on_thread_finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Checking…"))
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()

    def cancel_and_wait(self, *_) -> None:
        thread = self._thread
        if thread is not None:
            self.cancel()
            thread.quit()
            thread.wait(5000)

    def closeEvent(self, event):
        self.cancel_and_wait()
        super().closeEvent(event)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self.summary.setText(self.tr("The check failed: {error}").format(error=message))

    def _on_thread_finished(self) -> None:
        for obj in (self._worker, self._thread):
            if obj is not None:
                obj.deleteLater()
        self._worker = self._thread = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_done(self, result) -> None:
        self.result = result
        rows = result["rows"]
        self.table.setRowCount(min(len(rows), SHOWN_ROWS))
        shapes = result.get("shapes", {})
        for r, (key, index, b, n, err) in enumerate(rows[:SHOWN_ROWS]):
            where = np.unravel_index(index, shapes[key]) if key in shapes else (index,)
            label = f"{key}[{', '.join(str(int(i)) for i in where)}]"
            for c, text in enumerate((label, f"{b:.10g}", f"{n:.10g}", f"{err:.2e}")):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.summary.setText(self.summary_text(result))
        self.finished_check.emit(result)

    def summary_text(self, result) -> str:
        checked, total = result["checked"], result["total"]
        if not checked:
            return self.tr("Cancelled before any parameter was checked.")
        worst = result["rows"][0][4]
        per_param = result["numeric_s"] / checked
        all_numeric = per_param * total
        ratio = all_numeric / max(result["backprop_s"], 1e-9)
        overall = result["overall"]
        verdict = (
            self.tr("they agree")
            if overall < 1e-6
            else self.tr("they DISAGREE: the backward pass has a bug")
        )
        text = self.tr(
            "{checked} of {total} parameters checked{cancelled}. Relative error ‖b − n‖ / (‖b‖ + ‖n‖) = "
            "{overall}, worst single entry {worst}: {verdict}."
        ).format(
            checked=checked,
            total=total,
            overall=f"{overall:.1e}",
            worst=f"{worst:.1e}",
            verdict=verdict,
            cancelled=self.tr(" (cancelled)") if result["cancelled"] else "",
        )
        text += " " + self.tr(
            "Backprop computed all {total} gradients in {bp} ms (one forward, one backward); "
            "the central difference took {per} ms per parameter, {all} s for all of them: "
            "backprop is {ratio}× faster."
        ).format(
            total=total,
            bp=num(result["backprop_s"] * 1000),
            per=num(per_param * 1000),
            all=f"{all_numeric:,.0f}" if all_numeric >= 100 else num(all_numeric),
            ratio=f"{ratio:,.0f}",
        )
        return text
