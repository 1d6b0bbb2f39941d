"""Guided lessons: numbered steps stored in the project file (the ``"lesson"`` table of
project.json), each with its text in English and Korean, an optional set-up (network, data,
training settings), what to do, what to look for, and an optional check.

A teacher writes one as plain JSON (docs/LESSONS.md)::

    "lesson": {"steps": [
        {"title": {"en": "Train it", "ko": "학습시키기"},
         "do": {"en": "Press F5.", "ko": "F5를 누르세요."},
         "look_for": {"en": "The loss falls.", "ko": "손실이 줄어듭니다."},
         "setup": {"training": {"epochs": 100}},
         "check": {"kind": "metric_at_least", "metric": "accuracy", "value": 1.0}}
    ]}

Everything here is plain Python: the checks read the Project (its layers, settings and
history), the set-up returns a changed copy. No Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from . import runs
from .errors import ProjectError
from .schema import LAYER_TYPES, DatasetSpec, LayerSpec, Project, TrainingSpec

MAX_STEPS = 50
MAX_STEP_TEXT = 10_000
LANGUAGES = ("en", "ko")
TEXT_KEYS = ("title", "do", "look_for")
TRAINING_KEYS = tuple(TrainingSpec.__dataclass_fields__)  # loss, optimizer, batch_size, ...

# kind -> the keys it needs (besides "kind"); what each means is in ``check``'s docstring.
CHECK_KINDS: dict[str, tuple[str, ...]] = {
    "metric_at_least": ("metric", "value"),
    "metric_at_most": ("metric", "value"),
    "layer_count": ("layer_type", "value"),
    "layer_count_at_least": ("layer_type", "value"),
    "epochs_trained_at_least": ("value",),
    "setting_equals": ("setting", "value"),
    "stopped_early": (),
}


@dataclass
class Step:
    title: dict[str, str]
    do: dict[str, str] = field(default_factory=dict)
    look_for: dict[str, str] = field(default_factory=dict)
    setup: dict[str, Any] | None = None  # {"network": ..., "dataset": ..., "training": {...}}
    check: dict[str, Any] | None = None  # {"kind": ..., ...}

    def text(self, key: str, language: str) -> str:
        """The step's ``key`` text in ``language`` (English when that language is missing)."""
        texts = getattr(self, key)
        return texts.get(language) or texts.get("en") or ""


@dataclass
class Lesson:
    steps: list[Step] = field(default_factory=list)
    current: int = 0  # the step the student is at (0-based); the file's "step" is 1-based

    def to_dict(self) -> dict[str, Any]:
        out = []
        for step in self.steps:
            item: dict[str, Any] = {"title": dict(step.title)}
            if step.do:
                item["do"] = dict(step.do)
            if step.look_for:
                item["look_for"] = dict(step.look_for)
            if step.setup:
                item["setup"] = copy.deepcopy(step.setup)
            if step.check:
                item["check"] = dict(step.check)
            out.append(item)
        if self.current:  # only when not at the first step: older files stay as they were
            return {"steps": out, "step": self.current + 1}
        return {"steps": out}


# ---------------------------------------------------------------------------- reading
def _bad(where: str, expected: str, value) -> ProjectError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return ProjectError(f"The lesson's {where} should be {expected}, but it is {shown}.")


def _texts(item: dict, key: str, where: str, required: bool = False) -> dict[str, str]:
    value = item.get(key)
    if value is None and not required:
        return {}
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or not value:
        raise _bad(f"{where} {key}", 'a table such as {"en": "...", "ko": "..."}', value)
    for lang, text in value.items():
        if not isinstance(lang, str) or not isinstance(text, str) or len(text) > MAX_STEP_TEXT:
            raise _bad(f"{where} {key}", "text per language", value)
    return dict(value)


def _plain(value, depth: int = 0) -> bool:
    """JSON text, numbers, true/false, null, and lists / tables of them, nested at most 10 deep."""
    if value is None or isinstance(value, (bool, int, float)):
        return True
    if isinstance(value, str):
        return len(value) <= MAX_STEP_TEXT
    if depth >= 10:
        return False
    if isinstance(value, list):
        return len(value) <= 200 and all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return len(value) <= 200 and all(
            isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items()
        )
    return False


