"""The inspector's page for each layer type: one small form class per type.

``gui/layer_types.py`` names the page class of every type; the inspector makes one of each and
shows the selected layer's. A page shows a config (``show_config``) and reports edits through
the ``edit(key, value, merge)`` callback the inspector gives it; it keeps no copy of the truth.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from nnstudio.gui.canvas import model


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerPages", text)


def activation_help() -> dict[str, str]:
    return {
        "linear": _tr("f(x) = x (no activation)"),
        "sigmoid": _tr("f(x) = 1 / (1 + e^−x): between 0 and 1"),
        "tanh": _tr("f(x) = tanh(x): between −1 and 1"),
        "relu": _tr("f(x) = max(0, x)"),
        "leaky_relu": _tr("f(x) = x if x > 0, else 0.2·x"),
        "elu": _tr("f(x) = x if x > 0, else e^x − 1"),
        "softplus": _tr("f(x) = log(1 + e^x): a smooth relu"),
        "softmax": _tr("turns the outputs into probabilities that add up to 1"),
    }


class LayerPage(QWidget):
    """A form of one layer type's settings; ``edit(key, value, merge)`` writes a change."""

    help_text = ""  # set by subclasses through help()

    def __init__(self, edit, parent=None):
        super().__init__(parent)
        self._edit = edit
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)

    def show_config(self, config: dict) -> None:
        """Show ``config`` (called with signals of the inspector's edits ignored)."""

    # -- helpers for the subclasses ---------------------------------------------------------------
    def add_help(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5A5A5A;")
        self.form.addRow(label)
        return label

    def combo(self, name: str, items=(), tips=None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # fits a narrow dock; the popup shows full names
        for item in items:
            combo.addItem(item, item)
            if tips:
                combo.setItemData(combo.count() - 1, tips.get(item, ""), Qt.ToolTipRole)
        return combo

    @staticmethod
    def set_combo(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        if i < 0:  # a name this studio does not list (e.g. from a hand-written file): show it
            combo.addItem(value, value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def edit_on_change(self, combo: QComboBox, key: str) -> None:
        combo.currentIndexChanged.connect(lambda _i: self._edit(key, combo.currentData(), True))


class DensePage(LayerPage):
    def __init__(self, edit, parent=None):
        super().__init__(edit, parent)
        self.units = QSpinBox(self)
        self.units.setObjectName("units")
        self.units.setRange(1, 4096)
        self.units.setKeyboardTracking(False)  # commit when typing is finished, not per digit
        self.units.setAccelerated(True)
        self.units.setToolTip(_tr("How many neurons this layer has (its output size)"))
        self.activation = self.combo("denseActivation", model.ACTIVATIONS, activation_help())
        self.use_bias = QCheckBox(_tr("add a bias"), self)
        self.use_bias.setToolTip(_tr("Add a learned bias to each unit"))
        self.use_bias.setObjectName("useBias")
        self.kernel_initializer = self.combo("kernelInitializer", model.INITIALIZERS)
        self.bias_initializer = self.combo("biasInitializer", model.INITIALIZERS)
        self.form.addRow(_tr("Units"), self.units)
        self.form.addRow(_tr("Activation"), self.activation)
        self.form.addRow(_tr("Use bias"), self.use_bias)
        self.form.addRow(_tr("Kernel initializer"), self.kernel_initializer)
        self.form.addRow(_tr("Bias initializer"), self.bias_initializer)
        self.add_help(
            _tr("Every input connects to every unit: output = activation(input · kernel + bias).")
        )
        self.units.valueChanged.connect(lambda v: self._edit("units", int(v), True))
        self.use_bias.toggled.connect(lambda on: self._edit("use_bias", bool(on), False))
        self.edit_on_change(self.activation, "activation")
        self.edit_on_change(self.kernel_initializer, "kernel_initializer")
        self.edit_on_change(self.bias_initializer, "bias_initializer")

    def show_config(self, config: dict) -> None:
        self.units.setValue(int(config.get("units", 1) or 1))
        self.set_combo(self.activation, model.activation_name(config.get("activation")))
        self.use_bias.setChecked(bool(config.get("use_bias", True)))
        self.set_combo(
            self.kernel_initializer,
            model.initializer_name(config.get("kernel_initializer", "glorot_uniform")),
        )
        self.set_combo(
            self.bias_initializer, model.initializer_name(config.get("bias_initializer", "zeros"))
        )
        self.bias_initializer.setEnabled(self.use_bias.isChecked())


class ActivationPage(LayerPage):
    def __init__(self, edit, parent=None):
        super().__init__(edit, parent)
        self.activation = self.combo("activation", model.ACTIVATIONS, activation_help())
        self.form.addRow(_tr("Activation"), self.activation)
        self.add_help(_tr("Applies the function to every value on its own; learns nothing."))
        self.edit_on_change(self.activation, "activation")

    def show_config(self, config: dict) -> None:
        self.set_combo(self.activation, model.activation_name(config.get("activation")))


class DropoutPage(LayerPage):
    def __init__(self, edit, parent=None):
        super().__init__(edit, parent)
        self.rate = QDoubleSpinBox(self)
        self.rate.setObjectName("rate")
        self.rate.setRange(0.0, 0.95)
        self.rate.setSingleStep(0.05)
        self.rate.setDecimals(2)
        self.rate.setKeyboardTracking(False)
        self.rate.setToolTip(_tr("Share of inputs set to zero at each training step"))
        self.form.addRow(_tr("Rate"), self.rate)
        self.add_help(
            _tr(
                "While training, each input is set to 0 with probability rate and the others are "
                "scaled by 1 / (1 − rate). When predicting it does nothing."
            )
        )
        self.rate.valueChanged.connect(lambda v: self._edit("rate", round(float(v), 4), True))

    def show_config(self, config: dict) -> None:
        self.rate.setValue(float(config.get("rate", 0.0)))


class FlattenPage(LayerPage):
    def __init__(self, edit, parent=None):
        super().__init__(edit, parent)
        self.add_help(
            _tr(
                "Lays every sample out as one row of numbers: a 28×28 image becomes 784 inputs, "
                "row after row. Learns nothing; a Dense layer needs flat inputs."
            )
        )
