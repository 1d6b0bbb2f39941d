"""Checks a project against fixed allow-lists and size limits before anything is built.

Everything here works on the plain dataclasses (no engine objects are made), so a hostile or
damaged file is refused before a single large array is allocated. Names (layer types,
activations, losses, optimizers, metrics) are only ever looked up in fixed tables. Shapes and
parameter counts are the engine layer classes' own answers (``output_shape_for`` and
``weight_shapes_for``), computed from the configs without building anything.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .errors import ProjectError
from .schema import LAYER_TYPES, Project

MAX_UNITS = 100_000  # units of one Dense layer
MAX_FEATURES = 1_000_000  # per-sample input size
MAX_PARAMS = 50_000_000  # parameters of the whole network (200 MB as float32)
MAX_LAYERS = 1_000
MAX_EPOCHS = 1_000_000
MAX_BATCH = 10_000_000
ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")


def known_names(kind: str) -> tuple[str, ...]:
    """Lower-case names the engine registers for ``kind`` (activations, losses, optimizers,
    metrics): its registries are the one list."""
    from nnstudio.engine import activations, losses, metrics, optimizers

    table = {
        "activations": activations.ACTIVATIONS,
        "losses": losses.LOSSES,
        "optimizers": optimizers.OPTIMIZERS,
        "metrics": metrics.METRICS,
    }[kind]
    return tuple(str(name).lower() for name in table)


def layer_class(layer_type: str):
    """The engine layer class of an allow-listed type (its shape descriptors, never its code)."""
    from nnstudio.engine.layers import LAYER_CLASSES

    return LAYER_CLASSES[layer_type]


def layer_shapes(layer_type: str, config: dict, input_shape) -> tuple[tuple, dict]:
    """(output shape, {"kernel": shape, ...}) of one layer for a per-sample input shape."""
    cls = layer_class(layer_type)
    return cls.output_shape_for(config, input_shape), cls.weight_shapes_for(config, input_shape)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(
        value
    )


def _shape_text(shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def check_input_shape(shape: Any) -> tuple[int, ...]:
    if (
        not isinstance(shape, (tuple, list))
        or not shape
        or not all(is_int(d) and d > 0 for d in shape)
    ):
        raise ProjectError(
            f"The network's input shape should be a list of positive whole numbers such as (2,), "
            f"but it is {shape!r}; choose the data set again so the input shape is set."
        )
    size = math.prod(shape)
    if size > MAX_FEATURES:
        raise ProjectError(
            f"The network's input shape {_shape_text(shape)} has {size:,} values per sample; "
            f"nnstudio handles up to {MAX_FEATURES:,}."
        )
    return tuple(int(d) for d in shape)


def check_network(project: Project, complete: bool = True) -> None:
    """Refuse a network or training setting that is unknown, malformed or absurdly large.

    ``complete=False`` (saving and opening files) also accepts a network still being drawn:
    no layers yet, or no input shape yet (no data set chosen).
    """
    if project.input_shape is None and complete:
        raise ProjectError("The network has no input shape yet; choose a data set first.")
    shape = check_input_shape(project.input_shape) if project.input_shape is not None else None
    if not project.layers and complete:
        raise ProjectError("The network has no layers; add at least one Dense layer.")
    if len(project.layers) > MAX_LAYERS:
        raise ProjectError(
            f"The network has {len(project.layers)} layers; nnstudio handles up to {MAX_LAYERS}."
        )
    activations = known_names("activations")
    seen: set[str] = set()
    params = 0
    for index, spec in enumerate(project.layers, start=1):
        if not isinstance(spec.type, str) or spec.type not in LAYER_TYPES:
            raise ProjectError(
                f"Layer {index} has the type {str(spec.type)[:60]!r}, which nnstudio does not know; "
                f"the known layer types are {', '.join(LAYER_TYPES)}."
            )
        if not isinstance(spec.id, str) or not ID_PATTERN.match(spec.id) or spec.id in seen:
            raise ProjectError(
                f"Layer {index} has the name {str(spec.id)[:60]!r}; a layer name must be unique and made of "
                "letters, digits and underscores, such as dense_1."
            )
        seen.add(spec.id)
        config = spec.config
        if not isinstance(config, dict) or not all(isinstance(k, str) for k in config):
            raise ProjectError(
                f"Layer {index} ({spec.id}) has settings that are not a table of named values."
            )
        activation = config.get("activation")
        if spec.type == "Activation" or activation is not None:
            if not isinstance(activation, str) or activation.lower() not in activations:
                raise ProjectError(
                    f"Layer {index} ({spec.id}) uses the activation {str(activation)[:60]!r}, which nnstudio "
                    f"does not know; use one of {', '.join(activations)}."
                )
        if spec.type == "Dense":
            units = config.get("units")
            if not is_int(units) or not 1 <= units <= MAX_UNITS:
                raise ProjectError(
                    f"Layer {index} ({spec.id}) should have between 1 and {MAX_UNITS:,} units, "
                    f"but it has {str(units)[:40]}."
                )
            use_bias = config.get("use_bias", True)
            if not isinstance(use_bias, bool):
                raise ProjectError(
                    f"Layer {index} ({spec.id}) has use_bias={use_bias!r}; it should be true or false."
                )
        elif spec.type == "Dropout":
            rate = config.get("rate")
            if not is_number(rate) or not 0 <= rate < 1:
                raise ProjectError(
                    f"Layer {index} ({spec.id}) should drop a fraction between 0 and 1 of its inputs, "
                    f"but its rate is {str(rate)[:40]}."
                )
        if shape is None:
            continue
        try:
            shape, weights = layer_shapes(spec.type, config, shape)
        except ValueError as exc:
            if not complete:  # a network still being drawn may not fit together yet
                shape = None
                continue
            raise ProjectError(
                f"Layer {index} ({spec.id}) does not fit the shape coming into it: {exc}"
            ) from None
        params += sum(math.prod(s) for s in weights.values())
        if params > MAX_PARAMS:
            raise ProjectError(
                f"The network has more than {MAX_PARAMS:,} parameters (counted up to layer {index}, "
                f"{spec.id}); nnstudio handles networks up to that size."
            )
    check_training(project)


def check_training(project: Project) -> None:
    t = project.training
    losses = known_names("losses")
    if not isinstance(t.loss, str) or t.loss.lower() not in losses:
        raise ProjectError(
            f"The loss {str(t.loss)[:60]!r} is not one nnstudio knows; use one of {', '.join(losses)}."
        )
    optimizers = known_names("optimizers")
    opt = t.optimizer
    if isinstance(opt, str):
        opt = {"class_name": opt, "config": {}}
    if (
        not isinstance(opt, dict)
        or not isinstance(opt.get("class_name"), str)
        or not isinstance(opt.get("config", {}), dict)
    ):
        raise ProjectError(
            "The optimizer should be written as a name and its settings, such as "
            '{"class_name": "Adam", "config": {"learning_rate": 0.001}}.'
        )
    if opt["class_name"].lower() not in optimizers:
        raise ProjectError(
            f"The optimizer {opt['class_name'][:60]!r} is not one nnstudio knows; use one of "
            f"{', '.join(optimizers)}."
        )
    for key, value in opt.get("config", {}).items():
        if not isinstance(key, str) or not (
            value is None or isinstance(value, (bool, str)) or is_number(value)
        ):
            raise ProjectError(
                f"The optimizer setting {str(key)[:40]!r} should be a number, but it is {str(value)[:40]}."
            )
    metrics = known_names("metrics")
    if not isinstance(t.metrics, (list, tuple)) or not all(
        isinstance(m, str) and m.lower() in metrics for m in t.metrics
    ):
        raise ProjectError(
            f"The metrics {str(t.metrics)[:80]} are not all ones nnstudio knows; use some of {', '.join(metrics)}."
        )
    if not is_int(t.batch_size) or not 1 <= t.batch_size <= MAX_BATCH:
        raise ProjectError(
            f"The batch size should be a whole number of at least 1, but it is {str(t.batch_size)[:40]}."
        )
    if not is_int(t.epochs) or not 0 <= t.epochs <= MAX_EPOCHS:
        raise ProjectError(
            f"The number of epochs should be a whole number of at least 0, but it is {str(t.epochs)[:40]}."
        )
    if not is_number(t.validation_split) or not 0 <= t.validation_split < 1:
        raise ProjectError(
            f"The validation split should be a fraction from 0 up to (not including) 1, "
            f"but it is {str(t.validation_split)[:40]}."
        )
    if not is_int(t.seed) or not 0 <= t.seed < 2**32:
        raise ProjectError(
            f"The seed should be a whole number from 0 to 4294967295, but it is {str(t.seed)[:40]}."
        )


def expected_weight_shapes(project: Project) -> dict[str, tuple[int, ...]]:
    """``{"dense/kernel": (2, 8), "dense/bias": (8,), ...}`` for the (checked) network."""
    shapes: dict[str, tuple[int, ...]] = {}
    shape = tuple(project.input_shape)
    for spec in project.layers:
        shape, weights = layer_shapes(spec.type, spec.config, shape)
        shapes.update({f"{spec.id}/{key}": tuple(s) for key, s in weights.items()})
    return shapes


def output_units(project: Project) -> int | None:
    """Width of the network's output, or None when no layer learns anything (or no input shape)."""
    if project.input_shape is None:
        return None
    shape, learns = tuple(project.input_shape), False
    for spec in project.layers:
        shape, weights = layer_shapes(spec.type, spec.config, shape)
        learns = learns or bool(weights)
    return int(shape[-1]) if learns else None


