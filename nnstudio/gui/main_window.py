"""The studio window: the network canvas in the middle, docks around it, menus, the training
toolbar and the status bar. Everything to do with files (new from a lesson, open, save,
recent files, autosave, dropping a .nnproj, the unsaved-work prompt) is ``self.files``, a
``ProjectFiles`` (gui/project_files.py)."""

from __future__ import annotations

import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabBar,
    QWidget,
)

from nnstudio.gui import dialogs, files
from nnstudio.gui import keras_io
from nnstudio.gui.live_text import LiveText
from nnstudio.gui.perceptron_lab import install as install_perceptron_lab
from nnstudio.gui.texts import lesson_title
from nnstudio.gui.canvas import LayerPalette, NetworkCanvas, style
from nnstudio.gui.commands import RemoveLayerCommand
from nnstudio.gui.panels.data_panel import DataPanel
from nnstudio.gui.panels.inspector import Inspector
from nnstudio.gui.panels.summary import SummaryPanel
from nnstudio.gui.panels.training_settings import TrainingSettingsPanel
from nnstudio.gui.plots.curves import CurvesPanel
from nnstudio.gui.project_files import ProjectFiles
from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.training.controls import TrainingToolbar
from nnstudio.gui.training.payloads import Progress
from nnstudio.gui.training.state import TrainingState
from nnstudio.gui.views import install_views
from nnstudio.gui import backprop, classroom, figures, lesson_panel, presentation
from nnstudio.project.document import Document

LAYOUT_VERSION = 2  # 2: the "inside the network" docks (gui/views) joined
# Below this many pixels of width at 100 % (the window's width / View ▸ Zoom), three columns
# leave the canvas and the curves unreadably narrow (1024 px at 150 % = 683: curves 270 px
# wide, plots 30 px high), so the right-hand panels join the left column as tabs. 1280 px at
# 150 % (853) still shows the lesson and the settings beside a usable centre.
NARROW_WIDTH = 800
SHOW_ALL_FOLD_WIDTH = 1100  # View ▸ Show All Views on a 1024-px projector: one side column


class _VerticalScroll(QScrollArea):
    """Tall forms scroll up and down instead of forcing a window taller than a 768-pixel
    projector; never narrower than the form (which may grow, e.g. a longer data set name),
    so nothing is clipped at the side."""

    def __init__(self, widget: QWidget, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        widget.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget().minimumSizeHint() if self.widget() is not None else QSize(0, 0)
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width() + 2, 60)

    def sizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget().sizeHint() if self.widget() is not None else QSize(0, 0)
        return QSize(
            inner.width() + self.verticalScrollBar().sizeHint().width() + 2, inner.height()
        )

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the form's minimum width may have changed
        return super().eventFilter(obj, event)


