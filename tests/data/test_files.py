"""Reading your own data: IDX, CSV, NPZ; every malformed file is refused quickly with a DataError."""

import gzip
import struct
import time

import numpy as np
import pytest

from nnstudio.data import DataError, from_csv, from_idx, from_npz, load_file, read_idx


def idx_bytes(arr, code=0x08):
    arr = np.asarray(arr)
    dt = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[code]
    return (
        bytes([0, 0, code, arr.ndim])
        + struct.pack(f">{arr.ndim}I", *arr.shape)
        + arr.astype(dt).tobytes()
    )


def header(code, *dims):
    return bytes([0, 0, code, len(dims)]) + struct.pack(f">{len(dims)}I", *dims)


def write_mnist_dir(folder, n_train=6, n_test=4, gz=True, labels=None, test_labels=None):
    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    parts = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28)),
        "train-labels-idx1-ubyte": labels if labels is not None else np.arange(n_train) % 10,
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28)),
        "t10k-labels-idx1-ubyte": test_labels
        if test_labels is not None
        else np.arange(n_test) % 10,
    }
    for stem, arr in parts.items():
        data = idx_bytes(arr)
        if gz:
            (folder / (stem + ".gz")).write_bytes(gzip.compress(data))
        else:
            (folder / stem).write_bytes(data)
    return parts


# ---------------------------------------------------------------------------- IDX: good files


