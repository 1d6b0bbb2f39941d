"""Check backpropagation against central differences: (L(w + eps) - L(w - eps)) / (2 eps).

Everything here works on a float64 copy of the model, so the model itself is left untouched.
When the model trains with a fused output (sigmoid + binary cross-entropy, softmax +
categorical cross-entropy) its gradient (y - t) / batch is the exact derivative of the loss
written from the pre-activation z (softplus(z) - t z, logsumexp(z) - sum t z); the numeric
side differentiates that same function, so a saturated output (p clipped to 1 - 1e-7 in the
reported loss) is checked too instead of reading as a false alarm.
"""

import numpy as np

from . import layers as layers_mod
from .model import Sequential


def float64_copy(model):
    """A float64 Sequential with the model's layers, weights, seed and loss (no optimizer)."""
    model._require_compiled("gradcheck")
    clone = Sequential.from_config(model.get_config())
    clone.seed = model.seed
    clone.build(model.input_shape, _rng=np.random.default_rng(0), _dtype="float64")
    clone.set_weights([w.astype(np.float64) for w in model.get_weights()])
    clone._loss_fn = model._loss_fn
    return clone


def _fix_dropout(clone):
    """One fixed dropout mask for every evaluation (a different mask would be a different loss)."""
    for i, layer in enumerate(clone.layers):
        if isinstance(layer, layers_mod.Dropout):
            layer.rng = np.random.default_rng([clone.seed, i])


def _logits_loss(clone, x, t):
    """The batch loss from the output layer's pre-activation z (the fused losses, unclipped)."""
    last = clone.layers[-1]
    a = x
    for layer in clone.layers[:-1]:
        a = layer.forward(a, training=True)
    if isinstance(last, layers_mod.Dense):
        z = a @ last.params["kernel"]
        if last.use_bias:
            z = z + last.params["bias"]
    else:  # an Activation("softmax"/"sigmoid") layer: its input is z
        z = a
    fn = clone._loss_fn
    if fn.fused_activation == "sigmoid":  # BCE: mean_j softplus(z) - t z
        per_sample = (np.logaddexp(0, z) - t * z).mean(axis=-1)
    else:  # CCE: logsumexp(z) - sum_j t_j z_j
        zmax = z.max(axis=-1, keepdims=True)
        lse = (zmax + np.log(np.exp(z - zmax).sum(axis=-1, keepdims=True)))[:, 0]
        if fn.sparse:
            per_sample = lse - z[np.arange(len(z)), t]
        else:
            per_sample = lse - (t * z).sum(axis=-1)
    return float(per_sample.mean()) + clone._penalty()


def _loss_function(clone, x64, t):
    fused = clone._fused()

    def loss():
        _fix_dropout(clone)
        if fused:
            return _logits_loss(clone, x64, t)
        y_pred = clone._forward(x64, training=True)
        return float(clone._loss_fn.call(t, y_pred).mean()) + clone._penalty()

    return loss


def _prepare(model, x, y):
    x = model._check_x(x)
    clone = float64_copy(model)
    x64 = x.astype(np.float64)
    t = clone._loss_fn.prepare_targets(y, (len(x), *clone.output_shape), np.float64)
    return clone, x64, t


def backprop_gradient(model, x, y):
    """{key: dL/dparam} by backpropagation on a float64 copy (one forward + one backward)."""
    clone, x64, t = _prepare(model, x, y)
    _fix_dropout(clone)
    clone._forward_backward(x64, t)
    return {f"{layer.name}/{k}": g.copy() for layer in clone.layers for k, g in layer.grads.items()}


def numeric_gradient(model, x, y, keys=None, indices=None, eps=1e-6, progress=None, cancel=None):
    """{key: (flat_indices, dL/dparam at those indices)} by central differences in float64.

    keys: parameter keys to check (default all); indices: {key: flat indices} (default every
    entry). progress(done, total) is called after each entry; cancel() -> True stops early
    (the entries done so far are returned, the rest are NaN)."""
    clone, x64, t = _prepare(model, x, y)
    params = {f"{layer.name}/{k}": p for layer in clone.layers for k, p in layer.params.items()}
    keys = list(params) if keys is None else list(keys)
    unknown = [k for k in keys if k not in params]
    if unknown:
        raise ValueError(f"The model has no parameter {unknown[0]!r}; it has: {', '.join(params)}")
    chosen = {
        k: np.arange(params[k].size)
        if not indices or k not in indices
        else np.asarray(indices[k], dtype=np.intp)
        for k in keys
    }
    loss = _loss_function(clone, x64, t)
    total, done = sum(len(i) for i in chosen.values()), 0
    result = {}
    for key in keys:
        flat, idx = params[key].reshape(-1), chosen[key]
        numeric = np.full(len(idx), np.nan)
        for j, i in enumerate(idx):
            if cancel is not None and cancel():
                result[key] = (idx, numeric)
                return result
            old = flat[i]
            flat[i] = old + eps
            up = loss()
            flat[i] = old - eps
            down = loss()
            flat[i] = old
            numeric[j] = (up - down) / (2 * eps)
            done += 1
            if progress is not None:
                progress(done, total)
        result[key] = (idx, numeric)
    return result


