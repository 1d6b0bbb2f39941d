"""The .nnproj format without the engine: round trip, layout, migrations."""

import io
import json
import math
import zipfile

import numpy as np
import pytest

from nnstudio.project import FORMAT_VERSION, Project, ProjectError, load, save
from nnstudio.project import migrations
from nnstudio.project.fileformat import from_bytes, to_bytes


def test_round_trip_keeps_everything(tmp_path, helpers):
    p = helpers.small_project()
    p.layers[0].position = (12.5, -3.0)
    p.history["val_loss"] = [math.nan, 0.9, 0.8]
    path = tmp_path / "tiny.nnproj"
    save(p, path)
    q = load(path)
    assert q.title == p.title and q.description == p.description
    assert [(s.id, s.type, s.config, s.position) for s in q.layers] == [
        (s.id, s.type, s.config, s.position) for s in p.layers
    ]
    assert q.input_shape == (2,) and q.dataset == p.dataset and q.training == p.training
    assert q.epochs_trained == 3
    assert q.history["loss"] == p.history["loss"] and math.isnan(q.history["val_loss"][0])
    for stored, loaded in ((p.weights, q.weights), (p.optimizer_state, q.optimizer_state)):
        assert set(stored) == set(loaded)
        for key in stored:
            assert loaded[key].dtype == stored[key].dtype
            np.testing.assert_array_equal(loaded[key], stored[key])
            assert loaded[key].tobytes() == stored[key].tobytes()


def test_layout_of_the_zip(tmp_path, helpers):
    path = tmp_path / "tiny.nnproj"
    save(helpers.small_project(), path)
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == [
            "manifest.json",
            "project.json",
            "weights.npz",
            "optimizer.npz",
            "history.npz",
        ]
        manifest = json.loads(zf.read("manifest.json"))
        content = json.loads(zf.read("project.json"))
        with zipfile.ZipFile(io.BytesIO(zf.read("weights.npz"))) as inner:
            names = sorted(inner.namelist())
    assert (
        manifest["format"] == "nnstudio-project"
        and manifest["format_version"] == FORMAT_VERSION == 1
    )
    assert manifest["app_version"] and manifest["saved_at"].endswith("+00:00")
    assert names == ["dense/bias.npy", "dense/kernel.npy", "dense_1/bias.npy", "dense_1/kernel.npy"]
    assert content["network"]["layers"][0] == {
        "id": "dense",
        "type": "Dense",
        "config": {"units": 8, "activation": "tanh"},
        "position": None,
    }
    assert content["training"]["optimizer"] == {
        "class_name": "Adam",
        "config": {"learning_rate": 0.05},
    }
    # the standard reader agrees with ours: plain arrays, no pickles
    with zipfile.ZipFile(path) as zf:
        npz = np.load(io.BytesIO(zf.read("weights.npz")), allow_pickle=False)
        assert npz["dense/kernel"].shape == (2, 8)


def test_same_project_same_bytes(helpers):
    a = to_bytes(helpers.small_project(), saved_at="x")
    b = to_bytes(helpers.small_project(), saved_at="x")
    assert a == b


def test_untrained_project_has_no_arrays(tmp_path, helpers):
    path = tmp_path / "new.nnproj"
    save(helpers.small_project(trained=False), path)
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == ["manifest.json", "project.json"]
    q = load(path)
    assert q.weights is None and q.optimizer_state is None and q.history == {}


def test_work_in_progress_saves_and_loads(tmp_path):
    p = Project(title="empty")  # no layers, no input shape: what File > New gives
    save(p, tmp_path / "empty.nnproj")
    q = load(tmp_path / "empty.nnproj")
    assert q.layers == [] and q.input_shape is None and q.title == "empty"


def test_save_refuses_a_project_that_could_not_be_opened(tmp_path, helpers):
    p = helpers.small_project()
    p.weights["dense/kernel"] = np.zeros((3, 8), np.float32)
    with pytest.raises(ProjectError, match="dense/kernel"):
        save(p, tmp_path / "bad.nnproj")
    assert not list(tmp_path.iterdir())


