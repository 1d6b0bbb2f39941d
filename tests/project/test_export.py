"""Export to Keras / PyTorch scripts and ONNX; import of the Keras script gives the project back.

Keras and PyTorch are never needed here (benchmarks/export_parity.py runs the scripts with them);
onnx and onnxruntime are used where installed, else those tests skip saying why.
"""

from __future__ import annotations

import ast
import builtins
import importlib.util

import numpy as np
import pytest

from nnstudio.project import Project, ProjectError, examples
from nnstudio.project.export import export
from nnstudio.project.export.onnx import IR_VERSION, OPSET
from nnstudio.project.keras_import import import_keras

HAVE_ONNX = importlib.util.find_spec("onnx") is not None
HAVE_ORT = importlib.util.find_spec("onnxruntime") is not None


def trained(name: str, epochs: int = 3) -> Project:
    """A lesson trained a few epochs, so the weights are not the seed's starting ones."""
    from nnstudio.project import capture, prepare_data

    p = examples.load(name)
    ds = p.build_dataset()
    x, y, _, _ = prepare_data(p, ds)
    n = min(len(x), 1000)
    model = p.model
    history = model.fit(x[:n], y[:n], epochs=epochs, batch_size=p.training.batch_size, verbose=0)
    capture(p, model, history)
    return p


def rich_project() -> Project:
    """Every setting the exporters write: dropout, initializers, a regularizer, no bias, SGD with nesterov."""
    p = Project(title="rich", input_shape=(2,))
    p.add_layer(
        "Dense",
        units=6,
        activation="relu",
        kernel_initializer={
            "class_name": "RandomNormal",
            "config": {"mean": 0.0, "stddev": 0.1, "seed": None},
        },
        bias_initializer="ones",
        kernel_regularizer={"class_name": "L2", "config": {"l2": 0.001}},
    )
    p.add_layer("Dropout", rate=0.25, seed=3)
    p.add_layer("Dense", units=4, use_bias=False)
    p.add_layer("Activation", activation="elu")
    p.add_layer("Dense", units=3, activation="softmax", name="answer")
    p.layers[-1].id = "answer"
    p.layers[-1].config.pop("name")
    p.dataset.name, p.dataset.params = "spirals", {"n_samples": 60, "noise": 0.1, "seed": 2}
    p.training.loss = "sparse_categorical_crossentropy"
    p.training.optimizer = {
        "class_name": "SGD",
        "config": {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True, "clipnorm": 1.0},
    }
    p.training.metrics = ["accuracy"]
    p.training.epochs, p.training.batch_size, p.training.validation_split, p.training.seed = (
        7,
        16,
        0.25,
        5,
    )
    from nnstudio.project.build import normalize_layers

    normalize_layers(p)
    return p


def same_network(a: Project, b: Project) -> bool:
    return [(s.id, s.type, s.config) for s in a.layers] == [
        (s.id, s.type, s.config) for s in b.layers
    ]


@pytest.mark.parametrize("name", examples.names())
def test_keras_export_import_round_trip(name, tmp_path):
    p = examples.load(name)
    files = export(p, "keras", tmp_path / f"{name}_keras.py")
    assert [f.name for f in files] == [f"{name}_keras.py", f"{name}_keras.npz"]
    result = import_keras(files[0].read_text(), files[0].name)
    q = result.project
    assert same_network(p, q)
    assert q.training == p.training
    assert q.dataset == p.dataset and q.input_shape == p.input_shape and q.title == p.title
    assert result.notes == []


def test_round_trip_of_every_setting(tmp_path):
    p = rich_project()
    out = export(p, "keras", tmp_path / "rich.py")[0]
    text = out.read_text()
    assert "keras.initializers.RandomNormal(mean=0.0, stddev=0.1, seed=None)" in text
    assert "keras.regularizers.L2(l2=0.001)" in text and "use_bias=False" in text
    result = import_keras(text, "rich.py")
    assert same_network(p, result.project), [str(n) for n in result.notes]
    assert result.project.training == p.training
    assert result.project.dataset == p.dataset


def test_scripts_state_network_data_and_result_and_are_python(tmp_path):
    p = trained("xor", epochs=50)
    for fmt in ("keras", "pytorch"):
        out = export(p, fmt, tmp_path / f"xor_{fmt}.py")[0]
        text = out.read_text()
        ast.parse(text)  # valid Python (not run: no Keras or PyTorch here)
        assert "Network:   input (2,) -> Dense(8, tanh) -> Dense(1, sigmoid)" in text
        assert "Data:      xor, 4 training and 4 test samples" in text
        assert (
            "trained 50 epoch(s) in nnstudio; on the test samples loss" in text
            and "accuracy" in text
        )
    assert "Keras 3.15.1" in (tmp_path / "xor_keras.py").read_text()


def test_weights_npz_holds_the_trained_weights(tmp_path):
    p = trained("animals")
    export(p, "pytorch", tmp_path / "animals_torch.py")
    with np.load(tmp_path / "animals_torch.npz") as saved:
        assert set(saved.files) == set(p.weights)
        for key, value in p.weights.items():
            np.testing.assert_array_equal(saved[key], value)
    text = (tmp_path / "animals_torch.py").read_text()
    assert 'model.dense.weight.copy_(torch.from_numpy(weights["dense/kernel"].T))' in text
    assert "torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.0, nesterov=False)" in text


