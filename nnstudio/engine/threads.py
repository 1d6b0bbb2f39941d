"""How many threads the matrix products use while a model trains: chosen per model, adapted as it runs.

NumPy hands every matrix product to its BLAS library (OpenBLAS), which by default splits it
over every core. That pays for large products on an idle machine (an MNIST-sized epoch: 1.14 s
on two threads, 1.82 s on one), but it hurts in two cases:

* small products (XOR, spirals: a few hundred multiply-adds) cost more to hand over to a
  second thread than to compute;
* when anything else keeps a core busy (another program, or the studio's own GUI thread), the
  BLAS helper thread waits for that core while the element-wise work between the products
  (activations, softmax, the optimizer update) waits for the helper: the same epoch took 4.85 s
  on two threads against 1.81 s on one.

So every training step is timed (two clock reads) and a ThreadPolicy picks the next step's
thread count:

    flops per step = 6 x batch x parameters    (2 per multiply-add; the forward product and the
                                                two backward ones, dW and dx, per weight)
    flops <  SMALL_FLOPS  ->  one thread, always;
    flops >= SMALL_FLOPS  ->  start on one thread; after a few steps, and now and then after
                              that, run a few steps on the other setting (one thread or every
                              core this process may use, see leave_cores: a "probe") and keep
                              whichever was faster.

A probe ends after one step when that step was clearly slower. One that keeps the setting at
least doubles the wait before the next (up to MAX_INTERVAL steps), and spaces them so that
probes cost at most PROBE_BUDGET of the time (a step 2.7x slower: 170 steps apart); one that
changes the setting starts the waits again from FIRST_INTERVAL. Steps that become much slower
than usual while on several threads (the machine got busy) bring the next probe forward.
Starting on one thread, the setting that is never far from the best, a busy machine costs one
slow step before the engine knows, and an idle one a few one-thread steps before it takes the
cores.

The thread count is one setting for the whole process (OpenBLAS has one pool of threads). It is
set through threadpoolctl's controller for the loaded BLAS library, whose setter costs ~2 us;
threadpoolctl's `threadpool_limits()` context inspects every loaded library on each use
(~0.5 ms, a fifth of an MNIST step), so it is not used per step. A user's
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS is obeyed: then no policy runs.
"""

from __future__ import annotations

import contextlib
import math
import os
import statistics
import threading
import time
import weakref
from collections import deque

SMALL_FLOPS = 10e6  # flops per training step below which one thread is always faster
_ENV_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

_lock = threading.Lock()
_reserved = 0  # cores left to the process's other threads (leave_cores)
_pinned: list[int] = []  # fixed_threads blocks, innermost last
_libs = None  # threadpoolctl's controllers of the loaded BLAS libraries, found on first use
_current = None  # the thread count this module set last
_policies: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # model -> ThreadPolicy


def cpu_count() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _blas_libs():
    global _libs
    if _libs is None:
        try:
            from threadpoolctl import ThreadpoolController

            _libs = [c for c in ThreadpoolController().lib_controllers if c.user_api == "blas"]
        except Exception:  # no threadpoolctl, or a BLAS it cannot drive: threads stay as they are
            _libs = []
    return _libs


def blas_threads() -> int | None:
    """The BLAS library's current thread count (None when it cannot be read)."""
    libs = _blas_libs()
    return libs[0].get_num_threads() if libs else None


def set_blas_threads(n: int) -> None:
    """Set the BLAS thread count of the whole process."""
    global _current
    for lib in _blas_libs():
        lib.set_num_threads(int(n))
    _current = int(n)


