"""Toy data sets a student can see: truth tables, 2-D point clouds, 1-D curves.

Every generator takes plain keyword settings, checks them, and returns a `Dataset`.
The same seed gives the same data, so a lesson looks the same on every machine.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..i18n import NoQt
from .dataset import CLASSIFICATION, REGRESSION, Dataset
from .errors import DataError


def _t(text: str) -> str:
    return NoQt.translate("datasets", text)  # a class or feature name, translated where shown


# ---------------------------------------------------------------------------
# setting checks (one sentence, naming what was received)


def check_n_samples(name, n_samples, minimum=2):
    if (
        isinstance(n_samples, bool)
        or not isinstance(n_samples, numbers.Integral)
        or n_samples < minimum
    ):
        raise DataError(
            f"{name}: n_samples must be a whole number of at least {minimum}, "
            f"received: n_samples={n_samples!r}."
        )
    if n_samples > 10_000_000:
        raise DataError(
            f"{name}: n_samples={n_samples} is too many points for a toy data set; use at most 10,000,000."
        )
    return int(n_samples)


def check_noise(name, noise):
    if (
        isinstance(noise, bool)
        or not isinstance(noise, numbers.Real)
        or not math.isfinite(noise)
        or noise < 0
    ):
        raise DataError(f"{name}: noise must be a number of 0 or more, received: noise={noise!r}.")
    return float(noise)


def check_fraction(name, test_fraction):
    if (
        isinstance(test_fraction, bool)
        or not isinstance(test_fraction, numbers.Real)
        or not 0.0 <= test_fraction < 1.0
    ):
        raise DataError(
            f"{name}: test_fraction must be at least 0 and below 1 (e.g. 0.2 keeps a fifth for testing), "
            f"received: test_fraction={test_fraction!r}."
        )
    return float(test_fraction)


def check_classes(name, classes, maximum=20):
    if (
        isinstance(classes, bool)
        or not isinstance(classes, numbers.Integral)
        or not 2 <= classes <= maximum
    ):
        raise DataError(
            f"{name}: classes must be a whole number from 2 to {maximum}, received: classes={classes!r}."
        )
    return int(classes)


def check_repeats(name, repeats):
    if (
        isinstance(repeats, bool)
        or not isinstance(repeats, numbers.Integral)
        or not 1 <= repeats <= 100_000
    ):
        raise DataError(
            f"{name}: repeats must be a whole number from 1 to 100000, received: repeats={repeats!r}."
        )
    return int(repeats)


def make_rng(name, seed):
    if seed is not None and (
        isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0
    ):
        raise DataError(
            f"{name}: seed must be a whole number of 0 or more (or None for a different draw each time), "
            f"received: seed={seed!r}."
        )
    return np.random.default_rng(None if seed is None else int(seed))


def split(x, y, test_fraction, rng):
    """Shuffle and split into (x_train, y_train, x_test, y_test); test gets round(n * fraction)."""
    order = rng.permutation(len(x))
    x, y = x[order], y[order]
    n_test = int(round(len(x) * test_fraction))
    if test_fraction > 0 and n_test == 0:
        n_test = 1
    n_test = min(n_test, len(x) - 1)
    cut = len(x) - n_test
    return x[:cut], y[:cut], x[cut:], y[cut:]


def _counts(n, k):
    """n points shared as evenly as possible among k classes."""
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


# ---------------------------------------------------------------------------
# tables: logic gates and the animals lesson

GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "xor": [0, 1, 1, 0],
}

ANIMALS_X = np.array([[0, 0], [1, 0], [1, 1], [0, 0], [0, 0], [0, 1]], dtype=np.float32)
ANIMALS_Y = np.array([0, 1, 2, 0, 0, 2], dtype=np.int64)
ANIMALS_CLASSES = [_t("other"), _t("mammal"), _t("bird")]
ANIMALS_FEATURES = [_t("fur"), _t("wings")]


def _table(name, x, y, repeats, noise, seed):
    """The table itself for train and test; with repeats or noise, noisy copies train and the table tests."""
    repeats = check_repeats(name, repeats)
    noise = check_noise(name, noise)
    rng = make_rng(name, seed)
    if repeats == 1 and noise == 0:
        return x.copy(), y.copy(), x.copy(), y.copy()
    xt = np.tile(x, (repeats, 1))
    yt = np.tile(y, repeats)
    xt = xt + rng.normal(0.0, noise, size=xt.shape).astype(np.float32)
    order = rng.permutation(len(xt))
    return xt[order], yt[order], x.copy(), y.copy()


def gate(name, repeats=1, noise=0.0, seed=0):
    """Truth table of a two-input logic gate: inputs (4, 2) in {0,1}, label = output bit."""
    if name not in GATES:
        raise DataError(
            f"There is no logic gate called {name!r}; choose one of {', '.join(GATES)}."
        )
    y = np.array(GATES[name], dtype=np.int64)
    xtr, ytr, xte, yte = _table(name, GATE_X, y, repeats, noise, seed)
    return Dataset(
        xtr,
        ytr,
        xte,
        yte,
        task=CLASSIFICATION,
        num_classes=2,
        class_names=["0", "1"],
        feature_names=["x1", "x2"],
        name=name,
        description=f"The {name.upper()} truth table: two inputs of 0 or 1, one output bit.",
    )


def animals(repeats=1, noise=0.0, seed=0):
    """Six animals described by fur and wings, labelled other / mammal / bird."""
    xtr, ytr, xte, yte = _table("animals", ANIMALS_X, ANIMALS_Y, repeats, noise, seed)
    return Dataset(
        xtr,
        ytr,
        xte,
        yte,
        task=CLASSIFICATION,
        num_classes=3,
        class_names=list(ANIMALS_CLASSES),
        feature_names=list(ANIMALS_FEATURES),
        name="animals",
        description="Six animals: fur and wings (1 = has it) tell mammal, bird or other.",
    )


# ---------------------------------------------------------------------------
# 2-D classification clouds


def _cloud(name, x, y, classes, class_names, test_fraction, rng, description):
    x = x.astype(np.float32)
    y = y.astype(np.int64)
    xtr, ytr, xte, yte = split(x, y, test_fraction, rng)
    return Dataset(
        xtr,
        ytr,
        xte,
        yte,
        task=CLASSIFICATION,
        num_classes=classes,
        class_names=class_names,
        feature_names=["x1", "x2"],
        name=name,
        description=description,
    )


def circles(n_samples=400, noise=0.1, seed=0, test_fraction=0.2, factor=0.5):
    """Two rings: outer (class 0, radius 1) around inner (class 1, radius `factor`)."""
    n = check_n_samples("circles", n_samples)
    noise = check_noise("circles", noise)
    test_fraction = check_fraction("circles", test_fraction)
    if not isinstance(factor, numbers.Real) or not 0 < factor < 1:
        raise DataError(
            f"circles: factor (inner radius / outer radius) must be between 0 and 1, "
            f"received: factor={factor!r}."
        )
    rng = make_rng("circles", seed)
    n_out, n_in = _counts(n, 2)
    t_out = rng.uniform(0, 2 * np.pi, n_out)
    t_in = rng.uniform(0, 2 * np.pi, n_in)
    x = np.concatenate(
        [np.c_[np.cos(t_out), np.sin(t_out)], factor * np.c_[np.cos(t_in), np.sin(t_in)]]
    )
    x += rng.normal(0.0, noise, size=x.shape)
    y = np.r_[np.zeros(n_out), np.ones(n_in)]
    return _cloud(
        "circles",
        x,
        y,
        2,
        ["outer", "inner"],
        test_fraction,
        rng,
        "Two rings of points, one inside the other: no straight line separates them.",
    )


def moons(n_samples=400, noise=0.1, seed=0, test_fraction=0.2):
    """Two interleaving half circles (as scikit-learn's make_moons)."""
    n = check_n_samples("moons", n_samples)
    noise = check_noise("moons", noise)
    test_fraction = check_fraction("moons", test_fraction)
    rng = make_rng("moons", seed)
    n_a, n_b = _counts(n, 2)
    t_a = rng.uniform(0, np.pi, n_a)
    t_b = rng.uniform(0, np.pi, n_b)
    x = np.concatenate([np.c_[np.cos(t_a), np.sin(t_a)], np.c_[1 - np.cos(t_b), 0.5 - np.sin(t_b)]])
    x += rng.normal(0.0, noise, size=x.shape)
    y = np.r_[np.zeros(n_a), np.ones(n_b)]
    return _cloud(
        "moons",
        x,
        y,
        2,
        ["upper", "lower"],
        test_fraction,
        rng,
        "Two interlocking half-moons: the boundary between them has to bend.",
    )


def spirals(n_samples=300, noise=0.2, seed=0, test_fraction=0.2, classes=3):
    """k spiral arms, one class per arm (CS231n's spiral): radius 0..1, angle grows along the arm."""
    n = check_n_samples("spirals", n_samples)
    noise = check_noise("spirals", noise)
    test_fraction = check_fraction("spirals", test_fraction)
    k = check_classes("spirals", classes)
    rng = make_rng("spirals", seed)
    xs, ys = [], []
    for j, m in enumerate(_counts(n, k)):
        r = np.linspace(0.0, 1.0, m)
        t = np.linspace(j * 2 * np.pi / k, j * 2 * np.pi / k + 1.5 * np.pi, m) + rng.normal(
            0.0, noise, m
        )
        xs.append(np.c_[r * np.cos(t), r * np.sin(t)])
        ys.append(np.full(m, j))
    return _cloud(
        "spirals",
        np.concatenate(xs),
        np.concatenate(ys),
        k,
        [f"arm {j}" for j in range(k)],
        test_fraction,
        rng,
        f"{k} spiral arms wound around each other, one class per arm.",
    )


def blobs(n_samples=300, noise=0.6, seed=0, test_fraction=0.2, classes=3):
    """k round clusters, centres evenly on a circle of radius 3, spread = noise (std)."""
    n = check_n_samples("blobs", n_samples)
    noise = check_noise("blobs", noise)
    test_fraction = check_fraction("blobs", test_fraction)
    k = check_classes("blobs", classes)
    rng = make_rng("blobs", seed)
    xs, ys = [], []
    for j, m in enumerate(_counts(n, k)):
        a = 2 * np.pi * j / k + np.pi / 2
        xs.append(3.0 * np.array([np.cos(a), np.sin(a)]) + rng.normal(0.0, noise, size=(m, 2)))
        ys.append(np.full(m, j))
    return _cloud(
        "blobs",
        np.concatenate(xs),
        np.concatenate(ys),
        k,
        [f"blob {j}" for j in range(k)],
        test_fraction,
        rng,
        f"{k} round clusters of points, one class each: the easiest case.",
    )


def checkerboard(n_samples=800, noise=0.0, seed=0, test_fraction=0.2, squares=4):
    """Points uniform in [-1, 1]^2, class = colour of the square on a squares x squares board."""
    n = check_n_samples("checkerboard", n_samples)
    noise = check_noise("checkerboard", noise)
    test_fraction = check_fraction("checkerboard", test_fraction)
    if (
        isinstance(squares, bool)
        or not isinstance(squares, numbers.Integral)
        or not 2 <= squares <= 16
    ):
        raise DataError(
            f"checkerboard: squares must be a whole number from 2 to 16, received: squares={squares!r}."
        )
    rng = make_rng("checkerboard", seed)
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    cell = np.floor((x + 1.0) / 2.0 * squares).clip(0, squares - 1).astype(np.int64)
    y = (cell[:, 0] + cell[:, 1]) % 2
    x += rng.normal(0.0, noise, size=x.shape)
    return _cloud(
        "checkerboard",
        x,
        y,
        2,
        ["dark", "light"],
        test_fraction,
        rng,
        f"A {squares}x{squares} checkerboard: the class is the colour of the square a point falls on.",
    )


def xor_scatter(n_samples=400, noise=0.0, seed=0, test_fraction=0.2):
    """Points uniform in [-1, 1]^2 with a small gap on the axes; class 1 where x1 * x2 < 0."""
    n = check_n_samples("xor-scatter", n_samples)
    noise = check_noise("xor-scatter", noise)
    test_fraction = check_fraction("xor-scatter", test_fraction)
    rng = make_rng("xor-scatter", seed)
    mag = rng.uniform(0.05, 1.0, size=(n, 2))
    sign = rng.choice([-1.0, 1.0], size=(n, 2))
    x = mag * sign
    y = (x[:, 0] * x[:, 1] < 0).astype(np.int64)
    x += rng.normal(0.0, noise, size=x.shape)
    return _cloud(
        "xor-scatter",
        x,
        y,
        2,
        ["same sign", "opposite sign"],
        test_fraction,
        rng,
        "XOR as a cloud: points in the four quadrants, opposite corners share a class.",
    )


# ---------------------------------------------------------------------------
# regression


def _regression(name, x, y, feature_names, test_fraction, rng, description):
    x = x.astype(np.float32)
    y = y.astype(np.float32).reshape(len(y), -1)
    xtr, ytr, xte, yte = split(x, y, test_fraction, rng)
    return Dataset(
        xtr,
        ytr,
        xte,
        yte,
        task=REGRESSION,
        feature_names=feature_names,
        name=name,
        description=description,
    )


def linear(n_samples=100, noise=0.1, seed=0, test_fraction=0.2):
    """y = 2x + 1 + noise, x uniform in [-1, 1]."""
    n = check_n_samples("linear", n_samples)
    noise = check_noise("linear", noise)
    test_fraction = check_fraction("linear", test_fraction)
    rng = make_rng("linear", seed)
    x = rng.uniform(-1.0, 1.0, size=(n, 1))
    y = 2.0 * x[:, 0] + 1.0 + rng.normal(0.0, noise, n)
    return _regression(
        "linear",
        x,
        y,
        ["x"],
        test_fraction,
        rng,
        "Points scattered around the straight line y = 2x + 1.",
    )


def sine(n_samples=200, noise=0.1, seed=0, test_fraction=0.2):
    """y = sin(x) + noise, x uniform in [-pi, pi]."""
    n = check_n_samples("sine", n_samples)
    noise = check_noise("sine", noise)
    test_fraction = check_fraction("sine", test_fraction)
    rng = make_rng("sine", seed)
    x = rng.uniform(-np.pi, np.pi, size=(n, 1))
    y = np.sin(x[:, 0]) + rng.normal(0.0, noise, n)
    return _regression(
        "sine",
        x,
        y,
        ["x"],
        test_fraction,
        rng,
        "One wave of y = sin(x): a curve a straight line cannot follow.",
    )


def plane(n_samples=200, noise=0.1, seed=0, test_fraction=0.2):
    """y = 2 x1 - x2 + 0.5 + noise, (x1, x2) uniform in [-1, 1]^2."""
    n = check_n_samples("plane", n_samples)
    noise = check_noise("plane", noise)
    test_fraction = check_fraction("plane", test_fraction)
    rng = make_rng("plane", seed)
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = 2.0 * x[:, 0] - x[:, 1] + 0.5 + rng.normal(0.0, noise, n)
    return _regression(
        "plane",
        x,
        y,
        ["x1", "x2"],
        test_fraction,
        rng,
        "Two inputs, one output on the flat plane y = 2·x1 − x2 + 0.5.",
    )
