"""The trained network as an ONNX file for inference (``pip install nnstudio[export]``).

Built node by node with ``onnx.helper``: per Dense layer a ``Gemm`` (y = x W + b), then the
activation's own operator; Dropout is left out (it does nothing at inference). The softmax or
sigmoid at the end is kept, so the file outputs what the studio's predict() outputs. IR version
10 and opset 21: ``onnx.helper.make_model`` writes the newest IR by default, which current
onnxruntime refuses ("Unsupported model IR version").
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ProjectError
from ..schema import Project
from . import common

IR_VERSION = 10
OPSET = 21
INPUT, OUTPUT = "input", "output"

ACTIVATIONS = {  # engine activation -> (ONNX operator, attributes); linear adds nothing
    "relu": ("Relu", {}),
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "softmax": ("Softmax", {"axis": -1}),
    "elu": ("Elu", {"alpha": 1.0}),
    "softplus": ("Softplus", {}),
    "leaky_relu": ("LeakyRelu", {"alpha": 0.2}),
}


def _onnx():
    try:
        import onnx
        from onnx import helper, numpy_helper
    except ImportError:
        raise ProjectError(
            "Exporting to ONNX needs the onnx package, which is not installed; install it with "
            "'pip install nnstudio[export]' (or 'pip install onnx')."
        ) from None
    return onnx, helper, numpy_helper


def build(project: Project):
    """The ``onnx.ModelProto`` of the project's network with its current weights."""
    onnx, helper, numpy_helper = _onnx()
    common.check_exportable(project)
    weights = common.weights(project)
    nodes, inits = [], []
    current = INPUT

    def step(op: str, inputs: list[str], name: str, **attrs) -> None:
        nonlocal current
        out = f"{name}/{op.lower()}"
        nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        current = out

    for spec in project.layers:
        c = spec.config
        if spec.type == "Dense":
            kernel = f"{spec.id}/kernel"
            inits.append(numpy_helper.from_array(weights[kernel], kernel))
            inputs = [current, kernel]
            if c.get("use_bias", True):
                inits.append(numpy_helper.from_array(weights[f"{spec.id}/bias"], f"{spec.id}/bias"))
                inputs.append(f"{spec.id}/bias")
            step("Gemm", inputs, spec.id)
            activation = c.get("activation") or "linear"
        elif spec.type == "Activation":
            activation = c["activation"]
        elif spec.type == "Flatten":
            step("Flatten", [current], spec.id, axis=1)
            continue
        else:  # Dropout: identity at inference
            continue
        if activation != "linear":
            op, attrs = ACTIVATIONS[activation]
            step(op, [current], spec.id, **attrs)
    nodes.append(helper.make_node("Identity", [current], [OUTPUT], name=OUTPUT))

    units = next(
        (int(s.config["units"]) for s in reversed(project.layers) if s.type == "Dense"), None
    )
    sample = [int(d) for d in project.input_shape]
    facts = common.facts(project, common.load_dataset(project))
    graph = helper.make_graph(
        nodes,
        common.identifier(project.title or "network", set())[:60],
        [helper.make_tensor_value_info(INPUT, onnx.TensorProto.FLOAT, ["batch", *sample])],
        [helper.make_tensor_value_info(OUTPUT, onnx.TensorProto.FLOAT, ["batch", units])],
        initializer=inits,
        doc_string=f"{facts.title}: {facts.network}",
    )
    model = helper.make_model(
        graph,
        producer_name="nnstudio",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string=f"{facts.title}. Network: {facts.network}. Data: {facts.dataset}. "
        f"In nnstudio: {facts.result}.",
    )
    model.ir_version = IR_VERSION
    for key, value in (
        ("title", facts.title),
        ("network", facts.network),
        ("dataset", facts.dataset),
        ("result", facts.result),
        ("exported", facts.exported),
    ):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model


def export_onnx(project: Project, out: str | Path) -> list[Path]:
    model = build(project)
    out = Path(out)
    common.write_bytes(out, model.SerializeToString())
    return [out]
