"""An axis whose tick labels never run into each other.

pyqtgraph always writes every major tick's label; it picks the spacing from the axis length
alone, so on a narrow plot (a small dock, or View ▸ Zoom at 150 % on a 1024-pixel projector)
"0", "100" and "200" were written over each other as "0100200". This axis widens the spacing
through the 1-2-5 series until the widest label fits between two ticks; on an axis too short
for that, it keeps the roomiest spacing that still shows a label.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

GAP_PX = 6  # space between two labels side by side (labels one above the other: none)


def next_nice(spacing: float) -> float:
    """The next spacing of the 1-2-5 series above ``spacing`` (0.2 -> 0.5 -> 1 -> 2 ...)."""
    exponent = math.floor(math.log10(spacing) + 1e-9)
    unit = 10.0**exponent
    mantissa = spacing / unit
    for step in (2.0, 5.0, 10.0):
        if mantissa < step * (1 - 1e-9):
            return step * unit
    return 20.0 * unit


def ticks_inside(lo: float, hi: float, spacing: float) -> int:
    lo, hi = min(lo, hi), max(lo, hi)
    return max(0, math.floor(hi / spacing + 1e-9) - math.ceil(lo / spacing - 1e-9) + 1)


def readable_axes() -> dict[str, ReadableAxis]:
    """``axisItems`` for a pyqtgraph plot: readable left and bottom axes."""
    return {"left": ReadableAxis("left"), "bottom": ReadableAxis("bottom")}


class ReadableAxis(pg.AxisItem):
    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph's names)
        levels = super().tickSpacing(minVal, maxVal, size)
        span = abs(maxVal - minVal)
        if (
            not levels
            or size <= 0
            or not span > 0  # also NaN / inf ranges
            or not math.isfinite(span)
            or not levels[0][0] > 0
            or self._tickSpacing is not None
        ):
            return levels
        per_unit = size / span  # pixels per axis unit
        gap = GAP_PX if self.orientation in ("bottom", "top") else 0.0
        lo, hi = min(minVal, maxVal), max(minVal, maxVal)

        def shown(spacing: float) -> int:  # pyqtgraph drops a label that sticks out of the axis
            margin = self.label_extent(lo, hi, spacing) / 2 / per_unit
            return ticks_inside(lo + margin, hi - margin, spacing)

        # the first spacing of the series whose labels fit; else the roomiest that still shows
        # a label; else pyqtgraph's
        major, roomiest, candidate = None, None, levels[0][0]
        for _ in range(12):
            if shown(candidate) >= 1:
                roomiest = candidate
                if candidate * per_unit >= self.label_extent(lo, hi, candidate) + gap:
                    major = candidate
                    break
            if candidate * per_unit >= size:
                break
            candidate = next_nice(candidate)
        major = major or roomiest or levels[0][0]
        # the finer levels pyqtgraph chose still divide the new spacing (1-2-5 grid)
        return [(major, levels[0][1])] + [level for level in levels[1:] if level[0] < major]

    def label_extent(self, lo: float, hi: float, spacing: float) -> float:
        """Pixels one label takes along the axis: its width on a horizontal axis (the widest
        of the labels at the two ends), its height on a vertical one."""
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        if self.orientation in ("left", "right"):
            return metrics.height()
        first = math.floor(min(lo, hi) / spacing) * spacing
        last = math.ceil(max(lo, hi) / spacing) * spacing
        texts = self.tickStrings([first, last], self.scale, spacing)
        return max((metrics.horizontalAdvance(t) for t in texts), default=0.0)
