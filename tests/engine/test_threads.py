"""BLAS threads chosen per model (engine/threads.py): the policy on made-up step times, the hooks
in fit, and the results across thread counts."""

import numpy as np
import pytest

from nnstudio.engine import Dense, Input, RMSprop, Sequential, set_random_seed, threads
from nnstudio.engine.threads import SMALL_FLOPS, ThreadPolicy

MNIST_FLOPS = 6 * 128 * 407_050  # 784-512-10, batch 128


def run(policy, step_time, steps):
    """Drive the policy with step times given by step_time(i, threads); returns the thread count
    of every step and the total time."""
    used, total = [], 0.0
    for i in range(steps):
        n = policy.threads()
        t = step_time(i, n)
        policy.record(t)
        used.append(n)
        total += t
    return used, total


def idle(i, n):
    return 1.0 if n == 2 else 1.6  # the figures: 1.14 s on two threads, 1.82 s on one


def busy(i, n):
    return 2.7 if n == 2 else 1.0  # 4.85 s on two threads, 1.81 s on one


def test_small_steps_use_one_thread_and_never_probe():
    policy = ThreadPolicy(flops=SMALL_FLOPS / 2, cores=8)
    used, _ = run(policy, idle, 1000)
    assert set(used) == {1} and policy.probes == 0


def test_one_core_has_nothing_to_choose():
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=1)
    assert run(policy, idle, 100)[0] == [1] * 100


def test_idle_machine_keeps_every_core_and_probes_rarely():
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=2)
    used, total = run(policy, idle, 469 * 5)  # five MNIST epochs
    # one thread for three steps, a probe of two that is faster: switched for good
    assert used[:6] == [1, 1, 1, 2, 2, 2] and policy.threads() == 2 and policy.switches == 1
    # then one-step probes of one thread, backing off: steps 38, 103, 232, 489, 1002, 2027
    assert policy.probes == 7 and used.count(1) == 3 + 6
    assert total <= 1.01 * len(used)  # the probes cost under 1% of the best possible time


def test_busy_machine_falls_back_to_one_thread_within_a_few_steps():
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=2)
    used, total = run(policy, busy, 469)
    # a probe of two threads at step 3 ends after its one slow step; the next comes 170 steps
    # later, the one after 340 (1.7 steps lost per probe, at most 1% of the time)
    assert used[:5] == [1, 1, 1, 2, 1] and used.count(2) == policy.probes == 2
    assert policy.threads() == 1 and policy.switches == 0
    assert total <= 1.015 * 469  # never much more than one thread throughout


def test_machine_that_gets_busy_is_noticed_before_the_next_planned_probe():
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=2)

    def times(i, n):
        return idle(i, n) if i < 300 else busy(i, n)

    used, _ = run(policy, times, 400)
    assert used[299] == 2
    # the planned probe would come at step 489; a slow window brings it to ~305
    assert used[300:].index(1) <= 8 and used[-1] == 1
    assert used[315:].count(2) <= 1


def test_machine_that_gets_quiet_gets_its_cores_back():
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=2)

    def times(i, n):
        return busy(i, n) if i < 200 else idle(i, n)

    used, _ = run(policy, times, 200 + ThreadPolicy.MAX_INTERVAL + 20)
    assert used[199] == 1 and used[-1] == 2


def test_noisy_step_times_do_not_flip_the_choice():
    rng = np.random.default_rng(0)
    policy = ThreadPolicy(flops=MNIST_FLOPS, cores=2)

    def times(i, n):  # +-20 % noise and an occasional 3x outlier (a paint, a GC pass)
        t = idle(i, n) * rng.uniform(0.8, 1.2)
        return 3 * t if rng.random() < 0.02 else t

    used, _ = run(policy, times, 2000)
    assert used.count(2) / len(used) >= 0.97 and used[-1] == 2


def test_leave_cores_lowers_the_threads_training_may_use(monkeypatch):
    monkeypatch.setattr(threads, "cpu_count", lambda: 4)
    assert threads.max_threads() == 4
    with threads.leave_cores(1):
        assert threads.max_threads() == 3
        with threads.leave_cores(2):
            assert threads.max_threads() == 1
    assert threads.max_threads() == 4
    monkeypatch.setattr(threads, "cpu_count", lambda: 2)
    with threads.leave_cores(1):
        assert ThreadPolicy(MNIST_FLOPS, threads.max_threads()).options == (1,)


class FakeBlas:
    """Stands in for threadpoolctl's OpenBLAS controller: records every change."""

    user_api = "blas"

    def __init__(self, n=2):
        self.n, self.calls = n, []

    def get_num_threads(self):
        return self.n

    def set_num_threads(self, n):
        self.calls.append(n)
        self.n = n


