"""Issue 15 problems 3 and 6: every bomb of benchmarks/hostile_loads.py is refused with one
clear error in at most 100 MB (tracemalloc), and an honest CSV reads in ~4x its float32 size."""

import importlib.util
import time
import tracemalloc
from pathlib import Path

import pytest

from nnstudio.data import DataError
from nnstudio.project import ProjectError

_spec = importlib.util.spec_from_file_location(
    "hostile_loads", Path(__file__).parents[1] / "benchmarks" / "hostile_loads.py"
)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

CLAIM = 64 * 2**20  # what each bomb claims to unpack to (the benchmark uses 256 MB, --big GBs)
WORDS = {
    "project.json, packed size padded": "zip bomb",
    "project.json, declared size a lie": "damaged",
    "weights.npz, 10,000 entries of 1 MiB": "zip bomb",
    "weights array declaring GBs": "zip bomb",
    "history.npz of zeros": "zip bomb",
    "NPZ header declaring 10^12 values": "declares 1,000,000,000,000 values",
    "NPZ of zeros (deflated)": "decompression bomb",
    "IDX gzip of zeros": "decompression bomb",
}


@pytest.mark.parametrize("name", list(bench.BOMBS))
def test_bomb_is_refused_in_little_memory(name, tmp_path):
    builder, loader, claim = bench.BOMBS[name]
    path = builder(tmp_path, min(claim, CLAIM) if claim else None)
    error = ProjectError if loader is bench._load_project else DataError
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(error, match=WORDS[name]) as info:
            loader(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= bench.BAR, f"{name}: {peak / 2**20:.1f} MB"
    assert time.perf_counter() - start < 10
    assert "\n" not in str(info.value) and len(str(info.value)) <= 1000


def test_csv_reads_in_about_four_times_its_float32_size(tmp_path):
    """Before: the whole text, a list of lists of str and a float64 copy (~35x, 133 MB for 4 MB)."""
    builder, loader, claim = bench.HONEST["CSV, 4 MB of float32 data"]
    path = builder(tmp_path, 2**19)
    warm = tmp_path / "warm.csv"  # codecs and csv set up once, outside the measurement
    warm.write_text("a,b\n1,2.5\n3,4.5\n5,6.5\n")
    loader(warm)
    tracemalloc.start()
    try:
        data = loader(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    float32 = (data.x_train.nbytes + data.x_test.nbytes) * 10 / 9  # features + target
    assert data.x_train.shape[1] == 9
    assert peak <= 4 * float32 + 2**21, f"{peak / float32:.1f}x"  # + ~1 MB of row blocks


def test_memory_error_while_loading_becomes_a_project_error(tmp_path, monkeypatch):
    from nnstudio.project import examples, fileformat, load, save

    path = tmp_path / "x.nnproj"
    save(examples.load("xor"), path)

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(fileformat, "read_entry", no_memory)
    with pytest.raises(ProjectError, match="not enough memory"):
        load(path)
