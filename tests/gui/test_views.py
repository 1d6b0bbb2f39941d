"""The "inside the network" views (nnstudio.gui.views), driven as a student would use them."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout, QWidget

from nnstudio.engine import introspect
from nnstudio.gui.views import StudioViews
from nnstudio.gui.views import colors
from nnstudio.project import build
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


@pytest.fixture(autouse=True)
def collect_garbage():
    """Collect each test's Qt objects (controllers, views) at a quiet moment after the test,
    not in the middle of the next one while its training thread runs."""
    yield
    gc.collect()


def project(
    dataset="xor",
    params=None,
    hidden=(8,),
    activation="tanh",
    out=1,
    out_act="sigmoid",
    loss="binary_crossentropy",
    lr=0.05,
    batch=4,
    epochs=300,
    input_shape=(2,),
) -> Project:
    p = Project(
        title=dataset,
        input_shape=input_shape,
        dataset=DatasetSpec(name=dataset, params=params or {}),
        training=TrainingSpec(
            loss=loss,
            batch_size=batch,
            epochs=epochs,
            seed=1,
            optimizer={"class_name": "Adam", "config": {"learning_rate": lr}},
        ),
    )
    for units in hidden:
        p.add_layer("Dense", units=units, activation=activation)
    p.add_layer("Dense", units=out, activation=out_act)
    return p


def train_into(doc: Document, dataset, epochs: int):
    """Train the document's network headless and write the result back (as Stop would)."""
    model = build.build_model(doc.project)
    x, y, _, _ = build.prepare_data(doc.project, dataset)
    model.fit(x, y, batch_size=doc.project.training.batch_size, epochs=epochs, verbose=0)
    build.capture(doc, model)
    return model


def make_views(qtbot, doc, dataset, controller=None, undo_stack=None):
    views = StudioViews(doc, undo_stack, controller)
    views.mirror.set_dataset(dataset)
    # keep the views (and so their widgets) alive until pytest-qt has closed the widgets
    qtbot.kept_views = getattr(qtbot, "kept_views", []) + [views]
    return views


def show(qtbot, widget, w=900, h=520):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def side_by_side(qtbot, *widgets, w=1300, h=560):
    box = QWidget()
    layout = QHBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget, 1)
    return show(qtbot, box, w, h)


def test_decision_map_colours_match_predict_for_trained_xor(qtbot):
    doc = Document(project("xor-scatter", epochs=60, batch=16))
    ds = build.build_dataset(doc.project)
    model = train_into(doc, ds, 60)
    views = make_views(qtbot, doc, ds)
    show(qtbot, views.output_switch)
    view = views.decision_map
    view.refresh()
    assert view.showing
    xs, ys = view.grid
    _, _, pts = introspect.grid_points((xs[0], xs[-1]), (ys[0], ys[-1]), len(xs))
    expected = colors.blend_classes(model.predict(pts, verbose=0).reshape(len(ys), len(xs), -1))
    np.testing.assert_array_equal(view.last_rgb, expected)
    np.testing.assert_array_equal(view.image.image, expected)  # what pyqtgraph draws
    # the trained XOR: (−1,−1) and (1,1) one class, (−1,1) and (1,−1) the other, each confidently
    probs = model.predict(
        np.array([[-0.8, -0.8], [0.8, 0.8], [-0.8, 0.8], [0.8, -0.8]], np.float32), verbose=0
    )
    cls = (probs[:, 0] > 0.5).astype(int)
    assert cls[0] == cls[1] != cls[2] == cls[3]
    for (px, py), k in zip([(-0.8, -0.8), (0.8, 0.8), (-0.8, 0.8), (0.8, -0.8)], cls):
        j, i = int(np.abs(xs - px).argmin()), int(np.abs(ys - py).argmin())
        colour = view.last_rgb[i, j].astype(float)
        target = np.array(colors.class_color(k), float)
        other = np.array(colors.class_color(1 - k), float)
        assert np.linalg.norm(colour - target) < np.linalg.norm(colour - other)
    # one small map per hidden neuron: 8 tanh units of the first layer, values as computed by hand
    assert len(view.neuron_maps) == 1 and view.neuron_maps[0].shape[-1] == 8
    assert len(view.neurons.layers[0][1]) == 8


