"""The project as a Keras 3 script: the same network with the trained weights (from an .npz
written beside it), the same optimizer, loss and metrics, the same data and fit() settings.

The script is meant to be read: one ``layers.Dense(...)`` line per layer, settings written out
only where they differ from Keras's defaults. ``nnstudio import-keras`` reads it back into the
same network and settings (the ``NNSTUDIO`` dict at its top names the data set).
"""

from __future__ import annotations

from pathlib import Path

from ..schema import Project
from . import common

KERAS_CHECKED = (
    "3.15.1 (torch 2.13 backend)"  # benchmarks/export_parity.py ran these scripts with it
)

_DENSE_DEFAULTS = {
    "use_bias": True,
    "kernel_initializer": "glorot_uniform",
    "bias_initializer": "zeros",
    "kernel_regularizer": None,
}


def _keras_object(value, module: str) -> str:
    """An engine initializer/regularizer (a name or {"class_name", "config"}) as Keras code."""
    if isinstance(value, str):
        return repr(value)
    config = ", ".join(f"{k}={v!r}" for k, v in (value.get("config") or {}).items())
    return f"keras.{module}.{value['class_name']}({config})"


def layer_code(spec) -> str:
    c = spec.config
    if spec.type == "Dense":
        args = [str(c["units"])]
        if (c.get("activation") or "linear") != "linear":
            args.append(f"activation={c['activation']!r}")
        if not c.get("use_bias", True):
            args.append("use_bias=False")
        for key, default in _DENSE_DEFAULTS.items():
            value = c.get(key, default)
            if key != "use_bias" and value != default:
                module = "regularizers" if key == "kernel_regularizer" else "initializers"
                args.append(f"{key}={_keras_object(value, module)}")
        return f"layers.Dense({', '.join(args)}, name={spec.id!r})"
    if spec.type == "Activation":
        return f"layers.Activation({c['activation']!r}, name={spec.id!r})"
    if spec.type == "Dropout":
        seed = f", seed={c['seed']}" if c.get("seed") is not None else ""
        return f"layers.Dropout({c['rate']!r}{seed}, name={spec.id!r})"
    if spec.type == "Flatten":
        fmt = c.get("data_format") or "channels_last"
        fmt = "" if fmt == "channels_last" else f"data_format={fmt!r}, "
        return f"layers.Flatten({fmt}name={spec.id!r})"
    raise ValueError(spec.type)


def optimizer_code(project: Project) -> str:
    optimizer = project.training.optimizer or {}
    name, full = common.optimizer_config(project)
    given = {
        k: v for k, v in (optimizer.get("config") or {}).items() if k != "name" and v is not None
    }
    config = {k: full[k] for k in given if k in full}
    return f"keras.optimizers.{name}(" + ", ".join(f"{k}={v!r}" for k, v in config.items()) + ")"


def data_code(project: Project, dataset, form: str, data_file: str | None) -> list[str]:
    """The load_data() function: returns (x_train, y_train), (x_test, y_test) shaped for the loss."""
    spec = project.dataset
    lines = ["def load_data():"]
    if spec.name in common.IMAGE_SETS:
        keras_name = common.IMAGE_SETS[spec.name]
        if spec.name == "mnist-5k":
            lines.append(
                '    """MNIST through keras.datasets: all 60,000 training digits (the studio used its\n'
                '    bundled 5,000-digit sample)."""'
            )
        else:
            lines.append(
                f'    """{keras_name} through keras.datasets, as 784 numbers in [0, 1] per image."""'
            )
        shape = tuple(project.input_shape or ())
        shape = "-1" if len(shape) < 2 else ", ".join(str(d) for d in shape)  # images for Flatten
        lines += [
            f"    (x_train, y_train), (x_test, y_test) = keras.datasets.{keras_name}.load_data()",
            f'    x_train = x_train.reshape(len(x_train), {shape}).astype("float32") / 255',
            f'    x_test = x_test.reshape(len(x_test), {shape}).astype("float32") / 255',
        ]
    elif data_file is not None:
        lines += [
            f'    """The studio\'s data ({common.dataset_text(project)}), saved beside this script."""',
            f"    with np.load(os.path.join(HERE, {data_file!r})) as data:",
            '        x_train, y_train = data["x_train"], data["y_train"]',
            '        x_test, y_test = data["x_test"], data["y_test"]',
        ]
    else:
        lines += [
            f'    """The studio\'s {common.dataset_text(project)}, written out."""',
            "    x_train, y_train, x_test, y_test = X_TRAIN, Y_TRAIN, X_TEST, Y_TEST",
        ]
    if form == "onehot":
        classes = int(dataset.num_classes) if dataset is not None else 10
        lines += [
            f"    y_train = keras.utils.to_categorical(y_train, {classes})  # one-hot rows for the loss",
            f"    y_test = keras.utils.to_categorical(y_test, {classes})",
        ]
    elif form == "column":
        lines += [
            '    y_train = y_train.reshape(-1, 1).astype("float32")  # one 0/1 column for the one output unit',
            '    y_test = y_test.reshape(-1, 1).astype("float32")',
        ]
    lines += ["    return (x_train, y_train), (x_test, y_test)"]
    return lines


