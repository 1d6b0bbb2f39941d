"""The inspector: the selected layer's settings, edited through undo commands.

Connect ``NetworkCanvas.layerSelected`` to ``Inspector.show_layer``. The inspector follows its
layer by id, so moving the layer, undo and redo keep it open on the same block; every document
change is shown at once. Spin boxes commit when a value is finished (arrow clicks, Enter, focus
leaving) and combo boxes on every change; consecutive changes of one field within a couple of
seconds (arrow presses, keyboard search in a combo) merge into one undo step (EditLayerCommand).
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.canvas import model, style
from nnstudio.gui.commands import EditLayerCommand, UpdateLayerCommand
from nnstudio.project.document import Document

REFRESH_EVENTS = ("layers", "dataset", "project")


class Inspector(QWidget):
    def __init__(self, document: Document, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._layer_id: str | None = None
        self._locked = False
        self._refreshing = False
        self.clock = time.monotonic  # when edits happen (consecutive spin box edits merge)
        self.setObjectName("inspector")
        self.setAccessibleName(self.tr("Layer inspector"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)

        self.title = QLabel(self)
        self.title.setObjectName("inspectorTitle")
        self.title.setFont(style.font(12, bold=True))
        self.title.setTextFormat(Qt.RichText)
        layout.addWidget(self.title)
        self.info = QLabel(self)
        self.info.setObjectName("inspectorInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5A5A5A;")
        layout.addWidget(self.info)
        line = QFrame(self)
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        layout.addWidget(line)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.lock_hint = QLabel(self.tr("Stop training to edit the network."), self)
        self.lock_hint.setStyleSheet("color: #D55E00; font-weight: bold;")
        self.lock_hint.setWordWrap(True)
        self.lock_hint.hide()
        layout.addWidget(self.lock_hint)
        layout.addStretch(1)

        # page: nothing selected
        self.empty_label = QLabel(self.tr("Select a layer to edit it"), self)
        self.empty_label.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5A5A5A; padding: 16px;")
        self.pages.addWidget(self.empty_label)

        # page: Dense
        dense = QWidget(self)
        form = QFormLayout(dense)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.units = QSpinBox(dense)
        self.units.setObjectName("units")
        self.units.setRange(1, 4096)
        self.units.setKeyboardTracking(False)  # commit when typing is finished, not per digit
        self.units.setAccelerated(True)
        self.units.setToolTip(self.tr("How many neurons this layer has (its output size)"))
        self.dense_activation = self._activation_combo(dense, "denseActivation")
        self.use_bias = QCheckBox(self.tr("add a bias"), dense)
        self.use_bias.setToolTip(self.tr("Add a learned bias to each unit"))
        self.use_bias.setObjectName("useBias")
        self.kernel_initializer = self._initializer_combo(dense, "kernelInitializer")
        self.bias_initializer = self._initializer_combo(dense, "biasInitializer")
        form.addRow(self.tr("Units"), self.units)
        form.addRow(self.tr("Activation"), self.dense_activation)
        form.addRow(self.tr("Use bias"), self.use_bias)
        form.addRow(self.tr("Kernel initializer"), self.kernel_initializer)
        form.addRow(self.tr("Bias initializer"), self.bias_initializer)
        form.addRow(
            self._help(
                dense,
                self.tr(
                    "Every input connects to every unit: output = activation(input · kernel + bias)."
                ),
            )
        )
        self.pages.addWidget(dense)
        self.dense_page = dense

        # page: Activation
        act = QWidget(self)
        form = QFormLayout(act)
        form.setContentsMargins(0, 0, 0, 0)
        self.activation = self._activation_combo(act, "activation")
        form.addRow(self.tr("Activation"), self.activation)
        form.addRow(
            self._help(
                act, self.tr("Applies the function to every value on its own; learns nothing.")
            )
        )
        self.pages.addWidget(act)
        self.activation_page = act

        # page: Dropout
        drop = QWidget(self)
        form = QFormLayout(drop)
        form.setContentsMargins(0, 0, 0, 0)
        self.rate = QDoubleSpinBox(drop)
        self.rate.setObjectName("rate")
        self.rate.setRange(0.0, 0.95)
        self.rate.setSingleStep(0.05)
        self.rate.setDecimals(2)
        self.rate.setKeyboardTracking(False)
        self.rate.setToolTip(self.tr("Share of inputs set to zero at each training step"))
        form.addRow(self.tr("Rate"), self.rate)
        form.addRow(
            self._help(
                drop,
                self.tr(
                    "While training, each input is set to 0 with probability rate and the others are scaled by "
                    "1 / (1 − rate). When predicting it does nothing."
                ),
            )
        )
        self.pages.addWidget(drop)
        self.dropout_page = drop

        self.units.valueChanged.connect(lambda v: self._edit("units", int(v), merge=True))
        self.rate.valueChanged.connect(lambda v: self._edit("rate", round(float(v), 4), merge=True))
        self.dense_activation.currentIndexChanged.connect(
            lambda _i: self._edit("activation", self.dense_activation.currentData(), merge=True)
        )
        self.activation.currentIndexChanged.connect(
            lambda _i: self._edit("activation", self.activation.currentData(), merge=True)
        )
        self.use_bias.toggled.connect(lambda on: self._edit("use_bias", bool(on)))
        self.kernel_initializer.currentIndexChanged.connect(
            lambda _i: self._edit(
                "kernel_initializer", self.kernel_initializer.currentData(), merge=True
            )
        )
        self.bias_initializer.currentIndexChanged.connect(
            lambda _i: self._edit(
                "bias_initializer", self.bias_initializer.currentData(), merge=True
            )
        )

        unsubscribe = document.subscribe(self._on_document_event)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.refresh()

    # -- public API ---------------------------------------------------------------------------
    def show_layer(self, index: int) -> None:
        """Open layer ``index`` (-1: none)."""
        layers = self.document.layers
        self._layer_id = layers[index].id if 0 <= index < len(layers) else None
        self.refresh()

    def current_index(self) -> int:
        for i, spec in enumerate(self.document.layers):
            if spec.id == self._layer_id:
                return i
        return -1

    def set_locked(self, locked: bool) -> None:
        self._locked = bool(locked)
        self.refresh()

    def is_locked(self) -> bool:
        return self._locked

    # -- building -------------------------------------------------------------------------------
    @staticmethod
    def _combo(parent, name) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # fits a narrow dock; the popup shows full names
        return combo

    @staticmethod
    def _help(parent, text: str) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5A5A5A;")
        return label

    def _activation_help(self) -> dict[str, str]:
        return {
            "linear": self.tr("f(x) = x (no activation)"),
            "sigmoid": self.tr("f(x) = 1 / (1 + e^−x): between 0 and 1"),
            "tanh": self.tr("f(x) = tanh(x): between −1 and 1"),
            "relu": self.tr("f(x) = max(0, x)"),
            "leaky_relu": self.tr("f(x) = x if x > 0, else 0.2·x"),
            "elu": self.tr("f(x) = x if x > 0, else e^x − 1"),
            "softplus": self.tr("f(x) = log(1 + e^x): a smooth relu"),
            "softmax": self.tr("turns the outputs into probabilities that add up to 1"),
        }

    def _activation_combo(self, parent, name) -> QComboBox:
        combo = self._combo(parent, name)
        helps = self._activation_help()
        for act in model.ACTIVATIONS:
            combo.addItem(act, act)
            combo.setItemData(combo.count() - 1, helps.get(act, ""), Qt.ToolTipRole)
        return combo

    def _initializer_combo(self, parent, name) -> QComboBox:
        combo = self._combo(parent, name)
        for init in model.INITIALIZERS:
            combo.addItem(init, init)
        return combo

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        if (
            i < 0
        ):  # a name this studio does not list (e.g. from a hand-written file): show it anyway
            combo.addItem(value, value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    # -- following the document -------------------------------------------------------------------
    def _on_document_event(self, event: str, info: dict) -> None:
        if event in REFRESH_EVENTS and shiboken6.isValid(self):
            self.refresh()

    def refresh(self) -> None:
        index = self.current_index()
        if index < 0:
            self._layer_id = None
        self._refreshing = True
        try:
            if index < 0:
                self.title.setText(self.tr("Inspector"))
                self.info.setText("")
                self.info.hide()
                self.pages.setCurrentWidget(self.empty_label)
                self.lock_hint.hide()
                return
            spec = self.document.layers[index]
            info = model.layer_infos(self.document.project)[index]
            colour = style.accent(spec.type).name()
            self.title.setText(
                f'<span style="color:{colour}">&#9632;</span> {spec.id} '
                f'<span style="font-weight:normal; color:#5A5A5A">({spec.type})</span>'
            )
            self.info.setText(self._info_text(info))
            self.info.show()
            config = spec.config
            if spec.type == "Dense":
                self.units.setValue(int(config.get("units", 1) or 1))
                self._set_combo(
                    self.dense_activation, model.activation_name(config.get("activation"))
                )
                self.use_bias.setChecked(bool(config.get("use_bias", True)))
                self._set_combo(
                    self.kernel_initializer,
                    model.initializer_name(config.get("kernel_initializer", "glorot_uniform")),
                )
                self._set_combo(
                    self.bias_initializer,
                    model.initializer_name(config.get("bias_initializer", "zeros")),
                )
                self.bias_initializer.setEnabled(self.use_bias.isChecked())
                self.pages.setCurrentWidget(self.dense_page)
            elif spec.type == "Activation":
                self._set_combo(self.activation, model.activation_name(config.get("activation")))
                self.pages.setCurrentWidget(self.activation_page)
            elif spec.type == "Dropout":
                self.rate.setValue(float(config.get("rate", 0.0)))
                self.pages.setCurrentWidget(self.dropout_page)
            self.pages.currentWidget().setEnabled(not self._locked)
            self.lock_hint.setVisible(self._locked)
        finally:
            self._refreshing = False

    def _info_text(self, info: model.LayerInfo) -> str:
        if info.in_dim is None:
            shape = self.tr("Input size unknown until a data set is chosen.")
        else:
            shape = self.tr("{a} in → {b} out").format(a=info.in_dim, b=info.out_dim)
        if info.spec.type == "Dense":
            if info.params is None:
                return shape
            if info.bias:
                detail = self.tr("{n} parameters = {i}×{u} weights + {u} biases").format(
                    n=f"{info.params:,}", i=info.in_dim, u=info.out_dim
                )
            else:
                detail = self.tr("{n} parameters = {i}×{u} weights").format(
                    n=f"{info.params:,}", i=info.in_dim, u=info.out_dim
                )
            return f"{shape}\n{detail}"
        return f"{shape}\n" + self.tr("no parameters to learn")

    # -- editing --------------------------------------------------------------------------------------
    def _edit(self, key: str, value, merge: bool = False) -> None:
        if self._refreshing or self._locked or value is None:
            return
        index = self.current_index()
        if index < 0:
            return
        spec = self.document.layers[index]
        if key in spec.config and spec.config[key] == value:
            return
        if key == "activation" and model.activation_name(spec.config.get(key)) == value:
            return
        if merge:
            self.undo_stack.push(
                EditLayerCommand(self.document, index, clock=self.clock, **{key: value})
            )
        else:
            self.undo_stack.push(UpdateLayerCommand(self.document, index, **{key: value}))
