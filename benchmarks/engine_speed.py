"""How fast is one MNIST-sized training epoch in nnstudio.engine?

One epoch of 60,000 x 784 float32 samples (random: speed does not depend on the values),
Dense(512, relu) -> Dense(10, softmax), RMSprop, batch 128, sparse categorical cross-entropy,
timed against
  floor - the epoch's two large matrix products alone in NumPy (x_b @ W1 forward and
          x_b.T @ dh1 for the kernel gradient, per batch): no engine can beat this;
  torch - PyTorch's CPU build doing the same epoch (skipped when torch is not importable);
  plain - for reference, a plain float32 NumPy loop hand-written for this one network.
The machine may be shared and noisy, so the three take turns every few batches (a "slice")
within each epoch: each ratio is the median over all slices of (engine time / other time)
measured back to back, which cancels load that changes over seconds; the median epoch
times are printed too. Bar: engine <= 1.6 x floor and engine <= 0.95 x torch.

BLAS threads: by default every contender runs single-threaded (OPENBLAS_NUM_THREADS and
torch.set_num_threads), which is what makes the figures stable on a shared machine; pass
--threads N to change that. Run:  python benchmarks/engine_speed.py [--rounds 5] [--threads 1]
"""

import argparse
import os
import sys


def _parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=5, help="interleaved rounds (median is reported)"
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="BLAS / torch threads for every contender"
    )
    parser.add_argument("--samples", type=int, default=60000)
    parser.add_argument(
        "--slice",
        type=int,
        default=20,
        help="batches each contender runs before the next takes over",
    )
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


def engine_steps(model, x, y):
    """One engine epoch as a generator: one item per batch (fit_iter is what fit runs)."""
    for event in model.fit_iter(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True):
        if event[0] == "batch":
            yield


def floor_steps(x, W1, h, dW1):
    """Only x_b @ W1 and x_b.T @ dh1 for every batch (h stands in for dh1)."""
    for i in range(0, N, BATCH):
        xb = x[i : i + BATCH]
        hb = h[: len(xb)]
        np.matmul(xb, W1, out=hb)
        np.matmul(xb.T, hb, out=dW1)
        yield


def plain_steps(x, y):
    """The issue's reference: a plain float32 NumPy loop written for this one network (shuffled
    batches, forward, softmax cross-entropy, backward, RMSprop with Keras's defaults), no engine.
    What an engine could be with no generality at all; printed for comparison, no bar."""
    rng = np.random.default_rng(1)
    W1 = (rng.random((D, H), dtype=np.float32) - 0.5) * 0.1
    W2 = (rng.random((H, C), dtype=np.float32) - 0.5) * 0.1
    params = [W1, np.zeros(H, np.float32), W2, np.zeros(C, np.float32)]
    grads = [np.empty_like(a) for a in params]
    vel = [np.zeros_like(a) for a in params]
    tmp = [(np.empty_like(a), np.empty_like(a)) for a in params]
    xb, h = np.empty((BATCH, D), np.float32), np.empty((BATCH, H), np.float32)
    rho, lr, eps = np.float32(0.9), np.float32(0.001), np.float32(1e-7)
    order = rng.permutation(N)
    for i in range(0, N, BATCH):
        idx = order[i : i + BATCH]
        b = len(idx)
        xv, hv = xb[:b], h[:b]
        np.take(x, idx, axis=0, out=xv, mode="clip")
        t = y[idx]
        np.matmul(xv, W1, out=hv)
        hv += params[1]
        np.maximum(hv, 0, out=hv)
        z = hv @ W2
        z += params[3]
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        z[np.arange(b), t] -= 1
        z /= b
        np.matmul(hv.T, z, out=grads[2])
        np.sum(z, axis=0, out=grads[3])
        dh = z @ W2.T
        dh *= hv > 0
        np.matmul(xv.T, dh, out=grads[0])
        np.sum(dh, axis=0, out=grads[1])
        for p, g, v, (t1, t2) in zip(params, grads, vel, tmp):
            v *= rho
            np.multiply(g, g, out=t1)
            t1 *= 1 - rho
            v += t1
            np.add(v, eps, out=t1)
            np.sqrt(t1, out=t1)
            np.multiply(g, lr, out=t2)
            t2 /= t1
            p -= t2
        yield


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


