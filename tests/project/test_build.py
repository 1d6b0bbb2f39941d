"""Project <-> engine: building models, restoring weights, resuming training exactly."""

import copy
import pickle

import numpy as np
import pytest

from nnstudio.project import (
    DatasetSpec,
    Document,
    Project,
    ProjectError,
    build_dataset,
    build_model,
    capture,
    load,
    prepare_data,
    save,
)


def moons_project(dropout: bool = True) -> Project:
    p = Project(
        title="moons",
        input_shape=(2,),
        dataset=DatasetSpec(name="moons", params={"n_samples": 120}),
    )
    p.add_layer("Dense", units=8, activation="relu")
    if dropout:
        p.add_layer("Dropout", rate=0.2)
    p.add_layer("Dense", units=2, activation="softmax")
    p.training.loss = "categorical_crossentropy"
    p.training.optimizer = {"class_name": "Adam", "config": {"learning_rate": 0.02}}
    p.training.batch_size = 16
    p.training.seed = 3
    return p


def train(project, epochs, initial_epoch=0):
    model = build_model(project)
    x, y, _, _ = prepare_data(project, build_dataset(project))
    history = model.fit(
        x,
        y,
        batch_size=project.training.batch_size,
        epochs=epochs,
        initial_epoch=initial_epoch,
        verbose=0,
    )
    capture(project, model, history)
    return model


def test_model_follows_the_project():
    p = moons_project()
    model = build_model(p)
    assert [layer.name for layer in model.layers] == ["dense", "dropout", "dense_1"]
    assert model.built and model.input_shape == (2,) and model.output_shape == (2,)
    assert model.seed == 3 and model.loss == "categorical_crossentropy"
    assert type(
        model.optimizer
    ).__name__ == "Adam" and model.optimizer.learning_rate == pytest.approx(0.02)
    assert "accuracy" in model.metrics_names
    assert model.count_params() == 2 * 8 + 8 + 8 * 2 + 2


def test_same_seed_same_initial_weights_other_seed_other():
    a = build_model(moons_project()).weight_dict()
    b = build_model(moons_project()).weight_dict()
    other = moons_project()
    other.training.seed = 4
    c = build_model(other).weight_dict()
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["dense/kernel"], c["dense/kernel"])


def test_save_load_gives_identical_predictions_history_and_state(tmp_path):
    p = moons_project()
    model = train(p, 3)
    path = tmp_path / "moons.nnproj"
    save(p, path)
    q = load(path)
    x = build_dataset(q).x_test
    assert q.model.predict(x, verbose=0).tobytes() == model.predict(x, verbose=0).tobytes()
    assert q.history == p.history and q.epochs_trained == 3 and len(q.history["loss"]) == 3
    state, restored = model.optimizer.get_state(), q.model.optimizer.get_state()
    assert (
        set(state) == set(restored) and int(restored["iterations"]) == 3 * 6
    )  # 96 train samples / 16
    for key in state:
        assert state[key].tobytes() == restored[key].tobytes()


@pytest.mark.parametrize("dropout", [False, True])
def test_three_epochs_saved_then_two_more_equals_five_straight(tmp_path, dropout):
    straight = moons_project(dropout)
    train(straight, 5)

    first = moons_project(dropout)
    train(first, 3)
    save(first, tmp_path / "half.nnproj")
    resumed = load(tmp_path / "half.nnproj")
    train(resumed, 5, initial_epoch=resumed.epochs_trained)

    assert resumed.epochs_trained == 5
    for key, value in straight.weights.items():
        assert resumed.weights[key].tobytes() == value.tobytes(), key
    assert resumed.history["loss"] == straight.history["loss"]
    for key, value in straight.optimizer_state.items():
        assert resumed.optimizer_state[key].tobytes() == value.tobytes(), key


def test_capture_into_a_document():
    doc = Document(moons_project())
    model = build_model(doc.project)
    x, y, _, _ = prepare_data(doc.project, build_dataset(doc.project))
    capture(doc, model, model.fit(x, y, epochs=2, verbose=0))
    assert doc.modified and doc.project.epochs_trained == 2
    np.testing.assert_array_equal(
        doc.project.weights["dense/kernel"], model.weight_dict()["dense/kernel"]
    )
    assert int(doc.project.optimizer_state["iterations"]) > 0


