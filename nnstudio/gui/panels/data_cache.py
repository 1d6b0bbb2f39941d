"""What the data panel has loaded and is loading: data sets kept by (name, parameters) within a
byte budget, so going back to one is instant, and the loads running in worker threads, so
closing the panel can cancel and join them.

``load_spec`` is the one way the panel turns a ``DatasetSpec`` into a ``Dataset``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

import nnstudio.data as data
from nnstudio.gui.panels import data_link
from nnstudio.project.build import load_dataset
from nnstudio.project.schema import DatasetSpec

from .download_dialog import LoadJob

FILE = "file"
CACHE_BYTES = 600 * 1024**2  # loaded data sets kept for instant re-selection (the newest stays)


def spec_key(spec: DatasetSpec) -> tuple:
    """Cache key: the same key means the same arrays."""

    def frozen(d):
        return tuple(sorted((str(k), repr(v)) for k, v in (d or {}).items()))

    if spec.name == FILE:
        return (FILE, str(spec.path), spec.format, frozen(spec.options))
    info = data.DATASETS.get(spec.name)
    params = dict(info.params) if info else {}
    params.update(spec.params or {})
    return (spec.name, frozen(params))


def load_spec(spec: DatasetSpec, progress=None, cancel=None):
    """The Dataset a spec names: the user's data kept inside the open project first, otherwise
    what ``project.build.load_dataset`` loads (DataError if it cannot be had)."""
    kept = data_link.embedded_for(spec) if spec.name == FILE else None
    return kept if kept is not None else load_dataset(spec, progress, cancel)


def download_size(name: str) -> int | None:
    """Bytes a download of ``name`` transfers, if the data module says."""
    try:
        from nnstudio.data import download as dl

        return int(sum(getattr(f, "size", None) or f[2] for f in dl.FILES[name]))
    except (ImportError, KeyError, TypeError, ValueError):
        return None


def dataset_nbytes(ds) -> int:
    return int(sum(getattr(a, "nbytes", 0) for a in (ds.x_train, ds.y_train, ds.x_test, ds.y_test)))


class DatasetCache:
    """Loaded data sets by ``spec_key``, least recently used first; the oldest go when the
    total passes ``limit`` bytes, the one just put never."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.limit = limit
        self._items: OrderedDict[tuple, Any] = OrderedDict()

    def get(self, key: tuple):
        """The data set under ``key`` (now the most recently used), or None."""
        ds = self._items.get(key)
        if ds is not None:
            self._items.move_to_end(key)
        return ds

    def put(self, key: tuple, ds) -> None:
        self._items[key] = ds
        self._items.move_to_end(key)
        total = sum(dataset_nbytes(d) for d in self._items.values())
        for old in list(self._items):
            if total <= self.limit or old == key:
                break
            total -= dataset_nbytes(self._items.pop(old))

    def discard(self, key: tuple) -> None:
        self._items.pop(key, None)

    def __contains__(self, key) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class LoadJobs:
    """The loads (``LoadJob``, each in its own QThread) still running for one panel."""

    def __init__(self):
        self._jobs: set[LoadJob] = set()

    def start(
        self, fn: Callable, parent, loaded: Callable, failed: Callable[[str], None]
    ) -> LoadJob:
        """Run ``fn(progress, cancel)`` off the GUI thread; ``loaded(ds)`` or ``failed(message)``
        follows in the GUI thread (nothing after a cancel)."""
        job = LoadJob(fn, parent)
        self._jobs.add(job)

        def done(ds, j=job):
            self._finish(j)
            loaded(ds)

        def fail(message, j=job):
            self._finish(j)
            failed(message)

        job.loaded.connect(done)
        job.failed.connect(fail)
        job.cancelled.connect(lambda j=job: self._jobs.discard(j))
        job.start()
        return job

    def _finish(self, job: LoadJob) -> None:
        self._jobs.discard(job)
        job.deleteLater()

    def add(self, job: LoadJob) -> None:
        """Follow a job started elsewhere (the download dialog's)."""
        self._jobs.add(job)

    def discard(self, job: LoadJob) -> None:
        self._jobs.discard(job)

    def wait(self) -> None:
        """Cancel every load and join its thread."""
        for job in list(self._jobs):
            job.wait()
        self._jobs.clear()

    def __iter__(self) -> Iterator[LoadJob]:
        return iter(list(self._jobs))

    def __len__(self) -> int:
        return len(self._jobs)
