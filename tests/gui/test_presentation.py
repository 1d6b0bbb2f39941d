"""For the projector: one zoom for the whole window (remembered), presentation mode, full
screen, the screen guard (the window never grows past its screen), whole tab labels, and a
confusion matrix whose class names stay whole when it is docked small."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLayout, QTabBar, QWidget

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

    assert w.canvas.max_fit_scale == pytest.approx(2 * canvas_view.MAX_FIT_SCALE)
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
    assert again.canvas.max_fit_scale == pytest.approx(canvas_view.MAX_FIT_SCALE)


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


def test_panel_texts_with_their_own_size_grow_with_the_zoom(qtbot, make_window):
    """The palette's blocks and hint and the inspector's title have their own point sizes;
    they were left at 9–12 pt at 150 %."""
    w = make_window()
    block = next(iter(w.palette.blocks.values()))
    height = block.heightForWidth(200)
    hint = w.palette.hint.font().pointSizeF()
    title = w.inspector.title.font().pointSizeF()
    progress = w.training_toolbar.findChild(QWidget, "trainingProgressLabel")
    hint_width = progress.sizeHint().width()
    w.presentation.set_zoom(150)
    assert block.heightForWidth(200) > 1.3 * height
    assert w.palette.hint.font().pointSizeF() == pytest.approx(1.5 * hint)
    assert w.inspector.title.font().pointSizeF() == pytest.approx(1.5 * title)
    assert w.inspector.title.font().bold()
    # measured again at the new size (the font change reaches it through the event loop)
    qtbot.waitUntil(lambda: progress.sizeHint().width() > 1.3 * hint_width, timeout=3000)
    w.presentation.set_zoom(100)
    assert block.heightForWidth(200) == height
    assert w.palette.hint.font().pointSizeF() == pytest.approx(hint)


def test_curves_readout_keeps_every_line_in_presentation_mode(qtbot, make_window):
    """At 1280×720 in presentation mode (150 %) the readout was cut after its first line."""
    w = make_window()
    w.resize(1280, 720)
    readout = w.curves.status
    readout.setText("epoch 100: accuracy 1, loss 0.0123, val_accuracy 0.9876, val_loss 0.1234")
    qtbot.waitUntil(lambda: readout.height() >= readout.needed_height(), timeout=3000)
    w.presentation.set_presenting(True)
    assert readout.needed_height() > readout.fontMetrics().lineSpacing() * 1.5  # two lines
    qtbot.waitUntil(lambda: readout.height() >= readout.needed_height(), timeout=3000)
    assert readout.height() >= readout.needed_height()


def test_dock_titles_are_painted_at_the_zoom(qtbot, make_window):
    """QDockWidget paints its title in the font it was made with while its own font equals
    the application's: the titles stayed at 9 pt at 150 %."""
    w = make_window()
    w.presentation.set_zoom(150)
    for dock in w.docks:
        assert dock.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
        assert dock.font() != QApplication.font("QDockWidget")  # so its own font is used


def test_toolbar_texts_are_whole_at_150_on_a_small_screen(qtbot, make_window):
    """1280×720 at 150 %: the pace was cut ("As fast as possibl") and the progress text
    ("Epoch 100/100 · batch 1/1 · …"); now the pace is whole and the progress text drops
    the batch before it would be cut."""
    w = make_window()
    w.resize(1280, 720)
    assert w.new_from_lesson("xor")
    w.presentation.set_zoom(150)
    combo, label = w.pace_combo, w.training_toolbar.progress.label
    with qtbot.waitSignal(w.controller.finished, timeout=60000):
        w.act_train.trigger()
    qtbot.waitUntil(lambda: label.text().endswith("· done"), timeout=5000)
    qtbot.waitUntil(lambda: combo.width() >= combo.sizeHint().width(), timeout=3000)
    for i in range(combo.count()):
        assert combo.fontMetrics().horizontalAdvance(combo.itemText(i)) < combo.width() - 20
    shown = label.shown()
    assert shown.endswith("· done") and "…" not in shown and shown.startswith("Epoch 100/100")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width() - 8


def test_curve_options_stack_in_a_narrow_dock(qtbot, make_window):
    """At 150 % in a narrow dock the two check boxes sat side by side and forced the curves
    panel wider than its dock (readout and plots cut at the right)."""
    w = make_window()
    w.resize(1024, 740)
    w.presentation.set_zoom(150)
    row = w.curves.show_batches.parentWidget()
    w.curves_dock.setFloating(True)  # a dock made narrow by hand
    w.curves_dock.resize(row.row_width() - 40, 400)
    qtbot.waitUntil(row.is_stacked, timeout=3000)
    qtbot.waitUntil(
        lambda: w.curves.log_loss.geometry().top() > w.curves.show_batches.geometry().bottom(),
        timeout=3000,
    )
    assert w.curves.width() <= w.curves_dock.width()


def test_high_zoom_on_a_small_screen_folds_the_side_panels_into_one_column(qtbot, make_window):
    from nnstudio.gui.main_window import NARROW_WIDTH

    w = make_window()
    assert w.files.new_from_lesson("xor")
    # as the screen guard does on a real screen (offscreen's one screen is 800 px wide): the
    # docks' minimum sizes do not widen the window
    w.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    w.setMinimumSize(0, 0)
    w.resize(1024, 768)
    w.reset_layout()
    qtbot.wait(50)
    assert w.width() == 1024
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert not w.side_panels_folded() and w.dockWidgetArea(w.training_dock) == right
    curves_before = w.curves_dock.width()
    w.presentation.set_zoom(150)  # 1024 / 1.5 = 683 px "at 100 %" < NARROW_WIDTH
    qtbot.wait(50)
    assert 1024 / 1.5 < NARROW_WIDTH and w.side_panels_folded()
    assert w.inspector_dock in w.tabifiedDockWidgets(w.data_dock)
    assert w.curves_dock.width() > 1.5 * curves_before  # the centre column takes the room
    w.canvas.select_layer(0)  # selecting a layer still brings its inspector to the front
    qtbot.waitUntil(lambda: not w.inspector_dock.visibleRegion().isEmpty(), timeout=2000)
    w.presentation.set_zoom(100)
    qtbot.wait(50)
    assert not w.side_panels_folded() and w.dockWidgetArea(w.training_dock) == right
    w.resize(1280, 720)
    w.presentation.set_zoom(150)  # 853 px "at 100 %": still room for both sides
    assert not w.side_panels_folded()


def test_show_all_views_on_a_1024_projector_uses_one_side_column(qtbot, make_window):
    w = make_window()
    assert w.files.new_from_lesson("animals")
    w.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # as the screen guard
    w.setMinimumSize(0, 0)
    for width, folds in ((1280, False), (1024, True)):
        w.resize(width, 768)
        w.reset_layout()
        qtbot.wait(50)
        w.show_all_views()
        qtbot.wait(300)  # show_all finishes its sizes on a timer
        assert w.side_panels_folded() == folds
        assert all(not dock.isFloating() and dock.isVisible() for dock in w.views.docks)
    output = w.views.docks[0]
    assert output.width() > 300  # 1024 px: three columns left the views ~190 px each
