"""Training settings: loss, optimizer and its own parameters, batch size, epochs, metrics,
validation split, seed. Every edit is a ``SetTrainingCommand`` on the undo stack; the
widgets only show what the document says (refreshed on its "training"/"project" events)."""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine import losses, optimizers
from nnstudio.gui.commands import SetTrainingCommand

# the optimizer's own parameters and their Keras defaults, in display order, from the engine
OPTIMIZER_DEFAULTS: dict[str, dict] = {
    cls.class_name: optimizers.default_config(key) for key, cls in optimizers.OPTIMIZERS.items()
}
_PREFERRED = (
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
    "mse",
    "mae",
    "sse",
)


def engine_losses() -> tuple[str, ...]:
    """The engine's loss names, one per loss (short aliases), in the order students meet them."""
    canonical = []
    for name in losses.LOSSES:
        name = losses.canonical_name(name)
        if name not in canonical:
            canonical.append(name)
    return tuple(
        sorted(
            canonical,
            key=lambda n: (_PREFERRED.index(n) if n in _PREFERRED else len(_PREFERRED), n),
        )
    )


LOSSES = engine_losses()


def canonical_optimizer(name: str) -> str:
    for key in OPTIMIZER_DEFAULTS:
        if key.lower() == str(name).lower():
            return key
    return "Adam"


def _nice_steps(value: float, steps: int) -> float:
    """Move ``value`` ``steps`` notches along 1, 2, 5, 10, 20, 50, ... (the log scale people read)."""
    if value <= 0:
        return 1e-6 if steps > 0 else 0.0
    exp = math.floor(math.log10(value) + 1e-9)
    mant = value / 10**exp
    ladder = [1.0, 2.0, 5.0]
    # the notch at or below the current value
    idx = max(i for i, m in enumerate(ladder) if m <= mant + 1e-9)
    on_notch = abs(mant - ladder[idx]) < 1e-6
    pos = exp * 3 + idx
    if steps < 0 and not on_notch:
        steps += 1  # e.g. 0.03 down one notch -> 0.02
    pos += steps
    e, i = divmod(pos, 3)
    return float(f"{ladder[i] * 10**e:.12g}")


class LogSpinBox(QDoubleSpinBox):
    """A spin box for learning rates and epsilons: shows 0.001 / 1e-07, steps 1-2-5 per decade."""

    def __init__(self, minimum: float, maximum: float, parent=None):
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt name)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text, pos):
        from PySide6.QtGui import QValidator

        stripped = text.strip().replace(",", ".")
        if stripped in ("", ".", "-", "e", "1e", "1e-"):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            if all(c in "0123456789.eE-+" for c in stripped):
                return QValidator.State.Intermediate, text, pos
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = _nice_steps(self.value(), steps)
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


