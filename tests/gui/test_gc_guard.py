"""Cycles are collected on the GUI thread only once a worker thread may run Python code.

The collector otherwise runs in whichever thread allocates past its threshold; freeing a Qt
object on the training thread froze a test run for good (gui/gc_guard.py)."""

import gc
import threading

from nnstudio.gui import gc_guard
from nnstudio.gui.training.controller import TrainingController

from .test_training_controller import xor_doc


def test_training_never_collects_on_the_worker_thread(qtbot):
    threads = []

    def seen(phase, info):
        if phase == "start":
            threads.append(threading.get_ident())

    threshold = gc.get_threshold()
    gc.callbacks.append(seen)
    gc.set_threshold(5)  # with automatic collection on, the worker would collect every few dicts
    try:
        controller = TrainingController(xor_doc(epochs=300))
        with qtbot.waitSignal(controller.finished, timeout=60000):
            controller.train()
        assert not gc.isenabled()
        qtbot.wait(int(1.5 * gc_guard.INTERVAL_MS))  # the guard's timer has looked at the counts
        assert controller.shutdown(2000)
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*threshold)
    assert set(threads) <= {threading.main_thread().ident}


def test_the_guard_collects_what_the_interpreter_would(qapp):
    guard = gc_guard.install()
    assert gc_guard.install() is guard  # one per application
    before = guard.collections
    junk = []
    for _ in range(3 * guard.threshold[0]):
        cycle = {}
        cycle["me"] = cycle  # garbage only the cycle collector frees
        junk.append(cycle)
    del junk, cycle
    guard.check()
    assert guard.collections > before
    assert gc.get_count()[0] < guard.threshold[0]
