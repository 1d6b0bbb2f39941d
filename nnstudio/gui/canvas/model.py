"""What the canvas and the inspector show about each layer: shapes and parameter counts.

No Qt. Shapes and weight shapes are the engine layer classes' own answers
(``output_shape_for`` / ``weight_shapes_for``, asked through ``project.validate.layer_shapes``),
so a block shows its parameter count before anything is built, and the canvas never disagrees
with the engine. Titles, colours and default configs of each type are in ``gui/layer_types.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from nnstudio.engine.activations import ACTIVATIONS as _ENGINE_ACTIVATIONS
from nnstudio.project.schema import LayerSpec, Project
from nnstudio.project.validate import layer_shapes

ACTIVATIONS = tuple(_ENGINE_ACTIVATIONS)  # the engine's names, in its order
INITIALIZERS = (
    "glorot_uniform",
    "glorot_normal",
    "he_uniform",
    "he_normal",
    "random_uniform",
    "random_normal",
    "zeros",
    "ones",
)


def activation_name(value) -> str:
    """Config activation (None, a name or a {"class_name": ...} dict) as a registry name."""
    if value is None:
        return "linear"
    if isinstance(value, dict):
        value = value.get("class_name") or value.get("config", {}).get("name") or "linear"
    return str(value)


def initializer_name(value) -> str:
    """Config initializer ("he_normal" or {"class_name": "HeNormal", ...}) as a snake_case name."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = str(value.get("class_name", ""))
        if value and value[0].isupper():  # HeNormal -> he_normal
            value = "".join("_" + c.lower() if c.isupper() else c for c in value).lstrip("_")
    return str(value)


@dataclass
class LayerInfo:
    index: int
    spec: LayerSpec
    in_dim: int | None  # values per sample coming in (None: unknown until a data set is chosen)
    out_dim: int | None
    params: int | None  # None when it depends on an unknown input size
    kernel: int | None = None  # in * units (layers with a kernel)
    bias: int = 0  # units if use_bias
    in_shape: tuple[int, ...] | None = None  # per-sample, e.g. (28, 28)
    out_shape: tuple[int, ...] | None = None  # e.g. (784,)
    weights: dict[str, tuple[int, ...]] = field(default_factory=dict)  # {"kernel": (784, 8), ...}
    error: str = ""  # why the layer does not fit its input (the engine's sentence)


def shape_text(shape) -> str:
    """(784,) -> "784", (28, 28) -> "28×28", None (unknown) -> "?"."""
    return "?" if not shape else "×".join(str(int(d)) for d in shape)


def _features(shape) -> int | None:
    if not shape:
        return None
    return int(math.prod(int(d) for d in shape))


def layer_infos(project: Project) -> list[LayerInfo]:
    """Shape and parameter count of every layer, input to output."""
    shape = tuple(int(d) for d in project.input_shape) if project.input_shape else None
    infos = []
    for i, spec in enumerate(project.layers):
        in_shape, weights, error = shape, {}, ""
        if shape is not None:
            try:
                shape, weights = layer_shapes(spec.type, spec.config, shape)
            except (ValueError, KeyError) as exc:
                shape, error = None, str(exc)
        sizes = {key: math.prod(s) for key, s in weights.items()}
        params = sum(sizes.values()) if shape is not None else None
        infos.append(
            LayerInfo(
                i,
                spec,
                _features(in_shape),
                _features(shape),
                params,
                sizes.get("kernel"),
                sizes.get("bias", 0),
                in_shape,
                shape,
                weights,
                error,
            )
        )
    return infos


def total_params(project: Project) -> int | None:
    counts = [info.params for info in layer_infos(project)]
    return None if any(c is None for c in counts) else sum(counts)


def output_dim(project: Project) -> int | None:
    infos = layer_infos(project)
    return infos[-1].out_dim if infos else _features(project.input_shape)


def image_shape(project: Project) -> tuple[int, int] | None:
    """(h, w) when the project's data set is made of images (so the input block can say 28×28)."""
    shape = project.input_shape
    if not shape:
        return None
    if len(shape) == 2:
        return int(shape[0]), int(shape[1])
    n = _features(shape) or 0
    side = math.isqrt(n)
    if side * side != n or side < 4:
        return None
    name = (project.dataset.name or "").lower()
    try:  # the data package knows which data sets are images; it may not be built yet
        from nnstudio.data import DATASETS  # noqa: PLC0415

        info = DATASETS.get(project.dataset.name)
        if info is not None:
            return (side, side) if getattr(info, "kind", None) == "image" else None
    except (ImportError, AttributeError):
        pass
    if "mnist" in name or project.dataset.format == "idx":
        return side, side
    return None


def activation_curve(
    name: str, n: int = 25, lo: float = -3.0, hi: float = 3.0
) -> list[tuple[float, float]]:
    """Points (x, f(x)) of an element-wise activation, for the little curve drawn on a block.

    Keras 3 definitions (leaky_relu negative_slope=0.2, elu alpha=1). Softmax is not
    element-wise: returns [] (the block draws bars instead).
    """

    def f(x: float) -> float:
        if name == "sigmoid":
            return 1.0 / (1.0 + math.exp(-x))
        if name == "tanh":
            return math.tanh(x)
        if name == "relu":
            return max(0.0, x)
        if name == "leaky_relu":
            return x if x > 0 else 0.2 * x
        if name == "elu":
            return x if x > 0 else math.expm1(x)
        if name == "softplus":
            return math.log1p(math.exp(x))
        return x  # linear

    if name == "softmax":
        return []
    return [(lo + (hi - lo) * i / (n - 1), f(lo + (hi - lo) * i / (n - 1))) for i in range(n)]