class PowerOfTwoSpinBox(QSpinBox):
    """Batch sizes: the arrows step 1, 2, 4, ... 32, 64, 128 (any number can still be typed)."""

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                value = 1 << value.bit_length()  # the next power of two above
            elif value & (value - 1) == 0:
                value = max(1, value // 2)
            else:
                value = 1 << (value.bit_length() - 1)  # the power of two below
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


class TrainingSettingsPanel(QWidget):
    def __init__(self, document, undo_stack, parent=None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._locked = False
        self._remembered: dict[str, dict] = {}  # each optimizer's last config this session

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        # -- loss & metrics
        box = QGroupBox(self.tr("Loss and metrics"), self)
        form = QFormLayout(box)
        self.loss = QComboBox(box)
        self.loss.setObjectName("loss")
        for name in LOSSES:
            self.loss.addItem(self._loss_text(name), name)
        self.loss.setToolTip(
            self.tr("What training makes small: cross-entropy for classes, mse/mae for numbers")
        )
        form.addRow(self.tr("Loss"), self.loss)
        metrics = QWidget(box)
        row = QHBoxLayout(metrics)
        row.setContentsMargins(0, 0, 0, 0)
        self.metric_boxes: dict[str, QCheckBox] = {}
        for name, text in (("accuracy", self.tr("accuracy")), ("mse", "mse"), ("mae", "mae")):
            check = QCheckBox(text, metrics)
            check.setObjectName(f"metric_{name}")
            self.metric_boxes[name] = check
            row.addWidget(check)
            check.toggled.connect(self._metrics_edited)
        row.addStretch(1)
        form.addRow(self.tr("Metrics"), metrics)
        outer.addWidget(box)

        # -- optimizer
        box = QGroupBox(self.tr("Optimizer"), self)
        self.opt_form = QFormLayout(box)
        self.optimizer = QComboBox(box)
        self.optimizer.setObjectName("optimizer")
        for name in OPTIMIZER_DEFAULTS:
            self.optimizer.addItem(name, name)
        self.opt_form.addRow(self.tr("Optimizer"), self.optimizer)
        self.param_widgets: dict[str, QWidget] = {}
        self.learning_rate = LogSpinBox(1e-7, 100.0, box)
        self.learning_rate.setToolTip(
            self.tr(
                "Step size of each update. Too large: the loss jumps or becomes NaN; "
                "too small: learning is slow."
            )
        )
        self._add_param("learning_rate", self.tr("Learning rate"), self.learning_rate)
        self._add_param("momentum", self.tr("Momentum"), self._unit_spin(0.0, 0.999, 0.05, 3))
        nesterov = QCheckBox(self.tr("Nesterov momentum"), box)
        nesterov.toggled.connect(lambda v: self._optimizer_edited("nesterov", bool(v)))
        self.param_widgets["nesterov"] = nesterov
        self.opt_form.addRow("", nesterov)
        self._add_param("rho", self.tr("rho (decay)"), self._unit_spin(0.0, 0.9999, 0.01, 4))
        self._add_param("beta_1", self.tr("beta_1"), self._unit_spin(0.0, 0.9999, 0.01, 4))
        self._add_param("beta_2", self.tr("beta_2"), self._unit_spin(0.0, 0.99999, 0.001, 5))
        self._add_param(
            "initial_accumulator_value",
            self.tr("Initial accumulator"),
            self._unit_spin(0.0, 10.0, 0.05, 3),
        )
        self._add_param("epsilon", self.tr("epsilon"), LogSpinBox(1e-12, 1.0, box))
        outer.addWidget(box)

        # -- loop
        box = QGroupBox(self.tr("Training"), self)
        form = QFormLayout(box)
        self.batch_size = PowerOfTwoSpinBox(box)
        self.batch_size.setRange(1, 1_000_000)
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip(self.tr("Samples per update (the arrows step in powers of two)"))
        form.addRow(self.tr("Batch size"), self.batch_size)
        self.epochs = QSpinBox(box)
        self.epochs.setRange(1, 1_000_000)
        self.epochs.setKeyboardTracking(False)
        self.epochs.setToolTip(self.tr("Passes over the training data for one press of Train"))
        form.addRow(self.tr("Epochs"), self.epochs)
        self.validation_split = QDoubleSpinBox(box)
        self.validation_split.setRange(0.0, 0.9)
        self.validation_split.setSingleStep(0.05)
        self.validation_split.setDecimals(2)
        self.validation_split.setKeyboardTracking(False)
        self.validation_split.setToolTip(
            self.tr(
                "Fraction of the training data held back (the last samples, "
                "as in Keras) to measure val_loss"
            )
        )
        form.addRow(self.tr("Validation split"), self.validation_split)
        self.seed = QSpinBox(box)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(
            self.tr("Same seed, same initial weights and shuffling: runs can be repeated")
        )
        form.addRow(self.tr("Seed"), self.seed)
        outer.addWidget(box)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("settingsNote")
        outer.addWidget(self.note)
        outer.addStretch(1)

        self.loss.currentIndexChanged.connect(self._loss_edited)
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        self.batch_size.valueChanged.connect(lambda v: self._edit(batch_size=int(v)))
        self.epochs.valueChanged.connect(lambda v: self._edit(epochs=int(v)))
        self.validation_split.valueChanged.connect(
            lambda v: self._edit(validation_split=round(float(v), 4))
        )
        self.seed.valueChanged.connect(lambda v: self._edit(seed=int(v)))

        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.refresh()

    # -- building helpers --------------------------------------------------------------------
    def _unit_spin(self, lo, hi, step, decimals) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.setDecimals(decimals)
        spin.setKeyboardTracking(False)
        return spin

    def _add_param(self, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        self.param_widgets[key] = widget
        self.opt_form.addRow(label, widget)
        widget.valueChanged.connect(lambda v, k=key: self._optimizer_edited(k, float(v)))

    def _loss_text(self, name: str) -> str:
        return {
            "binary_crossentropy": self.tr("Binary cross-entropy"),
            "categorical_crossentropy": self.tr("Categorical cross-entropy (one-hot)"),
            "sparse_categorical_crossentropy": self.tr("Sparse categorical cross-entropy"),
            "mse": self.tr("Mean squared error (mse)"),
            "mae": self.tr("Mean absolute error (mae)"),
            "sse": self.tr("Sum of squared errors (sse)"),
        }.get(name, name)

    # -- document -> widgets -----------------------------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        if event in ("training", "project"):
            self.refresh()

    def refresh(self) -> None:
        t = self.document.project.training
        widgets = [
            self.loss,
            self.optimizer,
            self.batch_size,
            self.epochs,
            self.validation_split,
            self.seed,
            *self.metric_boxes.values(),
            *self.param_widgets.values(),
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        loss = losses.canonical_name(t.loss)
        index = self.loss.findData(loss)
        if index < 0:
            self.loss.addItem(loss, loss)
            index = self.loss.count() - 1
        self.loss.setCurrentIndex(index)
        name, config = self._optimizer()
        self.optimizer.setCurrentIndex(self.optimizer.findData(name))
        values = {**OPTIMIZER_DEFAULTS[name], **config}
        for key, widget in self.param_widgets.items():
            if key in values:
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(values[key]))
                else:
                    widget.setValue(float(values[key]))
            self._set_row_visible(key, key in OPTIMIZER_DEFAULTS[name])
        self.batch_size.setValue(int(t.batch_size))
        self.epochs.setValue(max(1, int(t.epochs)))
        self.validation_split.setValue(float(t.validation_split))
        self.seed.setValue(int(t.seed))
        metrics = {m.lower() for m in t.metrics or []}
        metrics = {
            "accuracy"
            if m == "acc"
            else {"mean_squared_error": "mse", "mean_absolute_error": "mae"}.get(m, m)
            for m in metrics
        }
        for key, box in self.metric_boxes.items():
            box.setChecked(key in metrics)
        del blockers
        self._update_note()

    def _set_row_visible(self, key: str, visible: bool) -> None:
        widget = self.param_widgets[key]
        self.opt_form.setRowVisible(widget, visible)

    def _optimizer(self) -> tuple[str, dict]:
        opt = self.document.project.training.optimizer
        if isinstance(opt, str):
            return canonical_optimizer(opt), {}
        return canonical_optimizer(opt.get("class_name", "Adam")), dict(opt.get("config") or {})

    def _update_note(self) -> None:
        t = self.document.project.training
        loss = losses.canonical_name(t.loss)
        if loss == "categorical_crossentropy":
            self.note.setText(
                self.tr(
                    "Class labels are turned into one-hot vectors for categorical "
                    "cross-entropy (sparse categorical cross-entropy uses them as they are)."
                )
            )
        else:
            self.note.setText("")

    # -- widgets -> commands -------------------------------------------------------------------
    def _edit(self, text: str | None = None, **changes) -> None:
        t = self.document.project.training
        changes = {k: v for k, v in changes.items() if getattr(t, k) != v}
        if changes and not self._locked:
            self.undo_stack.push(SetTrainingCommand(self.document, text, **changes))

    def _loss_edited(self, index: int) -> None:
        name = self.loss.itemData(index)
        if name is not None:
            self._edit(self.tr("Use loss {name}").format(name=name), loss=name)

    def _metrics_edited(self, *_):
        old = [m for m in self.document.project.training.metrics or []]
        keep = [
            m
            for m in old
            if m.lower()
            not in ("accuracy", "acc", "mse", "mae", "mean_squared_error", "mean_absolute_error")
        ]
        chosen = keep + [k for k, box in self.metric_boxes.items() if box.isChecked()]
        if chosen != old:
            self._edit(self.tr("Change metrics"), metrics=chosen)

    def _optimizer_changed(self, index: int) -> None:
        name = self.optimizer.itemData(index)
        current, config = self._optimizer()
        if name is None or name == current:
            return
        self._remembered[current] = config
        new_config = dict(self._remembered.get(name) or OPTIMIZER_DEFAULTS[name])
        self._edit(
            self.tr("Use optimizer {name}").format(name=name),
            optimizer={"class_name": name, "config": new_config},
        )

    def _optimizer_edited(self, key: str, value) -> None:
        name, config = self._optimizer()
        if key not in OPTIMIZER_DEFAULTS[name]:
            return
        if isinstance(value, float):
            value = float(f"{value:.10g}")
        if config.get(key, OPTIMIZER_DEFAULTS[name][key]) == value and key in config:
            return
        config[key] = value
        self._edit(
            self.tr("Set {name} {key}").format(name=name, key=key),
            optimizer={"class_name": name, "config": config},
        )

    # -- while training --------------------------------------------------------------------------
    def set_locked(self, locked: bool) -> None:
        """Disable edits while training runs (the document must not change under the worker)."""
        self._locked = bool(locked)
        for child in self.findChildren(QWidget):
            if isinstance(child, (QComboBox, QDoubleSpinBox, QSpinBox, QCheckBox)):
                child.setEnabled(not locked)
