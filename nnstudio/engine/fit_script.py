"""Write the training loop out by hand: a short NumPy script for one network (the notes'
"implement fit() yourself").

`fit_script(model, x, t, ...)` returns the text of a program that holds the data, the
model's current weights (and optimizer state), and forward, loss, backward and update
written as plain NumPy, with the loop around them taking the batches in the order
`Sequential.fit` does. It computes in the model's float type with the engine's formulas in
the engine's order, so running it repeats the studio's training to float precision.
Supported: Dense layers (any activation), every loss, SGD (momentum, Nesterov), RMSprop,
Adagrad and Adam without clipping; anything else raises ValueError saying what.
"""

from __future__ import annotations

import numpy as np

from . import layers as layers_mod

MAX_NUMBERS = 400_000  # data and weights beyond this make a script nobody reads: refuse

ACTIVATION_CODE = {
    "linear": ("z", "d"),
    "sigmoid": ("sigmoid(z)", "d * a * (1 - a)"),
    "tanh": ("np.tanh(z)", "d * (1 - a * a)"),
    "relu": ("np.maximum(z, 0)", "d * (a > 0)"),
    "leaky_relu": ("np.where(z > 0, z, 0.2 * z)", "d * np.where(z > 0, 1.0, 0.2).astype(d.dtype)"),
    "elu": (
        "np.where(z > 0, z, 1.0 * np.expm1(np.minimum(z, 0)))",
        "d * np.where(z > 0, 1.0, a + 1.0).astype(d.dtype)",
    ),
    "softplus": ("np.logaddexp(0, z).astype(z.dtype)", "d * sigmoid(z)"),
    "softmax": ("softmax(z)", "a * (d - (d * a).sum(axis=-1, keepdims=True))"),
}

HELPERS = {
    "sigmoid": """def sigmoid(z):
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(z.dtype)
""",
    "softmax": """def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    e /= e.sum(axis=-1, keepdims=True)
    return e
""",
}

LOSS_CODE = {
    # name: (per-sample loss, dL/dy, dL/dz when fused with the output activation)
    "mean_squared_error": ("np.square(y - t).mean(axis=-1)", "(y - t) * (2.0 / y.size)", None),
    "mean_absolute_error": ("np.abs(y - t).mean(axis=-1)", "np.sign(y - t) * (1.0 / y.size)", None),
    "sse": ("0.5 * np.square(y - t).sum(axis=-1)", "(y - t) * (1.0 / len(y))", None),
    "binary_crossentropy": (
        "-(t * np.log(np.clip(y, EPS, 1 - EPS)) + (1 - t) * np.log(1 - np.clip(y, EPS, 1 - EPS))).mean(axis=-1)",
        (
            "(np.clip(y, EPS, 1 - EPS) - t) / (np.clip(y, EPS, 1 - EPS) * (1 - np.clip(y, EPS, 1 - EPS)))"
            " * ((y > EPS) & (y < 1 - EPS)) * (1.0 / y.size)"
        ),
        "(y - t) * (1.0 / y.size)",
    ),
    "categorical_crossentropy": (
        "-(t * np.log(np.clip(y / y.sum(axis=-1, keepdims=True), EPS, 1 - EPS))).sum(axis=-1)",
        None,
        "(y - t) * (1.0 / len(y))",
    ),
    "sparse_categorical_crossentropy": (
        "-np.log(np.clip(y[np.arange(len(t)), t] / y.sum(axis=-1), EPS, 1 - EPS))",
        None,
        "onehot_minus(y * (1.0 / len(y)), t, 1.0 / len(y))",
    ),
}

