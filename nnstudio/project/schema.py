"""The project document: plain dataclasses, no Qt, no engine objects.

A project is one lesson: the network (ordered layer specs), the data set it trains on, the
training settings, and what training produced (weights, optimizer state, history). The
studio edits these through :class:`nnstudio.project.document.Document`; the file format
(``.nnproj``) stores exactly these fields.

Layer configs are the engine layer's ``get_config()`` (JSON-serialisable); the layer's
``id`` doubles as the engine layer's ``name`` and as the key prefix of its weights
(``"dense_1/kernel"``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.engine.layers import LAYER_CLASSES

LAYER_TYPES = tuple(LAYER_CLASSES)  # the engine's allow-list: a new layer class is known here too


@dataclass
class LayerSpec:
    type: str  # one of LAYER_TYPES
    config: dict[str, Any]  # engine get_config(), without "name" (the id is the name)
    id: str = ""  # unique within the project, e.g. "dense_1"; assigned by Project.add_layer
    position: tuple[float, float] | None = None  # canvas position, if the user moved it


@dataclass
class DatasetSpec:
    name: str = "xor"  # a name from nnstudio.data.DATASETS, or "file" for the user's own file
    params: dict[str, Any] = field(default_factory=dict)  # n_samples, noise, seed, ...
    path: str | None = None  # name == "file": the file (or IDX folder)
    format: str | None = None  # name == "file": "csv" | "idx" | "npz"
    options: dict[str, Any] = field(default_factory=dict)  # e.g. {"label_column": "species"}


@dataclass
class TrainingSpec:
    loss: str = "binary_crossentropy"
    optimizer: dict[str, Any] = field(
        default_factory=lambda: {"class_name": "Adam", "config": {"learning_rate": 0.01}}
    )  # engine optimizers.serialize() form
    batch_size: int = 32
    epochs: int = 100
    metrics: list[str] = field(default_factory=lambda: ["accuracy"])
    validation_split: float = 0.0
    seed: int = 0
    # "more": each run trains `epochs` more; "until": until `epochs` in all (project/runs.py)
    epochs_mode: str = "more"
    early_stopping: dict[str, Any] | None = None  # runs.EARLY_STOPPING_DEFAULTS keys; None: off


@dataclass
class Project:
    title: str = "Untitled"
    description: dict[str, str] = field(default_factory=dict)  # {"en": ..., "ko": ...}
    layers: list[LayerSpec] = field(default_factory=list)
    input_shape: tuple[int, ...] | None = None  # per-sample input shape, e.g. (2,) or (784,)
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    training: TrainingSpec = field(default_factory=TrainingSpec)
    history: dict[str, list[float]] = field(default_factory=dict)  # per-epoch, Keras names
    epochs_trained: int = 0
    weights: dict[str, np.ndarray] | None = None  # "layer-id/kernel", "layer-id/bias"
    optimizer_state: dict[str, np.ndarray] | None = None  # engine optimizer get_state()
    lesson: dict[str, Any] | None = None  # a guided lesson's steps (project/lesson.py)
    # the user's data kept inside the project (data.npz; see embed.py) and what describes it
    embedded_data: dict[str, np.ndarray] | None = None  # x_train, y_train, x_test, y_test
    embedded_info: dict[str, Any] | None = None  # task, class_names, ... (project.json)

    def new_layer_id(self, layer_type: str) -> str:
        """Keras-style unique id: dense, dense_1, dense_2, ..."""
        base = {"Dense": "dense", "Activation": "activation", "Dropout": "dropout"}.get(
            layer_type, layer_type.lower()
        )
        taken = {spec.id for spec in self.layers}
        if base not in taken:
            return base
        i = 1
        while f"{base}_{i}" in taken:
            i += 1
        return f"{base}_{i}"

    def add_layer(self, layer_type: str, index: int | None = None, **config) -> LayerSpec:
        spec = LayerSpec(type=layer_type, config=dict(config), id=self.new_layer_id(layer_type))
        self.layers.insert(len(self.layers) if index is None else index, spec)
        return spec

    def copy(self) -> "Project":
        return copy.deepcopy(self)

    # -- engine objects, made on demand (never stored in the dataclass fields) -----------------
    @property
    def model(self):
        """The compiled engine model with this project's weights and optimizer state.

        Built on first use and cached until the network, the training settings or the
        weights change (copies and pickles of the project leave the cache behind). Training
        it changes the cached model, not ``self.weights``: call
        ``nnstudio.project.capture(project, project.model, history)`` to keep the result.
        """
        from .build import build_model

        key = self._model_key()
        cached = self.__dict__.get("_model_cache")
        if (
            cached is not None
            and cached[0] == key[0]
            and cached[1] is key[1]
            and cached[2] is key[2]
        ):
            return cached[3]
        model = build_model(self)
        self.__dict__["_model_cache"] = (*key, model)
        return model

    def build_dataset(self):
        """The ``nnstudio.data.Dataset`` this project trains on."""
        from .build import build_dataset

        return build_dataset(self)

    def _model_key(self):
        import json

        described = json.dumps(
            [
                [(s.type, s.id, s.config) for s in self.layers],
                list(self.input_shape or ()),
                [
                    self.training.loss,
                    self.training.optimizer,
                    list(self.training.metrics),
                    self.training.seed,
                ],
            ],
            sort_keys=True,
            default=repr,
        )
        return described, self.weights, self.optimizer_state

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_model_cache", None)
        return state
