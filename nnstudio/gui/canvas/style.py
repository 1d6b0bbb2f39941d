"""Colours and fonts of the network blocks (shared by the canvas, the palette and the inspector).

Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies); blocks use a
light tint of the colour as fill, the full colour as accent stripe and border, and near-black
text, which stays readable on a washed-out classroom projector.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

MIME_TYPE = "application/x-nnstudio-layer"

ACCENT = {
    "Input": QColor("#56B4E9"),  # sky blue
    "Dense": QColor("#0072B2"),  # blue
    "Activation": QColor("#E69F00"),  # orange
    "Dropout": QColor("#009E73"),  # bluish green
    "Output": QColor("#CC79A7"),  # reddish purple
}
TEXT = QColor("#1B1B1B")
MUTED = QColor("#5A5A5A")
SELECTED = QColor("#D55E00")  # vermillion: the selection ring
ARROW = QColor("#7A7A7A")
BACKGROUND = QColor("#F7F7F4")
INDICATOR = QColor("#D55E00")


def accent(kind: str) -> QColor:
    return QColor(ACCENT.get(kind, QColor("#999999")))


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
