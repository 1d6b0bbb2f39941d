"""`Dataset`: the arrays a model trains on, plus the names a person reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import DataError

CLASSIFICATION = "classification"
REGRESSION = "regression"


@dataclass
class Dataset:
    """A train/test split with everything the studio shows about it.

    x_*: float32 (n, features) ; y_*: int64 (n,) labels for classification,
    float32 (n, k) targets for regression.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str = CLASSIFICATION
    num_classes: int | None = None
    class_names: list[str] | None = None
    feature_names: list[str] | None = None
    image_shape: tuple[int, ...] | None = None
    name: str = ""
    description: str = ""
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.task not in (CLASSIFICATION, REGRESSION):
            raise DataError(
                f"A data set's task must be 'classification' or 'regression', not {self.task!r}."
            )
        self.x_train = np.asarray(self.x_train, dtype=np.float32)
        self.x_test = np.asarray(self.x_test, dtype=np.float32)
        ydtype = np.int64 if self.task == CLASSIFICATION else np.float32
        self.y_train = np.asarray(self.y_train, dtype=ydtype)
        self.y_test = np.asarray(self.y_test, dtype=ydtype)
        if len(self.x_train) != len(self.y_train) or len(self.x_test) != len(self.y_test):
            raise DataError(
                f"Data set {self.name!r} has {len(self.x_train)} training inputs but {len(self.y_train)} "
                f"targets (test: {len(self.x_test)} inputs, {len(self.y_test)} targets); they must match."
            )
        if self.x_train.shape[1:] != self.x_test.shape[1:]:
            raise DataError(
                f"Data set {self.name!r}: training samples have shape {self.x_train.shape[1:]} but test "
                f"samples {self.x_test.shape[1:]}; they must be the same."
            )
        if self.task == CLASSIFICATION:
            if self.num_classes is None:
                both = np.concatenate([self.y_train.ravel(), self.y_test.ravel()])
                self.num_classes = int(both.max()) + 1 if both.size else 0
            if self.class_names is None:
                self.class_names = [str(i) for i in range(self.num_classes)]
        else:
            self.num_classes = None
            self.class_names = None
        if self.image_shape is not None:
            self.image_shape = tuple(int(s) for s in self.image_shape)

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Per-sample input shape, e.g. (2,) or (784,)."""
        return tuple(int(s) for s in self.x_train.shape[1:])

    @property
    def output_dim(self) -> int:
        """Units the last Dense layer needs: num_classes, or the number of regression targets."""
        if self.task == CLASSIFICATION:
            return int(self.num_classes)
        return int(self.y_train.shape[1]) if self.y_train.ndim > 1 else 1

    @property
    def n_train(self) -> int:
        return int(len(self.x_train))

    @property
    def n_test(self) -> int:
        return int(len(self.x_test))

    def __repr__(self) -> str:
        kind = f"{self.num_classes} classes" if self.task == CLASSIFICATION else "regression"
        return (
            f"Dataset({self.name!r}, {self.n_train} train / {self.n_test} test, "
            f"input_shape={self.input_shape}, {kind})"
        )


@dataclass(frozen=True)
class DatasetInfo:
    """One entry of the catalog the studio's data panel lists."""

    name: str
    title: str
    description: str
    task: str
    params: dict
    kind: str  # "table" | "2d" | "1d" | "image"
    needs_download: bool = False
