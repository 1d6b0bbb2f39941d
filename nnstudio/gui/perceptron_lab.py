"""The perceptron lab: one neuron with two inputs, ``y = f(w1·x1 + w2·x2 + b)``, set by hand.

A window of its own (View ▸ Perceptron Lab…, Ctrl+Shift+L; also a button while the gates
lesson is open). Sliders and spin boxes set w1, w2 and b; the unit square shows the four
inputs coloured by the target gate, the neuron's output as a shaded map and its line
``w1·x1 + w2·x2 + b = 0`` with the side it fires on (drag the line, or one of its two
handles, and the weights follow); the truth table marks each row right or wrong and names
the gate computed; presets load the textbook's hand weights; the perceptron learning rule
runs one update at a time or plays on its own. The arithmetic is ``nnstudio.project.perceptron``.

``install(window)`` adds the lab and the "XOR from gates" command to a MainWindow.
"""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.views import colors
from nnstudio.project import perceptron as pc
from nnstudio.project.perceptron import Neuron

VIEW = (-0.5, 1.5)  # the square's drawn range on both axes: the unit square and a margin
MAP_RESOLUTION = 96
SLIDER_STEPS = 100  # slider positions per unit (0.01)
SLIDER_RANGE = 2.0  # sliders cover -2..2; the spin boxes take any value in -SPIN_RANGE..SPIN_RANGE
SPIN_RANGE = 20.0
PLAY_INTERVAL_MS = 500
XOR_PLAY_LIMIT = 100  # auto-play gives up on XOR after this many updates (it would cycle for ever)
HANDLES = (0.2, 0.8)  # where the line's two handles sit along its visible part


def _tr(text: str) -> str:
    return QCoreApplication.translate("PerceptronLab", text)


def _range_of(activation: str, out: np.ndarray) -> tuple[float, float]:
    """The output's colour scale: 0..1 (step, sigmoid), -1..1 (tanh), else symmetric."""
    if activation in ("step", "sigmoid"):
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    m = max(1.0, float(np.abs(out).max()))
    return -m, m


