"""The studio window driven like a person would: menus, file dialogs, prompts, drops, closing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nnstudio import project as projmod
from nnstudio.gui import files
from nnstudio.gui.commands import UpdateLayerCommand
from nnstudio.project.schema import DatasetSpec, Project

SB = QMessageBox.StandardButton


class Dialogs:
    """Stands in for QMessageBox / QFileDialog: records what was shown, answers from a queue."""

    def __init__(self, monkeypatch):
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answers: list = []  # for question()
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []
        for kind in ("critical", "warning", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._note(kind))
        monkeypatch.setattr(QMessageBox, "about", self._note("about"))
        monkeypatch.setattr(QMessageBox, "question", staticmethod(self._question))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))

    def _note(self, kind):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            return SB.Ok

        return staticmethod(show)

    def _question(self, parent, title, text, *args, **kwargs):
        self.shown.append(("question", title, text))
        assert self.answers, f"unexpected question: {title}: {text}"
        return self.answers.pop(0)

    def _open(self, *args, **kwargs):
        self.shown.append(("open", "", ""))
        return (self.open_paths.pop(0) if self.open_paths else "", "")

    def _save(self, *args, **kwargs):
        self.shown.append(("save", "", ""))
        return (self.save_paths.pop(0) if self.save_paths else "", "")

    def kinds(self):
        return [k for k, _, _ in self.shown]


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(folder))
    return folder


def xor_project(title="XOR lesson", epochs=100) -> Project:
    project = Project(title=title, input_shape=(2,), dataset=DatasetSpec(name="xor"))
    project.description = {
        "en": "Learn XOR with one hidden layer.",
        "ko": "은닉층 하나로 XOR을 배웁니다.",
    }
    project.add_layer("Dense", units=4, activation="tanh")
    project.add_layer("Dense", units=1, activation="sigmoid")
    project.training.epochs = epochs
    return project


@pytest.fixture
def xor_file(tmp_path) -> Path:
    path = tmp_path / "xor.nnproj"
    projmod.save(xor_project(), path)
    return path


@pytest.fixture
def window(qtbot, dialogs):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False  # close without a prompt
    w.close()
    w.deleteLater()


@pytest.fixture
def opened(window, xor_file):
    """The window with xor.nnproj open."""
    assert window.open_path(xor_file)
    return window


def edit(window, units=7):
    window.undo_stack.push(UpdateLayerCommand(window.document, 0, units=units))


# ---------------------------------------------------------------------------------------------
def test_every_dock_holds_the_real_widget(window):
    from nnstudio.gui.canvas import LayerPalette, NetworkCanvas
    from nnstudio.gui.panels.data_panel import DataPanel
    from nnstudio.gui.panels.inspector import Inspector
    from nnstudio.gui.panels.summary import SummaryPanel
    from nnstudio.gui.panels.training_settings import TrainingSettingsPanel
    from nnstudio.gui.plots.curves import CurvesPanel
    from nnstudio.gui.training.controller import TrainingController

    assert isinstance(window.centralWidget(), NetworkCanvas)
    assert isinstance(window.dock_content(window.palette_dock), LayerPalette)
    assert isinstance(window.dock_content(window.inspector_dock), Inspector)
    assert isinstance(window.dock_content(window.training_dock), TrainingSettingsPanel)
    assert isinstance(window.dock_content(window.summary_dock), SummaryPanel)
    assert isinstance(window.dock_content(window.data_dock), DataPanel)
    assert isinstance(window.dock_content(window.curves_dock), CurvesPanel)
    assert isinstance(window.controller, TrainingController)
    from PySide6.QtWidgets import QLabel

    assert not window.findChildren(QLabel, "placeholder")
    areas = {d.objectName(): window.dockWidgetArea(d) for d in window.docks}
    assert areas["dock_palette"] == Qt.DockWidgetArea.LeftDockWidgetArea
    assert areas["dock_inspector"] == Qt.DockWidgetArea.RightDockWidgetArea
    assert areas["dock_curves"] == Qt.DockWidgetArea.BottomDockWidgetArea
    # fits a 1366x768 classroom projector (the tall forms scroll)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740, hint


def test_menus_have_the_shortcuts(window):
    def keys(action):
        return [s.toString() for s in action.shortcuts()]

    assert keys(window.act_new) == ["Ctrl+N"]
    assert keys(window.act_open) == ["Ctrl+O"]
    assert keys(window.act_save) == ["Ctrl+S"]
    assert keys(window.act_save_as) == ["Ctrl+Shift+S"]
    assert keys(window.act_quit) == ["Ctrl+Q"]
    assert keys(window.act_undo) == ["Ctrl+Z"]
    assert set(keys(window.act_redo)) == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert keys(window.act_train) == ["F5"]
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Train", "View", "Help"]
    window.lessons_menu.aboutToShow.emit()
    lessons = [a.data() for a in window.lessons_menu.actions()]
    assert "xor" in lessons and "mnist" in lessons


def test_title_shows_file_name_and_modified_mark(window, dialogs, xor_file):
    dialogs.open_paths.append(str(xor_file))
    window.act_open.trigger()
    assert window.document.path == str(xor_file.resolve())
    assert window.windowTitle() == "xor.nnproj[*] — nnstudio"
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified()
    window.act_save.trigger()  # has a path: no dialog
    assert "save" not in dialogs.kinds()
    assert not window.isWindowModified()
    assert projmod.load(xor_file).layers[0].config["units"] == 7


def test_open_save_as_round_trip_through_the_menu(window, dialogs, xor_file, tmp_path):
    dialogs.open_paths.append(str(xor_file))
    window.act_open.trigger()
    edit(window, units=5)
    window.act_undo.trigger()
    window.act_redo.trigger()
    assert window.document.layers[0].config["units"] == 5
    target = tmp_path / "copy"  # no suffix: Save As adds .nnproj
    dialogs.save_paths.append(str(target))
    window.act_save_as.trigger()
    saved = tmp_path / "copy.nnproj"
    assert saved.exists()
    assert window.document.path == str(saved.resolve())
    assert window.windowTitle().startswith("copy.nnproj")

    window.act_new.trigger()  # clean document: no prompt
    assert window.document.path is None and window.document.layers == []
    dialogs.open_paths.append(str(saved))
    window.act_open.trigger()
    p = window.document.project
    assert [(s.type, s.config.get("units"), s.config.get("activation")) for s in p.layers] == [
        ("Dense", 5, "tanh"),
        ("Dense", 1, "sigmoid"),
    ]
    assert p.title == "XOR lesson" and p.input_shape == (2,)
    assert not [k for k in dialogs.kinds() if k in ("critical", "question")]


def test_close_prompt_cancel_discard_save(opened, dialogs, tmp_path):
    window = opened
    edit(window)
    dialogs.answers.append(SB.Cancel)
    assert window.close() is False
    assert window.isVisible()
    assert dialogs.kinds()[-1] == "question"

    dialogs.answers.append(SB.Save)  # the file has a name: saved in place, no dialog
    assert window.close() is True
    assert "save" not in dialogs.kinds()
    assert projmod.load(window.document.path).layers[0].config["units"] == 7


def test_replacing_unsaved_work_prompts_and_discard_drops_it(opened, dialogs, xor_file):
    window = opened
    edit(window, units=9)
    dialogs.answers.append(SB.Cancel)
    window.act_new.trigger()  # Cancel keeps the work
    assert window.document.layers[0].config["units"] == 9 and window.document.path == str(
        xor_file.resolve()
    )
    dialogs.answers.append(SB.Discard)
    dialogs.open_paths.append(str(xor_file))
    window.act_open.trigger()
    assert window.document.path == str(xor_file.resolve())
    assert window.document.layers[0].config["units"] == 4


def test_bad_file_shows_the_error_and_the_window_keeps_working(window, dialogs, tmp_path, xor_file):
    bad = tmp_path / "broken.nnproj"
    bad.write_bytes(b"this is not a project")
    before = window.document.project
    dialogs.open_paths.append(str(bad))
    window.act_open.trigger()
    kind, title, text = dialogs.shown[-1]
    assert kind == "critical" and "open" in title.lower()
    assert "broken.nnproj" in text and "Traceback" not in text
    assert window.document.project is before and window.document.path is None
    # still works: a good file opens afterwards
    dialogs.open_paths.append(str(xor_file))
    window.act_open.trigger()
    assert window.document.path == str(xor_file.resolve())


def test_save_failure_shows_the_error_and_keeps_the_work(opened, dialogs, tmp_path):
    window = opened
    edit(window)
    target = tmp_path / "a-file" / "x.nnproj"
    (tmp_path / "a-file").write_text("a file, not a folder")
    dialogs.save_paths.append(str(target))
    window.act_save_as.trigger()
    assert dialogs.kinds()[-1] == "critical"
    assert window.document.modified and window.isWindowModified()


def test_dropping_a_project_file_opens_it(window, qtbot, xor_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(xor_file))])
    from PySide6.QtGui import QDragEnterEvent

    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.document.path == str(xor_file.resolve()), timeout=3000)
    assert window.document.project.title == "XOR lesson"


def test_other_files_are_not_accepted_as_drops(window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hi")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    from PySide6.QtGui import QDragEnterEvent

    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_autosave_is_written_and_offered_back_after_a_crash(window, qtbot, dialogs, xor_file):
    from nnstudio.gui.main_window import MainWindow

    dialogs.open_paths.append(str(xor_file))
    window.act_open.trigger()
    window.files.autosave_delay_ms = 20
    edit(window, units=11)
    qtbot.waitUntil(lambda: window.files.autosaver.current is not None, timeout=3000)
    entry = window.files.autosaver.current
    assert entry.path.exists()
    assert projmod.load(entry.path).layers[0].config["units"] == 11
    assert projmod.load(xor_file).layers[0].config["units"] == 4  # the file itself is untouched

    # The session "crashes": its process is gone, the autosave stays.
    meta = json.loads(entry.sidecar.read_text())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    meta["pid"] = proc.pid
    entry.sidecar.write_text(json.dumps(meta))
    window.files.autosaver.current = None

    second = MainWindow()
    qtbot.addWidget(second)
    dialogs.answers.append(SB.Yes)
    assert second.open_path(xor_file)
    assert any(k == "question" and "Restore" in t for k, t, _ in dialogs.shown)
    assert second.document.layers[0].config["units"] == 11
    assert second.document.path == str(xor_file.resolve())
    assert second.isWindowModified()
    # a clean save deletes the autosave
    second.act_save.trigger()
    assert not entry.path.exists()
    assert projmod.load(xor_file).layers[0].config["units"] == 11
    second.close()


def test_recent_files_menu(window, dialogs, tmp_path, xor_file):
    other = tmp_path / "second.nnproj"
    projmod.save(xor_project("second"), other)
    for p in (xor_file, other):
        dialogs.open_paths.append(str(p))
        window.act_open.trigger()
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(other.resolve()), str(xor_file.resolve())]
    entries[1].trigger()
    assert window.document.path == str(xor_file.resolve())
    assert window.files.recent.paths()[0] == str(xor_file.resolve())


def test_new_from_lesson_is_an_unsaved_copy(window, dialogs):
    window.lessons_menu.aboutToShow.emit()
    xor = next(a for a in window.lessons_menu.actions() if a.data() == "xor")
    xor.trigger()
    assert window.document.path is None  # Save must ask for a name, never overwrite the lesson
    assert window.document.layers
    dialogs.save_paths.append("")  # user cancels the Save As dialog
    assert window.save() is False


def test_lesson_description_in_the_users_language(window, dialogs, xor_file):
    from PySide6.QtCore import QLocale

    window.open_path(xor_file)
    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
        window.act_lesson.trigger()
        assert "은닉층" in dialogs.shown[-1][2]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        window.act_lesson.trigger()
        assert "one hidden layer" in dialogs.shown[-1][2]
    finally:
        QLocale.setDefault(old)


def test_layout_is_remembered(qtbot, dialogs, config_dir):
    from nnstudio.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(
        first.width(), first.height() - 23
    )  # (the 800x800 offscreen screen is narrower than the window)
    height = first.height()
    first.curves_dock.hide()
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.palette_dock)
    first.close()
    assert (config_dir / "nnstudio.ini").exists()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.height() == height
    assert not second.curves_dock.isVisible() and second.data_dock.isVisible()
    assert second.dockWidgetArea(second.palette_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    second.act_reset_layout.trigger()
    assert second.curves_dock.isVisible()
    assert second.dockWidgetArea(second.palette_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.close()


def test_close_while_training_stops_and_joins_the_worker(qtbot, dialogs, tmp_path):
    from nnstudio.gui.main_window import MainWindow

    path = tmp_path / "long.nnproj"
    projmod.save(xor_project(epochs=100000), path)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_path(path)
    c = w.controller
    with qtbot.waitSignal(c.stateChanged, timeout=10000, check_params_cb=lambda s: s == "running"):
        w.act_train.trigger()
    assert c.is_training
    thread = c._run.thread if c._run is not None else None
    dialogs.answers.append(SB.Discard)
    assert w.close() is True
    assert not c.is_training
    if thread is not None:
        assert thread.isFinished()


def test_save_while_training_captures_the_weights_and_training_goes_on(
    qtbot, window, dialogs, tmp_path
):
    path = tmp_path / "busy.nnproj"
    projmod.save(xor_project(epochs=100000), path)
    window.open_path(path)
    c = window.controller
    with qtbot.waitSignal(c.epochEnd, timeout=10000):
        window.act_train.trigger()
    qtbot.waitUntil(lambda: c.state == "running", timeout=5000)
    with qtbot.waitSignal(window.files.saved, timeout=10000):  # after the pause it asked for
        window.act_save.trigger()
    assert not [k for k in dialogs.kinds() if k in ("critical", "information")], dialogs.shown
    saved = projmod.load(path)
    assert saved.epochs_trained > 0 and saved.weights  # what training had reached
    assert len(saved.history["loss"]) == saved.epochs_trained
    qtbot.waitUntil(lambda: c.state == "running", timeout=5000)  # resumed after the save
    c.stop()
    qtbot.waitUntil(lambda: c.state == "idle", timeout=10000)
    assert window.document.project.epochs_trained >= saved.epochs_trained


def test_window_keeps_responding_while_a_small_network_trains(qtbot, window, dialogs, tmp_path):
    """XOR's worker releases the GIL for every tiny BLAS call and takes it straight back, which
    starved the GUI thread (one 10 ms timer tick in 9 s, the window frozen) until the worker
    learned to yield when the GUI's heartbeat goes stale."""
    import time

    from PySide6.QtCore import QTimer

    path = tmp_path / "busy.nnproj"
    projmod.save(xor_project(epochs=1_000_000), path)
    window.open_path(path)
    c = window.controller
    ticks = []
    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    epochs = []
    c.epochEnd.connect(lambda info: epochs.append(info.epoch))
    started = time.perf_counter()
    window.act_train.trigger()
    qtbot.wait(2000)
    waited = time.perf_counter() - started
    probe.stop()
    assert c.state == "running"
    c.stop()
    qtbot.waitUntil(lambda: c.state == "idle", timeout=20000)
    assert waited < 3.0, f"a 2 s wait took {waited:.1f} s"
    assert len(ticks) >= 40, f"the GUI thread ran a 10 ms timer only {len(ticks)} times in 2 s"
    assert epochs and epochs[-1] > 100  # and training went on meanwhile


