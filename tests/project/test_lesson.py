"""Guided lessons: the format in the project file, the checks, the set-ups, the bundled ones."""

import numpy as np
import pytest

from nnstudio.project import build_dataset, examples, guided
from nnstudio.project.errors import ProjectError
from nnstudio.project.fileformat import from_bytes, to_bytes
from nnstudio.project.lesson import apply_setup, check, lesson_from_dict, lesson_of

LESSON = {
    "steps": [
        {
            "title": {"en": "Train it", "ko": "학습시키기"},
            "do": {"en": "Press F5.", "ko": "F5를 누르세요."},
            "setup": {"training": {"epochs": 7}},
            "check": {"kind": "metric_at_least", "metric": "accuracy", "value": 1.0},
        },
        {"title": "Only English"},
    ]
}


def test_lesson_round_trips_through_the_project_file():
    p = examples.load("spirals")
    p.lesson = LESSON
    back = from_bytes(to_bytes(p))
    lesson = lesson_of(back)
    assert [s.text("title", "ko") for s in lesson.steps] == ["학습시키기", "Only English"]
    assert lesson.steps[0].setup == {"training": {"epochs": 7}}
    assert lesson.steps[1].check is None


@pytest.mark.parametrize(
    "bad, words",
    [
        ({"steps": []}, "at least one step"),
        ({"steps": [{"do": {"en": "x"}}]}, "step 1 title"),
        ({"steps": [{"title": "a", "check": {"kind": "eval"}}]}, "step 1 check"),
        ({"steps": [{"title": "a", "setup": {"shell": "rm"}}]}, "step 1 setup"),
        (
            {"steps": [{"title": "a", "setup": {"network": {"layers": [{"type": "Lambda"}]}}}]},
            "network layer",
        ),
        ({"steps": [{"title": "a", "setup": {"training": {"bogus": 1}}}]}, "training settings"),
        (
            {
                "steps": [
                    {"title": "a", "setup": {"training": {"early_stopping": {"patience": -1}}}}
                ]
            },
            "early stopping",
        ),
    ],
)
def test_a_broken_lesson_is_refused_with_a_sentence(bad, words):
    with pytest.raises(ProjectError, match=words):
        lesson_from_dict(bad)
    p = examples.load("spirals")
    p.lesson = bad
    with pytest.raises(ProjectError, match="Could not open"):
        from_bytes(to_bytes(p))


def test_checks_read_the_project():
    p = examples.load("xor")
    acc = {"kind": "metric_at_least", "metric": "accuracy", "value": 1.0}
    assert check(acc, p) is False  # not trained
    p.history = {"accuracy": [0.5, 1.0], "loss": [0.7, 0.2]}
    assert check(acc, p) is True
    assert check({"kind": "metric_at_most", "metric": "loss", "value": 0.1}, p) is False
    deleted = {"kind": "layer_count", "layer_type": "Dense", "value": 1}
    assert check(deleted, p) is False
    del p.layers[0]
    assert check(deleted, p) is True
    assert check({"kind": "epochs_trained_at_least", "value": 1}, p) is False
    assert check({"kind": "setting_equals", "setting": "batch_size", "value": 4}, p) is True
    assert check(None, p) is None


def test_setup_replaces_the_network_and_keeps_the_lesson():
    p = examples.load("xor")
    p.weights = {"x": np.zeros(1)}
    p.epochs_trained = 3
    step = lesson_of(p).steps[3]  # the fix: 2 hidden units
    q = apply_setup(p, step.setup)
    assert [s.config["units"] for s in q.layers] == [2, 1]
    assert q.weights is None and q.epochs_trained == 0 and q.training.seed == 3
    assert q.lesson == p.lesson and p.layers[0].config["units"] == 8  # a copy


@pytest.mark.parametrize("name", list(guided.LESSONS))
def test_bundled_guided_lessons_have_both_languages(name):
    lesson = lesson_of(examples.load(name))
    assert lesson is not None and len(lesson.steps) >= 3
    for step in lesson.steps:
        for key in ("title", "do"):
            texts = getattr(step, key)
            assert texts.get("en") and any("\uac00" <= ch <= "\ud7a3" for ch in texts["ko"])
        if step.setup:
            apply_setup(examples.load(name), step.setup)  # every set-up applies


def test_overfitting_lesson_overfits_and_dropout_helps():
    """The validation loss rises far above its best without dropout; dropout keeps it lower."""
    finals = []
    for step in (0, 2):
        p = apply_setup(
            examples.load("overfitting"), lesson_of(examples.load("overfitting")).steps[step].setup
        )
        ds = build_dataset(p)
        t = p.training
        h = p.model.fit(
            ds.x_train,
            ds.y_train,
            epochs=t.epochs,
            batch_size=t.batch_size,
            validation_split=t.validation_split,
            verbose=0,
        ).history
        best = min(h["val_loss"])
        assert h["val_loss"].index(best) < 100
        finals.append(h["val_loss"][-1])
        assert h["loss"][-1] < best
    assert finals[0] > 3 * min(finals[0], 0.4)  # without dropout: far above its best
    assert finals[1] < finals[0] / 2


def test_stopped_early_replays_early_stopping_on_the_curves():
    """The check passes only when the curves end where EarlyStopping (patience 2, val_loss)
    stops: two epochs without a new lowest value after the best."""
    p = examples.load("xor")
    rule = {"kind": "stopped_early"}
    p.history = {"val_loss": [0.9, 0.5, 0.6, 0.7]}
    assert check(rule, p) is False  # early stopping is off
    p.training.early_stopping = {"monitor": "val_loss", "patience": 2}
    assert check(rule, p) is True  # best at epoch 2, no better for 2 epochs: stops at 4
    p.history = {"val_loss": [0.9, 0.5, 0.6]}
    assert check(rule, p) is False  # still waiting
    p.history = {"val_loss": [0.9, 0.5, 0.6, 0.7, 0.8]}
    assert check(rule, p) is False  # it would have stopped at epoch 4: trained on without it
    p.history = {"val_loss": [0.9, 0.5, 0.49, 0.6, 0.7]}
    assert check(rule, p) is True
    p.training.early_stopping["min_delta"] = 0.05  # 0.49 is no improvement on 0.5 now
    assert check(rule, p) is False
    p.training.early_stopping = {"monitor": "val_accuracy", "patience": 1}
    p.history = {"val_accuracy": [0.5, 0.75, 0.75]}  # an accuracy must rise
    assert check(rule, p) is True


def test_overfitting_early_stopping_step_turns_it_on_and_stops():
    p = examples.load("overfitting")
    step = lesson_of(p).steps[1]
    assert step.check == {"kind": "stopped_early"}
    q = apply_setup(p, step.setup)
    assert q.training.early_stopping == guided.EARLY_STOP and q.weights is None
    assert apply_setup(q, lesson_of(p).steps[2].setup).training.early_stopping is None


def test_the_students_step_is_saved_only_past_the_first():
    p = examples.load("xor")
    plain = to_bytes(p)
    assert lesson_of(from_bytes(plain)).current == 0
    p.lesson = lesson_of(p).to_dict()  # at step 1: the table is as it was, no "step"
    assert "step" not in p.lesson and to_bytes(p) == plain
    p.lesson["step"] = 3
    back = from_bytes(to_bytes(p))
    assert lesson_of(back).current == 2 and back.lesson["step"] == 3
    p.lesson["step"] = 99  # past the end: the last step
    assert lesson_of(p).current == len(p.lesson["steps"]) - 1
    p.lesson["step"] = "two"
    with pytest.raises(ProjectError, match="step"):
        lesson_from_dict(p.lesson)
