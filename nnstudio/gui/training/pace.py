"""The pace of training: from as fast as possible down to one batch or one epoch a second.

XOR trains in under a second, too fast for a class to watch the line bend. A pace makes the
worker wait after each step (``TrainingWorker._keep_pace``): every step is then sent to the
curves and views at once (not coalesced), so they redraw on every step. "Slow motion" is the
preset for the toy lessons.

The choice is a combo box in the training toolbar and Train › Pace, with Ctrl+[ (slower) and
Ctrl+] (faster); it is remembered between sessions and can change while training runs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox

from .pacing import PACED_DUTY

# key, (kind, seconds per step) or None; fastest first
PACES: list[tuple[str, tuple[str, float] | None]] = [
    ("fastest", None),
    ("10_batches", ("batch", 0.1)),
    ("slow_motion", ("batch", 0.25)),
    ("epoch_1s", ("epoch", 1.0)),
    ("batch_1s", ("batch", 1.0)),
]
SETTING = "training/pace"


def views_follow(views, paced: bool) -> None:
    """Let the views (each, and all together) redraw on every step while training is paced."""
    if views is None:
        return
    for limiter in [views.mirror.limiter] + [view.limiter for view in views.views]:
        if not hasattr(limiter, "usual_duty"):
            limiter.usual_duty = limiter.duty
        limiter.duty = max(PACED_DUTY, limiter.usual_duty) if paced else limiter.usual_duty


def _label(key: str) -> str:
    return {
        "fastest": QCoreApplication.translate("Pace", "As fast as possible"),
        "10_batches": QCoreApplication.translate("Pace", "10 batches a second"),
        "slow_motion": QCoreApplication.translate("Pace", "Slow motion (toy lessons)"),
        "epoch_1s": QCoreApplication.translate("Pace", "1 epoch a second"),
        "batch_1s": QCoreApplication.translate("Pace", "1 batch a second"),
    }[key]


class PaceControl(QObject):
    """The chosen pace, applied to a TrainingController and remembered in the settings."""

    changed = Signal(str)

    def __init__(self, controller, settings=None, parent=None):
        super().__init__(parent or controller)
        self.controller = controller
        self.settings = settings
        self.keys = [key for key, _ in PACES]
        saved = str(settings.value(SETTING, "fastest")) if settings is not None else "fastest"
        self.key = saved if saved in self.keys else "fastest"
        controller.set_pace(dict(PACES)[self.key])

    def set_key(self, key: str) -> None:
        if key not in self.keys or key == self.key:
            return
        self.key = key
        self.controller.set_pace(dict(PACES)[key])
        if self.settings is not None:
            self.settings.setValue(SETTING, key)
        self.changed.emit(key)

    def slower(self) -> None:
        self.set_key(self.keys[min(len(self.keys) - 1, self.keys.index(self.key) + 1)])

    def faster(self) -> None:
        self.set_key(self.keys[max(0, self.keys.index(self.key) - 1)])


class PaceCombo(QComboBox):
    """The pace in the training toolbar."""

    def __init__(self, pace: PaceControl, parent=None):
        super().__init__(parent)
        self.setObjectName("paceCombo")
        self.pace = pace
        for key in pace.keys:
            self.addItem(_label(key), key)
        self.setToolTip(self.tr("How fast training runs, so a class can watch (Ctrl+[ / Ctrl+])"))
        self.setCurrentIndex(self.findData(pace.key))
        self.currentIndexChanged.connect(lambda i: pace.set_key(self.itemData(i)))
        pace.changed.connect(lambda key: self.setCurrentIndex(self.findData(key)))

    def minimumSizeHint(self):  # noqa: N802
        # never squeezed below its longest choice: in a short toolbar (150 % on a small
        # screen) the progress text gives way instead ("As fast as possibl" was cut)
        return self.sizeHint()


def install(window) -> PaceControl:
    """Pace combo in the training toolbar, Train › Pace submenu, Ctrl+[ / Ctrl+] shortcuts."""
    pace = PaceControl(window.controller, getattr(window, "settings", None), window)
    window.pace = pace
    views = getattr(window, "views", None)
    views_follow(views, dict(PACES)[pace.key] is not None)
    pace.changed.connect(lambda key: views_follow(views, dict(PACES)[key] is not None))
    toolbar = window.training_toolbar
    window.pace_combo = PaceCombo(pace, toolbar)
    before = toolbar.actions()[-1] if toolbar.actions() else None  # before the progress
    toolbar.insertWidget(before, window.pace_combo)
    toolbar.insertSeparator(before)

    menu = window.train_menu.addMenu(QCoreApplication.translate("Pace", "&Pace"))
    group = QActionGroup(menu)
    window.pace_actions = {}
    for key in pace.keys:
        action = QAction(_label(key), menu)
        action.setCheckable(True)
        action.setChecked(key == pace.key)
        action.triggered.connect(lambda checked=False, k=key: pace.set_key(k))
        group.addAction(action)
        menu.addAction(action)
        window.pace_actions[key] = action
    pace.changed.connect(lambda key: window.pace_actions[key].setChecked(True))
    menu.addSeparator()
    window.act_slower = QAction(QCoreApplication.translate("Pace", "Slower"), window)
    window.act_slower.setShortcut(QKeySequence("Ctrl+["))
    window.act_slower.triggered.connect(lambda checked=False: pace.slower())
    window.act_faster = QAction(QCoreApplication.translate("Pace", "Faster"), window)
    window.act_faster.setShortcut(QKeySequence("Ctrl+]"))
    window.act_faster.triggered.connect(lambda checked=False: pace.faster())
    for action in (window.act_slower, window.act_faster):
        menu.addAction(action)
        window.addAction(action)  # the keys work with the menu closed
    window.pace_menu = menu
    return pace
