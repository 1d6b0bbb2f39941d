"""The network canvas and the layer palette."""

from .palette import LayerPalette, layer_mime_data
from .style import MIME_TYPE
from .view import NetworkCanvas

__all__ = ["LayerPalette", "NetworkCanvas", "MIME_TYPE", "layer_mime_data"]
