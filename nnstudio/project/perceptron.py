"""One neuron with two inputs, the perceptron: ``y = f(w1·x1 + w2·x2 + b)``. No Qt.

What the perceptron lab (``nnstudio.gui.perceptron_lab``) shows, computed here so it can be
tested without a window:

* the gates' truth tables and the textbook's hand weights (AND = (0.5, 0.5, -0.7), ...);
* which gate a neuron computes (it fires where ``w1·x1 + w2·x2 + b > 0``: the side of its line);
* the perceptron learning rule ``w <- w + eta (t - y) x`` one update at a time;
* the line through two points as weights (dragging the line in the lab);
* XOR built from gates: the 2-2-1 network AND(NAND(x1, x2), OR(x1, x2)) as a project.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnstudio.i18n import NoQt

from .schema import DatasetSpec, Project, TrainingSpec

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)  # the truth table's rows
TARGETS: dict[str, tuple[int, int, int, int]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
}
# The textbook's hand weights (w1, w2, b); NOR is OR with every sign flipped, as NAND is AND's.
PRESETS: dict[str, tuple[float, float, float]] = {
    "AND": (0.5, 0.5, -0.7),
    "OR": (0.5, 0.5, -0.2),
    "NAND": (-0.5, -0.5, 0.7),
    "NOR": (-0.5, -0.5, 0.2),
}
RECOGNISED = ("AND", "OR", "NAND", "NOR")  # the gates a name is given to (XOR never occurs)
ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "linear")
GATE_SCALE = 10.0  # sigmoid(10 z) is nearly a step: the hand weights times 10 act like gates


def _t(text: str) -> str:
    return NoQt.translate("lessons", text)


def activate(z, activation: str = "step") -> np.ndarray:
    """f(z) for the lab's activations: step (1 if z > 0 else 0), sigmoid, tanh, relu, linear."""
    z = np.asarray(z, dtype=np.float64)
    if activation == "step":
        return (z > 0).astype(np.float64)
    if activation == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + exp(-z)), without overflow
    if activation == "tanh":
        return np.tanh(z)
    if activation == "relu":
        return np.maximum(z, 0.0)
    if activation == "linear":
        return z
    raise ValueError(
        f"activation must be one of {', '.join(ACTIVATIONS)}, received: activation={activation!r}"
    )


