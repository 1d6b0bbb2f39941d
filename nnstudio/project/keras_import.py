"""Keras model code in, a project out: the code is read with ``ast`` and never run.

    result = import_keras(text, filename="model.py")
    result.project    # the network, loss, optimizer, metrics and fit() settings as a Project
    result.notes      # what was not understood, each Note prints as "line 7: ..."

Nothing of the user's text is executed, evaluated or imported: argument values are read by a
small evaluator that knows plain numbers, strings, tuples, lists, dicts, names bound to such
values earlier in the file, and arithmetic on numbers (``28 * 28``). A function call inside an
argument (``__import__('os').system(...)``) is reported as not understood and left out.

Understood: ``Sequential([...])`` and ``model.add(...)`` (also inside a ``def build_model()``),
layers of the ``keras_names.LAYERS`` table reached by any import style (``tf.keras.layers.Dense``,
``keras.layers.Dense``, ``layers.Dense``, ``from tensorflow.keras.layers import Dense as D``),
``Input(shape=...)``, ``compile(optimizer=..., loss=..., metrics=[...])`` with optimizers as
strings or objects, ``fit(..., epochs=..., batch_size=..., validation_split=...)``,
``keras.utils.set_random_seed(n)`` and ``keras.datasets.mnist`` / ``fashion_mnist``. Lines that
concern the model but are not understood become notes, and the rest still comes in. Code that
has nothing to do with the model (plots, prints, data preparation) is passed over in silence.

Texts of notes and errors are English templates marked for translation (context
"keras_import"); the studio shows them translated through ``Note.template`` and ``Note.args``.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nnstudio.i18n import NoQt

from .errors import ProjectError
from .keras_names import (
    COMPILE_DEFAULTS,
    COMPILE_POSITIONAL,
    FIT_IGNORED,
    FIT_POSITIONAL,
    IMAGE_DATASETS,
    INPUT_ARGS,
    KERAS_LAYERS_NOT_HERE,
    KERAS_OPTIMIZERS_NOT_HERE,
    LAYERS,
    MODEL_METHODS_IGNORED,
    OPTIMIZER_NAMES,
    bare_keras_name,
    canonical_path,
    have_layers,
)
from .schema import DatasetSpec, LayerSpec, Project, TrainingSpec

MAX_BYTES = 1_000_000  # textbook model code is a few kB; a bigger file is not model code
MAX_NOTES = 200  # enough to read; a file with more is not Keras code for nnstudio


def _t(text: str) -> str:
    return NoQt.translate("keras_import", text)


@dataclass(frozen=True)
class Note:
    """One thing that was not understood (or was taken with a change), at a line of the code."""

    line: int | None
    template: str  # English with {placeholders}; translated by the studio
    args: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.args)

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class KerasImport:
    project: Project
    notes: list[Note]
    source_lines: dict[str, int] = field(default_factory=dict)  # layer id -> the line it came from


class KerasImportError(ProjectError):
    """The code could not be imported at all (not Python, too big, no model). ``line`` may be set."""

    def __init__(self, template: str, line: int | None = None, **values):
        self.template, self.values, self.line = template, values, line
        text = template.format(**values)
        super().__init__(f"line {line}: {text}" if line else text)


# -- reading values without running anything ----------------------------------------------------


class NotPlain(Exception):
    """An argument is not a plain value; ``what`` says what it is."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.FloorDiv: lambda a, b: a // b,
    ast.Mod: lambda a, b: a % b,
}


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Reader:
    """Walks the module's statements in order and gathers one model (see the module doc)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines()
        self.imports: dict[str, str] = {}  # local name -> dotted path ("tf" -> "tensorflow")
        self.constants: dict[str, Any] = {}  # local name -> plain value
        self.bound: dict[
            str, ast.AST
        ] = {}  # local name -> the call it was bound to (a layer, an optimizer)
        self.models: list[_Model] = []
        self.model_vars: dict[str, _Model] = {}
        self.function_models: dict[str, _Model] = {}
        self.notes: list[Note] = []  # notes not about one model
        self.seed: int | None = None
        self.dataset: tuple[str, int] | None = None
        self.studio: dict | None = None  # the NNSTUDIO dict of a script nnstudio exported
        self._bare_noted: set[str] = set()
        self._current_def: list[str] = []

    # -- notes ----------------------------------------------------------------------------------
    def note(
        self, node: ast.AST | int | None, template: str, model: _Model | None = None, **args
    ) -> None:
        line = node if isinstance(node, int) or node is None else getattr(node, "lineno", None)
        target = model.notes if model is not None else self.notes
        target.append(Note(line, template, args))

    def src(self, node: ast.AST, limit: int = 60) -> str:
        text = ast.get_source_segment(self.text, node) or ast.dump(node)[:limit]
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    # -- names ----------------------------------------------------------------------------------
    def path(self, node: ast.AST) -> str | None:
        """The canonical dotted name an expression stands for, or None (not a Keras name)."""
        if isinstance(node, ast.Name):
            if node.id in self.imports:
                return canonical_path(self.imports[node.id])
            if node.id in self.constants or node.id in self.bound or node.id in self.model_vars:
                return None
            bare = bare_keras_name(node.id)
            if bare and node.id not in self._bare_noted:
                self._bare_noted.add(node.id)
                self.note(
                    node,
                    _t("{name} is not imported in this code; taken as {path}"),
                    name=node.id,
                    path=bare,
                )
            return bare
        if isinstance(node, ast.Attribute):
            base = self.path(node.value)
            return canonical_path(f"{base}.{node.attr}") if base else None
        return None

    def keras_member(self, node: ast.AST, module: str) -> str | None:
        """ "Dense" if ``node`` names keras.<module>.Dense, else None."""
        path = self.path(node)
        prefix = f"keras.{module}."
        if path and path.startswith(prefix) and "." not in path[len(prefix) :]:
            return path[len(prefix) :]
        return None

    # -- values ---------------------------------------------------------------------------------
    def value(self, node: ast.AST, depth: int = 0) -> Any:
        if depth > 50:
            raise NotPlain(_t("too deeply nested"))
        if isinstance(node, ast.Constant) and isinstance(
            node.value, (int, float, str, bool, type(None))
        ):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):
            items = [self.value(e, depth + 1) for e in node.elts]
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.Dict) and all(k is not None for k in node.keys):
            return {
                self.value(k, depth + 1): self.value(v, depth + 1)
                for k, v in zip(node.keys, node.values)
            }
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = self.value(node.operand, depth + 1)
            if _is_number(operand):
                return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            left, right = self.value(node.left, depth + 1), self.value(node.right, depth + 1)
            if _is_number(left) and _is_number(right):
                if isinstance(node.op, ast.Pow) and abs(right) <= 64 and abs(left) <= 1e6:
                    return left**right
                op = _BINOPS.get(type(node.op))
                if op is not None:
                    try:
                        result = op(left, right)
                    except (ArithmeticError, ValueError):
                        raise NotPlain(_t("a calculation that fails")) from None
                    if _is_number(result) and abs(result) < 1e18:
                        return result
            raise NotPlain(_t("a calculation"))
        if isinstance(node, ast.Name):
            if node.id in self.constants:
                return self.constants[node.id]
            if node.id in ("None", "True", "False"):
                return {"None": None, "True": True, "False": False}[node.id]
            raise NotPlain(_t("a name whose value this code does not set plainly"))
        if isinstance(node, ast.Call):
            raise NotPlain(_t("a function call"))
        if isinstance(node, (ast.Subscript, ast.Attribute)):
            raise NotPlain(_t("a value known only when the code runs"))
        raise NotPlain(_t("an expression"))

    def deref(self, node: ast.AST) -> ast.AST:
        """A name bound earlier to a call (``opt = Adam(0.01)``) stands for that call."""
        seen = 0
        while isinstance(node, ast.Name) and node.id in self.bound and seen < 20:
            node, seen = self.bound[node.id], seen + 1
        return node

    # -- statements ------------------------------------------------------------------------------
    def run(self, tree: ast.Module) -> None:
        self._datasets(tree)
        self.block(tree.body)

    def _datasets(self, tree: ast.Module) -> None:
        """keras.datasets.<name>, wherever it appears (imports are gathered first, in order)."""
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                module = canonical_path(node.module)
                if module == "keras.datasets":
                    name = next(
                        (a.name for a in node.names if a.name in IMAGE_DATASETS), node.names[0].name
                    )
                elif module.startswith("keras.datasets."):
                    name = module.split(".")[2]
            elif isinstance(node, (ast.Import,)):
                for alias in node.names:
                    module = canonical_path(alias.name)
                    if module.startswith("keras.datasets."):
                        name = module.split(".")[2]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "datasets"
            ):
                name = node.attr
            if name and self.dataset is None:
                self.dataset = (name, getattr(node, "lineno", None))

    def block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.statement(stmt)

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    self.imports[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.imports[top] = top
            return
        if isinstance(stmt, ast.ImportFrom):
            self.import_from(stmt)
            return
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            before = len(self.models)
            self._current_def.append(stmt.name)
            self.block(stmt.body)
            self._current_def.pop()
            made = self.models[before:]
            if made:
                self.function_models[stmt.name] = made[-1]
            return
        if isinstance(stmt, ast.ClassDef):
            if any(self.path(b) in ("keras.Model", "keras.layers.Layer") for b in stmt.bases):
                self.note(
                    stmt,
                    _t(
                        "the model class {name} is not understood (a model written as a class); "
                        "write the network as Sequential([...])"
                    ),
                    name=stmt.name,
                )
            return
        if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.AsyncWith, ast.AsyncFor)):
            self.block(stmt.body)
            self.block(getattr(stmt, "orelse", []))
            return
        if isinstance(stmt, ast.Try):
            self.block(stmt.body)
            for handler in stmt.handlers:
                self.block(handler.body)
            self.block(stmt.orelse)
            self.block(stmt.finalbody)
            return
        if isinstance(stmt, ast.Assign):
            self.assign(stmt.targets, stmt.value, stmt)
            return
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.assign([stmt.target], stmt.value, stmt)
            return
        if isinstance(stmt, ast.Return) and stmt.value is not None:
            if isinstance(stmt.value, ast.Call):
                model = self.call(stmt.value)
                if isinstance(model, _Model):
                    model.var = None
            return
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self.call(stmt.value)

    def import_from(self, stmt: ast.ImportFrom) -> None:
        if stmt.level or not stmt.module:
            return
        module = canonical_path(stmt.module)
        for alias in stmt.names:
            if alias.name == "*":
                continue  # the names it brings are taken as Keras's when used (noted then)
            full = canonical_path(f"{stmt.module}.{alias.name}")
            self.imports[alias.asname or alias.name] = full
            if (
                module == "keras.layers"
                and alias.name not in LAYERS
                and alias.name not in KERAS_LAYERS_NOT_HERE
                and alias.name not in ("Input", "InputLayer", "Layer")
            ):
                guess = difflib.get_close_matches(
                    alias.name, [*LAYERS, *KERAS_LAYERS_NOT_HERE, "Input"], n=1
                )
                if guess:
                    self.note(
                        stmt,
                        _t(
                            "keras.layers has no {name}: did you mean {guess}? (Python would stop "
                            "here with an ImportError; fix the spelling)"
                        ),
                        name=alias.name,
                        guess=guess[0],
                    )
            if (
                module == "keras.optimizers"
                and alias.name not in OPTIMIZER_NAMES.values()
                and alias.name not in KERAS_OPTIMIZERS_NOT_HERE
                and alias.name[:1].isupper()
            ):
                known = [*OPTIMIZER_NAMES.values(), *KERAS_OPTIMIZERS_NOT_HERE]
                guess = difflib.get_close_matches(alias.name, known, n=1)
                if guess:
                    self.note(
                        stmt,
                        _t(
                            "keras.optimizers has no {name}: did you mean {guess}? (Python would stop "
                            "here with an ImportError; fix the spelling)"
                        ),
                        name=alias.name,
                        guess=guess[0],
                    )

    def assign(self, targets: list[ast.expr], value: ast.expr, stmt: ast.stmt) -> None:
        if (
            len(targets) == 1
            and isinstance(targets[0], ast.Tuple)
            and isinstance(value, ast.Tuple)
            and len(targets[0].elts) == len(value.elts)
        ):  # EPOCHS, BATCH_SIZE = 5, 128
            for target, item in zip(targets[0].elts, value.elts):
                self.assign([target], item, stmt)
            return
        for (
            target
        ) in targets:  # (x_train, y_train), ... = ...: those names hold no plain values any more
            for node in ast.walk(target):
                if isinstance(node, ast.Name) and not (len(targets) == 1 and node is target):
                    self.constants.pop(node.id, None)
                    self.bound.pop(node.id, None)
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if (
            len(names) == 1
            and len(targets) == 1
            and names[0] == "NNSTUDIO"
            and isinstance(value, ast.Dict)
        ):
            try:
                self.studio = self.value(value)
            except NotPlain:
                pass
            return
        result = self.call(value) if isinstance(value, ast.Call) else None
        for name in names:
            self.constants.pop(name, None)
            self.bound.pop(name, None)
            self.model_vars.pop(name, None)
            if isinstance(result, _Model):
                result.var = name
                self.model_vars[name] = result
                continue
            try:
                self.constants[name] = self.value(value)
            except NotPlain:
                if isinstance(value, ast.Call) and self.path(value.func):
                    self.bound[name] = value
                elif isinstance(value, ast.Name) and value.id in self.model_vars:
                    self.model_vars[name] = self.model_vars[value.id]

    # -- calls ------------------------------------------------------------------------------------
    def call(self, node: ast.Call):
        """Handle a statement-level call; returns a _Model when it makes one."""
        func = node.func
        path = self.path(func)
        if path in ("keras.Sequential",):
            return self.sequential(node)
        if path in ("keras.Model",):
            self.note(
                node,
                _t(
                    "the functional API (Model(inputs, outputs)) is not understood yet; "
                    "write the network as Sequential([...])"
                ),
            )
            return None
        if path in (
            "keras.utils.set_random_seed",
            "tensorflow.random.set_seed",
            "tensorflow.set_random_seed",
            "numpy.random.seed",
        ):
            self.set_seed(node, path)
            return None
        if isinstance(func, ast.Name) and func.id in self.function_models:
            return self.function_models[func.id]
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            var, method = func.value.id, func.attr
            model = self.model_vars.get(var)
            if (
                model is None
                and method == "add"
                and var not in self.constants
                and var not in self.bound
                and node.args
                and self._looks_like_layer(node.args[0])
            ):
                model = self.new_model(node, var)
                self.note(
                    node,
                    _t(
                        "{var} is not made with Sequential() in this code; taken as a Sequential model"
                    ),
                    model=model,
                    var=var,
                )
            if model is not None:
                if method == "add":
                    self.add(model, node)
                elif method == "compile":
                    self.compile(model, node)
                elif method == "fit":
                    self.fit(model, node)
                elif method not in MODEL_METHODS_IGNORED:
                    pass  # e.g. model.fit_generator: not training settings nnstudio keeps
        return None

    def _looks_like_layer(self, node: ast.AST) -> bool:
        node = self.deref(node)
        return isinstance(node, ast.Call) and bool(
            self.keras_member(node.func, "layers") or self.path(node.func) == "keras.Input"
        )

    def set_seed(self, node: ast.Call, path: str) -> None:
        if not node.args:
            return
        try:
            seed = self.value(node.args[0])
        except NotPlain as exc:
            self.note(
                node,
                _t("the seed {code} is {what}; nnstudio's seed 0 is used"),
                code=self.src(node.args[0]),
                what=exc.what,
            )
            return
        if (
            isinstance(seed, int)
            and not isinstance(seed, bool)
            and 0 <= seed < 2**32
            and self.seed is None
        ):
            self.seed = seed

    def new_model(self, node: ast.AST, var: str | None) -> _Model:
        model = _Model(var=var, line=node.lineno)
        self.models.append(model)
        if var:
            self.model_vars[var] = model
        return model

    def sequential(self, node: ast.Call) -> _Model:
        model = self.new_model(node, None)
        items = (
            node.args[0]
            if node.args
            else next((k.value for k in node.keywords if k.arg == "layers"), None)
        )
        if items is None:
            return model
        items = self.deref(items)
        if not isinstance(items, (ast.List, ast.Tuple)):
            self.note(
                node,
                _t(
                    "the layers {code} are not a written-out list; write Sequential([Dense(...), ...])"
                ),
                model=model,
                code=self.src(items),
            )
            return model
        for item in items.elts:
            self.layer(model, item)
        return model

    def add(self, model: _Model, node: ast.Call) -> None:
        if len(node.args) != 1 or node.keywords:
            self.note(
                node,
                _t("{code} is not understood: add() takes one layer"),
                model=model,
                code=self.src(node),
            )
            return
        self.layer(model, node.args[0])

    # -- layers -----------------------------------------------------------------------------------
    def layer(self, model: _Model, item: ast.AST) -> None:
        line = item.lineno
        node = self.deref(item)
        if not isinstance(node, ast.Call):
            self.note(
                line,
                _t("{code} is not understood as a layer; left out"),
                model=model,
                code=self.src(item),
            )
            return
        path = self.path(node.func)
        if path in ("keras.Input", "keras.layers.Input", "keras.layers.InputLayer"):
            self.input_layer(model, node, line)
            return
        name = self.keras_member(node.func, "layers")
        if name is None:
            self.note(
                line,
                _t("{code} is not a Keras layer nnstudio knows; left out"),
                model=model,
                code=self.src(node.func),
            )
            return
        if name not in LAYERS:
            if name in KERAS_LAYERS_NOT_HERE:
                self.note(
                    line,
                    _t("{name} is a Keras layer nnstudio does not have (it has {have}); left out"),
                    model=model,
                    name=name,
                    have=have_layers(),
                )
            else:
                guess = difflib.get_close_matches(name, [*LAYERS, *KERAS_LAYERS_NOT_HERE], n=1)
                if guess:
                    self.note(
                        line,
                        _t("Keras has no layer {name}: did you mean {guess}? Left out"),
                        model=model,
                        name=name,
                        guess=guess[0],
                    )
                else:
                    self.note(
                        line,
                        _t("{name} is not a Keras layer nnstudio knows; left out"),
                        model=model,
                        name=name,
                    )
            return
        rule = LAYERS[name]
        if rule is None:
            self.note(line, _t("{name} is not supported yet; left out"), model=model, name=name)
            self.take_input_shape(model, node, line)
            return
        known = {*rule.positional, *rule.keep, *rule.only_default, "name", *INPUT_ARGS}
        args = self.arguments(model, node, rule.positional, name, known)
        if args is None:
            return
        config = dict(rule.fixed)
        for key, value in args.items():
            if key in rule.only_default:
                if value != rule.only_default[key]:
                    self.note(
                        line,
                        _t(
                            "{name}({key}={value}) is not supported (nnstudio has {key}={default}); "
                            "left out"
                        ),
                        model=model,
                        name=name,
                        key=key,
                        value=repr(value),
                        default=repr(rule.only_default[key]),
                    )
                    return
                continue
            if key == "name":
                continue
            if key in INPUT_ARGS:
                continue
            if key not in rule.keep:
                self.note(
                    line,
                    _t(
                        "{name}({key}=...) is not a setting nnstudio has; the layer came in without it"
                    ),
                    model=model,
                    name=name,
                    key=key,
                )
                continue
            converted = self.setting(model, line, name, key, value)
            if converted is _SKIP:
                continue
            if converted is _DROP:
                return
            config[key] = converted
        if not self.take_input_shape(model, node, line, args=args):
            pass
        model.layers.append(_Layer(rule.type, config, args.get("name"), line))

    def arguments(
        self,
        model: _Model,
        node: ast.Call,
        positional: tuple[str, ...],
        what: str,
        known: set[str] | None = None,
    ) -> dict | None:
        """Keyword -> plain value (or the ast node, for settings that are Keras objects); a keyword
        not in ``known`` is kept as _UNKNOWN without reading its value (the caller reports it)."""
        out: dict[str, Any] = {}
        if len(node.args) > len(positional):
            self.note(
                node,
                _t("{what}(...) has more positional arguments than Keras takes; left out"),
                model=model,
                what=what,
            )
            return None
        pairs = list(zip(positional, node.args)) + [(k.arg, k.value) for k in node.keywords]
        for key, value_node in pairs:
            if key is None:
                self.note(
                    node,
                    _t("{code} is not understood (**arguments); left out"),
                    model=model,
                    code=self.src(node),
                )
                return None
            if known is not None and key not in known:
                out[key] = _UNKNOWN
                continue
            if key in (
                "activation",
                "kernel_initializer",
                "bias_initializer",
                "kernel_regularizer",
            ) and not isinstance(value_node, ast.Constant):
                out[key] = value_node  # a Keras object or function: read by setting()
                continue
            try:
                out[key] = self.value(value_node)
            except NotPlain as exc:
                if key in INPUT_ARGS:
                    self.note(
                        value_node,
                        _t("{key}={code} is {what}; the input shape comes from the data set"),
                        model=model,
                        key=key,
                        code=self.src(value_node),
                        what=exc.what,
                    )
                    out[key] = _UNKNOWN
                    continue
                self.note(
                    value_node,
                    _t(
                        "{what}({key}={code}) is not understood ({kind}; nnstudio reads only plain "
                        "values and runs nothing); left out"
                    ),
                    model=model,
                    what=what,
                    key=key,
                    code=self.src(value_node),
                    kind=exc.what,
                )
                return None
        return out

    def setting(self, model: _Model, line: int, layer: str, key: str, value: Any):
        """A layer setting in the engine's form, _SKIP (left at the default) or _DROP (leave the layer out)."""
        from nnstudio.engine import activations, initializers, regularizers

        if key == "activation":
            name = self.activation_name(value)
            if name is None:
                self.note(
                    line,
                    _t("{layer}(activation={code}) is not understood; left out"),
                    model=model,
                    layer=layer,
                    code=self.src(value) if isinstance(value, ast.AST) else repr(value),
                )
                return _DROP
            if name not in activations.ACTIVATIONS:
                self.note(
                    line,
                    _t(
                        "the activation {name!r} is not in nnstudio (it has {have}); the layer was left "
                        "out"
                    ),
                    model=model,
                    name=name,
                    have=", ".join(activations.ACTIVATIONS),
                )
                return _DROP
            return name
        if key in ("kernel_initializer", "bias_initializer", "kernel_regularizer"):
            module = {
                "kernel_initializer": initializers,
                "bias_initializer": initializers,
                "kernel_regularizer": regularizers,
            }[key]
            kind = "initializers" if module is initializers else "regularizers"
            spec = self.keras_object(model, line, value, kind, module)
            if spec is _SKIP:
                return _SKIP
            return spec
        return value

    def activation_name(self, value) -> str | None:
        if value is None:
            return "linear"
        if isinstance(value, str):
            return value.lower()
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value.lower()
        if isinstance(value, ast.AST):
            path = self.path(value)
            if path:
                for prefix in (
                    "keras.activations.",
                    "tensorflow.nn.",
                    "tensorflow.math.",
                    "keras.ops.",
                ):
                    if path.startswith(prefix) and "." not in path[len(prefix) :]:
                        return path[len(prefix) :].lower()
        return None

    def keras_object(self, model: _Model, line: int, value, kind: str, module):
        """An initializer or regularizer (a name or a Keras object) in the engine's serialized form."""
        if isinstance(value, ast.Constant):
            value = value.value
        if isinstance(value, str) or value is None:
            try:
                return module.serialize(module.get(value)) if value is not None else None
            except ValueError as exc:
                self.note(
                    line,
                    _t("{value!r}: {reason}; left at the default"),
                    model=model,
                    value=value,
                    reason=_first_line(exc),
                )
                return _SKIP
        node = self.deref(value)
        if isinstance(node, ast.Call):
            name = self.keras_member(node.func, kind)
            if name is not None:
                cls = _engine_class(module, name)
                if cls is not None:
                    try:
                        params = list(inspect.signature(cls.__init__).parameters)[1:]
                        args = {
                            **dict(zip(params, (self.value(a) for a in node.args))),
                            **{k.arg: self.value(k.value) for k in node.keywords},
                        }
                        made = module.get({"class_name": cls.class_name, "config": args})
                        return module.serialize(made)
                    except NotPlain as exc:
                        self.note(
                            line,
                            _t("{code} is not understood ({kind}); left at the default"),
                            model=model,
                            code=self.src(node),
                            kind=exc.what,
                        )
                        return _SKIP
                    except (ValueError, TypeError) as exc:
                        self.note(
                            line,
                            _t("{code}: {reason}; left at the default"),
                            model=model,
                            code=self.src(node),
                            reason=_first_line(exc),
                        )
                        return _SKIP
        self.note(
            line,
            _t("{code} is not understood; left at the default"),
            model=model,
            code=self.src(value) if isinstance(value, ast.AST) else repr(value),
        )
        return _SKIP

    def input_layer(self, model: _Model, node: ast.Call, line: int) -> None:
        args = self.arguments(model, node, ("shape", "batch_size", "dtype"), "Input")
        if args is None:
            return
        shape = args.get("shape", args.get("input_shape", args.get("batch_shape")))
        if "batch_shape" in args and shape is not None and not isinstance(shape, _Unknown):
            shape = tuple(shape)[1:]
        self.set_input(model, shape, line)

    def take_input_shape(
        self,
        model: _Model,
        node: ast.Call,
        line: int,
        args: dict | None = None,
    ) -> bool:
        if args is None:
            found = {}
            for k in node.keywords:
                if k.arg in ("input_shape", "input_dim", "batch_input_shape"):
                    try:
                        found[k.arg] = self.value(k.value)
                    except NotPlain:
                        found[k.arg] = _UNKNOWN
            args = found
        if args.get("input_dim") is not None:
            shape = _UNKNOWN if isinstance(args["input_dim"], _Unknown) else (args["input_dim"],)
        elif args.get("input_shape") is not None:
            shape = args["input_shape"]
        elif args.get("batch_input_shape") is not None:
            shape = args["batch_input_shape"]
            shape = shape if isinstance(shape, _Unknown) else tuple(shape)[1:]
        else:
            return False
        self.set_input(model, shape, line)
        return True

    def set_input(self, model: _Model, shape, line: int) -> None:
        if shape is None or isinstance(shape, _Unknown):
            return
        if isinstance(shape, int) and not isinstance(shape, bool):
            shape = (shape,)
        ok = (
            isinstance(shape, (tuple, list))
            and shape
            and all(isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in shape)
        )
        if not ok:
            self.note(
                line,
                _t("the input shape {shape} is not understood; it comes from the data set"),
                model=model,
                shape=repr(shape),
            )
            return
        shape = tuple(shape)  # several axes stay for a Flatten layer (see _flat_input)
        if model.layers and model.input_shape is None and model.input_line is None:
            self.note(
                line,
                _t("the input shape is given after the first layer; taken as the network's input"),
                model=model,
            )
        if model.input_shape is None:
            model.input_shape, model.input_line = shape, line

    # -- compile and fit --------------------------------------------------------------------------
    def compile(self, model: _Model, node: ast.Call) -> None:
        model.compiled = True
        pairs = list(zip(COMPILE_POSITIONAL, node.args)) + [(k.arg, k.value) for k in node.keywords]
        for key, value in pairs:
            if key == "optimizer":
                model.optimizer = self.optimizer(model, value)
            elif key == "loss":
                model.loss = self.loss(model, value)
            elif key == "metrics":
                model.metrics = self.metrics(model, value)
            elif key in COMPILE_DEFAULTS:
                try:
                    plain = self.value(value)
                except NotPlain:
                    plain = object()
                if plain != COMPILE_DEFAULTS[key] and key in ("loss_weights", "weighted_metrics"):
                    self.note(
                        value,
                        _t("compile({key}=...) is not a setting nnstudio has; left out"),
                        model=model,
                        key=key,
                    )
            else:
                self.note(
                    node,
                    _t("compile({key}=...) is not a setting nnstudio has; left out"),
                    model=model,
                    key=key,
                )

    def optimizer(self, model: _Model, value: ast.AST) -> dict | None:
        from nnstudio.engine import optimizers

        node = self.deref(value)
        try:
            plain = self.value(node)
        except NotPlain:
            plain = None
        if isinstance(plain, str):
            name = OPTIMIZER_NAMES.get(plain.lower())
            if name is None:
                self.note(
                    value,
                    _t(
                        "the optimizer {name!r} is not in nnstudio (it has SGD, RMSprop, Adagrad, "
                        "Adam); nnstudio's Adam is used"
                    ),
                    model=model,
                    name=plain,
                )
                return None
            default = optimizers.OPTIMIZERS[name.lower()]()
            return {"class_name": name, "config": {"learning_rate": default.learning_rate}}
        name = self.keras_member(node.func, "optimizers") if isinstance(node, ast.Call) else None
        if name is None:
            self.note(
                value,
                _t("the optimizer {code} is not understood; nnstudio's Adam is used"),
                model=model,
                code=self.src(value),
            )
            return None
        cls = optimizers.OPTIMIZERS.get(name.lower())
        if cls is None or cls.class_name != name:
            self.note(
                value,
                _t(
                    "the optimizer {name} is not in nnstudio (it has SGD, RMSprop, Adagrad, Adam); "
                    "nnstudio's Adam is used"
                ),
                model=model,
                name=name,
            )
            return None
        params = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
        config: dict[str, Any] = {}
        pairs = list(zip(params, node.args)) + [(k.arg, k.value) for k in node.keywords]
        for key, arg in pairs:
            if key is None:
                self.note(
                    value,
                    _t("{code} is not understood (**arguments); nnstudio's Adam is used"),
                    model=model,
                    code=self.src(node),
                )
                return None
            try:
                plain_arg = self.value(arg)
            except NotPlain as exc:
                self.note(
                    arg,
                    _t("{name}({key}={code}) is not understood ({kind}); left at the default"),
                    model=model,
                    name=name,
                    key=key,
                    code=self.src(arg),
                    kind=exc.what,
                )
                continue
            if key == "lr":
                self.note(
                    arg,
                    _t(
                        "lr is the old name of learning_rate (Keras 3 refuses it); taken as learning_rate"
                    ),
                    model=model,
                )
                key = "learning_rate"
            if key == "name":
                continue
            if key not in params:
                self.note(
                    arg,
                    _t("{name}({key}=...) is not a setting nnstudio has; left out"),
                    model=model,
                    name=name,
                    key=key,
                )
                continue
            config[key] = plain_arg
        config.setdefault("learning_rate", cls().learning_rate)
        try:
            optimizers.deserialize({"class_name": name, "config": config})
        except ValueError as exc:
            self.note(
                value,
                _t("{code}: {reason}; nnstudio's Adam is used"),
                model=model,
                code=self.src(node),
                reason=_first_line(exc),
            )
            return None
        return {"class_name": name, "config": config}

    def loss(self, model: _Model, value: ast.AST) -> str | None:
        from nnstudio.engine import losses

        node = self.deref(value)
        name = None
        try:
            plain = self.value(node)
        except NotPlain:
            plain = None
        if isinstance(plain, str):
            name = plain
        elif isinstance(node, ast.Call):
            cls_name = self.keras_member(node.func, "losses")
            if cls_name is not None:
                for k in node.keywords:
                    try:
                        v = self.value(k.value)
                    except NotPlain:
                        v = object()
                    if k.arg == "from_logits" and v is not False:
                        self.note(
                            value,
                            _t(
                                "from_logits=True is not supported (put a softmax or sigmoid at the end "
                                "instead); the loss came in without it"
                            ),
                            model=model,
                        )
                    elif k.arg not in ("from_logits", "name", "reduction"):
                        self.note(
                            value,
                            _t("the loss setting {key}=... is not supported; left out"),
                            model=model,
                            key=k.arg,
                        )
                name = cls_name
        elif isinstance(node, ast.Name) and node.id.lower() in losses.LOSSES:
            name = (
                node.id
            )  # a function of this file named like an nnstudio loss (an exported script's sse)
        else:
            name = self.keras_member(node, "losses")
        if name is None:
            self.note(
                value,
                _t("the loss {code} is not understood; nnstudio's default loss is used"),
                model=model,
                code=self.src(value),
            )
            return None
        try:
            return losses.get(name).name
        except ValueError:
            have = ", ".join(sorted({c.name for c in losses.LOSSES.values()}))
            self.note(
                value,
                _t(
                    "the loss {name!r} is not in nnstudio (it has {have}); nnstudio's default loss is "
                    "used"
                ),
                model=model,
                name=name,
                have=have,
            )
            return None

    def metrics(self, model: _Model, value: ast.AST) -> list[str]:
        from nnstudio.engine import metrics

        node = self.deref(value)
        items = node.elts if isinstance(node, (ast.List, ast.Tuple)) else [node]
        out = []
        for item in items:
            name = None
            try:
                plain = self.value(item)
            except NotPlain:
                plain = None
            if isinstance(plain, str):
                name = plain
            else:
                target = self.deref(item)
                member = self.keras_member(
                    target.func if isinstance(target, ast.Call) else target, "metrics"
                )
                if member:
                    name = _snake(member)
            if name is None:
                self.note(
                    item,
                    _t("the metric {code} is not understood; left out"),
                    model=model,
                    code=self.src(item),
                )
                continue
            try:
                out.append(metrics.check(name))
            except ValueError:
                self.note(
                    item,
                    _t("the metric {name!r} is not in nnstudio (it has {have}); left out"),
                    model=model,
                    name=name,
                    have=", ".join(metrics.METRICS),
                )
        return out

    def fit(self, model: _Model, node: ast.Call) -> None:
        model.fitted = True
        pairs = list(zip(FIT_POSITIONAL, node.args)) + [(k.arg, k.value) for k in node.keywords]
        for key, value in pairs:
            if key in FIT_IGNORED:
                continue
            if key in ("epochs", "batch_size", "validation_split"):
                try:
                    plain = self.value(value)
                except NotPlain as exc:
                    self.note(
                        value,
                        _t(
                            "fit({key}={code}) is not understood ({kind}); nnstudio's default is used"
                        ),
                        model=model,
                        key=key,
                        code=self.src(value),
                        kind=exc.what,
                    )
                    continue
                ok = (
                    (_is_number(plain) and 0 <= plain < 1)
                    if key == "validation_split"
                    else (isinstance(plain, int) and not isinstance(plain, bool) and plain >= 1)
                )
                if not ok:
                    self.note(
                        value,
                        _t("fit({key}={value}) is not a valid setting; nnstudio's default is used"),
                        model=model,
                        key=key,
                        value=repr(plain),
                    )
                    continue
                model.fit[key] = float(plain) if key == "validation_split" else int(plain)
            elif key == "shuffle":
                try:
                    plain = self.value(value)
                except NotPlain:
                    plain = None
                if plain is not True:
                    self.note(
                        value,
                        _t(
                            "fit(shuffle=...) is not a setting nnstudio has (it always shuffles); "
                            "left out"
                        ),
                        model=model,
                    )
            elif key == "validation_data":
                self.note(
                    value,
                    _t(
                        "fit(validation_data=...) is not understood: nnstudio holds back "
                        "validation_split of the training data instead; left out"
                    ),
                    model=model,
                )
            else:
                self.note(
                    value,
                    _t("fit({key}=...) is not a setting nnstudio has; left out"),
                    model=model,
                    key=key,
                )


