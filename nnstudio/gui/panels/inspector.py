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
    QFrame,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import layer_types
from nnstudio.gui.canvas import model, style
from nnstudio.gui.commands import EditLayerCommand, UpdateLayerCommand
from nnstudio.gui.panels import layer_pages
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
        style.set_panel_font(self.title, 12, bold=True)
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

        # one page per layer type (gui/layer_types.py names the class; layer_pages.py has them)
        self.type_pages: dict[str, layer_pages.LayerPage] = {}
        for name, entry in layer_types.TYPES.items():
            page = entry.page(self._edit, self)
            self.pages.addWidget(page)
            self.type_pages[name] = page

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

    def page(self, layer_type: str) -> layer_pages.LayerPage:
        """The inspector page of a layer type (its widgets are the page's attributes)."""
        return self.type_pages[layer_type]

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
            page = self.type_pages.get(spec.type)
            if page is not None:
                page.show_config(spec.config)
                self.pages.setCurrentWidget(page)
            self.pages.currentWidget().setEnabled(not self._locked)
            self.lock_hint.setVisible(self._locked)
        finally:
            self._refreshing = False

    def _info_text(self, info: model.LayerInfo) -> str:
        if info.in_dim is None:
            shape = self.tr("Input size unknown until a data set is chosen.")
        else:
            shape = self.tr("{a} in → {b} out").format(
                a=model.shape_text(info.in_shape), b=model.shape_text(info.out_shape)
            )
        if info.error:
            return f"{shape}\n{info.error}"
        if info.kernel is not None:
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
