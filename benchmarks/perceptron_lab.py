"""How smoothly does the perceptron lab follow a slider or a dragged line?

Opens the lab (offscreen unless QT_QPA_PLATFORM says otherwise) at 1060x640 and drags, the way
a hand does: the w1 slider through all of its 401 positions (each a new neuron, a new output
map, a repainted square, truth table and texts), the b slider the same way with the sigmoid,
and the line by one of its handles and by its middle (mouse events on the square). Each step
is followed by a forced repaint (``repaint()``: painted now, not merged with the next one), so
the rate counts everything a frame costs.

The last line printed is one JSON object: frames a second for each drag.
Bar: >= 30 frames a second for every drag.

    python benchmarks/perceptron_lab.py
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def slider_fps(app, lab, row: int, activation: str) -> float:
    lab.apply_preset("AND")
    lab.set_activation(activation)
    slider = lab.rows[row].slider
    values = list(range(slider.minimum(), slider.maximum() + 1))
    started = time.perf_counter()
    for v in values:
        slider.setValue(v)  # what one step of a slider drag does
        lab.plot.repaint()
        app.processEvents()
    return len(values) / (time.perf_counter() - started)


def line_fps(app, lab, handle: bool, frames: int = 300) -> float:
    lab.apply_preset("AND")
    plot = lab.plot
    a, c = plot.handles()
    start = plot.to_px(*a) if handle else plot.to_px((a[0] + c[0]) / 2, (a[1] + c[1]) / 2)
    start = QPoint(round(start.x()), round(start.y()))
    QTest.mousePress(plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    started = time.perf_counter()
    for k in range(frames):
        offset = (k % 60) - 30  # back and forth, 1 px a frame
        QTest.mouseMove(plot, QPoint(start.x() + offset, start.y() + offset // 2))
        plot.repaint()
        app.processEvents()
    fps = frames / (time.perf_counter() - started)
    QTest.mouseRelease(plot, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    return fps


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    from nnstudio.gui.perceptron_lab import PerceptronLab

    lab = PerceptronLab()
    lab.resize(1060, 640)
    lab.show()
    app.processEvents()
    result = {
        "slider_w1_step_fps": round(slider_fps(app, lab, 0, "step"), 1),
        "slider_b_sigmoid_fps": round(slider_fps(app, lab, 2, "sigmoid"), 1),
        "drag_handle_fps": round(line_fps(app, lab, handle=True), 1),
        "drag_line_fps": round(line_fps(app, lab, handle=False), 1),
    }
    for key, value in result.items():
        print(f"{key:>22}: {value:7.1f} frames/s")
    result["bar_fps"] = 30
    result["ok"] = all(v >= 30 for k, v in result.items() if k.endswith("_fps") and k != "bar_fps")
    print(json.dumps(result))
    lab.close()


if __name__ == "__main__":
    main()
