"""Peak memory of loading hostile files (issue 15): each bomb must be refused in <= 100 MB.

    PYTHONPATH=. python benchmarks/hostile_loads.py          # the table
    PYTHONPATH=. python benchmarks/hostile_loads.py --big    # bombs of 2 GB (slower to build)

Each bomb is built in a temp folder, then loaded under ``tracemalloc``; the table shows its
size on disk, what it claims to unpack to, the peak memory while loading, the time, and the
first words of the error. ``tests/test_hostile_loads.py`` runs the same bombs with smaller
claims and asserts the bar. The builders live here so the tests and the note use one set.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import struct
import sys
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import numpy as np

BAR = 100 * 2**20


def _zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, payload, method, crc, declared size) written by hand (sizes can lie)."""
    out, central = io.BytesIO(), []
    for name, payload, method, crc, size in entries:
        offset = out.tell()
        raw = name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(payload),
                size,
                len(raw),
                0,
            )
        )
        out.write(raw + payload)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(payload),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            )
            + raw
        )
    start = out.tell()
    cd = b"".join(central)
    out.write(cd)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), start, 0)
    )
    return out.getvalue()


def _stored(name: str, data: bytes):
    return (name, data, 0, zlib.crc32(data), len(data))


@functools.lru_cache(maxsize=8)
def _bomb(name: str, size: int, prefix: bytes = b"", pad: int = 0):
    """An entry that unpacks to ``prefix`` + zeros (``size`` bytes in all), padded after the stream."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix)
    crc = zlib.crc32(prefix)
    parts, left, zero = [head], size - len(prefix), bytes(1 << 22)
    while left:
        piece = zero[: min(left, len(zero))]
        parts.append(comp.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(comp.flush())
    payload = b"".join(parts) + bytes(pad)  # padding after the end of the deflate stream
    return (name, payload, 8, crc, size)


def _npy_header(descr: str, shape: tuple) -> bytes:
    header = repr({"descr": descr, "fortran_order": False, "shape": shape}).encode("latin1")
    header += b" " * (64 - (len(header) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header


def _project_entries():
    from nnstudio.project import examples
    from nnstudio.project.fileformat import to_bytes

    p = examples.load("xor")
    p.weights = {k: np.zeros(s, np.float32) for k, s in _shapes(p).items()}
    with zipfile.ZipFile(io.BytesIO(to_bytes(p))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _shapes(p):
    from nnstudio.project.validate import expected_weight_shapes

    return expected_weight_shapes(p)


def _project_with(replace: dict) -> bytes:
    entries = _project_entries()
    rows = []
    for name, data in entries.items():
        rows.append(replace.pop(name) if name in replace else _stored(name, data))
    rows.extend(replace.values())
    return _zip(rows)


# -- the bombs: name -> (builder(dir, claim) -> path, loader(path)) --------------------------------


def project_json_padded(folder: Path, claim: int) -> Path:
    """project.json unpacking to `claim` zeros, its packed size padded so the ratio looks tame."""
    path = folder / "padded.nnproj"
    entry = _bomb("project.json", claim, b"{", pad=claim // 90)
    path.write_bytes(_project_with({"project.json": entry}))
    return path


def project_json_lying(folder: Path, claim: int) -> Path:
    """project.json declaring 1 KB but inflating to `claim` zeros (the bytes are counted)."""
    path = folder / "lying.nnproj"
    name, payload, method, crc, _ = _bomb("project.json", claim, b"{")
    path.write_bytes(_project_with({"project.json": (name, payload, method, crc, 1024)}))
    return path


def weights_many_entries(folder: Path, claim: int) -> Path:
    """weights.npz with 10,000 entries of 1 MiB each (each under the old ratio floor)."""
    _, payload, method, crc, size = _bomb("zeros", 2**20)
    inner = [(f"dense/k{i}.npy", payload, method, crc, size) for i in range(10_000)]
    path = folder / "many.nnproj"
    path.write_bytes(_project_with({"weights.npz": _stored("weights.npz", _zip(inner))}))
    return path


def weights_huge_array(folder: Path, claim: int) -> Path:
    """dense/kernel.npy declaring `claim` bytes of float32 (the network needs 64 bytes)."""
    n = claim // 4
    inner = _zip([_bomb("dense/kernel.npy", claim + 128, _npy_header("<f4", (n,)))])
    path = folder / "huge-array.nnproj"
    path.write_bytes(_project_with({"weights.npz": _stored("weights.npz", inner)}))
    return path


def history_bomb(folder: Path, claim: int) -> Path:
    path = folder / "history.nnproj"
    entry = _bomb("history.npz", claim)
    path.write_bytes(_project_with({"history.npz": entry}))
    return path


def npz_declared_1e12(folder: Path, claim: int) -> Path:
    path = folder / "declared.npz"
    body = {"x_train.npy": _npy_header("<f4", (10**6, 10**6)) + bytes(64)}
    for key in ("y_train", "x_test", "y_test"):
        buf = io.BytesIO()
        np.lib.format.write_array(buf, np.zeros(4, np.float32))
        body[key + ".npy"] = buf.getvalue()
    path.write_bytes(_zip([_stored(k, v) for k, v in body.items()]))
    return path


def npz_zeros(folder: Path, claim: int) -> Path:
    path = folder / "zeros.npz"
    n = claim // 4
    rows = [_bomb("x_train.npy", n * 4 + 128, _npy_header("<f4", (n // 4, 4)))]
    for key in ("y_train", "x_test", "y_test"):
        buf = io.BytesIO()
        np.lib.format.write_array(buf, np.zeros(4, np.float32))
        rows.append(_stored(key + ".npy", buf.getvalue()))
    path.write_bytes(_zip(rows))
    return path


def idx_gzip_zeros(folder: Path, claim: int) -> Path:
    """An MNIST-like folder whose training images are `claim` zeros in a gzip of a few MB."""
    sub = folder / "idx-bomb"
    sub.mkdir(exist_ok=True)
    n = claim // 784
    with gzip.open(sub / "train-images-idx3-ubyte.gz", "wb", compresslevel=9) as fh:
        fh.write(struct.pack(">BBBBIII", 0, 0, 8, 3, n, 28, 28))
        zero = bytes(784 * 4096)
        left = n * 784
        while left:
            piece = zero[: min(left, len(zero))]
            fh.write(piece)
            left -= len(piece)
    return sub / "train-images-idx3-ubyte.gz"


def csv_big(folder: Path, claim: int) -> Path:
    """Not a bomb: an honest CSV whose float32 data is `claim` bytes (peak must stay ~4x)."""
    path = folder / "big.csv"
    rows = max(claim // 40, 10)
    rng = np.random.default_rng(0)
    with open(path, "w") as fh:
        fh.write(",".join(f"f{i}" for i in range(9)) + ",target\n")
        for start in range(0, rows, 10_000):
            block = rng.random((min(10_000, rows - start), 10)).round(4)
            fh.write("\n".join(",".join(map(str, r)) for r in block.tolist()) + "\n")
    return path


def _load_project(path):
    from nnstudio.project import load

    return load(path)


def _load_data(path):
    from nnstudio.data import load_file
    from nnstudio.data.idx import read_idx

    if path.name.endswith(".gz"):
        return read_idx(path)
    return load_file(path)


BOMBS = {
    "project.json, packed size padded": (project_json_padded, _load_project, 2**30),
    "project.json, declared size a lie": (project_json_lying, _load_project, 2**30),
    "weights.npz, 10,000 entries of 1 MiB": (weights_many_entries, _load_project, None),
    "weights array declaring GBs": (weights_huge_array, _load_project, 2**30),
    "history.npz of zeros": (history_bomb, _load_project, 2**30),
    "NPZ header declaring 10^12 values": (npz_declared_1e12, _load_data, None),
    "NPZ of zeros (deflated)": (npz_zeros, _load_data, 2**31),
    "IDX gzip of zeros": (idx_gzip_zeros, _load_data, 2**31),
}
HONEST = {"CSV, 4 MB of float32 data": (csv_big, _load_data, 4 * 2**20)}


def measure(builder, loader, claim, folder: Path) -> dict:
    path = builder(folder, claim)
    size = path.stat().st_size
    start = time.perf_counter()  # timed without tracemalloc (it slows Python code 5-20x)
    try:
        loader(path)
        outcome = "loaded"
    except Exception as exc:  # noqa: BLE001 - the table shows what each bomb got
        outcome = f"{type(exc).__name__}: {str(exc)[:70]}"
    seconds = time.perf_counter() - start
    tracemalloc.start()
    try:
        loader(path)
    except Exception:  # noqa: BLE001 - the same outcome as above
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"size": size, "claim": claim, "peak": peak, "seconds": seconds, "outcome": outcome}


def main(argv=None) -> int:
    big = "--big" in (argv or sys.argv[1:])
    print(f"load: {os.getloadavg()[0]:.2f} (1 min)")
    print(f"{'bomb':<40} {'on disk':>10} {'claims':>10} {'peak':>9} {'time':>7}  outcome")
    worst = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (builder, loader, claim) in {**BOMBS, **HONEST}.items():
            if claim and not big and name in BOMBS:
                claim = min(claim, 2**28)
            row = measure(builder, loader, claim, Path(tmp))
            if name in BOMBS:
                worst = max(worst, row["peak"])
            claims = f"{row['claim'] / 2**20:,.0f} MB" if row["claim"] else "-"
            print(
                f"{name:<40} {row['size'] / 2**10:>7,.0f} KB {claims:>10} "
                f"{row['peak'] / 2**20:>6.1f} MB {row['seconds']:>6.2f}s  {row['outcome']}"
            )
    print(f"worst bomb peak {worst / 2**20:.1f} MB (bar {BAR / 2**20:.0f} MB)")
    return 0 if worst <= BAR else 1


if __name__ == "__main__":
    sys.exit(main())