def toy_arrays(project: Project, dataset) -> list[str]:
    if (
        project.dataset.name in common.IMAGE_SETS
        or project.dataset.name == "file"
        or dataset is None
    ):
        return []
    out = []
    names = getattr(dataset, "class_names", None)
    for key in ("x_train", "y_train", "x_test", "y_test"):
        a = getattr(dataset, key)
        comment = ""
        if (
            key.startswith("y")
            and names
            and dataset.task == "classification"
            and any(n != str(i) for i, n in enumerate(names))
        ):
            comment = "  # " + ", ".join(f"{i} = {n}" for i, n in enumerate(names))
        dtype = ', dtype="float32"' if a.dtype.kind == "f" else ""
        out.append(
            f"{key.upper()} = np.array({common.array_literal(a, indent='')}{dtype}){comment}"
        )
    return out


def header(facts: common.Facts, lines: list[str]) -> str:
    body = [
        facts.title,
        "",
        f"Network:   {facts.network}",
        f"Data:      {facts.dataset}",
        f"In nnstudio: {facts.result}",
        f"Exported from {facts.exported}.",
        "",
        *lines,
    ]
    return '"""' + "\n".join(body).replace('"""', "'''").replace("\\", "\\\\") + '\n"""'


def export_keras(project: Project, out: str | Path, dataset=None) -> list[Path]:
    """Write ``out`` (.py) and its weights ``<stem>.npz`` (and ``<stem>-data.npz`` for your own data)."""
    common.check_exportable(project)
    out = Path(out)
    dataset = dataset if dataset is not None else common.load_dataset(project)
    facts = common.facts(project, dataset)
    form = common.target_form(project, dataset)
    weight_file = out.with_suffix(".npz").name
    data_file = None
    written = []
    if project.dataset.name == "file":
        if dataset is None:
            from ..errors import ProjectError

            raise ProjectError(
                "Your data file could not be read, so it cannot be written beside the script; "
                "check it in the Data panel and export again."
            )
        data_file = out.stem + "-data.npz"
        common.write_npz(
            out.with_name(data_file),
            {k: getattr(dataset, k) for k in ("x_train", "y_train", "x_test", "y_test")},
        )
        written.append(out.with_name(data_file))
    w = common.weights(project)
    common.write_npz(out.with_suffix(".npz"), w)
    written.append(out.with_suffix(".npz"))

    t = project.training
    studio = {
        "title": project.title,
        "dataset": project.dataset.name,
        "dataset_params": dict(project.dataset.params),
    }
    if project.dataset.name == "file":
        studio = {"title": project.title}
    weight_lines = []
    for spec in project.layers:
        keys = [k for k in (f"{spec.id}/kernel", f"{spec.id}/bias") if k in w]
        if keys:
            weight_lines.append(
                f"            model.get_layer({spec.id!r}).set_weights(["
                + ", ".join(f"weights[{k!r}]" for k in keys)
                + "])"
            )
    sse = t.loss in ("sse", "sum_squared_error", "sum_squares_error")
    loss = "sse" if sse else repr(t.loss)
    code = [
        header(
            facts,
            [
                f"Run: python {out.name}    (needs keras>=3 and numpy; checked with Keras {KERAS_CHECKED})",
                f"The trained weights are in {weight_file}, beside this file. The optimizer starts afresh:",
                "its moments from the studio are not carried over.",
            ],
        ),
        "",
        "import os",
        "",
        "import keras",
        "import numpy as np",
        "from keras import layers",
        "",
        "# Where this came from; nnstudio reads it back when you import this file.",
        f"NNSTUDIO = {studio!r}",
        "HERE = os.path.dirname(os.path.abspath(__file__))",
        f"WEIGHTS = os.path.join(HERE, {weight_file!r})",
        f"EPOCHS, BATCH_SIZE, VALIDATION_SPLIT, SEED = {t.epochs}, {t.batch_size}, {t.validation_split!r}, {t.seed}",
        *(["", *arrays] if (arrays := toy_arrays(project, dataset)) else []),
        "",
        "",
    ]
    if sse:
        code += [
            "def sse(y_true, y_pred):",
            '    """The textbook\'s sum of squares error: 0.5 * sum((y - t)^2) per sample, then the batch mean."""',
            "    return 0.5 * keras.ops.sum(keras.ops.square(y_pred - y_true), axis=-1)",
            "",
            "",
        ]
    code += data_code(project, dataset, form, data_file)
    code += [
        "",
        "",
        "def build_model(studio_weights=True):",
        '    """The network, with the weights it had in nnstudio, compiled as it was there."""',
        "    model = keras.Sequential([",
        f"        keras.Input(shape={tuple(project.input_shape)!r}),",
        *[f"        {layer_code(spec)}," for spec in project.layers],
        "    ])",
        "    if studio_weights:",
        "        with np.load(WEIGHTS) as weights:",
        *weight_lines,
        "    model.compile(",
        f"        optimizer={optimizer_code(project)},",
        f"        loss={loss},",
        f"        metrics={list(t.metrics)!r},",
        "    )",
        "    return model",
        "",
        "",
        "def main():",
        "    keras.utils.set_random_seed(SEED)",
        "    (x_train, y_train), (x_test, y_test) = load_data()",
        "    model = build_model()",
        "    model.summary()",
        '    print("with the studio\'s weights:", model.evaluate(x_test, y_test, verbose=0, return_dict=True))',
        "    model.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, validation_split=VALIDATION_SPLIT)",
        '    print("after training here:", model.evaluate(x_test, y_test, verbose=0, return_dict=True))',
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    common.write_bytes(out, "\n".join(code).encode("utf-8"))
    return [out, *written]
