"""The data panel with real widgets: pick each kind of data set, change parameters (one undo
step), undo, follow the document, cache, screenshots."""

from __future__ import annotations

import numpy as np
import pytest

import nnstudio.data as data
from nnstudio.gui.commands import SetDatasetCommand
from nnstudio.gui.panels.data_panel import DataPanel, LabelColumnDialog
from nnstudio.gui.panels.data_preview import CLASS_COLORS, summary_text
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project


@pytest.fixture
def xor_doc() -> Document:
    return Document(Project(title="t", input_shape=(2,), dataset=DatasetSpec(name="xor")))


@pytest.fixture
def panel(qtbot, xor_doc, undo_stack):
    p = DataPanel(xor_doc, undo_stack)
    qtbot.addWidget(p)
    p.resize(420, 600)
    p.show()
    yield p
    p.shutdown()


def pick(qtbot, panel, name, timeout=10_000):
    """Choose ``name`` in the list like a user; wait until its data set is shown."""
    with qtbot.waitSignal(panel.datasetLoaded, timeout=timeout) as blocker:
        panel.combo.setCurrentIndex(panel._combo_index(name))
    return blocker.args[0]


def test_list_has_every_dataset_grouped_with_titles(panel):
    model = panel.combo.model()
    names = [model.item(r).data(256) for r in range(model.rowCount())]
    assert [n for n in names if n] == sorted(data.DATASETS, key=lambda n: names.index(n))
    assert set(n for n in names if n) == set(data.DATASETS)
    headers = [model.item(r).text() for r in range(model.rowCount()) if names[r] is None]
    assert headers == ["Logic gates & tables", "2-D classification", "Regression", "Images"]
    titles = [model.item(r).text().strip() for r in range(model.rowCount()) if names[r]]
    assert "Spirals" in titles and "XOR gate" in titles


def test_opens_on_the_document_dataset_without_pushing(panel, undo_stack, xor_doc):
    assert undo_stack.count() == 0
    ds = panel.current_dataset()
    assert ds is not None and ds.name == "xor"
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.preview.kind == "table"
    assert panel.description.text() == data.DATASETS["xor"].description


def test_xor_table(qtbot, panel, xor_doc, undo_stack):
    pick(qtbot, panel, "animals")
    ds = pick(qtbot, panel, "xor")
    assert xor_doc.project.dataset == DatasetSpec(
        name="xor", params=dict(data.DATASETS["xor"].params)
    )
    assert xor_doc.project.input_shape == (2,)
    table = panel.preview.table
    assert panel.preview.kind == "table"
    assert table.rowCount() == ds.n_train + ds.n_test == 8
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["x1", "x2", "class", "split"]
    rows = {
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(4)
    }
    assert rows == {("0", "0", "0"), ("0", "1", "1"), ("1", "0", "1"), ("1", "1", "0")}
    assert panel.summary.text() == "4 train / 4 test · 2 features · 2 classes"
    # only the parameters xor has
    assert set(panel._param_widgets) == set(data.DATASETS["xor"].params)
    assert undo_stack.count() == 2


def test_animals_table_names_features_and_classes(qtbot, panel):
    pick(qtbot, panel, "animals")
    table = panel.preview.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:2] == ["fur", "wings"]
    labels = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert labels == {"other", "mammal", "bird"}


def test_spirals_scatter(qtbot, panel, xor_doc, undo_stack):
    ds = pick(qtbot, panel, "spirals")
    params = dict(data.DATASETS["spirals"].params)
    assert xor_doc.project.dataset == DatasetSpec(name="spirals", params=params)
    assert xor_doc.project.input_shape == (2,)
    assert panel.preview.kind == "2d"
    assert panel.preview.point_count() == ds.n_train + ds.n_test == params["n_samples"]
    assert panel.preview.filled_count() == ds.n_train
    # one filled colour per class from the colour-blind-safe palette, test points hollow
    filled = [it for it in panel.preview._items if it.zValue() == 1]
    assert [it.opts["brush"].color().name() for it in filled] == [
        c.lower() for c in CLASS_COLORS[: ds.num_classes]
    ]
    hollow = [it for it in panel.preview._items if it.zValue() == 2]
    assert all(it.opts["brush"].color().alpha() == 0 for it in hollow)
    assert panel.preview.legend_texts() == list(ds.class_names) + ["test (hollow)"]
    assert panel.summary.text() == summary_text(ds)
    assert set(panel._param_widgets) == set(params)
    assert undo_stack.count() == 1 and undo_stack.text(0) == "Use data set spirals"


