"""Undoable edits of the document. Every widget edits through these, pushed on the window's
QUndoStack, so Undo / Redo covers every edit. Each command only calls Document methods."""

from __future__ import annotations

import copy
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, LayerSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _DocCommand(QUndoCommand):
    def __init__(self, doc: Document, text: str):
        super().__init__(text)
        self.doc = doc
        self._saved = None  # (weights, optimizer_state, history, epochs_trained) before the edit

    def _save_training(self):
        p = self.doc.project
        self._saved = (p.weights, p.optimizer_state, copy.deepcopy(p.history), p.epochs_trained)

    def _restore_training(self):
        if self._saved is None:
            return
        weights, state, history, epochs = self._saved
        self.doc.set_weights(weights, state)
        self.doc.set_history(history, epochs)


class InsertLayerCommand(_DocCommand):
    def __init__(self, doc: Document, index: int, spec: LayerSpec):
        super().__init__(doc, _tr("Add {type} layer").format(type=spec.type))
        self.index, self.spec = index, spec

    def redo(self):
        self._save_training()
        self.doc.insert_layer(self.index, self.spec)

    def undo(self):
        self.doc.remove_layer(self.index)
        self._restore_training()


class RemoveLayerCommand(_DocCommand):
    def __init__(self, doc: Document, index: int):
        super().__init__(doc, _tr("Delete {name}").format(name=doc.layers[index].id))
        self.index = index
        self.spec: LayerSpec | None = None

    def redo(self):
        self._save_training()
        self.spec = self.doc.remove_layer(self.index)

    def undo(self):
        self.doc.insert_layer(self.index, self.spec)
        self._restore_training()


class MoveLayerCommand(_DocCommand):
    def __init__(self, doc: Document, src: int, dst: int):
        super().__init__(doc, _tr("Move {name}").format(name=doc.layers[src].id))
        self.src, self.dst = src, dst

    def redo(self):
        self._save_training()
        self.doc.move_layer(self.src, self.dst)

    def undo(self):
        self.doc.move_layer(self.dst, self.src)
        self._restore_training()


class UpdateLayerCommand(_DocCommand):
    """Set config keys of one layer (units, activation, rate, ...)."""

    def __init__(self, doc: Document, index: int, **changes):
        name = doc.layers[index].id
        super().__init__(doc, _tr("Change {name}").format(name=name))
        self.index, self.changes = index, changes
        self.old: dict = {}

    def redo(self):
        self._save_training()
        self.old = self.doc.update_layer(self.index, **self.changes)

    def undo(self):
        spec = self.doc.layers[self.index]
        for key, value in self.old.items():
            if value is None:
                spec.config.pop(key, None)
        self.doc.update_layer(self.index, **{k: v for k, v in self.old.items() if v is not None})
        self._restore_training()


class SetTrainingCommand(_DocCommand):
    """Set training settings (loss, optimizer dict, batch_size, epochs, metrics, ...)."""

    def __init__(self, doc: Document, text: str | None = None, **changes):
        super().__init__(doc, text or _tr("Change training settings"))
        self.changes = changes
        self.old: dict = {}

    def redo(self):
        self.old = self.doc.set_training(**copy.deepcopy(self.changes))

    def undo(self):
        self.doc.set_training(**self.old)


class SetDatasetCommand(_DocCommand):
    def __init__(self, doc: Document, spec: DatasetSpec, input_shape=None):
        super().__init__(doc, _tr("Use data set {name}").format(name=spec.name))
        self.spec, self.input_shape = spec, input_shape
        self.old_spec = None
        self.old_shape = None

    def redo(self):
        self._save_training()
        self.old_shape = self.doc.project.input_shape
        self.old_spec = self.doc.set_dataset(self.spec, self.input_shape)

    def undo(self):
        self.doc.set_dataset(self.old_spec, self.old_shape)
        self._restore_training()


class EditLayerCommand(UpdateLayerCommand):
    """UpdateLayerCommand for a field edited step by step (spin box arrows, typing): consecutive
    edits of the same field of the same layer, each within ``MERGE_SECONDS`` of the previous,
    merge into one undo step (undo returns to the value before the first of them)."""

    MERGE_SECONDS = 2.0
    _ID = 0x4E4E01

    def __init__(self, doc: Document, index: int, clock=None, **changes):
        super().__init__(doc, index, **changes)
        self._stamp = (clock or time.monotonic)()

    def id(self) -> int:
        return self._ID

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, EditLayerCommand) or other.index != self.index:
            return False
        if (
            set(other.changes) != set(self.changes)
            or other._stamp - self._stamp > self.MERGE_SECONDS
        ):
            return False
        self.changes = other.changes
        self._stamp = other._stamp
        return True
