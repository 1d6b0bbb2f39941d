"""Figures for slides: the curves or any view as a PNG at 2×/3× (or a chosen size), with a
title, and copied to the clipboard.

A screen grab of a docked panel is as small as the dock (387×254) and cuts off what did not
fit (the legend). A figure is rendered instead: the widget is laid out at the figure's size in
logical pixels (at least ``MIN_LOGICAL``, so legend and axis labels fit), painted through a
``QPainter`` scaled by 2 or 3 (text and lines are drawn at that resolution, not enlarged
pixels), under a title band; then the widget goes back to its place in the window.

File › Export Figure… opens :class:`FigureDialog`; Edit › Copy Figure (Ctrl+Shift+C) copies
the figure of the panel that has the focus (else the curves) at 2×.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MIN_LOGICAL = QSize(640, 400)  # the smallest layout a figure is drawn at (logical pixels)
TITLE_PT = 13


def _tr(text: str) -> str:
    return QCoreApplication.translate("Figures", text)


def logical_size(widget: QWidget, size: QSize | None, scale: float) -> QSize:
    """The layout size (logical px) for a figure of ``size`` pixels, or the widget's own size
    (at least MIN_LOGICAL) when ``size`` is None."""
    if size is not None:
        return QSize(max(1, round(size.width() / scale)), max(1, round(size.height() / scale)))
    return widget.size().expandedTo(MIN_LOGICAL)


def render_figure(
    widget: QWidget, scale: float = 2.0, size: QSize | None = None, title: str = ""
) -> QImage:
    """``widget`` drawn as a figure: ``scale`` image pixels per logical pixel; ``size`` the
    whole image's size in pixels (title band included), else the widget's size × scale."""
    scale = float(scale)
    band = round(_title_height(TITLE_PT) * 1.8) if title else 0  # logical px
    if size is not None:
        body = logical_size(
            widget, QSize(size.width(), max(1, size.height() - band * scale)), scale
        )
        image_size = size
    else:
        body = logical_size(widget, None, scale)
        image_size = QSize(round(body.width() * scale), round((body.height() + band) * scale))
    old_size, was_visible = widget.size(), widget.isVisible()
    hidden = _hide_export_buttons(widget)
    # the dock or stack holding the widget must not lay it back out while it has the
    # figure's size (pending layout events are processed before painting)
    parent = widget.parentWidget()
    parent_layout = parent.layout() if parent is not None else None
    parent_managed = parent_layout is not None and parent_layout.isEnabled()
    if parent_managed:
        parent_layout.setEnabled(False)
    image = QImage(image_size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    image.setDevicePixelRatio(1.0)
    try:
        if not was_visible:
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            widget.show()
        widget.resize(body)
        _settle(widget)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        if title:
            font = QFont(widget.font())
            font.setPointSizeF(TITLE_PT)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#202020"))
            painter.drawText(
                QRect(0, 0, body.width(), band),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                title,
            )
        widget.render(painter, QPoint(0, band))
        painter.end()
    finally:
        for child in hidden:
            child.show()
        widget.resize(old_size)
        if parent_managed:
            parent_layout.setEnabled(True)
            parent_layout.invalidate()
        if not was_visible:
            widget.hide()
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        _settle(widget)
    return image


def _title_height(points: float) -> int:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    return QFontMetrics(font).height()


def _settle(widget: QWidget) -> None:
    """Let layouts and pyqtgraph's scene follow a resize before painting."""
    app = QApplication.instance()
    if app is not None:
        app.sendPostedEvents()
        app.processEvents()
    layout = widget.layout()
    if layout is not None:
        layout.activate()


def _hide_export_buttons(widget: QWidget) -> list[QWidget]:
    """The views' "PNG…" buttons are not part of a figure."""
    button = getattr(widget, "export_button", None)
    if button is not None and button.isVisible():
        button.hide()
        return [button]
    return []


