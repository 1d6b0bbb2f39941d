"""The catalog of built-in data sets and `load(name, **params)`."""

from __future__ import annotations

import inspect

from . import download as _download
from . import generators as g
from .dataset import CLASSIFICATION, REGRESSION, Dataset, DatasetInfo
from .errors import DataError
from .idx import from_idx
from ..i18n import NoQt
from ..paths import DATASETS as DATASETS_DIR


def _t(text: str) -> str:
    return NoQt.translate("datasets", text)


MNIST_CLASSES = [str(i) for i in range(10)]
FASHION_CLASSES = [
    _t("T-shirt/top"),
    _t("Trouser"),
    _t("Pullover"),
    _t("Dress"),
    _t("Coat"),
    _t("Sandal"),
    _t("Shirt"),
    _t("Sneaker"),
    _t("Bag"),
    _t("Ankle boot"),
]


def _mnist_5k(flatten=True):
    return from_idx(
        DATASETS_DIR / "mnist-5k",
        num_classes=10,
        class_names=MNIST_CLASSES,
        name="mnist-5k",
        description=DATASETS["mnist-5k"].description,
        flatten=flatten,
    )


def _downloadable(name, class_names):
    def make(flatten=True, progress=None, cancel=None, mirrors=None, timeout=None):
        folder = _download.locate(
            name, progress=progress, cancel=cancel, mirrors=mirrors, timeout=timeout
        )
        return from_idx(
            folder,
            num_classes=10,
            class_names=class_names,
            name=name,
            description=DATASETS[name].description,
            flatten=flatten,
        )

    return make


FETCH_PARAMS = ("progress", "cancel", "mirrors", "timeout")  # from the studio, never a file
LAYOUT_PARAMS = ("flatten",)  # the samples' shape: a project may set it; not a panel setting


def _info(name, title, description, task, kind, maker, needs_download=False):
    params = {}
    for p in inspect.signature(maker).parameters.values():
        if p.name in FETCH_PARAMS + LAYOUT_PARAMS:
            continue  # how to fetch or shape the samples, not a setting of the data set itself
        params[p.name] = p.default
    return DatasetInfo(
        name=name,
        title=title,
        description=description,
        task=task,
        params=params,
        kind=kind,
        needs_download=needs_download,
    )


_MAKERS = {
    "and": lambda repeats=1, noise=0.0, seed=0: g.gate("and", repeats, noise, seed),
    "or": lambda repeats=1, noise=0.0, seed=0: g.gate("or", repeats, noise, seed),
    "nand": lambda repeats=1, noise=0.0, seed=0: g.gate("nand", repeats, noise, seed),
    "xor": lambda repeats=1, noise=0.0, seed=0: g.gate("xor", repeats, noise, seed),
    "animals": g.animals,
    "circles": g.circles,
    "moons": g.moons,
    "spirals": g.spirals,
    "blobs": g.blobs,
    "checkerboard": g.checkerboard,
    "xor-scatter": g.xor_scatter,
    "linear": g.linear,
    "sine": g.sine,
    "plane": g.plane,
    "mnist-5k": _mnist_5k,
    "mnist": _downloadable("mnist", MNIST_CLASSES),
    "fashion-mnist": _downloadable("fashion-mnist", FASHION_CLASSES),
}

