"""Where the bundled resources live: ``resource("examples")``, the one place every user asks.

The repository keeps them at its top (``resources/``). A wheel (and the PyInstaller bundle)
carries the same folder inside the package, as ``nnstudio/resources/`` (pyproject.toml's
``force-include``), found through ``importlib.resources``; an editable install or a checkout on
``PYTHONPATH`` has no such folder and uses the repository's. ``NNSTUDIO_RESOURCES`` names a
folder laid out the same way to use instead (the tests point it at a copy, so training a
"bundled" lesson never writes into the source tree).

``RESOURCES``, ``EXAMPLES``, ``DATASETS`` and ``TRANSLATIONS`` remain as names for the folders
(computed on access, so they follow the environment variable).
"""

from __future__ import annotations

import os
from importlib import resources as _importlib_resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ENV_RESOURCES = "NNSTUDIO_RESOURCES"
_FOLDERS = {
    "RESOURCES": (),
    "EXAMPLES": ("examples",),
    "DATASETS": ("datasets",),
    "TRANSLATIONS": ("translations",),
}


def resources_root() -> Path:
    """The resources folder: $NNSTUDIO_RESOURCES, the installed package's, or the checkout's."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override)
    packaged = Path(str(_importlib_resources.files("nnstudio") / "resources"))  # wheel, bundle
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "resources"  # a checkout: editable install or PYTHONPATH


def resource(*parts: str) -> Path:
    """``resource("datasets", "mnist-5k")``: a path inside the resources folder."""
    return resources_root().joinpath(*parts)


def __getattr__(name: str) -> Path:
    if name in _FOLDERS:
        return resource(*_FOLDERS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
