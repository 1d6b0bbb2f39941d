#!/usr/bin/env python
"""Keras 3 parity: does nnstudio.engine train exactly like Keras?

Each case builds the same network in nnstudio.engine and in Keras 3 (PyTorch backend),
gives both IDENTICAL initial weights, trains both with shuffle=False, a batch size that
does not divide the data (so the last batch is short), several epochs, and compares:

* the final weights (max |dw|, and max |dw| / max |w| per array),
* the per-epoch training loss and metric (History),
* for some cases validation loss/metric, evaluate() and predict().

Every case runs twice: in float32 (what students use) and in float64. In float64 the two
implementations must agree to ~1e-12: that proves the update rules, loss reductions,
clipping and averaging are the same algorithm, with no round-off to hide behind. In float32
they must agree within float32 round-off. The column "k32~k64" shows how far Keras's own
float32 run drifts from its float64 run: the yardstick for what "round-off" means there.

Run:  KERAS_BACKEND=torch python benchmarks/keras_parity.py [--quick] [--only TEXT]
Exit: 0 all PASS (or Keras/PyTorch not installed: nothing to compare, says so),
      1 some case FAILED, 2 nnstudio.engine not importable.

Reference stack (developer machines only; the project never needs it):
    pip install torch==2.13.0   # the CPU wheel
    pip install keras
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MNIST_DIR = ROOT / "resources" / "datasets" / "mnist-5k"

# --- tolerances ------------------------------------------------------------------------
# float64: the same algorithm must agree to round-off of double precision in the weights
# and predictions. Keras 3.15 reports float64 losses/metrics rounded to float32 (Mean.result()
# goes through ops.divide_no_nan, whose result_type(float64, float64, float) is float32), so
# History/evaluate values can only be compared to float32 rounding: 2**-23 relative.
TOL64_REL = 1e-9
TOL64_LOGS = 2.0**-23
# float32: relative to the size of each weight array / loss value; plus an absolute floor
# of 1e-6 scaled by the array's magnitude (max(1, max|w|)).
TOL32_REL = 1e-5
TOL32_ABS = 1e-6
# accuracy may differ by at most one sample whose output sits on the decision boundary
# within float32 round-off (checked separately; the float64 run must match exactly).


def import_keras():
    """(keras, torch) or (None, reason)."""
    try:
        import torch  # noqa: F401
        import keras
    except Exception as exc:  # ImportError, or Keras failing to load its backend
        return None, f"{type(exc).__name__}: {exc}"
    if keras.backend.backend() != "torch":
        return None, (
            f"Keras is using the {keras.backend.backend()!r} backend; "
            "run with KERAS_BACKEND=torch"
        )
    return keras, None


# --- data --------------------------------------------------------------------------------
def read_idx(path: Path) -> np.ndarray:
    """Read a (gzipped) IDX file: magic 0x0000_08_NN (uint8), big-endian int32 dims."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        raw = fh.read()
    if raw[:2] != b"\x00\x00" or raw[2] != 0x08:
        raise ValueError(f"{path.name}: not an unsigned-byte IDX file")
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != math.prod(dims):
        raise ValueError(f"{path.name}: header says {dims}, found {data.size} bytes")
    return data.reshape(dims)


