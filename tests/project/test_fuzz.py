"""Whatever the bytes or the JSON, loading ends in a project or a ProjectError -- nothing else."""

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.project import Project, ProjectError
from nnstudio.project.fileformat import from_bytes, to_bytes

GOOD = None


def _good() -> bytes:
    global GOOD
    if GOOD is None:
        p = Project(title="fuzz", input_shape=(2,))
        p.add_layer("Dense", units=3, activation="relu")
        p.add_layer("Dense", units=1, activation="sigmoid")
        GOOD = to_bytes(p, saved_at="x")
    return GOOD


def _load_or_refuse(data: bytes) -> None:
    try:
        from_bytes(data, "fuzz.nnproj")
    except ProjectError as exc:
        text = str(exc)
        assert text.startswith("Could not open fuzz.nnproj: ") and "\n" not in text


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.data())
def test_flipped_bytes(data):
    raw = bytearray(_good())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    _load_or_refuse(bytes(raw))


@FAST
@given(st.integers(0, 4000))
def test_cut_anywhere(length):
    _load_or_refuse(_good()[:length])


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
PLACES = [
    ("title",),
    ("description",),
    ("network",),
    ("network", "input_shape"),
    ("network", "layers"),
    ("network", "layers", 0),
    ("network", "layers", 0, "config"),
    ("network", "layers", 0, "config", "units"),
    ("network", "layers", 0, "config", "activation"),
    ("network", "layers", 0, "position"),
    ("network", "layers", 0, "type"),
    ("network", "layers", 0, "id"),
    ("dataset",),
    ("dataset", "params"),
    ("dataset", "path"),
    ("training",),
    ("training", "optimizer"),
    ("training", "optimizer", "config"),
    ("training", "metrics"),
    ("training", "batch_size"),
    ("training", "validation_split"),
    ("history",),
    ("epochs_trained",),
]


@FAST
@given(st.sampled_from(PLACES), JSON)
def test_any_json_value_anywhere(place, value):
    with zipfile.ZipFile(io.BytesIO(_good())) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    content = json.loads(entries["project.json"])
    target = content
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    entries["project.json"] = json.dumps(content).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n, d in entries.items():
            zf.writestr(n, d)
    _load_or_refuse(out.getvalue())
