"""The studio's one palette: Okabe & Ito (2008), colours that stay distinct with every common
colour-vision deficiency. Plain hex strings, no Qt, so the views' NumPy colour maps, the plots,
the canvas blocks and the data preview all read the same table.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",  # bluish green
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",  # reddish purple
    "black": "#000000",
}

# class k has one colour everywhere; ordered so that neighbours differ most in lightness, and
# two greys plus black extend it to the 10 classes of MNIST
CLASS_HEX = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["sky"],
    OKABE_ITO["yellow"],
    "#505050",  # dark grey
    "#A0A0A0",  # light grey
    OKABE_ITO["black"],
)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """ "#0072B2" -> (0, 114, 178)"""
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
