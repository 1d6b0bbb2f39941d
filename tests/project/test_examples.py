"""The bundled lessons: committed files are exactly what the builders make, and each teaches."""

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from nnstudio.paths import EXAMPLES as EXAMPLES_DIR
from nnstudio.project import build_dataset, examples, load, prepare_data
from nnstudio.project.fileformat import to_bytes

NAMES = ["xor", "gates", "animals", "spirals", "mnist", "mnist-images", "overfitting"]


def _entries(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(entries.pop("manifest.json"))
    manifest.pop("saved_at")
    manifest.pop("app_version")
    return {"manifest": manifest, **entries}


def test_every_lesson_is_there():
    assert list(examples.EXAMPLES) == NAMES == examples.names()
    assert sorted(p.stem for p in EXAMPLES_DIR.glob("*.nnproj")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_committed_file_is_what_the_builder_makes(name):
    """Regenerate with `python -m nnstudio.project.examples` after changing a builder."""
    committed = (EXAMPLES_DIR / f"{name}.nnproj").read_bytes()
    assert _entries(committed) == _entries(to_bytes(examples.EXAMPLES[name]()))


@pytest.mark.parametrize("name", NAMES)
def test_lesson_loads_untrained_with_both_languages(name):
    p = load(examples.path(name))
    assert p.weights is None and p.history == {} and p.epochs_trained == 0
    assert set(p.description) == {"en", "ko"}
    assert 200 < len(p.description["en"]) < 1500 and 100 < len(p.description["ko"]) < 1000
    assert any("\uac00" <= ch <= "\ud7a3" for ch in p.description["ko"])  # Hangul
    assert p.title == examples.title(name)
    x, _, _, _ = prepare_data(p, build_dataset(p))  # network and data set fit together
    assert x.shape[1:] == p.input_shape


def test_animals_is_the_textbook_network():
    p = examples.EXAMPLES["animals"]()
    first, second = p.layers
    assert (first.config["units"], first.config["activation"]) == (3, "relu")
    assert (first.config["kernel_initializer"], first.config["bias_initializer"]) == (
        "random_uniform",
        "zeros",
    )
    assert (second.config["units"], second.config["activation"]) == (3, "softmax")
    assert (
        p.training.optimizer["class_name"] == "SGD"
        and p.training.loss == "categorical_crossentropy"
    )


def test_mnist_is_the_textbook_network():
    p = examples.EXAMPLES["mnist"]()
    assert p.input_shape == (784,) and [s.config["units"] for s in p.layers] == [512, 10]
    assert p.training.optimizer["class_name"] == "RMSprop"
    assert (p.training.batch_size, p.training.epochs, p.dataset.name) == (128, 5, "mnist-5k")


def _train(p):
    model = p.model
    x, y, xt, yt = prepare_data(p, build_dataset(p))
    history = model.fit(
        x,
        y,
        batch_size=p.training.batch_size,
        epochs=p.training.epochs,
        verbose=0,
        validation_split=p.training.validation_split,
    )
    return history.history, model.evaluate(xt, yt, verbose=0, return_dict=True)


@pytest.mark.parametrize(
    "name, test_accuracy", [("xor", 1.0), ("gates", 1.0), ("animals", 1.0), ("spirals", 0.9)]
)
def test_lesson_trains_well_with_its_settings(name, test_accuracy):
    history, result = _train(examples.load(name))
    assert result["accuracy"] >= test_accuracy
    assert history["loss"][-1] < history["loss"][0] / 3


def test_xor_single_unit_trap():
    """What the XOR lesson promises: one sigmoid unit never passes 75% and ends at loss ln 2."""
    p = examples.load("xor")
    del p.layers[0]
    p.training.epochs = 300
    history, _ = _train(p)
    assert max(history["accuracy"]) <= 0.75
    assert history["loss"][-1] == pytest.approx(0.6931, abs=0.01)


_MNIST = """
import json, sys
from nnstudio.project import build_dataset, examples, prepare_data
p = examples.load(sys.argv[1])
x, y, xt, yt = prepare_data(p, build_dataset(p))
h = p.model.fit(x, y, batch_size=p.training.batch_size, epochs=p.training.epochs, verbose=0,
                validation_split=p.training.validation_split)
print(json.dumps({"history": h.history, "test": p.model.evaluate(xt, yt, verbose=0, return_dict=True)}))
"""


def test_mnist_images_is_the_tensorflow_quickstart():
    p = examples.EXAMPLES["mnist-images"]()
    assert p.input_shape == (28, 28) and [s.type for s in p.layers] == ["Flatten", "Dense", "Dense"]
    assert [s.config.get("units") for s in p.layers] == [None, 128, 10]
    assert p.model.count_params() == 101_770  # the quickstart's model.summary()
    ds = build_dataset(p)
    assert ds.x_train.shape[1:] == (28, 28) and ds.image_shape == (28, 28)


@pytest.mark.parametrize("name, accuracy", [("mnist", 0.85), ("mnist-images", 0.90)])
def test_mnist_lessons_reach_about_nine_in_ten(name, accuracy):
    # a child with single-threaded BLAS: on a busy machine, threads fighting for cores make it 5x slower
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    out = subprocess.run(
        [sys.executable, "-c", _MNIST, name], capture_output=True, text=True, env=env, check=True
    )
    result = json.loads(out.stdout.splitlines()[-1])
    history = result["history"]
    assert (
        result["test"]["accuracy"] >= accuracy
        and len(history["loss"]) == 5
        and len(history["val_accuracy"]) == 5
    )


def test_spirals_without_hidden_layers_gets_about_half():
    p = examples.load("spirals")
    del p.layers[:2]
    history, result = _train(p)
    assert max(history["accuracy"][-10:]) < 0.65 and result["accuracy"] < 0.65
