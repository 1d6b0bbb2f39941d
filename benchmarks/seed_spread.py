#!/usr/bin/env python
"""How well and how steadily the seed lesson learns across seeds (issue 18).

The lesson: Fashion-MNIST (the real 60,000 / 10,000 files), Dense(512, relu) -> Dense(10,
softmax), RMSprop (Keras defaults), sparse categorical cross-entropy, batch 128, 5 epochs;
test accuracy after the last epoch, for every seed. Trainers:

  engine          nnstudio `fit` (orders from engine/shuffle.py: one generator spawned from
                  the seed, drawing a new permutation each epoch)
  plain           a plain NumPy loop (the same maths in float32, written out below), the
                  engine's initial weights, its own orders: default_rng(seed + 1000) drawing
                  successive permutations
  plain/old       the plain loop shuffled as fit used to: default_rng([seed, epoch])
  plain/engine    the plain loop shuffled with the engine's new orders: it must give the
                  engine's accuracy (the arithmetic is the same; the orders decide)

The table ends with the seed-by-seed accuracies, and, for the engine, the test accuracy after
epochs 3, 4 and 5: how far RMSprop still moves from one epoch to the next.

Run:  nice python benchmarks/seed_spread.py [--seeds 0-9] [--trainers engine,plain,...]
      [--out benchmarks/seed_spread_results.txt]
Needs /usr/share/datasets/fashion-mnist (Debian: apt-get install dataset-fashion-mnist) or the
downloaded copy in nnstudio's cache. About 1 minute per run on one free core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matmuls: threads only hand off
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nnstudio.data import load  # noqa: E402
from nnstudio.engine import Dense, RMSprop, Sequential, set_random_seed  # noqa: E402
from nnstudio.engine import callbacks as callbacks_mod  # noqa: E402
from nnstudio.engine.shuffle import EpochOrders  # noqa: E402

EPOCHS, BATCH = 5, 128
KERAS_ROWS = [  # measured in issue 18 on this machine's stack (Keras 3.15), for comparison
    ("Keras 3.15 on TensorFlow 2.21 (issue 18)", 8, 0.8716, 0.0040, 0.8643),
    ("Keras 3.15 on torch 2.13 (issue 18)", 8, 0.8728, 0.0035, 0.8664),
]


def engine_model(seed, input_dim):
    set_random_seed(seed)
    model = Sequential(
        [Dense(512, activation="relu", input_shape=(input_dim,)), Dense(10, activation="softmax")]
    )
    model.compile(optimizer=RMSprop(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


class EpochAccuracy(callbacks_mod.Callback):
    """Test accuracy after every epoch."""

    def __init__(self, x, y):
        super().__init__()
        self.x, self.y, self.values = x, y, []

    def on_epoch_end(self, epoch, logs=None):
        out = self.model.predict(self.x, batch_size=1000, verbose=0)
        self.values.append(float(np.mean(out.argmax(axis=1) == self.y)))


def run_engine(seed, ds):
    model = engine_model(seed, ds.x_train.shape[1])
    per_epoch = EpochAccuracy(ds.x_test, ds.y_test)
    model.fit(
        ds.x_train, ds.y_train, batch_size=BATCH, epochs=EPOCHS, verbose=0, callbacks=[per_epoch]
    )
    return per_epoch.values[-1], per_epoch.values


def plain_loop(seed, ds, orders):
    """The textbook loop, float32, Keras's RMSprop: forward, (softmax - onehot)/batch, backward, update."""
    W1, b1, W2, b2 = engine_model(seed, ds.x_train.shape[1]).get_weights()  # the same start
    params = [W1, b1, W2, b2]
    vel = [np.zeros_like(p) for p in params]
    f32 = np.float32
    x_all, y_all = ds.x_train, ds.y_train
    n = len(x_all)
    for epoch in range(EPOCHS):
        order = orders(epoch)
        for start in range(0, n, BATCH):
            idx = order[start : start + BATCH]
            x, t = x_all[idx], y_all[idx]
            h = np.maximum(x @ W1 + b1, 0)  # forward
            z = h @ W2 + b2
            y = np.exp(z - z.max(axis=1, keepdims=True))
            y /= y.sum(axis=1, keepdims=True)
            dz = y * f32(1.0 / len(x))  # dL/dz = (y - onehot(t)) / batch
            dz[np.arange(len(x)), t] -= f32(1.0 / len(x))
            dW2, db2 = h.T @ dz, dz.sum(axis=0)  # backward
            dh = (dz @ W2.T) * (h > 0)
            dW1, db1 = x.T @ dh, dh.sum(axis=0)
            for p, g, v in zip(params, (dW1, db1, dW2, db2), vel):  # RMSprop update
                v *= f32(0.9)
                v += f32(0.1) * np.square(g)
                p -= g * f32(0.001) / np.sqrt(v + f32(1e-7))
    h = np.maximum(ds.x_test @ W1 + b1, 0)
    return float(np.mean((h @ W2 + b2).argmax(axis=1) == ds.y_test)), None


