"""How fast is one MNIST-sized training epoch in nnstudio.engine, on an idle machine and a busy one?

One epoch of 60,000 x 784 float32 samples (random: speed does not depend on the values),
Dense(512, relu) -> Dense(10, softmax), RMSprop, batch 128, sparse categorical cross-entropy.
Printed as issue 19's table, for two machine states and two thread settings:

  idle  - nothing else started by the benchmark (the load average is printed beside);
  busy  - one competitor the benchmark starts itself: a pure-Python spin loop in its own process;
  default - the engine as it ships (engine/threads.py picks its BLAS threads as it trains; a
            fresh model each round, so its first epoch, exploration included, is what is timed),
            NumPy's matmul floor on all cores, PyTorch with its default thread count;
  1       - everything on one thread (the engine through threads.fixed_threads(1)).

Columns: the engine; the matmul floor - only the epoch's five matrix products per batch in
NumPy (x_b @ W1, h @ W2 forward; h.T @ dz, dz @ W2.T, x_b.T @ dh backward) on the same thread
count: no engine can beat it; PyTorch CPU doing the same epoch (skipped when torch is not
importable - run this script with a Python that has torch to fill the column). Each figure is
the median over --rounds rounds; within a round the contenders take turns in a rotating order.

Bar (issue 19): idle default <= 2.0 x the floor and <= 0.85 x PyTorch; busy default <= 1.15 x the
one-thread engine's time in the same conditions.

    python benchmarks/engine_speed.py [--quick] [--rounds 3] [--samples 60000] [--no-busy]
"""

import argparse
import os
import sys

# The engine chooses its threads; a user's setting would pin it (and cap OpenBLAS's pool), so the
# benchmark runs without one. (Must happen before NumPy loads OpenBLAS.)
_UNSET = [
    v for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS") if v in os.environ
]
for _var in _UNSET:
    del os.environ[_var]
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from nnstudio.engine import (  # noqa: E402
    Dense,
    Input,
    RMSprop,
    Sequential,
    set_random_seed,
    threads,
)

D, H, C, BATCH = 784, 512, 10, 128
SPIN = "while True:\n    pass\n"  # the busy competitor: one core, pure Python


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a third of the epoch, 3 rounds")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per machine state (median)")
    parser.add_argument("--samples", type=int, default=None, help="samples per epoch (60000)")
    parser.add_argument("--no-busy", action="store_true", help="skip the busy-machine rows")
    args = parser.parse_args(argv)
    if args.samples is None:
        args.samples = 20000 if args.quick else 60000
    return args


def make_data(n):
    rng = np.random.default_rng(0)
    return rng.random((n, D), dtype=np.float32), rng.integers(0, C, n)


def make_engine():
    set_random_seed(0)
    model = Sequential([Input((D,)), Dense(H, activation="relu"), Dense(C, activation="softmax")])
    model.compile(optimizer=RMSprop(), loss="sparse_categorical_crossentropy")
    return model


def engine_epoch(x, y, n_threads):
    """Seconds for one epoch of a fresh model: its own thread choice, or n_threads fixed."""
    model = make_engine()
    model.build()
    if n_threads is None:
        start = time.perf_counter()
        model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
        seconds = time.perf_counter() - start
        return seconds, threads.policy_of(model)
    with threads.fixed_threads(n_threads):
        start = time.perf_counter()
        model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
        return time.perf_counter() - start, None


def floor_epoch(x, n_threads):
    """Seconds for the epoch's matrix products alone, on n_threads BLAS threads."""
    rng = np.random.default_rng(1)
    W1 = rng.random((D, H), dtype=np.float32)
    W2 = rng.random((H, C), dtype=np.float32)
    h, dh = np.empty((BATCH, H), np.float32), np.empty((BATCH, H), np.float32)
    z = np.empty((BATCH, C), np.float32)
    dW1, dW2 = np.empty_like(W1), np.empty_like(W2)
    with threads.fixed_threads(n_threads):
        start = time.perf_counter()
        for i in range(0, len(x), BATCH):
            xb = x[i : i + BATCH]
            b = len(xb)
            np.matmul(xb, W1, out=h[:b])
            np.matmul(h[:b], W2, out=z[:b])
            np.matmul(h[:b].T, z[:b], out=dW2)
            np.matmul(z[:b], W2.T, out=dh[:b])
            np.matmul(xb.T, dh[:b], out=dW1)
        return time.perf_counter() - start


