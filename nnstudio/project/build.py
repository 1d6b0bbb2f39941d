"""From a project (plain dataclasses) to engine objects and back.

``build_model(project)`` makes the compiled engine model the project describes, with its
trained weights and optimizer state when it has them; ``build_dataset(project)`` loads the
data set it names; ``prepare_data(project, dataset)`` shapes the labels for the chosen loss;
``capture(document_or_project, model, history)`` writes what training produced back.

Only the engine's allow-listed layer classes, losses and optimizers are ever built: nothing
a project names is imported or called.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.i18n import NoQt

from .errors import ProjectError
from .schema import LAYER_TYPES, DatasetSpec, Project
from .validate import check_network, expected_weight_shapes, output_units


def _engine():
    try:
        import nnstudio.engine as engine
        from nnstudio.engine import layers, optimizers
    except ImportError as exc:  # pragma: no cover - only while the engine is being written
        raise ProjectError(f"The training engine could not be loaded ({exc}).") from exc
    return engine, layers, optimizers


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(".")


def build_layers(project: Project) -> list:
    """The engine layers of the project's network, named by their ids (not built)."""
    _, layers, _ = _engine()
    out = []
    for index, spec in enumerate(project.layers, start=1):
        if spec.type not in LAYER_TYPES or spec.type not in layers.LAYER_CLASSES:
            raise ProjectError(
                f"Layer {index} has the type {spec.type!r}, which nnstudio does not know; "
                f"use one of {', '.join(LAYER_TYPES)}."
            )
        config = {k: v for k, v in dict(spec.config).items() if k != "name"}
        config["name"] = spec.id
        try:
            out.append(layers.deserialize({"class_name": spec.type, "config": config}))
        except Exception as exc:  # the engine says what is wrong with the setting
            raise ProjectError(
                f"Layer {index} ({spec.id}) has a bad setting: {_one_line(exc)}."
            ) from exc
    return out


def normalize_layers(project: Project) -> None:
    """Replace each layer's config by the engine's complete ``get_config()`` (without "name")."""
    for spec, layer in zip(project.layers, build_layers(project)):
        spec.config = {k: v for k, v in layer.get_config().items() if k != "name"}


def build_optimizer(project: Project):
    _, _, optimizers = _engine()
    try:
        return optimizers.deserialize(project.training.optimizer)
    except Exception as exc:
        raise ProjectError(f"The optimizer settings are not valid: {_one_line(exc)}.") from exc


def build_model(project: Project, restore: bool = True):
    """The compiled engine ``Sequential`` the project describes.

    Layers are named by their spec ids, built for ``project.input_shape``, compiled with the
    training settings; ``model.seed`` is ``training.seed``. With ``restore`` (the default) the
    saved weights and optimizer state are put back, so training continues where it stopped.
    """
    engine, _, _ = _engine()
    check_network(project)
    training = project.training
    engine.set_random_seed(int(training.seed))  # same project + seed -> same initial weights
    model = engine.Sequential(build_layers(project), name=_model_name(project))
    try:
        model.build(tuple(int(d) for d in project.input_shape))
    except Exception as exc:
        raise ProjectError(f"The network could not be built: {_one_line(exc)}.") from exc
    try:
        model.compile(
            optimizer=build_optimizer(project),
            loss=training.loss,
            metrics=list(training.metrics or []),
        )
    except ProjectError:
        raise
    except Exception as exc:
        raise ProjectError(f"The training settings are not valid: {_one_line(exc)}.") from exc
    model.seed = int(training.seed)
    if restore:
        restore_state(project, model)
    return model


def restore_state(project: Project, model) -> None:
    """Put the project's trained weights and optimizer state into ``model``."""
    if project.weights:
        expected = expected_weight_shapes(project)
        if set(project.weights) != set(expected):
            raise ProjectError(
                "The saved weights do not belong to this network "
                f"(expected {', '.join(sorted(expected)) or 'none'}, found "
                f"{', '.join(sorted(project.weights)) or 'none'}); reset the weights and train again."
            )
        try:
            model.set_weight_dict(project.weights)
        except Exception as exc:
            raise ProjectError(
                f"The saved weights do not fit this network: {_one_line(exc)}; reset the weights and train again."
            ) from exc
    restore_optimizer_state(project, model)


def restore_optimizer_state(project: Project, model) -> bool:
    """Put the saved optimizer state back; True when it fit.

    A state that does not fit (made by another optimizer, e.g. after Undo of an optimizer
    switch, or by other settings) is dropped: the optimizer starts fresh with the trained
    weights, as it would after switching optimizers. Nothing is lost that training needs.
    """
    if not project.optimizer_state:
        return True
    try:
        model.optimizer.set_state(project.optimizer_state)
        return True
    except Exception:
        pass
    optimizer = build_optimizer(project)  # set_state may have filled some slots: a fresh one
    model.optimizer = optimizer
    flat = getattr(model, "_flat", None)
    if flat is not None:
        optimizer.build(flat)
    return False


