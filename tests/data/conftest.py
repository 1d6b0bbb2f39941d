import pytest


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every data test gets its own empty download cache (never the user's real one)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("NNSTUDIO_CACHE", str(cache))
    return cache
