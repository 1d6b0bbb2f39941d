"""Loss values against numbers worked out by hand; metrics; saturated outputs stay finite."""

import math

import numpy as np
import pytest

from nnstudio.engine import losses, metrics


def L(name, t, p):
    return losses.get(name)(np.array(t, float), np.array(p, float))


def test_regression_losses():
    assert L("mse", [[0, 0]], [[1, 2]]) == pytest.approx(2.5)  # (1 + 4) / 2
    assert L("mean_squared_error", [[0, 0]], [[1, 2]]) == pytest.approx(2.5)
    assert L("mae", [[0, 0]], [[1, -2]]) == pytest.approx(1.5)
    assert L("sse", [[0, 0]], [[1, 2]]) == pytest.approx(2.5)  # 0.5 * (1 + 4)
    assert L("sse", [[0, 0], [0, 0]], [[1, 2], [0, 0]]) == pytest.approx(
        1.25
    )  # mean over the batch
    # the textbook's example (Deep Learning from Scratch 4.2.1): t = 2, y mostly on class 2
    y = [[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]]
    assert L("sse", [np.eye(10)[2]], y) == pytest.approx(0.0975)


def test_binary_crossentropy():
    assert L("binary_crossentropy", [[1, 0]], [[0.8, 0.4]]) == pytest.approx(
        -(math.log(0.8) + math.log(0.6)) / 2
    )


def test_categorical_crossentropy_normalises_and_sparse_agrees():
    assert L("categorical_crossentropy", [[0, 1, 0]], [[0.2, 0.7, 0.1]]) == pytest.approx(
        -math.log(0.7)
    )
    # Keras divides by the sum first: (0.4, 1.4, 0.2) is the same distribution
    assert L("categorical_crossentropy", [[0, 1, 0]], [[0.4, 1.4, 0.2]]) == pytest.approx(
        -math.log(0.7)
    )
    assert losses.get("sparse_categorical_crossentropy")(
        np.array([1]), np.array([[0.2, 0.7, 0.1]])
    ) == pytest.approx(-math.log(0.7))
    # the textbook's cross_entropy_error example: -log(0.6)
    y = [[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]]
    assert L("categorical_crossentropy", [np.eye(10)[2]], y) == pytest.approx(0.5108256, abs=1e-6)


def test_saturated_probabilities_are_clipped_at_epsilon():
    assert L("categorical_crossentropy", [[0, 1, 0]], [[1, 0, 0]]) == pytest.approx(
        -math.log(1e-7), rel=1e-6
    )
    assert L("binary_crossentropy", [[0]], [[1.0]]) == pytest.approx(-math.log(1e-7), rel=1e-6)
    assert L("binary_crossentropy", [[1]], [[1.0]]) == pytest.approx(-math.log(1 - 1e-7), rel=1e-6)


def test_float32_saturation_gives_no_nan():
    from nnstudio.engine import activations

    z = np.array([[200.0, -200.0, 0.0], [-1e4, 1e4, 3.0]], np.float32)
    p = activations.get("softmax").forward(z)
    s = activations.get("sigmoid").forward(z)
    assert p.dtype == np.float32 and s.dtype == np.float32
    t = np.array([[0, 1, 0], [1, 0, 0]], np.float32)
    for name, out in [("categorical_crossentropy", p), ("binary_crossentropy", s)]:
        fn = losses.get(name)
        assert np.isfinite(fn.call(t, out)).all()
        assert np.isfinite(fn.gradient(t, out)).all()
        assert np.isfinite(fn.fused_gradient(t, out)).all()
    assert np.isfinite(activations.get("softplus").forward(z)).all()
    assert np.isfinite(activations.get("elu").forward(z)).all()


def test_target_shape_errors_are_readable():
    with pytest.raises(ValueError, match=r"targets shaped like the model output \(batch, 3\)"):
        L("mse", [[1, 2]], [[1, 2, 3]])
    with pytest.raises(ValueError, match=r"Class indices must lie in \[0, 2\]"):
        losses.get("sparse_categorical_crossentropy")(np.array([3]), np.ones((1, 3)) / 3)
    with pytest.raises(ValueError, match="received: loss='hinge'"):
        losses.get("hinge")


def test_accuracy_is_resolved_like_keras():
    assert metrics.resolve("accuracy", (4, 1), (4, 1)) is metrics.binary_accuracy
    assert metrics.resolve("acc", (4,), (4, 3)) is metrics.sparse_categorical_accuracy
    assert metrics.resolve("accuracy", (4, 3), (4, 3)) is metrics.categorical_accuracy
    t = np.array([[1.0], [0.0], [1.0], [0.0]])
    y = np.array([[0.7], [0.2], [0.4], [0.5]])  # 0.5 is not above the threshold
    np.testing.assert_array_equal(metrics.binary_accuracy(t, y), [1, 1, 0, 1])
    np.testing.assert_array_equal(
        metrics.categorical_accuracy(np.eye(3), np.eye(3)[[0, 2, 2]]), [1, 0, 1]
    )
    with pytest.raises(ValueError, match="f1"):
        metrics.check("f1")