@pytest.mark.parametrize(
    "code,dtype",
    [
        (0x08, np.uint8),
        (0x09, np.int8),
        (0x0B, np.int16),
        (0x0C, np.int32),
        (0x0D, np.float32),
        (0x0E, np.float64),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_read_idx_round_trips_every_type(tmp_path, code, dtype, gz):
    arr = (np.arange(2 * 3 * 4).reshape(2, 3, 4) - (5 if code != 0x08 else 0)).astype(dtype)
    data = idx_bytes(arr, code)
    p = tmp_path / ("a.idx.gz" if gz else "a.idx")
    p.write_bytes(gzip.compress(data) if gz else data)
    out = read_idx(p)
    assert out.shape == (2, 3, 4) and out.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(out, arr)


@pytest.mark.parametrize("gz", [False, True])
def test_from_idx_reads_the_four_files(tmp_path, gz):
    parts = write_mnist_dir(tmp_path / "d", gz=gz)
    ds = from_idx(tmp_path / "d")
    assert (
        ds.x_train.shape == (6, 784) and ds.x_test.shape == (4, 784) and ds.image_shape == (28, 28)
    )
    np.testing.assert_allclose(
        ds.x_train[0] * 255, parts["train-images-idx3-ubyte"][0].ravel(), atol=1e-3
    )
    np.testing.assert_array_equal(ds.y_train, parts["train-labels-idx1-ubyte"])
    assert load_file(tmp_path / "d").n_train == 6


# ---------------------------------------------------------------------------- IDX: bad files

GOOD = idx_bytes(np.zeros((3, 4, 4), np.uint8))

BAD_IDX = {
    "empty file": (b"", "empty"),
    "not idx (a PNG)": (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not an IDX file"),
    "not idx (text)": (b"label,x1,x2\n1,2,3\n", "not an IDX file"),
    "wrong magic": (b"\x00\x01\x08\x03" + GOOD[4:], "not an IDX file"),
    "unknown type code": (b"\x00\x00\x07\x03" + GOOD[4:], "unknown IDX type code 0x07"),
    "zero dimensions": (b"\x00\x00\x08\x00", "0 dimensions"),
    "zero-sized dimension": (header(0x08, 3, 0, 4), "zero-sized"),
    "huge declared dimensions": (
        header(0x08, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b"\0" * 64,
        "truncated",
    ),
    "truncated shape": (b"\x00\x00\x08\x03\x00\x00\x00\x03", "truncated"),
    "truncated data": (GOOD[:-5], "truncated"),
    "trailing bytes": (GOOD + b"\x00\x01", "unexpected bytes"),
    "too short": (b"\x00\x00", "too short"),
}


def _corrupt():
    noisy = idx_bytes(np.random.default_rng(1).integers(0, 256, (50, 10, 10)))
    z = bytearray(gzip.compress(noisy))
    z[len(z) // 2 : len(z) // 2 + 40] = b"\x55" * 40
    return bytes(z)


def _gz_huge():
    return gzip.compress(header(0x0E, 60000, 28, 28, 28, 28) + b"\0" * 1000)


BAD_GZ = {
    "gzip: huge declared dimensions": (
        gzip.compress(header(0x08, 0xFFFFFFFF, 0xFFFFFFFF) + b"\0" * 64),
        "damaged or truncated",
    ),
    "gzip: declares more than compressible": (_gz_huge(), "damaged or truncated"),
    "gzip: truncated data": (gzip.compress(GOOD[:-5]), "truncated"),
    "gzip: trailing bytes": (gzip.compress(GOOD + b"\x07" * 10), "unexpected bytes"),
    "gzip: corrupt stream": (_corrupt(), "not a valid gzip"),
    "gzip: cut off mid-stream": (
        gzip.compress(idx_bytes(np.random.default_rng(0).integers(0, 255, (50, 10, 10))))[:3000],
        "not a valid gzip",
    ),
    "gzip: empty member": (gzip.compress(b""), "empty gzip"),
    "gzip: bad crc": (
        gzip.compress(GOOD)[:-8] + b"\0\0\0\0" + gzip.compress(GOOD)[-4:],
        "not a valid gzip",
    ),
}


@pytest.mark.parametrize("case", list(BAD_IDX) + list(BAD_GZ))
def test_malformed_idx_refused_quickly(tmp_path, case):
    data, words = {**BAD_IDX, **BAD_GZ}[case]
    p = tmp_path / "train-images-idx3-ubyte"
    p.write_bytes(data)
    start = time.perf_counter()
    with pytest.raises(DataError, match=words) as err:
        read_idx(p)
    assert time.perf_counter() - start < 0.5
    assert "train-images-idx3-ubyte" in str(err.value) or "file" in str(err.value)


def test_gzip_bomb_is_read_in_bounded_chunks(tmp_path):
    """A small gzip that inflates far past its declared size stops at declared + 1 bytes."""
    declared = header(0x08, 10, 10)
    p = tmp_path / "bomb.gz"
    p.write_bytes(gzip.compress(declared + b"\0" * 50_000_000, compresslevel=9))
    start = time.perf_counter()
    with pytest.raises(DataError, match="unexpected bytes"):
        read_idx(p)
    assert time.perf_counter() - start < 0.5


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DataError, match="no file"):
        read_idx(tmp_path / "nope")
    with pytest.raises(DataError, match="folder"):
        read_idx(tmp_path)


@pytest.mark.parametrize(
    "setup,words",
    [
        ("missing file", "missing t10k-labels-idx1-ubyte"),
        ("count mismatch", "holds 6 images but train-labels-idx1-ubyte.gz holds 5 labels"),
        ("label out of range", "label 10, out of range"),
        ("labels not 1-D", "one number per image"),
        ("images are a list", "not images"),
        ("image sizes differ", "same size"),
    ],
)
def test_from_idx_refuses_inconsistent_folders(tmp_path, setup, words):
    d = tmp_path / "d"
    if setup == "missing file":
        write_mnist_dir(d)
        (d / "t10k-labels-idx1-ubyte.gz").unlink()
    elif setup == "count mismatch":
        write_mnist_dir(d, labels=np.arange(5))
    elif setup == "label out of range":
        write_mnist_dir(d, labels=np.array([0, 1, 2, 10, 3, 4]))
    elif setup == "labels not 1-D":
        write_mnist_dir(d)
        (d / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_bytes(np.zeros((6, 2)))))
    elif setup == "images are a list":
        write_mnist_dir(d)
        (d / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_bytes(np.zeros(6))))
    elif setup == "image sizes differ":
        write_mnist_dir(d)
        (d / "t10k-images-idx3-ubyte.gz").write_bytes(
            gzip.compress(idx_bytes(np.zeros((4, 20, 20))))
        )
    with pytest.raises(DataError, match=words):
        from_idx(d, num_classes=10 if setup == "label out of range" else None)


def test_from_idx_not_a_folder(tmp_path):
    with pytest.raises(DataError, match="not a folder"):
        from_idx(tmp_path / "nothing")


# ---------------------------------------------------------------------------- CSV


def csv_file(tmp_path, text, name="t.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_with_header_and_string_labels(tmp_path):
    p = csv_file(
        tmp_path, "fur,wings,kind\n1,0,mammal\n1,1,bird\n0,0,other\n0,1,bird\n1,0,mammal\n"
    )
    ds = from_csv(p, test_fraction=0.0)
    assert ds.task == "classification" and ds.class_names == ["bird", "mammal", "other"]
    assert ds.feature_names == ["fur", "wings"] and ds.x_train.shape == (5, 2)
    pairs = {tuple(x): ds.class_names[y] for x, y in zip(ds.x_train.tolist(), ds.y_train)}
    assert pairs[(1.0, 1.0)] == "bird" and pairs[(0.0, 0.0)] == "other"


def test_csv_without_header_label_column_by_index_and_name(tmp_path):
    p = csv_file(tmp_path, "0;5.5;1\n1;6.5;2\n0;7.5;1\n1;8.5;2\n")
    ds = from_csv(p, label_column=0, test_fraction=0.0)
    assert ds.task == "classification" and ds.num_classes == 2 and ds.feature_names == ["x2", "x3"]
    assert sorted(ds.x_train[:, 0].tolist()) == [5.5, 6.5, 7.5, 8.5]
    p = csv_file(
        tmp_path,
        "a,b,target\n" + "".join(f"{i},{i * 2},{i * 0.37:.2f}\n" for i in range(30)),
        "r.csv",
    )
    ds = from_csv(p, label_column="target", test_fraction=0.1, seed=1)
    assert ds.task == "regression" and ds.y_train.shape == (27, 1) and ds.x_test.shape == (3, 2)
    np.testing.assert_allclose(ds.y_train[:, 0], np.round(ds.x_train[:, 0] * 0.37, 2), atol=1e-5)


def test_csv_whole_number_labels_not_from_zero_are_mapped(tmp_path):
    p = csv_file(tmp_path, "x,y\n" + "".join(f"{i},{[-1, 1][i % 2]}\n" for i in range(10)))
    ds = from_csv(p, test_fraction=0)
    assert ds.class_names == ["-1", "1"] and set(ds.y_train) == {0, 1}


BAD_CSV = {
    "no rows": ("", "no rows"),
    "blank lines only": ("\n\n  \n", "no rows"),
    "header only": ("a,b,label\n", "no data rows"),
    "ragged row": (
        "a,b,label\n1,2,x\n3,4\n5,6,y\n",
        "line 3, has 2 values but the table has 3 columns",
    ),
    "missing value": ("a,b,label\n1,2,x\n3,,y\n5,6,x\n", "line 3, column “b” has a missing value"),
    "NA value": ("a,b,label\n1,2,x\n3,NA,y\n5,6,x\n", "missing value"),
    "non-numeric feature": (
        "a,b,label\n1,2,x\n3,four,y\n5,6,x\n",
        "holds “four”, which is not a number",
    ),
    "single class": ("a,b,label\n1,2,cat\n3,4,cat\n5,6,cat\n", "least two different classes"),
    "one column": ("label\n1\n2\n", "only 1 column"),
    "binary junk": ("\x00\x01\x02garbage", "not a text file"),
}


@pytest.mark.parametrize("case", list(BAD_CSV))
def test_malformed_csv_refused_quickly(tmp_path, case):
    text, words = BAD_CSV[case]
    p = csv_file(tmp_path, text)
    start = time.perf_counter()
    with pytest.raises(DataError, match=words):
        from_csv(p)
    assert time.perf_counter() - start < 0.5


def test_csv_unknown_label_column_lists_the_columns(tmp_path):
    p = csv_file(tmp_path, "a,b,label\n1,2,x\n3,4,y\n")
    with pytest.raises(DataError, match="no column “species”; its columns are “a”, “b”, “label”"):
        from_csv(p, label_column="species")
    with pytest.raises(DataError, match="no column “7”"):
        from_csv(p, label_column=7)


def test_csv_regression_refuses_text_targets(tmp_path):
    p = csv_file(tmp_path, "a,label\n1,x\n3,y\n")
    with pytest.raises(DataError, match="regression needs numeric targets"):
        from_csv(p, task="regression")


# ---------------------------------------------------------------------------- NPZ


def test_npz_images_and_labels(tmp_path):
    p = tmp_path / "d.npz"
    rng = np.random.default_rng(0)
    np.savez(
        p,
        x_train=rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
        y_train=np.arange(5),
        x_test=rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
        y_test=np.array([1, 2]),
        class_names=np.array(list("abcde")),
    )
    ds = load_file(p)
    assert ds.x_train.shape == (5, 784) and ds.image_shape == (28, 28) and ds.x_train.max() <= 1.0
    assert ds.class_names == list("abcde") and ds.num_classes == 5


def test_npz_regression(tmp_path):
    p = tmp_path / "r.npz"
    np.savez(
        p,
        x_train=np.ones((4, 3)),
        y_train=np.linspace(0, 1, 4),
        x_test=np.ones((2, 3)),
        y_test=np.zeros(2),
    )
    ds = from_npz(p)
    assert ds.task == "regression" and ds.y_train.shape == (4, 1) and ds.input_shape == (3,)


@pytest.mark.parametrize(
    "case,words",
    [
        ("missing key", "lacks y_test"),
        ("pickled objects", "Python objects"),
        ("not a zip", "not a readable NumPy"),
        ("count mismatch", "x_train has 4 samples but y_train has 3"),
        ("negative labels", "negative"),
    ],
)
def test_bad_npz_refused(tmp_path, case, words):
    p = tmp_path / "bad.npz"
    x = np.ones((4, 2))
    if case == "missing key":
        np.savez(p, x_train=x, y_train=np.zeros(4, int), x_test=x)
    elif case == "pickled objects":
        np.savez(
            p,
            x_train=np.array([{"a": 1}] * 4, dtype=object),
            y_train=np.zeros(4, int),
            x_test=x,
            y_test=np.zeros(4, int),
        )
    elif case == "not a zip":
        p.write_bytes(b"PK\x03\x04 this is not really a zip")
    elif case == "count mismatch":
        np.savez(p, x_train=x, y_train=np.zeros(3, int), x_test=x, y_test=np.zeros(4, int))
    elif case == "negative labels":
        np.savez(p, x_train=x, y_train=np.array([0, 1, -1, 0]), x_test=x, y_test=np.zeros(4, int))
    with pytest.raises(DataError, match=words):
        from_npz(p)


def test_load_file_picks_by_extension_and_explains_single_idx_files(tmp_path):
    with pytest.raises(DataError, match="open the folder"):
        load_file(tmp_path / "train-images-idx3-ubyte.gz")
    p = tmp_path / "notes.docx"
    p.write_bytes(b"x")
    with pytest.raises(DataError, match="cannot tell"):
        load_file(p)
    with pytest.raises(DataError, match="no option 'colour'"):
        load_file(csv_file(tmp_path, "a,b\n1,0\n2,1\n"), colour="red")


def test_mnist_sample_as_images_for_a_flatten_layer():
    from nnstudio import data

    flat, images = data.load("mnist-5k"), data.load("mnist-5k", flatten=False)
    assert flat.input_shape == (784,) and images.input_shape == (28, 28)
    assert np.array_equal(images.x_train.reshape(len(images.x_train), -1), flat.x_train)
    assert images.image_shape == (28, 28) and images.params == {"flatten": False}
    assert "flatten" not in data.DATASETS["mnist-5k"].params  # no setting box in the Data panel
