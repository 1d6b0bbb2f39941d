"""See Backpropagation: step through one training step of the student's own network.

Phases, walked with ← / → (or the buttons): forward layer by layer, the loss, backward layer
by layer, the update, then Apply. Apply takes exactly that step on the model (the document's
weights and optimizer state follow, bit-identical to Step batch) and the walk starts again on
the next batch. The numbers come from ``nnstudio.engine.trace`` (the real training step,
computed on a copy); the side panel writes the clicked unit's or weight's formula with them,
and the "One neuron" tab draws a unit as a computation graph.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from . import formulas
from .diagrams import NetworkDiagram, NeuronGraph
from .formulas import num, short
from .session import MAX_UNITS, StepSession, columns, too_wide, unit_flags


def phases(n_cols: int) -> list[tuple[str, int]]:
    """[("forward", 1), ..., ("loss", C), ("backward", C), ..., ("backward", 1), ("update", 0), ("apply", 0)]"""
    c = n_cols - 1
    return (
        [("forward", k) for k in range(1, c + 1)]
        + [("loss", c)]
        + [("backward", k) for k in range(c, 0, -1)]
        + [("update", 0), ("apply", 0)]
    )


class BackpropWindow(QWidget):
    """A window of its own (it needs room); ``applied`` after each Apply with the batch loss."""

    applied = Signal(float)

    def __init__(self, document, controller=None, dataset_source=None, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("BackpropWindow")
        self.setWindowTitle(self.tr("See Backpropagation"))
        self.document = document
        self.controller = controller
        self.dataset_source = dataset_source  # () -> Dataset (raises DataError/ProjectError)
        self.session: StepSession | None = None
        self.phase = 0
        self.sample = -1  # -1: the whole batch
        self.selection = None
        self._dirty = True
        self._writing = False
        self._build()
        self._unsubscribe = document.subscribe(self._on_document)
        if (
            controller is not None
        ):  # Apply waits while a run is open (its model is ahead of the document)
            controller.stateChanged.connect(self._update_apply)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.resize(1100, 640)

    # -- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.position = QLabel()
        self.samples = QComboBox()
        self.samples.setObjectName("sampleChoice")
        self.samples.currentIndexChanged.connect(self._on_sample)
        self.back = QPushButton(self.tr("◀ Back"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.apply_button = QPushButton(self.tr("Apply step"))
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setToolTip(
            self.tr("Take this training step on the model (Enter): the same as Step batch")
        )
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(+1))
        self.apply_button.clicked.connect(self.apply)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phaseLabel")
        font = self.phase_label.font()
        font.setBold(True)
        self.phase_label.setFont(font)

        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.samples)
        top.addStretch(1)
        top.addWidget(self.back)
        top.addWidget(self.phase_label)
        top.addWidget(self.next)
        top.addWidget(self.apply_button)

        self.diagram = NetworkDiagram()
        self.diagram.selected.connect(self._on_selected)
        self.formula = QTextBrowser()
        self.formula.setObjectName("formulaPanel")
        self.formula.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ← / → walk the phases, not its cursor
        self.diagram.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.neuron = NeuronGraph()
        self.side = QTabWidget()
        self.side.addTab(self.formula, self.tr("Formula"))
        self.side.addTab(self.neuron, self.tr("One neuron"))
        split = QSplitter()
        split.addWidget(self.diagram)
        split.addWidget(self.side)
        split.setSizes([640, 440])

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.message)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    # -- the model -------------------------------------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        if self._writing:
            return
        if event in ("layers", "project", "dataset", "training", "weights"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def keyPressEvent(self, event):
        """← / → walk the phases, Enter applies (keys no child widget took)."""
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.go(-1)
        elif key == Qt.Key.Key_Right:
            self.go(+1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _problem(self) -> str:
        """Builds the session when needed; returns why there is nothing to show, or ""."""
        if not self._dirty and self.session is not None:
            return ""
        self.session = None
        project = self.document.project
        if not project.layers:
            return self.tr("The network has no layers yet: add a Dense layer first.")
        try:
            dataset = self.dataset_source() if self.dataset_source else None
            if dataset is None:
                return self.tr("Choose a data set in the Data panel.")
            session = StepSession(project, dataset)
        except Exception as exc:  # noqa: BLE001 (DataError, ProjectError, ValueError: said in a sentence)
            return self.tr("The step-through cannot start: {error}").format(
                error=str(exc) or type(exc).__name__
            )
        wide = too_wide(session.model)
        if wide is not None:
            return self.tr(
                "This view draws networks whose layers are at most {limit} units wide; {layer} has "
                "{units}. Use Train ▸ Gradient Check for a network of any size."
            ).format(limit=MAX_UNITS, layer=wide[0], units=wide[1])
        self.session, self._dirty = session, False
        self.phase, self.selection = 0, None
        self._fill_samples()
        return ""

    def _fill_samples(self) -> None:
        n = len(self.session.batch_indices())
        self.samples.blockSignals(True)
        self.samples.clear()
        self.samples.addItem(self.tr("Whole batch ({n} samples)").format(n=n))
        for k, idx in enumerate(self.session.batch_indices()):
            self.samples.addItem(self.tr("Sample {k} (#{index})").format(k=k + 1, index=int(idx)))
        self.samples.setCurrentIndex(0 if self.sample < 0 or self.sample >= n else self.sample + 1)
        self.samples.blockSignals(False)
        self.sample = self.samples.currentIndex() - 1

    def _on_sample(self, index: int) -> None:
        self.sample = index - 1
        self.refresh()

    def _on_selected(self, selection) -> None:
        self.selection = selection
        self.refresh()

    # -- walking ---------------------------------------------------------------------------
    @property
    def phase_list(self):
        return phases(len(columns(self.session.trace()))) if self.session else []

    def go(self, delta: int) -> None:
        if self.session is None:
            return
        self.phase = max(0, min(len(self.phase_list) - 1, self.phase + delta))
        self.refresh()

    def set_phase(self, kind: str, column: int | None = None) -> None:
        for k, (name, col) in enumerate(self.phase_list):
            if name == kind and (column is None or col == column):
                self.phase = k
                self.refresh()
                return
        raise ValueError(f"no phase {kind!r} {column!r}")

    def apply(self) -> bool:
        """Take the traced step on the model; the document gets the new weights and optimizer state."""
        if self.session is None:
            return False
        if self.controller is not None and self.controller.is_training:
            self.position.setText(
                self.tr("A training run is open (running or paused): stop it to apply a step here.")
            )
            return False
        from nnstudio.project import build

        loss, epoch_logs = self.session.apply()
        self._writing = True
        try:  # weights and optimizer state; a finished epoch also goes into the history
            history = None if epoch_logs is None else {k: [v] for k, v in epoch_logs.items()}
            build.capture(self.document, self.session.model, history)
        finally:
            self._writing = False
        self.phase = 0
        self._fill_samples()
        self.refresh()
        self.applied.emit(loss)
        return True

    # -- drawing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            self.stack.setCurrentWidget(self.message)
            for w in (self.back, self.next, self.apply_button, self.samples):
                w.setEnabled(False)
            return
        self.stack.setCurrentIndex(0)
        for w in (self.back, self.next, self.apply_button, self.samples):
            w.setEnabled(True)
        s = self.session
        tr_ = s.trace()
        cols = columns(tr_)
        plist = phases(len(cols))
        self.phase = min(self.phase, len(plist) - 1)
        kind, c = plist[self.phase]
        rows = [self.sample] if self.sample >= 0 else list(range(len(tr_.y)))
        self.position.setText(
            self.tr("Epoch {epoch}, batch {batch} of {steps}").format(
                epoch=s.epoch + 1, batch=s.step + 1, steps=s.steps
            )
        )
        self.phase_label.setText(
            self._phase_name(kind, c, cols) + f"  ({self.phase + 1}/{len(plist)})"
        )
        self._update_apply()
        self.back.setEnabled(self.phase > 0)
        self.next.setEnabled(self.phase < len(plist) - 1)
        self.apply_button.setDefault(kind == "apply")
        d = self.diagram
        d.sizes = [col.units for col in cols]
        d.names = [self.tr("input") if col.dense is None else col.name for col in cols]
        d.node_text, d.edge_values, d.flags = {}, {}, {}
        agg = (lambda v: v[rows][0]) if len(rows) == 1 else (lambda v: v[rows].mean(axis=0))
        for k, col in enumerate(cols):
            forward_done = kind != "forward" or k <= c
            if forward_done:
                if col.dense is None:
                    for j, v in enumerate(agg(tr_.x)):
                        d.node_text[(k, j)] = ([f"x {short(v)}"], float(np.tanh(v)))
                else:
                    z, a = agg(col.z()), agg(col.a(tr_))
                    for j in range(col.units):
                        lines = [f"z {short(z[j])}", f"a {short(a[j])}"]
                        if kind == "loss" and k == len(cols) - 1:
                            lines.append(self._target_text(tr_, rows, j))
                        d.node_text[(k, j)] = (lines, float(np.tanh(a[j])))
                    for j, flag in enumerate(unit_flags(col, rows)):
                        if flag:
                            d.flags[(k, j)] = flag
        if kind == "forward":
            d.active = set(range(c + 1))
            for k in range(1, c + 1):
                d.edge_values[k] = tr_.updates[f"{cols[k].name}/kernel"].before
        elif kind == "loss":
            d.active = set(range(len(cols)))
            for k in range(1, len(cols)):
                d.edge_values[k] = tr_.updates[f"{cols[k].name}/kernel"].before
        elif kind == "backward":
            d.active = set(range(c, len(cols)))
            for k in range(c, len(cols)):
                delta = cols[k].delta()
                dsum = delta[rows].sum(axis=0)
                top = float(np.abs(dsum).max()) or 1.0
                for j in range(cols[k].units):
                    d.node_text[(k, j)] = ([f"δ {short(dsum[j])}"], float(dsum[j] / top))
                if len(rows) == 1:
                    a_prev = cols[k - 1].a(tr_)[rows[0]]
                    d.edge_values[k] = np.outer(a_prev, delta[rows[0]])
                else:
                    d.edge_values[k] = tr_.updates[f"{cols[k].name}/kernel"].grad
        else:  # update, apply
            d.active = set(range(len(cols)))
            for k in range(1, len(cols)):
                d.edge_values[k] = tr_.updates[f"{cols[k].name}/kernel"].step
                bias = tr_.updates.get(f"{cols[k].name}/bias")
                if bias is not None:
                    step = bias.step
                    top = float(np.abs(step).max()) or 1.0
                    for j in range(cols[k].units):
                        d.node_text[(k, j)] = ([f"Δb {short(step[j])}"], float(step[j] / top))
        d.selection = self.selection
        d.banner = self._banner(kind, tr_)
        d.update()
        self.formula.setHtml(self._formula(kind, c, cols, tr_, rows))
        self.neuron.set_unit(self._neuron_data(cols, tr_, rows))

    def _update_apply(self, *_) -> None:
        training = self.controller is not None and self.controller.is_training
        self.apply_button.setEnabled(self.session is not None and not training)

    def _target_text(self, tr_, rows, j: int) -> str:
        t = tr_.targets[rows]
        if t.ndim == 1:  # class indices
            return f"t {short(np.mean(t == j))}"
        return f"t {short(t[:, j].mean())}"

    def _phase_name(self, kind: str, c: int, cols) -> str:
        if kind == "forward":
            return self.tr("Forward: {layer}").format(layer=cols[c].name)
        if kind == "backward":
            return self.tr("Backward: {layer}").format(layer=cols[c].name)
        return {"loss": self.tr("Loss"), "update": self.tr("Update"), "apply": self.tr("Apply")}[
            kind
        ]

    def _banner(self, kind: str, tr_) -> str:
        loss = self.tr("batch loss L = {loss}").format(loss=num(tr_.loss))
        if kind == "forward":
            return self.tr("Circles: z and a = f(z) ({which}); lines: the weights").format(
                which=self._which()
            )
        if kind == "loss":
            return loss
        if kind == "backward":
            return self.tr(
                "Circles: δ = ∂L/∂z (summed over {which}); lines: ∂L/∂w, blue +, vermillion −, "
                "thicker = larger"
            ).format(which=self._which())
        if kind == "update":
            return self.tr("Lines: the step Δw each weight takes; circles: Δb") + "   " + loss
        return self.tr(
            "Press Apply (Enter): the model takes exactly this step, as Step batch would."
        )

    def _which(self) -> str:
        if self.sample >= 0:
            return self.tr("sample {k}").format(k=self.sample + 1)
        return self.tr("the batch")

    def _formula(self, kind, c, cols, tr_, rows) -> str:
        s = rows[0]
        sel = self.selection
        note = ""
        if (
            self.sample < 0
            and sel is not None
            and not (kind == "backward" and sel[0] == "weight")
            and kind not in ("update", "apply")
        ):
            note = (
                "<p><i>"
                + self.tr("Numbers of sample 1 of the batch (choose a sample above).")
                + "</i></p>"
            )
        if sel is not None and sel[0] == "unit" and sel[1] == 0:
            return note + "<p>x = " + num(tr_.x[s, sel[2]]) + "</p>"
        if sel is not None and sel[0] == "unit":
            _, k, j = sel
            if kind == "forward" and k <= c:
                return note + formulas.forward_unit(tr_, cols, k, j, s)
            if kind == "loss":
                return note + formulas.loss_text(tr_, s)
            if kind == "backward" and k >= c:
                flag = unit_flags(cols[k], rows)[j]
                return note + formulas.backward_unit(tr_, cols, k, j, s, flag)
            if kind in ("update", "apply") and f"{cols[k].name}/bias" in tr_.updates:
                return formulas.update_param(tr_, f"{cols[k].name}/bias", (j,))
        if sel is not None and sel[0] == "weight":
            _, k, i, j = sel
            if kind == "backward" and k >= c:
                return formulas.backward_weight(tr_, cols, k, i, j, rows)
            if kind in ("update", "apply"):
                return formulas.update_param(tr_, f"{cols[k].name}/kernel", (i, j))
            w = tr_.updates[f"{cols[k].name}/kernel"].before[i, j]
            return "<p>w = " + num(w) + "</p>"
        return self._overview(kind, tr_, s)

    def _overview(self, kind, tr_, s) -> str:
        if kind == "loss":
            return formulas.loss_text(tr_, s)
        text = {
            "forward": self.tr(
                "<p><b>Forward</b>: each unit computes z = Σᵢ aᵢ·wᵢ + b, then a = f(z); the "
                "outputs of one layer are the inputs of the next.</p><p>Click a unit or a "
                "weight to see its numbers.</p>"
            ),
            "backward": self.tr(
                "<p><b>Backward</b>: the error δ = ∂L/∂z flows from the loss back to the "
                "inputs by the chain rule: δⱼ = (Σₖ wⱼₖ·δₖ) · f′(zⱼ). Each weight's "
                "gradient is ∂L/∂wᵢⱼ = δⱼ · aᵢ, summed over the batch.</p><p>A unit with "
                "f′(z) ≈ 0 (dead or saturated, dashed ring) passes almost nothing back: it "
                "stops learning.</p>"
            ),
            "update": self.tr(
                "<p><b>Update</b>: every weight takes the optimizer's step ({optimizer}). "
                "Click a weight to see its rule with the numbers.</p>"
            ),
            "apply": self.tr(
                "<p><b>Apply</b>: the model takes exactly this step (the same as Step batch); "
                "then the walk starts again on the next batch.</p>"
            ),
        }[kind]
        return text.replace("{optimizer}", tr_.optimizer["class_name"])

    def _neuron_data(self, cols, tr_, rows):
        sel = self.selection
        if sel is None or sel[0] != "unit" or sel[1] == 0:
            k, j = len(cols) - 1, 0
        else:
            k, j = sel[1], sel[2]
        col, prev = cols[k], cols[k - 1]
        s = rows[0]
        W = tr_.updates[f"{col.name}/kernel"].before
        bias = tr_.updates.get(f"{col.name}/bias")
        local = col.local()
        last = k == len(cols) - 1
        if col.fused:
            upstream = None
        elif last:
            src = col.act.dL_da if col.act.dL_da is not None else col.dense.dL_da
            upstream = float(src[s, j])
        else:
            nxt = cols[k + 1]
            upstream = float(np.dot(tr_.updates[f"{nxt.name}/kernel"].before[j], nxt.delta()[s]))
        return {
            "a_in": prev.a(tr_)[s],
            "w": W[:, j],
            "b": 0.0 if bias is None else float(bias.before[j]),
            "z": float(col.z()[s, j]),
            "a": float(col.a(tr_)[s, j]),
            "fprime": None if local is None or col.fused else float(local[s, j]),
            "delta": float(col.delta()[s, j]),
            "upstream": upstream,
            "act": col.activation or "linear",
            "fused": col.fused,
            "output": last,
        }