def test_editing_a_weight_by_hand_changes_predict_and_undo_restores(qtbot, monkeypatch):
    from PySide6.QtGui import QUndoStack

    undo = QUndoStack()
    doc = Document(project("xor", hidden=(3,)))
    ds = build.build_dataset(doc.project)
    train_into(doc, ds, 20)
    views = make_views(qtbot, doc, ds, undo_stack=undo)
    show(qtbot, views.neuron_switch, 700, 450)
    view = views.neurons
    view.refresh()
    assert view.showing and len(view.edges) == 2 * 3 + 3 * 1
    x = ds.x_train
    before = build.build_model(doc.project).predict(x, verbose=0)
    state_before = doc.project.optimizer_state

    edge = next(
        e
        for e in view.edges
        if e.key.endswith("/kernel") and e.key.startswith(doc.project.layers[1].id)
    )
    pos = None
    for t in np.linspace(0.3, 0.7, 9):  # a point of the line no other line crosses
        p = view.view.mapFromScene(edge.line().pointAt(float(t)))
        if view.view.item_at(p) is edge:
            pos = p
            break
    assert pos is not None
    monkeypatch.setattr(view, "ask_value", lambda title, label, value: (7.5, True))
    with qtbot.waitSignal(view.weightEdited, timeout=2000):
        QTest.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert doc.project.weights[edge.key][edge.i, edge.j] == pytest.approx(7.5)
    assert doc.project.optimizer_state is state_before  # Adam's moments are kept
    after = build.build_model(doc.project).predict(x, verbose=0)
    assert not np.allclose(before, after)
    # the views follow the document: the mirror's model predicts what a fresh build predicts
    np.testing.assert_allclose(views.mirror.model.predict(x, verbose=0), after, rtol=1e-6)
    assert "7.5000" in edge.toolTip()
    # hovering a neuron: its incoming weights, its bias and its output for the chosen sample
    hidden = view.nodes[1][1]
    kernel = doc.project.weights[f"{doc.project.layers[0].id}/kernel"][:, 1]
    bias = doc.project.weights[f"{doc.project.layers[0].id}/bias"][1]
    out = np.tanh(
        ds.x_train[0] @ doc.project.weights[f"{doc.project.layers[0].id}/kernel"]
        + doc.project.weights[f"{doc.project.layers[0].id}/bias"]
    )[1]
    tip = hidden.toolTip()
    assert f"bias: {bias:.4f}" in tip and f"{kernel[0]:+.4f}" in tip and f"{kernel[1]:+.4f}" in tip
    assert f"output for sample 1: {out:.4f}" in tip

    # a neuron's bias, by clicking its circle
    node = view.nodes[1][0]
    monkeypatch.setattr(view, "ask_value", lambda title, label, value: (-2.0, True))
    with qtbot.waitSignal(view.weightEdited, timeout=2000):
        QTest.mouseClick(
            view.view.viewport(), Qt.MouseButton.LeftButton, pos=view.view.mapFromScene(node.center)
        )
    assert doc.project.weights[f"{doc.project.layers[0].id}/bias"][0] == pytest.approx(-2.0)

    undo.undo()
    undo.undo()
    np.testing.assert_allclose(
        build.build_model(doc.project).predict(x, verbose=0), before, rtol=1e-6
    )

    # a changed network: the view redraws itself for the new shape
    doc.update_layer(0, units=5)
    view.refresh()
    assert len(view.edges) == 2 * 5 + 5 * 1 and len(view.nodes[1]) == 5
    gc.collect()

    # locked while training: the click is refused and nothing changes
    class Training:
        is_training = True

    views.mirror.controller = Training()
    monkeypatch.setattr(view, "ask_value", lambda *a: pytest.fail("no dialog while training"))
    weights = {k: v.copy() for k, v in views.mirror.model.weight_dict().items()}
    edge = view.edges[0]
    with qtbot.waitSignal(view.editRefused, timeout=2000):
        view._on_clicked(edge)
    assert doc.project.weights is None  # the changed network has no trained weights yet
    assert all(np.array_equal(weights[k], v) for k, v in views.mirror.model.weight_dict().items())