@pytest.fixture
def fake_blas(monkeypatch):
    lib = FakeBlas()
    monkeypatch.setattr(threads, "_libs", [lib])
    monkeypatch.setattr(threads, "_current", None)
    for var in threads._ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    return lib


def mnist_model(hidden=512):
    set_random_seed(0)
    model = Sequential([Input((784,)), Dense(hidden, activation="relu"), Dense(10, "softmax")])
    model.compile(optimizer=RMSprop(), loss="sparse_categorical_crossentropy")
    return model


def test_fit_sets_threads_only_when_they_change_and_puts_them_back(fake_blas, monkeypatch):
    monkeypatch.setattr(threads, "cpu_count", lambda: 2)
    model = mnist_model()
    x, y = np.zeros((128 * 40, 784), np.float32), np.zeros(128 * 40, int)
    model.fit(x, y, batch_size=128, verbose=0)
    policy = threads.policy_of(model)
    assert policy.flops == MNIST_FLOPS and policy.options == (1, 2)
    # 40 steps: a setting per probe and back, never one call per step
    assert 0 < len(fake_blas.calls) <= 2 * policy.probes + 2
    assert fake_blas.n == 2  # what training found
    small = Sequential([Input((2,)), Dense(8, "tanh"), Dense(1, "sigmoid")])
    small.compile(optimizer="adam", loss="binary_crossentropy")
    fake_blas.calls.clear()
    small.fit(np.zeros((64, 2)), np.zeros(64), batch_size=4, verbose=0)
    assert fake_blas.calls == [1, 2]  # one thread for the whole fit, then back


def test_a_users_environment_setting_is_obeyed(fake_blas, monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    model = mnist_model()
    model.fit(np.zeros((256, 784), np.float32), np.zeros(256, int), batch_size=128, verbose=0)
    assert fake_blas.calls == [] and threads.policy_of(model) is None


def test_fixed_threads_pins_training_and_restores(fake_blas):
    model = mnist_model(hidden=64)
    with threads.fixed_threads(1):
        model.fit(np.zeros((512, 784), np.float32), np.zeros(512, int), batch_size=128, verbose=0)
        assert fake_blas.n == 1
    assert fake_blas.calls == [1, 2]


# -- results across thread counts ----------------------------------------------------------
# OpenBLAS may split a product's sum over threads, which changes the float32 rounding of a
# product by a few ulps (measured: 6.7e-6 on x.T @ dh, entries ~100). After an epoch of this
# network (6,000 samples) that was 3.7e-8 in the weights and 1.2e-7 in the softmax outputs;
# Keras 3 on PyTorch, the same network and data (3,000 samples), 1 against 2 torch threads:
# 2.2e-8 and 7.5e-8. Tolerance, about 3x what either shows: 1e-7 weights, 5e-7 predictions.
WEIGHT_TOL, PREDICTION_TOL = 1e-7, 5e-7


def train_on(n_threads, x, y):
    model = mnist_model()
    with threads.fixed_threads(n_threads):
        model.fit(x, y, batch_size=128, verbose=0)
        out = model.predict(x[:1000], batch_size=1000, verbose=0)
    return model.weights_buffer().copy(), out


@pytest.mark.skipif(threads.cpu_count() < 2 or not threads._blas_libs(), reason="needs 2 cores")
def test_one_and_two_threads_agree_within_the_tolerance():
    rng = np.random.default_rng(0)
    x, y = rng.random((3000, 784), dtype=np.float32), rng.integers(0, 10, 3000)
    w1, p1 = train_on(1, x, y)
    w2, p2 = train_on(2, x, y)
    assert np.abs(w1 - w2).max() <= WEIGHT_TOL
    assert np.abs(p1 - p2).max() <= PREDICTION_TOL
    assert np.abs(p1 - p2).max() > 0 or np.array_equal(w1, w2)  # compared real numbers


@pytest.mark.skipif(threads.cpu_count() < 2 or not threads._blas_libs(), reason="needs 2 cores")
def test_element_wise_steps_are_bit_identical_across_thread_counts():
    """Activations, the fused softmax gradient and the optimizer update do not use BLAS: given
    the same inputs they give the same bits whatever the thread count."""
    rng = np.random.default_rng(1)
    z = rng.standard_normal((128, 512)).astype(np.float32)
    grads = rng.standard_normal(407_050).astype(np.float32)
    results = []
    for n in (1, 2):
        with threads.fixed_threads(n):
            model = mnist_model()
            model.build()
            model._flat.grads[...] = grads
            for _ in range(3):
                model.optimizer.apply_flat(model._flat)
            relu = model.layers[0].activation.forward(z.copy())
            soft = model.layers[1].activation.forward(z[:, :10].copy())
            results.append((model._flat.params.copy(), relu, soft))
    for a, b in zip(*results):
        assert np.array_equal(a, b)
