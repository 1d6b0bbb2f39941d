"""The project as a PyTorch script: ``nn.Sequential`` with the trained weights (kernels
transposed, as PyTorch stores (out, in)), Keras's loss formulas and reduction, the optimizer
set to Keras's settings, and a plain training loop that does what the studio's fit() does.

Where PyTorch's rule differs from Keras's, the script says so next to the optimizer (RMSprop
and Adagrad add epsilon after the square root, Keras inside it).
"""

from __future__ import annotations

import math
from pathlib import Path

from nnstudio.engine.losses import canonical_name

from ..schema import Project

from . import common
from .keras import data_code, header, toy_arrays

TORCH_CHECKED = "2.13.0 (CPU)"

ACTIVATIONS = {  # engine activation name -> PyTorch module (None: nothing to add)
    "linear": None,
    "relu": "nn.ReLU()",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "softmax": "nn.Softmax(dim=-1)",
    "elu": "nn.ELU(alpha=1.0)",
    "softplus": "nn.Softplus()",
    "leaky_relu": "nn.LeakyReLU(negative_slope=0.2)",
}

LOSSES = {  # engine loss name -> the Keras formula in PyTorch, per sample (the batch mean follows)
    "binary_crossentropy": [
        "def loss_fn(y, t):",
        '    """Keras binary_crossentropy: p = clip(y, 1e-7, 1 - 1e-7); -mean(t log p + (1 - t) log(1 - p))."""',
        "    p = y.clamp(EPSILON, 1 - EPSILON)",
        "    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean(dim=-1).mean()",
    ],
    "categorical_crossentropy": [
        "def loss_fn(y, t):",
        '    """Keras categorical_crossentropy: q = clip(y / sum(y), 1e-7, 1 - 1e-7); -sum(t log q)."""',
        "    q = (y / y.sum(dim=-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)",
        "    return -(t * torch.log(q)).sum(dim=-1).mean()",
    ],
    "sparse_categorical_crossentropy": [
        "def loss_fn(y, t):",
        '    """Keras sparse_categorical_crossentropy: -log clip(y[t] / sum(y), 1e-7, 1 - 1e-7)."""',
        "    q = y.gather(1, t.view(-1, 1)).squeeze(1) / y.sum(dim=-1)",
        "    return -torch.log(q.clamp(EPSILON, 1 - EPSILON)).mean()",
    ],
    "mse": [
        "def loss_fn(y, t):",
        '    """Keras mean_squared_error: mean((y - t)^2) over the outputs, then over the batch."""',
        "    return (y - t).square().mean(dim=-1).mean()",
    ],
    "mae": [
        "def loss_fn(y, t):",
        '    """Keras mean_absolute_error: mean(|y - t|) over the outputs, then over the batch."""',
        "    return (y - t).abs().mean(dim=-1).mean()",
    ],
    "sse": [
        "def loss_fn(y, t):",
        '    """The textbook\'s sum of squares error: 0.5 * sum((y - t)^2) per sample, then the batch mean."""',
        "    return 0.5 * (y - t).square().sum(dim=-1).mean()",
    ],
}


