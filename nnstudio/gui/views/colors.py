"""Colours of the views: Okabe–Ito (safe for colour-blind readers, distinct lightness) and
the NumPy colour maps that turn model outputs into RGB images. No Qt here."""

from __future__ import annotations

import numpy as np

from nnstudio.gui.colors import CLASS_HEX, OKABE_ITO, rgb

CLASS_COLORS = [rgb(h) for h in CLASS_HEX]  # Okabe–Ito as RGB tuples (gui/colors.py)
POSITIVE = rgb(OKABE_ITO["blue"])  # positive weights, high values
NEGATIVE = rgb(OKABE_ITO["vermillion"])  # negative weights, low values
RIGHT = rgb(OKABE_ITO["green"])  # a right prediction
WRONG = rgb(OKABE_ITO["vermillion"])  # a wrong prediction
WHITE = np.array([255.0, 255.0, 255.0])


def class_color(k: int) -> tuple[int, int, int]:
    return CLASS_COLORS[int(k) % len(CLASS_COLORS)]


def hex_color(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))


def class_confidence(outputs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(classes, confidence in [0, 1]) from outputs (..., k): one sigmoid unit gives class p > 0.5
    and confidence |2p - 1|; several give the argmax and (p_max - 1/k) / (1 - 1/k), so a
    uniform guess is 0 (white) and a sure one is 1 (the full class colour)."""
    out = np.asarray(outputs, dtype=np.float64)
    if out.shape[-1] == 1:
        p = np.clip(out[..., 0], 0.0, 1.0)
        return (p > 0.5).astype(np.int64), np.abs(2.0 * p - 1.0)
    k = out.shape[-1]
    classes = np.argmax(out, axis=-1)
    top = np.take_along_axis(out, classes[..., None], axis=-1)[..., 0]
    conf = np.clip((top - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    return classes.astype(np.int64), conf


def blend_classes(outputs: np.ndarray, strength: float = 0.85) -> np.ndarray:
    """uint8 RGB (..., 3): each point's predicted class colour blended with white by confidence
    (``strength`` < 1 keeps the data points readable on the most confident areas)."""
    classes, conf = class_confidence(outputs)
    palette = np.array(CLASS_COLORS, dtype=np.float64)
    colors = palette[classes % len(CLASS_COLORS)]
    a = (conf * strength)[..., None]
    return np.round(WHITE + a * (colors - WHITE)).astype(np.uint8)


DIVERGING_STEPS = 1024  # shades between lo and hi: adjacent ones differ by at most 1 in a channel


def _diverging_table() -> np.ndarray:
    t = np.linspace(-1.0, 1.0, DIVERGING_STEPS + 1)[:, None]
    pos, neg = np.array(POSITIVE, np.float64), np.array(NEGATIVE, np.float64)
    rgb = np.where(t >= 0, WHITE + t * (pos - WHITE), WHITE + (-t) * (neg - WHITE))
    return np.round(rgb).astype(np.uint8)


_DIVERGING = _diverging_table()


def diverging(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """uint8 RGB (..., 3): ``lo`` vermillion, the middle white, ``hi`` blue (blue–white–vermillion
    reads for red-green colour-blind people too); NaN is white. A table look-up: the views colour
    tens of thousands of values per redraw while training runs."""
    v = np.asarray(values, dtype=np.float64)
    mid = 0.5 * (lo + hi)
    half = max(0.5 * (hi - lo), 1e-12)
    t = np.asarray(
        (v - mid) * (DIVERGING_STEPS / 2 / half)
    )  # an array even for one value (out= below)
    np.clip(t, -DIVERGING_STEPS / 2, DIVERGING_STEPS / 2, out=t)
    t += DIVERGING_STEPS / 2
    np.nan_to_num(t, copy=False, nan=DIVERGING_STEPS / 2)
    return _DIVERGING[np.rint(t).astype(np.intp)]


def symmetric_diverging(values: np.ndarray) -> np.ndarray:
    """diverging() around 0 with limits ±max|values| (for weights and neuron outputs)."""
    v = np.asarray(values, dtype=np.float64)
    m = float(np.max(np.abs(v))) if v.size else 1.0
    m = m if m > 0 and np.isfinite(m) else 1.0
    return diverging(v, -m, m)


def sequential(values: np.ndarray) -> np.ndarray:
    """uint8 RGB: 0 white to 1 dark blue (for shares such as a row-normalised confusion matrix)."""
    t = np.clip(np.asarray(values, dtype=np.float64), 0.0, 1.0)[..., None]
    dark = np.array((8, 48, 107), np.float64)
    return np.round(WHITE + t * (dark - WHITE)).astype(np.uint8)