def test_project_model_is_cached_and_rebuilt_on_change():
    p = moons_project()
    first = p.model
    assert p.model is first
    p.training.optimizer = {"class_name": "SGD", "config": {"learning_rate": 0.1}}
    assert p.model is not first and type(p.model).__name__ == "Sequential"
    assert type(p.model.optimizer).__name__ == "SGD"
    copied = copy.deepcopy(p)
    assert "_model_cache" not in copied.__dict__ and copied.training == p.training
    assert "_model_cache" not in pickle.loads(pickle.dumps(p)).__dict__


def test_weights_that_do_not_fit_are_refused():
    p = moons_project()
    train(p, 1)
    p.layers[0].config["units"] = 9
    with pytest.raises(ProjectError, match="reset the weights"):
        build_model(p)


@pytest.mark.parametrize(
    "mutate, words",
    [
        (
            lambda p: p.layers[0].config.__setitem__("kernel_initializer", "os.system"),
            "initializer",
        ),
        (
            lambda p: p.training.__setattr__(
                "optimizer", {"class_name": "Adam", "config": {"learning_rate": -1}}
            ),
            "optimizer",
        ),
        (lambda p: p.__setattr__("input_shape", None), "choose a data set"),
    ],
)
def test_bad_settings_are_project_errors(mutate, words):
    p = moons_project()
    mutate(p)
    with pytest.raises(ProjectError, match=words):
        build_model(p)


# -- labels in the form each loss wants ------------------------------------------------------


def _net(units, activation, loss, dataset="moons", shape=(2,)):
    p = Project(input_shape=shape, dataset=DatasetSpec(name=dataset, params={}))
    p.add_layer("Dense", units=units, activation=activation)
    p.training.loss = loss
    return p


def test_targets_for_each_loss():
    moons = build_dataset(_net(1, "sigmoid", "binary_crossentropy"))
    _, y, _, _ = prepare_data(_net(1, "sigmoid", "binary_crossentropy"), moons)
    assert y.shape == (len(moons.y_train), 1) and y.dtype == np.float32
    np.testing.assert_array_equal(y[:, 0], moons.y_train)
    _, y, _, _ = prepare_data(_net(2, "softmax", "categorical_crossentropy"), moons)
    assert y.shape == (len(moons.y_train), 2) and np.array_equal(y.argmax(1), moons.y_train)
    _, y, _, _ = prepare_data(_net(2, "softmax", "sparse_categorical_crossentropy"), moons)
    assert y.dtype == np.int64 and np.array_equal(y, moons.y_train)
    sine = _net(1, None, "mse", dataset="sine", shape=(1,))
    _, y, _, _ = prepare_data(sine, build_dataset(sine))
    assert y.ndim == 2 and y.shape[1] == 1


def test_mismatches_are_explained():
    moons = build_dataset(_net(1, "sigmoid", "binary_crossentropy"))
    with pytest.raises(ProjectError, match="2 classes.*3 unit"):
        prepare_data(_net(3, "softmax", "categorical_crossentropy"), moons)
    with pytest.raises(ProjectError, match=r"inputs of shape \(784,\)"):
        prepare_data(_net(1, "sigmoid", "binary_crossentropy", shape=(784,)), moons)


def test_unknown_dataset_name():
    p = _net(1, "sigmoid", "binary_crossentropy", dataset="nope")
    with pytest.raises(ProjectError, match="does not have"):
        build_dataset(p)


def test_dataset_layout_setting_is_allowed_and_checked():
    """flatten (the samples' shape, mnist-images lesson) is a setting a project may give the MNIST
    sets; it must be true or false, and data sets without it refuse it like any unknown key."""
    from nnstudio.project.build import check_dataset_params
    from nnstudio.project.errors import ProjectError

    check_dataset_params("mnist-5k", {"flatten": False})
    with pytest.raises(ProjectError, match="true or false"):
        check_dataset_params("mnist-5k", {"flatten": "no"})
    with pytest.raises(ProjectError, match="does not have"):
        check_dataset_params("xor", {"flatten": False})
