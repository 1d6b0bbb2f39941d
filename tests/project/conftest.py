"""Shared helpers for the project tests (tests cannot import each other: fixtures live here)."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from nnstudio.project import Project
from nnstudio.project.fileformat import to_bytes


def small_project(trained: bool = True) -> Project:
    """2 -> Dense(8, tanh) -> Dense(1, sigmoid) on XOR, with hand-made weights and Adam state."""
    p = Project(
        title="tiny",
        description={"en": "A tiny test project.", "ko": "작은 시험용 프로젝트."},
        input_shape=(2,),
    )
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    p.training.optimizer = {"class_name": "Adam", "config": {"learning_rate": 0.05}}
    p.training.batch_size = 4
    if trained:
        rng = np.random.default_rng(1)
        p.weights = {
            "dense/kernel": rng.standard_normal((2, 8)).astype(np.float32),
            "dense/bias": rng.standard_normal(8).astype(np.float32),
            "dense_1/kernel": rng.standard_normal((8, 1)).astype(np.float32),
            "dense_1/bias": np.zeros(1, np.float32),
        }
        state = {"iterations": np.array(7, dtype=np.int64)}
        for key, value in p.weights.items():
            state[f"{key}/m"] = rng.standard_normal(value.shape).astype(np.float32)
            state[f"{key}/v"] = rng.random(value.shape).astype(np.float32)
        p.optimizer_state = state
        p.history = {"loss": [0.7, 0.6, 0.5], "accuracy": [0.5, 0.75, 1.0]}
        p.epochs_trained = 3
    return p


def zip_of(entries, methods=None) -> bytes:
    """A zip archive of ``{name: bytes}`` (stored unless ``methods[name]`` says otherwise)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = (methods or {}).get(name, zipfile.ZIP_STORED)
            zf.writestr(info, data)
    return buffer.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def npy_of(array) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=True)
    return buffer.getvalue()


class Helpers:
    small_project = staticmethod(small_project)
    zip_of = staticmethod(zip_of)
    entries_of = staticmethod(entries_of)
    npy_of = staticmethod(npy_of)

    @staticmethod
    def good_bytes(trained: bool = True) -> bytes:
        return to_bytes(small_project(trained), saved_at="2026-01-01T00:00:00+00:00")

    @staticmethod
    def with_project_json(mutate) -> bytes:
        """A valid file whose project.json was changed by ``mutate(content)`` (may return new content)."""
        entries = entries_of(Helpers.good_bytes())
        content = json.loads(entries["project.json"])
        result = mutate(content)
        entries["project.json"] = json.dumps(content if result is None else result).encode()
        return zip_of(entries)

    @staticmethod
    def with_manifest(mutate) -> bytes:
        entries = entries_of(Helpers.good_bytes())
        manifest = json.loads(entries["manifest.json"])
        mutate(manifest)
        entries["manifest.json"] = json.dumps(manifest).encode()
        return zip_of(entries)

    @staticmethod
    def with_weights(arrays: dict[str, bytes], entry: str = "weights.npz") -> bytes:
        """A valid file whose weights.npz holds the raw .npy ``arrays`` (by key)."""
        entries = entries_of(Helpers.good_bytes())
        inner = entries_of(entries[entry])
        for key, raw in arrays.items():
            inner[key + ".npy"] = raw
        entries[entry] = zip_of(inner)
        return zip_of(entries)


@pytest.fixture
def helpers():
    return Helpers