def orders_for(trainer, seed, n):
    if trainer == "plain":
        rng = np.random.default_rng(seed + 1000)
        return lambda epoch: rng.permutation(n)
    if trainer == "plain/old":
        return lambda epoch: np.random.default_rng([seed, epoch]).permutation(n)
    if trainer == "plain/engine":
        return EpochOrders(seed, n).order
    raise ValueError(trainer)


TRAINERS = ["engine", "plain", "plain/old", "plain/engine"]


def seeds_arg(text):
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=seeds_arg, default=seeds_arg("0-9"))
    ap.add_argument("--trainers", default=",".join(TRAINERS))
    ap.add_argument("--out", default=None, help="also write the report to this file")
    args = ap.parse_args()
    trainers = args.trainers.split(",")
    ds = load("fashion-mnist")
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say(f"load (uptime): {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} at start")
    results, per_epoch = {}, {}
    for trainer in trainers:
        accs = []
        for seed in args.seeds:
            t0 = time.perf_counter()
            if trainer == "engine":
                acc, epochs = run_engine(seed, ds)
                per_epoch[seed] = epochs
            else:
                acc, _ = plain_loop(seed, ds, orders_for(trainer, seed, len(ds.x_train)))
            accs.append(acc)
            print(
                f"  {trainer:13s} seed {seed:2d}: {acc:.4f}  ({time.perf_counter() - t0:.0f} s)",
                flush=True,
            )
        results[trainer] = np.array(accs)
    seeds = args.seeds
    say(
        f"\nSeed lesson, Fashion-MNIST test accuracy after {EPOCHS} epochs, seeds {seeds[0]}-{seeds[-1]}"
    )
    say("| trainer | seeds | mean | std | min |")
    say("|---|---|---|---|---|")
    for name, k, mean, std, lo in KERAS_ROWS:
        say(f"| {name} | {k} | {mean:.4f} | {std:.4f} | {lo:.4f} |")
    for trainer, a in results.items():
        say(f"| {trainer} | {len(a)} | {a.mean():.4f} | {a.std(ddof=1):.4f} | {a.min():.4f} |")
    say("\nPer seed:")
    say("| seed | " + " | ".join(results) + " |")
    say("|---" * (len(results) + 1) + "|")
    for i, seed in enumerate(seeds):
        say(f"| {seed} | " + " | ".join(f"{a[i]:.4f}" for a in results.values()) + " |")
    if "plain/engine" in results and "engine" in results:
        d = np.abs(results["plain/engine"] - results["engine"]).max()
        say(f"\nmax |engine - plain/engine| over seeds: {d:.4f} (same orders -> same accuracies)")
    if per_epoch:
        say("\nEngine test accuracy after epochs 3, 4, 5 (how unsettled RMSprop still is):")
        say("| seed | epoch 3 | epoch 4 | epoch 5 | std of the three |")
        say("|---|---|---|---|---|")
        spreads = []
        for seed, values in per_epoch.items():
            last = np.array(values[-3:])
            spreads.append(last.std(ddof=1))
            say(f"| {seed} | " + " | ".join(f"{v:.4f}" for v in last) + f" | {spreads[-1]:.4f} |")
        say(f"mean epoch-to-epoch std (epochs 3-5): {np.mean(spreads):.4f}")
    say(f"load (uptime): {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} at end")
    if args.out:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
