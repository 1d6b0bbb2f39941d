"""nnstudio.engine.introspect: the numbers behind the studio's views."""

import numpy as np
import pytest

from nnstudio.engine import Sequential, introspect, set_random_seed
from nnstudio.engine.layers import Activation, Dense, Dropout, Input


def _xor_model(seed=0):
    set_random_seed(seed)
    model = Sequential([Input((2,)), Dense(4, activation="tanh"), Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.build()
    return model


def test_decision_grid_matches_predict_point_by_point():
    model = _xor_model()
    xs, ys, out = introspect.decision_grid(model, (-1, 2), (0, 3), resolution=7)
    assert xs.shape == (7,) and ys.shape == (7,) and out.shape == (7, 7, 1)
    assert xs[0] == -1 and xs[-1] == 2 and ys[0] == 0 and ys[-1] == 3
    for i, j in [(0, 0), (2, 5), (6, 1), (6, 6)]:
        expected = model.predict(np.array([[xs[j], ys[i]]]), verbose=0)[0]
        np.testing.assert_allclose(out[i, j], expected, rtol=1e-5, atol=1e-6)


def test_grid_resolution_checked():
    with pytest.raises(ValueError, match="resolution"):
        introspect.grid_points((0, 1), (0, 1), 1)


def test_unit_groups_take_the_activation_after_a_linear_dense():
    set_random_seed(1)
    model = Sequential(
        [Input((2,)), Dense(3), Activation("relu"), Dropout(0.5), Dense(2), Activation("softmax")]
    )
    model.build()
    assert introspect.unit_groups(model) == [(0, 2), (3, 4)]
    x = np.random.default_rng(0).normal(size=(5, 2)).astype(np.float32)
    hidden, out = introspect.unit_outputs(model, x)
    assert hidden.shape == (5, 3) and (hidden >= 0).all()  # after the ReLU
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)  # after the softmax
    np.testing.assert_allclose(out, model.predict(x, verbose=0), rtol=1e-6)


def test_hidden_grid_per_neuron_maps():
    model = _xor_model()
    xs, ys, maps = introspect.hidden_grid(model, (0, 1), (0, 1), resolution=5)
    assert len(maps) == 1 and maps[0].shape == (5, 5, 4)
    kernel, bias = model.layers[0].params["kernel"], model.layers[0].params["bias"]
    expected = np.tanh(np.array([xs[3], ys[1]]) @ kernel + bias)
    np.testing.assert_allclose(maps[0][1, 3], expected, rtol=1e-5, atol=1e-6)
    _, _, capped = introspect.hidden_grid(model, (0, 1), (0, 1), resolution=3, max_units=2)
    assert capped[0].shape == (3, 3, 2)


def test_predicted_classes_argmax_and_threshold():
    assert introspect.predicted_classes(np.array([[0.2], [0.7], [0.5]])).tolist() == [0, 1, 0]
    assert introspect.predicted_classes(np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])).tolist() == [
        1,
        0,
    ]


def test_confusion_matrix_counts():
    cm = introspect.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert cm.sum() == 6 and cm.dtype == np.int64
    with pytest.raises(ValueError, match="0..1"):
        introspect.confusion_matrix([0, 2], [0, 1], 2)
    with pytest.raises(ValueError, match="same number"):
        introspect.confusion_matrix([0, 1], [0], 2)


def test_dead_unit_share_on_a_layer_built_to_have_dead_units():
    set_random_seed(2)
    model = Sequential(
        [Input((2,)), Dense(8, activation="relu"), Dense(4), Activation("relu"), Dense(1)]
    )
    model.build()
    x = np.random.default_rng(3).uniform(-1, 1, size=(200, 2)).astype(np.float32)
    w = model.weight_dict()
    w["dense/kernel"][:] = 0.1
    w["dense/bias"][:] = 1.0
    w["dense/bias"][:3] = -100.0  # 3 of 8 units can never fire on inputs in [-1, 1]
    w["dense_1/kernel"][:] = 0.0
    w["dense_1/bias"][:] = [-1.0, 1.0, -1.0, -1.0]  # 3 of 4 units always output 0
    model.set_weight_dict(w)
    shares = introspect.dead_unit_share(model, x)
    assert shares == {"dense": pytest.approx(3 / 8), "activation": pytest.approx(3 / 4)}
    assert introspect.dead_unit_share(_xor_model(), x) == {}  # no ReLU layer


def test_gradient_norms_after_a_step_and_compute_gradients():
    model = _xor_model()
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
    y = np.array([[0], [1], [1], [0]], np.float32)
    model.train_on_batch(x, y)
    norms = introspect.gradient_norms(model)
    assert list(norms) == ["dense", "dense_1"]
    g = model.layers[1].grads
    expected = np.sqrt(
        (g["kernel"].astype(np.float64) ** 2).sum() + (g["bias"].astype(np.float64) ** 2).sum()
    )
    assert norms["dense_1"] == pytest.approx(expected)
    assert all(v > 0 for v in norms.values())

    before = model.weight_dict()
    iterations = model.optimizer.iterations
    loss = introspect.compute_gradients(model, x, y)
    assert np.isfinite(loss) and loss > 0
    after = model.weight_dict()
    assert all(np.array_equal(before[k], after[k]) for k in before)  # no optimizer step
    assert model.optimizer.iterations == iterations
    # the output layer's bias gradient of sigmoid + binary cross-entropy is mean(p - t)
    p = model.predict(x, verbose=0)
    np.testing.assert_allclose(
        model.layers[1].grads["bias"], (p - y).mean(axis=0), rtol=1e-4, atol=1e-6
    )


def test_kernel_images():
    kernel = np.arange(12 * 5, dtype=np.float32).reshape(12, 5)
    images = introspect.kernel_images(kernel, (3, 4), max_units=3)
    assert images.shape == (3, 3, 4)
    np.testing.assert_array_equal(images[1].ravel(), kernel[:, 1])
    with pytest.raises(ValueError, match="cannot be drawn"):
        introspect.kernel_images(kernel, (5, 5))
