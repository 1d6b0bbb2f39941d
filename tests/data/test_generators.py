"""Built-in data sets: shapes, classes, value ranges, determinism, and the settings they refuse."""

import numpy as np
import pytest

from nnstudio.data import DATASETS, DataError, Dataset, load

GENERATED = [n for n, info in DATASETS.items() if info.kind != "image"]
CLOUDS = ["circles", "moons", "spirals", "blobs", "checkerboard", "xor-scatter"]
REGRESSION = ["linear", "sine", "plane"]


def all_x(ds):
    return np.concatenate([ds.x_train, ds.x_test])


def all_y(ds):
    return np.concatenate([ds.y_train, ds.y_test])


@pytest.mark.parametrize(
    "gate,outputs",
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]), ("xor", [0, 1, 1, 0])],
)
def test_gates_are_their_truth_tables_for_train_and_test(gate, outputs):
    ds = load(gate)
    table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    for x, y in ((ds.x_train, ds.y_train), (ds.x_test, ds.y_test)):
        np.testing.assert_array_equal(x, table)
        np.testing.assert_array_equal(y, outputs)
        assert x.dtype == np.float32 and y.dtype == np.int64
    assert ds.task == "classification" and ds.num_classes == 2 and ds.input_shape == (2,)


def test_gate_repeats_add_noisy_copies_and_keep_the_table_for_testing():
    ds = load("xor", repeats=50, noise=0.1, seed=3)
    assert ds.x_train.shape == (200, 2) and ds.y_train.shape == (200,)
    np.testing.assert_array_equal(ds.y_test, [0, 1, 1, 0])
    # every noisy point keeps the label of the corner it was copied from
    corner = np.round(ds.x_train).clip(0, 1).astype(int)
    np.testing.assert_array_equal(ds.y_train, corner[:, 0] ^ corner[:, 1])
    assert 0.05 < np.abs(ds.x_train - corner).std() < 0.2
    np.testing.assert_array_equal(np.bincount(ds.y_train), [100, 100])


def test_animals_lesson_table():
    ds = load("animals")
    np.testing.assert_array_equal(ds.x_train, [[0, 0], [1, 0], [1, 1], [0, 0], [0, 0], [0, 1]])
    assert [ds.class_names[i] for i in ds.y_train] == [
        "other",
        "mammal",
        "bird",
        "other",
        "other",
        "bird",
    ]
    assert ds.feature_names == ["fur", "wings"] and ds.num_classes == 3
    np.testing.assert_array_equal(ds.x_test, ds.x_train)


@pytest.mark.parametrize("name", CLOUDS)
def test_clouds_shapes_classes_ranges(name):
    ds = load(name, n_samples=500, test_fraction=0.2)
    assert ds.x_train.shape == (400, 2) and ds.x_test.shape == (100, 2)
    assert ds.y_train.shape == (400,) and ds.y_test.shape == (100,)
    assert ds.x_train.dtype == np.float32 and ds.y_train.dtype == np.int64
    k = ds.num_classes
    assert set(np.unique(all_y(ds))) == set(range(k))
    assert len(ds.class_names) == k and ds.feature_names == ["x1", "x2"]
    counts = np.bincount(all_y(ds), minlength=k)
    assert counts.min() >= 500 // k * 0.4  # no class starved
    assert np.abs(all_x(ds)).max() < 6
    assert np.isfinite(all_x(ds)).all()


@pytest.mark.parametrize("name", ["spirals", "blobs"])
@pytest.mark.parametrize("k", [2, 5])
def test_spirals_and_blobs_have_k_classes(name, k):
    ds = load(name, classes=k, n_samples=250)
    assert ds.num_classes == k
    np.testing.assert_array_equal(np.bincount(all_y(ds)), [250 // k] * k)


def test_circles_labels_follow_radius():
    ds = load("circles", noise=0.0)
    r = np.hypot(*all_x(ds).T)
    y = all_y(ds)
    np.testing.assert_allclose(r[y == 0], 1.0, atol=1e-5)
    np.testing.assert_allclose(r[y == 1], 0.5, atol=1e-5)


def test_xor_scatter_and_checkerboard_labels_follow_position():
    ds = load("xor-scatter")
    x, y = all_x(ds), all_y(ds)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(int))
    assert len({(a, b) for a, b in np.sign(x)}) == 4
    ds = load("checkerboard", squares=2)
    x, y = all_x(ds), all_y(ds)
    np.testing.assert_array_equal(y, ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int))


