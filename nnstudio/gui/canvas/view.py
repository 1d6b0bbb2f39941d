"""The network canvas: input block, layer blocks and output block stacked top to bottom.

Drop a palette block anywhere into the stack to insert it there; drag a layer block to reorder;
Delete / Backspace removes the selected block; Ctrl+Up / Ctrl+Down move it with the keyboard.
Every edit is an undo command; the scene is rebuilt from the document on each change.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeySequence, QPainter, QTransform, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMenu,
    QToolTip,
)

from nnstudio.gui import layer_types
from nnstudio.gui.commands import InsertLayerCommand, MoveLayerCommand, RemoveLayerCommand
from nnstudio.project.document import Document

from . import model, style
from .items import END_HEIGHT, GAP, LAYER_HEIGHT, ArrowItem, BlockItem, DropIndicator

REFRESH_EVENTS = ("layers", "dataset", "training", "project")
MIN_FIT_SCALE = (
    0.75  # below this, fitting would make text hard to read on a projector: scroll instead
)
MAX_FIT_SCALE = 1.35
MIN_ZOOM, MAX_ZOOM = 0.2, 4.0


class NetworkCanvas(QGraphicsView):
    layerSelected = Signal(int)  # index of the selected layer, -1 when none
    editRefused = Signal(
        str
    )  # a user edit was refused (e.g. while training): show it in the status bar
    lockedChanged = Signal(bool)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._locked = False
        self._user_zoom = False
        self.max_fit_scale = MAX_FIT_SCALE  # grows with View > Zoom (set_fit_zoom)
        self._emitted_index = -1
        self._selected_id: str | None = None
        self._rebuilding = False
        self._layer_count = 0
        self._press: tuple[BlockItem, QPointF] | None = None  # block pressed + scene pos of press
        self._reorder: BlockItem | None = None  # block being dragged to a new place
        self._reorder_offset = 0.0

        self.setObjectName("networkCanvas")
        self._scene = QGraphicsScene(self)
        self._scene.setBackgroundBrush(QBrush(style.BACKGROUND))
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform
        )
        self.setAcceptDrops(True)
        self.setDragMode(QGraphicsView.NoDrag)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setFrameShape(QFrame.NoFrame)
        self.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setMinimumSize(260, 180)
        self.setAccessibleName(self.tr("Network"))
        self.setToolTip(
            self.tr(
                "Drag layers here from the palette. Drag a block to move it; "
                "Delete removes it; Ctrl+Up/Down moves it; Ctrl+wheel zooms, Ctrl+0 fits."
            )
        )

        self.input_item: BlockItem | None = None
        self.output_item: BlockItem | None = None
        self.layer_items: list[BlockItem] = []
        self.placeholder_item: BlockItem | None = None
        self.indicator: DropIndicator | None = None

        self._scene.selectionChanged.connect(self._on_selection_changed)
        unsubscribe = document.subscribe(self._on_document_event)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.rebuild()

    # -- public API ---------------------------------------------------------------------------
    def set_locked(self, locked: bool) -> None:
        """While training: no drops, no moves, no deletes."""
        locked = bool(locked)
        changed = locked != self._locked
        self._locked = locked
        self._cancel_reorder()
        self.rebuild()
        if changed:
            self.lockedChanged.emit(locked)

    def is_locked(self) -> bool:
        return self._locked

    def selected_index(self) -> int:
        items = [i for i in self._scene.selectedItems() if isinstance(i, BlockItem) and i.is_layer]
        return items[0].index if items else -1

    def select_layer(self, index: int) -> None:
        """Select layer ``index`` (-1 clears the selection); emits layerSelected."""
        self._rebuilding = True  # one selection signal, not clear + set
        try:
            self._scene.clearSelection()
            if 0 <= index < len(self.layer_items):
                item = self.layer_items[index]
                item.setSelected(True)
                self.ensureVisible(item, 20, 20)
        finally:
            self._rebuilding = False
        self._on_selection_changed()

    def add_layer(self, layer_type: str, index: int | None = None) -> bool:
        """Insert a new layer with default settings (at the end when index is None)."""
        if not self._allow_edit():
            return False
        n = len(self.document.layers)
        index = n if index is None else max(0, min(int(index), n))
        spec = layer_types.new_layer_spec(layer_type)
        self.undo_stack.push(
            InsertLayerCommand(self.document, index, spec)
        )  # selects it (see below)
        return True

    def remove_selected(self) -> bool:
        index = self.selected_index()
        if index < 0 or not self._allow_edit():
            return False
        self.undo_stack.push(RemoveLayerCommand(self.document, index))
        n = len(self.document.layers)
        self.select_layer(min(index, n - 1) if n else -1)
        return True

    def move_layer(self, src: int, dst: int) -> bool:
        n = len(self.document.layers)
        if not (0 <= src < n and 0 <= dst < n) or src == dst or not self._allow_edit():
            return False
        self.undo_stack.push(MoveLayerCommand(self.document, src, dst))
        self.select_layer(dst)
        return True

    def fit(self) -> None:
        """Zoom so the whole network fits (not larger than comfortable, not unreadably small)."""
        self._user_zoom = False
        self._fit()

    def set_fit_zoom(self, factor: float) -> None:
        """The window's zoom (View > Zoom): blocks may grow up to ``factor`` times larger than
        at 100 %, as far as the canvas has room (never wider than it), then refit."""
        self.max_fit_scale = MAX_FIT_SCALE * max(1.0, float(factor))
        self.fit()

    def gap_at(self, scene_pos: QPointF) -> int:
        """Where a block dropped at ``scene_pos`` lands: 0 = first layer, n = after the last."""
        y = scene_pos.y()
        return sum(1 for item in self.layer_items if item.sceneBoundingRect().center().y() < y)

    def gap_y(self, gap: int) -> float:
        """Scene y of the middle of the space before layer ``gap`` (the drop indicator's line)."""
        if self.placeholder_item is not None:
            return self.placeholder_item.y() + self.placeholder_item.height / 2
        blocks = [self.input_item, *self.layer_items, self.output_item]
        above, below = blocks[gap], blocks[gap + 1]
        return (above.y() + above.height + below.y()) / 2

    # -- building the scene from the document -----------------------------------------------
    def _on_document_event(self, event: str, info: dict) -> None:
        if event not in REFRESH_EVENTS or not shiboken6.isValid(self):
            return
        count = len(self.document.layers)
        grew = event == "layers" and count == self._layer_count + 1
        if event == "project":  # another lesson: start unselected and fitted
            self._selected_id = None
            self._user_zoom = False
        self.rebuild()
        index = info.get("index")
        if grew and isinstance(index, int) and 0 <= index < count:
            self.select_layer(index)  # a new (or restored) layer opens in the inspector

    def rebuild(self) -> None:
        project = self.document.project
        self._layer_count = len(project.layers)
        self._rebuilding = True
        try:
            self._press = None
            self._reorder = None
            self._scene.clear()
            self.layer_items = []
            self.placeholder_item = None
            infos = model.layer_infos(project)
            x = 0.0
            y = 0.0
            blocks: list[BlockItem] = []

            if self._locked:
                banner = QGraphicsSimpleTextItem(
                    self.tr("Locked while training — stop training to edit the network")
                )
                banner.setFont(style.font(10, bold=True))
                banner.setBrush(QBrush(style.SELECTED))
                rect = banner.boundingRect()
                banner.setPos(-rect.width() / 2, -rect.height() - 14)
                self._scene.addItem(banner)

            self.input_item = BlockItem(
                "Input", self.tr("Input"), *self._input_lines(project), height=END_HEIGHT
            )
            blocks.append(self.input_item)
            if not infos:
                self.placeholder_item = BlockItem(
                    "placeholder",
                    self.tr("Drag layers here from the palette\n(or double-click one there)"),
                    height=LAYER_HEIGHT,
                )
                blocks.append(self.placeholder_item)
            for info in infos:
                activation = (
                    model.activation_name(info.spec.config["activation"])
                    if "activation" in info.spec.config
                    else None
                )
                item = BlockItem(
                    info.spec.type,
                    self._layer_title(info.spec.type),
                    info.spec.id,
                    self._layer_line(info),
                    self._params_text(info.params),
                    index=info.index,
                    layer_id=info.spec.id,
                    activation=activation,
                )
                if self._locked:
                    item.setCursor(Qt.ArrowCursor)
                item.setToolTip(self._layer_tooltip(info))
                self.layer_items.append(item)
                blocks.append(item)
            out_dim = model.output_dim(project)
            self.output_item = BlockItem(
                "Output",
                self.tr("Output"),
                *self._output_lines(project, out_dim),
                height=END_HEIGHT,
            )
            blocks.append(self.output_item)

            for i, block in enumerate(blocks):
                self._scene.addItem(block)
                block.setPos(x, y)
                if i + 1 < len(blocks):
                    self._scene.addItem(ArrowItem(x, y + block.height, y + block.height + GAP))
                y += block.height + GAP

            total = model.total_params(project)
            if total is not None and infos:
                label = QGraphicsSimpleTextItem(
                    self.tr("Total parameters: {n}").format(n=f"{total:,}")
                )
                label.setFont(style.font(10))
                label.setBrush(QBrush(style.MUTED))
                rect = label.boundingRect()
                label.setPos(-rect.width() / 2, y - GAP + 10)
                self._scene.addItem(label)

            self.indicator = DropIndicator()
            self._scene.addItem(self.indicator)
            bounds = self._scene.itemsBoundingRect().adjusted(-40, -30, 40, 30)
            self._scene.setSceneRect(bounds)

            # keep the selection: same layer id if it still exists
            if self._selected_id is not None:
                for item in self.layer_items:
                    if item.layer_id == self._selected_id:
                        item.setSelected(True)
        finally:
            self._rebuilding = False
        self._on_selection_changed()
        if not self._user_zoom:
            self._fit()

    def _layer_title(self, layer_type: str) -> str:
        return layer_types.title(layer_type)

    def _layer_line(self, info: model.LayerInfo) -> str:
        entry = layer_types.get(info.spec.type)
        return entry.line(info.spec.config) if entry is not None else ""

    def _params_text(self, params: int | None) -> str:
        if params is None:
            return self.tr("? params (choose a data set)")
        if params == 1:
            return self.tr("1 param")
        return self.tr("{n} params").format(n=f"{params:,}")

    def _layer_tooltip(self, info: model.LayerInfo) -> str:
        lines = [f"{info.spec.id} ({info.spec.type})"]
        if info.in_dim is not None:
            lines.append(
                self.tr("in: {a} → out: {b}").format(
                    a=model.shape_text(info.in_shape), b=model.shape_text(info.out_shape)
                )
            )
        if info.kernel is not None:
            lines.append(
                self.tr("weights {i}×{u} = {k}, biases {b}").format(
                    i=info.in_dim, u=info.out_dim, k=info.kernel, b=info.bias
                )
            )
        if info.error:
            lines.append(info.error)
        return "\n".join(lines)

    def _input_lines(self, project) -> tuple[str, str]:
        """(tag, line2) of the input block: "xor", "shape (2,)" or "784 features (28×28 image)"."""
        shape = project.input_shape
        if not shape:
            return "", self.tr("shape comes from the data set")
        shape = tuple(int(d) for d in shape)
        tag = project.dataset.name or ""
        image = model.image_shape(project)
        if image is not None and len(shape) == 2:  # the samples are the images themselves
            return tag, self.tr("{h}×{w} images").format(h=image[0], w=image[1])
        if image is not None:
            n = image[0] * image[1]
            return tag, self.tr("{n} features ({h}×{w} image)").format(n=n, h=image[0], w=image[1])
        text = "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"
        return tag, self.tr("shape {shape}").format(shape=text)

    def _output_lines(self, project, out_dim) -> tuple[str, str]:
        """(tag, line2) of the output block: "1 output", "loss: binary_crossentropy"."""
        loss = project.training.loss or "?"
        if out_dim is None or not project.layers:
            tag = ""  # no layers: the input's width is no output (a blank project said "2 outputs")
        elif out_dim == 1:
            tag = self.tr("1 output")
        else:
            tag = self.tr("{n} outputs").format(n=out_dim)
        return tag, self.tr("loss: {loss}").format(loss=loss)

    # -- selection ------------------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        if self._rebuilding or not shiboken6.isValid(self):
            return
        index = self.selected_index()
        self._selected_id = self.layer_items[index].layer_id if index >= 0 else None
        if index != self._emitted_index:
            self._emitted_index = index
            self.layerSelected.emit(index)

    # -- locking --------------------------------------------------------------------------------
    def _allow_edit(self, pos: QPoint | None = None) -> bool:
        if not self._locked:
            return True
        message = self.tr("Stop training to edit the network")
        where = (
            self.viewport().mapToGlobal(pos)
            if pos is not None
            else self.mapToGlobal(self.rect().center())
        )
        QToolTip.showText(where, message, self)
        self.editRefused.emit(message)
        return False

    # -- drops from the palette -------------------------------------------------------------------
    @staticmethod
    def _layer_type(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(style.MIME_TYPE):
            return None
        text = bytes(mime.data(style.MIME_TYPE)).decode("utf-8", "replace").strip()
        return text if text in layer_types.TYPES else None

    def dragEnterEvent(self, event):  # noqa: N802
        if self._layer_type(event) is None:
            event.ignore()
            return
        if not self._allow_edit(event.position().toPoint()):
            event.ignore()
            return
        event.acceptProposedAction()
        self._show_indicator(self.mapToScene(event.position().toPoint()))

    def dragMoveEvent(self, event):  # noqa: N802
        if self._layer_type(event) is None or self._locked:
            event.ignore()
            return
        event.acceptProposedAction()
        self._autoscroll(event.position().toPoint())
        self._show_indicator(self.mapToScene(event.position().toPoint()))

    def _autoscroll(self, pos: QPoint) -> None:
        """Scroll a tall network while something is dragged near the top or bottom edge."""
        margin = 36
        bar = self.verticalScrollBar()
        if pos.y() < margin:
            bar.setValue(bar.value() - 18)
        elif pos.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + 18)

    def dragLeaveEvent(self, event):  # noqa: N802
        self._hide_indicator()
        event.accept()

    def dropEvent(self, event):  # noqa: N802
        layer_type = self._layer_type(event)
        self._hide_indicator()
        if layer_type is None or not self._allow_edit(event.position().toPoint()):
            event.ignore()
            return
        gap = self.gap_at(self.mapToScene(event.position().toPoint()))
        event.setDropAction(Qt.CopyAction)
        event.accept()
        self.setFocus(Qt.OtherFocusReason)
        self.add_layer(layer_type, gap)

    def _show_indicator(self, scene_pos: QPointF) -> int:
        gap = self.gap_at(scene_pos)
        if self.indicator is not None:
            self.indicator.setPos(0, self.gap_y(gap))
            self.indicator.show()
        return gap

    def _hide_indicator(self) -> None:
        if self.indicator is not None and shiboken6.isValid(self.indicator):
            self.indicator.hide()

    # -- reorder by dragging a block --------------------------------------------------------------
    def _layer_item_at(self, view_pos: QPoint) -> BlockItem | None:
        for item in self.items(view_pos):
            if isinstance(item, BlockItem) and item.is_layer:
                return item
        return None

    def mousePressEvent(self, event):  # noqa: N802
        super().mousePressEvent(event)  # selection
        self._press = None
        if event.button() == Qt.LeftButton:
            item = self._layer_item_at(event.position().toPoint())
            if item is not None:
                item.setSelected(True)
                self._press = (item, self.mapToScene(event.position().toPoint()))

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        item, start = self._press
        pos = self.mapToScene(event.position().toPoint())
        if self._reorder is None:
            moved = self.mapFromScene(pos) - self.mapFromScene(start)
            if moved.manhattanLength() < QApplication.startDragDistance():
                return
            if not self._allow_edit(event.position().toPoint()):
                self._press = None
                return
            self._reorder = item
            self._reorder_offset = start.y() - item.y()
            self._reorder_home = item.y()
            item.setZValue(10)
            item.dimmed = True
            item.setCursor(Qt.ClosedHandCursor)
        item.setY(pos.y() - self._reorder_offset)
        item.update()
        gap = self._gap_for_reorder(pos)
        self.indicator.setPos(0, self.gap_y(gap))
        self.indicator.setVisible(gap not in (item.index, item.index + 1))
        self._autoscroll(event.position().toPoint())

    def _gap_for_reorder(self, scene_pos: QPointF) -> int:
        # block centres as laid out (the dragged block counts at its home position)
        y = scene_pos.y()
        gap = 0
        for other in self.layer_items:
            centre = (
                self._reorder_home if other is self._reorder else other.y()
            ) + other.height / 2
            if centre < y:
                gap += 1
        return gap

    def mouseReleaseEvent(self, event):  # noqa: N802
        item = self._reorder
        press = self._press
        self._press = None
        if item is None or press is None:
            super().mouseReleaseEvent(event)
            return
        self._reorder = None
        gap = self._gap_for_reorder(self.mapToScene(event.position().toPoint()))
        src = item.index
        dst = gap if gap <= src else gap - 1
        self.indicator.hide()
        if dst == src:  # dropped where it was: put it back
            item.setY(self._reorder_home)
            item.setZValue(0)
            item.dimmed = False
            item.setCursor(Qt.OpenHandCursor)
            item.update()
        else:
            self.move_layer(src, dst)
        event.accept()

    def _cancel_reorder(self) -> None:
        if self._reorder is not None:
            self._reorder = None
            self._press = None
            self.rebuild()

    # -- context menu ---------------------------------------------------------------------------
    def contextMenuEvent(self, event):  # noqa: N802
        item = self._layer_item_at(event.pos())
        if item is None:
            super().contextMenuEvent(event)
            return
        self.select_layer(item.index)
        index, n = item.index, len(self.layer_items)
        menu = QMenu(self)
        up = menu.addAction(self.tr("Move Up"), lambda: self.move_layer(index, index - 1))
        up.setEnabled(index > 0 and not self._locked)
        down = menu.addAction(self.tr("Move Down"), lambda: self.move_layer(index, index + 1))
        down.setEnabled(index < n - 1 and not self._locked)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete"), self.remove_selected)
        delete.setEnabled(not self._locked)
        menu.exec(event.globalPos())
        event.accept()

    # -- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        mods = event.modifiers()
        index = self.selected_index()
        n = len(self.layer_items)
        if key in (Qt.Key_Delete, Qt.Key_Backspace) and index >= 0:
            self.remove_selected()
            event.accept()
        elif key == Qt.Key_Escape and self._reorder is not None:
            self._cancel_reorder()
            event.accept()
        elif key == Qt.Key_Escape:
            self._scene.clearSelection()
            event.accept()
        elif key in (Qt.Key_Up, Qt.Key_Down) and mods & Qt.ControlModifier:
            if index >= 0:
                self.move_layer(index, index + (-1 if key == Qt.Key_Up else 1))
            event.accept()
        elif key in (Qt.Key_Up, Qt.Key_Down) and n:
            step = -1 if key == Qt.Key_Up else 1
            self.select_layer((index + step) % n if index >= 0 else (0 if step > 0 else n - 1))
            event.accept()
        elif event.matches(QKeySequence.ZoomIn):
            self._zoom(1.2)
        elif event.matches(QKeySequence.ZoomOut):
            self._zoom(1 / 1.2)
        elif key == Qt.Key_0 and mods & Qt.ControlModifier:
            self.fit()
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- zoom ---------------------------------------------------------------------------------------
    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self._zoom(1.15**steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def _zoom(self, factor: float) -> None:
        current = self.transform().m11()
        new = max(MIN_ZOOM, min(MAX_ZOOM, current * factor))
        self._user_zoom = True
        self.setTransform(QTransform.fromScale(new, new))

    def _fit(self) -> None:
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.width() < 10 or view.height() < 10:
            return
        scale = min(view.width() / rect.width(), view.height() / rect.height())
        scale = max(MIN_FIT_SCALE, min(self.max_fit_scale, scale))
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(
            rect.center().x(),
            rect.top() if scale * rect.height() > view.height() else rect.center().y(),
        )

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if not self._user_zoom:
            QTimer.singleShot(0, self._fit_if_alive)

    def _fit_if_alive(self) -> None:
        if shiboken6.isValid(self) and not self._user_zoom:
            self._fit()
