"""The dialog that asks which column of a CSV file is the label (and, optionally, the task)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
)


class LabelColumnDialog(QDialog):
    """Which column of the CSV holds the label? Lists the columns, the last one preselected;
    the task is decided from the data unless the user says."""

    def __init__(self, file_name: str, columns: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the label column"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Which column of {file} is the label (the answer the network learns)? "
                "The other columns are the inputs."
            ).format(file=file_name)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        for i, name in enumerate(columns):
            self.list.addItem(name or self.tr("(column {n})").format(n=i + 1))
        self.list.setCurrentRow(len(columns) - 1)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list)
        form = QFormLayout()
        self.task = QComboBox()
        self.task.addItem(self.tr("Decide from the labels"), None)
        self.task.addItem(self.tr("Classification (labels are classes)"), "classification")
        self.task.addItem(self.tr("Regression (labels are numbers to predict)"), "regression")
        form.addRow(self.tr("Task"), self.task)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.columns = columns

    def column(self) -> str:
        row = self.list.currentRow()
        return self.columns[row] if 0 <= row < len(self.columns) else self.columns[-1]

    def column_index(self) -> int:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.columns) else len(self.columns) - 1

    def chosen_task(self) -> str | None:
        return self.task.currentData()

    @staticmethod
    def ask(parent, file_name: str, columns: list[str]) -> tuple[int, str | None] | None:
        """(column index, task or None) or None when cancelled."""
        dialog = LabelColumnDialog(file_name, columns, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.column_index(), dialog.chosen_task()
            return None
        finally:
            dialog.deleteLater()