_C, _R = CLASSIFICATION, REGRESSION
_ENTRIES = [  # name, title, description (both marked for translation: context "datasets"), task, preview
    (
        "and",
        _t("AND gate"),
        _t("Output 1 only when both inputs are 1: one straight line separates the answers."),
        _C,
        "table",
    ),
    (
        "or",
        _t("OR gate"),
        _t("Output 1 when at least one input is 1: one straight line separates the answers."),
        _C,
        "table",
    ),
    (
        "nand",
        _t("NAND gate"),
        _t("Output 0 only when both inputs are 1: the opposite of AND."),
        _C,
        "table",
    ),
    (
        "xor",
        _t("XOR gate"),
        _t(
            "Output 1 when the inputs differ: no single straight line works, so it needs a "
            "hidden layer."
        ),
        _C,
        "table",
    ),
    (
        "animals",
        _t("Animals: fur and wings"),
        _t("Six animals described by fur and wings, sorted into mammal, bird or other."),
        _C,
        "table",
    ),
    (
        "circles",
        _t("Circles"),
        _t("Two rings of points, one inside the other: no straight line separates them."),
        _C,
        "2d",
    ),
    (
        "moons",
        _t("Two moons"),
        _t("Two interlocking half-moons: the boundary between them has to bend."),
        _C,
        "2d",
    ),
    (
        "spirals",
        _t("Spirals"),
        _t("Spiral arms wound around each other, one class per arm: hard, needs a deeper network."),
        _C,
        "2d",
    ),
    (
        "blobs",
        _t("Blobs"),
        _t("Round clusters of points, one class each: the easiest case to separate."),
        _C,
        "2d",
    ),
    (
        "checkerboard",
        _t("Checkerboard"),
        _t(
            "Points on a checkerboard, the class is the colour of the square: many small "
            "regions to learn."
        ),
        _C,
        "2d",
    ),
    (
        "xor-scatter",
        _t("XOR cloud"),
        _t("Points in four quadrants where opposite corners share a class: XOR as a cloud."),
        _C,
        "2d",
    ),
    (
        "linear",
        _t("Straight line"),
        _t("Noisy points around y = 2x + 1: regression a single neuron can learn."),
        _R,
        "1d",
    ),
    (
        "sine",
        _t("Sine wave"),
        _t("Noisy points on one wave of y = sin(x): a curve that needs hidden units."),
        _R,
        "1d",
    ),
    (
        "plane",
        _t("Plane"),
        _t("Two inputs and one output on the flat plane y = 2·x1 − x2 + 0.5."),
        _R,
        "2d",
    ),
    (
        "mnist-5k",
        _t("MNIST digits (5,000 sample)"),
        _t(
            "5,000 real handwritten digits 0-9, 28x28 pixels, shipped with nnstudio: works offline."
        ),
        _C,
        "image",
    ),
    (
        "mnist",
        _t("MNIST digits (full, 70,000)"),
        _t(
            "The full 70,000 handwritten digits (60,000 train, 10,000 test); downloaded "
            "once (about 11 MB) and kept."
        ),
        _C,
        "image",
    ),
    (
        "fashion-mnist",
        _t("Fashion-MNIST clothing"),
        _t(
            "70,000 small photos of clothes in 10 kinds (shirt, sneaker, bag...); a harder "
            "drop-in for MNIST."
        ),
        _C,
        "image",
    ),
]

DATASETS: dict[str, DatasetInfo] = {
    name: _info(
        name,
        title,
        desc,
        task,
        kind,
        _MAKERS[name],
        needs_download=name in ("mnist", "fashion-mnist"),
    )
    for name, title, desc, task, kind in _ENTRIES
}


def load(name: str, **params) -> Dataset:
    """Make or read the built-in data set `name` with the given settings (see DATASETS[name].params).

    mnist / fashion-mnist also take progress(done_bytes, total_bytes), cancel (has is_set()),
    mirrors (list of base URLs) and timeout (seconds); the three MNIST sets take flatten=False
    for (n, 28, 28) images instead of (n, 784) rows (a network then starts with Flatten).
    """
    key = str(name).strip().lower()
    if key not in _MAKERS:
        raise DataError(
            f"There is no built-in data set called {name!r}; choose one of {', '.join(DATASETS)}."
        )
    maker = _MAKERS[key]
    accepted = list(inspect.signature(maker).parameters)
    unknown = [p for p in params if p not in accepted]
    if unknown:
        shown = ", ".join(accepted) if accepted else "no settings"
        raise DataError(f"The data set {key!r} has no setting {unknown[0]!r}; it accepts {shown}.")
    ds = maker(**params)
    ds.name = key
    ds.params = {k: v for k, v in params.items() if k in DATASETS[key].params or k in LAYOUT_PARAMS}
    return ds


def layout_params(name: str) -> dict:
    """The layout settings (``LAYOUT_PARAMS``) data set ``name`` takes, with their defaults."""
    maker = _MAKERS.get(str(name).strip().lower())
    if maker is None:
        return {}
    found = inspect.signature(maker).parameters.values()
    return {p.name: p.default for p in found if p.name in LAYOUT_PARAMS}
