"""Broken and hostile files: each refused with one clear ProjectError, fast, in little memory,
and the file left exactly as it was."""

import hashlib
import io
import pickle
import random
import struct
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

from nnstudio.project import ProjectError, load

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _npy_header(descr: str, shape: tuple, version: int = 1) -> bytes:
    header = repr({"descr": descr, "fortran_order": False, "shape": shape}).encode("latin1")
    pad = 64 - (len(header) + 11) % 64
    header += b" " * pad + b"\n"
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack("<H", len(header)) + header


def _zip_bomb(h, inner: bool) -> bytes:
    """An entry of 16 MB of zeros that packs to about 16 KB."""
    zeros = b"\x00" * (1 << 20)

    def bomb_zip(name):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            with zf.open(name, "w", force_zip64=True) as fh:
                for _ in range(16):
                    fh.write(zeros)
        return buffer.getvalue()

    entries = h.entries_of(h.good_bytes())
    if inner:
        return _replace(h, entries, "weights.npz", bomb_zip("dense/kernel.npy"))
    outer = h.entries_of(bomb_zip("project.json"))
    entries["project.json"] = outer["project.json"]
    return h.zip_of(entries, {"project.json": zipfile.ZIP_DEFLATED})


def _replace(h, entries, name, data):
    entries[name] = data
    return h.zip_of(entries)


def _deep_json(h):
    entries = h.entries_of(h.good_bytes())
    entries["project.json"] = b"[" * 100_000 + b"]" * 100_000
    return h.zip_of(entries)


def _pickled_array(h):
    obj = np.empty(2, dtype=object)
    obj[0], obj[1] = print, "os.system"
    return h.with_weights({"dense/kernel": h.npy_of(obj)})


def _raw_pickle_entry(h):
    return h.with_weights({"dense/kernel": pickle.dumps({"a": 1})})


def _missing(h, name):
    entries = h.entries_of(h.good_bytes())
    del entries[name]
    return h.zip_of(entries)


def _layer(h, **changes):
    return h.with_project_json(lambda c: c["network"]["layers"][0].update(changes))


def _config(h, **changes):
    return h.with_project_json(lambda c: c["network"]["layers"][0]["config"].update(changes))


def _training(h, **changes):
    return h.with_project_json(lambda c: c["training"].update(changes))


def _add_entry(h, name, data=b"x"):
    entries = h.entries_of(h.good_bytes())
    entries[name] = data
    return h.zip_of(entries)


def _duplicate(h):
    buffer = io.BytesIO(h.good_bytes())
    with pytest.warns(UserWarning):
        with zipfile.ZipFile(buffer, "a") as zf:
            zf.writestr("project.json", b"{}")
    return buffer.getvalue()