def test_pytorch_optimizers_follow_keras_settings(tmp_path):
    p = examples.load("mnist")
    text = export(p, "pytorch", tmp_path / "m.py")[0].read_text()
    assert (
        "torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-07, momentum=0.0)"
        in text
    )
    assert "keras.datasets.mnist.load_data()" in text
    p = examples.load("spirals")
    text = export(p, "pytorch", tmp_path / "s.py")[0].read_text()
    assert "torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-07)" in text
    assert "def loss_fn(y, t):" in text and "y.gather(1, t.view(-1, 1))" in text
    text = export(rich_project(), "pytorch", tmp_path / "r.py")[0].read_text()
    assert "nesterov=True" in text and "clip_grad_norm_([p], 1.0)" in text
    assert "penalty = penalty + 0.001 * model.dense.weight.square().sum()" in text
    assert "nn.Linear(6, 4, bias=False)" in text and "nn.Dropout(0.25)" in text


def test_toy_data_is_written_exactly(tmp_path):
    p = examples.load("spirals")
    out = export(p, "keras", tmp_path / "s.py")[0]
    tree = ast.parse(out.read_text())
    values = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in ("X_TRAIN", "Y_TEST")
        ):
            values[node.targets[0].id] = ast.literal_eval(node.value.args[0])
    ds = p.build_dataset()
    np.testing.assert_array_equal(np.array(values["X_TRAIN"], dtype=np.float32), ds.x_train)
    np.testing.assert_array_equal(np.array(values["Y_TEST"]), ds.y_test)


def test_bad_requests_are_clear(tmp_path):
    p = examples.load("xor")
    with pytest.raises(ProjectError, match="no export format 'tflite'"):
        export(p, "tflite", tmp_path / "x.tflite")
    with pytest.raises(ProjectError, match="is a .onnx file"):
        export(p, "onnx", tmp_path / "x.py")
    empty = Project(input_shape=(2,))
    with pytest.raises(ProjectError, match="no layers"):
        export(empty, "keras", tmp_path / "e.py")
    assert not (tmp_path / "e.py").exists()


def test_onnx_missing_is_a_clear_message(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_onnx(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and (name == "onnx" or name.startswith("onnx.")):
            raise ImportError("No module named 'onnx'")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    with pytest.raises(ProjectError, match=r"pip install nnstudio\[export\]"):
        export(examples.load("xor"), "onnx", tmp_path / "x.onnx")
    assert not (tmp_path / "x.onnx").exists()


@pytest.mark.skipif(not HAVE_ONNX, reason="onnx is not installed (pip install nnstudio[export])")
def test_onnx_file_passes_the_checker_with_its_facts(tmp_path):
    import onnx

    p = trained("xor", epochs=20)
    out = export(p, "onnx", tmp_path / "xor.onnx")[0]
    model = onnx.load(str(out))
    onnx.checker.check_model(model, full_check=True)
    assert model.ir_version == IR_VERSION and model.opset_import[0].version == OPSET
    assert [i.name for i in model.graph.input] == ["input"] and [
        o.name for o in model.graph.output
    ] == ["output"]
    meta = {e.key: e.value for e in model.metadata_props}
    assert meta["network"] == "input (2,) -> Dense(8, tanh) -> Dense(1, sigmoid)"
    assert meta["dataset"].startswith("xor") and "trained 20 epoch(s)" in meta["result"]
    ops = [n.op_type for n in model.graph.node]
    assert ops == ["Gemm", "Tanh", "Gemm", "Sigmoid", "Identity"]  # the sigmoid at the end is kept


@pytest.mark.skipif(
    not (HAVE_ONNX and HAVE_ORT),
    reason="onnx and onnxruntime are not installed (pip install nnstudio[export])",
)
@pytest.mark.parametrize("name", ["xor", "mnist", "animals"])
def test_onnxruntime_predicts_what_the_engine_predicts(name, tmp_path):
    import onnxruntime

    p = trained(name, epochs=2)
    out = export(p, "onnx", tmp_path / f"{name}.onnx")[0]
    x = p.build_dataset().x_test
    session = onnxruntime.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    got = session.run(["output"], {"input": x})[0]
    want = p.model.predict(x, verbose=0)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


@pytest.mark.skipif(not (HAVE_ONNX and HAVE_ORT), reason="onnx and onnxruntime are not installed")
def test_onnx_of_dropout_activation_and_no_bias(tmp_path):
    import onnxruntime

    p = rich_project()
    out = export(p, "onnx", tmp_path / "rich.onnx")[0]
    x = np.random.default_rng(0).standard_normal((9, 2)).astype(np.float32)
    got = onnxruntime.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(
        None, {"input": x}
    )[0]
    np.testing.assert_allclose(got, p.model.predict(x, verbose=0), rtol=0, atol=1e-5)
