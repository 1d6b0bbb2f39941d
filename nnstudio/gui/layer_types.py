"""Everything the studio shows about a layer type, in one entry per type.

napari maps a layer type to its controls class; this maps an engine layer type to its palette
title and blurb, block colour, the config a newly dropped block starts with, the short line on
its canvas block and its inspector page (``gui/panels/layer_pages.py``). The palette, the canvas
and the inspector read these entries and nothing else; shapes and parameter counts come from the
engine layer class itself (``output_shape_for`` / ``weight_shapes_for``).

Adding a layer type: the engine class (``engine/layers.py`` + ``engine/__init__.py``), an entry
here and a page class in ``layer_pages.py`` (see CONTRIBUTING.md).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from nnstudio.gui.canvas.model import activation_name
from nnstudio.gui.colors import OKABE_ITO
from nnstudio.gui.panels import layer_pages as pages
from nnstudio.project.schema import LayerSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerTypes", text)


def _no_line(config: dict) -> str:
    return ""


@dataclass(frozen=True)
class LayerType:
    name: str  # the engine class name, also the project file's layer type
    title: Callable[[], str]  # translated when called (the translator may load late)
    blurb: Callable[[], str]  # one line under the title in the palette
    colour: str  # accent of its blocks, from the Okabe–Ito palette (gui/colors.py)
    page: type[pages.LayerPage]  # the inspector's form
    defaults: dict = field(default_factory=dict)  # Keras names; Keras defaults otherwise
    line: Callable[[dict], str] = _no_line  # the block's second line, from the config


def _dense_line(config: dict) -> str:
    units = int(config.get("units", 0) or 0)
    text = _tr("1 unit") if units == 1 else _tr("{n} units").format(n=units)
    return f"{text} · {activation_name(config.get('activation'))}"


TYPES: dict[str, LayerType] = {
    t.name: t
    for t in (
        LayerType(
            "Dense",
            lambda: _tr("Dense"),
            lambda: _tr("fully connected, learns weights"),
            OKABE_ITO["blue"],
            pages.DensePage,
            {
                "units": 8,
                "activation": "relu",
                "use_bias": True,
                "kernel_initializer": "glorot_uniform",
                "bias_initializer": "zeros",
            },
            _dense_line,
        ),
        LayerType(
            "Activation",
            lambda: _tr("Activation"),
            lambda: _tr("a function, no weights"),
            OKABE_ITO["orange"],
            pages.ActivationPage,
            {"activation": "relu"},
            lambda config: activation_name(config.get("activation")),
        ),
        LayerType(
            "Dropout",
            lambda: _tr("Dropout"),
            lambda: _tr("drops inputs while training"),
            OKABE_ITO["green"],
            pages.DropoutPage,
            {"rate": 0.5},
            lambda config: _tr("rate {rate:g}").format(rate=float(config.get("rate", 0.0))),
        ),
        LayerType(
            "Flatten",
            lambda: _tr("Flatten"),
            lambda: _tr("an image becomes one row of inputs"),
            OKABE_ITO["yellow"],
            pages.FlattenPage,
        ),
    )
}


def get(layer_type: str) -> LayerType | None:
    return TYPES.get(layer_type)


def title(layer_type: str) -> str:
    entry = TYPES.get(layer_type)
    return entry.title() if entry is not None else layer_type


def new_layer_spec(layer_type: str) -> LayerSpec:
    """A fresh spec with the type's default config; the document assigns its id on insert."""
    if layer_type not in TYPES:
        raise ValueError(f"unknown layer type: {layer_type!r}")
    return LayerSpec(type=layer_type, config=copy.deepcopy(TYPES[layer_type].defaults))
