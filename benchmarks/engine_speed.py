"""How fast is one MNIST-sized training epoch in nnstudio.engine?

One epoch of 60,000 x 784 float32 samples (random: speed does not depend on the values),
Dense(512, relu) -> Dense(10, softmax), RMSprop, batch 128, sparse categorical cross-entropy,
timed against
  floor - the epoch's two large matrix products alone in NumPy (x_b @ W1 forward and
          x_b.T @ dh1 for the kernel gradient, per batch): no engine can beat this;
  torch - PyTorch's CPU build doing the same epoch (skipped when torch is not importable).
The machine may be shared and noisy, so the three are run interleaved, several rounds, and
the medians are compared. Bar: engine <= 1.6 x floor and engine <= 0.95 x torch.

BLAS threads: by default every contender runs single-threaded (OPENBLAS_NUM_THREADS and
torch.set_num_threads), which is what makes the figures stable on a shared machine; pass
--threads N to change that. Run:  python benchmarks/engine_speed.py [--rounds 5] [--threads 1]
"""

import argparse
import os
import sys


def _parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median is reported)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS / torch threads for every contender")
    parser.add_argument("--samples", type=int, default=60000)
    return parser.parse_args()


ARGS = _parse()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)  # must happen before NumPy loads BLAS

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from nnstudio.engine import Dense, Input, RMSprop, Sequential, set_random_seed  # noqa: E402

N, D, H, C, BATCH = ARGS.samples, 784, 512, 10, 128


def make_data():
    rng = np.random.default_rng(0)
    return rng.random((N, D), dtype=np.float32), rng.integers(0, C, N)


def make_engine():
    set_random_seed(0)
    model = Sequential([Input((D,)), Dense(H, activation="relu"), Dense(C, activation="softmax")])
    model.compile(optimizer=RMSprop(), loss="sparse_categorical_crossentropy")
    return model


def engine_epoch(model, x, y):
    start = time.perf_counter()
    model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
    return time.perf_counter() - start


def floor_epoch(x, W1, h, dW1):
    """Only x_b @ W1 and x_b.T @ dh1 for every batch (dh1 stands in as h)."""
    start = time.perf_counter()
    for i in range(0, N, BATCH):
        xb = x[i:i + BATCH]
        hb = h[:len(xb)]
        np.matmul(xb, W1, out=hb)
        np.matmul(xb.T, hb, out=dW1)
    return time.perf_counter() - start


def make_torch():
    try:
        import torch
    except ImportError as exc:
        return None, f"torch is not importable ({exc}); PyTorch comparison skipped"
    torch.set_num_threads(ARGS.threads)
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(D, H), torch.nn.ReLU(), torch.nn.Linear(H, C))
    opt = torch.optim.RMSprop(net.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    return (torch, net, opt), f"torch {torch.__version__}, {torch.get_num_threads()} thread(s)"


def torch_epoch(bundle, xt, yt, steps=None):
    torch, net, opt = bundle
    loss_fn = torch.nn.CrossEntropyLoss()
    start = time.perf_counter()
    perm = torch.randperm(N)
    for i in range(0, N if steps is None else steps * BATCH, BATCH):
        idx = perm[i:i + BATCH]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
    return time.perf_counter() - start


def main():
    x, y = make_data()
    model = make_engine()
    model.fit(x[:BATCH * 4], y[:BATCH * 4], batch_size=BATCH, verbose=0)  # warm-up: buffers, BLAS
    W1 = model.layers[0].params["kernel"]
    h, dW1 = np.empty((BATCH, H), np.float32), np.empty_like(W1)
    bundle, torch_note = make_torch()
    if bundle is not None:
        torch = bundle[0]
        xt, yt = torch.from_numpy(x), torch.from_numpy(y)
        torch_epoch(bundle, xt, yt, steps=4)  # warm-up
    print(f"numpy {np.__version__}; {ARGS.threads} BLAS thread(s); {N} x {D} float32, batch {BATCH}; "
          f"{ARGS.rounds} interleaved rounds")
    print(torch_note)
    times = {"engine": [], "floor": [], "torch": []}
    for r in range(ARGS.rounds):
        times["engine"].append(engine_epoch(model, x, y))
        times["floor"].append(floor_epoch(x, W1, h, dW1))
        if bundle is not None:
            times["torch"].append(torch_epoch(bundle, xt, yt))
        row = "  ".join(f"{k} {v[-1]:.3f}s" for k, v in times.items() if v)
        print(f"round {r + 1}: {row}", flush=True)
    med = {k: statistics.median(v) for k, v in times.items() if v}
    print("median: " + "  ".join(f"{k} {v:.3f}s" for k, v in med.items()))
    ratio_floor = med["engine"] / med["floor"]
    print(f"engine / floor = {ratio_floor:.2f}  (bar: <= 1.60) {'OK' if ratio_floor <= 1.6 else 'OVER'}")
    if "torch" in med:
        ratio_torch = med["engine"] / med["torch"]
        print(f"engine / torch = {ratio_torch:.2f}  (bar: <= 0.95) {'OK' if ratio_torch <= 0.95 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