@pytest.mark.parametrize("name", REGRESSION)
def test_regression_shapes_and_targets(name):
    ds = load(name, n_samples=200, noise=0.0)
    assert ds.task == "regression" and ds.num_classes is None and ds.class_names is None
    assert (
        ds.y_train.dtype == np.float32
        and ds.y_train.shape == (160, 1)
        and ds.y_test.shape == (40, 1)
    )
    x, y = all_x(ds), all_y(ds)[:, 0]
    expected = {
        "linear": lambda x: 2 * x[:, 0] + 1,
        "sine": lambda x: np.sin(x[:, 0]),
        "plane": lambda x: 2 * x[:, 0] - x[:, 1] + 0.5,
    }[name](x)
    np.testing.assert_allclose(y, expected, atol=1e-5)
    assert ds.input_shape == ((2,) if name == "plane" else (1,))


@pytest.mark.parametrize("name", GENERATED)
def test_same_seed_same_data_and_other_seed_or_noise_changes_it(name):
    params = {"repeats": 5} if DATASETS[name].kind == "table" else {}
    a, b = load(name, seed=7, **params), load(name, seed=7, **params)
    for f in ("x_train", "y_train", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f))
    c = load(name, seed=7, noise=0.3, **params)
    assert not np.array_equal(a.x_train, c.x_train) or not np.array_equal(a.y_train, c.y_train)
    if DATASETS[name].kind != "table":
        d = load(name, seed=8)
        assert not np.array_equal(a.x_train, d.x_train)


def test_test_fraction_zero_gives_empty_test_split():
    ds = load("moons", n_samples=100, test_fraction=0.0)
    assert ds.x_train.shape == (100, 2) and ds.x_test.shape == (0, 2) and ds.y_test.shape == (0,)


@pytest.mark.parametrize(
    "name,params,words",
    [
        ("moons", {"n_samples": 0}, "n_samples"),
        ("moons", {"n_samples": 2.5}, "n_samples"),
        ("circles", {"noise": -1}, "noise"),
        ("circles", {"noise": float("nan")}, "noise"),
        ("blobs", {"test_fraction": 1.0}, "test_fraction"),
        ("spirals", {"classes": 1}, "classes"),
        ("blobs", {"classes": "three"}, "classes"),
        ("sine", {"seed": -3}, "seed"),
        ("and", {"repeats": 0}, "repeats"),
        ("moons", {"classes": 3}, "no setting 'classes'"),
        ("pizza", {}, "no built-in data set"),
    ],
)
def test_bad_settings_are_refused_with_a_sentence(name, params, words):
    with pytest.raises(DataError, match=words) as err:
        load(name, **params)
    assert isinstance(err.value, ValueError)


def test_catalog_entries_are_complete_and_loadable_with_their_defaults():
    assert list(DATASETS)[:4] == ["and", "or", "nand", "xor"]
    for name, info in DATASETS.items():
        assert info.name == name and info.title and info.description.endswith(".")
        assert info.task in ("classification", "regression")
        assert info.kind in ("table", "2d", "1d", "image")
        assert info.needs_download == (name in ("mnist", "fashion-mnist"))
        if not info.needs_download:
            ds = load(name, **info.params)
            assert isinstance(ds, Dataset) and ds.task == info.task and ds.name == name
    assert set(DATASETS["spirals"].params) == {
        "n_samples",
        "noise",
        "seed",
        "test_fraction",
        "classes",
    }
    assert DATASETS["xor"].params == {"repeats": 1, "noise": 0.0, "seed": 0}


def test_mnist_5k_is_bundled_and_offline():
    ds = load("mnist-5k")
    assert ds.x_train.shape == (4000, 784) and ds.x_test.shape == (1000, 784)
    assert ds.x_train.dtype == np.float32 and 0.0 == ds.x_train.min() and ds.x_train.max() == 1.0
    assert ds.image_shape == (28, 28) and ds.num_classes == 10
    np.testing.assert_array_equal(np.bincount(ds.y_train), [400] * 10)
    np.testing.assert_array_equal(np.bincount(ds.y_test), [100] * 10)
