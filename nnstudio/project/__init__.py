"""nnstudio.project: the lesson document, its ``.nnproj`` file, and the bridge to the engine.

    from nnstudio import project
    p = project.load("resources/examples/xor.nnproj")
    p.model           # the compiled engine model with its trained weights (built on first use)
    p.build_dataset() # the nnstudio.data.Dataset it trains on
    project.save(p, "xor-trained.nnproj")

No Qt here: the CLI, the tests and notebooks use this package on machines with no display.
"""

from .build import build_dataset, build_model, capture, prepare_data
from .document import Document
from .errors import ProjectError
from .fileformat import load, save
from .migrations import FORMAT_VERSION
from .schema import DatasetSpec, LayerSpec, Project, TrainingSpec


def __getattr__(name):  # `examples` is imported on first use (it can also run as a script)
    if name == "examples":
        import importlib

        return importlib.import_module(".examples", __name__)
    raise AttributeError(f"module 'nnstudio.project' has no attribute {name!r}")


__all__ = [
    "Project",
    "LayerSpec",
    "DatasetSpec",
    "TrainingSpec",
    "Document",
    "ProjectError",
    "load",
    "save",
    "build_model",
    "build_dataset",
    "prepare_data",
    "capture",
    "examples",
    "FORMAT_VERSION",
]