MAX_ITERATIONS = 2**53  # optimizer steps: exact as a float, far beyond any real run


def check_weights(project: Project) -> None:
    """Saved weights and optimizer state must match the network exactly (names and shapes)."""
    if not project.weights and not project.optimizer_state:
        return
    if project.input_shape is None:
        raise ProjectError(
            "The project holds trained weights but no input shape; the file is damaged."
        )
    expected = expected_weight_shapes(project)
    if project.weights:
        missing = sorted(set(expected) - set(project.weights))
        extra = sorted(set(project.weights) - set(expected))
        if missing or extra:
            what = (
                f"missing {', '.join(missing)}"
                if missing
                else f"has weights for {', '.join(extra[:5])}"
            )
            raise ProjectError(
                f"The saved weights do not belong to this network ({what}); the file is damaged or was "
                "edited by hand."
            )
        for key, shape in expected.items():
            found = tuple(project.weights[key].shape)
            if found != shape:
                raise ProjectError(
                    f"The saved weights {key} have the shape {_shape_text(found)}, but the network needs "
                    f"{_shape_text(shape)}; the file is damaged or was edited by hand."
                )
    if project.optimizer_state:
        for key, array in project.optimizer_state.items():
            if key == "iterations":
                if array.shape != () or array.dtype.kind not in "iu" or int(array) < 0:
                    raise ProjectError(
                        "The saved optimizer step count is not a whole number; the file is damaged."
                    )
                if int(array) > MAX_ITERATIONS:
                    raise ProjectError(
                        f"The saved optimizer step count {int(array):,} is far more than any training "
                        f"takes (at most {MAX_ITERATIONS:,}); the file is damaged or was edited by hand."
                    )
                continue
            param = next((p for p in expected if key.startswith(p + "/")), None)
            if param is None:
                raise ProjectError(
                    f"The saved optimizer state {key[:60]!r} belongs to no weight of this network; "
                    "the file is damaged or was edited by hand."
                )
            if tuple(array.shape) != expected[param]:
                raise ProjectError(
                    f"The saved optimizer state {key} has the shape {_shape_text(array.shape)}, but its "
                    f"weight has {_shape_text(expected[param])}; the file is damaged or was edited by hand."
                )
