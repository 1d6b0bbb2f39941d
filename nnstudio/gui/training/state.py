"""The states of a training run, as the controller reports them in ``stateChanged``.

``idle`` -> ``running`` <-> ``paused`` -> ``stopping`` -> ``idle``. The members are strings
(``TrainingState.IDLE == "idle"``), so a signal carries them as plain text and a receiver may
compare either way.
"""

from __future__ import annotations

from enum import Enum


class TrainingState(str, Enum):
    IDLE = "idle"  # no run; the network may be edited
    RUNNING = "running"  # the worker trains batch after batch
    PAUSED = "paused"  # the worker waits between two batches (weights can be captured)
    STOPPING = "stopping"  # stop asked; the worker finishes its batch and the thread joins

    def __str__(self) -> str:
        return self.value
