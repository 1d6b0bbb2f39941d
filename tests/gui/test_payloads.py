"""The training signals' payloads: what a receiver can read off them."""

import numpy as np
import pytest

from nnstudio.gui.training.payloads import BatchReport, EpochReport, Progress, RunStart


def progress(**kw):
    base = dict(
        epoch=0,
        epochs=10,
        initial_epoch=0,
        batch=0,
        steps=4,
        iteration=0,
        eta_s=None,
        samples_per_s=0.0,
        elapsed_s=0.0,
    )
    return Progress(**{**base, **kw})


def test_progress_fraction_counts_only_this_run():
    # a run of epochs 6..10 (initial 5), in epoch 8 with 1 of 4 batches done: 2.25 of 5 epochs
    p = progress(epoch=7, epochs=10, initial_epoch=5, batch=1, steps=4)
    assert p.fraction == pytest.approx(2.25 / 5)
    assert not p.at_end
    assert progress(epoch=9, batch=4).at_end and progress(epoch=9, batch=4).fraction == 1.0


def test_batch_positions_on_the_epoch_axis():
    # the run started at epoch 3, 4 batches an epoch: its batch 6 ends at 3 + 6/4 = 4.5
    r = BatchReport(
        epoch=4,
        batch=2,
        steps=4,
        iteration=6,
        initial_epoch=3,
        logs={"loss": 0.5},
        iterations=[5, 6],
        losses=[0.6, 0.4],
    )
    np.testing.assert_array_equal(r.positions(), [4.25, 4.5])
    assert r.grad_norms is None


def test_payloads_are_frozen():
    start = RunStart(initial_epoch=0, epochs=5, steps=3, iteration=0)
    with pytest.raises(AttributeError):
        start.epochs = 6
    assert EpochReport(epoch=1, logs={}).epochs == []