def test_dead_unit_share_on_a_relu_layer_with_large_negative_biases(qtbot):
    doc = Document(project("xor-scatter", hidden=(8, 4), activation="relu", batch=32))
    ds = build.build_dataset(doc.project)
    model = build.build_model(doc.project)
    w = model.weight_dict()
    first, second = doc.project.layers[0].id, doc.project.layers[1].id
    w[f"{first}/bias"][:5] = -100.0  # inputs lie within ±2: these 5 of 8 units never fire
    w[f"{second}/bias"][:] = -100.0  # all 4 units of the second layer never fire
    doc.set_weights(w)
    views = make_views(qtbot, doc, ds)
    view = show(qtbot, views.health)
    view.refresh()
    assert view.showing
    assert view.last_dead == {first: pytest.approx(5 / 8), second: pytest.approx(1.0)}
    assert set(view.last_norms) == {first, second, doc.project.layers[2].id}
    assert view.dead_series[first][1] == [pytest.approx(5 / 8)]


def test_regression_curve_is_the_networks_output(qtbot, screenshot):
    doc = Document(
        project(
            "sine",
            input_shape=(1,),
            hidden=(16,),
            out=1,
            out_act="linear",
            loss="mse",
            lr=0.01,
            batch=16,
        )
    )
    ds = build.build_dataset(doc.project)
    model = train_into(doc, ds, 30)
    views = make_views(qtbot, doc, ds)
    show(qtbot, views.output_switch)
    assert views.output_switch.choose() is views.regression
    views.regression.refresh()
    x, y = views.regression.curve_xy
    assert x.min() < ds.x_train.min() and x.max() > ds.x_train.max()
    np.testing.assert_allclose(
        y, model.predict(x[:, None].astype(np.float32), verbose=0)[:, 0], rtol=1e-5
    )
    assert "two inputs" in views.decision_map.problem()
    screenshot(views.output_switch, "views-sine-curve")


def test_views_follow_live_training_at_a_bounded_rate_and_hidden_views_do_nothing(
    qtbot, screenshot
):
    from nnstudio.gui import files
    from nnstudio.gui.training.controller import TrainingController
    from nnstudio.paths import EXAMPLES

    doc = Document(files.load_project(str(EXAMPLES / "xor.nnproj")))
    doc.set_training(epochs=1_000_000)  # runs until paused and shut down
    c = TrainingController(doc)
    views = make_views(qtbot, doc, c.dataset(), controller=c)
    box = side_by_side(qtbot, views.output_switch, views.neuron_switch)
    views.health.hide()  # never shown: must cost nothing
    assert views.output_switch.currentWidget() is views.decision_map
    assert views.neuron_switch.currentWidget() is views.neurons
    start = views.decision_map.redraws
    try:
        assert c.start()
        qtbot.waitUntil(lambda: views.mirror.iteration >= 1500, timeout=30000)
        qtbot.waitUntil(lambda: views.decision_map.redraws >= start + 3, timeout=30000)
        with qtbot.waitSignal(
            c.stateChanged, check_params_cb=lambda s: s == "paused", timeout=10000
        ):
            c.pause()
        qtbot.waitUntil(lambda: not views.decision_map._stale, timeout=5000)
        # the map shows the newest snapshot, which is what the worker's model holds while paused
        views.decision_map.refresh()
        xs, ys = views.decision_map.grid
        _, _, pts = introspect.grid_points((xs[0], xs[-1]), (ys[0], ys[-1]), len(xs))
        expected = colors.blend_classes(
            c.model.predict(pts, verbose=0).reshape(len(ys), len(xs), -1)
        )
        assert np.abs(views.decision_map.last_rgb.astype(int) - expected.astype(int)).max() <= 1
        assert "ocked" in views.neurons.title_label.text()
        screenshot(box, "views-xor-mid-training")
    finally:
        assert c.shutdown(3000)
    assert views.health.redraws == 0 and views.digits.redraws == 0 and views.confusion.redraws == 0