OPTIMIZER_CODE = {
    "SGD": '''def update(p, g, s):
    """w <- w - lr g"""
    p -= g * DTYPE(LEARNING_RATE)
''',
    "SGD_momentum": '''def update(p, g, s):
    """v <- momentum v - lr g ;  w <- w + v   (Nesterov: w <- w + momentum v - lr g)"""
    step = g * DTYPE(LEARNING_RATE)
    s["momentum"] *= DTYPE(MOMENTUM)
    s["momentum"] -= step
    if NESTEROV:
        p += s["momentum"] * DTYPE(MOMENTUM) - step
    else:
        p += s["momentum"]
''',
    "RMSprop": '''def update(p, g, s):
    """v <- rho v + (1 - rho) g^2 ;  w <- w - lr g / sqrt(v + eps)   (with momentum: m <- momentum m + that)"""
    s["velocity"] *= RHO
    s["velocity"] += np.square(g) * (1 - RHO)
    increment = g * DTYPE(LEARNING_RATE) / np.sqrt(s["velocity"] + EPSILON)
    if MOMENTUM > 0:
        s["momentum"] *= MOMENTUM
        s["momentum"] += increment
        p -= s["momentum"]
    else:
        p -= increment
''',
    "Adagrad": '''def update(p, g, s):
    """acc <- acc + g^2 ;  w <- w - lr g / sqrt(acc + eps)"""
    s["accumulator"] += np.square(g)
    p -= g * DTYPE(LEARNING_RATE) / np.sqrt(s["accumulator"] + EPSILON)
''',
    "Adam": '''def update(p, g, s):
    """m <- m + (g - m)(1 - beta_1) ;  v <- v + (g^2 - v)(1 - beta_2) ;
    w <- w - alpha m / (sqrt(v) + eps),  alpha = lr sqrt(1 - beta_2^t) / (1 - beta_1^t)"""
    f = DTYPE
    t = f(ITERATIONS + 1)
    alpha = f(LEARNING_RATE) * np.sqrt(f(1) - f(BETA_2) ** t) / (f(1) - f(BETA_1) ** t)
    s["momentum"] += (g - s["momentum"]) * (1 - BETA_1)
    s["velocity"] += (np.square(g) - s["velocity"]) * (1 - BETA_2)
    p -= s["momentum"] * alpha / (np.sqrt(s["velocity"]) + EPSILON)
''',
}


def _array(a) -> str:
    a = np.asarray(a)
    return f"np.array({a.tolist()!r}, dtype={'np.intp' if a.dtype.kind in 'iu' else 'DTYPE'})"


