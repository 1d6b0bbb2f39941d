"""Export a project so the model lives on outside the studio.

    from nnstudio.project.export import export
    export(project, "keras", "xor_keras.py")     # a Keras 3 script + xor_keras.npz (the weights)
    export(project, "pytorch", "xor_torch.py")   # a PyTorch script + xor_torch.npz
    export(project, "onnx", "xor.onnx")          # the trained network for inference (needs onnx)

Each returns the files it wrote. Every file states the network, the data set and the result it
had in the studio. No Qt here; ONNX imports ``onnx`` only when asked for.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ProjectError
from ..schema import Project

FORMATS = {"keras": ".py", "pytorch": ".py", "onnx": ".onnx"}  # format -> the file's suffix


def export(project: Project, fmt: str, out: str | Path, dataset=None) -> list[Path]:
    fmt = str(fmt).lower()
    if fmt not in FORMATS:
        raise ProjectError(
            f"There is no export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        )
    out = Path(out)
    if out.suffix.lower() != FORMATS[fmt]:
        raise ProjectError(
            f"A {fmt} export is a {FORMATS[fmt]} file; name it e.g. {out.stem}{FORMATS[fmt]}."
        )
    if fmt == "keras":
        from .keras import export_keras

        return export_keras(project, out, dataset)
    if fmt == "pytorch":
        from .pytorch import export_pytorch

        return export_pytorch(project, out, dataset)
    from .onnx import export_onnx

    return export_onnx(project, out)


__all__ = ["FORMATS", "export"]