def lesson_from_dict(content) -> Lesson:
    """The lesson in a project file, checked (ProjectError saying what is wrong)."""
    if not isinstance(content, dict):
        raise _bad("table", 'a table such as {"steps": [...]}', content)
    if not _plain(content):
        raise _bad("table", "plain text, numbers and tables", content)
    raw = content.get("steps")
    if not isinstance(raw, list) or not raw:
        raise _bad("steps", "a list of at least one step", raw)
    if len(raw) > MAX_STEPS:
        raise ProjectError(f"The lesson has {len(raw)} steps; nnstudio shows up to {MAX_STEPS}.")
    at = content.get("step", 1)
    if isinstance(at, bool) or not isinstance(at, int):
        raise _bad("step", "the number of the step the student is at", at)
    steps = []
    for number, item in enumerate(raw, start=1):
        where = f"step {number}"
        if not isinstance(item, dict):
            raise _bad(where, "a table", item)
        setup = item.get("setup")
        if setup is not None:
            _check_setup(setup, where)
        check = item.get("check")
        if check is not None:
            _check_check(check, where)
        steps.append(
            Step(
                title=_texts(item, "title", where, required=True),
                do=_texts(item, "do", where),
                look_for=_texts(item, "look_for", where),
                setup=copy.deepcopy(setup) if setup else None,
                check=dict(check) if check else None,
            )
        )
    return Lesson(steps, current=min(max(at, 1), len(steps)) - 1)


def with_current_step(lesson: dict[str, Any], index: int) -> dict[str, Any]:
    """The lesson table with the student at step ``index`` (0-based; "step" is left out at 0)."""
    out = {k: v for k, v in lesson.items() if k != "step"}
    if index:
        out["step"] = int(index) + 1
    return out


def _check_setup(setup, where: str) -> None:
    if not isinstance(setup, dict) or not set(setup) <= {"network", "dataset", "training"}:
        raise _bad(f"{where} setup", "a table with network, dataset and/or training", setup)
    network = setup.get("network")
    if network is not None:
        layers = network.get("layers") if isinstance(network, dict) else None
        if not isinstance(layers, list):
            raise _bad(f"{where} network", 'a table with "layers": [...]', network)
        for layer in layers:
            if (
                not isinstance(layer, dict)
                or layer.get("type") not in LAYER_TYPES
                or not isinstance(layer.get("config", {}), dict)
            ):
                raise _bad(
                    f"{where} network layer",
                    f"a table with a type ({', '.join(LAYER_TYPES)})",
                    layer,
                )
    dataset = setup.get("dataset")
    if dataset is not None and (not isinstance(dataset, dict) or "name" not in dataset):
        raise _bad(f"{where} data set", 'a table with "name"', dataset)
    training = setup.get("training")
    if training is not None and (
        not isinstance(training, dict) or not set(training) <= set(TRAINING_KEYS)
    ):
        raise _bad(f"{where} training settings", f"a table of {', '.join(TRAINING_KEYS)}", training)
    if training and training.get("early_stopping") is not None:
        runs.from_file({"early_stopping": training["early_stopping"]}, TrainingSpec())


def _check_check(check, where: str) -> None:
    kind = check.get("kind") if isinstance(check, dict) else None
    if kind not in CHECK_KINDS:
        raise _bad(
            f"{where} check", f"a table whose kind is one of {', '.join(CHECK_KINDS)}", check
        )
    for key in CHECK_KINDS[kind]:
        if key not in check:
            raise _bad(f"{where} check", f"a {kind} check with {key!r}", check)


def lesson_of(project: Project) -> Lesson | None:
    """The project's guided lesson, or None (a project without one, or one that is broken)."""
    raw = getattr(project, "lesson", None)
    if not raw:
        return None
    try:
        return lesson_from_dict(raw)
    except ProjectError:
        return None


