"""Full-MNIST download from the data panel against a local HTTP server (127.0.0.1) serving small
but valid IDX files: ask first, progress dialog, Cancel leaves nothing cached, offline explains."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import socket
import struct
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

import nnstudio.data as data
from nnstudio.data import download as dl
from nnstudio.gui.panels.data_panel import DataPanel
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project

N_TRAIN, N_TEST = 40, 10


def idx_bytes(array: np.ndarray) -> bytes:
    magic = {1: 0x801, 3: 0x803}[array.ndim]
    return (
        struct.pack(">I", magic)
        + struct.pack(f">{array.ndim}I", *array.shape)
        + array.astype(np.uint8).tobytes()
    )


def fake_mnist(n_train=N_TRAIN, n_test=N_TEST, seed=0) -> dict[str, bytes]:
    rng = np.random.default_rng(seed)
    files = {}
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        files[f"{prefix}-images-idx3-ubyte.gz"] = gzip.compress(
            idx_bytes(rng.integers(0, 256, (n, 28, 28))), compresslevel=1
        )
        files[f"{prefix}-labels-idx1-ubyte.gz"] = gzip.compress(idx_bytes(np.arange(n) % 10))
    return files


class Server:
    """Serves ``files`` on 127.0.0.1; ``delay`` seconds between 16 KB chunks (slow network)."""

    def __init__(self, files: dict[str, bytes], delay: float = 0.0):
        self.files, self.delay, self.stop = files, delay, threading.Event()
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                name = self.path.rsplit("/", 1)[-1]
                outer.requests.append(name)
                body = outer.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for i in range(0, len(body), 16384):
                        if outer.stop.is_set():
                            return
                        self.wfile.write(body[i : i + 16384])
                        if outer.delay:
                            time.sleep(outer.delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(dl.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def serve(monkeypatch, files, delay=0.0, mirrors=None):
    server = Server(files, delay)
    monkeypatch.setitem(dl.MIRRORS, "mnist", mirrors or [server.url])
    monkeypatch.setitem(
        dl.FILES,
        "mnist",
        [
            dl.RemoteFile(name, hashlib.md5(body).hexdigest(), len(body))
            for name, body in files.items()
        ],
    )
    monkeypatch.setitem(dl.SYSTEM_DIRS, "mnist", [])
    return server


@pytest.fixture
def answers(monkeypatch):
    """Record QMessageBox questions/warnings; questions answer ``answers.reply``."""

    class Answers:
        reply = QMessageBox.StandardButton.Yes
        questions: list[str] = []
        warnings: list[str] = []

    a = Answers()
    a.questions, a.warnings = [], []

    def question(parent, title, text, *args, **kwargs):
        a.questions.append(text)
        return a.reply

    def warning(parent, title, text, *args, **kwargs):
        a.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return a


@pytest.fixture
def panel(qtbot, undo_stack):
    doc = Document(Project(input_shape=(2,), dataset=DatasetSpec(name="xor")))
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    p.show()
    yield p
    p.shutdown()


def choose_mnist(panel):
    panel.combo.setCurrentIndex(panel._combo_index("mnist"))


def cache_files(cache):
    folder = cache / "mnist"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_download_asks_shows_progress_and_uses_the_data(qtbot, panel, cache, answers, monkeypatch):
    files = fake_mnist()
    server = serve(monkeypatch, files)
    try:
        assert not data.is_cached("mnist")
        row = panel._combo_index("mnist")
        assert "(download, " in panel.combo.itemText(row)  # marked as not on this computer yet
        progress = []
        with qtbot.waitSignal(panel.datasetLoaded, timeout=20_000) as loaded:
            choose_mnist(panel)
            assert len(answers.questions) == 1 and "MNIST" in answers.questions[0]
            dialog = panel.download_dialog
            assert dialog is not None and dialog.isVisible()
            dialog.job.progress.connect(lambda d, t: progress.append((d, t)))
    finally:
        server.close()
    ds = loaded.args[0]
    doc = panel.document.project
    assert doc.dataset.name == "mnist" and doc.input_shape == (784,)
    assert (ds.n_train, ds.n_test) == (N_TRAIN, N_TEST)
    assert panel.preview.kind == "image" and panel.preview.image_count() == 32
    assert panel.summary.text() == f"{N_TRAIN} train / {N_TEST} test · 784 features · 10 classes"
    assert data.is_cached("mnist")
    assert cache_files(cache) == sorted(files)
    total = sum(len(b) for b in files.values())
    assert progress and progress[-1] == (total, total)
    assert all(d2 >= d1 for (d1, _), (d2, _) in zip(progress, progress[1:]))
    assert answers.warnings == []
    assert panel.download_dialog is None and not dialog.isVisible()
    assert (
        panel.combo.currentText().strip() == "MNIST digits (full, 70,000)"
    )  # no "download" mark now


def test_cancel_stops_the_download_and_leaves_nothing(
    qtbot, panel, cache, answers, monkeypatch, screenshot
):
    files = fake_mnist(n_train=1500)  # ~1.2 MB of noise, served at 16 KB / 50 ms
    server = serve(monkeypatch, files, delay=0.05)
    undo_before = panel.undo_stack.count()
    try:
        choose_mnist(panel)
        dialog = panel.download_dialog
        qtbot.waitUntil(lambda: dialog.done_bytes > 0, timeout=10_000)
        assert "MB of" in dialog.labelText()
        screenshot(dialog, "data_download_dialog")
        with qtbot.waitSignal(dialog.cancelled, timeout=10_000):
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            assert dialog.labelText() == "Cancelling…"
    finally:
        server.close()
    assert dialog.job.cancel_event.is_set()
    assert not data.is_cached("mnist")
    assert cache_files(cache) == []  # no partial file, no finished file
    assert server.requests == ["train-images-idx3-ubyte.gz"]  # it stopped inside the first file
    doc = panel.document.project
    assert doc.dataset.name == "xor" and doc.input_shape == (2,)
    assert panel.undo_stack.count() == undo_before
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.preview.kind == "table" and panel.current_dataset().name == "xor"
    assert answers.warnings == []


def test_declining_the_download_changes_nothing(qtbot, panel, cache, answers, monkeypatch):
    server = serve(monkeypatch, fake_mnist())
    answers.reply = QMessageBox.StandardButton.No
    try:
        choose_mnist(panel)
    finally:
        server.close()
    assert len(answers.questions) == 1
    assert panel.download_dialog is None and server.requests == []
    assert panel.document.project.dataset.name == "xor"
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.undo_stack.count() == 0


def test_offline_explains_and_points_to_mnist_5k(qtbot, panel, cache, answers, monkeypatch):
    with socket.socket() as s:  # a port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = serve(monkeypatch, fake_mnist(), mirrors=[f"http://127.0.0.1:{port}/"])
    server.close()
    choose_mnist(panel)
    dialog = panel.download_dialog
    qtbot.waitUntil(lambda: bool(answers.warnings), timeout=15_000)
    assert "mnist-5k" in answers.warnings[0]
    assert dialog.finished_state == "failed"
    assert panel.document.project.dataset.name == "xor"
    assert panel.combo.currentText().strip() == "XOR gate"
    assert panel.preview.kind == "table"
    assert cache_files(cache) == []


def test_document_naming_mnist_offers_download_without_pushing(
    qtbot, cache, answers, monkeypatch, undo_stack
):
    server = serve(monkeypatch, fake_mnist())
    doc = Document(Project(input_shape=(784,), dataset=DatasetSpec(name="mnist")))
    p = DataPanel(doc, undo_stack)
    qtbot.addWidget(p)
    try:
        assert p.current_dataset() is None
        assert p.preview.kind == "message" and not p.preview.action_button.isHidden()
        assert "not on this computer" in p.preview.message.text()
        with qtbot.waitSignal(p.datasetLoaded, timeout=20_000):
            qtbot.mouseClick(p.preview.action_button, Qt.MouseButton.LeftButton)
    finally:
        server.close()
        p.shutdown()
    assert p.current_dataset().n_train == N_TRAIN
    assert undo_stack.count() == 0 and answers.questions == []