def fit_script(
    model, x, t, batch_size: int, epochs: int, initial_epoch: int = 0, title: str = ""
) -> str:
    """The program's text (see the module docstring). x: inputs; t: targets as the loss takes them."""
    model._require_compiled("fit_script")
    model._ensure_built()
    for layer in model.layers:
        if not isinstance(layer, layers_mod.Dense):
            raise ValueError(
                f"The script writes out Dense layers only; {layer.name} is a {type(layer).__name__}."
            )  # noqa: TRY004
        if layer.kernel_regularizer is not None:
            raise ValueError(
                f"The script does not write out weight penalties; {layer.name} has one."
            )
    opt = model.optimizer
    if opt.clipnorm is not None or opt.clipvalue is not None:
        raise ValueError("The script does not write out gradient clipping (clipnorm / clipvalue).")
    loss = model._loss_fn
    if loss.name not in LOSS_CODE:
        raise ValueError(f"The script does not know the loss {loss.name}.")
    x = np.asarray(x).astype(model.dtype)
    t = loss.prepare_targets(t, (len(x), *model.output_shape), model.dtype)
    if x.size + t.size + model.count_params() > MAX_NUMBERS:
        raise ValueError(
            f"This network and data set hold {x.size + t.size + model.count_params():,} numbers, "
            f"too many to write into a readable script (at most {MAX_NUMBERS:,})."
        )
    acts = [layer.activation.name for layer in model.layers]
    fused = model._fused()
    value_code, grad_code, fused_code = LOSS_CODE[loss.name]
    if not fused and grad_code is None:
        raise ValueError(
            f"{loss.name} is written out only after a {loss.fused_activation} output layer."
        )
    cls = opt.class_name
    key = "SGD_momentum" if cls == "SGD" and opt.momentum else cls
    cfg = opt.get_config()
    state = opt.get_state()

    out = []
    w = out.append
    w("#!/usr/bin/env python3")
    w(
        f'"""fit() written out by hand{" for " + repr(title) if title else ""}: forward, loss, backward, update, '
        "and the loop.\n\n"
        "Exported from nnstudio. It starts from the studio's weights, takes the same batches in the same\n"
        "order and computes with the same formulas in the same float type, so its losses and weights\n"
        "repeat the studio's training. Run:  python this_script.py [epochs] [weights_out.npz]\n"
        + '"""'
    )
    w("import sys\n\nimport numpy as np\n")
    w(f"DTYPE = np.{np.dtype(model.dtype).name}")
    w(f"EPOCHS = {int(epochs)}")
    w(f"INITIAL_EPOCH = {int(initial_epoch)}  # epochs the studio had already trained")
    w(f"BATCH_SIZE = {int(batch_size)}")
    w(f"SEED = {int(model.seed)}  # fixes the order of the samples in every epoch")
    w("EPS = 1e-7  # keeps log() finite in the cross-entropies")
    w(f"\n# ---- the data: {len(x)} samples ----")
    w(f"X = {_array(x)}")
    w(f"T = {_array(t)}  # targets, as the loss {loss.name} takes them")
    w("\n# ---- the network: one dict per Dense layer, z = a W + b, a = f(z) ----")
    w("layers = [")
    for layer, act in zip(model.layers, acts):
        b = layer.params.get("bias")
        b_code = _array(b) if b is not None else "None"
        w(
            f'    {{"name": {layer.name!r}, "act": {act!r},\n     "W": {_array(layer.params["kernel"])},\n'
            f'     "b": {b_code}}},'
        )
    w("]\n")
    w("# ---- activations: f(z), and going back dL/dz = dL/da * f'(z) ----")
    for helper in ("sigmoid", "softmax"):
        if helper in acts or (helper == "sigmoid" and "softplus" in acts):
            w(HELPERS[helper])
    w("def activate(act, z):")
    for act in dict.fromkeys(acts):
        w(f"    if act == {act!r}:\n        return {ACTIVATION_CODE[act][0]}")
    w("\n\ndef activation_backward(act, d, z, a):")
    for act in dict.fromkeys(acts):
        w(f"    if act == {act!r}:\n        return {ACTIVATION_CODE[act][1]}")
    w(f"\n\n# ---- the loss: {loss.name} (per sample, then the mean over the batch) ----")
    if loss.name == "sparse_categorical_crossentropy":
        w("def onehot_minus(g, t, value):\n    g[np.arange(len(t)), t] -= value\n    return g\n\n")
    w(f"def loss_per_sample(t, y):\n    return {value_code}\n\n")
    if fused:
        w(
            f'def output_delta(t, y):\n    """dL/dz of the output layer: {acts[-1]} and the loss together give '
            f'(y - t) / batch"""\n    return {fused_code}\n\n'
        )
    else:
        w(f'def loss_gradient(t, y):\n    """dL/dy"""\n    return {grad_code}\n\n')
    w(f"# ---- the optimizer: {cls} {cfg} ----")
    w(f"LEARNING_RATE = {float(opt.learning_rate)!r}")
    for name in ("momentum", "rho", "epsilon", "beta_1", "beta_2"):
        if name in cfg:
            w(f"{name.upper()} = {float(cfg[name])!r}")
    if "nesterov" in cfg:
        w(f"NESTEROV = {bool(cfg['nesterov'])}")
    w(
        f"ITERATIONS = {int(opt.iterations)}  # steps taken so far (Adam's bias correction counts them)"
    )
    w("# per parameter, the optimizer's memory (its 'slots'), as the studio left them")
    w("slots = {")
    for layer in model.layers:
        for pname, p in layer.params.items():
            pkey = f"{layer.name}/{pname}"
            entries = []
            for slot in opt.slot_names():
                value = state.get(f"{pkey}/{slot}")
                if value is None:
                    entries.append(
                        f"{slot!r}: np.full({p.shape}, {opt.slot_initial_value(slot)!r}, DTYPE)"
                    )
                else:
                    entries.append(f"{slot!r}: {_array(value)}")
            w(f"    {pkey!r}: {{{', '.join(entries)}}},")
    w("}\n\n")
    w(OPTIMIZER_CODE[key])
    w('''
def forward(x):
    """Keeps each layer's input, z and a for the way back."""
    cache, a = [], x
    for layer in layers:
        z = np.matmul(a, layer["W"])
        if layer["b"] is not None:
            z += layer["b"]
        out = activate(layer["act"], z)
        cache.append((a, z, out))
        a = out
    return a, cache


def backward(cache, t, y):
    """The chain rule, last layer first: delta = dL/dz, dW = a_prev^T delta, db = sum(delta),
    dL/da_prev = delta W^T. Returns {"layer/kernel": dW, "layer/bias": db}."""
    grads = {}''')
    if fused:
        w("    delta = output_delta(t, y)  # the output layer's dL/dz\n    first = True")
    else:
        w("    d = loss_gradient(t, y)  # dL/dy\n    first = False")
    w('''    for i in range(len(layers) - 1, -1, -1):
        layer, (a_prev, z, a) = layers[i], cache[i]
        if not first:
            delta = activation_backward(layer["act"], d, z, a)
        first = False
        grads[layer["name"] + "/kernel"] = np.matmul(a_prev.T, delta)
        if layer["b"] is not None:
            grads[layer["name"] + "/bias"] = np.sum(delta, axis=0)
        if i > 0:
            d = np.matmul(delta, layer["W"].T)
    return grads


def fit(epochs=EPOCHS):
    """The loop: each epoch shuffles the samples (seeded as the studio does), then for each
    batch: forward, loss, backward, update."""
    global ITERATIONS
    n = len(X)
    history = []
    # one generator spawned from the seed draws a new order each epoch (as the studio does)
    orders = np.random.default_rng(np.random.SeedSequence(SEED).spawn(1)[0])
    for _ in range(INITIAL_EPOCH):  # the orders of the epochs the studio already trained
        orders.permutation(n)
    for epoch in range(INITIAL_EPOCH, INITIAL_EPOCH + epochs):
        order = orders.permutation(n)
        total, seen = 0.0, 0
        for start in range(0, n, BATCH_SIZE):
            index = order[start:start + BATCH_SIZE]
            x, t = X[index], T[index]
            y, cache = forward(x)                                           # forward
            loss = float(loss_per_sample(t, y).mean(dtype=DTYPE))          # loss
            grads = backward(cache, t, y)                                  # backward
            for layer in layers:                                           # update
                update(layer["W"], grads[layer["name"] + "/kernel"], slots[layer["name"] + "/kernel"])
                if layer["b"] is not None:
                    update(layer["b"], grads[layer["name"] + "/bias"], slots[layer["name"] + "/bias"])
            ITERATIONS += 1
            total += loss * len(index)
            seen += len(index)
        history.append(total / seen)
        print(f"epoch {epoch + 1}: loss {total / seen:.6f}")
    return history


if __name__ == "__main__":
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        fit(int(sys.argv[1]) if len(sys.argv) > 1 else EPOCHS)
    if len(sys.argv) > 2:  # the weights, for comparing with the studio
        np.savez(sys.argv[2], **{layer["name"] + "/kernel": layer["W"] for layer in layers},
                 **{layer["name"] + "/bias": layer["b"] for layer in layers if layer["b"] is not None})
''')
    return "\n".join(out)
