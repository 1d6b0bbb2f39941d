"""Decaying optimizer states never turn subnormal (x86 computes those 10-100x slower); every
value that matters stays exactly what the update rule gives."""

import numpy as np
import pytest

from nnstudio.engine import optimizers

TINY = np.finfo(np.float32).tiny


def _run(opt, steps=250):
    p = {"w": np.zeros(2, np.float32)}
    opt.apply(p, {"w": np.array([1e-15, 1e-3], np.float32)})
    for _ in range(steps):  # unit 0 is dead from here on (gradient exactly 0), unit 1 learns
        opt.apply(p, {"w": np.array([0.0, 1e-3], np.float32)})
    return p["w"], opt.get_state()


@pytest.mark.parametrize(
    "make, steps",
    [  # steps: when the unflushed state is subnormal
        (lambda: optimizers.RMSprop(), 250),
        (lambda: optimizers.RMSprop(momentum=0.5), 250),
        (lambda: optimizers.Adam(), 550),
        (lambda: optimizers.SGD(momentum=0.9), 550),
    ],
)
def test_decaying_states_are_flushed_not_subnormal(monkeypatch, make, steps):
    w, state = _run(make(), steps)
    with monkeypatch.context() as m:
        m.setattr(optimizers.Optimizer, "flush_period", lambda self: 0)
        w_ref, state_ref = _run(make(), steps)
    subnormal_before = [
        k for k, v in state_ref.items() if k != "iterations" and 0 < abs(float(v[0])) < TINY
    ]
    assert subnormal_before, "the reference run should show the problem"
    for key, value in state.items():
        if key == "iterations":
            continue
        assert not (0 < abs(float(value[0])) < TINY), (key, value)
        assert value[1] == state_ref[key][1], key  # a live value: exactly as the rule computes it
    assert w[1] == w_ref[1]
