"""The live model summary: what ``model.summary()`` prints, as a table that follows the document.

Rebuilt (from the specs, no training needed) a moment after the network or the data set
changes; when the network can't be built the panel says why instead of showing a table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def summary_rows(project) -> list[tuple[str, str, tuple, int]]:
    """[(name, class_name, output_shape, params), ...] of the project's network (built, not trained).

    Raises ProjectError (from ``nnstudio.project.build``) when the network can't be built.
    """
    from nnstudio.project import build
    from nnstudio.project.errors import ProjectError
    from nnstudio.project.validate import check_network

    if project.input_shape is None:
        raise ProjectError(
            "The network has no input shape yet; choose a data set in the Data panel."
        )
    if not project.layers:
        raise ProjectError("The network has no layers yet; drag a Dense layer from the palette.")
    check_network(project)
    import nnstudio.engine as engine

    model = engine.Sequential(build.build_layers(project))
    try:
        model.build(tuple(int(d) for d in project.input_shape))
    except Exception as exc:
        raise ProjectError(f"The network could not be built: {exc}") from exc
    return [
        (name, cls, tuple(shape), int(params)) for name, cls, shape, params in model.summary_rows()
    ]


def format_shape(shape: tuple) -> str:
    """Keras style with the batch dimension: (None, 8)."""
    return "(" + ", ".join(["None", *[str(d) for d in shape]]) + ")"


def format_bytes(n: int) -> str:
    """Keras' way: 132.00 B, 1.55 MB."""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.2f} {unit}"
        size /= 1024
    return f"{size:.2f} GB"


class SummaryPanel(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self)
        self.title.setObjectName("summaryTitle")
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("summaryTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Layer (type)"), self.tr("Output shape"), self.tr("Param #")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.totals = QLabel(self)
        self.totals.setObjectName("summaryTotals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.totals)
        self.message = QLabel(self)
        self.message.setObjectName("summaryMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message, 1)
        self.rows: list[tuple] = []
        self.error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)  # coalesce a burst of edits (e.g. a macro) into one rebuild
        self._timer.timeout.connect(self.refresh)
        self._unsubscribe = document.subscribe(self._on_document)
        self.destroyed.connect(lambda *_, u=self._unsubscribe: u())
        self.refresh()

    def _on_document(self, event: str, info: dict) -> None:
        if event in ("layers", "dataset", "project"):
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        try:
            rows = summary_rows(self.document.project)
        except (
            Exception
        ) as exc:  # ProjectError; anything else is shown the same way, never a traceback
            self.rows, self.error = [], str(exc) or exc.__class__.__name__
            self._show_error()
            return
        self.rows, self.error = rows, None
        self._show_rows()

    def _show_error(self) -> None:
        self.title.setText(self.tr("Model summary"))
        self.table.setRowCount(0)
        self.table.hide()
        self.totals.setText("")
        self.totals.hide()
        self.message.setText(
            self.tr("The network can't be built yet: {reason}").format(reason=self.error)
        )
        self.message.show()

    def _show_rows(self) -> None:
        shape = tuple(self.document.project.input_shape or ())
        self.title.setText(
            self.tr('Model: "sequential" — input {shape}').format(shape=format_shape(shape))
        )
        self.table.setRowCount(len(self.rows))
        for r, (name, cls, out_shape, params) in enumerate(self.rows):
            items = [
                QTableWidgetItem(f"{name} ({cls})"),
                QTableWidgetItem(format_shape(out_shape)),
                QTableWidgetItem(f"{params:,}"),
            ]
            items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, item in enumerate(items):
                self.table.setItem(r, c, item)
        total = self.total_params
        self.totals.setText(
            self.tr(
                "Total params: {total} ({size})\nTrainable params: {total} ({size})\n"
                "Non-trainable params: 0 (0.00 B)"
            ).format(total=f"{total:,}", size=format_bytes(total * 4))
        )
        self.table.show()
        self.totals.show()
        self.message.hide()

    @property
    def total_params(self) -> int:
        return sum(row[3] for row in self.rows)

    def text(self) -> str:
        """The summary as plain text (what the table shows), for copying and tests."""
        if self.error:
            return self.error
        lines = [f"{n} ({c})\t{format_shape(s)}\t{p:,}" for n, c, s, p in self.rows]
        return "\n".join(lines + [f"Total params: {self.total_params:,}"])
