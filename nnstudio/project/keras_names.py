"""What the Keras importer understands: one table entry per Keras layer, and Keras's names.

``LAYERS`` maps a Keras layer name to how it comes in (a ``LayerRule``), or to None for a layer
known but not supported yet. ``canonical_path`` gives every spelling of a Keras name one form
("tensorflow.keras.layers.core.Dense" -> "keras.layers.Dense"). No Qt, no Keras: plain tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LayerRule:
    """How one Keras layer comes in: the engine type, Keras's positional arguments, the
    keyword arguments the engine takes as they are, and fixed config (``ReLU()`` -> relu)."""

    type: str
    positional: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    fixed: dict = field(default_factory=dict)
    only_default: dict = field(default_factory=dict)  # Keras settings accepted only at this value


INPUT_ARGS = ("input_shape", "input_dim", "batch_input_shape", "batch_size", "dtype", "trainable")

LAYERS: dict[str, LayerRule | None] = {
    "Dense": LayerRule(
        "Dense",
        ("units", "activation"),
        (
            "units",
            "activation",
            "use_bias",
            "kernel_initializer",
            "bias_initializer",
            "kernel_regularizer",
        ),
    ),
    "Activation": LayerRule("Activation", ("activation",), ("activation",)),
    "Dropout": LayerRule(
        "Dropout",
        ("rate", "noise_shape", "seed"),
        ("rate", "seed"),
        only_default={"noise_shape": None},
    ),
    "ReLU": LayerRule(
        "Activation",
        fixed={"activation": "relu"},
        only_default={"max_value": None, "negative_slope": 0.0, "threshold": 0.0},
    ),
    "Softmax": LayerRule(
        "Activation", ("axis",), fixed={"activation": "softmax"}, only_default={"axis": -1}
    ),
    "ELU": LayerRule(
        "Activation", ("alpha",), fixed={"activation": "elu"}, only_default={"alpha": 1.0}
    ),
    "LeakyReLU": LayerRule(
        "Activation",
        ("negative_slope",),
        fixed={"activation": "leaky_relu"},
        only_default={"negative_slope": 0.2},
    ),
    "Flatten": LayerRule("Flatten", ("data_format",), ("data_format",)),
}

# Real Keras layer names nnstudio does not have: reported as "not in nnstudio", not as a typo.
KERAS_LAYERS_NOT_HERE = {
    "Conv1D",
    "Conv2D",
    "Conv3D",
    "Conv2DTranspose",
    "SeparableConv2D",
    "DepthwiseConv2D",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
    "MaxPool2D",
    "AveragePooling2D",
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling2D",
    "BatchNormalization",
    "LayerNormalization",
    "Embedding",
    "LSTM",
    "GRU",
    "SimpleRNN",
    "Bidirectional",
    "TimeDistributed",
    "Reshape",
    "Permute",
    "RepeatVector",
    "Concatenate",
    "Add",
    "Multiply",
    "Lambda",
    "ZeroPadding2D",
    "UpSampling2D",
    "GaussianNoise",
    "GaussianDropout",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "PReLU",
    "ThresholdedReLU",
    "Attention",
    "MultiHeadAttention",
    "Rescaling",
    "Normalization",
    "Resizing",
    "RandomFlip",
    "RandomRotation",
    "ActivityRegularization",
    "Masking",
    "Cropping2D",
    "AlphaDropout",
    "UnitNormalization",
    "Identity",
}
OPTIMIZER_NAMES = {"sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad", "adam": "Adam"}
KERAS_OPTIMIZERS_NOT_HERE = {
    "Adadelta",
    "Adamax",
    "Nadam",
    "AdamW",
    "Ftrl",
    "Lion",
    "Adafactor",
    "LossScaleOptimizer",
}
IMAGE_DATASETS = {
    "mnist": "mnist",
    "fashion_mnist": "fashion-mnist",
}  # keras.datasets.<x> -> nnstudio name
MODEL_METHODS_IGNORED = {
    "summary",
    "evaluate",
    "predict",
    "save",
    "save_weights",
    "load_weights",
    "to_json",
    "get_weights",
    "count_params",
    "predict_classes",
    "build",
}
FIT_POSITIONAL = (
    "x",
    "y",
    "batch_size",
    "epochs",
    "verbose",
    "callbacks",
    "validation_split",
    "validation_data",
    "shuffle",
)
FIT_IGNORED = {"x", "y", "verbose"}
COMPILE_POSITIONAL = ("optimizer", "loss", "loss_weights", "metrics")
COMPILE_DEFAULTS = {
    "loss_weights": None,
    "weighted_metrics": None,
    "run_eagerly": False,
    "steps_per_execution": 1,
    "jit_compile": "auto",
    "auto_scale_loss": True,
}


def canonical_path(path: str) -> str:
    """ "tensorflow.keras.layers.core.Dense" -> "keras.layers.Dense" (one name per Keras thing)."""
    parts = path.split(".")
    if parts[:2] == ["tensorflow", "python"]:
        parts = parts[2:]
    if parts[:2] == ["tensorflow", "keras"] or parts[:1] == ["tf_keras"]:
        parts = ["keras"] + parts[(2 if parts[0] == "tensorflow" else 1) :]
    if parts[:2] == ["keras", "api"]:
        parts = ["keras"] + parts[2:]
    if parts[:1] == ["keras"] and parts[1:2] and parts[1] in ("layers", "optimizers"):
        parts = [
            p for i, p in enumerate(parts) if i < 2 or p not in ("core", "legacy", "experimental")
        ]
    if parts[:1] == ["keras"] and len(parts) == 3 and parts[1] == "models":
        parts = ["keras", parts[2]]  # keras.models.Sequential is keras.Sequential
    return ".".join(parts)


def bare_keras_name(name: str) -> str | None:
    """A Keras name used without an import (snippets often leave the imports out)."""
    if name in LAYERS or name in KERAS_LAYERS_NOT_HERE:
        return f"keras.layers.{name}"
    if name in ("Sequential", "Model", "Input"):
        return f"keras.{name}"
    if name in OPTIMIZER_NAMES.values() or name in KERAS_OPTIMIZERS_NOT_HERE:
        return f"keras.optimizers.{name}"
    return None


def have_layers() -> str:
    return ", ".join(
        sorted({name for name, rule in LAYERS.items() if rule is not None and rule.type == name})
    )
