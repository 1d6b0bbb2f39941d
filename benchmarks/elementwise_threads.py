"""Does element-wise work pay on a thread pool? (issue 19, item 2)

    python benchmarks/elementwise_threads.py [--repeat 200]

Measured on the MNIST lesson's shapes (784-512-10, batch 128, RMSprop), in one run:

1. the RMSprop update of all 407,050 parameters: the engine's chunks one after another (what
   `Optimizer.apply` does) against the same chunks on a pool of one thread per core;
2. ReLU and softmax of one batch: whole against row blocks on the pool;
3. one batch's forward + backward products: one BLAS call on all cores against the batch split
   by rows into one block per core, each block on one BLAS thread, on the pool.

Each pooled result is checked against the sequential one: element-wise steps must be bit-identical
(they are the same operations on the same numbers); the row-split products are compared at the
tolerance the thread test states (`tests/engine/test_threads.py`). The last lines say which is
faster, as ratios (pooled / sequential: below 1 pays).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnstudio.engine import optimizers, threads  # noqa: E402

CORES = threads.cpu_count()


def timed(fn, repeat):
    fn()  # warm up (allocations, pool threads)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def rmsprop_case(pool, repeat):
    rng = np.random.default_rng(0)
    n = 784 * 512 + 512 + 512 * 10 + 10
    opt = optimizers.RMSprop()
    chunk = optimizers.UPDATE_CHUNK
    g = rng.standard_normal(n).astype(np.float32) * 1e-2
    start_p = rng.standard_normal(n).astype(np.float32)
    start_v = np.abs(rng.standard_normal(n).astype(np.float32)) * 1e-3
    parts = [slice(s, min(n, s + chunk)) for s in range(0, n, chunk)]

    def updater(pooled):
        """One step's update, in place, on its own copies (allocated here, not timed)."""
        p, v = start_p.copy(), start_v.copy()
        scratch = [(np.empty(chunk, np.float32), np.empty(chunk, np.float32)) for _ in parts]

        def one(i):
            part = parts[i]
            size = part.stop - part.start
            t1, t2 = scratch[i]
            opt.update(p[part], g[part], {"velocity": v[part]}, t1[:size], t2[:size], 1e-3)

        def step():
            if pooled:
                list(pool.map(one, range(len(parts))))
            else:
                for i in range(len(parts)):
                    one(i)
            return p, v

        return step

    a, b = updater(False)(), updater(True)()
    same = all(np.array_equal(x, y) for x, y in zip(a, b))
    seq = timed(updater(False), repeat)
    par = timed(updater(True), repeat)
    return "RMSprop update, 407,050 parameters", seq, par, "bit-identical" if same else "DIFFERENT"


def rowwise_case(name, fn, shape, pool, repeat):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape).astype(np.float32)
    blocks = np.array_split(np.arange(shape[0]), CORES)

    def pooled():
        out = np.empty_like(x)

        def one(rows):
            out[rows[0] : rows[-1] + 1] = fn(x[rows[0] : rows[-1] + 1])

        list(pool.map(one, blocks))
        return out

    same = np.array_equal(fn(x), pooled())
    seq = timed(lambda: fn(x), repeat)
    par = timed(pooled, repeat)
    return name, seq, par, "bit-identical" if same else "DIFFERENT"


def relu(x):
    return np.maximum(x, 0)


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def products_case(pool, repeat):
    """forward x W1, h W2; backward d2 W2^T, h^T d2, x^T d1 for one batch of 128."""
    rng = np.random.default_rng(2)
    x = rng.standard_normal((128, 784)).astype(np.float32)
    w1 = rng.standard_normal((784, 512)).astype(np.float32) * 0.05
    w2 = rng.standard_normal((512, 10)).astype(np.float32) * 0.05
    d2 = rng.standard_normal((128, 10)).astype(np.float32)

    def step(xb, d2b):
        h = np.maximum(xb @ w1, 0)
        _ = h @ w2
        d1 = (d2b @ w2.T) * (h > 0)
        return h.T @ d2b, xb.T @ d1  # weight gradients of this block

    def whole():
        return step(x, d2)

    halves = np.array_split(np.arange(128), CORES)

    def split():
        parts = list(pool.map(lambda r: step(x[r[0] : r[-1] + 1], d2[r[0] : r[-1] + 1]), halves))
        return tuple(sum(p[i] for p in parts) for i in range(2))

    with threads.fixed_threads(CORES):
        seq = timed(whole, repeat)
        reference = whole()
    with threads.fixed_threads(1):
        par = timed(split, repeat)
        got = split()
    err = max(
        float(np.max(np.abs(a - b)) / (np.max(np.abs(a)) or 1)) for a, b in zip(reference, got)
    )
    return (
        f"batch products: {CORES} BLAS threads vs rows split, 1 BLAS thread each",
        seq,
        par,
        f"max relative difference {err:.1e}",
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"numpy {np.__version__}; {CORES} cores; load average {load:.2f}; median of {args.repeat}"
    )
    rows = []
    with ThreadPoolExecutor(max_workers=CORES) as pool:
        with threads.fixed_threads(1):  # element-wise work does not use BLAS
            rows.append(rmsprop_case(pool, args.repeat))
            rows.append(rowwise_case("ReLU, 128 x 512", relu, (128, 512), pool, args.repeat))
            rows.append(rowwise_case("softmax, 128 x 10", softmax, (128, 10), pool, args.repeat))
            rows.append(
                rowwise_case("ReLU, 60000 x 512 (a whole epoch's)", relu, (60000, 512), pool, 20)
            )
        rows.append(products_case(pool, args.repeat))
    print()
    print("| work | sequential | on the pool | pool / sequential | result |")
    print("|---|---|---|---|---|")
    for name, seq, par, check in rows:
        print(f"| {name} | {seq * 1e6:.0f} us | {par * 1e6:.0f} us | {par / seq:.2f} | {check} |")
    print()
    for name, seq, par, _ in rows:
        verdict = "pays" if par < 0.95 * seq else "does not pay"
        print(f"{name}: the pool {verdict} ({par / seq:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
