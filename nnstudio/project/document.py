"""An observable project: the one truth every studio view reads and writes. No Qt.

Views subscribe with ``doc.subscribe(callback)``; every change calls
``callback(event, info)`` with one of the event names below. Mutations go through the
methods here (the GUI's undo commands call them too), never by editing ``doc.project``
fields directly, so that every view hears about every change.

Events:
    "layers"    the layer list or a layer's config changed  info: {"index": int | None}
    "dataset"   the data set spec changed (input shape may have changed)
    "training"  training settings changed                   info: {"changes": dict}
    "history"   history replaced or extended                 info: {}
    "weights"   trained weights / optimizer state replaced   info: {}
    "meta"      title / description changed
    "project"   a whole new project was loaded
    "modified"  the modified flag or the file path changed
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .schema import DatasetSpec, LayerSpec, Project

Listener = Callable[[str, dict], None]


class Document:
    def __init__(self, project: Project | None = None, path: str | None = None):
        self.project = project if project is not None else Project()
        self.path = path
        self.modified = False
        self._listeners: list[Listener] = []

    # -- observing ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def emit(self, event: str, **info: Any) -> None:
        for listener in list(self._listeners):
            listener(event, info)

    def _changed(self, event: str, **info: Any) -> None:
        self.emit(event, **info)
        if not self.modified:
            self.modified = True
            self.emit("modified")

    def set_clean(self, path: str | None = None) -> None:
        if path is not None:
            self.path = path
        self.modified = False
        self.emit("modified")

    def replace_project(self, project: Project, path: str | None = None) -> None:
        self.project = project
        self.path = path
        self.modified = False
        self.emit("project")
        self.emit("modified")

    # -- layers --------------------------------------------------------------------------
    @property
    def layers(self) -> list[LayerSpec]:
        return self.project.layers

    def insert_layer(self, index: int, spec: LayerSpec) -> LayerSpec:
        if not spec.id or spec.id in {s.id for s in self.project.layers}:
            spec.id = self.project.new_layer_id(spec.type)
        self.project.layers.insert(index, spec)
        self._invalidate_weights()
        self._changed("layers", index=index)
        return spec

    def remove_layer(self, index: int) -> LayerSpec:
        spec = self.project.layers.pop(index)
        self._invalidate_weights()
        self._changed("layers", index=index)
        return spec

    def move_layer(self, src: int, dst: int) -> None:
        spec = self.project.layers.pop(src)
        self.project.layers.insert(dst, spec)
        self._invalidate_weights()
        self._changed("layers", index=dst)

    def update_layer(self, index: int, **changes: Any) -> dict[str, Any]:
        """Set config keys of layer ``index``; returns the old values (for undo)."""
        spec = self.project.layers[index]
        old = {k: copy.deepcopy(spec.config.get(k)) for k in changes}
        spec.config.update(changes)
        self._invalidate_weights()
        self._changed("layers", index=index)
        return old

    def set_layer_position(self, index: int, position: tuple[float, float] | None) -> None:
        self.project.layers[index].position = position
        self._changed("layers", index=index)

    # -- data, training, meta ------------------------------------------------------------
    def set_dataset(
        self, spec: DatasetSpec, input_shape: tuple[int, ...] | None = None
    ) -> DatasetSpec:
        old = self.project.dataset
        self.project.dataset = spec
        if self.project.embedded_data is not None and _data_source(spec) != _data_source(old):
            self.project.embedded_data = self.project.embedded_info = None  # other data now
        if input_shape is not None and tuple(input_shape) != tuple(self.project.input_shape or ()):
            self.project.input_shape = tuple(input_shape)
            self._invalidate_weights()
        self._changed("dataset")
        return old

    def set_training(self, **changes: Any) -> dict[str, Any]:
        """Set TrainingSpec fields; returns the old values (for undo)."""
        training = self.project.training
        old = {}
        for key, value in changes.items():
            if not hasattr(training, key):
                raise AttributeError(f"unknown training setting: {key}")
            old[key] = copy.deepcopy(getattr(training, key))
            setattr(training, key, value)
        self._changed("training", changes=changes)
        return old

    def set_meta(self, title: str | None = None, description: dict[str, str] | None = None) -> None:
        if title is not None:
            self.project.title = title
        if description is not None:
            self.project.description = dict(description)
        self._changed("meta")

    # -- what training produced ------------------------------------------------------------
    def set_history(
        self, history: dict[str, list[float]], epochs_trained: int | None = None
    ) -> None:
        self.project.history = {k: list(v) for k, v in history.items()}
        if epochs_trained is not None:
            self.project.epochs_trained = int(epochs_trained)
        self._changed("history")

    def set_weights(self, weights, optimizer_state=None) -> None:
        self.project.weights = weights
        self.project.optimizer_state = optimizer_state
        self._changed("weights")

    def reset_training(self) -> None:
        """Forget weights, optimizer state and history (a changed network needs new ones)."""
        self._invalidate_weights()
        self._changed("weights")
        self._changed("history")

    def _invalidate_weights(self) -> None:
        self.project.weights = None
        self.project.optimizer_state = None
        self.project.history = {}
        self.project.epochs_trained = 0


def _data_source(spec: DatasetSpec) -> tuple:
    return (spec.name, spec.path, spec.format, repr(sorted((spec.options or {}).items())))
