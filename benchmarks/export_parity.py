#!/usr/bin/env python
"""Export parity: do the exported Keras and PyTorch scripts (and the ONNX file) predict what the
studio predicts?

For the XOR, animals and MNIST lessons: train in nnstudio (the lesson's epochs: XOR 100, animals
300, MNIST 5 on the bundled sample), export, then load each exported script as a module, call its
``build_model()`` (the studio's weights from the .npz beside it) and predict the studio's test
samples. Printed: the max absolute difference from ``project.model.predict`` (the bar is 1e-5),
and the test loss each side computes with its own loss formula. With ``--run`` each script's
``main()`` also runs end to end in a subprocess (it trains again there; XOR and animals only,
MNIST's main would download the full data set through keras.datasets).

Run (a developer machine; the project and its tests never need Keras or PyTorch):
    KERAS_BACKEND=torch python benchmarks/export_parity.py [--run]    # Keras 3 + PyTorch
    python benchmarks/export_parity.py                                # ONNX (needs onnx, onnxruntime)
Each part that cannot run here says why. Exit 1 if a difference is above the bar.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nnstudio.project import capture, examples, prepare_data  # noqa: E402 (after sys.path)
from nnstudio.project.export import export  # noqa: E402

BAR = 1e-5
LESSONS = ("xor", "animals", "mnist")  # each trained for its own epochs setting


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def trained(name: str):
    p = examples.load(name)
    ds = p.build_dataset()
    x, y, _, _ = prepare_data(p, ds)
    epochs = p.training.epochs
    model = p.model
    history = model.fit(
        x,
        y,
        epochs=epochs,
        batch_size=p.training.batch_size,
        validation_split=p.training.validation_split,
        verbose=0,
    )
    capture(p, model, history)
    return p, ds


def load_script(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # our own generated script, in a developer environment
    return module


def keras_side(module, x, y):
    model = module.build_model()
    pred = np.asarray(model.predict(x, verbose=0))
    loss = float(model.evaluate(x, y, verbose=0, return_dict=True)["loss"])
    return pred, loss


def torch_side(module, x, y):
    import torch

    model = module.build_model()
    model.eval()
    with torch.no_grad():
        out = model(torch.from_numpy(x))
        t = torch.as_tensor(y, dtype=torch.int64 if y.dtype.kind in "iu" else torch.float32)
        loss = float(module.loss_fn(out, t))
    return out.numpy(), loss


def onnx_side(path: Path, x):
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["output"], {"input": x})[0], None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--run", action="store_true", help="also run each script's main() (XOR, animals)"
    )
    args = parser.parse_args()
    sides = []
    if have("keras") and have("torch"):
        import keras
        import torch

        sides.append(
            ("keras", keras_side, f"Keras {keras.__version__} ({keras.backend.backend()} backend)")
        )
        sides.append(("pytorch", torch_side, f"PyTorch {torch.__version__}"))
    else:
        print(
            "Keras 3 / PyTorch are not installed here: the Keras and PyTorch scripts are not compared."
        )
    if have("onnx") and have("onnxruntime"):
        import onnxruntime

        sides.append(("onnx", None, f"onnxruntime {onnxruntime.__version__}"))
    else:
        print("onnx / onnxruntime are not installed here: the ONNX file is not compared.")
    if not sides:
        return 0
    print("Compared with: " + "; ".join(s[2] for s in sides))
    print(
        f"{'lesson':<8} {'format':<8} {'samples':>7} {'max |dy|':>10} {'studio loss':>12} {'its loss':>12}  verdict"
    )
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name in LESSONS:
            started = time.perf_counter()
            p, ds = trained(name)
            _, _, x, y = prepare_data(p, ds)
            want = p.model.predict(x, verbose=0)
            studio_loss = float(p.model.evaluate(x, y, verbose=0, return_dict=True)["loss"])
            for fmt, side, _ in sides:
                out = folder / (f"{name}.onnx" if fmt == "onnx" else f"{name}_{fmt}.py")
                export(p, fmt, out, dataset=ds)
                if fmt == "onnx":
                    got, loss = onnx_side(out, x)
                else:
                    got, loss = side(load_script(out), x, y)
                diff = float(np.max(np.abs(np.asarray(got, dtype=np.float64) - want)))
                ok = diff <= BAR
                failed |= not ok
                loss_text = "-" if loss is None else f"{loss:.7f}"
                print(
                    f"{name:<8} {fmt:<8} {len(x):>7} {diff:>10.2e} {studio_loss:>12.7f} {loss_text:>12}  "
                    f"{'PASS' if ok else 'FAIL'}"
                )
                if args.run and fmt != "onnx" and name != "mnist":
                    run = subprocess.run(
                        [sys.executable, str(out)],
                        capture_output=True,
                        text=True,
                        timeout=600,
                        check=False,
                        cwd=folder,
                    )
                    lines = [
                        line
                        for line in run.stdout.splitlines()
                        if line.startswith(("with the", "after"))
                    ]
                    print(
                        f"         {fmt} main(): exit {run.returncode}; "
                        + " | ".join(lines)
                        + (f" | {run.stderr.strip().splitlines()[-1]}" if run.returncode else "")
                    )
                    failed |= run.returncode != 0
            print(f"         ({name}: {time.perf_counter() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