def relative_error(a, b):
    """|a - b| / (|a| + |b|) elementwise (0 where both are 0)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    denom = np.abs(a) + np.abs(b)
    return np.divide(np.abs(a - b), denom, out=np.zeros_like(denom), where=denom > 0)


def gradcheck(model, x, y, eps=None, max_elements=1000):
    """Relative error ||g_backprop - g_numeric|| / (||g_backprop|| + ||g_numeric||) per parameter key.

    Works on a float64 copy of the (compiled) model, so the model itself is left untouched;
    dropout uses one fixed mask for every evaluation. At most `max_elements` entries of each
    parameter are perturbed (chosen at random, always the same ones). Values below ~1e-6
    mean the backward pass is right.
    """
    model._require_compiled("gradcheck")
    eps = 1e-6 if eps is None else float(eps)
    analytic = backprop_gradient(model, x, y)
    rng = np.random.default_rng(0)
    indices = {}
    for key, g in analytic.items():
        idx = np.arange(g.size)
        if g.size > max_elements:
            idx = np.sort(rng.choice(g.size, max_elements, replace=False))
        indices[key] = idx
    numeric = numeric_gradient(model, x, y, indices=indices, eps=eps)
    errors = {}
    for key, (idx, n) in numeric.items():
        a = analytic[key].reshape(-1)[idx]
        denom = np.linalg.norm(a) + np.linalg.norm(n)
        errors[key] = 0.0 if denom == 0 else float(np.linalg.norm(a - n) / denom)
    return errors


def gradient_table(model, x, y, sample=None, seed=0, eps=1e-6, progress=None, cancel=None):
    """Backprop beside central differences, per parameter entry, worst first, with timings.

    sample: check this many entries drawn at random over all parameters (None: every entry).
    Returns {"rows": [(key, flat_index, backprop, numeric, rel_error), ...] (worst first),
    "overall": ||b - n|| / (||b|| + ||n||) over every checked entry (an entry's own relative
    error is large where its gradient is tiny: the difference quotient's round-off, ~1e-10),
    "backprop_s": one forward + backward (every gradient at once), "numeric_s": the central
    differences of the checked entries, "checked", "total" (parameters), "cancelled"}.
    """
    import time

    clone, x64, t = _prepare(model, x, y)
    _fix_dropout(clone)
    backprop_s = float("inf")
    for _ in range(
        3
    ):  # the best of three: the first pass also allocates the layers' scratch arrays
        started = time.perf_counter()
        clone._forward_backward(x64, t)
        backprop_s = min(backprop_s, time.perf_counter() - started)
    analytic = {
        f"{layer.name}/{k}": g.copy() for layer in clone.layers for k, g in layer.grads.items()
    }
    sizes = {k: g.size for k, g in analytic.items()}
    total = int(sum(sizes.values()))
    if sample is None or sample >= total:
        indices = {k: np.arange(n) for k, n in sizes.items()}
    else:
        picks = np.sort(np.random.default_rng(seed).choice(total, int(sample), replace=False))
        indices, offset = {}, 0
        for k, n in sizes.items():
            mine = picks[(picks >= offset) & (picks < offset + n)] - offset
            if len(mine):
                indices[k] = mine
            offset += n
    started = time.perf_counter()
    numeric = numeric_gradient(
        model, x, y, keys=list(indices), indices=indices, eps=eps, progress=progress, cancel=cancel
    )
    numeric_s = time.perf_counter() - started
    rows, bs, ns = [], [], []
    for key, (idx, values) in numeric.items():
        b = analytic[key].reshape(-1)[idx]
        errors = relative_error(b, values)
        done = np.isfinite(values)
        rows += [
            (key, int(i), float(bi), float(ni), float(ei))
            for i, bi, ni, ei in zip(idx[done], b[done], values[done], errors[done])
        ]
        bs.append(b[done])
        ns.append(values[done])
    rows.sort(key=lambda r: -r[4])
    b, n = (np.concatenate(v) if v else np.zeros(0) for v in (bs, ns))
    denom = np.linalg.norm(b) + np.linalg.norm(n)
    overall = 0.0 if denom == 0 else float(np.linalg.norm(b - n) / denom)
    return {
        "rows": rows,
        "overall": overall,
        "shapes": {k: g.shape for k, g in analytic.items()},
        "backprop_s": backprop_s,
        "numeric_s": numeric_s,
        "checked": len(rows),
        "total": total,
        "cancelled": len(rows) < sum(len(i) for i in indices.values()),
    }