def make_data(kind: str, n: int = 75, d: int = 4, seed: int = 0):
    """Small deterministic problems: x (n, d) float64; y for the given loss kind."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d))
    if kind == "regression":
        y = np.stack([np.sin(x[:, 0]) + 0.5 * x[:, 1], x[:, 2] * x[:, 3] - 0.3], axis=1)
        return x, y
    if kind == "binary":
        y = ((x[:, 0] + x[:, 1] * x[:, 2] + 0.3 * rng.normal(size=n)) > 0).astype(float)
        return x, y[:, None]
    proj = rng.normal(size=(d, 3))
    labels = np.argmax(x @ proj + 0.5 * rng.normal(size=(n, 3)), axis=1)
    if kind == "sparse":
        return x, labels.astype(np.int64)
    return x, np.eye(3)[labels]  # categorical, one-hot


def init_weights(sizes, seed: int):
    """Glorot-uniform kernels and small NON-zero biases (so the bias path is exercised)."""
    rng = np.random.default_rng(seed)
    out = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        lim = math.sqrt(6.0 / (fan_in + fan_out))
        out.append(rng.uniform(-lim, lim, size=(fan_in, fan_out)))
        out.append(rng.uniform(-0.1, 0.1, size=(fan_out,)))
    return out


# --- one case ----------------------------------------------------------------------------
@dataclass
class Case:
    name: str
    sizes: tuple  # (in, hidden..., out)
    activations: tuple  # one per Dense
    loss: str
    optimizer: object  # "adam" (defaults) or ("Adam", {config})
    x: np.ndarray
    y: np.ndarray
    metrics: list = field(default_factory=list)
    batch_size: int | None = 16
    epochs: int = 5
    validation_split: float = 0.0
    evaluate: bool = False
    seed: int = 1


@dataclass
class Run:
    weights: list
    history: dict
    evaluate: dict | None = None
    predict: np.ndarray | None = None
    seconds: float = 0.0


def run_keras(keras, case: Case, dtype: str) -> Run:
    # floatx alone is not enough: the global dtype policy is cached at first use.
    keras.config.set_floatx(dtype)
    keras.config.set_dtype_policy(dtype)
    try:
        model = keras.Sequential(
            [keras.Input((case.sizes[0],))]
            + [keras.layers.Dense(u, activation=a) for u, a in zip(case.sizes[1:], case.activations)]
        )
        model.set_weights([w.astype(dtype) for w in init_weights(case.sizes, case.seed)])
        if isinstance(case.optimizer, str):
            opt = case.optimizer
        else:
            cls, cfg = case.optimizer
            opt = getattr(keras.optimizers, cls)(**cfg)
        model.compile(optimizer=opt, loss=case.loss, metrics=list(case.metrics) or None)
        x, y = _cast(case, dtype)
        t0 = time.perf_counter()
        hist = model.fit(
            x, y, batch_size=case.batch_size, epochs=case.epochs, verbose=0, shuffle=False,
            validation_split=case.validation_split,
        )
        secs = time.perf_counter() - t0
        ev = pred = None
        if case.evaluate:
            ev = model.evaluate(x, y, batch_size=case.batch_size, verbose=0, return_dict=True)
            pred = np.asarray(model.predict(x, batch_size=case.batch_size, verbose=0))
        if model.get_weights()[0].dtype != np.dtype(dtype):
            raise RuntimeError(f"Keras built {model.get_weights()[0].dtype} weights, not {dtype}")
        return Run([np.asarray(w) for w in model.get_weights()],
                   {k: list(map(float, v)) for k, v in hist.history.items()},
                   {k: float(v) for k, v in ev.items()} if ev else None, pred, secs)
    finally:
        keras.config.set_floatx("float32")
        keras.config.set_dtype_policy("float32")


def run_engine(engine, case: Case, dtype: str) -> Run:
    from nnstudio.engine import layers, optimizers

    engine.set_floatx(dtype)
    try:
        model = engine.Sequential(
            [layers.Input((case.sizes[0],))]
            + [layers.Dense(u, activation=a) for u, a in zip(case.sizes[1:], case.activations)]
        )
        model.set_weights([w.astype(dtype) for w in init_weights(case.sizes, case.seed)])
        if isinstance(case.optimizer, str):
            opt = case.optimizer
        else:
            cls, cfg = case.optimizer
            opt = optimizers.get({"class_name": cls, "config": dict(cfg)})
        model.compile(optimizer=opt, loss=case.loss, metrics=list(case.metrics) or None)
        x, y = _cast(case, dtype)
        t0 = time.perf_counter()
        hist = model.fit(
            x, y, batch_size=case.batch_size, epochs=case.epochs, verbose=0, shuffle=False,
            validation_split=case.validation_split,
        )
        secs = time.perf_counter() - t0
        ev = pred = None
        if case.evaluate:
            ev = model.evaluate(x, y, batch_size=case.batch_size, verbose=0, return_dict=True)
            pred = np.asarray(model.predict(x, batch_size=case.batch_size, verbose=0))
        return Run([np.asarray(w) for w in model.get_weights()],
                   {k: list(map(float, v)) for k, v in hist.history.items()},
                   {k: float(v) for k, v in ev.items()} if ev else None, pred, secs)
    finally:
        engine.set_floatx("float32")


def _cast(case: Case, dtype: str):
    y = case.y if case.y.dtype.kind in "iu" else case.y.astype(dtype)
    return case.x.astype(dtype), y


# --- comparison --------------------------------------------------------------------------
@dataclass
class Diff:
    w_abs: float = 0.0  # max |dw|
    w_rel: float = 0.0  # max over arrays of max|dw| / max|w|
    w_scaled: float = 0.0  # max over arrays of max|dw| / max(1, max|w|)
    loss_abs: float = 0.0  # max over epochs and loss-like keys of |d|
    loss_rel: float = 0.0
    metric_abs: float = 0.0  # max |d accuracy| (or other metric) over epochs
    extra_rel: float = 0.0  # evaluate() relative difference
    pred_rel: float = 0.0  # predict(): max|dp| / max|p|
    problems: list = field(default_factory=list)


def _rel(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), 1e-12)


def compare(mine: Run, ref: Run) -> Diff:
    d = Diff()
    if len(mine.weights) != len(ref.weights):
        d.problems.append(f"{len(mine.weights)} weight arrays vs {len(ref.weights)}")
        return d
    for a, b in zip(mine.weights, ref.weights):
        if a.shape != b.shape:
            d.problems.append(f"weight shape {a.shape} vs {b.shape}")
            continue
        diff = float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64))))
        scale = float(np.max(np.abs(b)))
        d.w_abs = max(d.w_abs, diff)
        d.w_rel = max(d.w_rel, diff / max(scale, 1e-12))
        d.w_scaled = max(d.w_scaled, diff / max(scale, 1.0))
    if set(mine.history) != set(ref.history):
        d.problems.append(f"history keys {sorted(mine.history)} vs {sorted(ref.history)}")
    for key in ref.history:
        if key not in mine.history:
            continue
        a, b = mine.history[key], ref.history[key]
        if len(a) != len(b):
            d.problems.append(f"{key}: {len(a)} epochs vs {len(b)}")
            continue
        for va, vb in zip(a, b):
            if _is_accuracy(key):
                d.metric_abs = max(d.metric_abs, abs(va - vb))
            else:
                d.loss_abs = max(d.loss_abs, abs(va - vb))
                d.loss_rel = max(d.loss_rel, _rel(va, vb))
    if ref.evaluate is not None:
        if mine.evaluate is None or set(mine.evaluate) != set(ref.evaluate):
            d.problems.append(f"evaluate keys {mine.evaluate} vs {sorted(ref.evaluate)}")
        else:
            for key, vb in ref.evaluate.items():
                va = mine.evaluate[key]
                if _is_accuracy(key):
                    d.metric_abs = max(d.metric_abs, abs(va - vb))
                else:
                    d.extra_rel = max(d.extra_rel, _rel(va, vb))
        if mine.predict is None or mine.predict.shape != ref.predict.shape:
            d.problems.append("predict() shape differs")
        else:
            diff = float(np.max(np.abs(mine.predict - ref.predict)))
            d.pred_rel = diff / max(float(np.max(np.abs(ref.predict))), 1e-12)
    return d


def _is_accuracy(key: str) -> bool:
    return "acc" in key


def verdict(d64: Diff, d32: Diff, n_samples: int) -> str:
    if d64.problems or d32.problems:
        return "FAIL"
    ok64 = (d64.w_rel <= TOL64_REL and d64.loss_rel <= TOL64_LOGS
            and d64.metric_abs <= TOL64_LOGS and d64.extra_rel <= TOL64_LOGS
            and d64.pred_rel <= TOL64_REL)
    ok32 = (d32.w_scaled <= TOL32_ABS or d32.w_rel <= TOL32_REL) and d32.loss_rel <= TOL32_REL \
        and d32.extra_rel <= TOL32_REL and d32.pred_rel <= TOL32_REL and d32.metric_abs <= 1.0 / n_samples + 1e-9
    if ok64 and ok32:
        return "PASS"
    if ok64:
        return "ROUNDOFF"  # same algorithm; float32 drift beyond the stated tolerance
    return "FAIL"


# --- the cases ---------------------------------------------------------------------------
OPTIMIZERS = [
    ("SGD", ("SGD", {"learning_rate": 0.1})),
    ("SGD momentum", ("SGD", {"learning_rate": 0.05, "momentum": 0.9})),
    ("SGD nesterov", ("SGD", {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True})),
    ("RMSprop", ("RMSprop", {"learning_rate": 0.005})),
    ("RMSprop momentum", ("RMSprop", {"learning_rate": 0.002, "momentum": 0.9})),
    ("Adagrad", ("Adagrad", {"learning_rate": 0.05})),
    ("Adam", ("Adam", {"learning_rate": 0.01})),
    ("Adam clipnorm=0.1", ("Adam", {"learning_rate": 0.01, "clipnorm": 0.1})),
    ("SGD clipnorm=0.1", ("SGD", {"learning_rate": 0.1, "clipnorm": 0.1})),
    ("SGD mom clipvalue=0.02", ("SGD", {"learning_rate": 0.05, "momentum": 0.9, "clipvalue": 0.02})),
    ("RMSprop clipvalue=0.02", ("RMSprop", {"learning_rate": 0.005, "clipvalue": 0.02})),
]

LOSSES = [
    # loss, data kind, hidden activation, output units, output activation, metrics
    ("mse", "regression", "tanh", 2, "linear", ["mae"]),
    ("mae", "regression", "relu", 2, "linear", ["mse"]),
    ("binary_crossentropy", "binary", "tanh", 1, "sigmoid", ["accuracy"]),
    ("categorical_crossentropy", "categorical", "relu", 3, "softmax", ["accuracy"]),
    ("sparse_categorical_crossentropy", "sparse", "tanh", 3, "softmax", ["accuracy"]),
]


def grid_cases(quick: bool):
    cases = []
    opts = OPTIMIZERS[:4] + OPTIMIZERS[6:8] if quick else OPTIMIZERS
    for loss, kind, hidden, k, out_act, metrics in LOSSES:
        x, y = make_data(kind)
        for label, opt in opts:
            cases.append(Case(f"{label} / {loss}", (4, 8, k), (hidden, out_act), loss, opt, x, y,
                              metrics=metrics))
    return cases


def extra_cases(quick: bool):
    cases = []
    # Keras defaults: optimizer named by string, batch_size=None (-> 32; 75 = 32+32+11).
    x, y = make_data("categorical")
    for name in ("sgd", "rmsprop", "adagrad", "adam"):
        cases.append(Case(f"defaults '{name}', batch None / cce", (4, 8, 3), ("relu", "softmax"),
                          "categorical_crossentropy", name, x, y, metrics=["accuracy"],
                          batch_size=None, epochs=8))
    # validation_split: Keras holds out the LAST floor-fraction before any shuffling.
    cases.append(Case("validation_split=0.2 Adam / cce", (4, 8, 3), ("tanh", "softmax"),
                      "categorical_crossentropy", ("Adam", {"learning_rate": 0.01}), x, y,
                      metrics=["accuracy"], validation_split=0.2, evaluate=True))
    xb, yb = make_data("binary")
    cases.append(Case("validation_split=0.3 RMSprop / bce", (4, 8, 1), ("relu", "sigmoid"),
                      "binary_crossentropy", ("RMSprop", {"learning_rate": 0.01}), xb, yb,
                      metrics=["accuracy"], validation_split=0.3, evaluate=True))
    xr, yr = make_data("regression")
    cases.append(Case("evaluate/predict SGD mom / mse", (4, 8, 2), ("tanh", "linear"), "mse",
                      ("SGD", {"learning_rate": 0.05, "momentum": 0.9}), xr, yr, metrics=["mae"],
                      evaluate=True))
    # Deeper net, every hidden activation the registry shares with Keras.
    for act in ("sigmoid", "elu", "softplus", "leaky_relu"):
        cases.append(Case(f"4-8-8-3 {act} Adam / scce", (4, 8, 8, 3), (act, act, "softmax"),
                          "sparse_categorical_crossentropy", ("Adam", {"learning_rate": 0.01}),
                          *make_data("sparse"), metrics=["accuracy"]))
    # The textbook lesson: [fur, wings] -> [other, mammal, bird] (3-minute deep learning ch. 4).
    xf = np.array([[0, 0], [1, 0], [1, 1], [0, 0], [0, 0], [0, 1]], dtype=float)
    yf = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [1, 0, 0], [0, 0, 1]], dtype=float)
    cases.append(Case("fur/wings 2-10-3 Adam(0.01) / cce", (2, 10, 3), ("relu", "softmax"),
                      "categorical_crossentropy", ("Adam", {"learning_rate": 0.01}), xf, yf,
                      metrics=["accuracy"], batch_size=None, epochs=100, evaluate=True))
    # The MNIST-shape model on a slice of mnist-5k.
    if (MNIST_DIR / "train-images-idx3-ubyte.gz").exists():
        n = 600 if quick else 1000
        xm = read_idx(MNIST_DIR / "train-images-idx3-ubyte.gz")[:n].reshape(n, 784) / 255.0
        lm = read_idx(MNIST_DIR / "train-labels-idx1-ubyte.gz")[:n].astype(np.int64)
        cases.append(Case(f"MNIST {n}x784-512-10 RMSprop / cce", (784, 512, 10),
                          ("relu", "softmax"), "categorical_crossentropy", "rmsprop", xm,
                          np.eye(10)[lm], metrics=["accuracy"], batch_size=128, epochs=2,
                          evaluate=True))
    else:
        print(f"note: {MNIST_DIR} missing; MNIST case skipped")
    return cases


# --- main --------------------------------------------------------------------------------
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer optimizers, smaller MNIST slice")
    ap.add_argument("--only", default="", help="run only cases whose name contains this text")
    ap.add_argument("--no-grid", action="store_true", help="skip the optimizer x loss grid")
    args = ap.parse_args(argv)

    keras, why = import_keras()
    if keras is None:
        print("Keras 3 with the PyTorch backend is not importable here, so there is nothing to "
              f"compare against ({why}).\nInstall the reference stack (developer machines only): "
              "pip install torch==2.13.0 && pip install keras; then run with KERAS_BACKEND=torch.")
        return 0
    import torch

    torch.set_num_threads(1)  # deterministic sums; the machine is shared
    try:
        import nnstudio.engine as engine

        engine.Sequential, engine.set_floatx  # noqa: B018 (the contract's entry points)
    except Exception as exc:
        print(f"nnstudio.engine is not importable: {type(exc).__name__}: {exc}")
        return 2

    cases = ([] if args.no_grid else grid_cases(args.quick)) + extra_cases(args.quick)
    if args.only:
        cases = [c for c in cases if args.only.lower() in c.name.lower()]
    print(f"Keras {keras.__version__} (torch {torch.__version__}) vs nnstudio.engine; "
          f"{len(cases)} cases, each in float32 and float64\n")
    print(f"tolerances: float64 weights rel {TOL64_REL:g}, losses/accuracy/evaluate rel "
          f"{TOL64_LOGS:.2g} (Keras rounds float64 logs to float32); float32 max|dw|/max(1,|w|) <= {TOL32_ABS:g} or max|dw|/max|w| <= "
          f"{TOL32_REL:g}, loss rel <= {TOL32_REL:g}, accuracy within one sample\n")
    head = (f"{'case':<50} {'max|dw| f32':>11} {'rel dw f32':>10} {'max|dloss|':>10} "
            f"{'dacc':>6} {'rel dw f64':>10} {'rel dl f64':>10} {'k32~k64':>9}  verdict")
    print(head)
    print("-" * len(head))
    results = []
    for case in cases:
        try:
            k64 = run_keras(keras, case, "float64")
            k32 = run_keras(keras, case, "float32")
            e64 = run_engine(engine, case, "float64")
            e32 = run_engine(engine, case, "float32")
        except Exception as exc:  # report and go on: one broken case must not hide the rest
            print(f"{case.name:<50} ERROR {type(exc).__name__}: {exc}")
            results.append((case, None, None, "ERROR"))
            continue
        d64, d32 = compare(e64, k64), compare(e32, k32)
        floor = compare(k32, k64).w_rel
        v = verdict(d64, d32, len(case.y))
        results.append((case, d64, d32, v))
        print(f"{case.name:<50} {d32.w_abs:>11.2e} {d32.w_rel:>10.2e} {d32.loss_abs:>10.2e} "
              f"{d32.metric_abs:>6.3f} {d64.w_rel:>10.2e} {d64.loss_rel:>10.2e} {floor:>9.2e}  {v}")
        for p in d64.problems + d32.problems:
            print(f"    problem: {p}")
        if v != "PASS":
            print(f"    keras f64 {_fmt_hist(k64.history)}\n    engine f64 {_fmt_hist(e64.history)}")
            if k64.evaluate:
                print(f"    evaluate keras {k64.evaluate} engine {e64.evaluate}")
        sys.stdout.flush()
    n_pass = sum(v == "PASS" for *_, v in results)
    bad = [(c.name, v) for c, *_, v in results if v != "PASS"]
    print(f"\n{n_pass}/{len(results)} PASS")
    for name, v in bad:
        print(f"  {v}: {name}")
    return 0 if not bad else 1


def _fmt_hist(h: dict) -> str:
    return "; ".join(f"{k}=[{', '.join(f'{v:.7g}' for v in vals[:3])}{', ...' if len(vals) > 3 else ''}]"
                     for k, vals in h.items())


if __name__ == "__main__":
    sys.exit(main())
