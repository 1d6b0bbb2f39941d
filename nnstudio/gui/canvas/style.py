"""Colours and fonts of the network blocks (shared by the canvas, the palette and the inspector).

Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies); blocks use a
light tint of the colour as fill, the full colour as accent stripe and border, and near-black
text, which stays readable on a washed-out classroom projector.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio.gui.colors import OKABE_ITO

MIME_TYPE = "application/x-nnstudio-layer"

ACCENT = {  # the ends of the network; each layer type's colour is in gui/layer_types.py
    "Input": QColor(OKABE_ITO["sky"]),
    "Output": QColor(OKABE_ITO["purple"]),
}
TEXT = QColor("#1B1B1B")
MUTED = QColor("#5A5A5A")
SELECTED = QColor(OKABE_ITO["vermillion"])  # vermillion: the selection ring
ARROW = QColor("#7A7A7A")
BACKGROUND = QColor("#F7F7F4")
INDICATOR = QColor(OKABE_ITO["vermillion"])


def accent(kind: str) -> QColor:
    if kind in ACCENT:
        return QColor(ACCENT[kind])
    from nnstudio.gui import layer_types  # noqa: PLC0415 - layer_types' pages import this module

    entry = layer_types.get(kind)
    return QColor(entry.colour if entry is not None else "#999999")


def tint(kind: str, amount: float = 0.82) -> QColor:
    """The accent mixed with white (amount = share of white)."""
    c = accent(kind)
    r = round(c.red() + (255 - c.red()) * amount)
    g = round(c.green() + (255 - c.green()) * amount)
    b = round(c.blue() + (255 - c.blue()) * amount)
    return QColor(r, g, b)


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


# -- panels grow with View > Zoom (the canvas's blocks grow with the canvas's own scale) ------
POINT_SIZE_PROPERTY = "nnstudioPointSize"


_BASE_FONT = "_nnstudio_base_font"  # kept on the QApplication: one per application


def base_font() -> QFont:
    """The application's font before any zoom (remembered the first time it is asked, which
    View ▸ Zoom does before it changes the application's font)."""
    app = QApplication.instance()
    base = getattr(app, _BASE_FONT, None)
    if base is None:
        base = QFont(app.font())
        if base.pointSizeF() <= 0:
            base.setPointSizeF(9.0)
        setattr(app, _BASE_FONT, base)
    return QFont(base)


def zoom() -> float:
    """The window's zoom (View ▸ Zoom): the application font over the font before any zoom."""
    app = QApplication.instance()
    base = getattr(app, _BASE_FONT, None)
    if app is None or base is None or base.pointSizeF() <= 0 or app.font().pointSizeF() <= 0:
        return 1.0
    return app.font().pointSizeF() / base.pointSizeF()


def panel_font(point_size: float, bold: bool = False) -> QFont:
    """``font(point_size)`` at the window's zoom: for text painted in a panel (the palette)."""
    return font(point_size * zoom(), bold)


def set_panel_font(widget: QWidget, point_size: float, bold: bool = False) -> None:
    """Give ``widget`` its own font size that still follows the zoom (a plain ``setFont``
    would keep 9 pt at 200 %): :func:`refresh_panel_fonts` sets it again after a zoom."""
    widget.setProperty(POINT_SIZE_PROPERTY, float(point_size))
    widget.setFont(panel_font(point_size, bold))


def refresh_panel_fonts(root: QWidget) -> None:
    """After a zoom: every widget under ``root`` given a size by :func:`set_panel_font`."""
    for widget in root.findChildren(QWidget):
        size = widget.property(POINT_SIZE_PROPERTY)
        if size:
            widget.setFont(panel_font(float(size), widget.font().bold()))