class Torch:
    """The same epoch in PyTorch: shuffled batches, forward, cross-entropy, backward, RMSprop."""

    def __init__(self, x, y):
        import torch

        self.torch = torch
        self.default_threads = torch.get_num_threads()
        self.xt, self.yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))
        self.epoch(self.default_threads, warm_up=8)

    def epoch(self, n_threads, warm_up=None):
        torch = self.torch
        torch.set_num_threads(n_threads)
        torch.manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Linear(D, H), torch.nn.ReLU(), torch.nn.Linear(H, C))
        opt = torch.optim.RMSprop(net.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
        loss_fn = torch.nn.CrossEntropyLoss()
        n = len(self.xt) if warm_up is None else warm_up * BATCH
        start = time.perf_counter()
        perm = torch.randperm(n)
        for i in range(0, n, BATCH):
            idx = perm[i : i + BATCH]
            opt.zero_grad(set_to_none=True)
            loss_fn(net(self.xt[idx]), self.yt[idx]).backward()
            opt.step()
        return time.perf_counter() - start


def start_competitor():
    proc = subprocess.Popen([sys.executable, "-c", SPIN])
    time.sleep(0.5)  # spinning before the first timing
    return proc


def run_state(label, args, x, y, torch_runner, cores):
    """Median seconds of every contender in one machine state: {(setting, contender): s}."""
    jobs = [
        (("default", "engine"), lambda: engine_epoch(x, y, None)),
        (("1", "engine"), lambda: engine_epoch(x, y, 1)),
        (("default", "floor"), lambda: (floor_epoch(x, cores), None)),
        (("1", "floor"), lambda: (floor_epoch(x, 1), None)),
    ]
    if torch_runner is not None:
        jobs += [
            (
                ("default", "torch"),
                lambda: (torch_runner.epoch(torch_runner.default_threads), None),
            ),
            (("1", "torch"), lambda: (torch_runner.epoch(1), None)),
        ]
    times = {key: [] for key, _ in jobs}
    policies = []
    load_before = os.getloadavg()
    for r in range(args.rounds):
        turn = jobs[r % len(jobs) :] + jobs[: r % len(jobs)]
        for key, job in turn:
            seconds, policy = job()
            times[key].append(seconds)
            if policy is not None:
                policies.append(policy)
        print(
            f"  {label} round {r + 1}: "
            + "  ".join(f"{k[1]}/{k[0]} {v[-1]:.3f}s" for k, v in times.items()),
            flush=True,
        )
    for p in policies:
        print(f"  {label}: the engine's thread policy after its epoch: {p!r}")
    load = f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after"
    return {k: statistics.median(v) for k, v in times.items()}, load


def main(argv=None):
    args = parse(argv)
    x, y = make_data(args.samples)
    cores = threads.cpu_count()
    engine_epoch(x[: BATCH * 8], y[: BATCH * 8], None)  # warm-up: BLAS threads, page faults
    try:
        torch_runner, torch_note = Torch(x, y), None
    except ImportError as exc:
        torch_runner, torch_note = None, f"torch is not importable ({exc}): PyTorch column skipped"
    steps = -(-args.samples // BATCH)
    print(
        f"numpy {np.__version__}, BLAS {threads.blas_threads()} thread(s) by default, {cores} cores; "
        f"{args.samples} x {D} float32, {D}-{H}-{C}, RMSprop, batch {BATCH} ({steps} steps); "
        f"median of {args.rounds} rounds"
        + (f"; unset {', '.join(_UNSET)} for the run" if _UNSET else "")
    )
    print(
        torch_note
        or f"torch {torch_runner.torch.__version__}, {torch_runner.default_threads} thread(s) by default"
    )
    results, loads = {}, {}
    print("idle (nothing started by the benchmark):", flush=True)
    results["idle"], loads["idle"] = run_state("idle", args, x, y, torch_runner, cores)
    if not args.no_busy:
        print("busy (one pure-Python spin process started by the benchmark):", flush=True)
        proc = start_competitor()
        try:
            results["busy"], loads["busy"] = run_state("busy", args, x, y, torch_runner, cores)
        finally:
            proc.kill()
            proc.wait()

    def s(value):
        return "-" if value is None else f"{value:.2f} s"

    def ratio(a, b):
        return "-" if a is None or b is None else f"{a / b:.2f}"

    print()
    print(
        "| machine | BLAS threads | engine | matmul floor | PyTorch CPU | engine / floor | engine / PyTorch |"
    )
    print("|---|---|---|---|---|---|---|")
    for state, res in results.items():
        machine = "idle" if state == "idle" else "one other busy process"
        for setting in ("default", "1"):
            e, f, t = (res.get((setting, k)) for k in ("engine", "floor", "torch"))
            label = f"default ({cores})" if setting == "default" else "1"
            print(
                f"| {machine} | {label} | {s(e)} | {s(f)} | {s(t)} | {ratio(e, f)} | {ratio(e, t)} |"
            )
    for state, load in loads.items():
        print(f"{state}: {load}")
    print()
    verdicts = []
    idle = results["idle"]
    verdicts.append(
        (
            "idle: default engine / default floor",
            idle[("default", "engine")] / idle[("default", "floor")],
            2.0,
        )
    )
    if ("default", "torch") in idle:
        verdicts.append(
            (
                "idle: default engine / default PyTorch",
                idle[("default", "engine")] / idle[("default", "torch")],
                0.85,
            )
        )
    if "busy" in results:
        busy = results["busy"]
        verdicts.append(
            (
                "busy: default engine / one-thread engine",
                busy[("default", "engine")] / busy[("1", "engine")],
                1.15,
            )
        )
    ok = True
    for name, value, bar in verdicts:
        passed = value <= bar
        ok &= passed
        print(f"{name} = {value:.2f}  (bar <= {bar:.2f}: {'OK' if passed else 'OVER'})")
    if torch_runner is None:
        print("PyTorch bar not checked: torch is not importable")
    print("all bars met" if ok else "some bar not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