def test_data_file_next_to_the_project_is_stored_relative(tmp_path, helpers):
    p = helpers.small_project()
    p.dataset.name, p.dataset.path, p.dataset.format = (
        "file",
        str(tmp_path / "data" / "points.csv"),
        "csv",
    )
    save(p, tmp_path / "p.nnproj")
    with zipfile.ZipFile(tmp_path / "p.nnproj") as zf:
        assert json.loads(zf.read("project.json"))["dataset"]["path"] == "data/points.csv"
    moved = tmp_path / "moved"
    moved.mkdir()
    (tmp_path / "p.nnproj").rename(moved / "p.nnproj")
    assert load(moved / "p.nnproj").dataset.path == str(moved / "data" / "points.csv")


def test_korean_text_survives(tmp_path, helpers):
    p = helpers.small_project()
    p.title = "XOR 문제"
    save(p, tmp_path / "ko.nnproj")
    assert load(tmp_path / "ko.nnproj").title == "XOR 문제"


# -- versions --------------------------------------------------------------------------------


def test_newer_format_is_refused_with_both_versions(helpers):
    data = helpers.with_manifest(lambda m: m.update(format_version=FORMAT_VERSION + 1))
    with pytest.raises(ProjectError) as info:
        from_bytes(data, "future.nnproj")
    assert (
        f"made by a newer nnstudio (format {FORMAT_VERSION + 1}); this version reads up to {FORMAT_VERSION}"
        in str(info.value)
    )


def test_version_0_optimizer_name_is_migrated(helpers):
    def to_v0(content):
        content["training"]["optimizer"] = "rmsprop"
        network = content.pop("network")
        content["layers"], content["input_shape"] = network["layers"], network["input_shape"]

    entries = helpers.entries_of(helpers.with_project_json(to_v0))
    manifest = json.loads(entries["manifest.json"])
    manifest["format_version"] = 0
    entries["manifest.json"] = json.dumps(manifest).encode()
    p = from_bytes(helpers.zip_of(entries))
    assert p.training.optimizer == {"class_name": "RMSprop", "config": {}}
    assert [s.id for s in p.layers] == ["dense", "dense_1"] and p.input_shape == (2,)
    assert p.weights["dense/kernel"].shape == (2, 8)


def test_migrations_run_in_order_one_step_at_a_time(monkeypatch):
    steps = {}
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    seen = []

    @migrations.migration(1)
    def one_to_two(content):
        seen.append(1)
        content["trail"] = content.get("trail", []) + ["1->2"]
        return content

    @migrations.migration(2)
    def two_to_three(content):
        seen.append(2)
        content["trail"].append("2->3")
        return content

    original = {"x": 1}
    out = migrations.migrate(original, 1, target=3)
    assert out == {"x": 1, "trail": ["1->2", "2->3"]} and seen == [1, 2]
    assert original == {"x": 1}  # the caller's table is not touched
    with pytest.raises(ProjectError, match="format 0"):
        migrations.migrate({}, 0, target=3)
    with pytest.raises(RuntimeError):
        migrations.migration(1)(one_to_two)


def test_every_version_fixture_loads():
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures"
    files = sorted(folder.glob("v*.nnproj"))
    versions = sorted(int(f.stem.split("-")[0][1:]) for f in files)
    assert versions == list(range(0, FORMAT_VERSION + 1)), "keep one fixture per format version"
    for file in files:
        p = load(file)
        assert p.title == "XOR fixture"
        assert p.training.optimizer["class_name"] == "Adam"
        assert [s.type for s in p.layers] == ["Dense", "Dense"]
        assert p.weights is not None and p.weights["dense/kernel"].shape == (2, 4)


def test_optimizer_given_by_name_is_saved_in_full_form(tmp_path, helpers):
    p = helpers.small_project(trained=False)
    p.training.optimizer = "rmsprop"
    save(p, tmp_path / "named.nnproj")
    assert load(tmp_path / "named.nnproj").training.optimizer == {
        "class_name": "RMSprop",
        "config": {},
    }