def user_threads() -> int | None:
    """The thread count a user asked for through the environment, or None."""
    for var in _ENV_VARS:
        value = os.environ.get(var, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return None


def max_threads() -> int:
    """The most threads training may use: the cores minus those left to other threads."""
    return max(1, cpu_count() - _reserved)


@contextlib.contextmanager
def leave_cores(n: int = 1):
    """Within the block, training leaves `n` cores to the process's other threads (the studio's
    worker leaves the GUI thread one, so the window keeps responding while a model trains)."""
    global _reserved
    with _lock:
        _reserved += n
    try:
        yield
    finally:
        with _lock:
            _reserved -= n


@contextlib.contextmanager
def fixed_threads(n: int):
    """Within the block the BLAS library uses `n` threads, and training keeps it so (benchmarks,
    tests); the count from before comes back afterwards."""
    previous = _current if _current is not None else blas_threads()
    _pinned.append(int(n))
    set_blas_threads(n)
    try:
        yield
    finally:
        _pinned.pop()
        if previous is not None:
            set_blas_threads(previous)


class ThreadPolicy:
    """Chooses the BLAS thread count for each training step of one model from the measured
    times of its previous steps. Call threads() before a step and record(seconds) after it."""

    FIRST_PROBE = 3  # steps on one thread before the first probe (the first is not timed)
    SETTLE = 1  # steps not timed: the first of a fit (it allocates), the first back after a probe
    PROBE_STEPS = 3  # steps of a probe (just one when it is clearly slower)
    FIRST_INTERVAL = 32  # steps between probes after a change of setting ...
    MAX_INTERVAL = 1024  # ... at least doubling after each probe that kept it, up to this
    PROBE_BUDGET = 0.01  # ... and far enough apart that probes cost at most 1% of the time
    WINDOW = 8  # recent step times per setting that the comparison uses
    MARGIN = 0.05  # the other setting must be this much faster to take over
    CLEARLY_SLOWER = 1.3  # a probe step this much slower ends the probe; recent steps this
    # much slower than at the last decision bring the next probe forward

    def __init__(self, flops: float, cores: int):
        self.flops = float(flops)
        self.cores = int(cores)
        large = self.flops >= SMALL_FLOPS and self.cores > 1
        # one thread first: the setting that is never far from the best (see the module's note)
        self.options = (1, self.cores) if large else (1,)
        self.chosen = 1
        self.probing: int | None = None  # the setting on trial
        self.recent = {n: deque(maxlen=self.WINDOW) for n in self.options}
        self.interval = self.FIRST_INTERVAL
        self.switches = 0
        self.probes = 0
        self._countdown = self.FIRST_PROBE
        self._skip = self.SETTLE  # the first step also allocates the batch buffers
        self._trial: list[float] = []
        self._baseline: float | None = None

    def threads(self) -> int:
        """The thread count for the next step."""
        return self.chosen if self.probing is None else self.probing

    def record(self, seconds: float) -> None:
        """The step just run on threads() took `seconds`; choose the next step's setting."""
        if len(self.options) == 1:
            return
        skipped = self._skip > 0
        if skipped:
            self._skip -= 1
        if self.probing is None:
            recent = self.recent[self.chosen]
            if not skipped:
                recent.append(seconds)
                if (  # (the median only after a slow step: a few us saved per step)
                    self.chosen > 1
                    and self._baseline is not None
                    and seconds > self.CLEARLY_SLOWER * self._baseline
                    and len(recent) == self.WINDOW
                    and statistics.median(recent) > self.CLEARLY_SLOWER * self._baseline
                ):
                    self._countdown = 0  # the machine got busier: see whether one thread is faster
            self._countdown -= 1
            if self._countdown <= 0 and recent:
                self.probing = (
                    self.options[1] if self.chosen == self.options[0] else self.options[0]
                )
                self._trial = []  # timed from its first step: waking a thread costs ~50 us
                self.probes += 1
            return
        if skipped:
            return
        self._trial.append(seconds)
        base = statistics.median(self.recent[self.chosen])
        if len(self._trial) < self.PROBE_STEPS and self._trial[0] <= self.CLEARLY_SLOWER * base:
            return
        trial = statistics.median(self._trial)
        if trial < (1.0 - self.MARGIN) * base:  # the other setting is faster: take it
            self.chosen = self.probing
            self.recent[self.chosen] = deque(self._trial, maxlen=self.WINDOW)
            self.interval = self.FIRST_INTERVAL
            self.switches += 1
            self._baseline = trial
        else:  # keep the setting; a probe that was k times slower cost k - 1 steps
            cost = max(0.0, trial / base - 1.0)
            self.interval = min(
                self.MAX_INTERVAL, max(2 * self.interval, math.ceil(cost / self.PROBE_BUDGET))
            )
            self._skip = self.SETTLE
            self._baseline = base
        self.probing = None
        self._countdown = self.interval

    def __repr__(self):
        return (
            f"<ThreadPolicy {self.flops / 1e6:.1f} MFlop/step: {self.chosen} thread(s) of "
            f"{self.options}, {self.probes} probes, {self.switches} switches>"
        )


def step_flops(model, batch_size: int) -> float:
    """Multiply-add work of one training step: 2 flops x 3 products x batch x parameters."""
    return 6.0 * batch_size * model.count_params()


class TrainingThreads:
    """What fit_iter calls around each step: begin() sets the step's thread count, end() times it,
    release() puts back the thread count training found."""

    def __init__(self, policy: ThreadPolicy | None):
        self.policy = policy
        self._previous = _current if _current is not None else blas_threads()
        self._start = 0.0

    def begin(self) -> None:
        if _pinned:
            n = _pinned[-1]
        elif self.policy is None:
            n = None
        else:
            n = self.policy.threads()
        if n is not None and n != _current:
            set_blas_threads(n)
        self._start = time.perf_counter()

    def end(self) -> None:
        if self.policy is not None and not _pinned:
            self.policy.record(time.perf_counter() - self._start)

    def release(self) -> None:
        if self._previous is not None and _current is not None and _current != self._previous:
            set_blas_threads(self._previous)


def for_training(model, batch_size: int) -> TrainingThreads:
    """The thread control for one fit of `model` (its policy lives as long as the model, so a
    second fit goes on from what the first learned)."""
    if user_threads() is not None or not _blas_libs():
        return TrainingThreads(None)
    flops, cores = step_flops(model, batch_size), max_threads()
    policy = _policies.get(model)
    if policy is None or policy.flops != flops or policy.cores != cores:
        policy = _policies[model] = ThreadPolicy(flops, cores)
    return TrainingThreads(policy)


def policy_of(model) -> ThreadPolicy | None:
    """The policy the model's last fit used (None before its first fit)."""
    return _policies.get(model)