# ---------------------------------------------------------------------------- set-up
def apply_setup(project: Project, setup: dict[str, Any] | None) -> Project:
    """A copy of ``project`` set up for a step: the network's layers replaced (weights and
    history forgotten), the data set replaced, training settings changed. The lesson stays."""
    p = project.copy()
    if not setup:
        return p
    network = setup.get("network")
    if network is not None:
        p.layers = []
        for layer in network["layers"]:
            spec = LayerSpec(type=layer["type"], config=dict(layer.get("config", {})))
            spec.id = layer.get("id") or p.new_layer_id(spec.type)
            p.layers.append(spec)
        if network.get("input_shape"):
            p.input_shape = tuple(network["input_shape"])
        forget_training(p)
    dataset = setup.get("dataset")
    if dataset is not None:
        p.dataset = DatasetSpec(
            name=dataset["name"],
            params=dict(dataset.get("params", {})),
            path=dataset.get("path"),
            format=dataset.get("format"),
            options=dict(dataset.get("options", {})),
        )
    for key, value in (setup.get("training") or {}).items():
        setattr(p.training, key, copy.deepcopy(value))
    return p


def forget_training(p: Project) -> None:
    p.weights = None
    p.optimizer_state = None
    p.history = {}
    p.epochs_trained = 0


def network_setup(project: Project) -> dict[str, Any]:
    """The ``network`` set-up that rebuilds ``project``'s layers (for writing lessons)."""
    return {
        "layers": [
            {"type": s.type, "config": {k: v for k, v in s.config.items() if k != "name"}}
            for s in project.layers
        ]
    }


# ---------------------------------------------------------------------------- checks
def _last(project: Project, metric: str) -> float | None:
    values = (project.history or {}).get(metric) or []
    return float(values[-1]) if values else None


def check(rule: dict[str, Any] | None, project: Project) -> bool | None:
    """Whether ``project`` passes a step's check; None when the step has none.

    metric_at_least / metric_at_most: the last epoch's ``metric`` (a Keras history name such
    as "accuracy" or "val_loss") is >= / <= ``value``. layer_count / layer_count_at_least:
    the network has exactly / at least ``value`` layers of ``layer_type`` ("Dense", "any").
    epochs_trained_at_least: that many epochs trained since the weights were last reset.
    setting_equals: a training setting (``setting``) equals ``value``.
    stopped_early: early stopping is on and the history ends where it stops
    (:func:`stopped_early`).
    """
    if not rule:
        return None
    kind, value = rule["kind"], rule.get("value")
    if kind in ("metric_at_least", "metric_at_most"):
        last = _last(project, rule["metric"])
        if last is None:
            return False
        return last >= value - 1e-9 if kind == "metric_at_least" else last <= value + 1e-9
    if kind in ("layer_count", "layer_count_at_least"):
        wanted = rule["layer_type"]
        n = sum(1 for s in project.layers if wanted in ("any", s.type))
        return n == value if kind == "layer_count" else n >= value
    if kind == "epochs_trained_at_least":
        return int(project.epochs_trained or 0) >= value
    if kind == "setting_equals":
        return getattr(project.training, rule["setting"], None) == value
    if kind == "stopped_early":
        return stopped_early(project)
    return False


def stopped_early(project: Project) -> bool:
    """Whether the history ends at the epoch where the project's early stopping stops a run
    started from epoch 1: the monitored value has not improved by more than ``min_delta`` for
    ``patience`` epochs (the engine's EarlyStopping, replayed on the recorded values; a loss
    must fall, an accuracy rise). A run that trained all its epochs does not end there."""
    settings = runs.early_stopping_settings(project.training)
    if settings is None:
        return False
    values = (project.history or {}).get(settings["monitor"]) or []
    falls = "acc" not in settings["monitor"]
    delta, patience = float(settings["min_delta"]), int(settings["patience"])
    best, wait = None, 0
    for epoch, value in enumerate(values):
        wait += 1
        better = best is None or (value + delta < best if falls else value - delta > best)
        if better:
            best, wait = value, 0
        elif wait >= patience and epoch > 0:
            return epoch == len(values) - 1  # the run stopped here
    return False
