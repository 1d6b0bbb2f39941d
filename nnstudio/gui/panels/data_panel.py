"""The data panel: pick a built-in data set (or open a file), set its parameters, see it.

Every change goes to the document through ``SetDatasetCommand`` (so Undo covers it); the panel
follows the document's "dataset"/"project" events (undo, file open) without pushing anything
back. Loaded data sets are kept in a small cache keyed by (name, parameters), so going back to
one is instant. Big loads (MNIST, files) run in a worker thread; the full MNIST / Fashion-MNIST
download asks first and shows a progress dialog with Cancel. The cache and the running loads are
`data_cache.py`; the CSV label-column dialog is `column_dialog.py`.

Public: ``DataPanel(document, undo_stack)``, signal ``datasetLoaded(Dataset)``,
``current_dataset()``, ``select_dataset(name)``, ``open_file()``, ``open_idx_folder()``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import nnstudio.data as data
from nnstudio.data.errors import DataError
from nnstudio.data.files import csv_columns
from nnstudio.gui.commands import SetDatasetCommand
from nnstudio.gui.texts import class_names, dataset_description, dataset_title, error_text
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec

from .column_dialog import LabelColumnDialog
from .data_cache import FILE, DatasetCache, LoadJobs, download_size, load_spec, spec_key
from .data_preview import DataPreview, summary_text
from .download_dialog import DownloadDialog

__all__ = ["DataPanel", "LabelColumnDialog", "csv_columns", "download_size", "load_spec"]

DEBOUNCE_MS = 400  # spin-box edits within this time become one change (one undo step)

# Spin box settings per parameter name: (minimum, maximum, step, decimals or None for int).
PARAM_RANGES: dict[str, tuple[float, float, float, int | None]] = {
    "n_samples": (10, 20_000, 50, None),
    "noise": (0.0, 3.0, 0.05, 2),
    "seed": (0, 2_147_483_647, 1, None),
    "test_fraction": (0.0, 0.9, 0.05, 2),
    "classes": (2, 10, 1, None),
    "repeats": (1, 1_000, 1, None),
    "factor": (0.05, 0.95, 0.05, 2),
    "squares": (2, 12, 1, None),
}
PARAM_ORDER = (
    "n_samples",
    "repeats",
    "classes",
    "noise",
    "factor",
    "squares",
    "test_fraction",
    "seed",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPanel", text)


def _group_of(info) -> int:
    """0 logic gates & tables, 1 2-D classification, 2 regression, 3 images."""
    if info.kind == "image":
        return 3
    if info.task == "regression":
        return 2
    if info.kind == "2d":
        return 1
    return 0


class DataPanel(QWidget):
    """Data set list, parameters, preview and summary; Open file…; downloads with progress."""

    datasetLoaded = Signal(object)  # nnstudio.data.Dataset, whenever the active data set changes

    def __init__(self, document: Document, undo_stack, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._cache = DatasetCache()
        self._current = None
        self._current_key: tuple | None = None
        self._current_kind: str | None = None
        self._syncing = False  # True while widgets are set from the document (no commands then)
        self._request = 0  # id of the newest load request; older results are cached, not shown
        self._jobs = LoadJobs()
        self.download_dialog: DownloadDialog | None = None
        self._file_spec: DatasetSpec | None = None  # the user's file, listed under "Your data"
        self._param_widgets: dict[str, QAbstractSpinBox] = {}
        self._params_for: str | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._commit_params)

        self._locked = False
        self._build_ui()
        app = QCoreApplication.instance()
        if app is not None:  # join loader threads even if nobody calls shutdown()
            app.aboutToQuit.connect(self.shutdown)
        unsubscribe = document.subscribe(self._on_document_event)
        jobs = self._jobs

        def on_destroyed(*_):  # the widget may go without shutdown(): stop listening, join loaders
            unsubscribe()
            jobs.wait()

        self.destroyed.connect(on_destroyed)
        self._unsubscribe = unsubscribe
        self._sync_from_document()

    # ------------------------------------------------------------------ UI
    def _build_ui(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMaxVisibleItems(30)
        # Long data-set titles must not hold the left column wide (at 1024x768 it squeezed the
        # curves below the canvas to a strip); the open list still shows them whole.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.combo.setToolTip(self.tr("The data set the network learns from"))
        self._model = QStandardItemModel(self.combo)
        self.combo.setModel(self._model)
        self._fill_combo()
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        top.addWidget(self.combo, 1)

        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Open file…"))
        self.open_button.setToolTip(
            self.tr("Use your own data: a CSV table, a NumPy .npz file or MNIST-style IDX files")
        )
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.open_button)
        self.open_file_action = menu.addAction(self.tr("CSV, NPZ or IDX file…"), self.open_file)
        self.open_folder_action = menu.addAction(
            self.tr("Folder of IDX files…"), self.open_idx_folder
        )
        self.open_button.setMenu(menu)
        self.open_button.clicked.connect(self.open_file)
        top.addWidget(self.open_button)
        layout.addLayout(top)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pal = self.description.palette()
        pal.setColor(self.description.foregroundRole(), pal.color(pal.ColorRole.PlaceholderText))
        self.description.setPalette(pal)
        layout.addWidget(self.description)

        self.params_box = QWidget()
        # two "label [spin box]" pairs per row: the dock is short on a 768-pixel screen
        self.params_grid = QGridLayout(self.params_box)
        self.params_grid.setContentsMargins(0, 0, 0, 0)
        self.params_grid.setHorizontalSpacing(6)
        self.params_grid.setVerticalSpacing(4)
        self.params_grid.setColumnStretch(1, 1)
        self.params_grid.setColumnStretch(3, 1)
        layout.addWidget(self.params_box)

        self.preview = DataPreview()
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.action_button.clicked.connect(self._on_preview_action)
        layout.addWidget(self.preview, 1)

        self.summary = QLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

    def _fill_combo(self):
        self._model.clear()
        groups = [
            self.tr("Logic gates & tables"),
            self.tr("2-D classification"),
            self.tr("Regression"),
            self.tr("Images"),
        ]
        by_group: dict[int, list] = {}
        for info in data.DATASETS.values():
            by_group.setdefault(_group_of(info), []).append(info)
        for g, title in enumerate(groups):
            if g not in by_group:
                continue
            self._add_header(title)
            for info in by_group[g]:
                item = QStandardItem(self._item_text(info))
                item.setData(info.name, Qt.ItemDataRole.UserRole)
                item.setToolTip(dataset_description(info))
                self._model.appendRow(item)
        if self._file_spec is not None:
            self._add_header(self.tr("Your data"))
            item = QStandardItem("   " + self._file_title(self._file_spec))
            item.setData(FILE, Qt.ItemDataRole.UserRole)
            item.setToolTip(str(self._file_spec.path))
            self._model.appendRow(item)

    def _item_text(self, info) -> str:
        text = "   " + dataset_title(info)
        if info.needs_download and not data.is_cached(info.name):
            size = download_size(info.name)
            text += "  " + (
                self.tr("(download, {mb} MB)").format(mb=f"{size / 1e6:.0f}")
                if size
                else self.tr("(download)")
            )
        return text

    def _refresh_item_texts(self):
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            info = data.DATASETS.get(item.data(Qt.ItemDataRole.UserRole) or "")
            if info is not None:
                item.setText(self._item_text(info))

    def _add_header(self, title):
        header = QStandardItem(title)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        header.setFont(font)
        self._model.appendRow(header)

    def _file_title(self, spec: DatasetSpec) -> str:
        name = Path(str(spec.path)).name or str(spec.path)
        fmt = (spec.format or "").upper()
        return self.tr("{file} ({format})").format(file=name, format=fmt) if fmt else name

    def _combo_index(self, name: str) -> int:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(Qt.ItemDataRole.UserRole) == name:
                return row
        return -1

    def _set_file_entry(self, spec: DatasetSpec | None):
        """List the user's file under "Your data" (rebuilds the combo; caller guards signals)."""
        if (
            spec is not None
            and self._file_spec is not None
            and spec_key(spec) == spec_key(self._file_spec)
        ):
            return
        if spec is None:
            return
        self._file_spec = copy.deepcopy(spec)
        was = self._syncing
        self._syncing = True
        try:
            self._fill_combo()
        finally:
            self._syncing = was

    def _build_params(self, name: str, params: dict):
        """Spin boxes for the parameters of ``name`` (rebuilt only when the data set changes)."""
        if name == self._params_for and set(params) == set(self._param_widgets):
            for key, value in params.items():
                w = self._param_widgets[key]
                if value is not None and w.value() != value:
                    w.setValue(value)
            return
        while self.params_grid.count():
            widget = self.params_grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._param_widgets = {}
        self._params_for = name
        labels = {
            "n_samples": self.tr("Samples"),
            "noise": self.tr("Noise"),
            "seed": self.tr("Seed"),
            "test_fraction": self.tr("Test fraction"),
            "classes": self.tr("Classes"),
            "repeats": self.tr("Repeats"),
            "factor": self.tr("Inner radius"),
            "squares": self.tr("Squares per side"),
        }
        tips = {
            "n_samples": self.tr("How many points to make (train and test together)"),
            "noise": self.tr("How much random jitter is added to each point"),
            "seed": self.tr("The same seed always makes the same points"),
            "test_fraction": self.tr(
                "The share of points kept aside to test on (never trained on)"
            ),
            "classes": self.tr("How many classes (one colour each)"),
            "repeats": self.tr(
                "Noisy copies of the table to train on (the exact table is the test set)"
            ),
            "factor": self.tr("Radius of the inner ring as a fraction of the outer one"),
            "squares": self.tr("Squares along each side of the board"),
        }
        order = [k for k in PARAM_ORDER if k in params] + [
            k for k in params if k not in PARAM_ORDER
        ]
        for key in order:
            value = params[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) and value is not None:
                continue  # only numbers get a spin box
            lo, hi, step, decimals = PARAM_RANGES.get(
                key,
                (0, 1_000_000, 1, None)
                if isinstance(value, int) or value is None
                else (0.0, 1000.0, 0.1, 3),
            )
            if decimals is None:
                w = QSpinBox()
                w.setRange(int(lo), int(hi))
                w.setSingleStep(int(step))
                if key == "n_samples":
                    w.setGroupSeparatorShown(True)
                w.setValue(int(value) if value is not None else 0)
            else:
                w = QDoubleSpinBox()
                w.setDecimals(decimals)
                w.setRange(lo, hi)
                w.setSingleStep(step)
                w.setValue(float(value))
            w.setKeyboardTracking(False)
            w.setObjectName(f"param_{key}")
            w.setToolTip(tips.get(key, ""))
            w.valueChanged.connect(self._on_param_changed)
            self._param_widgets[key] = w
            row, col = divmod(len(self._param_widgets) - 1, 2)
            label = QLabel(labels.get(key, key.replace("_", " ").capitalize()))
            label.setBuddy(w)
            label.setToolTip(w.toolTip())
            self.params_grid.addWidget(label, row, 2 * col)
            self.params_grid.addWidget(w, row, 2 * col + 1)
        self.params_box.setVisible(bool(self._param_widgets))

    def _param_values(self) -> dict:
        out = {}
        for key, w in self._param_widgets.items():
            out[key] = (
                int(w.value()) if isinstance(w, QSpinBox) else round(float(w.value()), w.decimals())
            )
        return out

    # ------------------------------------------------------------------ public
    def current_dataset(self):
        """The Dataset the document's spec names, once loaded (None while loading or if it failed)."""
        return self._current

    def param_widget(self, name: str) -> QAbstractSpinBox | None:
        return self._param_widgets.get(name)

    def select_dataset(self, name: str) -> None:
        """Pick a built-in data set as a user would in the list."""
        index = self._combo_index(name)
        if index < 0:
            raise KeyError(name)
        if index == self.combo.currentIndex():
            self._on_combo_changed(index)
        else:
            self.combo.setCurrentIndex(index)

    def set_locked(self, locked: bool) -> None:
        """While training runs the data set cannot change (the preview stays usable)."""
        self._locked = bool(locked)
        if locked:
            # an edit not yet applied is dropped and a change still loading is abandoned: the
            # panel shows the document's data set, the one training uses
            self._debounce.stop()
            self._request += 1
            self._sync_from_document(force_show=True)
        for w in (self.combo, self.open_button, self.params_box, self.preview.action_button):
            w.setEnabled(not locked)

    def is_locked(self) -> bool:
        return self._locked

    def shutdown(self) -> None:
        """Cancel running loads and join their threads (the main window calls this on close)."""
        self._debounce.stop()
        self._jobs.wait()

    def closeEvent(self, event):  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ user actions
    @Slot(int)
    def _on_combo_changed(self, index: int):
        if self._syncing or index < 0:
            return
        name = self._model.item(index).data(Qt.ItemDataRole.UserRole)
        if name is None:
            return
        if name == FILE:
            if self._file_spec is not None:
                self._show_info_for(FILE)
                self._build_params(FILE, {})
                self._apply(copy.deepcopy(self._file_spec), push=True)
            return
        info = data.DATASETS[name]
        doc_spec = self.document.project.dataset
        params = dict(info.params)
        if doc_spec.name == name:  # re-picking the document's data set keeps its settings
            params.update({k: v for k, v in (doc_spec.params or {}).items() if k in info.params})
        self._show_info_for(name)
        self._syncing = True
        try:
            self._build_params(name, params)
        finally:
            self._syncing = False
        self._apply(DatasetSpec(name=name, params=params), push=True)

    @Slot()
    def _on_param_changed(self, *_):
        if self._syncing:
            return
        self._debounce.start()

    @Slot()
    def _commit_params(self):
        if self._locked:
            return
        name = self._params_for
        if not name or name == FILE:
            return
        spec = DatasetSpec(name=name, params=self._param_values())
        if spec_key(spec) == self._current_key and self.document.project.dataset.name == name:
            return
        self._apply(spec, push=True)

    def flush(self) -> None:
        """Apply a pending (debounced) parameter edit now."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._commit_params()

    def open_file(self) -> None:
        """Ask for a CSV / NPZ / IDX file and use it (the label column is asked for CSVs)."""
        if self._locked:
            return
        start = QSettings().value("data/last_dir", "", str) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a data file"),
            start,
            self.tr(
                "Data files (*.csv *.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;CSV tables (*.csv);;"
                "NumPy archives (*.npz);;IDX files (*-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)"
            ),
        )
        if not path:
            return
        QSettings().setValue("data/last_dir", str(Path(path).parent))
        lower = path.lower()
        if lower.endswith(".npz"):
            self._open_spec(DatasetSpec(name=FILE, path=path, format="npz"))
        elif "ubyte" in lower or lower.endswith((".idx", ".idx.gz")):
            # one IDX file stands for its folder (train/t10k images and labels side by side)
            self._open_spec(DatasetSpec(name=FILE, path=str(Path(path).parent), format="idx"))
        else:
            try:
                columns, header = csv_columns(path)
            except DataError as exc:
                self._error(self.tr("Cannot open the file"), error_text(exc))
                return
            if len(columns) < 2:
                self._error(
                    self.tr("Cannot open the file"),
                    self.tr(
                        "{file} has only one column; a CSV data file needs at least one input column and a label "
                        "column, separated by commas."
                    ).format(file=Path(path).name),
                )
                return
            answer = LabelColumnDialog.ask(self, Path(path).name, columns)
            if answer is None:
                return
            index, task = answer
            options: dict[str, Any] = {"label_column": columns[index] if header else index}
            if task:
                options["task"] = task
            self._open_spec(DatasetSpec(name=FILE, path=path, format="csv", options=options))

    def open_idx_folder(self) -> None:
        if self._locked:
            return
        start = QSettings().value("data/last_dir", "", str) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a folder of IDX files"), start
        )
        if not folder:
            return
        QSettings().setValue("data/last_dir", folder)
        self._open_spec(DatasetSpec(name=FILE, path=folder, format="idx"))

    def _open_spec(self, spec: DatasetSpec):
        self._cache.discard(
            spec_key(spec)
        )  # opening a file again reads it again (it may have changed)
        if self._current_key == spec_key(spec):
            self._current_key = None
        self._apply(spec, push=True)

    @Slot()
    def _on_preview_action(self):
        """The preview's button: download the document's data set (shown when it is not cached)."""
        spec = self.document.project.dataset
        info = data.DATASETS.get(spec.name)
        if info is not None and info.needs_download:
            self._request += 1
            self._start_download(self._request, copy.deepcopy(spec), info, push=False)

    # ------------------------------------------------------------------ loading
    def _apply(self, spec: DatasetSpec, push: bool) -> None:
        """Make ``spec`` the shown data set: from the cache, loaded, or downloaded; with ``push``
        the document gets a SetDatasetCommand once the data is in hand (never on failure)."""
        self._debounce.stop()
        self._request += 1
        rid = self._request
        key = spec_key(spec)
        cached = self._cache.get(key)
        if cached is not None:
            self._loaded(rid, spec, cached, push)
            return
        info = data.DATASETS.get(spec.name)
        if info is not None and info.needs_download and not data.is_cached(spec.name):
            if not push:
                self._current, self._current_key = None, None
                self.summary.setText("")
                size = download_size(spec.name)
                self.preview.show_message(
                    self.tr(
                        "{title} is not on this computer yet. Download it (about {mb} MB, once) to use it, "
                        "or pick the bundled 5,000-digit sample, which works offline."
                    ).format(title=dataset_title(info), mb=f"{(size or 0) / 1e6:.0f}"),
                    action=self.tr("Download…"),
                )
                return
            if not self._ask_download(info):
                self._revert()
                return
            self._start_download(rid, spec, info, push=push)
            return
        heavy = spec.name == FILE or (
            info is not None and (info.kind == "image" or info.needs_download)
        )
        if heavy:
            title = dataset_title(info) if info is not None else Path(str(spec.path)).name
            self.preview.show_message(self.tr("Loading {title}…").format(title=title))
            self.summary.setText("")
            frozen = copy.deepcopy(spec)  # the spec as it is now, not as the panel edits it later
            self._jobs.start(
                lambda progress, cancel: load_spec(frozen, progress, cancel),
                self,
                lambda ds: self._loaded(rid, spec, ds, push),
                lambda message: self._failed(rid, spec, message, push),
            )
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ds = load_spec(spec)
        except DataError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._failed(rid, spec, error_text(exc), push)
            return
        QGuiApplication.restoreOverrideCursor()
        self._loaded(rid, spec, ds, push)

    def _loaded(self, rid, spec, ds, push):
        key = spec_key(spec)
        self._cache.put(key, ds)
        if rid != self._request:
            return  # the user has moved on; keep it for later
        changed = ds is not self._current
        self._current, self._current_key = ds, key
        if spec.name == FILE:
            self._set_file_entry(spec)
        info = data.DATASETS.get(spec.name)
        self._current_kind = self.preview.show_dataset(ds, info.kind if info is not None else None)
        self.summary.setText(summary_text(ds))
        if spec.name == FILE:
            self._show_info_for(FILE, ds)
        if push and not self._locked:
            doc = self.document.project
            if spec_key(doc.dataset) != key or tuple(doc.input_shape or ()) != tuple(
                ds.input_shape
            ):
                self.undo_stack.push(
                    SetDatasetCommand(
                        self.document, copy.deepcopy(spec), input_shape=tuple(ds.input_shape)
                    )
                )
            else:
                self._sync_widgets()
        if changed:
            self.datasetLoaded.emit(ds)

    def _failed(self, rid, spec, message, push):
        if rid != self._request:
            return
        if push:
            self._error(self.tr("Cannot use this data set"), message)
            self._revert()
        else:  # the document names data we cannot load (a moved file, ...): say so in the preview
            self._current, self._current_key = None, None
            self.summary.setText("")
            self.preview.show_message(message)

    def _revert(self):
        """Back to what the document says (after a failed or cancelled change)."""
        self._request += 1
        self._sync_from_document(force_show=True)

    # ------------------------------------------------------------------ downloads
    def _ask_download(self, info) -> bool:
        size = download_size(info.name)
        size_text = (
            self.tr("about {mb} MB").format(mb=f"{size / 1e6:.0f}") if size else self.tr("a few MB")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Download {title}?").format(title=dataset_title(info)),
            self.tr(
                "{title} is not on this computer yet. Download it now ({size}, only once)? "
                "The bundled 5,000-digit MNIST sample works without the internet."
            ).format(title=dataset_title(info), size=size_text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _start_download(self, rid, spec, info, push):
        spec = copy.deepcopy(spec)
        dialog = DownloadDialog(
            dataset_title(info), lambda progress, cancel: load_spec(spec, progress, cancel), self
        )
        self.download_dialog = dialog
        self._jobs.add(dialog.job)
        self.preview.show_message(self.tr("Downloading {title}…").format(title=dataset_title(info)))

        def done(ds):
            self._jobs.discard(dialog.job)
            self.download_dialog = None
            self._refresh_item_texts()
            self._loaded(rid, spec, ds, push)

        def failed(message):
            self._jobs.discard(dialog.job)
            self.download_dialog = None
            if rid == self._request:
                self._error(self.tr("Download failed"), message)
                self._revert()

        def cancelled():
            self._jobs.discard(dialog.job)
            self.download_dialog = None
            if rid == self._request:
                self._revert()

        dialog.loaded.connect(done)
        dialog.failed.connect(failed)
        dialog.cancelled.connect(cancelled)
        dialog.start()

    # ------------------------------------------------------------------ following the document
    def _on_document_event(self, event: str, info: dict) -> None:
        if event in ("dataset", "project"):
            self._sync_from_document()

    def _sync_from_document(self, force_show: bool = False) -> None:
        spec = self.document.project.dataset
        info = data.DATASETS.get(spec.name)
        self._sync_widgets()
        key = spec_key(spec)
        if key == self._current_key and self._current is not None:
            if (
                force_show and self.preview.shown is not self._current
            ):  # redrawing 20,000 points takes a while
                self._current_kind = self.preview.show_dataset(
                    self._current, info.kind if info else None
                )
                self.summary.setText(summary_text(self._current))
                self._show_info_for(spec.name, self._current)
            return
        if info is None and spec.name != FILE:
            self._current, self._current_key = None, None
            self.summary.setText("")
            self.preview.show_message(
                self.tr(
                    "This project uses the data set “{name}”, which this version of nnstudio does not have; "
                    "choose one from the list."
                ).format(name=spec.name)
            )
            return
        self._apply(copy.deepcopy(spec), push=False)

    def _sync_widgets(self) -> None:
        """List selection, parameter boxes and description as the document says (no commands)."""
        spec = self.document.project.dataset
        info = data.DATASETS.get(spec.name)
        self._syncing = True
        try:
            if spec.name == FILE:
                self._set_file_entry(spec)
            index = self._combo_index(spec.name)
            self.combo.setCurrentIndex(index)
            if info is not None:
                params = dict(info.params)
                # a setting the data set does not take (an old or hand-edited file) gets no box;
                # the preview says why the data cannot be made, the next edit drops it
                params.update({k: v for k, v in (spec.params or {}).items() if k in info.params})
                self._build_params(spec.name, params)
            else:
                self._build_params(spec.name, {})
            self._show_info_for(spec.name, self._current)
        finally:
            self._syncing = False

    def _show_info_for(self, name: str, ds=None):
        info = data.DATASETS.get(name)
        if info is not None:
            self.description.setText(dataset_description(info))
        elif name == FILE:
            spec = self._file_spec or self.document.project.dataset
            text = self.tr("Your data from {path}.").format(path=spec.path)
            if ds is not None and ds.class_names and ds.task == "classification":
                text += " " + self.tr("Classes: {names}.").format(
                    names=", ".join(class_names(ds)[:12])
                )
            self.description.setText(text)
        else:
            self.description.setText("")

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)