def test_opening_a_bundled_lesson_never_saves_over_it(lessons_copy, window, dialogs, tmp_path):
    from nnstudio.project import examples

    lesson = examples.path("xor")
    assert (
        lesson.parent == lessons_copy / "examples"
    )  # a mistake here must not reach the source tree
    before = lesson.read_bytes()
    assert window.open_path(lesson)
    assert window.document.path is None  # a new project from the lesson
    edit(window, units=3)
    target = tmp_path / "mine.nnproj"
    dialogs.save_paths.append(str(target))
    window.act_save.trigger()
    assert "save" in dialogs.kinds() and target.exists()
    assert lesson.read_bytes() == before


def test_train_menu_uses_the_toolbar_actions_and_state(qtbot, window, xor_file):
    window.open_path(xor_file)
    menu_actions = window.train_menu.actions()
    for action in (
        window.act_train,
        window.act_pause,
        window.act_step_epoch,
        window.act_stop,
        window.act_reset,
    ):
        assert action in menu_actions and action in window.toolbar.actions()
    assert window.act_train.isEnabled() and not window.act_stop.isEnabled()
    c = window.controller
    with qtbot.waitSignal(c.epochEnd, timeout=10000):
        window.act_step_epoch.trigger()  # one epoch, then paused
    qtbot.waitUntil(lambda: c.state == "paused", timeout=5000)
    assert window.state_label.text() == "Paused"
    assert (
        window.act_stop.isEnabled()
        and not window.act_new.isEnabled()
        and not window.act_undo.isEnabled()
    )
    with qtbot.waitSignal(c.finished, timeout=10000):
        window.act_stop.trigger()
    assert c.state == "idle" and window.state_label.text() == "Ready"
    assert window.document.project.epochs_trained == 1 and window.act_new.isEnabled()