def torch_steps(bundle, xt, yt):
    """The same epoch in PyTorch: shuffled batches, forward, cross-entropy, backward, RMSprop."""
    torch, net, opt = bundle
    loss_fn = torch.nn.CrossEntropyLoss()
    perm = torch.randperm(N)
    for i in range(0, N, BATCH):
        idx = perm[i : i + BATCH]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
        yield


def run_slice(steps, count):
    """Time `count` batches of a contender; returns seconds."""
    start = time.perf_counter()
    for _ in range(count):
        next(steps, None)
    return time.perf_counter() - start


def main():
    x, y = make_data()
    model = make_engine()
    model.fit(x[: BATCH * 4], y[: BATCH * 4], batch_size=BATCH, verbose=0)  # warm-up: buffers, BLAS
    W1 = model.layers[0].params["kernel"]
    h, dW1 = np.empty((BATCH, H), np.float32), np.empty_like(W1)
    bundle, torch_note = make_torch()
    if bundle is not None:
        torch = bundle[0]
        xt, yt = torch.from_numpy(x), torch.from_numpy(y)
        for _ in zip(range(4), torch_steps(bundle, xt, yt)):  # warm-up
            pass
    steps_per_epoch = -(-N // BATCH)
    print(
        f"numpy {np.__version__}; {ARGS.threads} BLAS thread(s); {N} x {D} float32, batch {BATCH} "
        f"({steps_per_epoch} steps); {ARGS.rounds} rounds, contenders interleaved every {ARGS.slice} batches"
    )
    print(torch_note)
    totals = {"engine": [], "floor": [], "plain": [], "torch": []}
    slice_ratios = {"engine/floor": [], "engine/torch": [], "plain/floor": []}
    for r in range(ARGS.rounds):
        gens = {
            "engine": engine_steps(model, x, y),
            "floor": floor_steps(x, W1, h, dW1),
            "plain": plain_steps(x, y),
        }
        if bundle is not None:
            gens["torch"] = torch_steps(bundle, xt, yt)
        spent = {k: 0.0 for k in gens}
        names = list(gens)
        for n_slice, done in enumerate(range(0, steps_per_epoch, ARGS.slice)):
            count = min(ARGS.slice, steps_per_epoch - done)
            # same moment, same machine load; the order rotates so no contender always follows
            # another (torch's and OpenBLAS's worker threads spin for a while after their work)
            turn = names[n_slice % len(names) :] + names[: n_slice % len(names)]
            t = {k: run_slice(gens[k], count) for k in turn}
            for k in gens:
                spent[k] += t[k]
            slice_ratios["engine/floor"].append(t["engine"] / t["floor"])
            slice_ratios["plain/floor"].append(t["plain"] / t["floor"])
            if "torch" in t:
                slice_ratios["engine/torch"].append(t["engine"] / t["torch"])
        for k in gens:
            next(gens[k], None)  # let fit_iter finish its epoch (callbacks)
            totals[k].append(spent[k])
        print(f"round {r + 1}: " + "  ".join(f"{k} {v:.3f}s" for k, v in spent.items()), flush=True)
    med = {k: statistics.median(v) for k, v in totals.items() if v}
    print("median epoch: " + "  ".join(f"{k} {v:.3f}s" for k, v in med.items()))
    ok = True
    for name, bar in (("engine/floor", 1.6), ("engine/torch", 0.95), ("plain/floor", None)):
        if not slice_ratios[name]:
            continue
        a, b = name.split("/")
        of_medians = med[a] / med[b]
        of_slices = statistics.median(slice_ratios[name])
        if bar is None:
            verdict = "reference, no bar (the issue's plain float32 NumPy loop)"
        else:
            verdict = "OK" if of_slices <= bar else "OVER"
            ok &= verdict == "OK"
            verdict = f"bar <= {bar:.2f}: {verdict}"
        print(
            f"{name} = {of_slices:.2f} (median of {len(slice_ratios[name])} interleaved slices; "
            f"ratio of the median epochs {of_medians:.2f}); {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
