"""The guided lesson beside the canvas: the project's steps (project/lesson.py) one at a time,
what to do and what to look for, a button that sets the studio up for the step, and the
step's check, which must pass before Next is offered.

``install(window)`` adds the dock (View ▸ Guided Lesson, Ctrl+L) as ``window.lesson_panel``
and ``window.lesson_dock``."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.training.state import TrainingState
from nnstudio.project.document import Document
from nnstudio.project.lesson import (
    Lesson,
    Step,
    apply_setup,
    check,
    lesson_of,
    with_current_step,
)
from nnstudio.project.schema import Project

PASSED_COLOR = "#007a52"  # Okabe–Ito bluish green, darkened for text on white
WAITING_COLOR = "#5a5a5a"


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonPanel", text)


def language() -> str:
    return QLocale().name().split("_")[0]


def describe_check(rule: dict) -> str:
    """The check in words, e.g. "accuracy reached 100%"."""
    kind, value = rule["kind"], rule.get("value")
    if kind in ("metric_at_least", "metric_at_most"):
        metric = rule["metric"]
        shown = f"{value:.0%}" if "acc" in metric and value <= 1 else f"{value:g}"
        text = (
            _tr("{metric} reached {value}")
            if kind == "metric_at_least"
            else _tr("{metric} fell to {value} or below")
        )
        return text.format(metric=metric, value=shown)
    if kind == "layer_count":
        if value == 1 and rule["layer_type"] == "Dense":
            return _tr("the hidden layer was deleted (one Dense layer left)")
        return _tr("the network has {n} {type} layers").format(n=value, type=rule["layer_type"])
    if kind == "layer_count_at_least":
        return _tr("the network has at least {n} {type} layer(s)").format(
            n=value, type=rule["layer_type"]
        )
    if kind == "epochs_trained_at_least":
        return _tr("{n} epochs trained").format(n=value)
    if kind == "setting_equals":
        return _tr("{setting} is {value}").format(setting=rule["setting"], value=value)
    if kind == "stopped_early":
        return _tr("training stopped early")
    return kind


class SetUpStepCommand(QUndoCommand):
    """Undoable "Set up lesson step": the project before and after, applied field by field
    through the Document so every view hears of it."""

    def __init__(self, doc: Document, after: Project, number: int):
        super().__init__(_tr("Set up lesson step {n}").format(n=number))
        self.doc = doc
        self.before = doc.project.copy()
        self.after = after

    @staticmethod
    def _apply(doc: Document, p: Project) -> None:
        while doc.layers:
            doc.remove_layer(len(doc.layers) - 1)
        for i, spec in enumerate(p.layers):
            doc.insert_layer(i, _copy(spec))
        doc.set_dataset(_copy(p.dataset), p.input_shape)
        doc.set_training(**{k: _copy(v) for k, v in vars(p.training).items()})
        doc.set_weights(p.weights, p.optimizer_state)
        doc.set_history(p.history, p.epochs_trained)

    def redo(self):
        self._apply(self.doc, self.after)

    def undo(self):
        self._apply(self.doc, self.before)


def _copy(value):
    import copy

    return copy.deepcopy(value)


class LessonPanel(QWidget):
    """Shows step ``index`` of the document's guided lesson."""

    stepChanged = Signal(int)
    checkChanged = Signal(bool)

    def __init__(self, document: Document, undo_stack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.document = document
        self.undo_stack = undo_stack
        self.lesson: Lesson | None = None
        self.index = 0
        self.passed: bool | None = None
        self._locked = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(self)
        self.heading.setObjectName("lessonHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)

        self.body = QLabel(self)
        self.body.setObjectName("lessonBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)

        self.check_label = QLabel(self)
        self.check_label.setObjectName("lessonCheck")
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)

        self.setup_button = QPushButton(self.tr("Set up this step"), self)
        self.setup_button.setObjectName("lessonSetUp")
        self.setup_button.setToolTip(
            self.tr("Put the network, data and settings this step needs in place (undoable)")
        )
        self.setup_button.clicked.connect(self.set_up)
        layout.addWidget(self.setup_button)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◂ Back"), self)
        self.back_button.setObjectName("lessonBack")
        self.next_button = QPushButton(self.tr("Next ▸"), self)
        self.next_button.setObjectName("lessonNext")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)

        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.load_lesson()

    # -- document ------------------------------------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        if event == "project":
            self.load_lesson()
        elif event in ("layers", "history", "training", "dataset", "weights"):
            self._update_check()

    def load_lesson(self) -> None:
        """The document's lesson, at the step it was saved at."""
        self.lesson = lesson_of(self.document.project)
        self.index = self.lesson.current if self.lesson is not None else 0
        self._show()

    def _remember_step(self) -> None:
        """The step goes into the project (saved with it; reopened at it). Moving between
        steps alone does not ask to save: the next change saved takes it along."""
        project = self.document.project
        if self.lesson is not None and project.lesson:
            project.lesson = with_current_step(project.lesson, self.index)

    @property
    def step(self) -> Step | None:
        if self.lesson is None or not self.lesson.steps:
            return None
        return self.lesson.steps[self.index]

    def set_locked(self, locked: bool) -> None:
        """While training runs the network is locked: no set-up, no step change."""
        self._locked = locked
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------
    def next(self) -> None:
        if self.lesson and self.index + 1 < len(self.lesson.steps) and self.passed is not False:
            self.index += 1
            self._show()

    def back(self) -> None:
        if self.lesson and self.index > 0:
            self.index -= 1
            self._show()

    def go_to(self, index: int) -> None:
        if self.lesson and 0 <= index < len(self.lesson.steps):
            self.index = index
            self._show()

    def set_up(self) -> None:
        step = self.step
        if step is None or not step.setup or self._locked:
            return
        after = apply_setup(self.document.project, step.setup)
        self.undo_stack.push(SetUpStepCommand(self.document, after, self.index + 1))

    # -- showing -------------------------------------------------------------------------
    def _fit_labels(self) -> None:
        """The heading and the check keep every wrapped line (the body scrolls instead): at
        150 % in a short dock the heading's second line was cut."""
        for label in (self.heading, self.check_label):
            label.setMinimumHeight(max(0, label.heightForWidth(max(1, label.width()))))

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit_labels()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom
            QTimer.singleShot(0, self._fit_labels)

    def _show(self) -> None:
        step, lang = self.step, language()
        if step is None:
            self.heading.setText(f"<b>{html.escape(self.tr('No guided lesson'))}</b>")
            self.body.setText(
                html.escape(
                    self.tr(
                        "This project has no guided lesson. Open one from File ▸ New from Lesson "
                        "(XOR, gates, animals, MNIST or overfitting)."
                    )
                )
            )
        else:
            n = len(self.lesson.steps)
            self.heading.setText(
                "<span style='font-size:large'><b>"
                + html.escape(
                    self.tr("Step {i} of {n}: {title}").format(
                        i=self.index + 1, n=n, title=step.text("title", lang)
                    )
                )
                + "</b></span>"
            )
            parts = []
            for key, label in (
                ("do", self.tr("What to do")),
                ("look_for", self.tr("What to look for")),
            ):
                text = step.text(key, lang)
                if text:
                    parts.append(
                        f"<p><b>{html.escape(label)}</b><br>"
                        f"{html.escape(text).replace(chr(10), '<br>')}</p>"
                    )
            self.body.setText("".join(parts))
        self._remember_step()
        self._update_check(force=True)
        self._fit_labels()
        self.stepChanged.emit(self.index)

    def _update_check(self, force: bool = False) -> None:
        step = self.step
        passed = check(step.check, self.document.project) if step is not None else None
        if passed != self.passed or force:
            self.passed = passed
            if step is None or step.check is None:
                self.check_label.setText("")
                self.check_label.hide()
            else:
                what = describe_check(step.check)
                if passed:
                    text, color = self.tr("✓ Done: {what}").format(what=what), PASSED_COLOR
                else:
                    text, color = self.tr("Waiting for: {what}").format(what=what), WAITING_COLOR
                self.check_label.setText(f"<b style='color:{color}'>{html.escape(text)}</b>")
                self.check_label.show()
                self._fit_labels()
            if passed is not None:
                self.checkChanged.emit(bool(passed))
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step
        has = step is not None
        last = not has or self.index + 1 >= len(self.lesson.steps)
        self.back_button.setEnabled(has and self.index > 0)
        self.next_button.setEnabled(has and not last and self.passed is not False)
        self.next_button.setToolTip(
            self.tr("Finish this step first: its check has not passed yet")
            if self.passed is False
            else ""
        )
        self.setup_button.setVisible(has and bool(step.setup))
        self.setup_button.setEnabled(not self._locked)


def install(window) -> LessonPanel:
    """The lesson dock left of the canvas, tabbed with the Data panel (the Inspector on the
    right comes forward when a layer is clicked, which a step often asks for); View ▸ Guided
    Lesson (Ctrl+L). It comes to the front when a project with a lesson opens."""
    panel = LessonPanel(window.document, window.undo_stack)
    dock = QDockWidget(_tr("Guided Lesson"), window)
    dock.setObjectName("dock_lesson")
    dock.setWidget(panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.tabifyDockWidget(window.data_dock, dock)
    window.docks.append(dock)
    action = dock.toggleViewAction()
    action.setText(_tr("&Guided Lesson"))
    action.setShortcut(QKeySequence("Ctrl+L"))
    window.view_menu.insertAction(window.view_menu.actions()[0], action)
    window.lesson_panel, window.lesson_dock = panel, dock

    def put_back() -> None:  # View > Reset Layout puts the lesson back beside the data
        dock.setFloating(False)
        window.tabifyDockWidget(window.data_dock, dock)
        dock.show()
        dock.raise_() if panel.lesson is not None else window.data_dock.raise_()
        window.tidy_tab_bars()  # no stale tab bar of the group the lesson left

    window.layoutReset.connect(put_back)

    def on_event(event: str, info: dict) -> None:
        if event == "project" and panel.lesson is not None:
            dock.show()
            dock.raise_()

    unsubscribe = window.document.subscribe(on_event)
    panel.destroyed.connect(lambda *_: unsubscribe())
    window.controller.stateChanged.connect(
        lambda state: panel.set_locked(state != TrainingState.IDLE)
    )
    return panel