def test_delete_layer_from_the_edit_menu_then_undo(qtbot, opened):
    window = opened
    assert not window.act_delete.isEnabled()  # nothing selected
    window.canvas.layerSelected.emit(0)
    assert window.act_delete.isEnabled()
    window.act_delete.trigger()
    assert [s.id for s in window.document.layers] == ["dense_1"]
    assert window.act_undo.isEnabled() and "Delete" in window.act_undo.text()
    window.act_undo.trigger()
    assert [s.id for s in window.document.layers] == ["dense", "dense_1"]
    window.act_redo.trigger()
    assert len(window.document.layers) == 1


def test_export_curves_png(opened, dialogs, tmp_path):
    from PySide6.QtGui import QImage

    target = tmp_path / "curves"
    dialogs.save_paths.append(str(target))
    opened.act_export_curves.trigger()
    image = QImage(str(tmp_path / "curves.png"))
    assert not image.isNull() and image.width() > 100 and image.height() > 50


def test_help_about_and_title_follow_the_project(window, dialogs):
    window.act_about.trigger()
    assert dialogs.shown[-1][0] == "about" and "nnstudio" in dialogs.shown[-1][2]
    window.new_from_lesson("gates")
    assert window.windowTitle().endswith("[*] — nnstudio")
    assert window.document.project.title in window.windowTitle()