def test_sine_regression(qtbot, panel, xor_doc):
    ds = pick(qtbot, panel, "sine")
    assert xor_doc.project.dataset.name == "sine"
    assert xor_doc.project.input_shape == (1,)
    assert panel.preview.kind == "1d"
    assert (
        panel.preview.point_count()
        == ds.n_train + ds.n_test
        == data.DATASETS["sine"].params["n_samples"]
    )
    xs = np.concatenate([it.data["x"] for it in panel.preview._items])
    assert np.allclose(np.sort(xs), np.sort(np.concatenate([ds.x_train[:, 0], ds.x_test[:, 0]])))
    assert "regression" in panel.summary.text()
    assert [(g, t) for g, _, t in panel.preview._legend_entries] == [("●", "train"), ("○", "test")]


def test_mnist5k_image_grid(qtbot, panel, xor_doc, screenshot):
    ds = pick(qtbot, panel, "mnist-5k")
    assert xor_doc.project.dataset == DatasetSpec(name="mnist-5k", params={})
    assert xor_doc.project.input_shape == (784,)
    assert panel.preview.kind == "image"
    assert panel.preview.image_count() == 32
    assert panel.preview.images.captions() == [str(int(c)) for c in ds.y_train[:32]]
    assert panel.summary.text() == "4,000 train / 1,000 test · 784 features · 10 classes"
    screenshot(panel, "data_panel_mnist5k")


def test_parameter_edits_are_one_undo_step_and_undo_restores(qtbot, panel, xor_doc, undo_stack):
    pick(qtbot, panel, "spirals")
    assert undo_stack.count() == 1
    n = panel.param_widget("n_samples")
    noise = panel.param_widget("noise")
    with qtbot.waitSignal(panel.datasetLoaded, timeout=5000):
        n.setValue(500)
        noise.setValue(0.35)
    assert undo_stack.count() == 2
    assert xor_doc.project.dataset.params["n_samples"] == 500
    assert xor_doc.project.dataset.params["noise"] == pytest.approx(0.35)
    assert panel.preview.point_count() == 500

    with qtbot.waitSignal(panel.datasetLoaded, timeout=5000):
        undo_stack.undo()
    assert xor_doc.project.dataset.params["n_samples"] == 300
    assert n.value() == 300 and noise.value() == pytest.approx(0.2)
    assert panel.preview.point_count() == 300
    assert (
        undo_stack.count() == 2 and undo_stack.index() == 1
    )  # following the document pushed nothing

    undo_stack.undo()
    assert xor_doc.project.dataset.name == "xor" and xor_doc.project.input_shape == (2,)
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.preview.kind == "table"
    undo_stack.redo()
    undo_stack.redo()
    assert panel.preview.point_count() == 500 and panel.param_widget("n_samples").value() == 500
    assert undo_stack.count() == 2


def test_reselecting_is_served_from_the_cache(qtbot, panel):
    first = pick(qtbot, panel, "moons")
    pick(qtbot, panel, "xor")
    again = pick(qtbot, panel, "moons")
    assert again is first


def test_follows_document_changes_from_elsewhere(qtbot, panel, xor_doc, undo_stack):
    with qtbot.waitSignal(panel.datasetLoaded):
        undo_stack.push(
            SetDatasetCommand(xor_doc, DatasetSpec(name="blobs", params={"classes": 4}), (2,))
        )
    assert panel.combo.currentText().strip() == "Blobs"
    assert panel.param_widget("classes").value() == 4
    assert panel.current_dataset().num_classes == 4
    assert undo_stack.count() == 1
    # a whole new project (File > Open)
    with qtbot.waitSignal(panel.datasetLoaded):
        xor_doc.replace_project(
            Project(dataset=DatasetSpec(name="circles", params={"n_samples": 100}))
        )
    assert panel.combo.currentText().strip() == "Circles"
    assert panel.preview.point_count() == 100
    assert undo_stack.count() == 1


def test_unknown_document_dataset_is_explained_not_raised(qtbot, undo_stack):
    doc = Document(Project(dataset=DatasetSpec(name="imagenet")))
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    assert p.current_dataset() is None
    assert p.preview.kind == "message" and "imagenet" in p.preview.message.text()


def test_label_column_dialog_defaults_to_the_last_column(qtbot):
    dialog = LabelColumnDialog("iris.csv", ["sepal", "petal", "species"])
    qtbot.addWidget(dialog)
    assert dialog.column() == "species"
    dialog.list.setCurrentRow(0)
    assert dialog.column() == "sepal"


def test_screenshots_spirals_and_xor(qtbot, panel, screenshot):
    pick(qtbot, panel, "spirals")
    screenshot(panel, "data_panel_spirals")
    pick(qtbot, panel, "animals")
    pick(qtbot, panel, "xor")
    screenshot(panel, "data_panel_xor")


def test_preview_repaints_do_not_drain_true_and_false(qtbot, panel):
    """PySide6 6.12.0 on CPython 3.11 lost references to True/False on every pyqtgraph repaint
    until Python aborted (bool_dealloc); either the binding does not leak or nnstudio.gui's
    guard has made the count unreachable."""
    import sys

    import nnstudio.gui  # noqa: F401

    pick(qtbot, panel, "spirals")
    viewport = panel.preview.plot.viewport()
    before = sys.getrefcount(True)
    for _ in range(50):
        viewport.repaint()
    lost = before - sys.getrefcount(True)
    assert lost < 200 or sys.getrefcount(True) > 1 << 39


