"""Before-training checks: the expected problem for each classic mistake, and its fix fixes it."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import Dataset
from nnstudio.project import build
from nnstudio.project.checks import ERROR, WARNING, check
from nnstudio.project.document import Document
from nnstudio.project.schema import Project, TrainingSpec


def classes_data(k=3, n=60, features=2):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n, features)).astype(np.float32)
    y = np.arange(n) % k
    return Dataset(x, y, x[:10], y[:10], task="classification", name="toy")


def regression_data(n=60, targets=1, scale=5.0):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n, 2)).astype(np.float32)
    y = (scale * rng.normal(size=(n, targets))).astype(np.float32)
    return Dataset(x, y, x[:10], y[:10], task="regression", name="toy")


def project(loss, *layers, metrics=("accuracy",), input_shape=(2,)):
    p = Project(input_shape=input_shape, training=TrainingSpec(loss=loss, metrics=list(metrics)))
    for units, activation in layers:
        if units is None:
            p.add_layer("Activation", activation=activation)
        else:
            p.add_layer("Dense", units=units, activation=activation)
    return p


def codes(problems):
    return sorted(p.code for p in problems)


def fix_all(p, data):
    """Apply the first fixable problem's fix until none is left; return what remains."""
    doc = Document(p)
    for _ in range(10):
        problems = check(doc.project, data)
        fixable = [q for q in problems if q.fix is not None and q.severity == ERROR]
        if not fixable:
            return doc.project, problems
        fixable[0].fix(doc)
    raise AssertionError("fixes did not converge")


def trains(p, data):
    """The fixed project really builds and one training step runs on the data."""
    model = build.build_model(p)
    x, y, _, _ = build.prepare_data(p, data)
    logs = model.train_on_batch(x[:8], y[:8], return_dict=True)
    return np.isfinite(logs["loss"])


def test_a_good_network_has_no_problems():
    assert (
        check(
            project("sparse_categorical_crossentropy", (8, "relu"), (3, "softmax")), classes_data(3)
        )
        == []
    )
    assert check(project("binary_crossentropy", (8, "tanh"), (1, "sigmoid")), classes_data(2)) == []
    assert check(project("mse", (8, "relu"), (1, None), metrics=["mae"]), regression_data()) == []


@pytest.mark.parametrize(
    "loss, layers, data, expected",
    [
        # output units != number of classes
        (
            "sparse_categorical_crossentropy",
            [(8, "relu"), (2, "softmax")],
            classes_data(3),
            ["units"],
        ),
        ("categorical_crossentropy", [(8, "relu"), (10, "softmax")], classes_data(3), ["units"]),
        # softmax with binary cross-entropy (softmax over one unit is always 1)
        ("binary_crossentropy", [(8, "relu"), (1, "softmax")], classes_data(2), ["softmax_bce"]),
        ("binary_crossentropy", [(8, "relu"), (2, "softmax")], classes_data(2), ["softmax_bce"]),
        # sigmoid output with categorical cross-entropy
        (
            "categorical_crossentropy",
            [(8, "relu"), (3, "sigmoid")],
            classes_data(3),
            ["sigmoid_cce"],
        ),
        # the final activation set by a separate Activation layer
        (
            "sparse_categorical_crossentropy",
            [(8, "relu"), (3, None), (None, "sigmoid")],
            classes_data(3),
            ["sigmoid_cce"],
        ),
        # linear output with cross-entropy
        (
            "sparse_categorical_crossentropy",
            [(8, "relu"), (3, None)],
            classes_data(3),
            ["not_softmax_cce"],
        ),
        # binary cross-entropy on three classes
        ("binary_crossentropy", [(8, "relu"), (1, "sigmoid")], classes_data(3), ["bce_multiclass"]),
        # a regression target with a classification loss
        (
            "categorical_crossentropy",
            [(8, "relu"), (1, "softmax")],
            regression_data(),
            ["accuracy_regression", "classification_loss_regression"],
        ),
        # regression output too narrow
        (
            "mse",
            [(8, "relu"), (1, None)],
            regression_data(targets=2),
            ["accuracy_regression", "units"],
        ),
    ],
)
def test_expected_problems_and_their_fixes(loss, layers, data, expected):
    p = project(loss, *layers)
    problems = check(p, data)
    assert codes(problems) == expected
    for problem in problems:
        assert problem.message.endswith(".") and len(problem.message) > 30
        if problem.fix is not None:
            assert problem.fix_label
    fixed, left = fix_all(p, data)
    assert [q for q in left if q.severity == ERROR] == []
    assert trains(fixed, data)


