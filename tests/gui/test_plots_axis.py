"""Tick labels on a narrow plot stay apart (the curves at 150 % on a 1024-pixel projector)."""

import pyqtgraph as pg
import pytest

from nnstudio.gui.plots.axis import GAP_PX, ReadableAxis, next_nice, readable_axes, ticks_inside


@pytest.fixture
def plot(qtbot):
    kept = []  # the widgets live as long as the test

    def make(width):
        widget = pg.PlotWidget(axisItems=readable_axes())
        kept.append(widget)
        qtbot.addWidget(widget)
        widget.resize(width, 200)
        widget.show()
        widget.setXRange(0, 300, padding=0)
        qtbot.wait(10)
        axis = widget.getAxis("bottom")
        return axis, axis.geometry().width()

    return make


def test_narrow_axis_spaces_its_labels_apart(plot):
    axis, size = plot(90)
    default = pg.AxisItem.tickSpacing(axis, 0, 300, size)[0][0]
    extent = axis.label_extent(0, 300, default)
    assert default * size / 300 < extent  # pyqtgraph's own spacing writes "0100200"
    major = axis.tickSpacing(0, 300, size)[0][0]
    assert major in (200.0, 500.0)
    assert major * size / 300 >= axis.label_extent(0, 300, major) + GAP_PX


def test_wide_axis_keeps_pyqtgraphs_ticks(plot):
    axis, size = plot(500)
    assert axis.tickSpacing(0, 300, size) == pg.AxisItem.tickSpacing(axis, 0, 300, size)


def left_axis(qtbot, height, lo, hi):
    """The left axis of a 300-px-wide plot ``height`` px high showing ``lo`` .. ``hi``."""
    widget = pg.PlotWidget(axisItems=readable_axes())
    qtbot.addWidget(widget)
    widget.resize(300, height)
    widget.show()
    widget.setYRange(lo, hi, padding=0)
    qtbot.wait(10)
    axis = widget.getAxis("left")
    axis.keep = widget  # the axis lives as long as its plot
    return axis, axis.geometry().height()


def test_vertical_axis_needs_a_line_of_text_per_tick(qtbot):
    axis, size = left_axis(qtbot, 60, 0, 1)
    major = axis.tickSpacing(0, 1, size)[0][0]
    assert major * size >= axis.label_extent(0, 1, major)  # one line above the other
    axis.setTickSpacing(0.1, 0.05)  # a spacing set by hand is kept as it is
    assert axis.tickSpacing(0, 1, size)[0] == (0.1, 0)
    assert isinstance(axis, ReadableAxis)


def test_spacings_follow_the_1_2_5_series():
    assert [next_nice(v) for v in (0.2, 0.4, 0.5, 1.0, 2.0, 5.0, 50.0)] == [
        0.5,
        0.5,
        1.0,
        2.0,
        5.0,
        10.0,
        100.0,
    ]
    assert ticks_inside(0.1, 0.45, 0.2) == 2 and ticks_inside(0.1, 0.45, 0.5) == 0


def test_a_short_axis_keeps_one_label_rather_than_none(qtbot):
    axis, size = left_axis(qtbot, 40, 0.1, 0.45)
    major = axis.tickSpacing(0.1, 0.45, size)[0][0]
    assert ticks_inside(0.1, 0.45, major) >= 1


def test_empty_or_broken_ranges_are_left_to_pyqtgraph(qtbot):
    # a curve of NaN / inf values (a diverged run) must never make a paint raise
    axis, size = left_axis(qtbot, 60, 0, 1)
    for lo, hi in ((float("nan"), 1.0), (0.0, 0.0), (0.0, float("inf"))):
        assert axis.tickSpacing(lo, hi, size) == pg.AxisItem.tickSpacing(axis, lo, hi, size)
