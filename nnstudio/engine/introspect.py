"""Looking inside a model: pure NumPy functions behind the studio's views (no Qt).

Every function takes an engine ``Sequential`` (built) and plain arrays, and returns plain
arrays or dicts; none of them changes the model's weights.

* ``decision_grid``      the model's outputs over a rectangle of a 2-D input plane
* ``unit_groups`` / ``unit_outputs`` / ``hidden_grid``
                         what each hidden neuron (a Dense unit after its activation) outputs
* ``predicted_classes``  class numbers from outputs (argmax, or p > 0.5 for one sigmoid unit)
* ``confusion_matrix``   counts[true, predicted]
* ``dead_unit_share``    per ReLU layer, the share of units that output 0 for every sample
* ``compute_gradients``  fill ``layer.grads`` for a batch without an optimizer step
* ``gradient_norms``     per layer, the L2 norm of everything in ``layer.grads``
* ``kernel_images``      the first layer's weights of each unit as small images
"""

from __future__ import annotations

import numpy as np

from . import layers as layers_mod


def grid_points(xlim, ylim, resolution: int = 80):
    """``(xs, ys, points)``: ``resolution`` values along each axis and the (res*res, 2) grid,
    row-major with y changing slowest, so ``points.reshape(res, res, 2)[i, j] == (xs[j], ys[i])``."""
    res = int(resolution)
    if res < 2:
        raise ValueError(f"resolution must be at least 2, received: resolution={resolution!r}")
    xs = np.linspace(float(xlim[0]), float(xlim[1]), res)
    ys = np.linspace(float(ylim[0]), float(ylim[1]), res)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def _forward(model, x):
    """Inference-mode outputs of every layer for x (one array per layer)."""
    x = np.asarray(x, dtype=model.dtype or np.float32)
    return model.layer_outputs(x)


def decision_grid(model, xlim, ylim, resolution: int = 80):
    """``(xs, ys, outputs)`` with outputs of shape (res, res, k): ``outputs[i, j]`` is the model's
    output at the point ``(xs[j], ys[i])`` (rows follow y, columns follow x)."""
    xs, ys, points = grid_points(xlim, ylim, resolution)
    out = _forward(model, points)[-1]
    return xs, ys, out.reshape(len(ys), len(xs), -1)


def unit_groups(model) -> list[tuple[int, int]]:
    """``[(dense_index, output_index), ...]``: for every Dense layer, the index of the last layer
    that still belongs to it (the Activation/Dropout layers right after it act unit by unit), so
    ``layer_outputs(x)[output_index]`` is what the Dense layer's neurons output."""
    groups = []
    layers = model.layers
    for i, layer in enumerate(layers):
        if isinstance(layer, layers_mod.Dense):
            j = i
            while j + 1 < len(layers) and not isinstance(layers[j + 1], layers_mod.Dense):
                j += 1
            groups.append((i, j))
    return groups


def unit_outputs(model, x) -> list[np.ndarray]:
    """What every Dense layer's neurons output for x (after their activation), one (n, units)
    array per Dense layer, the output layer last."""
    outs = _forward(model, x)
    return [outs[j] for _, j in unit_groups(model)]


def hidden_grid(model, xlim, ylim, resolution: int = 40, max_units: int = 16):
    """``(xs, ys, maps)`` for a 2-D input: ``maps`` has one (res, res, units) array per hidden
    Dense layer (all Dense layers but the last), at most ``max_units`` units each."""
    xs, ys, points = grid_points(xlim, ylim, resolution)
    maps = []
    for out in unit_outputs(model, points)[:-1]:
        maps.append(out[:, :max_units].reshape(len(ys), len(xs), -1))
    return xs, ys, maps


def predicted_classes(outputs) -> np.ndarray:
    """Class numbers: argmax over several outputs, ``p > 0.5`` for a single (sigmoid) output."""
    outputs = np.asarray(outputs)
    if outputs.ndim == 1:
        outputs = outputs[:, None]
    if outputs.shape[-1] == 1:
        return (outputs[..., 0] > 0.5).astype(np.int64)
    return np.argmax(outputs, axis=-1).astype(np.int64)