def _as_crashed(entry) -> None:
    """Pretend the process that wrote this autosave died without cleaning up."""
    meta = json.loads(entry.sidecar.read_text())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    meta["pid"] = proc.pid
    entry.sidecar.write_text(json.dumps(meta))


def test_unsaved_project_is_offered_back_on_start_and_declining_deletes_it(qtbot, dialogs):
    from nnstudio.gui.main_window import MainWindow

    crashed = files.Autosaver().write(xor_project("lost work"), None)
    _as_crashed(crashed)

    first = MainWindow()
    qtbot.addWidget(first)
    dialogs.answers.append(SB.Yes)
    assert first.offer_autosave_restore()
    assert first.document.project.title == "lost work" and first.document.path is None
    assert first.isWindowModified() and "lost work" in first.windowTitle()
    assert (
        first.files.autosaver.current is not None
        and first.files.autosaver.current.path == crashed.path
    )
    first.document.modified = False
    first.close()  # a clean close removes the adopted autosave
    assert not crashed.path.exists()

    again = files.Autosaver().write(xor_project("lost again"), None)
    _as_crashed(again)
    second = MainWindow()
    qtbot.addWidget(second)
    dialogs.answers.append(SB.No)
    assert not second.offer_autosave_restore()
    assert second.document.project.title != "lost again"
    assert not again.path.exists()  # declined: not offered again
    second.close()