def test_spirals_mid_training_screenshot(qtbot, screenshot):
    from nnstudio.gui.training.controller import TrainingController

    doc = Document(
        project(
            "spirals",
            hidden=(16, 16),
            activation="relu",
            out=3,
            out_act="softmax",
            loss="sparse_categorical_crossentropy",
            lr=0.01,
            batch=16,
            epochs=100_000,
        )
    )
    c = TrainingController(doc)
    views = make_views(qtbot, doc, c.dataset(), controller=c)
    box = side_by_side(qtbot, views.output_switch, views.neuron_switch, w=1400, h=640)
    health = show(qtbot, views.health, 700, 450)  # visible while training: records its curves
    try:
        assert c.start()
        qtbot.waitUntil(lambda: views.mirror.iteration >= 1500, timeout=60000)
        qtbot.waitUntil(lambda: health.redraws >= 2, timeout=20000)  # points on its curves
        with qtbot.waitSignal(
            c.stateChanged, check_params_cb=lambda s: s == "paused", timeout=10000
        ):
            c.pause()
        views.decision_map.refresh()
        views.neurons.refresh()
        assert views.decision_map.showing and views.neurons.showing
        assert [m.shape[-1] for m in views.decision_map.neuron_maps] == [16, 16]
        screenshot(box, "views-spirals-mid-training")
        health.refresh()
        assert health.redraws >= 3 and len(health.grad_series[doc.project.layers[0].id][0]) >= 2
        screenshot(health, "views-spirals-gradients")
    finally:
        assert c.shutdown(3000)


def test_mnist_digit_grid_confusion_matrix_and_first_layer(
    qtbot, screenshot, tmp_path, monkeypatch
):
    doc = Document(
        project(
            "mnist-5k",
            input_shape=(784,),
            hidden=(64,),
            activation="relu",
            out=10,
            out_act="softmax",
            loss="sparse_categorical_crossentropy",
            lr=0.001,
            batch=64,
        )
    )
    ds = build.build_dataset(doc.project)
    model = train_into(doc, ds, 2)
    views = make_views(qtbot, doc, ds)
    box = side_by_side(qtbot, views.output_switch, views.confusion, w=1400, h=620)
    assert views.output_switch.currentWidget() is views.digits
    views.digits.refresh()
    views.confusion.refresh()
    pred = model.predict(ds.x_test, verbose=0).argmax(axis=1)
    m = views.confusion.matrix
    assert m.sum() == len(ds.y_test) == 1000
    np.testing.assert_array_equal(m, introspect.confusion_matrix(ds.y_test, pred, 10))
    assert 0.6 < np.trace(m) / m.sum() < 1.0  # trained, and some mistakes to show
    # the grid: labels are the predictions; "misclassified first" puts every wrong one first
    assert [t[2] for t in views.digits.tiles] == pred[: len(views.digits.tiles)].tolist()
    screenshot(views.output_switch, "views-mnist-digits")
    views.digits.wrong_first.setChecked(True)
    views.digits.refresh()
    wrong = int((pred != ds.y_test).sum())
    first = views.digits.tiles[: min(wrong, len(views.digits.tiles))]
    assert first and all(pred_ != true for _, _, pred_, true in first)
    screenshot(box, "views-mnist-digits-confusion")
    show(qtbot, views.neuron_switch, 800, 520)
    assert views.neuron_switch.currentWidget() is views.first_layer
    views.first_layer.refresh()
    assert len(views.first_layer.images) == 64
    assert "784 inputs" in views.neurons.problem()
    screenshot(views.neuron_switch, "views-mnist-first-layer")
    path = views.confusion.export_png(tmp_path / "cm.png")
    assert path.exists() and path.stat().st_size > 2000
    # the right-click menu's "Export as PNG…" (the file dialog answered by the test)
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "digits"  # no suffix typed: .png is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert views.digits.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert views.digits.export_action in views.digits.actions()
    views.digits.export_action.trigger()
    png = target.with_suffix(".png")
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_regression_on_a_plane_uses_the_diverging_scale(qtbot):
    doc = Document(
        project("plane", hidden=(8,), out=1, out_act="linear", loss="mse", lr=0.01, batch=16)
    )
    ds = build.build_dataset(doc.project)
    model = train_into(doc, ds, 20)
    views = make_views(qtbot, doc, ds)
    show(qtbot, views.output_switch)
    view = views.decision_map
    view.refresh()
    assert view.showing
    xs, ys = view.grid
    _, _, pts = introspect.grid_points((xs[0], xs[-1]), (ys[0], ys[-1]), len(xs))
    out = model.predict(pts, verbose=0)[:, 0].reshape(len(ys), len(xs))
    lo, hi = (
        float(min(ds.y_train.min(), ds.y_test.min())),
        float(max(ds.y_train.max(), ds.y_test.max())),
    )
    np.testing.assert_array_equal(view.last_rgb, colors.diverging(out, lo, hi))
    # the highest output is the bluest pixel, the lowest the most vermillion one
    i, j = np.unravel_index(out.argmax(), out.shape)
    assert view.last_rgb[i, j, 2] >= view.last_rgb[i, j, 0]
    assert "regression" in views.confusion.problem()