class SquarePlot(QWidget):
    """The unit square: the output map, the line and its firing side, the four points."""

    weightsDragged = Signal(float, float, float)
    PICK = 9.0  # px: the line (or a handle) is grabbed this close to it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.neuron = Neuron()
        self.target = pc.TARGETS["AND"]
        self.paints = 0
        self.note = ""  # what the square says when no line shows
        self._image: QImage | None = None
        self._image_key = None
        self._drag = None  # (kind, handle points at press, press position) while dragging
        self.setMinimumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_state(self, neuron: Neuron, target) -> None:
        self.neuron, self.target = neuron, tuple(target)
        self.update()

    # -- coordinates ------------------------------------------------------------------------
    def square(self) -> QRectF:
        """The drawn area (VIEW x VIEW) in widget pixels: the largest square with room for labels."""
        side = max(10.0, min(self.width() - 40.0, self.height() - 40.0))
        return QRectF((self.width() - side) / 2 + 10, (self.height() - side) / 2 - 5, side, side)

    def to_px(self, x: float, y: float) -> QPointF:
        r = self.square()
        span = VIEW[1] - VIEW[0]
        return QPointF(
            r.left() + (x - VIEW[0]) / span * r.width(),
            r.bottom() - (y - VIEW[0]) / span * r.height(),
        )

    def to_data(self, p: QPointF) -> tuple[float, float]:
        r = self.square()
        span = VIEW[1] - VIEW[0]
        return (
            VIEW[0] + (p.x() - r.left()) / r.width() * span,
            VIEW[0] + (r.bottom() - p.y()) / r.height() * span,
        )

    def handles(self) -> list[tuple[float, float]] | None:
        """The line's two handles (data coordinates), or None when no line shows."""
        ends = pc.line_points(*self.neuron.weights, xlim=VIEW, ylim=VIEW)
        if ends is None:
            return None
        (ax, ay), (bx, by) = ends
        return [(ax + t * (bx - ax), ay + t * (by - ay)) for t in HANDLES]

    # -- painting ---------------------------------------------------------------------------
    def _map(self) -> QImage:
        key = (self.neuron, MAP_RESOLUTION)
        if key != self._image_key:
            ticks = np.linspace(VIEW[0], VIEW[1], MAP_RESOLUTION)
            xx, yy = np.meshgrid(ticks, ticks[::-1])  # row 0 at the top
            out = self.neuron.output(np.column_stack([xx.ravel(), yy.ravel()])).reshape(xx.shape)
            lo, hi = _range_of(self.neuron.activation, out)
            rgb = colors.diverging(out, lo, hi)
            rgb = np.ascontiguousarray(
                (255 - 0.4 * (255 - rgb.astype(np.float64))).astype(np.uint8)
            )  # pale
            self._image = QImage(
                rgb.data,
                MAP_RESOLUTION,
                MAP_RESOLUTION,
                3 * MAP_RESOLUTION,
                QImage.Format.Format_RGB888,
            ).copy()
            self._image_key = key
        return self._image

    def paintEvent(self, event):  # noqa: N802
        self.paints += 1
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        r = self.square()
        p.drawImage(r, self._map())
        # the unit square and its ticks
        p.setPen(QPen(QColor(90, 90, 90), 1, Qt.PenStyle.DashLine))
        p.drawRect(QRectF(self.to_px(0, 1), self.to_px(1, 0)))
        p.setPen(QPen(QColor(60, 60, 60), 1))
        p.drawRect(r)
        font = QFont(self.font())
        p.setFont(font)
        for v in (0, 1):
            a = self.to_px(v, VIEW[0])
            p.drawText(
                QRectF(a.x() - 15, r.bottom() + 2, 30, 16), Qt.AlignmentFlag.AlignCenter, str(v)
            )
            a = self.to_px(VIEW[0], v)
            p.drawText(
                QRectF(r.left() - 22, a.y() - 8, 18, 16), Qt.AlignmentFlag.AlignRight, str(v)
            )
        p.drawText(
            QRectF(r.right() - 30, r.bottom() + 2, 30, 16), Qt.AlignmentFlag.AlignRight, "x1"
        )
        p.drawText(QRectF(r.left() - 30, r.top() - 2, 26, 16), Qt.AlignmentFlag.AlignRight, "x2")
        p.save()
        p.setClipRect(r)
        self._paint_line(p)
        p.restore()
        self._paint_points(p)
        p.end()

    def _paint_line(self, p: QPainter) -> None:
        w1, w2, b = self.neuron.weights
        ends = pc.line_points(w1, w2, b, xlim=VIEW, ylim=VIEW)
        if ends is None:  # say where the line went: the map alone (all one colour) does not
            everywhere = b > 0 if w1 == w2 == 0 else bool(self.neuron.fires([(0.5, 0.5)])[0])
            where = self.tr("everywhere") if everywhere else self.tr("nowhere")
            text = (
                self.tr("w1 = w2 = 0: no line; the neuron fires {where}.")
                if w1 == w2 == 0
                else self.tr("The line is outside this view: the neuron fires {where} here.")
            ).format(where=where)
            r = self.square().adjusted(8, 8, -8, -8)
            p.setPen(QPen(QColor(20, 20, 20)))
            p.drawText(
                r,
                Qt.AlignmentFlag.AlignTop
                | Qt.AlignmentFlag.AlignHCenter
                | Qt.TextFlag.TextWordWrap,
                text,
            )
            self.note = text
            return
        self.note = ""
        a, c = self.to_px(*ends[0]), self.to_px(*ends[1])
        p.setPen(QPen(QColor(20, 20, 20), 3))
        p.drawLine(a, c)
        for hx, hy in self.handles() or []:
            p.setBrush(QBrush(Qt.GlobalColor.white))
            p.setPen(QPen(QColor(20, 20, 20), 2))
            p.drawEllipse(self.to_px(hx, hy), 6, 6)
        # an arrow from the middle of the line towards the side the neuron fires on
        mid = ((ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2)
        norm = float(np.hypot(w1, w2))
        tip_data = (mid[0] + 0.22 * w1 / norm, mid[1] + 0.22 * w2 / norm)
        m, t = self.to_px(*mid), self.to_px(*tip_data)
        pen = QPen(QColor(*colors.POSITIVE), 2.5)
        p.setPen(pen)
        p.drawLine(m, t)
        d = t - m
        length = max(1e-9, float(np.hypot(d.x(), d.y())))
        ux, uy = d.x() / length, d.y() / length
        head = QPainterPath(t)
        head.lineTo(t - QPointF(10 * ux - 5 * uy, 10 * uy + 5 * ux))
        head.lineTo(t - QPointF(10 * ux + 5 * uy, 10 * uy - 5 * ux))
        head.closeSubpath()
        p.setBrush(QBrush(QColor(*colors.POSITIVE)))
        p.drawPath(head)
        p.setPen(QPen(QColor(*colors.POSITIVE)))
        p.drawText(t + QPointF(6 * ux - 12, 6 * uy + 4), self.tr("fires"))

    def _paint_points(self, p: QPainter) -> None:
        fired = self.neuron.fires(pc.INPUTS)
        for (x, y), t, f in zip(pc.INPUTS, self.target, fired):
            c = self.to_px(x, y)
            rgb = colors.POSITIVE if t else colors.NEGATIVE
            p.setPen(QPen(QColor(20, 20, 20), 2))
            p.setBrush(QBrush(QColor(*rgb)))
            p.drawEllipse(c, 11, 11)
            p.setPen(QPen(Qt.GlobalColor.white))
            p.drawText(QRectF(c.x() - 11, c.y() - 11, 22, 22), Qt.AlignmentFlag.AlignCenter, str(t))
            if int(f) != int(t):  # a wrong row: a ring in the "wrong" colour around it
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(QColor(*colors.WRONG), 3, Qt.PenStyle.DotLine))
                p.drawEllipse(c, 17, 17)

    # -- dragging the line ----------------------------------------------------------------------
    def _grab(self, pos: QPointF):
        """("handle", i) near handle i, ("line", None) near the line, else None."""
        handles = self.handles()
        if handles is None:
            return None
        for i, h in enumerate(handles):
            q = self.to_px(*h)
            if np.hypot(q.x() - pos.x(), q.y() - pos.y()) <= self.PICK:
                return ("handle", i)
        a, c = self.to_px(*handles[0]), self.to_px(*handles[1])
        dx, dy = c.x() - a.x(), c.y() - a.y()
        # distance to the infinite line through the handles (the whole visible line is grabbable)
        dist = abs(dy * (pos.x() - a.x()) - dx * (pos.y() - a.y())) / max(
            1e-9, float(np.hypot(dx, dy))
        )
        return ("line", None) if dist <= self.PICK else None

    def mousePressEvent(self, event):  # noqa: N802
        grab = self._grab(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if grab is None:
            super().mousePressEvent(event)
            return
        self._drag = (grab, self.handles(), self.to_data(event.position()), self.neuron.weights)
        event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._drag is None:
            near = self._grab(event.position())
            self.setCursor(Qt.CursorShape.SizeAllCursor if near else Qt.CursorShape.ArrowCursor)
            return
        (kind, i), handles, start, old = self._drag
        x, y = self.to_data(event.position())
        if kind == "handle":  # this handle follows the mouse, the other stays
            points = list(handles)
            points[i] = (x, y)
        else:  # the whole line moves with the mouse
            dx, dy = x - start[0], y - start[1]
            points = [(hx + dx, hy + dy) for hx, hy in handles]
        try:
            w = pc.line_through(points[0], points[1], like=old)
        except ValueError:
            return  # both handles on one spot: no line; wait for the next move
        self.weightsDragged.emit(*w)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            event.accept()
            return
        super().mouseReleaseEvent(event)


class WeightRow:
    """A slider (-2..2, live while dragging) and a spin box (any value typed) for one weight."""

    def __init__(self, owner: QWidget, grid: QGridLayout, row: int, name: str, on_change):
        self.label = QLabel(name)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(-SLIDER_RANGE * SLIDER_STEPS), int(SLIDER_RANGE * SLIDER_STEPS))
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(160)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(-SPIN_RANGE, SPIN_RANGE)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.05)
        self.spin.setKeyboardTracking(False)
        self.label.setBuddy(self.spin)
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.slider, row, 1)
        grid.addWidget(self.spin, row, 2)
        self.slider.valueChanged.connect(lambda v: on_change(self, v / SLIDER_STEPS))
        self.spin.valueChanged.connect(lambda v: on_change(self, v))

    def show(self, value: float) -> None:
        for widget, v in (
            (self.slider, round(max(-SLIDER_RANGE, min(SLIDER_RANGE, value)) * SLIDER_STEPS)),
            (self.spin, value),
        ):
            widget.blockSignals(True)
            widget.setValue(v)
            widget.blockSignals(False)