CORPUS = {
    "zero bytes": (lambda h: b"", "empty"),
    "random bytes": (lambda h: random.Random(7).randbytes(4096), "not an nnstudio project"),
    "renamed PNG": (lambda h: PNG, "PNG image"),
    "a text file": (lambda h: b"hello world\n", "not an nnstudio project"),
    "truncated": (lambda h: h.good_bytes()[: len(h.good_bytes()) // 2], "damaged or cut short"),
    "truncated end": (lambda h: h.good_bytes()[:-10], "damaged or cut short"),
    "newer version": (
        lambda h: h.with_manifest(lambda m: m.update(format_version=99)),
        r"made by a newer nnstudio \(format 99\); this version reads up to 1",
    ),
    "other format": (
        lambda h: h.with_manifest(lambda m: m.update(format="keras")),
        "not an nnstudio project",
    ),
    "version as text": (
        lambda h: h.with_manifest(lambda m: m.update(format_version="1")),
        "format version",
    ),
    "no project.json": (lambda h: _missing(h, "project.json"), "no project.json"),
    "no manifest": (lambda h: _missing(h, "manifest.json"), "no manifest.json"),
    "no weights but optimizer state": (
        lambda h: _missing(h, "weights.npz"),
        "optimizer state but no weights",
    ),
    "not a project zip": (lambda h: h.zip_of({"readme.txt": b"hi"}), "no manifest.json"),
    "project.json a list": (lambda h: h.with_project_json(lambda c: [1, 2, 3]), "not a table"),
    "project.json not json": (
        lambda h: _replace(h, h.entries_of(h.good_bytes()), "project.json", b"{nope"),
        "not valid JSON",
    ),
    "project.json not utf-8": (
        lambda h: _replace(h, h.entries_of(h.good_bytes()), "project.json", b"\xff\xfe{"),
        "not UTF-8",
    ),
    "deep nesting": (_deep_json, "nested too deeply"),
    "training a string": (
        lambda h: h.with_project_json(lambda c: c.update(training="fast")),
        "training settings",
    ),
    "layers not a list": (
        lambda h: h.with_project_json(lambda c: c["network"].update(layers={"a": 1})),
        "layer list",
    ),
    "batch size text": (lambda h: _training(h, batch_size="abc"), "batch size"),
    "history of text": (
        lambda h: h.with_project_json(lambda c: c["history"].update(loss=["x"])),
        "history",
    ),
    "unknown layer type": (lambda h: _layer(h, type="Conv2D"), "Conv2D.*does not know"),
    "layer type os.system": (lambda h: _layer(h, type="os.system"), "os.system.*does not know"),
    "layer type __import__": (lambda h: _layer(h, type="__import__"), "__import__.*does not know"),
    "layer type builtins.eval": (lambda h: _layer(h, type="builtins.eval"), "does not know"),
    "activation os.system": (lambda h: _config(h, activation="os.system"), "activation"),
    "initializer os.system": (
        lambda h: _config(h, kernel_initializer="os.system"),
        "bad setting.*initializer",
    ),
    "unknown layer setting": (lambda h: _config(h, call_me="os.system"), "bad setting"),
    "a thousand and one layers": (
        lambda h: h.with_project_json(
            lambda c: c["network"].update(
                layers=[
                    {"id": f"d{i}", "type": "Dropout", "config": {"rate": 0.1}} for i in range(1001)
                ]
            )
        ),
        "1,001 layers",
    ),
    "absurd units": (lambda h: _config(h, units=10**12), "units"),
    "negative units": (lambda h: _config(h, units=-3), "units"),
    "bad layer id": (lambda h: _layer(h, id="../../etc"), "name"),
    "loss eval": (lambda h: _training(h, loss="eval"), "loss"),
    "optimizer __import__": (
        lambda h: _training(h, optimizer={"class_name": "__import__", "config": {}}),
        "optimizer",
    ),
    "optimizer setting object": (
        lambda h: _training(
            h, optimizer={"class_name": "Adam", "config": {"learning_rate": {"a": 1}}}
        ),
        "optimizer setting",
    ),
    "huge input shape": (
        lambda h: h.with_project_json(lambda c: c["network"].update(input_shape=[10**6, 10**6])),
        "input shape",
    ),
    "pickled object array": (_pickled_array, "only plain numbers"),
    "raw pickle as array": (_raw_pickle_entry, "not a NumPy array"),
    "structured dtype": (
        lambda h: h.with_weights(
            {"dense/kernel": _npy_header("[('a', '<f4')]", (2, 8)) + b"\0" * 64}
        ),
        "damaged header|only plain numbers",
    ),
    "10^11 elements declared": (
        lambda h: h.with_weights(
            {"dense/kernel": _npy_header("<f4", (100_000, 1_000_000)) + b"\0" * 64}
        ),
        "declares 100,000,000,000 values",
    ),
    "header code": (
        lambda h: h.with_weights(
            {
                "dense/kernel": b"\x93NUMPY\x01\x00"
                + struct.pack("<H", 40)
                + b"__import__('os').system('true')      \n"
            }
        ),
        "damaged header",
    ),
    "zip bomb (project.json)": (lambda h: _zip_bomb(h, inner=False), "zip bomb"),
    # refused after reading its first 12 bytes: an array's header is checked before its data
    "zip bomb (inside weights)": (lambda h: _zip_bomb(h, inner=True), "not a NumPy array"),
    "../ entry": (lambda h: _add_entry(h, "../evil.txt"), "points outside"),
    "absolute entry": (lambda h: _add_entry(h, "/etc/passwd"), "points outside"),
    "../ inside weights": (
        lambda h: h.with_weights({"../../x": h.npy_of(np.zeros(2, np.float32))}),
        "points outside",
    ),
    "duplicate entry": (_duplicate, "twice"),
    "weights of wrong shape": (
        lambda h: h.with_weights({"dense/kernel": h.npy_of(np.zeros((3, 8), np.float32))}),
        r"dense/kernel.*\(3, 8\).*\(2, 8\)",
    ),
    "weights of the wrong layer": (
        lambda h: h.with_weights({"dense_9/kernel": h.npy_of(np.zeros((2, 8), np.float32))}),
        "do not belong",
    ),
    "integer weights": (
        lambda h: h.with_weights({"dense/kernel": h.npy_of(np.zeros((2, 8), np.int32))}),
        "decimal numbers",
    ),
    "optimizer state wrong shape": (
        lambda h: h.with_weights(
            {"dense/kernel/m": h.npy_of(np.zeros(5, np.float32))}, entry="optimizer.npz"
        ),
        "optimizer state",
    ),
    "iterations not integer": (
        lambda h: h.with_weights(
            {"iterations": h.npy_of(np.zeros(2, np.float32))}, entry="optimizer.npz"
        ),
        "step count",
    ),
}


@pytest.mark.parametrize("case", list(CORPUS))
def test_hostile_file_is_refused(case, tmp_path, helpers):
    make, message = CORPUS[case]
    path = tmp_path / "hostile.nnproj"
    path.write_bytes(make(helpers))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ProjectError, match=message) as info:
            load(path)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    text = str(info.value)
    assert (
        text.startswith("Could not open hostile.nnproj: ")
        and "\n" not in text
        and text.endswith(".")
    )
    assert len(text) < 400
    assert elapsed < 1.0, f"{case}: took {elapsed:.2f} s"
    assert peak < 100 * 2**20, f"{case}: peak {peak / 2**20:.0f} MB"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_good_file_itself_loads(tmp_path, helpers):
    path = tmp_path / "good.nnproj"
    path.write_bytes(helpers.good_bytes())
    assert load(path).weights["dense/kernel"].shape == (2, 8)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProjectError, match="no such file"):
        load(tmp_path / "nope.nnproj")
    with pytest.raises(ProjectError, match="folder"):
        load(tmp_path)


def test_no_module_is_imported_while_loading(tmp_path, helpers):
    import sys

    path = tmp_path / "os_system.nnproj"
    path.write_bytes(CORPUS["layer type os.system"][0](helpers))
    before = set(sys.modules)
    with pytest.raises(ProjectError):
        load(path)
    assert set(sys.modules) - before == set()