class MainWindow(QMainWindow):
    """One project per window. Attributes: ``document``, ``undo_stack``, ``canvas``,
    ``palette``, ``inspector``, ``training_panel``, ``summary_panel``, ``data_panel``,
    ``controller``, ``curves``."""

    layoutReset = Signal()  # View ▸ Reset Layout put the docks back (features add theirs)

    def __init__(self, path: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.settings = files.settings()
        self.files = ProjectFiles(self)  # open, save, autosave, recent files, drops
        self.document = Document(self.files.blank_project())
        self.undo_stack = QUndoStack(self)
        self._selected_layer = -1
        self._training_state = TrainingState.IDLE

        self._build_widgets()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        keras_io.install(self)  # File > Import Keras Code…, File > Export…, .py drops
        backprop.install(self)  # Train menu: See Backpropagation, Gradient Check, Export fit()
        classroom.install(self)  # epochs rule, early stopping, pace, figures, curve marks (#14)
        lesson_panel.install(self)  # View > Guided Lesson (Ctrl+L): the lesson's steps
        presentation.install(self)  # View > Presentation, Full Screen, Zoom; the screen guard
        self._build_status_bar()
        self._connect()
        self._unsubscribe = self.document.subscribe(self._on_document_event)
        self._apply_default_geometry()
        self._default_dock_sizes()  # tabs for a small screen before the window is first laid out
        self._layout_restored = self.restore_layout()
        self._shown_once = False
        self._update_title()
        self._update_actions()

        if path:
            self.open_path(path)

    # ================================================================== construction
    def _build_widgets(self) -> None:
        doc, undo = self.document, self.undo_stack
        self.controller = TrainingController(doc, undo, self)
        self.canvas = NetworkCanvas(doc, undo)
        self.palette = LayerPalette(doc, undo)
        self.inspector = Inspector(doc, undo)
        self.training_panel = TrainingSettingsPanel(doc, undo)
        self.summary_panel = SummaryPanel(doc)
        self.data_panel = DataPanel(doc, undo)
        self.curves = CurvesPanel(self.controller, doc)
        self.training_toolbar = TrainingToolbar(self.controller, self)
        self.setCentralWidget(self.canvas)

    def _dock(self, key: str, title: str, widget, area, scroll: bool = False) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        if scroll:
            widget = _VerticalScroll(widget, f"scroll_{key}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        # Side docks run the full height; the curves sit under the canvas only.
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.palette_dock = self._dock(
            "palette", self.tr("Layers"), self.palette, left, scroll=True
        )  # scrolls at 150 % on a 720-pixel screen instead of running into the dock below
        self.data_dock = self._dock("data", self.tr("Data"), self.data_panel, left, scroll=True)
        self.inspector_dock = self._dock(
            "inspector", self.tr("Inspector"), self.inspector, right, scroll=True
        )
        self.training_dock = self._dock(
            "training", self.tr("Training"), self.training_panel, right, scroll=True
        )
        self.summary_dock = self._dock("summary", self.tr("Summary"), self.summary_panel, right)
        self.curves_dock = self._dock("curves", self.tr("Curves"), self.curves, bottom)
        self.docks: list[QDockWidget] = [
            self.palette_dock,
            self.data_dock,
            self.inspector_dock,
            self.training_dock,
            self.summary_dock,
            self.curves_dock,
        ]
        # The "inside the network" views (gui/views): docks in the bottom area, added to self.docks.
        self.views = install_views(self)
        self._arrange_docks()
        self.toolbar = self.training_toolbar
        self.toolbar.setObjectName("toolbar_training")
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _arrange_docks(self) -> None:
        """The default places (a desk): palette over data on the left; inspector over training
        settings and summary (tabbed) on the right; curves beside the views (tabbed) under the
        canvas. ``_default_dock_sizes`` folds this into tabs on a small screen."""
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        placed = [
            (self.palette_dock, left),
            (self.data_dock, left),
            (self.inspector_dock, right),
            (self.training_dock, right),
            (self.curves_dock, bottom),
        ]
        placed += [(dock, bottom) for dock in self.views.docks[:1]]
        for dock, area in placed:
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        for group, dock in [(self.training_dock, self.summary_dock)] + [
            (self.views.docks[0], d) for d in self.views.docks[1:]
        ]:
            dock.setFloating(False)
            self.tabifyDockWidget(group, dock)
            dock.show()
        self.training_dock.raise_()
        if self.views.docks:
            self.views.docks[0].raise_()

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.act_new = self._action(
            self.tr("&New Blank Project"), self.new_blank, SK.New, self.tr("Start an empty network")
        )
        self.act_open = self._action(
            self.tr("&Open…"), self.open_dialog, SK.Open, self.tr("Open a .nnproj project")
        )
        self.act_save = self._action(self.tr("&Save"), self.save, SK.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as, "Ctrl+Shift+S")
        self.act_export_curves = self._action(self.tr("Export &Curves as PNG…"), self.export_curves)
        self.act_quit = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Undo / Redo of the window's QUndoStack; off while training (the network is locked).
        self.act_undo = self._action(self.tr("&Undo"), self.undo_stack.undo, "Ctrl+Z")
        self.act_redo = self._action(
            self.tr("&Redo"), self.undo_stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"]
        )
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.act_delete = self._action(self.tr("&Delete Layer"), self.delete_selected_layer)
        self.act_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Delete only acts while the canvas has focus, so it never steals the key from a text box.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.canvas.addAction(self.act_delete)

        # One set of training actions: the toolbar's buttons are the Train menu's items.
        tb = self.training_toolbar
        self.act_train, self.act_pause = tb.act_train, tb.act_pause
        self.act_step_epoch, self.act_step_batch = tb.act_step_epoch, tb.act_step_batch
        self.act_stop, self.act_reset = tb.act_stop, tb.act_reset
        for action, key in (
            (self.act_train, "F5"),
            (self.act_pause, "F6"),
            (self.act_step_epoch, "F7"),
            (self.act_step_batch, "F8"),
            (self.act_stop, "Shift+F5"),
        ):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.train_actions = [
            self.act_train,
            self.act_pause,
            self.act_step_epoch,
            self.act_step_batch,
            self.act_stop,
            self.act_reset,
        ]

        self.act_about = self._action(self.tr("&About nnstudio"), lambda: dialogs.show_about(self))
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_lesson = self._action(self.tr("&Lesson Description"), self.show_lesson, "F1")
        self.act_reset_layout = self._action(self.tr("Reset &Layout"), self.reset_layout)
        install_perceptron_lab(self)  # window.perceptron_lab: the lab and "Build XOR from Gates"

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        self.lessons_menu = m.addMenu(self.tr("New from &Lesson"))
        self._lessons: list[tuple[str, str]] | None = None  # read when the menu first opens
        self.lessons_menu.aboutToShow.connect(
            lambda: self._lessons is None and self._fill_lessons_menu()
        )
        m.addAction(self.act_new)
        m.addSeparator()
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.files.fill_recent_menu)
        self.files.fill_recent_menu()
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_save_as)
        m.addSeparator()
        m.addAction(self.act_export_curves)
        m.addSeparator()
        m.addAction(self.act_quit)
        self.file_menu = m

        m = bar.addMenu(self.tr("&Edit"))
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        m.addAction(self.act_delete)
        self.edit_menu = m

        m = bar.addMenu(self.tr("T&rain"))
        for action in self.train_actions[:5]:
            m.addAction(action)
        m.addSeparator()
        m.addAction(self.act_reset)
        self.train_menu = m

        m = bar.addMenu(self.tr("&View"))
        for dock in self.docks:
            m.addAction(dock.toggleViewAction())
        m.addAction(self.toolbar.toggleViewAction())
        m.addSeparator()
        m.addAction(
            self._action(self.tr("Show All &Views Inside the Network"), self.show_all_views)
        )
        m.addAction(self.act_reset_layout)
        self.perceptron_lab.add_to_menu(m)
        self.view_menu = m

        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_lesson)
        m.addSeparator()
        m.addAction(self.act_about)
        self.help_menu = m

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.state_label = QLabel()
        # LiveText: a changing number must not re-lay out the window while training
        self.speed_label = LiveText(
            sample=self.tr("{speed:,.0f} samples/s").format(speed=99999999.0),
            align=Qt.AlignmentFlag.AlignRight,
        )
        self._speed_shown_at = 0.0
        self.state_label.setObjectName("stateLabel")
        self.speed_label.setObjectName("speedLabel")
        bar.addPermanentWidget(self.speed_label)
        bar.addPermanentWidget(self.state_label)
        self._show_state(TrainingState.IDLE)

    def _connect(self) -> None:
        self.canvas.layerSelected.connect(self._on_layer_selected)
        self.files.aboutToReplace.connect(self._before_replace)
        self.files.replaced.connect(self._after_replace)
        c = self.controller
        # The data panel already loaded the data set for its preview: train on that copy.
        self.data_panel.datasetLoaded.connect(c.set_dataset)
        c.stateChanged.connect(self._on_training_state)
        c.progress.connect(self._on_progress)
        c.finished.connect(self._on_training_finished)
        c.failed.connect(self._on_training_failed)

    @staticmethod
    def dock_content(dock: QDockWidget) -> QWidget:
        """The panel a dock shows (inside its scroll area, if it has one)."""
        widget = dock.widget()
        return widget.widget() if isinstance(widget, QScrollArea) else widget

    # ================================================================== lessons
    def lessons(self) -> list[tuple[str, str]]:
        """(lesson name, title) of every bundled lesson, in the examples module's order."""
        if self._lessons is None:
            from nnstudio.project import examples

            found = []
            for name in examples.names():
                try:
                    found.append((name, examples.title(name)))
                except Exception:  # a broken lesson file must not break the menu
                    continue
            self._lessons = found
        return self._lessons

    def _fill_lessons_menu(self) -> None:
        self.lessons_menu.clear()
        items = self.lessons()
        for name, title in items:
            action = self.lessons_menu.addAction(lesson_title(title))
            action.setData(name)
            action.triggered.connect(lambda checked=False, n=name: self.new_from_lesson(n))
        if not items:
            none = self.lessons_menu.addAction(self.tr("(no lessons installed)"))
            none.setEnabled(False)

    # ================================================================== files (gui/project_files.py)
    # Thin delegates: menus, lessons, the app and tests call these on the window.
    def display_name(self) -> str:
        return self.files.display_name()

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def new_blank(self) -> bool:
        return self.files.new_blank()

    def new_from_lesson(self, name: str) -> bool:
        return self.files.new_from_lesson(name)

    def open_dialog(self) -> bool:
        return self.files.open_dialog()

    def open_path(self, path: str | Path) -> bool:
        return self.files.open_path(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def save_to(self, path: str | Path) -> bool:
        return self.files.save_to(path)

    def autosave_now(self) -> bool:
        return self.files.autosave_now()

    def offer_autosave_restore(self) -> bool:
        return self.files.offer_autosave_restore()

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — nnstudio").format(name=self.display_name()))
        self.setWindowModified(self.document.modified)

    def _before_replace(self) -> None:
        self._selected_layer = -1

    def _after_replace(self) -> None:
        self._update_title()
        self._update_actions()

    def export_curves(self) -> bool:
        folder = self.settings.value("lastDir", str(Path.home()))
        stem = Path(self.display_name()).stem
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Curves"),
            str(Path(folder) / f"{stem}-curves.png"),
            self.tr("PNG images (*.png)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".png"):
            path += ".png"
        try:  # a figure at 2x, legend and labels whole (gui/figures.py), not a screen grab
            figures.save_figure(figures.render_figure(self.curves, 2.0), path)
        except OSError as exc:
            dialogs.show_error(self, self.tr("Could not export the curves"), str(exc))
            return False
        return True

    # ================================================================== edit & train
    @Slot(int)
    def _on_layer_selected(self, index: int) -> None:
        self._selected_layer = index
        self.inspector.show_layer(index)
        if index >= 0:
            self.inspector_dock.raise_()
        self._update_actions()

    def delete_selected_layer(self) -> None:
        i = self._selected_layer
        if self._training_state != TrainingState.IDLE or not 0 <= i < len(self.document.layers):
            return
        self.undo_stack.push(RemoveLayerCommand(self.document, i))
        self._on_layer_selected(-1)

    def _show_state(self, state: str) -> None:
        names = {
            TrainingState.IDLE: self.tr("Ready"),
            TrainingState.RUNNING: self.tr("Training…"),
            TrainingState.PAUSED: self.tr("Paused"),
            TrainingState.STOPPING: self.tr("Stopping…"),
        }
        self.state_label.setText(names.get(state, state))
        if state == TrainingState.IDLE:
            self.speed_label.setText("")

    @Slot(str)
    def _on_training_state(self, state: str) -> None:
        self._training_state = state
        self._show_state(state)
        locked = state != TrainingState.IDLE
        if locked != getattr(
            self, "_locked_for_training", None
        ):  # not again on each pause / resume
            self._locked_for_training = locked
            for widget in (self.canvas, self.inspector, self.training_panel, self.data_panel):
                if hasattr(widget, "set_locked"):
                    widget.set_locked(locked)
        self._update_actions()

    @Slot(object)
    def _on_progress(self, info: Progress) -> None:
        speed = info.samples_per_s
        now = time.perf_counter()
        if (
            speed and now - self._speed_shown_at >= 0.5
        ):  # a number that changes 2x a second is readable
            self._speed_shown_at = now
            self.speed_label.setText(self.tr("{speed:,.0f} samples/s").format(speed=float(speed)))

    @Slot(str)
    def _on_training_finished(self, reason: str) -> None:
        texts = {
            "completed": self.tr("Training finished: all epochs done."),
            "stopped": self.tr("Training stopped; the weights so far are kept."),
            "nan": self.tr("Training stopped: the loss became NaN (try a smaller learning rate)."),
            "error": self.tr("Training stopped by an error."),
        }
        self.statusBar().showMessage(texts.get(reason, reason), 10000)

    @Slot(str)
    def _on_training_failed(self, message: str) -> None:
        dialogs.show_error(self, self.tr("Training stopped"), message)

    def _update_actions(self) -> None:
        state = self._training_state
        idle = state == TrainingState.IDLE
        self.act_delete.setEnabled(idle and 0 <= self._selected_layer < len(self.document.layers))
        for action in (
            self.act_new,
            self.act_open,
            self.recent_menu.menuAction(),
            self.lessons_menu.menuAction(),
        ):
            action.setEnabled(idle)
        self._update_undo_actions()

    @Slot()
    def _update_undo_actions(self, *_) -> None:
        idle = self._training_state == TrainingState.IDLE
        stack = self.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.act_undo):
            return  # the window is being destroyed
        self.act_undo.setEnabled(idle and stack.canUndo())
        self.act_redo.setEnabled(idle and stack.canRedo())
        self.act_undo.setText(
            self.tr("&Undo {what}").format(what=stack.undoText())
            if stack.canUndo()
            else self.tr("&Undo")
        )
        self.act_redo.setText(
            self.tr("&Redo {what}").format(what=stack.redoText())
            if stack.canRedo()
            else self.tr("&Redo")
        )

    def show_lesson(self) -> None:
        p = self.document.project
        dialogs.show_lesson(self, p.title or self.display_name(), p.description)

    # ================================================================== document events
    def _on_document_event(self, event: str, info: dict) -> None:
        if event in ("modified", "project", "meta"):
            self._update_title()
        if event == "project":
            self._update_actions()
        if event == "layers" and self._selected_layer >= len(self.document.layers):
            self._selected_layer = -1
            self._update_actions()
        self.files.schedule_autosave()

    # ================================================================== drag & drop
    def dragEnterEvent(self, event):  # noqa: N802 (Qt name)
        if self.files.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):  # noqa: N802
        if self.files.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):  # noqa: N802
        if not self.files.accepts_drop(event.mimeData()):
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.files.drop(event.mimeData())

    # ================================================================== layout
    def _apply_default_geometry(self) -> None:
        """First-run size: nearly the whole screen on a 1366x768 projector (every pixel counts),
        90 % of a 1920x1080 desk, centred. Later runs restore what the user left."""
        screen = self.screen() or QApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        if avail is None or avail.width() < 200:
            self.resize(1280, 720)
            return
        small = avail.width() < 1600 or avail.height() < 950
        fw, fh = (0.98, 0.96) if small else (0.90, 0.90)
        self.resize(int(avail.width() * fw), int(avail.height() * fh))
        self.move(
            avail.x() + (avail.width() - self.width()) // 2,
            avail.y() + (avail.height() - self.height()) // 2,
        )

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._layout_restored:
                self._default_dock_sizes()  # the first run: sizes for this screen

    def _default_dock_sizes(self) -> None:
        """Default split for the window's size: a 1366x768 projector gets tabbed right-hand
        panels (Inspector / Training / Summary) and the views as tabs behind the curves; a
        1920x1080 desk shows Inspector above the settings and the views beside the curves."""
        w, h = self.width(), self.height()
        small = w < 1600 or h < 900
        right_tabbed = self.training_dock in self.tabifiedDockWidgets(self.inspector_dock)
        views_tabbed = bool(self.views.docks) and self.views.docks[0] in self.tabifiedDockWidgets(
            self.curves_dock
        )
        if not small and (right_tabbed or views_tabbed):
            self._arrange_docks()
        elif small:
            if not right_tabbed:
                self.tabifyDockWidget(self.training_dock, self.inspector_dock)
            if not views_tabbed:
                for dock in self.views.docks:
                    self.tabifyDockWidget(self.curves_dock, dock)
            self.curves_dock.raise_()
        self.training_dock.raise_()
        if self.is_narrow():
            self._fold_side_panels()
        side_l = max(
            self.dock_content(self.data_dock).minimumSizeHint().width() + 24, int(w * 0.17)
        )
        side_r = max(self.training_dock.minimumSizeHint().width(), int(w * 0.21))
        self.resizeDocks(
            [self.palette_dock, self.training_dock], [side_l, side_r], Qt.Orientation.Horizontal
        )
        palette_h = (  # the whole palette; its dock scrolls only when the window is short
            self.palette_dock.minimumSizeHint().height()
            + self.dock_content(self.palette_dock).minimumSizeHint().height()
            + 16
        )
        self.resizeDocks(
            [self.palette_dock, self.data_dock],
            [palette_h, max(200, h - palette_h)],
            Qt.Orientation.Vertical,
        )
        if not small:
            self.resizeDocks(
                [self.inspector_dock, self.training_dock],
                [int(h * 0.35), int(h * 0.55)],
                Qt.Orientation.Vertical,
            )
        # On a projector-sized screen the curves share the centre column with the canvas: give
        # them more of its height (the canvas fits the network to what is left).
        share = 0.40 if w < 1200 else 0.30
        self.resizeDocks([self.curves_dock], [max(200, int(h * share))], Qt.Orientation.Vertical)
        if not small and self.views.docks:
            bottom = max(0, w - side_l - side_r)
            self.resizeDocks(
                [self.curves_dock, self.views.docks[0]],
                [bottom // 2, bottom // 2],
                Qt.Orientation.Horizontal,
            )
        self.tidy_tab_bars()

    def is_narrow(self) -> bool:
        """Too narrow, at the window's zoom, for panels on both sides (``NARROW_WIDTH``)."""
        return self.width() / max(1.0, style.zoom()) < NARROW_WIDTH

    def side_panels_folded(self) -> bool:
        """The right-hand panels are tabs in the left column."""
        return self.dockWidgetArea(self.training_dock) == self.dockWidgetArea(self.data_dock)

    def fit_columns_to_zoom(self) -> None:
        """After View ▸ Zoom: when the window became too narrow for two side columns (or wide
        enough again), lay the docks out afresh for it (View ▸ Reset Layout)."""
        if self.is_narrow() != self.side_panels_folded():
            self.reset_layout()

    def _fold_side_panels(self) -> None:
        front = [d for d in self.docks if d.isVisible() and not d.visibleRegion().isEmpty()]
        for dock in (self.training_dock, self.summary_dock, self.inspector_dock):
            dock.setFloating(False)
            self.tabifyDockWidget(self.data_dock, dock)
            dock.show()
        for dock in front:
            dock.raise_()  # the data panel or the lesson stays in front

    def tidy_tab_bars(self) -> None:
        """Qt leaves the tab bars of dissolved dock tab groups on screen after docks move
        between groups; hide them all and let the layout show the ones still in use."""
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()
        self.layout().invalidate()
        self.layout().activate()

    def restore_layout(self) -> bool:
        if int(self.settings.value("window/layoutVersion", 0) or 0) != LAYOUT_VERSION:
            return False
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        ok = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            ok = self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            ok = self.restoreState(state, LAYOUT_VERSION) and ok
        return ok

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.settings.setValue("window/layoutVersion", LAYOUT_VERSION)
        self.settings.sync()

    def show_all_views(self) -> None:
        """Show every "inside the network" view at once, side by side under the canvas. Below
        ``SHOW_ALL_FOLD_WIDTH`` (at the window's zoom) the side panels first share the left
        column, so the four views get the width."""
        if self.width() / max(1.0, style.zoom()) < SHOW_ALL_FOLD_WIDTH:
            self._fold_side_panels()
        self.layout().activate()
        sides = self.palette_dock.width()
        if not self.side_panels_folded():
            sides += self.training_dock.width()
        self.views.show_all(self, side_width=sides + 20)
        # the right-hand tab group it dissolved leaves a stale tab bar behind (Qt)
        QTimer.singleShot(150, self.tidy_tab_bars)

    def reset_layout(self) -> None:
        """View ▸ Reset Layout: every dock back in its default place and size."""
        self._arrange_docks()
        self.toolbar.show()
        self._default_dock_sizes()
        self.layoutReset.emit()

    # ================================================================== closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.controller.is_training:
            # Stop + join the worker first: the document then holds what training produced,
            # and the prompt below can save it.
            self.controller.shutdown()
        if self.document.modified and not self.maybe_save():
            event.ignore()
            return
        self.controller.shutdown()  # idempotent; joins the worker thread
        self.data_panel.shutdown()  # cancels and joins data loads still running
        self.files.close()  # no autosave pending or left behind
        self.save_layout()
        self._unsubscribe()
        event.accept()