def _optimizer_code(project: Project) -> list[str]:
    name, c = common.optimizer_config(project)
    lr = c["learning_rate"]
    if name == "SGD":
        line = (
            f"torch.optim.SGD(model.parameters(), lr={lr!r}, momentum={c['momentum']!r}, "
            f"nesterov={c['nesterov']!r})"
        )
        why = "# Keras's SGD: v = momentum v - lr g; w += v (PyTorch's form of the same rule)"
    elif name == "RMSprop":
        line = (
            f"torch.optim.RMSprop(model.parameters(), lr={lr!r}, alpha={c['rho']!r}, eps={c['epsilon']!r}, "
            f"momentum={c['momentum']!r})"
        )
        why = (
            "# Keras's RMSprop: alpha is Keras's rho. Keras divides by sqrt(v + eps), PyTorch by sqrt(v) + eps:\n"
            "# the same while v >> eps."
        )
    elif name == "Adam":
        line = (
            f"torch.optim.Adam(model.parameters(), lr={lr!r}, betas=({c['beta_1']!r}, {c['beta_2']!r}), "
            f"eps={c['epsilon']!r})"
        )
        why = "# Keras's Adam, with Keras's epsilon 1e-7 (PyTorch's default is 1e-8)"
    elif name == "Adagrad":
        line = (
            f"torch.optim.Adagrad(model.parameters(), lr={lr!r}, "
            f"initial_accumulator_value={c['initial_accumulator_value']!r}, eps={c['epsilon']!r})"
        )
        why = "# Keras's Adagrad. Keras divides by sqrt(acc + eps), PyTorch by sqrt(acc) + eps."
    else:  # pragma: no cover - the engine has only these four
        raise ValueError(name)
    return [*(f"    {w}" for w in why.split("\n")), f"    return {line}"]


def _metric_code(metrics: list[str], form: str) -> list[str]:
    lines = [
        "def metric_values(y, t):",
        '    """The metrics the studio reports, computed as Keras does."""',
        "    out = {}",
    ]
    for name in metrics:
        key = name.lower()
        if key in ("accuracy", "acc"):
            if form == "column":
                expr = "((y > 0.5) == (t > 0.5)).float().mean()"
            elif form == "sparse":
                expr = "(y.argmax(dim=-1) == t).float().mean()"
            else:
                expr = "(y.argmax(dim=-1) == t.argmax(dim=-1)).float().mean()"
        elif key == "binary_accuracy":
            expr = "((y > 0.5) == (t > 0.5)).float().mean()"
        elif key == "categorical_accuracy":
            expr = "(y.argmax(dim=-1) == t.argmax(dim=-1)).float().mean()"
        elif key == "sparse_categorical_accuracy":
            expr = "(y.argmax(dim=-1) == t.view(-1)).float().mean()"
        elif key in ("mse", "mean_squared_error"):
            expr = "(y - t).square().mean()"
        elif key in ("mae", "mean_absolute_error"):
            expr = "(y - t).abs().mean()"
        else:
            continue
        lines.append(f"    out[{name!r}] = float({expr})")
    lines.append("    return out")
    return lines


def model_code(project: Project) -> tuple[list[str], list[str], dict[str, str]]:
    """(the lines of nn.Sequential's entries, the lines that copy the weights in, layer id -> module name)."""
    entries, copies, taken, names = [], [], set(), {}
    features = math.prod(int(d) for d in project.input_shape)  # a Dense layer's input is flat
    for spec in project.layers:
        c = spec.config
        if spec.type == "Dense":
            name = names[spec.id] = common.identifier(spec.id, taken)
            bias = "" if c.get("use_bias", True) else ", bias=False"
            entries.append(f'("{name}", nn.Linear({features}, {c["units"]}{bias})),')
            copies.append(
                f'model.{name}.weight.copy_(torch.from_numpy(weights["{spec.id}/kernel"].T))  # (out, in)'
            )
            if c.get("use_bias", True):
                copies.append(
                    f'model.{name}.bias.copy_(torch.from_numpy(weights["{spec.id}/bias"]))'
                )
            features = int(c["units"])
            act = ACTIVATIONS[c.get("activation") or "linear"]
            if act:
                entries.append(
                    f'("{common.identifier(spec.id + "_" + c["activation"], taken)}", {act}),'
                )
        elif spec.type == "Activation":
            act = ACTIVATIONS[c["activation"]]
            entries.append(f'("{common.identifier(spec.id, taken)}", {act or "nn.Identity()"}),')
        elif spec.type == "Dropout":
            entries.append(f'("{common.identifier(spec.id, taken)}", nn.Dropout({c["rate"]!r})),')
        elif spec.type == "Flatten":
            entries.append(f'("{common.identifier(spec.id, taken)}", nn.Flatten()),')
    return entries, copies, names