def test_autosave_failure_is_reported_quietly(window, dialogs, xor_file, monkeypatch):
    window.open_path(xor_file)
    edit(window)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "save_project", fail)
    assert window.autosave_now() is False
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert not [
        k for k in dialogs.kinds() if k in ("critical", "warning")
    ]  # work goes on undisturbed


def test_recent_file_that_vanished_is_reported_and_dropped(window, dialogs, tmp_path):
    gone = tmp_path / "gone.nnproj"
    projmod.save(xor_project(), gone)
    window.open_path(gone)
    window.new_blank()
    gone.unlink()
    assert window.open_path(gone) is False
    assert dialogs.kinds()[-1] == "critical" and "gone.nnproj" in dialogs.shown[-1][2]
    assert str(gone.resolve()) not in window.files.recent.paths()


def test_opening_while_training_is_refused_politely(qtbot, window, dialogs, tmp_path, xor_file):
    path = tmp_path / "busy.nnproj"
    projmod.save(xor_project(epochs=100000), path)
    window.open_path(path)
    with qtbot.waitSignal(window.controller.epochEnd, timeout=10000):
        window.act_train.trigger()
    assert window.open_path(xor_file) is False
    assert dialogs.kinds()[-1] == "information"
    assert window.document.path == str(path.resolve())
    window.controller.shutdown()
    assert not window.controller.is_training