def test_fix_values():
    p = project("sparse_categorical_crossentropy", (8, "relu"), (2, "softmax"))
    doc = Document(p)
    (problem,) = check(p, classes_data(4))
    problem.fix(doc)
    assert doc.project.layers[1].config["units"] == 4
    p = project("binary_crossentropy", (8, "relu"), (2, "softmax"))
    doc = Document(p)
    (problem,) = check(p, classes_data(2))
    problem.fix(doc)
    assert doc.project.layers[1].config == {"units": 1, "activation": "sigmoid"}
    p = project("categorical_crossentropy", (8, "relu"), (1, "softmax"))
    doc = Document(p)
    fix = next(q for q in check(p, regression_data()) if q.code == "classification_loss_regression")
    fix.fix(doc)
    assert (
        doc.project.training.loss == "mse"
        and doc.project.layers[1].config["activation"] == "linear"
    )


def test_classification_labels_with_mse_is_a_warning_with_a_fix():
    p = project("mse", (8, "tanh"), (1, "sigmoid"))
    problems = check(p, classes_data(2))
    assert codes(problems) == ["mse_classification"] and problems[0].severity == WARNING
    assert trains(p, classes_data(2))  # it works as it is ...
    doc = Document(p)
    problems[0].fix(doc)  # ... and the fix switches to binary cross-entropy
    assert (
        doc.project.training.loss == "binary_crossentropy"
        and check(doc.project, classes_data(2)) == []
    )


def test_an_empty_network_gets_an_output_layer():
    for data, units, activation in (
        (classes_data(3), 3, "softmax"),
        (classes_data(2), 1, "sigmoid"),
        (regression_data(targets=2), 2, "linear"),
    ):
        loss = (
            "mse"
            if data.task == "regression"
            else (
                "binary_crossentropy"
                if data.num_classes == 2
                else "sparse_categorical_crossentropy"
            )
        )
        p = project(loss, metrics=[])
        (problem,) = check(p, data)
        assert problem.code == "empty" and "no layers" in problem.message
        doc = Document(p)
        problem.fix(doc)
        assert doc.project.layers[0].type == "Dense"
        assert doc.project.layers[0].config == {"units": units, "activation": activation}
        assert check(doc.project, data) == [] and trains(doc.project, data)


def test_input_shape_mismatch_is_fixed_from_the_data():
    p = project("sparse_categorical_crossentropy", (8, "relu"), (3, "softmax"), input_shape=(5,))
    problems = check(p, classes_data(3))
    assert codes(problems) == ["input_shape"]
    doc = Document(p)
    problems[0].fix(doc)
    assert doc.project.input_shape == (2,) and check(doc.project, classes_data(3)) == []


def test_categorical_crossentropy_gets_one_hot_labels():
    p = project("categorical_crossentropy", (8, "relu"), (3, "softmax"))
    assert check(p, classes_data(3)) == []
    _, y, _, _ = build.prepare_data(p, classes_data(3))
    assert y.shape == (60, 3) and np.array_equal(y.argmax(1), np.arange(60) % 3)


def test_squashed_regression_output_warns_only_when_targets_do_not_fit():
    p = project("mse", (8, "relu"), (1, "sigmoid"), metrics=[])
    assert codes(check(p, regression_data(scale=5.0))) == ["squashed_regression"]
    inside = regression_data()
    inside.y_train = np.clip(inside.y_train, 0, 1) * 0 + 0.5
    assert check(p, inside) == []


def test_validation_split_on_a_tiny_data_set():
    p = project("binary_crossentropy", (8, "tanh"), (1, "sigmoid"))
    p.training.validation_split = 0.2
    x = np.zeros((1, 2), np.float32)
    tiny = Dataset(x, [1], x, [0], task="classification", num_classes=2, name="one")
    (problem,) = check(p, tiny)
    assert problem.code == "validation_split" and "only 1 training sample(s)" in problem.message
    assert "20%" in problem.message
    doc = Document(p)
    problem.fix(doc)
    assert doc.project.training.validation_split == 0.0 and check(doc.project, tiny) == []
    q = project("binary_crossentropy", (8, "tanh"), (1, "sigmoid"))
    q.training.validation_split = 0.2
    assert check(q, classes_data(2, n=4)) == []  # 3 to train on, 1 to validate: fine
