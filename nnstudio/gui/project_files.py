"""The window's project file lifecycle: new (blank, from a lesson), open, save, save as, the
recent-files menu, autosave and its restore, dropping a .nnproj, and the unsaved-work prompt.

The window owns one ``ProjectFiles`` (``window.files``) and keeps thin delegates for the
actions tests and menus call (``window.open_path``, ``window.save`` …). The per-user folders,
the recent list and the autosave files themselves live in ``gui/files.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.gui import dialogs, files
from nnstudio.gui.panels import data_link
from nnstudio.gui.texts import error_text, lesson_title
from nnstudio.gui.training.state import TrainingState
from nnstudio.project import examples
from nnstudio.project.schema import Project

AUTOSAVE_DELAY_MS = 30_000
PAUSE_TIMEOUT_MS = 5_000  # a Save while training waits this long for the batch in progress


def project_urls(mime) -> list[str]:
    """The local .nnproj files a drag carries (empty if none)."""
    if not mime.hasUrls():
        return []
    return [
        u.toLocalFile()
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".nnproj")
    ]


class ProjectFiles(QObject):
    """Open / save / autosave / recent files of one window's document.

    ``aboutToReplace`` and ``replaced`` bracket every swap of the window's project (new, open,
    restore), so the window can drop its selection before and refresh title and actions after.
    """

    aboutToReplace = Signal()
    replaced = Signal()
    saved = Signal(str)  # a project file was written (its path)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.recent = files.RecentFiles(self.settings)
        self.autosaver = files.Autosaver()
        self.autosave_delay_ms = AUTOSAVE_DELAY_MS
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._pending_save: str | None = None  # a Save waiting for training to pause
        self._pause_timeout = QTimer(self)
        self._pause_timeout.setSingleShot(True)
        self._pause_timeout.timeout.connect(self._save_after_pause)

    @property
    def document(self):
        return self.window.document

    @property
    def controller(self):
        return self.window.controller

    # ================================================================== names & prompts
    def display_name(self) -> str:
        if self.document.path:
            return Path(self.document.path).name
        return self.document.project.title or self.tr("Untitled")

    def maybe_save(self) -> bool:
        """Before unsaved work is closed or replaced: Save / Discard / Cancel. True = go on."""
        if not self.document.modified:
            return True
        answer = dialogs.ask_save_changes(self.window, self.display_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosaver.discard()
            return True
        return False

    def refuse_while_training(self, what: str) -> bool:
        """True (and the user told why) if training runs, so ``what`` must wait."""
        if self.controller.is_training:
            dialogs.show_info(
                self.window,
                self.tr("Training is running"),
                self.tr("Stop training first (Train ▸ Stop), then {what}.").format(what=what),
            )
            return True
        return False

    # ================================================================== new & open
    def replace(self, project: Project, path: str | None) -> None:
        """Put ``project`` in the window (its file ``path``, or None for an unsaved one)."""
        self._autosave_timer.stop()
        self.autosaver.discard()
        self.aboutToReplace.emit()
        self.window.undo_stack.clear()
        self.document.replace_project(project, path)
        self.window.undo_stack.setClean()
        self.replaced.emit()

    def blank_project(self) -> Project:
        """No layers; the default data set (XOR) with its input shape, so the canvas and the
        data panel agree from the start."""
        project = Project(title=self.tr("Untitled"))
        try:
            from nnstudio.project import build_dataset

            project.input_shape = tuple(build_dataset(project).input_shape)
        except Exception:
            project.input_shape = None  # the data panel fills it in when a data set is chosen
        return project

    def new_blank(self) -> bool:
        if self.refuse_while_training(self.tr("start a new project")) or not self.maybe_save():
            return False
        self.replace(self.blank_project(), None)
        return True

    def new_from_lesson(self, name: str) -> bool:
        """A new, unsaved project copied from bundled lesson ``name`` (Save asks for a file name)."""
        if self.refuse_while_training(self.tr("start a new project")) or not self.maybe_save():
            return False
        try:
            project = examples.load(name)
        except Exception as exc:
            dialogs.show_error(self.window, self.tr("Could not open the lesson"), error_text(exc))
            return False
        project.title = lesson_title(project.title)  # the student's copy, named in their language
        self.replace(project, None)
        return True

    def open_dialog(self) -> bool:
        start = self.settings.value("lastDir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open Project"),
            str(start),
            self.tr("nnstudio projects (*.nnproj)") + ";;" + self.tr("All files (*)"),
        )
        if not path:
            return False
        return self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a project file, replacing the current one (after the unsaved-work prompt)."""
        if self.refuse_while_training(self.tr("open another project")) or not self.maybe_save():
            return False
        path = str(Path(path).resolve())
        project = self.load_or_report(path)
        if project is None:
            if not Path(path).exists():
                self.recent.remove(path)
            return False
        data_link.check_on_open(self.window, project, path)  # Locate… / a data file outside
        status = self.window.statusBar()
        if examples.is_bundled(path):
            # A bundled lesson is a template: never save over it; Save asks where to keep the copy.
            project.title = lesson_title(project.title)
            self.replace(project, None)
            status.showMessage(
                self.tr(
                    "Opened the lesson “{title}” as a new project; Save asks where to keep your copy."
                ).format(title=project.title),
                8000,
            )
            return True
        self.replace(project, path)
        self.recent.add(path)
        self.settings.setValue("lastDir", str(Path(path).parent))
        self.fill_recent_menu()
        status.showMessage(self.tr("Opened {name}").format(name=Path(path).name), 5000)
        self.offer_autosave_restore()
        return True

    def load_or_report(self, path) -> Project | None:
        """The project in ``path``, or None after telling the user why it could not be read."""
        try:
            return files.load_project(path)
        except files.project_error_type() as exc:
            dialogs.show_error(self.window, self.tr("Could not open the project"), error_text(exc))
        except OSError as exc:
            dialogs.show_error(
                self.window,
                self.tr("Could not open the project"),
                self.tr(
                    "{path} could not be read ({reason}). Check that the file exists and you may read it."
                ).format(path=path, reason=exc.strerror or exc),
            )
        except Exception as exc:  # a bug in a reader must not take the window down
            dialogs.show_error(
                self.window,
                self.tr("Could not open the project"),
                self.tr("{path} could not be opened: {reason}").format(path=path, reason=exc),
            )
        return None

    # ================================================================== save
    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document.path:
            suggested = self.document.path
        else:
            folder = self.settings.value("lastDir", str(Path.home()))
            safe = re.sub(r"[^\w]+", "-", self.display_name()).strip("-")[
                :60
            ]  # keeps Korean letters
            suggested = str(Path(folder) / f"{safe or 'project'}.nnproj")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save Project As"),
            suggested,
            self.tr("nnstudio projects (*.nnproj)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".nnproj"):
            path += ".nnproj"
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the project to ``path``; True when written (or, while training runs, under way).

        The document must hold the current weights first, and they can only be read between
        two batches. While training runs, it pauses after the batch in progress; the save
        follows when the controller reports "paused" (no nested event loop: the window stays
        live and nothing else runs inside this call), then training resumes. ``saved`` says
        when the file is written."""
        if not data_link.prepare_save(self.window, self.document.project):  # keep data inside
            return False
        path = str(Path(path).resolve())
        c = self.controller
        if c.state == TrainingState.RUNNING:
            self._save_when_paused(path)
            return True
        if c.is_training and not (c.state == TrainingState.PAUSED and c.capture()):
            self._tell_cannot_save()
            return False
        return self._write(path, resume=False)

    def _save_when_paused(self, path: str) -> None:
        waiting = self._pending_save is not None
        self._pending_save = path  # a second Save while waiting: one save, to the newest path
        if waiting:
            return
        self.controller.stateChanged.connect(self._save_after_pause)
        self._pause_timeout.start(PAUSE_TIMEOUT_MS)
        self.controller.pause()

    def _save_after_pause(self, *_) -> None:
        """The controller's state changed (or the pause took too long): save if paused."""
        path, self._pending_save = self._pending_save, None
        if path is None:
            return
        self._pause_timeout.stop()
        self.controller.stateChanged.disconnect(self._save_after_pause)
        c = self.controller
        if c.state == TrainingState.PAUSED and c.capture():
            self._write(path, resume=True)
            return
        if c.state == TrainingState.PAUSED:
            c.resume()
        self._tell_cannot_save()

    def _tell_cannot_save(self) -> None:
        dialogs.show_info(
            self.window,
            self.tr("Training is running"),
            self.tr(
                "The weights change with every batch, so the project cannot be saved while training runs. "
                "Pause or stop training, then save again."
            ),
        )

    def _write(self, path: str, resume: bool) -> bool:
        """Write the file; ``resume``: training was paused only for this save."""
        try:
            files.save_project(self.document.project, path)
        except (files.project_error_type(), OSError) as exc:
            if resume:
                self.controller.resume()
            message = (
                error_text(exc)
                if not isinstance(exc, OSError)
                else self.tr(
                    "{path} could not be written ({reason}). Choose another folder or free some disk space."
                ).format(path=path, reason=exc.strerror or exc)
            )
            dialogs.show_error(self.window, self.tr("Could not save the project"), message)
            return False
        self._autosave_timer.stop()
        self.autosaver.discard()
        self.document.set_clean(path)
        self.window.undo_stack.setClean()
        self.recent.add(path)
        self.settings.setValue("lastDir", str(Path(path).parent))
        self.fill_recent_menu()
        self.window.statusBar().showMessage(
            self.tr("Saved {name}").format(name=Path(path).name), 5000
        )
        if resume:
            self.controller.resume()
        self.saved.emit(path)
        return True

    # ================================================================== recent files
    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        items = self.recent.existing()
        for i, path in enumerate(items, start=1):
            label = f"&{i} {Path(path).name}" if i < 10 else Path(path).name
            action = menu.addAction(label)
            action.setData(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
        if items:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear Recent Files"))
            clear.triggered.connect(self.clear_recent)
        else:
            none = menu.addAction(self.tr("(no recent files)"))
            none.setEnabled(False)

    def clear_recent(self) -> None:
        self.recent.clear()
        self.fill_recent_menu()

    # ================================================================== autosave
    def schedule_autosave(self) -> None:
        if self.document.modified and not self._autosave_timer.isActive():
            self._autosave_timer.start(self.autosave_delay_ms)

    @Slot()
    def autosave_now(self) -> bool:
        """Write the autosave copy now (the timer calls this ~30 s after a change)."""
        if not self.document.modified:
            return False
        try:
            self.autosaver.write(self.document.project, self.document.path)
        except Exception as exc:  # autosave must never interrupt work; say it in the status bar
            self.window.statusBar().showMessage(
                self.tr("Autosave failed: {reason}").format(reason=exc), 10000
            )
            return False
        return True

    def offer_autosave_restore(self) -> bool:
        """If a session ended without saving this project, offer its autosave back.
        With no file open, looks for an unsaved project's autosave. True if restored."""
        try:
            entry = self.autosaver.orphan_for(self.document.path)
        except OSError:
            return False
        if entry is None:
            return False
        name = Path(entry.original).name if entry.original else self.tr("an unsaved project")
        when = _dt.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M")
        if not dialogs.ask_restore(self.window, name, when):
            entry.delete()
            return False
        project = self.load_or_report(entry.path)
        if project is None:
            entry.delete()
            return False
        self.window.undo_stack.clear()
        self.document.replace_project(project, entry.original)
        self.autosaver.adopt(entry)
        self.document.modified = True  # restored work is not in the file yet
        self.document.emit("modified")  # the window's title follows
        return True

    # ================================================================== drop & close
    def accepts_drop(self, mime) -> bool:
        return bool(project_urls(mime))

    def drop(self, mime) -> bool:
        """Open the first .nnproj a drop carries; False if it carries none."""
        found = project_urls(mime)
        if not found:
            return False
        # Open after the drop returns: the drag source must not wait on a modal prompt.
        QTimer.singleShot(0, lambda p=found[0]: self.open_path(p))
        return True

    def close(self) -> None:
        """The window closes for good: no autosave pending or left behind."""
        self._autosave_timer.stop()
        self.autosaver.discard()
