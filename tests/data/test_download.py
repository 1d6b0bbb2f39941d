"""Downloads against a local HTTP server: success, fallbacks, failures, cancel; nothing partial is ever cached."""

import gzip
import hashlib
import http.server
import socket
import threading
import time
import urllib.error
import urllib.request

import numpy as np
import pytest

from nnstudio.data import DataError, DownloadCancelled, cache_dir, is_cached, load
from nnstudio.data import download as dl

TIMEOUT = 5


def idx(arr):
    arr = np.asarray(arr, dtype=np.uint8)
    return (
        bytes([0, 0, 8, arr.ndim])
        + b"".join(int(d).to_bytes(4, "big") for d in arr.shape)
        + arr.tobytes()
    )


def make_files():
    rng = np.random.default_rng(0)
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (50, 28, 28)),
        "train-labels-idx1-ubyte.gz": np.arange(50) % 10,
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (20, 28, 28)),
        "t10k-labels-idx1-ubyte.gz": np.arange(20) % 10,
    }
    return {name: gzip.compress(idx(a), mtime=0) for name, a in arrays.items()}


FILES = make_files()


class Handler(http.server.BaseHTTPRequestHandler):
    """/good/<f> serves the file; /missing/ 404; /short/ closes early; /bad/ wrong bytes; /slow/ trickles."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        mode, _, fname = self.path.strip("/").partition("/")
        self.server.hits.append(self.path)
        body = FILES.get(fname)
        if body is None or mode == "missing":
            self.send_error(404, "Not Found")
            return
        if mode == "bad":
            body = body[:-1] + bytes([body[-1] ^ 0xFF])
        if mode == "endless":  # no length, and far more bytes than the published file
            self.send_response(200)
            self.end_headers()
            for _ in range(200):
                self.wfile.write(bytes(64 * 1024))
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "short":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "stall":
            self.wfile.write(body[:100])
            self.wfile.flush()
            self.server.stalled.wait(10)
            return
        if mode == "slow":
            for i in range(0, len(body), 1024):
                self.wfile.write(body[i : i + 1024])
                self.wfile.flush()
                time.sleep(0.01)
            return
        self.wfile.write(body)


@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.hits = []
    srv.stalled = threading.Event()
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}"
    yield srv
    srv.stalled.set()
    srv.shutdown()
    srv.server_close()
    t.join(5)


@pytest.fixture
def refused_url():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(autouse=True)
def fake_mnist(monkeypatch):
    table = [dl.RemoteFile(n, hashlib.md5(b).hexdigest(), len(b)) for n, b in FILES.items()]
    monkeypatch.setitem(dl.FILES, "mnist", table)
    monkeypatch.setitem(dl.FILES, "fashion-mnist", table)
    sha = {n: hashlib.sha256(b).hexdigest() for n, b in FILES.items()}
    monkeypatch.setitem(dl.SHA256, "mnist", sha)
    monkeypatch.setitem(dl.SHA256, "fashion-mnist", sha)
    monkeypatch.setitem(dl.SYSTEM_DIRS, "fashion-mnist", [])


def cache_files():
    root = cache_dir()
    return (
        sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        if root.exists()
        else []
    )


def test_download_success_with_progress_then_offline_from_cache(server, refused_url):
    calls = []
    start = time.perf_counter()
    ds = load(
        "mnist",
        mirrors=[server.url + "/good/"],
        progress=lambda d, t: calls.append((d, t)),
        timeout=TIMEOUT,
    )
    assert ds.x_train.shape == (50, 784) and ds.x_test.shape == (20, 784) and ds.num_classes == 10
    assert ds.image_shape == (28, 28) and ds.class_names[3] == "3"
    assert cache_files() == sorted(f"mnist/{n}" for n in FILES)
    total = sum(len(b) for b in FILES.values())
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert all(b[0] >= a[0] for a, b in zip(calls, calls[1:]))
    assert is_cached("mnist")
    # second time: no network needed
    hits = len(server.hits)
    again = load("mnist", mirrors=[refused_url], timeout=TIMEOUT)
    np.testing.assert_array_equal(again.x_train, ds.x_train)
    assert len(server.hits) == hits
    assert time.perf_counter() - start < 10


def test_a_failing_mirror_falls_back_to_the_next(server):
    ds = load("mnist", mirrors=[server.url + "/missing/", server.url + "/good/"], timeout=TIMEOUT)
    assert ds.n_train == 50
    assert any(h.startswith("/missing/") for h in server.hits)


def test_http_404_is_reported_and_nothing_cached(server):
    with pytest.raises(DataError, match="404") as err:
        load("mnist", mirrors=[server.url + "/missing/"], timeout=TIMEOUT)
    assert "train-images-idx3-ubyte.gz" in str(err.value)
    assert cache_files() == []
    assert not is_cached("mnist")


def test_offline_points_to_mnist_5k_and_local_files(refused_url):
    start = time.perf_counter()
    with pytest.raises(DataError) as err:
        load("mnist", mirrors=[refused_url], timeout=TIMEOUT)
    msg = str(err.value)
    assert "could not be downloaded" in msg and "refused" in msg
    assert "mnist-5k" in msg and "local folder" in msg
    assert cache_files() == []
    assert time.perf_counter() - start < 5


def test_checksum_mismatch_is_refused_and_nothing_cached(server):
    with pytest.raises(DataError, match="failed its checksum"):
        load("mnist", mirrors=[server.url + "/bad/"], timeout=TIMEOUT)
    assert cache_files() == []


def test_interrupted_transfer_is_refused_and_nothing_cached(server):
    start = time.perf_counter()
    with pytest.raises(DataError, match="interrupted"):
        load("mnist", mirrors=[server.url + "/short/"], timeout=TIMEOUT)
    assert cache_files() == []
    assert time.perf_counter() - start < TIMEOUT


def test_cancel_stops_the_download_and_leaves_nothing(server):
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append(done)
        if done > 4000:
            cancel.set()

    with pytest.raises(DownloadCancelled, match="cancelled"):
        load(
            "mnist",
            mirrors=[server.url + "/slow/"],
            progress=progress,
            cancel=cancel,
            timeout=TIMEOUT,
        )
    assert cache_files() == []
    assert max(seen) < len(
        FILES["train-images-idx3-ubyte.gz"]
    )  # stopped part-way through the first file
    assert isinstance(DownloadCancelled("x"), DataError)


def test_cancel_works_at_once_while_the_server_is_silent(server):
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    start = time.perf_counter()
    with pytest.raises(DownloadCancelled):
        load("mnist", mirrors=[server.url + "/stall/"], cancel=cancel, timeout=TIMEOUT)
    assert time.perf_counter() - start < 1.5  # not the 5 s read timeout
    assert cache_files() == []
    timer.join()


def test_a_silent_server_times_out(server):
    start = time.perf_counter()
    with pytest.raises(DataError, match="timed out|did not answer"):
        load("mnist", mirrors=[server.url + "/stall/"], timeout=0.5)
    assert time.perf_counter() - start < 3
    assert cache_files() == []


def test_interrupted_second_file_keeps_the_verified_first_one(server, monkeypatch):
    """Each file is verified and moved into place on its own; a later failure removes only its temp file."""
    real_fetch = dl._fetch

    def fetch(url, *args, **kw):
        if "labels" in url:
            raise DataError("the transfer was interrupted (test)")
        return real_fetch(url, *args, **kw)

    monkeypatch.setattr(dl, "_fetch", fetch)
    with pytest.raises(DataError, match="interrupted"):
        load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT)
    assert cache_files() == ["mnist/train-images-idx3-ubyte.gz"]
    monkeypatch.setattr(dl, "_fetch", real_fetch)
    hits = len(server.hits)
    assert load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT).n_train == 50
    assert len(server.hits) - hits == 3  # the verified file was not fetched again


def test_damaged_cached_file_is_downloaded_again(server):
    load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT)
    p = cache_dir() / "mnist" / "t10k-labels-idx1-ubyte.gz"
    p.write_bytes(b"garbage")
    assert load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT).n_test == 20
    assert p.read_bytes() == FILES["t10k-labels-idx1-ubyte.gz"]


def test_unwritable_cache_is_explained(server, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("NNSTUDIO_CACHE", str(blocker))
    with pytest.raises(DataError, match="Cannot save downloads.*NNSTUDIO_CACHE"):
        load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT)
    assert server.hits == []


def test_fashion_mnist_found_in_a_system_folder_without_network(tmp_path, monkeypatch, refused_url):
    system = tmp_path / "usr-share"
    system.mkdir()
    for name, body in FILES.items():
        (system / name).write_bytes(body)
    monkeypatch.setitem(dl.SYSTEM_DIRS, "fashion-mnist", [system])
    assert is_cached("fashion-mnist") and not is_cached("mnist")
    ds = load("fashion-mnist", mirrors=[refused_url], timeout=TIMEOUT)
    assert ds.n_train == 50 and ds.class_names[9] == "Ankle boot"
    assert cache_files() == []


def test_https_is_never_downgraded_by_a_redirect():
    handler = dl._NoDowngrade()
    req = urllib.request.Request("https://example.org/mnist/train-images-idx3-ubyte.gz")
    with pytest.raises(urllib.error.HTTPError, match="https to http"):
        handler.redirect_request(
            req, None, 302, "Found", {}, "http://example.org/train-images-idx3-ubyte.gz"
        )
    ok = handler.redirect_request(req, None, 302, "Found", {}, "https://mirror.example.org/x.gz")
    assert ok.full_url == "https://mirror.example.org/x.gz"


def test_download_size_for_the_interface():
    assert dl.download_size("mnist") == sum(len(b) for b in FILES.values())
    name, md5, size = dl.FILES["mnist"][0]  # plain 3-tuples, as the data panel reads them
    assert size == len(FILES[name])


def test_real_mirrors_prefer_https_and_checksums_are_published_md5s():
    for name in ("mnist", "fashion-mnist"):
        assert dl.MIRRORS[name][0].startswith("https://")
    assert dl.MIRRORS["mnist"] == [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ]


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("NNSTUDIO_CACHE")
    assert "nnstudio" in str(cache_dir())


def test_a_published_sha256_is_checked_as_well_as_the_md5(server, monkeypatch):
    monkeypatch.setitem(
        dl.SHA256, "mnist", {**dl.SHA256["mnist"], "t10k-labels-idx1-ubyte.gz": "0" * 64}
    )
    with pytest.raises(DataError, match="failed its checksum"):
        load("mnist", mirrors=[server.url + "/good/"], timeout=TIMEOUT)
    assert "mnist/t10k-labels-idx1-ubyte.gz" not in cache_files()


def test_downloads_only_from_http_addresses(tmp_path):
    """Issue 15 problem 4: `file:///dev/zero#` as a mirror wrote until the disk was full."""
    for url in ("file:///dev/zero#", "ftp://example.org/", "data:,abc"):
        with pytest.raises(DataError, match="only from http"):
            load("mnist", mirrors=[url], timeout=TIMEOUT)
    assert cache_files() == []


def test_a_server_sending_more_than_the_known_size_is_cut_off(server):
    with pytest.raises(DataError, match="more than the"):
        load("mnist", mirrors=[server.url + "/endless/"], timeout=TIMEOUT)
    assert cache_files() == []


def test_extra_mirrors_come_from_the_environment_only(server, monkeypatch):
    monkeypatch.setenv(dl.MIRRORS_ENV, server.url + "/good/")
    monkeypatch.setitem(dl.MIRRORS, "mnist", [])
    ds = load("mnist", timeout=TIMEOUT)
    assert ds.x_train.shape == (50, 784)
    monkeypatch.setenv(dl.MIRRORS_ENV, "file:///etc/")
    assert dl.user_mirrors.__doc__ and "project file" in dl.user_mirrors.__doc__
    with pytest.raises(DataError, match="only from http"):
        dl.user_mirrors("mnist")