class PerceptronLab(QWidget):
    """The lab window. ``neuron`` is its state (a :class:`Neuron`); ``target`` the gate name."""

    changed = Signal()  # the weights, activation or target changed
    buildXorRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("PerceptronLab")
        self.setWindowTitle(self.tr("Perceptron Lab"))
        self.neuron = Neuron(*pc.PRESETS["AND"])
        self.target = "AND"
        self.updates = 0  # learning-rule updates since the weights were last set by hand
        self._next_row = 0
        self.last_update: pc.Update | None = None
        self._play = QTimer(self)
        self._play.setInterval(PLAY_INTERVAL_MS)
        self._play.timeout.connect(self._play_tick)
        self._build()
        self._show_all()

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.plot = SquarePlot()
        self.plot.weightsDragged.connect(lambda a, b, c: self.set_weights(a, b, c))
        self.plot.setToolTip(
            self.tr("Drag the line (or one of its two handles): the weights follow.")
        )

        side = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Target gate:")))
        self.target_box = QComboBox()
        for name in pc.TARGETS:
            self.target_box.addItem(name, name)
        self.target_box.currentIndexChanged.connect(
            lambda *_: self.set_target(self.target_box.currentData())
        )
        top.addWidget(self.target_box)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Activation:")))
        self.activation_box = QComboBox()
        names = {
            "step": self.tr("step (the perceptron's)"),
            "sigmoid": self.tr("sigmoid"),
            "tanh": "tanh",
            "relu": "ReLU",  # function names, as in the formula
            "linear": self.tr("linear"),
        }
        for name in pc.ACTIVATIONS:
            self.activation_box.addItem(names[name], name)
        self.activation_box.currentIndexChanged.connect(
            lambda *_: self.set_activation(self.activation_box.currentData())
        )
        top.addWidget(self.activation_box)
        top.addStretch(1)
        side.addLayout(top)

        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Hand weights:")))
        self.preset_buttons = {}
        for name in pc.PRESETS:
            button = QPushButton(name)
            button.setToolTip(
                self.tr("w1 = {0}, w2 = {1}, b = {2}: the textbook's {gate}").format(
                    *pc.PRESETS[name], gate=name
                )
            )
            button.clicked.connect(lambda checked=False, n=name: self.apply_preset(n))
            presets.addWidget(button)
            self.preset_buttons[name] = button
        presets.addStretch(1)
        side.addLayout(presets)

        grid = QGridLayout()
        self.rows = [
            WeightRow(self, grid, 0, "w&1", self._on_row),
            WeightRow(self, grid, 1, "w&2", self._on_row),
            WeightRow(self, grid, 2, "&b", self._on_row),
        ]
        side.addLayout(grid)
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.formula)

        self.table = QTableWidget(4, 6)
        self.table.setHorizontalHeaderLabels(["x1", "x2", "z", "y", self.tr("target"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip(
            self.tr("z = w1·x1 + w2·x2 + b; y = f(z); the neuron fires (counts as 1) where z > 0")
        )
        for r in range(4):
            for c in range(6):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        rows = 4 * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + 4)
        side.addWidget(self.table)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        side.addWidget(self.verdict)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("explain")
        self.explain.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        side.addWidget(self.explain)

        rule = QGroupBox(self.tr("The perceptron learning rule: w ← w + η (t − y) x"))
        rl = QVBoxLayout(rule)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("η"))
        self.eta = QDoubleSpinBox()
        self.eta.setRange(0.01, 2.0)
        self.eta.setSingleStep(0.05)
        self.eta.setValue(0.1)
        self.eta.setToolTip(self.tr("The learning rate: how far one update moves the weights"))
        buttons.addWidget(self.eta)
        self.step_button = QPushButton(self.tr("&Step"))
        self.step_button.setToolTip(self.tr("Correct one misclassified row"))
        self.step_button.clicked.connect(self.learn_step)
        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self.set_playing)
        self.zero_button = QPushButton(self.tr("Start from &zero"))
        self.zero_button.setToolTip(self.tr("w1 = w2 = b = 0: the rule starts from scratch"))
        self.zero_button.clicked.connect(lambda: self.set_weights(0.0, 0.0, 0.0))
        for b in (self.step_button, self.play_button, self.zero_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextFormat(Qt.TextFormat.RichText)
        rl.addWidget(self.rule_label)
        side.addWidget(rule)

        self.xor_button = QPushButton(self.tr("Build XOR from Gates on the Canvas"))
        self.xor_button.setToolTip(
            self.tr("The 2-2-1 network AND(NAND(x1, x2), OR(x1, x2)) with these hand weights")
        )
        self.xor_button.clicked.connect(self.buildXorRequested)
        side.addWidget(self.xor_button)
        side.addStretch(1)

        layout = QHBoxLayout(self)
        layout.addWidget(self.plot, 3)
        panel = QWidget()
        panel.setLayout(side)
        layout.addWidget(panel, 2)
        self.resize(1060, 640)
        close = QAction(self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)

    # -- state ----------------------------------------------------------------------------------
    def set_weights(self, w1: float, w2: float, b: float, by_rule: bool = False) -> None:
        """New weights from anywhere (slider, spin box, drag, preset, the rule)."""
        self.neuron = Neuron(float(w1), float(w2), float(b), self.neuron.activation)
        if not by_rule:
            self.updates, self.last_update, self._next_row = 0, None, 0
        self._show_all()

    def set_activation(self, name: str) -> None:
        if name and name != self.neuron.activation:
            self.neuron = Neuron(*self.neuron.weights, activation=name)
            i = self.activation_box.findData(name)
            if i != self.activation_box.currentIndex():
                self.activation_box.setCurrentIndex(i)
            self._show_all()

    def set_target(self, name: str) -> None:
        if name and name != self.target:
            self.target = name
            self.updates, self.last_update, self._next_row = 0, None, 0
            i = self.target_box.findData(name)
            if i != self.target_box.currentIndex():
                self.target_box.setCurrentIndex(i)
            self._show_all()

    def apply_preset(self, name: str) -> None:
        """The textbook's hand weights for gate ``name``, with that gate as the target."""
        self.set_target(name)
        self.set_weights(*pc.PRESETS[name])

    def _on_row(self, row: WeightRow, value: float) -> None:
        w = list(self.neuron.weights)
        w[self.rows.index(row)] = value
        self.set_weights(*w)

    # -- the learning rule ------------------------------------------------------------------------
    def learn_step(self) -> pc.Update | None:
        """One update of the rule on the next misclassified row (None: all four right)."""
        update = pc.learning_step(self.neuron, self.target, self.eta.value(), self._next_row)
        if update is None:
            self.set_playing(False)
            self._show_all()
            return None
        self.updates += 1
        self.last_update = update
        self._next_row = (update.index + 1) % 4
        self.set_weights(*update.after, by_rule=True)
        return update

    def set_playing(self, on: bool) -> None:
        if self.play_button.isChecked() != on:
            self.play_button.setChecked(on)  # calls back here through toggled
            return
        self.play_button.setText(self.tr("&Pause") if on else self.tr("&Play"))
        if on:
            self._play.start()
        else:
            self._play.stop()

    def _play_tick(self) -> None:
        if self.learn_step() is None or (self.target == "XOR" and self.updates >= XOR_PLAY_LIMIT):
            self.set_playing(False)
            self._show_all()

    # -- showing --------------------------------------------------------------------------------
    def _show_all(self) -> None:
        n = self.neuron
        for row, value in zip(self.rows, n.weights):
            row.show(value)
        self.plot.set_state(n, pc.TARGETS[self.target])
        act = n.activation
        self.formula.setText(
            f"y = {act}({n.w1:.2f}·x1 {'+' if n.w2 >= 0 else '−'} {abs(n.w2):.2f}·x2 "
            f"{'+' if n.b >= 0 else '−'} {abs(n.b):.2f})"
        )
        self._fill_table()
        self._explain()
        self.changed.emit()

    def _fill_table(self) -> None:
        n, wanted = self.neuron, pc.TARGETS[self.target]
        z, y, fired = n.net(pc.INPUTS), n.output(pc.INPUTS), n.fires(pc.INPUTS)
        right = [int(f) == int(t) for f, t in zip(fired, wanted)]
        for r in range(4):
            values = [
                f"{pc.INPUTS[r][0]:.0f}",
                f"{pc.INPUTS[r][1]:.0f}",
                f"{z[r]:+.2f}",
                f"{y[r]:.2f}" + (f" ({int(fired[r])})" if act_shows_fire(n.activation) else ""),
                str(wanted[r]),
                "✓" if right[r] else "✗",
            ]
            for c, text in enumerate(values):
                self.table.item(r, c).setText(text)
            mark = self.table.item(r, 5)
            mark.setForeground(QBrush(QColor(*(colors.RIGHT if right[r] else colors.WRONG))))
            mark.setToolTip(self.tr("right") if right[r] else self.tr("wrong"))
        self.correct = sum(right)
        gate = n.gate()
        computes = (
            self.tr("the neuron computes {gate}").format(gate=gate)
            if gate
            else self.tr("the neuron computes none of AND, OR, NAND, NOR")
        )
        self.verdict.setText(
            "<b>" + self.tr("{n} of 4 right").format(n=self.correct) + "</b> · " + computes
        )

    def _explain(self) -> None:
        if self.target == "XOR":
            text = self.tr(
                "XOR is impossible for one neuron. Its line puts every point on one side or the other, "
                "but XOR needs (0,1) and (1,0) on the firing side and (0,0) and (1,1) on the other: the "
                "two pairs sit on crossing diagonals, and no straight line separates them. Whatever the "
                "weights, at most 3 of the 4 rows are right. Two layers can do it: "
                "XOR = AND(NAND(x1, x2), OR(x1, x2))."
            )
        elif self.correct == 4:
            text = self.tr(
                "All four right: the blue points (target 1) are on the side the arrow points to."
            )
        else:
            text = self.tr(
                "Move the line so that the blue points (target 1) are on the firing side and the "
                "vermillion ones (target 0) are not, or let the learning rule do it."
            )
        self.explain.setText(text)
        u = self.last_update
        if u is None:
            rule = self.tr(
                "Press Step: the rule picks a misclassified row and moves the line towards it."
            )
            if self.correct == 4:
                rule = self.tr("Nothing to learn: all four rows are right.")
        else:
            rule = self.tr(
                "Update {k}: row ({x1:.0f}, {x2:.0f}) wanted t = {t} but fired y = {y}, so "
                "w ← w + {eta:.2f}·({t} − {y})·({x1:.0f}, {x2:.0f}), b ← b + {eta:.2f}·({t} − {y}): "
                "now ({w1:.2f}, {w2:.2f}, {b:.2f})."
            ).format(
                k=self.updates,
                x1=u.x[0],
                x2=u.x[1],
                t=u.t,
                y=u.y,
                eta=self.eta.value(),
                w1=u.after[0],
                w2=u.after[1],
                b=u.after[2],
            )
            if self.correct == 4:
                rule += " " + self.tr("<b>Converged after {k} updates:</b> all four right.").format(
                    k=self.updates
                )
            elif self.target == "XOR":
                rule += " " + self.tr(
                    "<b>It never converges on XOR:</b> it cycles for ever, at most 3 of 4 right."
                )
        self.rule_label.setText(rule)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event):  # noqa: N802
        self.set_playing(False)
        super().closeEvent(event)


