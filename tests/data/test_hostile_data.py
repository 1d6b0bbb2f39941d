"""Issue 15 problems 5-8 in the data layer: special files, raw Python errors, non-finite data."""

import io
import os

import numpy as np
import pytest

from nnstudio.data import DataError, load_file
from nnstudio.data.files import from_csv, from_npz
from nnstudio.data.idx import read_idx


def _npz(path, **arrays):
    np.savez(path, **arrays)
    return path


def test_a_npy_renamed_npz_is_a_data_error(tmp_path):
    path = tmp_path / "x.npz"
    buf = io.BytesIO()
    np.save(buf, np.zeros(3))
    path.write_bytes(buf.getvalue())
    with pytest.raises(DataError, match="single NumPy array"):
        load_file(path)


def test_zero_dimensional_arrays_are_a_data_error(tmp_path):
    path = _npz(
        tmp_path / "z.npz",
        x_train=np.float32(1),
        y_train=np.int64(0),
        x_test=np.float32(1),
        y_test=np.int64(0),
    )
    with pytest.raises(DataError, match="0-d"):
        from_npz(path)


@pytest.mark.parametrize("delimiter", [";;", 7, "\n"])
def test_a_bad_delimiter_is_a_data_error(tmp_path, delimiter):
    path = tmp_path / "d.csv"
    path.write_text("a,b\n1,2\n3,4\n")
    with pytest.raises(DataError, match="delimiter must be one character"):
        from_csv(path, delimiter=delimiter)


def test_1e308_in_a_csv_is_refused(tmp_path):
    """Problem 8: 1e308 became inf after the float32 cast and was trained on."""
    path = tmp_path / "d.csv"
    path.write_text("a,b,y\n1,2,0\n1e308,4,1\n5,6,0\n7,8,1\n")
    with pytest.raises(DataError, match="line 3.*too large"):
        from_csv(path)
    path.write_text("a,y\n1,0.5\n2,1e308\n3,0.25\n4,0.125\n5,0.3\n")
    with pytest.raises(DataError, match="too large"):
        from_csv(path, task="regression")


@pytest.mark.parametrize("bad", [np.nan, np.inf, 1e300])
def test_non_finite_regression_targets_in_an_npz_are_refused(tmp_path, bad):
    y = np.array([0.5, bad, 0.25, 1.0])
    path = _npz(
        tmp_path / "r.npz",
        x_train=np.zeros((4, 2), np.float32),
        y_train=y,
        x_test=np.zeros((1, 2), np.float32),
        y_test=np.zeros(1),
    )
    with pytest.raises(DataError, match="NaN or infinite"):
        from_npz(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
@pytest.mark.parametrize("reader", [from_csv, from_npz, read_idx])
def test_special_files_are_refused_everywhere(tmp_path, reader):
    fifo = tmp_path / "f.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="named pipe"):
        reader(fifo)
    with pytest.raises(DataError, match="device"):
        reader("/dev/zero")


def test_csv_reading_keeps_its_results(tmp_path):
    """The streamed reader gives what the old one gave: classes, names, order, test split."""
    path = tmp_path / "iris.csv"
    rows = ["sepal,petal,species"] + [
        f"{i / 10},{(i * 7 % 13) / 10},{['setosa', 'virginica', 'versicolor'][i % 3]}"
        for i in range(30)
    ]
    path.write_text("\n".join(rows) + "\n")
    ds = from_csv(path, test_fraction=0.2, seed=1)
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    assert ds.feature_names == ["sepal", "petal"] and ds.x_train.dtype == np.float32
    assert len(ds.x_train) == 24 and len(ds.x_test) == 6
    seen = sorted(ds.x_train[:, 0].tolist() + ds.x_test[:, 0].tolist())
    assert seen == pytest.approx([i / 10 for i in range(30)])
    labels = np.concatenate([ds.y_train, ds.y_test])
    assert sorted(np.bincount(labels).tolist()) == [10, 10, 10]