def confusion_matrix(y_true, y_pred, num_classes: int) -> np.ndarray:
    """(num_classes, num_classes) int64 counts: rows are the true class, columns the prediction."""
    k = int(num_classes)
    if k < 1:
        raise ValueError(
            f"num_classes must be a positive integer, received: num_classes={num_classes!r}"
        )
    t = np.asarray(y_true).astype(np.int64).ravel()
    p = np.asarray(y_pred).astype(np.int64).ravel()
    if t.shape != p.shape:
        raise ValueError(
            f"y_true and y_pred need the same number of samples, received {t.size} and {p.size}."
        )
    if t.size and (t.min() < 0 or p.min() < 0 or t.max() >= k or p.max() >= k):
        raise ValueError(
            f"Class numbers must lie in 0..{k - 1}, received values from "
            f"{min(t.min(), p.min())} to {max(t.max(), p.max())}."
        )
    return np.bincount(t * k + p, minlength=k * k).reshape(k, k).astype(np.int64)


def _is_relu(layer) -> bool:
    act = getattr(layer, "activation", None)
    return act is not None and getattr(act, "name", None) == "relu"


def relu_layers(model) -> list[int]:
    """Indices of the layers whose output is a ReLU (Dense(activation="relu") or Activation("relu"))."""
    return [i for i, layer in enumerate(model.layers) if _is_relu(layer)]


def dead_unit_share(model, x) -> dict[str, float]:
    """``{layer_name: share}`` for every ReLU layer: the share of its units whose output is 0
    for every sample of x (a "dead" unit never fires, so it also never learns)."""
    idx = relu_layers(model)
    if not idx:
        return {}
    outs = _forward(model, x)
    shares = {}
    for i in idx:
        out = outs[i].reshape(len(outs[i]), -1)
        fired = (out > 0).any(axis=0)
        shares[model.layers[i].name] = float(1.0 - fired.mean()) if fired.size else 0.0
    return shares


def compute_gradients(model, x, y) -> float:
    """Forward (training mode) and backward on (x, y) without an optimizer step: every layer's
    ``grads`` then holds this batch's gradients. Returns the batch loss. The model must be
    compiled with a loss; y is in the form the loss expects."""
    model._require_compiled("compute_gradients")
    x, t = model._check_xy(x, y)
    if model.optimizer is not None:
        model._set_dropout_rngs()
    with np.errstate(over="ignore", invalid="ignore"):
        _, loss = model._forward_backward(x.astype(model.dtype, copy=False), t)
    return float(loss)


def gradient_norms(model) -> dict[str, float]:
    """``{layer_name: ||grads||_2}`` over all of each layer's gradients (kernel and bias together),
    for every layer with parameters, as they are after the last step (or ``compute_gradients``)."""
    norms = {}
    for layer in model.layers:
        if layer.grads:
            # dots in the gradients' own dtype, no float64 copy: the studio's training thread
            # sends these up to ten times a second (~0.1 ms for MNIST's 407,050 float32)
            total = sum(float(np.dot(g.ravel(), g.ravel())) for g in layer.grads.values())
            norms[layer.name] = float(np.sqrt(total))
    return norms


def kernel_images(kernel, image_shape, max_units: int = 64) -> np.ndarray:
    """The first layer's incoming weights of each unit as an image: (units, *image_shape) for
    the first ``max_units`` units of a (features, units) kernel."""
    kernel = np.asarray(kernel)
    shape = tuple(int(s) for s in image_shape)
    if int(np.prod(shape)) != kernel.shape[0]:
        raise ValueError(
            f"A kernel with {kernel.shape[0]} inputs per unit cannot be drawn as images of "
            f"shape {shape}."
        )
    units = min(int(max_units), kernel.shape[1])
    return kernel[:, :units].T.reshape(units, *shape).copy()