def test_locked_while_training_drops_pending_edits(qtbot, panel, xor_doc, undo_stack):
    pick(qtbot, panel, "spirals")
    panel.param_widget("n_samples").setValue(900)  # pending (debounced)
    panel.set_locked(True)
    assert not panel.combo.isEnabled() and not panel.open_button.isEnabled()
    assert not panel.params_box.isEnabled()
    assert panel.param_widget("n_samples").value() == 300  # shows the document again
    assert not panel._debounce.isActive()  # the pending edit will never be applied
    assert undo_stack.count() == 1 and xor_doc.project.dataset.params["n_samples"] == 300
    panel.set_locked(False)
    assert panel.combo.isEnabled() and panel.params_box.isEnabled()


def test_one_undo_step_per_edit_burst(qtbot, panel, undo_stack):
    pick(qtbot, panel, "moons")
    box = panel.param_widget("n_samples")
    with qtbot.waitSignal(panel.datasetLoaded, timeout=5000):
        for _ in range(5):
            box.stepUp()  # five clicks on the arrow
    assert undo_stack.count() == 2
    assert panel.document.project.dataset.params["n_samples"] == 400 + 5 * 50


def test_deleting_the_panel_mid_load_joins_the_loader(qtbot, xor_doc, undo_stack):
    from PySide6.QtCore import QCoreApplication, QEvent

    p = DataPanel(xor_doc, undo_stack)
    p.combo.setCurrentIndex(p._combo_index("mnist-5k"))  # loads in a worker thread
    job = next(iter(p._jobs))
    thread = job._thread
    assert thread.isRunning() or job.running
    p.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not thread.isRunning()
    xor_doc.emit("dataset")  # the deleted panel no longer listens


def test_download_size_is_read_from_the_data_module():
    from nnstudio.gui.panels.data_panel import download_size

    assert 11_000_000 < download_size("mnist") < 12_000_000  # the four .gz files of MNIST
    assert 30_000_000 < download_size("fashion-mnist") < 31_000_000
    assert download_size("xor") is None


def test_locking_abandons_a_change_still_loading(qtbot, panel, xor_doc, undo_stack):
    panel.combo.setCurrentIndex(panel._combo_index("mnist-5k"))  # loads in a worker thread
    assert panel._jobs
    panel.set_locked(True)
    assert panel.combo.currentText().strip() == "XOR gate" and panel.preview.kind == "table"
    qtbot.waitUntil(lambda: not panel._jobs, timeout=10_000)
    assert undo_stack.count() == 0 and xor_doc.project.dataset.name == "xor"
    assert panel.current_dataset().name == "xor" and panel.preview.kind == "table"


def test_class_colours_match_the_other_views():
    from PySide6.QtGui import QColor

    colors = pytest.importorskip("nnstudio.gui.views.colors")
    assert [QColor(c).getRgb()[:3] for c in CLASS_COLORS] == [tuple(c) for c in colors.CLASS_COLORS]


def test_a_setting_the_dataset_does_not_take_is_explained_and_fixable(qtbot, undo_stack):
    doc = Document(
        Project(input_shape=(2,), dataset=DatasetSpec(name="xor", params={"n_samples": 200}))
    )
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    assert p.current_dataset() is None and p.preview.kind == "message"
    assert "n_samples" in p.preview.message.text()
    assert set(p._param_widgets) == set(data.DATASETS["xor"].params)  # no box for n_samples
    with qtbot.waitSignal(p.datasetLoaded, timeout=5000):
        p.param_widget("seed").setValue(1)
    assert doc.project.dataset.params == {"repeats": 1, "noise": 0.0, "seed": 1}
    assert p.preview.kind == "table"


def test_dataset_titles_descriptions_and_class_names_in_korean(qtbot, qapp, xor_doc, undo_stack):
    """Titles and descriptions live in the Qt-free data catalog (marked for translation there);
    a Korean student reads them in Korean."""
    from PySide6.QtCore import QLocale

    from nnstudio.gui.app import install_translators

    installed = install_translators(
        qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    try:
        p = DataPanel(xor_doc, undo_stack)
        qtbot.addWidget(p)
        model = p.combo.model()
        titles = [
            model.item(r).text().strip() for r in range(model.rowCount()) if model.item(r).data(256)
        ]
        assert "XOR 게이트" in titles and "나선" in titles
        assert "은닉층" in p.description.text()
        pick(qtbot, p, "animals")  # class and feature names too
        table = p.preview.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers[:2] == ["털", "날개"]
        assert {table.item(r, 2).text() for r in range(table.rowCount())} == {
            "기타",
            "포유류",
            "조류",
        }
        p.shutdown()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