def _model_name(project: Project) -> str:
    return "sequential"


def build_dataset(project: Project, progress=None, cancel=None):
    """The ``nnstudio.data.Dataset`` the project trains on (``DataError`` if it cannot be had,
    ``ProjectError`` if the project names no file or an unknown data set).

    ``progress(done_bytes, total_bytes)`` and ``cancel`` (has ``is_set()``) are handed to a data
    set that has to be downloaded first (full MNIST, Fashion-MNIST).
    """
    spec = project.dataset
    if spec.name == "file" and project.embedded_data:  # the user's data kept in the project
        from .embed import embedded_dataset

        return embedded_dataset(project)
    problem = _dataset_problem(spec)
    if problem:
        template, values = problem
        raise ProjectError.of(template, **values)
    if spec.name != "file":
        check_dataset_params(spec.name, spec.params)  # settings from a file are data
    return load_dataset(spec, progress, cancel)


def load_dataset(spec: DatasetSpec, progress=None, cancel=None):
    """The ``Dataset`` a ``DatasetSpec`` names: the user's file or a built-in set with its params
    (``DataError`` if it cannot be had). Training, the CLI and the Data panel load through this."""
    import nnstudio.data as data

    problem = _dataset_problem(spec)
    if problem:
        template, values = problem
        raise data.DataError.of(template, **values)
    if spec.name == "file":
        return data.load_file(spec.path, format=spec.format, **dict(spec.options or {}))
    extra = {}
    if getattr(data.DATASETS[spec.name], "needs_download", False):
        extra = {k: v for k, v in (("progress", progress), ("cancel", cancel)) if v is not None}
    return data.load(spec.name, **dict(spec.params or {}), **extra)


def _t(text: str) -> str:  # an error template, translated where the studio shows it
    return NoQt.translate("errors", text)


def _dataset_problem(spec: DatasetSpec) -> tuple[str, dict] | None:
    """Why ``spec`` names no data set that can be loaded: (template, values), or None."""
    import nnstudio.data as data

    if spec.name == "file" and not spec.path:
        return _t(
            "The project uses your own data file, but no file is set; use Open file… in the "
            "Data panel to choose one."
        ), {}
    if spec.name != "file" and spec.name not in data.DATASETS:
        return _t(
            "The project uses the data set “{name}”, which this nnstudio does not have; "
            "choose one of {names}."
        ), {"name": spec.name, "names": ", ".join(data.DATASETS)}
    return None


def check_dataset_params(name: str, params) -> None:
    """A project's data-set settings are data, not instructions: only the settings the data set
    has (``DATASETS[name].params``: n_samples, noise, seed, ...) with plain values; never
    download addresses, timeouts or callbacks (those come from the studio, not a file)."""
    import nnstudio.data as data

    from nnstudio.data.catalog import layout_params

    allowed = {**data.DATASETS[name].params, **layout_params(name)}
    for key, value in dict(params or {}).items():
        if key not in allowed:
            known = ", ".join(allowed) or "none"
            raise ProjectError.of(
                _t(
                    "The project gives the data set “{name}” the setting “{key}”, which it does "
                    "not have (its settings: {known}); remove it in the Data panel."
                ),
                name=name,
                key=str(key)[:40],
                known=known,
            )
        default = allowed[key]
        plain = (bool, int, float, str, type(None))
        if not isinstance(value, plain) or (isinstance(value, str) and len(value) > 100):
            raise ProjectError.of(
                _t("The data set setting {key}={value} should be a plain number or name."),
                key=key,
                value=repr(str(value)[:40]),
            )
        if isinstance(default, bool) and not isinstance(value, bool):
            raise ProjectError.of(
                _t("The data set setting {key} should be true or false, received: {value}."),
                key=key,
                value=repr(str(value)[:40]),
            )
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ProjectError.of(
                    _t("The data set setting {key} should be a number, received: {value}."),
                    key=key,
                    value=repr(str(value)[:40]),
                )
            if not math.isfinite(value) or abs(value) > 1e9:
                raise ProjectError.of(
                    _t("The data set setting {key}={value} is out of range; use a smaller number."),
                    key=key,
                    value=repr(value),
                )


