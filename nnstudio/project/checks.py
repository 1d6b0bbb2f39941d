"""Before training: is the network right for the data and the loss? (no Qt)

``check(project, dataset_info) -> list[Problem]`` looks for the classic beginner mistakes
(output units ≠ number of classes, softmax with binary cross-entropy, a classification loss
on a regression target, ...) and says each in plain words, with a one-click fix where the
fix is obvious.

``dataset_info`` is a ``nnstudio.data.Dataset`` or anything with ``task``
("classification" | "regression"), ``num_classes`` and optionally ``input_shape``,
``y_train`` and ``output_dim``.

A fix is a list of *edits* — plain tuples the GUI turns into undo commands:

* ``("update_layer", index, {key: value})``
* ``("insert_layer", index, LayerSpec)``
* ``("set_training", {key: value})``
* ``("set_input_shape", shape)``

``problem.fix(document)`` applies them directly (for code without an undo stack).

Label format: our data sets give integer labels. ``sparse_categorical_crossentropy`` takes
them directly; for ``categorical_crossentropy`` the training code converts them to one-hot
(``nnstudio.project.build.prepare_data``), so both losses work with any data set.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Callable

from nnstudio.i18n import NoQt

from .schema import LayerSpec, Project

ERROR, WARNING = "error", "warning"

CLASSIFICATION_LOSSES = (
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
)
ERROR_LOSSES = ("mse", "mean_squared_error", "mae", "mean_absolute_error", "sse")


@dataclass
class Problem:
    message: str  # in English, ready to show
    fix: Callable[[Any], None] | None = None  # fix(document)
    fix_label: str = ""
    severity: str = ERROR  # "error": training would not work; "warning": it would, poorly
    edits: list[tuple] = field(default_factory=list)
    code: str = ""  # short id for tests and logs, e.g. "units", "softmax_bce"
    template: str = ""  # message == template.format(**args); the GUI translates the template
    fix_template: str = ""  # fix_label == fix_template.format(**args)
    args: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


def _tr(text: str) -> str:
    return NoQt.translate("checks", text)


def apply_edits(document, edits: list[tuple]) -> None:
    """Apply a problem's edits through the Document's methods (no undo)."""
    for edit in edits:
        kind = edit[0]
        if kind == "update_layer":
            document.update_layer(edit[1], **edit[2])
        elif kind == "insert_layer":
            document.insert_layer(edit[1], copy.deepcopy(edit[2]))
        elif kind == "set_training":
            document.set_training(**copy.deepcopy(edit[1]))
        elif kind == "set_input_shape":
            document.set_dataset(document.project.dataset, tuple(edit[1]))
        else:  # pragma: no cover - a programming error
            raise ValueError(f"unknown edit {kind!r}")


def _problem(code, template, args=None, edits=None, fix_template="", severity=ERROR) -> Problem:
    args = dict(args or {})
    edits = list(edits or [])
    fix = (lambda doc, e=edits: apply_edits(doc, e)) if edits else None
    fix_template = fix_template if edits else ""
    return Problem(
        message=template.format(**args),
        fix=fix,
        fix_label=fix_template.format(**args) if fix_template else "",
        severity=severity,
        edits=edits,
        code=code,
        template=template,
        fix_template=fix_template,
        args=args,
    )


def _loss_name(loss) -> str:
    from nnstudio.engine.losses import canonical_name

    return canonical_name(loss or "")


def _activation(config: dict) -> str:
    return str(config.get("activation") or "linear").lower()


def output_layers(project: Project) -> tuple[int | None, int | None]:
    """(index of the last Dense layer, index of the layer that sets the output activation)."""
    dense = None
    for i in range(len(project.layers) - 1, -1, -1):
        if project.layers[i].type == "Dense":
            dense = i
            break
    if dense is None:
        return None, None
    act = dense
    for i in range(dense + 1, len(project.layers)):
        if project.layers[i].type == "Activation":
            act = i
    return dense, act


_LOSS_TEXT = {  # marked for translation; problem_text() translates them when it fills {loss} in
    "binary_crossentropy": _tr("binary cross-entropy"),
    "categorical_crossentropy": _tr("categorical cross-entropy"),
    "sparse_categorical_crossentropy": _tr("sparse categorical cross-entropy"),
}


def check(project: Project, dataset_info) -> list[Problem]:
    """The problems that would make training fail or learn nonsense (empty list: all good)."""
    problems: list[Problem] = []
    task = getattr(dataset_info, "task", None)
    classes = getattr(dataset_info, "num_classes", None)
    loss = _loss_name(project.training.loss)
    out_dim = _target_width(dataset_info)

    shape = getattr(dataset_info, "input_shape", None)
    if shape is not None and tuple(shape) != tuple(project.input_shape or ()):
        args = {"shape": _shape(shape), "network": _shape(project.input_shape)}
        problems.append(
            _problem(
                "input_shape",
                _tr(
                    "The network has no input shape yet, and the data set gives inputs of shape {shape}."
                )
                if project.input_shape is None
                else _tr(
                    "The network expects inputs of shape {network}, but the data set gives {shape}."
                ),
                args,
                [("set_input_shape", tuple(int(d) for d in shape))],
                _tr("Use input shape {shape}"),
            )
        )

    dense, act_index = output_layers(project)
    if dense is None:
        units, activation = _suggested_output(task, classes, out_dim, loss)
        spec = LayerSpec(type="Dense", config={"units": units, "activation": activation})
        problems.append(
            _problem(
                "empty",
                _tr("The network has no layers. It needs at least an output Dense layer.")
                if not project.layers
                else _tr(
                    "The network has no Dense layer, so it has nothing to learn. It needs at least an output Dense layer."
                ),
                {"units": units, "activation": activation},
                [("insert_layer", len(project.layers), spec)],
                _tr("Add a Dense output layer ({units} units, {activation})"),
            )
        )
        return problems
    units = int(project.layers[dense].config.get("units") or 0)
    activation = _activation(project.layers[act_index].config)

    if task == "classification" and classes:
        problems += _classification(project, loss, classes, units, activation, dense, act_index)
    elif task == "regression":
        problems += _regression(
            project, loss, out_dim, units, activation, dense, act_index, dataset_info
        )

    split = float(project.training.validation_split or 0.0)
    n = _sample_count(dataset_info)
    if split and n is not None and int(n * (1.0 - split)) in (0, n):
        problems.append(
            _problem(
                "validation_split",
                _tr(
                    "The data set has only {samples} training sample(s), too few to hold back {percent}% of them "
                    "for validation."
                ),
                {"samples": n, "percent": round(100 * split)},
                [("set_training", {"validation_split": 0.0})],
                _tr("Don't hold back validation data"),
            )
        )

    metrics = [str(m).lower() for m in project.training.metrics or []]
    if task == "regression" and any(m in ("accuracy", "acc") for m in metrics):
        problems.append(
            _problem(
                "accuracy_regression",
                _tr(
                    "Accuracy counts correct classes, but this data set's targets are numbers (regression); "
                    "accuracy will mean nothing here."
                ),
                {},
                [
                    (
                        "set_training",
                        {
                            "metrics": [
                                m
                                for m in project.training.metrics
                                if str(m).lower() not in ("accuracy", "acc")
                            ]
                            + ["mae"]
                        },
                    )
                ],
                _tr("Show mae instead of accuracy"),
                WARNING,
            )
        )
    return problems


def _classification(project, loss, classes, units, activation, dense, act_index) -> list[Problem]:
    out: list[Problem] = []
    args = {
        "classes": classes,
        "units": units,
        "activation": activation,
        "loss": _LOSS_TEXT.get(loss, loss),
    }
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        if units != classes:
            out.append(
                _problem(
                    "units",
                    _tr(
                        "The data set has {classes} classes, but the output layer has {units} unit(s). With {loss} "
                        "it needs one unit per class."
                    ),
                    args,
                    [("update_layer", dense, {"units": classes})],
                    _tr("Set the output layer to {classes} units"),
                )
            )
        if activation == "sigmoid":
            out.append(
                _problem(
                    "sigmoid_cce",
                    _tr(
                        "The output uses sigmoid, but {loss} needs the outputs to be probabilities that add up "
                        "to 1: use softmax."
                    ),
                    args,
                    [("update_layer", act_index, {"activation": "softmax"})],
                    _tr("Use softmax"),
                )
            )
        elif activation != "softmax":
            out.append(
                _problem(
                    "not_softmax_cce",
                    _tr(
                        "The output uses {activation}, so it does not give probabilities; {loss} needs softmax "
                        "on the output layer."
                    ),
                    args,
                    [("update_layer", act_index, {"activation": "softmax"})],
                    _tr("Use softmax"),
                )
            )
    elif loss == "binary_crossentropy":
        if classes > 2:
            out.append(
                _problem(
                    "bce_multiclass",
                    _tr(
                        "Binary cross-entropy is for two classes, but the data set has {classes}. Use sparse "
                        "categorical cross-entropy with {classes} softmax units."
                    ),
                    args,
                    [
                        ("set_training", {"loss": "sparse_categorical_crossentropy"}),
                        ("update_layer", dense, {"units": classes}),
                        ("update_layer", act_index, {"activation": "softmax"}),
                    ],
                    _tr("Switch to sparse categorical cross-entropy ({classes} softmax units)"),
                )
            )
        elif activation == "softmax":
            edits = [("update_layer", act_index, {"activation": "sigmoid"})]
            if units != 1:
                edits.insert(0, ("update_layer", dense, {"units": 1}))
            out.append(
                _problem(
                    "softmax_bce",
                    _tr(
                        "The output uses softmax with binary cross-entropy. Softmax over one unit always gives 1, "
                        "so nothing can be learned. Binary cross-entropy wants one sigmoid unit (or switch the loss "
                        "to sparse categorical cross-entropy with 2 softmax units)."
                    )
                    if units == 1
                    else _tr(
                        "The output uses softmax with binary cross-entropy. Binary cross-entropy wants one sigmoid "
                        "unit (or switch the loss to sparse categorical cross-entropy with 2 softmax units)."
                    ),
                    args,
                    edits,
                    _tr("Use 1 sigmoid unit"),
                )
            )
        else:
            if units != 1:
                out.append(
                    _problem(
                        "units",
                        _tr(
                            "Binary cross-entropy wants one output unit (the probability of class 1), but the "
                            "output layer has {units}; each unit would learn its own yes/no question."
                        ),
                        args,
                        [("update_layer", dense, {"units": 1})],
                        _tr("Set the output layer to 1 unit"),
                        WARNING,
                    )
                )
            if activation != "sigmoid":
                out.append(
                    _problem(
                        "not_sigmoid_bce",
                        _tr(
                            "The output uses {activation}, so it is not a probability between 0 and 1; binary "
                            "cross-entropy needs sigmoid on the output."
                        ),
                        args,
                        [("update_layer", act_index, {"activation": "sigmoid"})],
                        _tr("Use sigmoid"),
                    )
                )
    elif loss in ERROR_LOSSES:
        if classes == 2 and units == 1:
            fix = [
                ("set_training", {"loss": "binary_crossentropy"}),
                ("update_layer", act_index, {"activation": "sigmoid"}),
            ]
            label = _tr("Use binary cross-entropy (sigmoid)")
        else:
            fix = [
                ("set_training", {"loss": "sparse_categorical_crossentropy"}),
                ("update_layer", dense, {"units": classes}),
                ("update_layer", act_index, {"activation": "softmax"}),
            ]
            label = _tr("Use sparse categorical cross-entropy ({classes} softmax units)")
        if units not in (1, classes) or (units == 1 and classes > 2):
            out.append(
                _problem(
                    "units",
                    _tr(
                        "The data set has {classes} classes, but the output layer has {units} unit(s); with "
                        "{loss} the output needs one unit per class (the labels become one-hot)."
                    ),
                    args,
                    [("update_layer", dense, {"units": classes})],
                    _tr("Set the output layer to {classes} units"),
                )
            )
        out.append(
            _problem(
                "mse_classification",
                _tr(
                    "The labels are classes, but {loss} is a loss for numbers. It can work, but a cross-entropy "
                    "loss learns classes faster and more reliably."
                ),
                args,
                fix,
                label,
                WARNING,
            )
        )
    return out


def _regression(project, loss, out_dim, units, activation, dense, act_index, info) -> list[Problem]:
    out: list[Problem] = []
    args = {
        "loss": _LOSS_TEXT.get(loss, loss),
        "targets": out_dim,
        "units": units,
        "activation": activation,
    }
    if loss in CLASSIFICATION_LOSSES:
        edits = [("set_training", {"loss": "mse"})]
        if activation != "linear":
            edits.append(("update_layer", act_index, {"activation": "linear"}))
        out.append(
            _problem(
                "classification_loss_regression",
                _tr(
                    "The targets are numbers (regression), but {loss} is a loss for classes. "
                    "Use mean squared error with a linear output."
                ),
                args,
                edits,
                _tr("Use mse with a linear output"),
            )
        )
    if out_dim and units != out_dim:
        out.append(
            _problem(
                "units",
                _tr(
                    "Each sample has {targets} target value(s), but the output layer has {units} unit(s)."
                ),
                args,
                [("update_layer", dense, {"units": out_dim})],
                _tr("Set the output layer to {targets} unit(s)"),
            )
        )
    if loss not in CLASSIFICATION_LOSSES and activation in ("softmax", "sigmoid", "tanh", "relu"):
        lo, hi = _target_range(info)
        bad = {
            "softmax": True,
            "sigmoid": lo is None or lo < 0 or hi > 1,
            "tanh": lo is None or lo < -1 or hi > 1,
            "relu": lo is not None and lo < 0,
        }[activation]
        if bad:
            if lo is not None:
                args = {**args, "low": f"{lo:.3g}", "high": f"{hi:.3g}"}
            out.append(
                _problem(
                    "squashed_regression",
                    _tr(
                        "The output uses {activation}, which cannot give every target value (they range from "
                        "{low} to {high}); a regression output is usually linear."
                    )
                    if lo is not None
                    else _tr(
                        "The output uses {activation}, which cannot give every target value; a regression output "
                        "is usually linear."
                    ),
                    args,
                    [("update_layer", act_index, {"activation": "linear"})],
                    _tr("Use a linear output"),
                    WARNING,
                )
            )
    return out


def _target_width(info) -> int | None:
    if getattr(info, "task", None) != "regression":
        return None
    y = getattr(info, "y_train", None)
    if y is not None:
        return int(y.shape[1]) if getattr(y, "ndim", 1) > 1 else 1
    dim = getattr(info, "output_dim", None)
    return int(dim) if dim else None


def _sample_count(info) -> int | None:
    x = getattr(info, "x_train", None)
    return int(len(x)) if x is not None else None


def _target_range(info):
    y = getattr(info, "y_train", None)
    if y is None or not getattr(y, "size", 0):
        return None, None
    return float(y.min()), float(y.max())


def _suggested_output(task, classes, out_dim, loss) -> tuple[int, str]:
    if task == "regression":
        return int(out_dim or 1), "linear"
    if loss == "binary_crossentropy" or (classes == 2 and loss in ERROR_LOSSES):
        return 1, "sigmoid"
    if classes:
        return int(classes), "softmax"
    return 1, "linear"


def _shape(shape) -> str:
    shape = tuple(shape or ())
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"
