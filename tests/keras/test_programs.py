"""Students' Keras programs run on nnstudio.keras with only their import lines changed.

programs/*.py are Keras programs in the styles of the students' notes (tf.keras.models.
Sequential([...]); the 784-512-10 MNIST network with to_categorical and mnist.load_data();
XOR with input_dim=2 and summary(); fit(epochs=1) called in a loop under a tqdm-like wrapper).
Each differs from its Keras original only in the lines marked "was:".

The summaries below were printed by Keras 3.15 (KERAS_BACKEND=torch, /work/kvenv) running the
originals, once, on 2026-12-06; they are Keras's text, copied here, not nnstudio's output.
"""

import contextlib
import io
import runpy
from pathlib import Path

import numpy as np
import pytest

PROGRAMS = Path(__file__).parent / "programs"

TOP = """\
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
"""
MID = "├─────────────────────────────────┼────────────────────────┼───────────────┤\n"
BOTTOM = "└─────────────────────────────────┴────────────────────────┴───────────────┘\n"

KERAS_SUMMARIES = {  # Keras 3.15 on torch, the programs' original import lines
    "animals": 'Model: "sequential"\n'
    + TOP
    + "│ dense (Dense)                   │ (None, 8)              │            40 │\n"
    + MID
    + "│ dense_1 (Dense)                 │ (None, 3)              │            27 │\n"
    + BOTTOM
    + " Total params: 67 (268.00 B)\n"
    " Trainable params: 67 (268.00 B)\n"
    " Non-trainable params: 0 (0.00 B)\n",
    "mnist_784_512_10": 'Model: "sequential"\n'
    + TOP
    + "│ dense (Dense)                   │ (None, 512)            │       401,920 │\n"
    + MID
    + "│ dense_1 (Dense)                 │ (None, 10)             │         5,130 │\n"
    + BOTTOM
    + " Total params: 407,050 (1.55 MB)\n"
    " Trainable params: 407,050 (1.55 MB)\n"
    " Non-trainable params: 0 (0.00 B)\n",
    "xor": 'Model: "sequential"\n'
    + TOP
    + "│ dense (Dense)                   │ (None, 4)              │            12 │\n"
    + MID
    + "│ dense_1 (Dense)                 │ (None, 1)              │             5 │\n"
    + BOTTOM
    + " Total params: 17 (68.00 B)\n"
    " Trainable params: 17 (68.00 B)\n"
    " Non-trainable params: 0 (0.00 B)\n",
    "fit_loop": 'Model: "sequential"\n'
    + TOP
    + "│ dense (Dense)                   │ (None, 16)             │            48 │\n"
    + MID
    + "│ dense_1 (Dense)                 │ (None, 1)              │            17 │\n"
    + BOTTOM
    + " Total params: 65 (260.00 B)\n"
    " Trainable params: 65 (260.00 B)\n"
    " Non-trainable params: 0 (0.00 B)\n",
}


def run_program(name):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(PROGRAMS / f"{name}.py"), run_name="__main__")
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(KERAS_SUMMARIES))
def test_program_only_changes_its_import_lines(name):
    source = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8")
    changed = [line for line in source.splitlines() if "nnstudio" in line]
    assert changed and all(
        line.startswith(("import nnstudio", "from nnstudio")) for line in changed
    ), changed


@pytest.mark.parametrize("name", sorted(KERAS_SUMMARIES))
def test_program_runs_and_prints_keras_summary(name, recwarn):
    text = run_program(name)
    assert text.startswith(KERAS_SUMMARIES[name]), text
    rest = text[len(KERAS_SUMMARIES[name]) :].splitlines()
    if name == "animals":
        assert rest == ["final accuracy 1.0", "prediction 0"]
    elif name == "xor":  # Keras printed the same four lines
        assert rest == ["[0. 1. 1. 0.]", "dense (2, 4) (4,)", "dense_1 (4, 1) (1,)"]
    elif name == "fit_loop":  # Keras: "first True last accuracy 0.985"
        first, last = rest[0].split(" last accuracy ")
        assert first == "first True" and float(last) >= 0.95
    else:
        assert float(rest[0].removeprefix("test_acc: ")) > 0.8


def test_mnist_load_data_is_keras_shaped():
    from nnstudio.keras.datasets import mnist

    with pytest.warns(UserWarning, match="5,000-digit sample") if _only_sample() else _nothing():
        (x_train, y_train), (x_test, y_test) = mnist.load_data()
    assert x_train.dtype == np.uint8 and x_train.shape[1:] == (28, 28)
    assert y_train.dtype == np.uint8 and len(y_train) == len(x_train)
    assert x_test.shape[1:] == (28, 28) and len(x_test) in (1000, 10000)
    assert x_train.max() == 255 and set(np.unique(y_test)) == set(range(10))


def _only_sample():
    from nnstudio.keras.datasets import _files

    return _files._folder("mnist") is None


@contextlib.contextmanager
def _nothing():
    yield


def test_fashion_mnist_without_the_files_says_where_to_put_them(monkeypatch, tmp_path):
    from nnstudio.data import download
    from nnstudio.keras.datasets import _files, fashion_mnist

    monkeypatch.setattr(download, "cache_dir", lambda: tmp_path)
    monkeypatch.setitem(download.SYSTEM_DIRS, "fashion-mnist", [tmp_path / "none"])
    with pytest.raises(_files.DatasetNotAvailable, match="never downloads.*apt-get install"):
        fashion_mnist.load_data()


def test_import_styles():
    import nnstudio
    import nnstudio.keras as keras
    from nnstudio.keras import layers, models

    assert nnstudio.keras is keras and models.Sequential is keras.Sequential
    assert layers.Dense is keras.layers.Dense and keras.Input is layers.Input
    assert keras.utils.to_categorical([0, 2]).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert keras.utils.to_categorical([0, 2]).dtype == np.float32