def prepare_data(
    project: Project, dataset
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(x_train, y_train, x_test, y_test)`` with the labels in the form the loss expects.

    Classification labels are int class numbers in a ``Dataset``: sparse categorical
    cross-entropy takes them as they are; categorical cross-entropy (and an error loss on a
    multi-unit output) takes them one-hot; a single output unit takes them as a (n, 1) column
    of 0.0/1.0. Regression targets become (n, k) float columns.
    """
    expected = tuple(project.input_shape or ())
    found = tuple(dataset.input_shape)
    if expected != found:
        raise ProjectError(
            f"The network expects inputs of shape {_shape(expected)}, but the data set "
            f"{dataset.name!r} has inputs of shape {_shape(found)}; choose the data set again "
            "in the Data panel so the network's input follows it."
        )
    units = output_units(project)
    from nnstudio.engine.losses import canonical_name

    loss = canonical_name(project.training.loss)
    return (
        np.asarray(dataset.x_train),
        _targets(dataset, dataset.y_train, loss, units),
        np.asarray(dataset.x_test),
        _targets(dataset, dataset.y_test, loss, units),
    )


def _shape(shape: tuple) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _targets(dataset, y, loss: str, units: int | None) -> np.ndarray:
    y = np.asarray(y)
    if dataset.task != "classification":
        y = y.astype(np.float32, copy=False)
        y = y.reshape(-1, 1) if y.ndim == 1 else y
        if units is not None and y.shape[1] != units:
            raise ProjectError(
                f"The data set {dataset.name!r} has {y.shape[1]} target value(s) per sample, but the "
                f"last layer has {units} unit(s); make the last Dense layer {y.shape[1]} unit(s) wide."
            )
        return y
    classes = int(dataset.num_classes or (int(y.max()) + 1 if y.size else 1))
    if loss == "sparse_categorical_crossentropy":
        if units is not None and units != classes:
            raise _units_error(dataset, classes, units, loss)
        return y.astype(np.int64, copy=False)
    if units == 1 and loss != "categorical_crossentropy":
        if classes > 2:
            raise ProjectError(
                f"The data set {dataset.name!r} has {classes} classes, but the last layer has 1 unit; "
                f"make it {classes} units with softmax and use categorical cross-entropy."
            )
        return y.astype(np.float32).reshape(-1, 1)
    if units is not None and units != classes:
        raise _units_error(dataset, classes, units, loss)
    onehot = np.zeros((y.shape[0], classes), dtype=np.float32)
    onehot[np.arange(y.shape[0]), y.astype(np.int64)] = 1.0
    return onehot


def _units_error(dataset, classes: int, units: int, loss: str) -> ProjectError:
    return ProjectError(
        f"The data set {dataset.name!r} has {classes} classes, but the last layer has {units} unit(s); "
        f"make the last Dense layer {classes} units wide (one per class)."
    )


def capture(target, model, history=None) -> None:
    """Write what training produced back into a ``Document`` or a ``Project``.

    Weights (``model.weight_dict()``) and optimizer state replace the old ones; ``history``
    (an engine ``History`` or a dict of per-epoch lists) is appended to the project's history
    and ``epochs_trained`` advanced. Keys that appear in only one of the two are padded with
    NaN so every list stays one value per epoch.
    """
    state = model.optimizer.get_state() if getattr(model, "optimizer", None) is not None else None
    capture_state(target, model.weight_dict(), state, history)


def capture_state(target, weights, optimizer_state, history=None) -> None:
    """``capture`` from what a model held at some point (a snapshot taken at an epoch's end, or
    the state a run decided to keep) instead of from a live model."""
    from .document import Document

    project = target.project if isinstance(target, Document) else target
    state = optimizer_state
    merged, epochs = _merge_history(project, history)
    if isinstance(target, Document):
        target.set_weights(weights, state)
        if history is not None:
            target.set_history(merged, epochs)
    else:
        project.weights = weights
        project.optimizer_state = state
        if history is not None:
            project.history = merged
            project.epochs_trained = epochs


def _merge_history(project: Project, history) -> tuple[dict[str, list[float]], int]:
    old = {k: [float(v) for v in values] for k, values in (project.history or {}).items()}
    before = int(project.epochs_trained or 0)
    if history is None:
        return old, before
    new = getattr(history, "history", history) or {}
    new = {str(k): [float(v) for v in values] for k, values in dict(new).items()}
    count = max((len(v) for v in new.values()), default=0)
    epochs_list = list(getattr(history, "epoch", []) or [])
    after = int(epochs_list[-1]) + 1 if epochs_list else before + count
    after = max(after, before + count)
    # earlier epochs kept in the history (it can be shorter than epochs_trained if a project
    # was trained elsewhere before history was recorded): pad to the longest old list.
    old_len = max((len(v) for v in old.values()), default=0)
    merged = {}
    for key in list(old) + [k for k in new if k not in old]:
        head = old.get(key, [])
        head = head + [math.nan] * (old_len - len(head))
        tail = new.get(key, [])
        tail = tail + [math.nan] * (count - len(tail))
        merged[key] = head + tail
    return merged, after
