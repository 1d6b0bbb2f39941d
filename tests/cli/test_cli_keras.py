"""`nnstudio import-keras` and `nnstudio export`, run as a person runs them (a subprocess, no display)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from nnstudio.project import examples, load


def run(*args, cwd=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "nnstudio.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


CODE = textwrap.dedent("""
    import tensorflow as tf
    from tensorflow.keras.layers import Dense, Dropout
    model = tf.keras.Sequential()
    model.add(Dense(16, activation='relu', input_shape=(2,)))
    model.add(tf.keras.layers.BatchNormalization())
    model.add(Dropout(0.1))
    model.add(Dense(1, activation='sigmoid'))
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.02), loss='binary_crossentropy',
                  metrics=['accuracy'])
    model.fit(x, y, epochs=40, batch_size=8)
""")


def test_import_keras_writes_a_project_and_lists_what_was_left_out(tmp_path):
    (tmp_path / "model.py").write_text(CODE)
    r = run("import-keras", "model.py", "out.nnproj", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (
        "Imported 3 layer(s) from model.py into out.nnproj: Dense(16, relu) -> Dropout(0.1) -> Dense(1, sigmoid)"
        in r.stdout
    )
    assert "line 6: BatchNormalization is a Keras layer nnstudio does not have" in r.stderr
    p = load(tmp_path / "out.nnproj")
    assert [s.type for s in p.layers] == ["Dense", "Dropout", "Dense"]
    assert p.training.epochs == 40 and p.training.batch_size == 8
    assert p.training.optimizer == {"class_name": "Adam", "config": {"learning_rate": 0.02}}


def test_import_keras_errors_are_one_line(tmp_path):
    (tmp_path / "typo.py").write_text(
        "from keras.layers import Dense\nmodel.add(Dense(3 activation='relu'))\n"
    )
    r = run("import-keras", "typo.py", "out.nnproj", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith("nnstudio: error: line 2: this is not valid Python")
    assert "Traceback" not in r.stderr and not (tmp_path / "out.nnproj").exists()
    (tmp_path / "empty.py").write_text("print('hello')\n")
    r = run("import-keras", "empty.py", "out.nnproj", cwd=tmp_path)
    assert (
        r.returncode == 1
        and "no Keras model was found" in r.stderr
        and len(r.stderr.splitlines()) == 1
    )
    r = run("import-keras", "missing.py", "out.nnproj", cwd=tmp_path)
    assert r.returncode == 1 and "there is no file missing.py" in r.stderr


def test_import_keras_keeps_an_existing_file(tmp_path):
    (tmp_path / "model.py").write_text(CODE)
    (tmp_path / "out.nnproj").write_text("mine")
    r = run("import-keras", "model.py", "out.nnproj", cwd=tmp_path)
    assert r.returncode == 1 and "already exists" in r.stderr
    assert (tmp_path / "out.nnproj").read_text() == "mine"


def test_export_keras_then_import_gives_the_lesson_back(tmp_path):
    lesson = examples.path("animals")
    r = run("export", lesson, "--to", "keras", "animals_keras.py", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "animals_keras.py").exists() and (tmp_path / "animals_keras.npz").exists()
    r = run("import-keras", "animals_keras.py", "back.nnproj", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""  # nothing left out
    back, original = load(tmp_path / "back.nnproj"), examples.load("animals")
    assert [(s.id, s.config) for s in back.layers] == [(s.id, s.config) for s in original.layers]
    assert back.training == original.training and back.dataset == original.dataset


def test_export_pytorch_and_bad_format(tmp_path):
    r = run("export", examples.path("xor"), "--to", "pytorch", "xor_torch", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "xor_torch.py").exists()  # the suffix is added
    r = run("export", examples.path("xor"), "--to", "tflite", "x", cwd=tmp_path)
    assert r.returncode == 2 and "invalid choice" in r.stderr
    r = run("export", examples.path("xor"), "--to", "onnx", "x.py", cwd=tmp_path)
    assert r.returncode == 1 and "is a .onnx file" in r.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("onnx") is None, reason="onnx is not installed (nnstudio[export])"
)
def test_export_onnx(tmp_path):
    r = run("export", examples.path("xor"), "--to", "onnx", "xor.onnx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "xor.onnx").stat().st_size > 100
