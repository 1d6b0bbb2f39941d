"""Check backpropagation against central differences: (L(w + eps) - L(w - eps)) / (2 eps)."""

import numpy as np

from . import layers as layers_mod
from .model import Sequential


def gradcheck(model, x, y, eps=None, max_elements=1000):
    """Relative error ||g_backprop - g_numeric|| / (||g_backprop|| + ||g_numeric||) per parameter key.

    Works on a float64 copy of the (compiled) model, so the model itself is left untouched;
    dropout uses one fixed mask for every evaluation. At most `max_elements` entries of each
    parameter are perturbed (chosen at random, always the same ones). Values below ~1e-6
    mean the backward pass is right.
    """
    model._require_compiled("gradcheck")
    eps = 1e-6 if eps is None else float(eps)
    x = model._check_x(x)
    clone = Sequential.from_config(model.get_config())
    clone.build(model.input_shape, _rng=np.random.default_rng(0), _dtype="float64")
    clone.set_weights([w.astype(np.float64) for w in model.get_weights()])
    clone._loss_fn = model._loss_fn
    x64 = x.astype(np.float64)
    t = clone._loss_fn.prepare_targets(y, (len(x), *clone.output_shape), np.float64)

    def fix_dropout():
        for i, layer in enumerate(clone.layers):
            if isinstance(layer, layers_mod.Dropout):
                layer.rng = np.random.default_rng([model.seed, i])

    def loss():
        fix_dropout()
        y_pred = clone._forward(x64, training=True)
        return float(clone._loss_fn.call(t, y_pred).mean()) + clone._penalty()

    fix_dropout()
    clone._forward_backward(x64, t)
    analytic = {f"{layer.name}/{k}": g.copy() for layer in clone.layers for k, g in layer.grads.items()}
    params = {f"{layer.name}/{k}": p for layer in clone.layers for k, p in layer.params.items()}
    rng = np.random.default_rng(0)
    errors = {}
    for key, p in params.items():
        flat = p.reshape(-1)
        idx = np.arange(flat.size)
        if flat.size > max_elements:
            idx = np.sort(rng.choice(flat.size, max_elements, replace=False))
        numeric = np.empty(len(idx))
        for j, i in enumerate(idx):
            old = flat[i]
            flat[i] = old + eps
            up = loss()
            flat[i] = old - eps
            down = loss()
            flat[i] = old
            numeric[j] = (up - down) / (2 * eps)
        a = analytic[key].reshape(-1)[idx]
        denom = np.linalg.norm(a) + np.linalg.norm(numeric)
        errors[key] = 0.0 if denom == 0 else float(np.linalg.norm(a - numeric) / denom)
    return errors
