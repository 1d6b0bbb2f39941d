"""Whatever bytes a file holds, the readers answer with data or a DataError, never anything else."""

import gzip
import struct

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.data import DataError, from_csv, from_npz, read_idx

GOOD = bytes([0, 0, 8, 3]) + struct.pack(">3I", 4, 5, 6) + bytes(range(120))
SETTINGS = settings(
    max_examples=50, deadline=1000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _read(path, data, reader):
    path.write_bytes(data)
    try:
        return reader(path)
    except DataError:
        return None


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes(tmp_path, data):
    _read(tmp_path / "f", data, read_idx)


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=4),
    st.booleans(),
    st.integers(0, len(GOOD)),
)
def test_mutated_idx_files(tmp_path, edits, compress, cut):
    data = bytearray(GOOD)
    for i, v in edits:
        data[i] = v
    data = bytes(data[:cut]) if cut < len(GOOD) else bytes(data)
    if compress:
        data = gzip.compress(data)
    out = _read(tmp_path / "f", data, read_idx)
    if out is not None:  # whatever was accepted is exactly what the header declares
        assert (
            out.size * out.itemsize
            == len(gzip.decompress(data) if compress else data) - 4 - 4 * out.ndim
        )


@SETTINGS
@given(st.binary(min_size=10, max_size=200), st.integers(10, 60))
def test_mutated_gzip_streams(tmp_path, junk, at):
    z = bytearray(gzip.compress(GOOD))
    z[at : at + len(junk)] = junk
    _read(tmp_path / "f.gz", bytes(z), read_idx)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("0123456789.,;-\n\t abcNA?e")), max_size=300))
def test_random_csv_text(tmp_path, text):
    p = tmp_path / "t.csv"
    p.write_text(text)
    try:
        ds = from_csv(p)
    except DataError:
        return
    assert np.isfinite(ds.x_train).all() and len(ds.x_train) + len(ds.x_test) >= 1


@SETTINGS
@given(st.binary(max_size=300))
def test_random_npz_bytes(tmp_path, data):
    _read(tmp_path / "f.npz", b"PK\x03\x04" + data, from_npz)
