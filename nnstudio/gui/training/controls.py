"""Train · Pause/Resume · Step epoch · Step batch · Stop · Reset, and the progress bar.

:class:`TrainingToolbar` is a ``QToolBar`` over a :class:`TrainingController`. It also answers
the controller's ``problemsFound``: the before-training checks are shown in a
:class:`ProblemsDialog` with a Fix button per problem (fixes are undo commands).

Keyboard shortcuts (F5 train, F6 pause, F7 step epoch, F8 step batch, Shift+F5 stop) are
bound only with ``shortcuts=True``: inside the main window the menu's actions own the keys
(two actions with one key would make Qt ignore both); the tool tips name them either way.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import commands
from nnstudio.gui.live_text import LiveText
from nnstudio.gui.training.controller import problem_fix_label, problem_text
from nnstudio.gui.training.pacing import PROGRESS_INTERVAL_S
from nnstudio.gui.training.payloads import Progress, RunStart
from nnstudio.gui.training.state import TrainingState


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingToolbar", text)


def format_duration(seconds: float | None) -> str:
    """0:42, 12:05, 1:02:03 (or '' when unknown)."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return ""
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingProgress(QWidget):
    """A progress bar over the whole run plus 'Epoch 3/100 · batch 12/469 · 0:42 left'."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setMinimumWidth(60)  # it gives way first when the toolbar is short (150 %)
        self.bar.setMaximumWidth(260)
        # LiveText, not QLabel: a new text must not re-lay out the window 4 times a second
        longest = (
            self.tr("Epoch {epoch}/{epochs} · batch {batch}/{steps}").format(
                epoch=99999, epochs=99999, batch=99999, steps=99999
            )
            + " · "
            + self.tr("{time} left").format(time="99:59:59")
            + " · "
            + self.tr("stopping…")
        )
        self.label = LiveText(self.tr("Not training"), self, sample=longest)
        self.label.setObjectName("trainingProgressLabel")
        self.label.setMinimumWidth(160)  # shorter forms of the text fit (LiveText.setText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._text = self._full = self._short = self._epoch = self._count = ""
        self._shown_at = 0.0
        self._latest: dict | None = None
        self._value = 0
        controller.progress.connect(self.on_progress)
        controller.stateChanged.connect(self.on_state)
        controller.runStarted.connect(self.on_run_started)
        document = getattr(controller, "document", None)
        if document is not None:  # another project or reset weights: the old run's text goes
            unsubscribe = document.subscribe(self._on_document)
            self.destroyed.connect(lambda *_, u=unsubscribe: u())

    def _on_document(self, event: str, info: dict) -> None:
        project = self.controller.document.project
        if self.controller.state == TrainingState.IDLE and (
            event == "project" or (event == "history" and not project.epochs_trained)
        ):
            self.reset()

    def reset(self) -> None:
        """Back to "Not training" with an empty bar."""
        self._value, self._text, self._epoch, self._latest = 0, "", "", None
        self.bar.setValue(0)
        self.label.setText(self.tr("Not training"))

    @Slot(object)
    def on_run_started(self, info: RunStart) -> None:
        self._value = 0
        self._shown_at, self._latest = 0.0, None
        self.bar.setValue(0)
        self.label.setText(
            self.tr("Starting: epoch {epoch} of {epochs}…").format(
                epoch=info.initial_epoch + 1, epochs=info.epochs
            )
        )

    # Text and bar change at most this often while training: QLabel.setText re-lays out the
    # toolbar and QProgressBar repaints synchronously, and every millisecond the GUI thread
    # spends is taken from the training thread (the GIL, and on a two-core laptop the CPU).
    SHOW_INTERVAL = PROGRESS_INTERVAL_S

    @Slot(object)
    def on_progress(self, info: Progress) -> None:
        if self.controller.state == TrainingState.IDLE:
            return  # a queued report from a run that has ended: its end is already shown
        self._latest = info
        now = time.perf_counter()
        if now - self._shown_at >= self.SHOW_INTERVAL or info.at_end or not self._shown_at:
            self._show(info, now)

    def _show(self, info: Progress, now: float) -> None:
        self._shown_at = now
        epochs, steps = max(1, info.epochs), max(1, info.steps)
        epoch = min(info.epoch + 1, epochs)  # as a student counts: from 1
        value = self._value = int(1000 * info.fraction)
        if value != self.bar.value():
            self.bar.setValue(value)
        left = format_duration(info.eta_s)
        text = self.tr("Epoch {epoch}/{epochs} · batch {batch}/{steps}").format(
            epoch=epoch, epochs=epochs, batch=info.batch, steps=steps
        )
        # the short form where the toolbar is short: the epoch and the time left or the end
        self._count = f"{epoch}/{epochs}"  # the shortest: "100/100"
        self._epoch = self.tr("Epoch {epoch}/{epochs}").format(epoch=epoch, epochs=epochs)
        self._text = text  # without the time left: stale once the run ended
        short = self._epoch
        if left:
            text += " · " + self.tr("{time} left").format(time=left)
            short += " · " + self.tr("{time} left").format(time=left)
        self._full, self._short = text, short
        self.label.setText(text, short, self._epoch)

    def _catch_up(self) -> None:
        """Show the newest progress now (training paused or ended between two updates)."""
        if self._latest is not None:
            self._show(self._latest, time.perf_counter())
            self._latest = None

    @Slot(str)
    def on_state(self, state: str) -> None:
        if state != TrainingState.RUNNING:
            self._catch_up()
        if state == TrainingState.IDLE:
            result = getattr(self.controller, "last_result", None)
            reason = getattr(result, "reason", "completed")
            if getattr(result, "early_stop", None):
                end = self.tr("stopped early")
            elif reason == "completed":
                end = self.tr("done")
            else:
                end = self.tr("stopped")
            if self._text:
                self.label.setText(
                    self._text + " · " + end,
                    self._epoch + " · " + end,
                    self._count + " · " + end,
                )
            else:
                self.label.setText(self.tr("Not training"))
            self._text = ""
        elif state == TrainingState.PAUSED:  # the time left still holds while paused
            paused = self.tr("paused")
            if self._text:
                self.label.setText(self._full + " · " + paused, self._short + " · " + paused)
            else:
                self.label.setText(paused)
        elif state == TrainingState.STOPPING:
            stopping = self.tr("stopping…")
            if self._text:
                self.label.setText(self._text + " · " + stopping, self._epoch + " · " + stopping)
            else:
                self.label.setText(stopping)


class TrainingToolbar(QToolBar):
    """The training actions and progress, over a :class:`TrainingController`."""

    def __init__(self, controller, parent=None, *, shortcuts: bool = False):
        super().__init__(_tr("Training"), parent)
        self.setObjectName("trainingToolbar")
        self.controller = controller
        self.problems_dialog: ProblemsDialog | None = None
        c = controller

        def action(text, slot, key, tip):
            a = QAction(text, self)
            a.setToolTip(f"{tip} ({key})" if key else tip)
            a.setStatusTip(tip)
            if shortcuts and key:
                a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda checked=False: slot())
            self.addAction(a)
            return a

        self.act_train = action(
            self.tr("Train"),
            self._train,
            "F5",
            self.tr("Train for the epochs set in Training settings"),
        )
        self.act_pause = action(
            self.tr("Pause"),
            self._pause_or_resume,
            "F6",
            self.tr("Pause after the current batch; press again to resume"),
        )
        self.act_pause.setCheckable(True)  # pressed in while paused
        self.act_step_epoch = action(
            self.tr("Step epoch"),
            c.step_epoch,
            "F7",
            self.tr("Train to the end of this epoch, then pause"),
        )
        self.act_step_batch = action(
            self.tr("Step batch"), c.step_batch, "F8", self.tr("Train one mini-batch, then pause")
        )
        self.act_stop = action(
            self.tr("Stop"),
            c.stop,
            "Shift+F5",
            self.tr("Stop after the current batch and keep the weights"),
        )
        self.addSeparator()
        self.act_reset = action(
            self.tr("Reset weights"),
            c.reset_weights,
            None,
            self.tr("Forget the trained weights and history (undoable)"),
        )
        self.addSeparator()
        self.progress = TrainingProgress(c, self)
        self.addWidget(self.progress)
        c.stateChanged.connect(self._update)
        c.problemsFound.connect(self.show_problems)
        self._update(c.state)

    def _train(self) -> None:
        if self.controller.state == TrainingState.PAUSED:
            self.controller.resume()
        else:
            self.controller.train()

    def _pause_or_resume(self) -> None:
        if self.controller.state == TrainingState.PAUSED:
            self.controller.resume()
        else:
            self.controller.pause()

    @Slot(str)
    def _update(self, state: str) -> None:
        idle, running, paused = (
            state == TrainingState.IDLE,
            state == TrainingState.RUNNING,
            state == TrainingState.PAUSED,
        )
        self.act_train.setEnabled(idle or paused)
        self.act_train.setText(self.tr("Resume") if paused else self.tr("Train"))
        self.act_pause.setEnabled(running or paused)
        self.act_pause.setChecked(paused)
        self.act_step_epoch.setEnabled(idle or paused)
        self.act_step_batch.setEnabled(idle or paused)
        self.act_stop.setEnabled(running or paused)
        self.act_reset.setEnabled(idle)

    @Slot(list)
    def show_problems(self, problems: list) -> None:
        dialog = ProblemsDialog(self.controller, problems, self.window())
        self.problems_dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "problems_dialog", None))
        dialog.open()


class ProblemsDialog(QDialog):
    """The before-training checks: each problem in plain words with a Fix button.

    A fix is pushed on the undo stack as one macro; the list is checked again after every fix.
    When nothing is left the dialog starts training. "Train anyway" is offered when only
    warnings remain.
    """

    MIN_WIDTH = 640  # a sentence per line, not a column of words (issue 14, problem 5)

    def __init__(self, controller, problems: list, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.problems = list(problems)
        self.setWindowTitle(self.tr("Before training"))
        self.setMinimumWidth(self.MIN_WIDTH)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.area, 1)
        self.buttons = QDialogButtonBox(self)
        self.btn_anyway = self.buttons.addButton(
            self.tr("Train anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.btn_fix_all = self.buttons.addButton(
            self.tr("Fix all"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.btn_anyway.clicked.connect(self._train_anyway)
        self.btn_fix_all.clicked.connect(self.fix_all)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fix_buttons: list[QPushButton] = []
        self._fill()

    def _fill(self) -> None:
        errors = [p for p in self.problems if p.severity == "error"]
        self.intro.setText(
            self.tr("Training would not work yet:")
            if errors
            else self.tr("Training can start, but look at this first:")
        )
        box = QWidget()
        rows = QVBoxLayout(box)
        self.fix_buttons = []
        for problem in self.problems:
            row = QHBoxLayout()
            # the style's own icons: an emoji needs a font a bare classroom machine may lack
            kind = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if problem.severity == "error"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            icon = QLabel()
            icon.setPixmap(self.style().standardIcon(kind).pixmap(24, 24))
            icon.setToolTip(self.tr("Error") if problem.severity == "error" else self.tr("Warning"))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(icon)
            text = QLabel(problem_text(problem))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # the Fix button under the sentence: beside it, a long label squeezed the text
            column = QVBoxLayout()
            column.addWidget(text)
            row.addLayout(column, 1)
            if problem.edits:
                button = QPushButton(problem_fix_label(problem) or self.tr("Fix"))
                button.clicked.connect(lambda checked=False, p=problem: self.apply_fix(p))
                column.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
                self.fix_buttons.append(button)
            rows.addLayout(row)
        rows.addStretch(1)
        self.area.setWidget(box)
        self._fit_to_text(box)
        self.btn_anyway.setEnabled(not errors)
        self.btn_fix_all.setEnabled(any(p.edits for p in self.problems))

    def _fit_to_text(self, box: QWidget) -> None:
        """Open wide enough for sentences and tall enough to show them all (up to 80% of the
        screen; the list scrolls beyond): a scroll area alone asks for ~160 px."""
        width = max(self.width(), self.MIN_WIDTH)
        inner = width - 2 * self.layout().contentsMargins().left() - 8
        height = box.layout().totalHeightForWidth(inner) if box.layout().hasHeightForWidth() else 0
        height = max(height, box.sizeHint().height())
        chrome = self.intro.sizeHint().height() + self.buttons.sizeHint().height() + 48
        screen = self.screen().availableGeometry() if self.screen() else None
        limit = int(screen.height() * 0.8) if screen else 700
        self.resize(width, min(limit, height + chrome))

    def apply_fix(self, problem) -> None:
        push_fix(self.controller.document, self.controller.undo_stack, problem)
        self._recheck()

    def fix_all(self) -> None:
        # one at a time: each fix changes the network, so re-check before the next
        for _ in range(10):
            fixable = [p for p in self.problems if p.edits and p.severity == "error"] or [
                p for p in self.problems if p.edits
            ]
            if not fixable:
                break
            push_fix(self.controller.document, self.controller.undo_stack, fixable[0])
            if not self._recheck():
                break

    def _recheck(self) -> bool:
        try:
            self.problems = self.controller.check()
        except Exception as exc:  # the data set could not be loaded
            self.intro.setText(str(exc))
            return False
        if not self.problems:
            self.accept()
            self.controller.start(check=False)
            return False
        self._fill()
        return True

    def _train_anyway(self) -> None:
        self.controller.accept_warnings(self.problems)
        self.accept()
        self.controller.start(check=False)


def push_fix(document, undo_stack, problem) -> None:
    """Apply a check's fix as undo commands (one macro), or directly without an undo stack."""
    if undo_stack is None:
        problem.fix(document)
        return
    undo_stack.beginMacro(problem_fix_label(problem) or _tr("Fix network"))
    try:
        for edit in problem.edits:
            kind = edit[0]
            if kind == "update_layer":
                undo_stack.push(commands.UpdateLayerCommand(document, edit[1], **edit[2]))
            elif kind == "insert_layer":
                import copy

                undo_stack.push(
                    commands.InsertLayerCommand(document, edit[1], copy.deepcopy(edit[2]))
                )
            elif kind == "set_training":
                undo_stack.push(commands.SetTrainingCommand(document, None, **edit[1]))
            elif kind == "set_input_shape":
                undo_stack.push(
                    commands.SetDatasetCommand(document, document.project.dataset, tuple(edit[1]))
                )
    finally:
        undo_stack.endMacro()
