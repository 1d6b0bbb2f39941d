"""to_categorical and the scalers (fitted on the training split only)."""

import numpy as np
import pytest

from nnstudio.data import DataError, MinMaxScaler, StandardScaler, load, to_categorical


def test_to_categorical_matches_keras():
    out = to_categorical([0, 2, 1, 2], 4)
    np.testing.assert_array_equal(out, [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 1, 0]])
    assert out.dtype == np.float32
    assert to_categorical(np.array([[1], [0]])).shape == (2, 2)


@pytest.mark.parametrize(
    "y,k,words",
    [
        ([0, 3], 3, "from 0 to 2"),
        ([-1, 0], 2, "from 0 to 1"),
        ([0.5, 1], 2, "whole-number"),
        (np.zeros((2, 2)), 2, "one label"),
    ],
)
def test_to_categorical_refuses_bad_labels(y, k, words):
    with pytest.raises(DataError, match=words):
        to_categorical(y, k)


def test_minmax_fits_on_train_only():
    ds = load("sine", n_samples=100)
    xtr, xte = ds.x_train.copy(), ds.x_test.copy()
    MinMaxScaler().apply(ds)
    assert ds.x_train.min() == 0.0 and ds.x_train.max() == pytest.approx(1.0)
    lo, hi = xtr.min(), xtr.max()
    np.testing.assert_allclose(ds.x_test, (xte - lo) / (hi - lo), rtol=1e-5)
    s = MinMaxScaler((-1, 1)).fit(np.array([[0.0, 5.0], [2.0, 5.0]]))
    np.testing.assert_allclose(s.transform(np.array([[1.0, 5.0], [4.0, 5.0]])), [[0, -1], [3, -1]])


def test_standard_scaler_fits_on_train_only():
    ds = load("plane", n_samples=200)
    xtr, xte = ds.x_train.copy(), ds.x_test.copy()
    StandardScaler().apply(ds)
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(ds.x_train.std(axis=0), 1, atol=1e-5)
    np.testing.assert_allclose(ds.x_test, (xte - xtr.mean(0)) / xtr.std(0), rtol=1e-4, atol=1e-5)
    assert ds.x_test.dtype == np.float32


def test_scalers_refuse_misuse():
    with pytest.raises(DataError, match="fitted"):
        StandardScaler().transform(np.ones((2, 2)))
    with pytest.raises(DataError, match="2 features"):
        StandardScaler().fit(np.ones((3, 2))).transform(np.ones((3, 3)))
    with pytest.raises(DataError, match="low < high"):
        MinMaxScaler((1, 0))