def save_figure(image: QImage, path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".png":
        path = path.with_suffix(".png")
    if not image.save(str(path), "PNG"):
        raise OSError(
            _tr(
                "Could not write the figure to {path}; check the folder exists and is writable."
            ).format(path=path)
        )
    return path


def copy_figure(image: QImage) -> None:
    QGuiApplication.clipboard().setImage(image)


# -- what can be a figure -----------------------------------------------------------------------
def sources(window) -> list[tuple[str, str, QWidget]]:
    """(key, name, widget) of everything that can be exported: the curves and each view."""
    out = [("curves", _tr("Learning curves"), window.curves)]
    views = getattr(window, "views", None)
    if views is not None:
        names = {
            "decision-map": _tr("Decision map"),
            "regression": _tr("Network curve"),
            "test-images": _tr("Test images"),
            "confusion-matrix": _tr("Confusion matrix"),
            "first-layer-weights": _tr("First-layer weights"),
            "neurons": _tr("Neurons"),
            "gradients-dead-units": _tr("Gradients and dead units"),
        }
        for view in views.views:
            name = names.get(view.export_stem) or getattr(view, "title", view.export_stem)
            out.append((view.export_stem, name, view))
    return out


def current_source(window) -> tuple[str, str, QWidget]:
    """The source holding the keyboard focus (or under the mouse), else the curves."""
    all_sources = sources(window)
    focus = QApplication.focusWidget()
    for key, name, widget in all_sources:
        if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
            if widget.isVisible():
                return key, name, widget
    for key, name, widget in all_sources:
        if widget.isVisible() and widget.underMouse():
            return key, name, widget
    return all_sources[0]


def default_title(window, name: str) -> str:
    project_title = getattr(window.document.project, "title", "") or ""
    return f"{project_title} — {name}" if project_title else name


class FigureDialog(QDialog):
    """Export Figure…: what, how big, the title; Save PNG… or Copy."""

    SCALES = [(2.0, "2×"), (3.0, "3×"), (1.0, "1×")]

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Export Figure"))
        self.setMinimumWidth(460)
        self.sources = sources(window)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.what = QComboBox(self)
        for key, name, _widget in self.sources:
            self.what.addItem(name, key)
        key = current_source(window)[0]
        self.what.setCurrentIndex(max(0, self.what.findData(key)))
        form.addRow(self.tr("Figure"), self.what)
        self.size_choice = QComboBox(self)
        for scale, text in self.SCALES:
            self.size_choice.addItem(self.tr("{scale} the screen size").format(scale=text), scale)
        self.size_choice.addItem(self.tr("Chosen size"), None)
        form.addRow(self.tr("Size"), self.size_choice)
        row = QHBoxLayout()
        self.width_px, self.height_px = QSpinBox(self), QSpinBox(self)
        for spin, value in ((self.width_px, 1920), (self.height_px, 1080)):
            spin.setRange(200, 8000)
            spin.setValue(value)
            spin.setSuffix(" px")
            row.addWidget(spin)
        row.insertWidget(1, QLabel("×"))
        self.custom = QWidget(self)
        self.custom.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Pixels"), self.custom)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("No title"))
        form.addRow(self.tr("Title"), self.title)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        form.addRow(self.info)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(self)
        self.btn_save = self.buttons.addButton(
            self.tr("Save PNG…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.btn_copy = self.buttons.addButton(
            self.tr("Copy to Clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.btn_save.clicked.connect(self.save)
        self.btn_copy.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.what.currentIndexChanged.connect(self._update)
        self.size_choice.currentIndexChanged.connect(self._update)
        self._titled_for = None
        self._update()

    def _source(self) -> tuple[str, str, QWidget]:
        return self.sources[max(0, self.what.currentIndex())]

    def _update(self, *_) -> None:
        key, name, widget = self._source()
        if self._titled_for is None or self.title.text() == default_title(
            self.window_, self._titled_for
        ):
            self.title.setText(default_title(self.window_, name))
        self._titled_for = name
        scale = self.size_choice.currentData()
        self.custom.setEnabled(scale is None)
        size = self.image_size()
        self.info.setText(self.tr("{w} × {h} pixels").format(w=size.width(), h=size.height()))

    def scale(self) -> float:
        scale = self.size_choice.currentData()
        return float(scale) if scale is not None else 2.0

    def chosen_size(self) -> QSize | None:
        if self.size_choice.currentData() is not None:
            return None
        return QSize(self.width_px.value(), self.height_px.value())

    def image_size(self) -> QSize:
        size = self.chosen_size()
        if size is not None:
            return size
        body = logical_size(self._source()[2], None, self.scale())
        band = round(_title_height(TITLE_PT) * 1.8) if self.title.text() else 0
        return QSize(
            round(body.width() * self.scale()), round((body.height() + band) * self.scale())
        )

    def render(self) -> QImage:  # noqa: A003 (a figure is rendered)
        key, name, widget = self._source()
        if hasattr(widget, "refresh") and getattr(widget, "_stale", False):
            widget.refresh()
        return render_figure(widget, self.scale(), self.chosen_size(), self.title.text())

    def save(self) -> bool:
        key, name, widget = self._source()
        settings = getattr(self.window_, "settings", None)
        folder = settings.value("lastDir", str(Path.home())) if settings is not None else ""
        stem = (
            Path(self.window_.display_name()).stem
            if hasattr(self.window_, "display_name")
            else "figure"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Figure"),
            str(Path(folder) / f"{stem}-{key}.png"),
            self.tr("PNG images (*.png)"),
        )
        if not path:
            return False
        try:
            self.saved_path = save_figure(self.render(), path)
        except OSError as exc:
            from nnstudio.gui import dialogs

            dialogs.show_error(self, self.tr("Could not export the figure"), str(exc))
            return False
        self.accept()
        return True

    def copy(self) -> None:
        copy_figure(self.render())
        self.info.setText(self.tr("Copied to the clipboard."))


def copy_current(window) -> QImage:
    """Ctrl+Shift+C: the focused panel's figure (else the curves) at 2×, to the clipboard."""
    key, name, widget = current_source(window)
    image = render_figure(widget, 2.0, None, default_title(window, name))
    copy_figure(image)
    window.statusBar().showMessage(
        _tr("Copied the figure “{name}” ({w} × {h}) to the clipboard.").format(
            name=name, w=image.width(), h=image.height()
        ),
        5000,
    )
    return image


def install(window) -> None:
    """File › Export Figure… (the old Export Curves item opens it too), Edit › Copy Figure."""

    def open_dialog(key: str | None = None):
        dialog = FigureDialog(window)
        if key is not None:
            dialog.what.setCurrentIndex(max(0, dialog.what.findData(key)))
        window.figure_dialog = dialog
        dialog.open()
        return dialog

    window.open_figure_dialog = open_dialog
    # each view's own "PNG…" button and menu item open the dialog on that view (2×, title)
    views = getattr(window, "views", None)
    for view in views.views if views is not None else []:
        for signal in (view.export_button.clicked, view.export_action.triggered):
            signal.disconnect()
            signal.connect(lambda checked=False, k=view.export_stem: open_dialog(k))
    window.act_export_figure = QAction(_tr("Export &Figure…"), window)
    window.act_export_figure.setStatusTip(
        _tr("Save the curves or a view as a PNG for slides (2×, 3× or a chosen size)")
    )
    window.act_export_figure.triggered.connect(lambda checked=False: open_dialog())
    window.file_menu.insertAction(window.act_export_curves, window.act_export_figure)
    window.act_copy_figure = QAction(_tr("&Copy Figure"), window)
    window.act_copy_figure.setShortcut(QKeySequence("Ctrl+Shift+C"))
    window.act_copy_figure.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.act_copy_figure.triggered.connect(lambda checked=False: copy_current(window))
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(window.act_copy_figure)
