"""What every exporter needs: the facts a file states, the weights, the data, and safe writing.

No Qt, no Keras, no PyTorch: the exporters write text (and NumPy's .npz) that uses them.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ProjectError
from ..schema import Project

# Layer types each exporter writes (keras_names.LAYERS is the import side's list).
EXPORTABLE = {"Dense": True, "Activation": True, "Dropout": True, "Flatten": True}

IMAGE_SETS = {
    "mnist-5k": "mnist",
    "mnist": "mnist",
    "fashion-mnist": "fashion_mnist",
}  # -> keras.datasets.<x>


@dataclass
class Facts:
    """What the exported file says about where it came from (one line each)."""

    title: str
    network: str  # "input (2,) -> Dense(8, tanh) -> Dense(1, sigmoid)"
    dataset: str  # "xor (4 training, 4 test samples)"
    result: str  # "trained 100 epochs in nnstudio; test accuracy 1.0000, test loss 0.0123"
    exported: str  # "nnstudio 0.1.0, 2026-12-06"


def check_exportable(project: Project) -> None:
    if not project.layers:
        raise ProjectError(
            "The network has no layers yet; add at least one Dense layer before exporting."
        )
    for spec in project.layers:
        if not EXPORTABLE.get(spec.type, False):
            raise ProjectError(f"The layer {spec.id} ({spec.type}) cannot be exported yet.")
    if not project.input_shape:
        raise ProjectError(
            "The network has no input shape yet; choose a data set in the Data panel first."
        )


def weights(project: Project) -> dict[str, np.ndarray]:
    """The trained weights, or the starting weights (from the seed) of an untrained project."""
    return {
        key: np.asarray(value, dtype=np.float32)
        for key, value in project.model.weight_dict().items()
    }


def layer_text(spec) -> str:
    c = spec.config
    if spec.type == "Dense":
        act = c.get("activation") or "linear"
        return f"Dense({c['units']}" + ("" if act == "linear" else f", {act}") + ")"
    if spec.type == "Activation":
        return f"Activation({c['activation']})"
    if spec.type == "Dropout":
        return f"Dropout({c['rate']:g})"
    return spec.type


def network_text(project: Project) -> str:
    shape = tuple(project.input_shape or ())
    return " -> ".join([f"input {shape}"] + [layer_text(s) for s in project.layers])


def dataset_text(project: Project, dataset=None) -> str:
    spec = project.dataset
    name = f"your file {Path(spec.path).name}" if spec.name == "file" and spec.path else spec.name
    params = ", ".join(f"{k}={v}" for k, v in (spec.params or {}).items())
    text = name + (f" ({params})" if params else "")
    if dataset is not None:
        text += f", {dataset.n_train:,} training and {dataset.n_test:,} test samples"
    return text


def facts(project: Project, dataset=None, evaluate: bool = True) -> Facts:
    """The file's header facts; with ``evaluate`` the test accuracy is measured now (if the data is there)."""
    from nnstudio import __version__

    result = None
    epochs = int(project.epochs_trained or 0)
    trained = (
        f"trained {epochs} epoch(s) in nnstudio"
        if epochs
        else "not trained yet (these are its starting weights)"
    )
    if evaluate and dataset is not None and dataset.n_test:
        try:
            from ..build import prepare_data

            _, _, x_test, y_test = prepare_data(project, dataset)
            logs = project.model.evaluate(x_test, y_test, verbose=0, return_dict=True)
            result = (
                trained
                + "; on the test samples "
                + ", ".join(
                    f"{k} {float(v):.4f}" for k, v in logs.items() if math.isfinite(float(v))
                )
            )
        except Exception:  # noqa: BLE001 - the facts are a comment: unusable data falls back on history
            result = None
    if result is None:
        last = {
            k: v[-1]
            for k, v in (project.history or {}).items()
            if v and math.isfinite(float(v[-1]))
        }
        result = trained + (
            "; last epoch " + ", ".join(f"{k} {v:.4f}" for k, v in last.items()) if last else ""
        )
    return Facts(
        title=project.title or "Untitled",
        network=network_text(project),
        dataset=dataset_text(project, dataset),
        result=result,
        exported=f"nnstudio {__version__}, {_dt.date.today().isoformat()}",
    )


def load_dataset(project: Project):
    """The project's data set, or None when it cannot be had offline (the export still works)."""
    from nnstudio import data

    info = data.DATASETS.get(project.dataset.name)
    if info is not None and info.needs_download and not data.is_cached(project.dataset.name):
        return None
    try:
        return project.build_dataset()
    except Exception:  # noqa: BLE001 - no data is no reason to refuse the export
        return None


def target_form(project: Project, dataset=None) -> str:
    """How the labels are shaped for the loss, as build.prepare_data does: "sparse" class numbers,
    "onehot" rows, "column" of 0/1 for one output unit, or "values" for regression."""
    from nnstudio.engine.losses import canonical_name

    from ..validate import output_units

    task = getattr(dataset, "task", None)
    if task is None:
        from nnstudio import data

        info = data.DATASETS.get(project.dataset.name)
        task = info.task if info is not None else "classification"
    if task != "classification":
        return "values"
    loss = canonical_name(project.training.loss)
    if loss == "sparse_categorical_crossentropy":
        return "sparse"
    if output_units(project) == 1 and loss != "categorical_crossentropy":
        return "column"
    return "onehot"


def array_literal(a: np.ndarray, indent: str = "    ", width: int = 100) -> str:
    """A NumPy array as Python text: float32 numbers in their shortest exact form, one row a line."""
    a = np.asarray(a)

    def num(v) -> str:
        if a.dtype.kind == "f":
            text = np.format_float_positional(np.float32(v), unique=True, trim="-")
            return text
        return str(int(v))

    if a.ndim == 1:
        items = [num(v) for v in a]
        return "[" + _wrap(items, indent, width) + "]"
    rows = ["[" + ", ".join(num(v) for v in row) + "]" for row in a.reshape(len(a), -1)]
    return "[\n" + "".join(f"{indent}    {row},\n" for row in rows) + indent + "]"


def _wrap(items: list[str], indent: str, width: int) -> str:
    lines, line = [], ""
    for item in items:
        if line and len(line) + len(item) + 2 > width:
            lines.append(line)
            line = ""
        line += (", " if line else "") + item
    lines.append(line)
    return (",\n" + indent + "    ").join(lines) if len(lines) > 1 else lines[0]


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent) or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_npz(path: str | os.PathLike, arrays: dict[str, np.ndarray]) -> None:
    import io

    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_bytes(path, buffer.getvalue())


def identifier(name: str, taken: set[str]) -> str:
    """A Python identifier from a layer id ("dense_1" stays), unique among ``taken``."""
    import keyword
    import re

    text = re.sub(r"\W", "_", name) or "layer"
    if text[0].isdigit() or keyword.iskeyword(text):
        text = "layer_" + text
    base, i = text, 1
    while text in taken:
        text, i = f"{base}_{i}", i + 1
    taken.add(text)
    return text


def optimizer_config(project: Project) -> tuple[str, dict]:
    """(class name, the full engine config without name) of the project's optimizer."""
    from ..build import build_optimizer

    optimizer = build_optimizer(project)
    config = {k: v for k, v in optimizer.get_config().items() if k != "name"}
    return optimizer.class_name, config