def test_while_training_a_big_network_sees_only_the_first_test_samples(qtbot):
    doc = Document(
        project(
            "mnist-5k",
            input_shape=(784,),
            hidden=(512,),
            activation="relu",
            out=10,
            out_act="softmax",
            loss="sparse_categorical_crossentropy",
            lr=0.001,
            batch=64,
        )
    )
    ds = build.build_dataset(doc.project)

    class Training:
        is_training = True

    views = make_views(qtbot, doc, ds)
    views.mirror.controller = Training()
    show(qtbot, views.confusion, 500, 400)
    views.confusion.refresh()
    n = int(views.confusion.matrix.sum())
    assert 64 <= n < len(ds.y_test)  # 407k weights: a few hundred rows per redraw
    assert f"first {n} of 1000" in views.confusion.title_label.toolTip()
    views.mirror.controller = None  # training over: the whole test set again
    views.mirror.version += 1
    views.mirror._cache.clear()
    views.confusion.refresh()
    assert views.confusion.matrix.sum() == len(ds.y_test)


def test_a_caption_held_back_while_training_is_shown_when_its_turn_comes(qtbot, monkeypatch):
    """While training, captions change at most every CAPTION_INTERVAL (a new text re-lays out
    the window); the newest one must still appear, not stay behind its drawing (a paused
    confusion matrix said 50% over a 100% matrix)."""
    from nnstudio.gui.training.controller import TrainingController
    from nnstudio.gui.views import base
    from nnstudio.gui.views.mirror import ModelMirror

    monkeypatch.setattr(base, "CAPTION_INTERVAL", 0.3)
    doc = Document(project("xor"))
    views = make_views(qtbot, doc, TrainingController(doc).dataset())
    view = show(qtbot, views.confusion)
    qtbot.waitUntil(lambda: view.redraws >= 1)
    qtbot.wait(
        400
    )  # its own caption is up (and CAPTION_INTERVAL over); nothing redraws it from here on
    monkeypatch.setattr(ModelMirror, "is_training", property(lambda self: True))
    view.set_caption("first")
    view.set_caption("second")  # too soon: held back
    assert view.title_label.text() == "first"
    qtbot.waitUntil(lambda: view.title_label.text() == "second", timeout=3000)


def test_gradient_sizes_come_from_training_ten_times_a_second(qtbot):
    """While training runs, the gradient curves get the training thread's own per-batch gradient
    sizes with its progress signals (many more points than the view redraws), as a running
    root mean square that includes the training model's newest batch; at rest the view measures
    them itself."""
    from nnstudio.engine import introspect
    from nnstudio.gui.training.controller import TrainingController
    from nnstudio.gui.views.health_curves import STREAM_SMOOTHING

    doc = Document(
        project(
            "spirals",
            hidden=(16, 16),
            activation="tanh",
            out=3,
            out_act="softmax",
            loss="sparse_categorical_crossentropy",
            lr=0.01,
            batch=16,
            epochs=100_000,
        )
    )
    c = TrainingController(doc)
    views = make_views(qtbot, doc, c.dataset(), controller=c)
    health = show(qtbot, views.health, 700, 450)
    first = doc.project.layers[0].id
    try:
        assert c.start()
        qtbot.waitUntil(
            lambda: len(health.grad_series.get(first, ([], []))[0]) >= 12, timeout=30000
        )
        assert len(health.grad_series[first][0]) > health.redraws  # streamed, not only redrawn
        with qtbot.waitSignal(
            c.stateChanged, check_params_cb=lambda s: s == "paused", timeout=10000
        ):
            c.pause()
        qtbot.wait(200)  # the last batchEnd (sent when pausing) has arrived
        expected = introspect.gradient_norms(c.model)  # the training model, its last batch
        for name, value in expected.items():  # the newest report is in the running mean square
            assert health._mean_squares[name] > 0
            assert 10 ** health.grad_series[name][1][-1] == pytest.approx(
                np.sqrt(health._mean_squares[name])
            )
            assert health._mean_squares[name] >= STREAM_SMOOTHING * value**2 * (1 - 1e-4)
        xs = health.grad_series[first][0]
        assert (
            xs == sorted(xs)
            and xs[-1] == views.mirror.run_start_iteration + c.last_progress.iteration
        )
    finally:
        assert c.shutdown(3000)