@dataclass(frozen=True)
class Neuron:
    """Two weights, a bias and an activation. It *fires* (counts as 1) where its weighted sum
    ``z = w1·x1 + w2·x2 + b`` is above 0, whatever the activation: one line, one rule."""

    w1: float = 0.0
    w2: float = 0.0
    b: float = 0.0
    activation: str = "step"

    @property
    def weights(self) -> tuple[float, float, float]:
        return (self.w1, self.w2, self.b)

    def net(self, x) -> np.ndarray:
        """z = w1·x1 + w2·x2 + b for points x of shape (n, 2)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, 2)
        return x[:, 0] * self.w1 + x[:, 1] * self.w2 + self.b

    def output(self, x) -> np.ndarray:
        return activate(self.net(x), self.activation)

    def fires(self, x) -> np.ndarray:
        """1 where the point is on the firing side of the line, else 0 (ints)."""
        return (self.net(x) > 0).astype(np.int64)

    def table(self) -> tuple[int, ...]:
        """What it fires for (0,0), (0,1), (1,0), (1,1)."""
        return tuple(int(v) for v in self.fires(INPUTS))

    def gate(self) -> str | None:
        return recognise(self.table())

    def score(self, target: str | tuple) -> int:
        """How many of the four rows it gets right for a gate name or a table of targets."""
        wanted = TARGETS[target] if isinstance(target, str) else tuple(target)
        return sum(int(a == b) for a, b in zip(self.table(), wanted))


def recognise(table) -> str | None:
    """The gate whose truth table is ``table`` (four 0/1 outputs), if it is one of RECOGNISED."""
    table = tuple(int(v) for v in table)
    return next((name for name in RECOGNISED if TARGETS[name] == table), None)


def separable_tables() -> set[tuple[int, ...]]:
    """Every truth table one line can draw on the four corners (14 of the 16: all but XOR and
    XNOR). Lines with w1, w2 in {-1, 0, 1} and b in {-1.5, -0.5, 0.5, 1.5} reach every one that
    exists: a dichotomy of the square's corners by a line is one of the corner, edge or
    nothing cuts, and those are all among these."""
    found = set()
    for w1, w2, b in itertools.product((-1, 0, 1), (-1, 0, 1), (-1.5, -0.5, 0.5, 1.5)):
        found.add(Neuron(w1, w2, b).table())
    return found


def best_score(target: str | tuple) -> int:
    """The most rows any single line gets right for ``target`` (4 for AND, 3 for XOR)."""
    wanted = TARGETS[target] if isinstance(target, str) else tuple(target)
    return max(sum(int(a == b) for a, b in zip(table, wanted)) for table in separable_tables())


# -- the perceptron learning rule -----------------------------------------------------------------
@dataclass(frozen=True)
class Update:
    """One step of the rule: row ``index`` (input ``x``, target ``t``) was wrong (fired ``y``);
    the weights went from ``before`` to ``after``."""

    index: int
    x: tuple[float, float]
    t: int
    y: int
    before: tuple[float, float, float]
    after: tuple[float, float, float]


def learning_step(
    neuron: Neuron, target: str | tuple, eta: float = 0.1, start: int = 0
) -> Update | None:
    """One update of the perceptron rule on the first misclassified row at or after ``start``
    (cyclically): ``w <- w + eta (t - y) x`` and ``b <- b + eta (t - y)``. None when all four
    rows are right (the rule has converged)."""
    wanted = TARGETS[target] if isinstance(target, str) else tuple(target)
    fired = neuron.fires(INPUTS)
    for k in range(4):
        i = (start + k) % 4
        t, y = int(wanted[i]), int(fired[i])
        if t != y:
            x1, x2 = INPUTS[i]
            step = eta * (t - y)
            before = neuron.weights
            # rounded: 0.1 steps should read 0.3, not 0.30000000000000004
            after = (
                round(float(before[0] + step * x1), 10),
                round(float(before[1] + step * x2), 10),
                round(float(before[2] + step), 10),
            )
            return Update(i, (float(x1), float(x2)), t, y, before, after)
    return None


def learn(
    neuron: Neuron, target: str | tuple, eta: float = 0.1, max_updates: int = 1000
) -> Iterator[Update]:
    """The rule run on: each yielded Update is one misclassified row corrected; it stops when all
    rows are right (AND, OR, NAND, NOR: always, after a bounded number of updates) or after
    ``max_updates`` (XOR: it cycles for ever, no line is right on all four)."""
    start = 0
    for _ in range(max_updates):
        update = learning_step(neuron, target, eta, start)
        if update is None:
            return
        yield update
        neuron = Neuron(*update.after, activation=neuron.activation)
        start = (update.index + 1) % 4


# -- the line -----------------------------------------------------------------------------------
def line_through(
    p, q, like: tuple[float, float, float] | None = None
) -> tuple[float, float, float]:
    """(w1, w2, b) of the line through points p and q (dragging the line in the lab): the
    weights are a normal of p->q, as long as ``like``'s weights (else of length 1) and pointing
    to the same side, so the neuron keeps firing on the side it fired on."""
    (px, py), (qx, qy) = (float(v) for v in p), (float(v) for v in q)
    dx, dy = qx - px, qy - py
    length = float(np.hypot(dx, dy))
    if length < 1e-12:
        raise ValueError("the two points of a line must differ")
    n1, n2 = -dy / length, dx / length
    scale = 1.0
    if like is not None:
        scale = float(np.hypot(like[0], like[1])) or 1.0
        if n1 * like[0] + n2 * like[1] < 0:
            n1, n2 = -n1, -n2
    w1, w2 = n1 * scale, n2 * scale
    return (w1, w2, -(w1 * px + w2 * py))


def line_points(w1: float, w2: float, b: float, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5)):
    """The two ends of the line w1·x1 + w2·x2 + b = 0 inside the box xlim x ylim, or None when
    the line misses the box (or the weights are both 0: no line at all)."""
    (x0, x1), (y0, y1) = xlim, ylim
    found = []
    if abs(w2) > 1e-12:
        for x in (x0, x1):
            y = -(w1 * x + b) / w2
            if y0 - 1e-9 <= y <= y1 + 1e-9:
                found.append((x, y))
    if abs(w1) > 1e-12:
        for y in (y0, y1):
            x = -(w2 * y + b) / w1
            if x0 - 1e-9 <= x <= x1 + 1e-9:
                found.append((x, y))
    unique = []
    for point in found:
        if all(abs(point[0] - u[0]) + abs(point[1] - u[1]) > 1e-9 for u in unique):
            unique.append(point)
    if len(unique) < 2:
        return None
    # the two farthest apart (a line through a corner is found twice)
    a, b_ = max(
        itertools.combinations(unique, 2),
        key=lambda ab: np.hypot(ab[0][0] - ab[1][0], ab[0][1] - ab[1][1]),
    )
    return a, b_


# -- XOR from gates --------------------------------------------------------------------------------
def xor_from_gates(scale: float = GATE_SCALE) -> Project:
    """The 2-2-1 network XOR = AND(NAND(x1, x2), OR(x1, x2)) with the hand weights times
    ``scale`` (sigmoid units, so training can go on from there): it gets XOR right before any
    training. Hidden unit 1 is NAND, hidden unit 2 is OR, the output unit is AND."""
    from .build import normalize_layers

    p = Project(
        title=_t("XOR from gates: AND(NAND, OR)"),
        description={
            "en": (
                "XOR = AND(NAND(x1, x2), OR(x1, x2)). The hidden layer's first unit is NAND "
                "(-0.5, -0.5, 0.7), its second OR (0.5, 0.5, -0.2), the output unit AND (0.5, 0.5, -0.7), "
                "every weight times 10 so that the sigmoid acts like a step. It classifies XOR at 100% "
                "before any training. Reset and train to let the network find its own solution."
            ),
            "ko": (
                "XOR = AND(NAND(x1, x2), OR(x1, x2))입니다. 은닉층의 첫 유닛은 NAND(-0.5, -0.5, 0.7), "
                "둘째 유닛은 OR(0.5, 0.5, -0.2), 출력 유닛은 AND(0.5, 0.5, -0.7)이고, 시그모이드가 계단 "
                "함수처럼 동작하도록 모든 가중치에 10을 곱했습니다. 학습하기 전부터 XOR을 100% 맞힙니다. "
                "초기화한 뒤 학습시켜 네트워크가 스스로 찾은 답과 비교해 보세요."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="xor", params={}),
        training=TrainingSpec(
            loss="binary_crossentropy",
            optimizer={"class_name": "Adam", "config": {"learning_rate": 0.1}},
            batch_size=4,
            epochs=300,
            metrics=["accuracy"],
            validation_split=0.0,
            seed=0,
        ),
    )
    hidden = p.add_layer("Dense", units=2, activation="sigmoid")
    out = p.add_layer("Dense", units=1, activation="sigmoid")
    normalize_layers(p)
    nand, or_, and_ = PRESETS["NAND"], PRESETS["OR"], PRESETS["AND"]
    p.weights = {
        f"{hidden.id}/kernel": scale * np.array([[nand[0], or_[0]], [nand[1], or_[1]]], np.float32),
        f"{hidden.id}/bias": scale * np.array([nand[2], or_[2]], np.float32),
        f"{out.id}/kernel": scale * np.array([[and_[0]], [and_[1]]], np.float32),
        f"{out.id}/bias": scale * np.array([and_[2]], np.float32),
    }
    return p