def test_delete_key_on_the_canvas_removes_exactly_one_layer(qtbot, opened):
    window = opened
    canvas = window.canvas
    centre = canvas.mapFromScene(canvas.layer_items[0].sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    canvas.setFocus()
    qtbot.keyClick(canvas.viewport(), Qt.Key.Key_Delete)
    assert [s.id for s in window.document.layers] == ["dense_1"]
    # typing Delete in a text box of the inspector edits text, never the network
    window._on_layer_selected(0)
    spin = window.inspector.page("Dense").units
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    assert [s.id for s in window.document.layers] == ["dense_1"]


def test_default_layout_for_a_projector_and_a_desk(qtbot, window):
    """1366x768: right panels and the views become tabs (nothing too narrow to read);
    1920x1080: inspector above the settings, views beside the curves. No stale tab bars."""
    from PySide6.QtWidgets import QTabBar

    def tab_groups():
        QApplication.processEvents()
        bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
        return sorted(sorted(b.tabText(i) for i in range(b.count())) for b in bars)

    window.resize(1366, 768)
    window.act_reset_layout.trigger()
    window.resize(1366, 768)
    assert window.width() <= 1366, window.minimumSizeHint()
    assert tab_groups() == sorted(
        [
            sorted(["Curves", "Network Output", "Neurons", "Confusion Matrix", "Gradients"]),
            sorted(["Training", "Summary", "Inspector"]),
            sorted(["Data", "Guided Lesson"]),  # gui/lesson_panel.py
        ]
    )
    window.resize(1920, 1080)
    window.act_reset_layout.trigger()
    assert tab_groups() == sorted(
        [
            sorted(["Network Output", "Neurons", "Confusion Matrix", "Gradients"]),
            sorted(["Training", "Summary"]),
            sorted(["Data", "Guided Lesson"]),
        ]
    )
    assert window.curves_dock.visibleRegion().isEmpty() is False
    assert window.inspector_dock.geometry().bottom() < window.training_dock.geometry().top()


def test_lessons_are_named_in_the_users_language(qapp, window, dialogs):
    """The lessons menu and a project opened from a lesson read in Korean under a Korean
    translation (titles are marked in the Qt-free examples module)."""
    from PySide6.QtCore import QLocale

    from nnstudio.gui.app import install_translators
    from nnstudio.project import examples

    installed = install_translators(
        qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    try:
        window._fill_lessons_menu()
        assert "XOR: 뉴런 하나로는 왜 안 될까" in [a.text() for a in window.lessons_menu.actions()]
        assert window.open_path(examples.path("xor"))
        assert window.document.project.title == "XOR: 뉴런 하나로는 왜 안 될까"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        window._fill_lessons_menu()


def test_save_while_paused_by_the_user_writes_the_weights_and_stays_paused(
    qtbot, window, dialogs, tmp_path
):
    """Save used to return without writing (or saying anything) when training was paused."""
    path = tmp_path / "paused.nnproj"
    projmod.save(xor_project(epochs=100000), path)
    window.open_path(path)
    c = window.controller
    with qtbot.waitSignal(c.epochEnd, timeout=10000):
        window.act_train.trigger()
    with qtbot.waitSignal(c.stateChanged, timeout=5000):
        c.pause()
    assert c.state == "paused"
    with qtbot.waitSignal(window.files.saved, timeout=5000):
        assert window.save_to(path) is True
    assert not [k for k in dialogs.kinds() if k in ("critical", "information")], dialogs.shown
    saved = projmod.load(path)
    assert saved.epochs_trained > 0 and saved.weights
    assert c.state == "paused" and not window.document.modified
    c.stop()
    qtbot.waitUntil(lambda: c.state == "idle", timeout=10000)
