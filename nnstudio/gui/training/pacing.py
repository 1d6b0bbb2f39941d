"""Every rate limit and budget on the training path, from the worker to the pixels.

Training (the worker's QThread) and drawing (the GUI thread) share one process, so one GIL and,
on a two-core laptop, the CPU: each millisecond the window spends is taken from training, and
a worker that never lets go freezes the window. These numbers keep both going (event-loop p99
< 50 ms; GUI throughput ≥ 0.85 of headless, ≥ 0.8 with every view open). The story and the
measurements behind them are in GUI.md ("How the GUI stays live while training").

1. The worker (``worker.py``) trains batch after batch. It sends progress, curve points and
   epoch ends at most ``REPORT_HZ`` times a second, and a copy of the weights for the views at
   most ``SNAPSHOT_HZ`` times a second (and only while a view wants them). Before a batch it
   copies the weights for the NaN guard at most every ``NAN_GUARD_INTERVAL_S``.
2. The GIL: the controller's heartbeat timer ticks every ``HEARTBEAT_MS`` on the GUI thread.
   When the worker sees a beat older than ``GUI_STARVED_S`` the GUI thread is waiting for the
   GIL, so the worker sleeps ``GUI_YIELD_S`` after the batch.
3. The curves (``plots/curves.py``) append each point to a buffer; a ``CURVES_TIMER_MS`` timer
   redraws them, and while training no more often than keeps their drawing under
   ``CURVES_DUTY`` of the time. The progress text and bar change every ``PROGRESS_INTERVAL_S``.
4. The views (``views/``) draw from the ModelMirror, which applies the newest snapshot at most
   ``MIRROR_HZ`` times a second. Each view has a RateLimiter: it redraws at most every
   ``VIEW_MIN_INTERVAL_S``, keeps its drawing under ``VIEW_DUTY`` of the time, and yet redraws
   at least every ``VIEW_MAX_INTERVAL_S``. All views together, while training, take at most
   ``SHARED_DUTY`` of the GUI thread (the mirror's limiter), one of them at least every
   ``SHARED_MAX_INTERVAL_S``. The work of one redraw is budgeted in multiply-adds:
   ``TRAINING_BUDGET`` rows of forward pass, ``PROBE_BUDGET`` for the gradient view's probe,
   so a big network gets a smaller batch rather than a frozen window. A caption (accuracy …)
   changes at most every ``CAPTION_INTERVAL_S`` (a new text re-lays out the window).
5. At a slow pace (``pace.py``) the worker mostly waits, so every view may take
   ``PACED_DUTY`` of the GUI thread and redraws on every step.
"""

from __future__ import annotations

# 1. the worker
REPORT_HZ = 10.0  # progress / batchEnd / epochEnd signals per second (at most)
SNAPSHOT_HZ = 10.0  # weight snapshots for the views per second (at most)
NAN_GUARD_INTERVAL_S = 0.05  # a weight copy before a batch at most this often (MNIST: ~3% if
# copied before every batch)

# 2. the GIL
HEARTBEAT_MS = 20  # the GUI thread's heartbeat for the worker
GUI_STARVED_S = 0.05  # a heartbeat older than this: the GUI thread waits for the GIL ...
GUI_YIELD_S = 0.001  # ... so the worker sleeps this long after the batch

# 3. curves and progress
CURVES_TIMER_MS = 50  # the curves' redraw timer
CURVES_DUTY = 0.01  # while training, curves redraw no more often than 100 × their cost
PROGRESS_INTERVAL_S = 0.25  # the progress text and bar change at most this often

# 4. the views
MIRROR_HZ = 10.0  # snapshots applied to the views' mirror per second (at most)
VIEW_MIN_INTERVAL_S = 0.1  # one view: redraws at most this often ...
VIEW_DUTY = 0.125  # ... within this share of the time ...
VIEW_MAX_INTERVAL_S = 1.0  # ... and at least this often
SHARED_DUTY = 0.03  # while training, all views together take at most ~3% of the GUI thread
SHARED_MAX_INTERVAL_S = 5.0  # ... and yet one of them redraws at least every 5 s
TRAINING_BUDGET = 2.5e8  # multiply-adds per redraw while training (~10-20 ms on one core)
PROBE_BUDGET = 1.5e8  # multiply-adds per gradient/dead-unit measurement
CAPTION_INTERVAL_S = 2.0  # seconds between caption changes while training runs

# 5. a slow pace
PACED_DUTY = 0.9  # each view's (and all views') share of the GUI thread while paced