class _Unknown:
    def __repr__(self) -> str:
        return "<unknown>"


_UNKNOWN = _Unknown()
_SKIP, _DROP = object(), object()


@dataclass
class _Layer:
    type: str
    config: dict
    name: Any
    line: int


@dataclass
class _Model:
    var: str | None
    line: int
    layers: list[_Layer] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    input_shape: tuple | None = None
    input_line: int | None = None
    compiled: bool = False
    fitted: bool = False
    optimizer: dict | None = None
    loss: str | None = None
    metrics: list[str] | None = None
    fit: dict = field(default_factory=dict)


def _engine_class(module, name: str):
    table = getattr(module, "INITIALIZERS", None) or getattr(module, "REGULARIZERS", None) or {}
    for cls in table.values():
        if name.lower() in (cls.class_name.lower(), getattr(cls, "name", "") or ""):
            return cls
    return None


def _snake(name: str) -> str:
    """ "BinaryAccuracy" -> "binary_accuracy", "AUC" -> "auc"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(".")


# -- the entry point --------------------------------------------------------------------------


def read_text(path: str | Path) -> str:
    """The text of a .py file, refusing what is too big or not text (KerasImportError)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KerasImportError(
                _t(
                    "{name} is {size:.1f} MB; Keras model code is a few kB, and nnstudio reads "
                    "files of up to 1 MB"
                ),
                name=path.name,
                size=size / 1e6,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise KerasImportError(
            _t("{name} could not be read ({reason})"),
            name=path.name,
            reason=exc.strerror or str(exc),
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KerasImportError(
            _t("{name} is not a UTF-8 text file, so it cannot be Python code nnstudio reads"),
            name=path.name,
        ) from None


def import_keras(text: str, filename: str | None = None) -> KerasImport:
    """A project from Keras model code (see the module doc); KerasImportError if there is none."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise KerasImportError(
            _t(
                "the code is {size:.1f} MB; Keras model code is a few kB, and nnstudio reads "
                "up to 1 MB"
            ),
            size=len(text.encode("utf-8", "replace")) / 1e6,
        )
    try:
        with (
            warnings.catch_warnings()
        ):  # Python's SyntaxWarnings about the user's code are not ours to print
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=filename or "<code>")
    except SyntaxError as exc:
        line = exc.lineno
        shown = (exc.text or "").strip() or (
            text.splitlines()[line - 1].strip() if line and line <= len(text.splitlines()) else ""
        )
        raise KerasImportError(
            _t(
                "this is not valid Python ({reason}), so nnstudio cannot read the code; fix the "
                "line and import again: {code}"
            ),
            line=line,
            reason=exc.msg,
            code=shown[:80],
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise KerasImportError(
            _t("this is not Python code nnstudio can read ({reason})"), reason=_first_line(exc)
        ) from None
    reader = _Reader(text)
    try:
        reader.run(tree)
    except RecursionError:
        raise KerasImportError(_t("the code is nested too deeply to read")) from None
    return _project(reader, filename)


def _project(reader: _Reader, filename: str | None) -> KerasImport:
    from .build import normalize_layers

    models = [m for m in reader.models if m.layers]
    if not models:
        first = next((n for m in reader.models for n in m.notes), None) or next(
            iter(reader.notes), None
        )
        if first is not None:
            raise KerasImportError(
                _t("no Keras model with layers nnstudio understands was found ({first})"),
                first=str(first),
            )
        raise KerasImportError(
            _t("no Keras model was found: the code has no Sequential([...]) and no model.add(...)")
        )
    model = models[0]
    notes = list(reader.notes) + list(model.notes)
    for other in models[1:]:
        notes.append(
            Note(
                other.line,
                _t(
                    "a second model{var} is not imported: nnstudio takes one model per file, "
                    "the first"
                ),
                {"var": f" ({other.var})" if other.var else ""},
            )
        )

    studio = reader.studio if isinstance(reader.studio, dict) else {}
    title = studio.get("title") if isinstance(studio.get("title"), str) else None
    project = Project(title=title or (Path(filename).stem if filename else "Imported Keras model"))
    project.description = {
        "en": f"Imported from the Keras code {Path(filename).name}."
        if filename
        else "Imported from Keras code."
    }
    sources = {}
    for layer in model.layers:
        spec = LayerSpec(type=layer.type, config=dict(layer.config))
        name = layer.name
        taken = {s.id for s in project.layers}
        if (
            isinstance(name, str)
            and name
            and "/" not in name
            and name not in taken
            and len(name) <= 64
        ):
            spec.id = name
        else:
            spec.id = project.new_layer_id(layer.type)
        try:
            from .build import build_layers

            build_layers(Project(layers=[spec]))
        except ProjectError as exc:
            notes.append(
                Note(
                    layer.line,
                    _t("{layer}: {reason}; left out"),
                    {"layer": layer.type, "reason": _first_line(exc).split(": ", 1)[-1]},
                )
            )
            continue
        project.layers.append(spec)
        sources[spec.id] = layer.line
    if not project.layers:
        raise KerasImportError(
            _t("no layer of the model could be taken ({first})"),
            first=str(notes[-1]) if notes else "",
        )
    normalize_layers(project)

    training = TrainingSpec()
    if model.loss:
        training.loss = model.loss
    if model.optimizer:
        training.optimizer = model.optimizer
    if model.metrics is not None:
        training.metrics = model.metrics
    if model.fitted:
        training.epochs = 1  # Keras's fit() default
    for key, value in model.fit.items():
        setattr(training, key, value)
    if reader.seed is not None:
        training.seed = reader.seed
    if not model.compiled:
        notes.append(
            Note(
                None,
                _t(
                    "the code does not compile() the model: nnstudio's loss and optimizer are "
                    "used; check them in the Training panel"
                ),
            )
        )
    elif model.loss is None and not any("loss" in n.template for n in notes):
        notes.append(Note(None, _t("compile() names no loss: nnstudio's default loss is used")))
    if not model.fitted:
        notes.append(
            Note(
                None,
                _t("the code does not fit() the model: nnstudio's epochs and batch size are used"),
            )
        )
    project.training = training

    shape_note = _flat_input(model)
    if shape_note is not None:
        notes.append(shape_note)
    project.dataset, data_note = _dataset(reader, studio, model.input_shape)
    if data_note is not None:
        notes.append(data_note)
    project.input_shape = model.input_shape
    if project.input_shape is None:
        shape = _dataset_input_shape(project.dataset)
        if shape is not None:
            project.input_shape = shape
            notes.append(
                Note(
                    None,
                    _t("the code does not give the input shape; taken from the data set: {shape}"),
                    {"shape": repr(shape)},
                )
            )
    notes.sort(key=lambda n: (n.line is None, n.line or 0))
    return KerasImport(project, notes[:MAX_NOTES], sources)


def _flat_input(model: _Model) -> Note | None:
    """Keep an input of several axes, (28, 28), only for a network that starts with Flatten, as
    Keras's Dense would otherwise act on the last axis alone; else take it flat, (784,)."""
    shape = model.input_shape
    if shape is None or len(shape) < 2 or (model.layers and model.layers[0].type == "Flatten"):
        return None
    model.input_shape = (math.prod(shape),)
    return Note(
        model.input_line,
        _t(
            "the input shape {shape} has more than one axis and the network does not start with "
            "Flatten; it is taken flat, as ({size},)"
        ),
        {"shape": repr(shape), "size": math.prod(shape)},
    )


def _dataset(reader: _Reader, studio: dict, input_shape) -> tuple[DatasetSpec, Note | None]:
    from nnstudio import data

    name = studio.get("dataset")
    if isinstance(name, str) and name in data.DATASETS:
        params = (
            studio.get("dataset_params") if isinstance(studio.get("dataset_params"), dict) else {}
        )
        return DatasetSpec(name=name, params=dict(params)), None
    if reader.dataset is not None:
        keras_name, line = reader.dataset
        if keras_name in IMAGE_DATASETS:
            return DatasetSpec(
                name=IMAGE_DATASETS[keras_name], params=_image_params(input_shape)
            ), None
        note = Note(
            line,
            _t(
                "the data set keras.datasets.{name} is not built into nnstudio; choose a data set in "
                "the Data panel"
            ),
            {"name": keras_name},
        )
    else:
        note = None
    if tuple(input_shape or ()) in ((784,), (28, 28)):
        return DatasetSpec(name="mnist-5k", params=_image_params(input_shape)), note or Note(
            None,
            _t(
                "no data set was recognised; 784 inputs look like MNIST digits, so the bundled MNIST sample was "
                "chosen (change it in the Data panel)"
            ),
        )
    return DatasetSpec(name="xor"), note or Note(
        None, _t("no data set was recognised; XOR was chosen: choose your data in the Data panel")
    )


def _image_params(input_shape) -> dict:
    """The data set settings that give images of the network's input shape."""
    return {"flatten": False} if len(tuple(input_shape or ())) > 1 else {}


def _dataset_input_shape(spec: DatasetSpec) -> tuple[int, ...] | None:
    from nnstudio import data

    info = data.DATASETS.get(spec.name)
    if info is None:
        return None
    if info.kind == "image":
        return (784,) if spec.params.get("flatten", True) else (28, 28)
    try:
        return tuple(data.load(spec.name, **spec.params).input_shape)
    except Exception:  # noqa: BLE001 - a data set that cannot be made leaves the shape to the Data panel
        return None
