"""What one press of Train does: the epochs rule and early stopping (under Training settings).

The rule itself is :func:`nnstudio.project.runs.epoch_range`; this panel chooses the mode
("more" / "until") and says in words what the next run will do ("Train 10 more epochs:
6 to 15"). Early stopping edits ``training.early_stopping`` (off: ``None``). Every change is
an undo command, like the other training settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.commands import SetTrainingCommand
from nnstudio.gui.training.state import TrainingState
from nnstudio.project import runs


class RunSettings(QWidget):
    """Epochs mode, the next run in words, and the early-stopping settings."""

    def __init__(self, document, undo_stack, parent=None):
        super().__init__(parent)
        self.setObjectName("runSettings")
        self.document = document
        self.undo_stack = undo_stack
        self._refreshing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        box = QGroupBox(self.tr("Each press of Train"), self)
        form = QFormLayout(box)
        self.mode = QComboBox(box)
        self.mode.setObjectName("epochsMode")
        self.mode.addItem(self.tr("trains the epochs set more"), runs.MORE)
        self.mode.addItem(self.tr("trains until the epoch set"), runs.UNTIL)
        form.addRow(self.tr("Epochs"), self.mode)
        self.plan = QLabel(box)
        self.plan.setObjectName("runPlan")
        self.plan.setWordWrap(True)
        form.addRow(self.plan)
        layout.addWidget(box)

        self.early = QGroupBox(self.tr("Early stopping"), self)
        self.early.setObjectName("earlyStopping")
        self.early.setCheckable(True)
        self.early.setToolTip(
            self.tr(
                "Stop when the monitored value has not improved for a number of epochs "
                "(Keras EarlyStopping)"
            )
        )
        form = QFormLayout(self.early)
        self.monitor = QComboBox(self.early)
        for name in runs.MONITORS:
            self.monitor.addItem(name, name)
        form.addRow(self.tr("Monitor"), self.monitor)
        self.patience = QSpinBox(self.early)
        self.patience.setRange(0, 10_000)
        self.patience.setKeyboardTracking(False)
        self.patience.setToolTip(self.tr("Epochs without improvement before training stops"))
        form.addRow(self.tr("Patience"), self.patience)
        self.min_delta = QDoubleSpinBox(self.early)
        self.min_delta.setRange(0.0, 10.0)
        self.min_delta.setDecimals(4)
        self.min_delta.setSingleStep(0.001)
        self.min_delta.setKeyboardTracking(False)
        self.min_delta.setToolTip(self.tr("A smaller change does not count as an improvement"))
        form.addRow(self.tr("Min. delta"), self.min_delta)
        self.restore_best = QCheckBox(self.tr("Restore the best weights"), self.early)
        form.addRow(self.restore_best)
        self.early_note = QLabel(self.early)
        self.early_note.setWordWrap(True)
        form.addRow(self.early_note)
        layout.addWidget(self.early)

        self.mode.currentIndexChanged.connect(self._mode_edited)
        self.early.toggled.connect(lambda on: self._early_edited())
        self.monitor.currentIndexChanged.connect(lambda i: self._early_edited())
        self.patience.valueChanged.connect(lambda v: self._early_edited())
        self.min_delta.valueChanged.connect(lambda v: self._early_edited())
        self.restore_best.toggled.connect(lambda on: self._early_edited())
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.refresh()

    # -- document -> widgets -----------------------------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        if event in ("training", "project", "history"):
            self.refresh()

    def refresh(self) -> None:
        project = self.document.project
        t = project.training
        self._refreshing = True
        try:
            self.mode.setCurrentIndex(max(0, self.mode.findData(t.epochs_mode)))
            settings = runs.early_stopping_settings(t)
            self.early.setChecked(settings is not None)
            shown = settings or runs.EARLY_STOPPING_DEFAULTS
            index = self.monitor.findData(shown["monitor"])
            if index < 0:
                self.monitor.addItem(shown["monitor"], shown["monitor"])
                index = self.monitor.count() - 1
            self.monitor.setCurrentIndex(index)
            self.patience.setValue(int(shown["patience"]))
            self.min_delta.setValue(float(shown["min_delta"]))
            self.restore_best.setChecked(bool(shown["restore_best_weights"]))
        finally:
            self._refreshing = False
        self.plan.setText(self.plan_text())
        needs_val = (
            settings is not None
            and settings["monitor"].startswith("val_")
            and not float(t.validation_split or 0)
        )
        self.early_note.setText(
            self.tr(
                "{monitor} needs a validation split above 0 (Training, Validation split)."
            ).format(monitor=settings["monitor"])
            if needs_val
            else ""
        )
        self.early_note.setVisible(needs_val)

    def plan_text(self) -> str:
        """The next run in words, e.g. "Train 10 more epochs: 6 to 15"."""
        project = self.document.project
        t = project.training
        first, last = runs.epoch_range(project.epochs_trained, t.epochs, t.epochs_mode)
        if last <= first:
            return self.tr(
                "Already at epoch {done}: nothing to train until the epoch is raised."
            ).format(done=first)
        if t.epochs_mode == runs.UNTIL:
            return self.tr("Train until epoch {last} ({count} more).").format(
                last=last, count=last - first
            )
        return self.tr("Train {count} more epochs: {first} to {last}.").format(
            count=last - first, first=first + 1, last=last
        )

    # -- widgets -> commands -------------------------------------------------------------------
    def _push(self, text: str, **changes) -> None:
        t = self.document.project.training
        changes = {k: v for k, v in changes.items() if getattr(t, k) != v}
        if changes and not self._refreshing:
            self.undo_stack.push(SetTrainingCommand(self.document, text, **changes))

    def _mode_edited(self, index: int) -> None:
        mode = self.mode.itemData(index)
        if mode is not None:
            self._push(self.tr("Change how epochs count"), epochs_mode=mode)

    def _early_edited(self) -> None:
        if self._refreshing:
            return
        settings = None
        if self.early.isChecked():
            settings = {
                "monitor": self.monitor.currentData(),
                "patience": int(self.patience.value()),
                "min_delta": round(float(self.min_delta.value()), 6),
                "restore_best_weights": self.restore_best.isChecked(),
            }
        self._push(self.tr("Change early stopping"), early_stopping=settings)


def install(window) -> RunSettings:
    """Put the run settings under the window's Training settings (before the note)."""
    panel = window.training_panel
    widget = RunSettings(window.document, window.undo_stack, panel)
    outer = panel.layout()
    outer.insertWidget(max(0, outer.count() - 2), widget)
    window.run_settings = widget
    # locked with the other training settings while a run uses them
    window.controller.stateChanged.connect(
        lambda state: widget.setEnabled(state == TrainingState.IDLE)
    )
    return widget