def act_shows_fire(activation: str) -> bool:
    """Beside y, the 0/1 it counts as, unless y already is that (the step)."""
    return activation != "step"


# -- the main window's side ----------------------------------------------------------------------
class LabInstaller:
    """What ``install(window)`` adds: the actions, the lab window (made when first opened) and
    the button shown while the gates lesson is open."""

    def __init__(self, window):
        self.window = window
        self.lab: PerceptronLab | None = None
        self.act_lab = QAction(_tr("Perceptron &Lab…"), window)
        self.act_lab.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_lab.setStatusTip(
            _tr("One neuron as a logic gate: set its weights by hand, see its line")
        )
        self.act_lab.triggered.connect(lambda checked=False: self.open())
        self.act_xor = QAction(_tr("Build &XOR from Gates"), window)
        self.act_xor.setStatusTip(
            _tr("A new project: the 2-2-1 network AND(NAND(x1, x2), OR(x1, x2)), hand weights")
        )
        self.act_xor.triggered.connect(lambda checked=False: self.build_xor())
        window.addAction(self.act_lab)
        self.lesson_button = QPushButton(_tr("Open the Perceptron Lab"))
        self.lesson_button.setObjectName("perceptronLabLessonButton")
        self.lesson_button.clicked.connect(self.open)
        self.lesson_button.hide()
        window.statusBar().addWidget(self.lesson_button)
        self._unsubscribe = window.document.subscribe(self._on_document)
        window.destroyed.connect(lambda *_: self._unsubscribe())
        self._on_document("project", {})

    def add_to_menu(self, menu) -> None:
        menu.addSeparator()
        menu.addAction(self.act_lab)
        menu.addAction(self.act_xor)

    def open(self) -> PerceptronLab:
        if self.lab is None:
            self.lab = PerceptronLab(self.window)
            self.lab.buildXorRequested.connect(self.build_xor)
        self.lab.show()
        self.lab.raise_()
        self.lab.activateWindow()
        return self.lab

    def _on_document(self, event: str, info: dict) -> None:
        if event in ("project", "meta"):
            self.lesson_button.setVisible(is_gates_lesson(self.window.document.project))

    def build_xor(self) -> bool:
        """Replace the window's project by XOR from gates (after the unsaved-work prompt)."""
        w = self.window
        if w.files.refuse_while_training(_tr("build a new network")) or not w.maybe_save():
            return False
        from nnstudio.gui.texts import lesson_title

        project = pc.xor_from_gates()
        project.title = lesson_title(project.title)
        w.files.replace(project, None)
        views = getattr(w, "views", None)
        for dock in views.docks[:1] if views is not None else []:  # the decision map, with its band
            dock.show()
            dock.raise_()
        w.statusBar().showMessage(
            _tr(
                "XOR from gates: right on all 4 rows before any training. Reset the "
                "weights and train to let the network find its own solution."
            ),
            15000,
        )
        return True


@functools.cache
def _gates_title() -> str:
    from nnstudio.project import examples

    return examples.EXAMPLES["gates"]().title


def is_gates_lesson(project) -> bool:
    """The gates lesson is open (under its own title or the student's language's)."""
    from nnstudio.gui.texts import lesson_title

    try:
        title = _gates_title()
    except Exception:  # no such lesson any more: no button
        return False
    return project.title in (title, lesson_title(title))


def install(window) -> LabInstaller:
    """Add the lab to a MainWindow: ``window.perceptron_lab`` (its actions go into the View menu
    with ``window.perceptron_lab.add_to_menu(menu)``)."""
    window.perceptron_lab = LabInstaller(window)
    return window.perceptron_lab