def _regularizer_code(project: Project, names: dict[str, str]) -> list[str]:
    """Keras adds each kernel_regularizer's penalty to the loss it minimises."""
    lines = []
    for spec in project.layers:
        reg = spec.config.get("kernel_regularizer") if spec.type == "Dense" else None
        name = names.get(spec.id)
        if not reg:
            continue
        c = reg.get("config", {}) if isinstance(reg, dict) else {}
        l1 = float(c.get("l1", 0.0)) if isinstance(reg, dict) else 0.0
        l2 = float(c.get("l2", 0.0)) if isinstance(reg, dict) else 0.0
        if isinstance(reg, str):
            l1, l2 = (0.01, 0.0) if reg == "l1" else (0.0, 0.01)
        if l1:
            lines.append(f"    penalty = penalty + {l1!r} * model.{name}.weight.abs().sum()")
        if l2:
            lines.append(f"    penalty = penalty + {l2!r} * model.{name}.weight.square().sum()")
    return lines


def export_pytorch(project: Project, out: str | Path, dataset=None) -> list[Path]:
    """Write ``out`` (.py) and its weights ``<stem>.npz`` (and ``<stem>-data.npz`` for your own data)."""
    common.check_exportable(project)
    out = Path(out)
    dataset = dataset if dataset is not None else common.load_dataset(project)
    facts = common.facts(project, dataset)
    form = common.target_form(project, dataset)
    weight_file = out.with_suffix(".npz").name
    written = []
    data_file = None
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
    _, optimizer_full = common.optimizer_config(project)
    entries, copies, names = model_code(project)
    loss_name = canonical_name(t.loss)
    penalty = _regularizer_code(project, names)
    clip = []
    if optimizer_full.get("clipnorm") is not None:
        clip = [
            "            for p in model.parameters():  # Keras clips each weight's gradient on its own",
            f"                torch.nn.utils.clip_grad_norm_([p], {optimizer_full['clipnorm']!r})",
        ]
    elif optimizer_full.get("clipvalue") is not None:
        clip = [
            f"            torch.nn.utils.clip_grad_value_(model.parameters(), {optimizer_full['clipvalue']!r})"
        ]
    data = data_code(project, dataset, form, data_file)
    data = [
        line.replace("keras.utils.to_categorical(y_train, ", "one_hot(y_train, ").replace(
            "keras.utils.to_categorical(y_test, ", "one_hot(y_test, "
        )
        for line in data
    ]
    if project.dataset.name in common.IMAGE_SETS:  # keras.datasets is the one place Keras is used
        data.insert(2, "    import keras  # only to download the data set (any backend)")
    target_dtype = "torch.int64" if form == "sparse" else "torch.float32"
    code = [
        header(
            facts,
            [
                f"Run: python {out.name}    (needs torch and numpy; checked with PyTorch {TORCH_CHECKED})",
                f"The trained weights are in {weight_file}, beside this file. Losses are Keras's formulas, so",
                "predictions and losses match the studio's; the optimizer starts afresh.",
            ],
        ),
        "",
        "import os",
        "from collections import OrderedDict",
        "",
        "import numpy as np",
        "import torch",
        "from torch import nn",
        "",
        "HERE = os.path.dirname(os.path.abspath(__file__))",
        f"WEIGHTS = os.path.join(HERE, {weight_file!r})",
        f"EPOCHS, BATCH_SIZE, VALIDATION_SPLIT, SEED = {t.epochs}, {t.batch_size}, {t.validation_split!r}, {t.seed}",
        "EPSILON = 1e-7  # Keras's fuzz factor in the cross-entropies",
        *(["", *arrays] if (arrays := toy_arrays(project, dataset)) else []),
        "",
        "",
        "def one_hot(y, classes):",
        '    return np.eye(classes, dtype="float32")[y]',
        "",
        "",
        *data,
        "",
        "",
        "def build_model(studio_weights=True):",
        '    """The network, with the weights it had in nnstudio."""',
        "    model = nn.Sequential(OrderedDict([",
        *[f"        {e}" for e in entries],
        "    ]))",
        "    if studio_weights:",
        "        with np.load(WEIGHTS) as weights, torch.no_grad():",
        *[f"            {line}" for line in copies],
        "    return model",
        "",
        "",
        "def make_optimizer(model):",
        *_optimizer_code(project),
        "",
        "",
        *LOSSES[loss_name],
        "",
        "",
        "def penalty_fn(model):",
        '    """The kernel regularizers\' penalties (Keras adds them to the loss)."""',
        "    penalty = 0.0",
        *penalty,
        "    return penalty",
        "",
        "",
        *_metric_code(list(t.metrics), form),
        "",
        "",
        "def evaluate(model, x, t):",
        "    model.eval()",
        "    with torch.no_grad():",
        "        y = model(x)",
        '        return {"loss": float(loss_fn(y, t)), **metric_values(y, t)}',
        "",
        "",
        "def fit(model, x, t):",
        '    """As Keras: the last VALIDATION_SPLIT of the samples is held back before shuffling; the batch',
        '    loss is the mean over the batch; the epoch figures are the means over its samples."""',
        "    optimizer = make_optimizer(model)",
        "    split = int(len(x) * (1 - VALIDATION_SPLIT))",
        "    x, t, x_val, t_val = x[:split], t[:split], x[split:], t[split:]",
        "    generator = torch.Generator().manual_seed(SEED)",
        "    for epoch in range(EPOCHS):",
        "        model.train()",
        "        order = torch.randperm(len(x), generator=generator)",
        "        sums, seen = {}, 0",
        "        for start in range(0, len(x), BATCH_SIZE):",
        "            index = order[start:start + BATCH_SIZE]",
        "            y = model(x[index])",
        "            loss = loss_fn(y, t[index])",
        "            optimizer.zero_grad()",
        "            (loss + penalty_fn(model)).backward()",
        *clip,
        "            optimizer.step()",
        "            with torch.no_grad():",
        '                logs = {"loss": float(loss), **metric_values(y, t[index])}',
        "            for key, value in logs.items():",
        "                sums[key] = sums.get(key, 0.0) + value * len(index)",
        "            seen += len(index)",
        "        logs = {key: value / seen for key, value in sums.items()}",
        "        if len(x_val):",
        '            logs.update({"val_" + k: v for k, v in evaluate(model, x_val, t_val).items()})',
        '        print(f"epoch {epoch + 1}/{EPOCHS}: " + ", ".join(f"{k} {v:.4f}" for k, v in logs.items()))',
        "",
        "",
        "def main():",
        "    torch.manual_seed(SEED)",
        "    (x_train, y_train), (x_test, y_test) = load_data()",
        "    x_train, x_test = torch.from_numpy(np.asarray(x_train)), torch.from_numpy(np.asarray(x_test))",
        f"    y_train = torch.as_tensor(np.asarray(y_train), dtype={target_dtype})",
        f"    y_test = torch.as_tensor(np.asarray(y_test), dtype={target_dtype})",
        "    model = build_model()",
        "    print(model)",
        '    print("with the studio\'s weights:", evaluate(model, x_test, y_test))',
        "    fit(model, x_train, y_train)",
        '    print("after training here:", evaluate(model, x_test, y_test))',
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
        "",
    ]
    if form == "values":
        code = [
            line.replace(f"dtype={target_dtype})", "dtype=torch.float32).reshape(len(y_train), -1)")
            if "y_train = torch.as_tensor" in line
            else line.replace(
                f"dtype={target_dtype})", "dtype=torch.float32).reshape(len(y_test), -1)"
            )
            if "y_test = torch.as_tensor" in line
            else line
            for line in code
        ]
    common.write_bytes(out, "\n".join(code).encode("utf-8"))
    return [out, *written]
