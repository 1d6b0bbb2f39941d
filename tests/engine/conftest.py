"""Shared fixtures for engine tests: every test starts in float32 with the global seed reset."""

import pytest

from nnstudio.engine import backend


@pytest.fixture(autouse=True)
def _engine_defaults():
    saved = (backend._FLOATX, backend._SEED, backend._RNG)
    backend.set_floatx("float32")
    yield
    backend._FLOATX, backend._SEED, backend._RNG = saved


@pytest.fixture
def float64():
    backend.set_floatx("float64")
    yield
    backend.set_floatx("float32")
