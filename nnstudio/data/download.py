"""MNIST and Fashion-MNIST: found in the per-user cache or a system folder, else downloaded.

A download goes to a temporary file inside the cache folder, is checked against the
published MD5 checksum, and only then renamed into place (os.replace), so the cache
never holds a partial or unverified file. https is never retried as http.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import NamedTuple

from .errors import DataError
from .idx import IDX_FILES, find_idx_file

CACHE_ENV = "NNSTUDIO_CACHE"

# Mirrors tried in order for each file; tests point these at a local server.
MIRRORS: dict[str, list[str]] = {
    "mnist": [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ],
    "fashion-mnist": [
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    ],
}


class RemoteFile(NamedTuple):
    """One published file: name, MD5 (torchvision/datasets/mnist.py), size in bytes (progress bar)."""

    name: str
    md5: str
    size: int


FILES: dict[str, list[RemoteFile]] = {
    "mnist": [
        RemoteFile("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", 9912422),
        RemoteFile("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", 28881),
        RemoteFile("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", 1648877),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", 4542),
    ],
    "fashion-mnist": [
        RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", 26421880),
        RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe", 29515),
        RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79", 4422102),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310", 5148),
    ],
}

# A second, independent checksum where one is published (keras/src/datasets/fashion_mnist.py).
SHA256: dict[str, dict[str, str]] = {
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
        "train-labels-idx1-ubyte.gz": "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
        "t10k-images-idx3-ubyte.gz": "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
        "t10k-labels-idx1-ubyte.gz": "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
    },
}

# Folders where a system package installs the files (Debian: dataset-fashion-mnist).
SYSTEM_DIRS: dict[str, list[Path]] = {
    "mnist": [],
    "fashion-mnist": [Path("/usr/share/datasets/fashion-mnist")],
}

# Debian's dataset-fashion-mnist ships the upstream .gz files with only the 10-byte gzip header
# rewritten (file name dropped, mtime set to the packaging date): the compressed bytes and the
# CRC trailer are the upstream ones. Putting the upstream header back (FNAME = the file name
# without .gz, and these mtimes, recovered by search) reproduces the published MD5 exactly,
# so such files are verified against the same checksums as a download.
UPSTREAM_GZIP_MTIME: dict[str, dict[str, int]] = {
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": 1504176606,  # 2017-08-31 10:50:06 UTC
        "train-labels-idx1-ubyte.gz": 1504176606,
        "t10k-images-idx3-ubyte.gz": 1504176627,  # 2017-08-31 10:50:27 UTC
        "t10k-labels-idx1-ubyte.gz": 1504176627,
    },
}

TITLES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
CHUNK = 64 * 1024
TIMEOUT = 30.0


class DownloadCancelled(DataError):
    """The user cancelled a download (nothing was left in the cache)."""


class _Offline(DataError):
    """A server could not be reached at all (as opposed to answering badly)."""

    def __init__(self, url, reason):
        super().__init__(f"{reason} ({url})")
        self.url, self.reason = url, reason


def cache_dir() -> Path:
    """The per-user cache folder: $NNSTUDIO_CACHE, else platformdirs' user cache dir for nnstudio."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return Path.home() / ".cache" / "nnstudio"
    return Path(user_cache_dir("nnstudio"))


def _digests(path: Path, prefix: bytes = b"", skip: int = 0) -> tuple[str, str]:
    """(MD5, SHA-256) of prefix + the file's bytes from offset `skip`."""
    md5, sha = hashlib.md5(prefix), hashlib.sha256(prefix)
    with open(path, "rb") as f:
        f.seek(skip)
        for block in iter(lambda: f.read(1 << 20), b""):
            md5.update(block)
            sha.update(block)
    return md5.hexdigest(), sha.hexdigest()


def _matches(digests: tuple[str, str], remote: RemoteFile, sha256: str | None) -> bool:
    return digests[0] == remote.md5 and (sha256 is None or digests[1] == sha256)


def verify_file(
    path: Path, remote: RemoteFile, upstream_mtime: int | None = None, sha256: str | None = None
) -> bool:
    """True when `path` is the published file: its checksums match, or (for a re-headered gzip,
    see UPSTREAM_GZIP_MTIME) they match with the upstream gzip header put back."""
    try:
        if _matches(_digests(path), remote, sha256):
            return True
        if upstream_mtime is None:
            return False
        with open(path, "rb") as f:
            head = f.read(10)
        if len(head) < 10 or head[:3] != b"\x1f\x8b\x08" or head[3] != 0:
            return False
        stem = remote.name[:-3] if remote.name.endswith(".gz") else remote.name
        upstream = (
            b"\x1f\x8b\x08\x08"
            + int(upstream_mtime).to_bytes(4, "little")
            + head[8:10]
            + stem.encode()
            + b"\0"
        )
        return _matches(_digests(path, prefix=upstream, skip=10), remote, sha256)
    except OSError:
        return False


def _sha(name: str, remote: RemoteFile) -> str | None:
    return SHA256.get(name, {}).get(remote.name)


def download_size(name: str) -> int:
    """Bytes a full download of `name` transfers (for "about 11 MB" in the interface)."""
    _check_name(name)
    return sum(r.size for r in FILES[name])


def _check_name(name: str):
    if name not in FILES:
        raise DataError(
            f"{name!r} is not a downloadable data set; choose one of {', '.join(FILES)}."
        )


def _cached_ok(name: str, verify: bool) -> list[str]:
    """File names of `name` still missing (or failing their checksum) in the cache."""
    folder = cache_dir() / name
    missing = []
    for remote in FILES[name]:
        p = folder / remote.name
        if not p.is_file() or (verify and not verify_file(p, remote, sha256=_sha(name, remote))):
            missing.append(remote.name)
    return missing


def system_dir(name: str, verify: bool = False) -> Path | None:
    """A system folder holding all four files of `name` (checked against the published MD5s if verify)."""
    mtimes = UPSTREAM_GZIP_MTIME.get(name, {})
    for d in SYSTEM_DIRS.get(name, []):
        if not d.is_dir():
            continue
        if not verify:
            if all(find_idx_file(d, stem) for stem in IDX_FILES.values()):
                return d
            continue
        if all(
            (d / r.name).is_file() and verify_file(d / r.name, r, mtimes.get(r.name), _sha(name, r))
            for r in FILES[name]
        ):
            return d
    return None


def is_cached(name: str) -> bool:
    """True when `name` can be loaded without the network (cache or system folder)."""
    if name not in FILES:
        return False
    return not _cached_ok(name, verify=False) or system_dir(name) is not None


def locate(
    name: str, progress=None, cancel=None, mirrors=None, timeout: float | None = None
) -> Path:
    """The folder holding the four files of `name`, downloading what the cache lacks."""
    _check_name(name)
    folder = cache_dir() / name
    if folder.is_dir() and not _cached_ok(name, verify=False) and not _cached_ok(name, verify=True):
        return folder
    local = system_dir(name, verify=True)
    if local is not None:
        return local
    download(name, progress=progress, cancel=cancel, mirrors=mirrors, timeout=timeout)
    return folder


def _offline_message(name: str, failures: list[tuple[str, str]]) -> str:
    hosts = ", ".join(dict.fromkeys(urllib.parse.urlsplit(url).netloc for url, _ in failures))
    extra = (
        " or install it with your system's package manager (Debian/Ubuntu: dataset-fashion-mnist),"
        if name == "fashion-mnist"
        else ""
    )
    return (
        f"{TITLES.get(name, name)} is not on this computer and could not be downloaded: there seems to be "
        f"no internet connection ({failures[-1][1]}; tried {hosts}). Connect and try again,{extra} use the "
        f"bundled 'mnist-5k' sample (5,000 real digits, works offline), or open the IDX files from a "
        f"local folder."
    )


MIRRORS_ENV = "NNSTUDIO_MIRRORS"


def user_mirrors(name: str) -> list[str]:
    """Mirrors the user added (``$NNSTUDIO_MIRRORS``: base URLs, separated by spaces or commas),
    tried before the built-in ones. Never from a project file."""
    text = os.environ.get(MIRRORS_ENV, "")
    found = [u for u in text.replace(",", " ").split() if u]
    for url in found:
        check_url(url)
    return found


def check_url(url) -> str:
    """Only http(s) addresses: never file://, ftp:// or data: (a file must not choose what is read)."""
    scheme = urllib.parse.urlsplit(str(url)).scheme.lower() if isinstance(url, str) else ""
    if scheme not in ("http", "https"):
        raise DataError(
            f"nnstudio downloads only from http:// or https:// addresses, not {str(url)[:80]!r}."
        )
    return url


class _NoDowngrade(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but never from https to http, nor to anything but http(s)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(
                req.full_url, code, "refused redirect to a non-http address", headers, fp
            )
        if req.full_url.startswith("https:") and not newurl.startswith("https:"):
            raise urllib.error.HTTPError(
                req.full_url, code, "refused redirect from https to http", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.OpenerDirector()  # http(s) only: no file://, ftp://, data: handlers
for _handler in (
    urllib.request.ProxyHandler(),
    urllib.request.UnknownHandler(),
    urllib.request.HTTPHandler(),
    urllib.request.HTTPSHandler(),
    urllib.request.HTTPDefaultErrorHandler(),
    _NoDowngrade(),
    urllib.request.HTTPErrorProcessor(),
):
    _opener.add_handler(_handler)


class _CancelWatch:
    """While a response is read, a watcher closes its socket as soon as `cancel` is set, so Cancel
    works at once even when the server has gone silent (instead of after the read timeout)."""

    def __init__(self, resp, cancel):
        self._sock = getattr(getattr(getattr(resp, "fp", None), "raw", None), "_sock", None)
        self._cancel = cancel
        self._stop = threading.Event()
        self._thread = None
        if cancel is not None and self._sock is not None:
            self._thread = threading.Thread(
                target=self._watch, name="nnstudio-download-cancel", daemon=True
            )
            self._thread.start()

    def _watch(self):
        while not self._stop.wait(0.05):
            if self._cancel.is_set():
                try:
                    self._sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def _fetch(
    url: str,
    dest,
    remote: RemoteFile,
    sha256: str | None,
    done: int,
    total: int,
    progress,
    cancel,
    timeout: float,
) -> int:
    """Stream `url` into the open file `dest`; return bytes written. Raises DataError on any failure."""
    h, sha = hashlib.md5(), hashlib.sha256()
    got = 0
    check_url(url)
    try:
        with (
            _opener.open(
                urllib.request.Request(url, headers={"User-Agent": "nnstudio"}), timeout=timeout
            ) as resp,
            _CancelWatch(resp, cancel),
        ):
            length = resp.headers.get("Content-Length")
            length = int(length) if length and length.isdigit() else None
            if length is not None and length > remote.size:
                raise DataError(
                    f"the server offers {length:,} bytes for {remote.name}, which has "
                    f"{remote.size:,}; it is not the published file"
                )
            while True:
                if cancel is not None and cancel.is_set():
                    raise DownloadCancelled("The download was cancelled; nothing was saved.")
                block = resp.read1(CHUNK)
                if cancel is not None and cancel.is_set():
                    raise DownloadCancelled("The download was cancelled; nothing was saved.")
                if not block:
                    break
                if got + len(block) > remote.size:  # never write more than the known size
                    raise DataError(
                        f"the server sent more than the {remote.size:,} bytes of {remote.name} "
                        f"({url}); it is not the published file"
                    )
                dest.write(block)
                h.update(block)
                sha.update(block)
                got += len(block)
                if progress is not None:
                    progress(done + got, max(total, done + got))
    except DataError:
        raise
    except urllib.error.HTTPError as exc:
        raise DataError(f"the server answered {exc.code} {exc.reason} for {url}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise _Offline(url, "the server name could not be looked up") from None
        if isinstance(reason, ConnectionRefusedError):
            raise _Offline(url, "the connection was refused") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise _Offline(url, "the server did not answer in time") from None
        raise _Offline(url, f"could not connect: {reason}") from None
    except http.client.IncompleteRead as exc:
        raise DataError(
            f"the transfer from {url} was interrupted after {got + len(exc.partial):,} bytes"
        ) from None
    except (http.client.HTTPException, OSError) as exc:
        if cancel is not None and cancel.is_set():
            raise DownloadCancelled("The download was cancelled; nothing was saved.") from None
        raise DataError(f"the transfer from {url} failed after {got:,} bytes ({exc})") from None
    if length is not None and got != length:
        raise DataError(
            f"the transfer from {url} was interrupted: {got:,} of {length:,} bytes arrived"
        )
    if not _matches((h.hexdigest(), sha.hexdigest()), remote, sha256):
        raise DataError(
            f"the file from {url} failed its checksum (MD5 {h.hexdigest()}, expected {remote.md5}); "
            f"it is damaged or not the published file"
        )
    return got


def download(
    name: str, progress=None, cancel=None, mirrors=None, timeout: float | None = None
) -> Path:
    """Download the missing files of `name` into the cache; return the folder.

    progress(done_bytes, total_bytes) is called as bytes arrive; cancel is an object with
    is_set() (threading.Event) checked between chunks. Each file is written to a temporary
    file in the cache folder, verified, then renamed into place.
    """
    _check_name(name)
    mirrors = list(user_mirrors(name) + MIRRORS[name] if mirrors is None else mirrors)
    for base in mirrors:
        check_url(base)
    if not mirrors:
        raise DataError(f"No download address is configured for {TITLES.get(name, name)}.")
    timeout = TIMEOUT if timeout is None else float(timeout)
    folder = cache_dir() / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-", delete=True)
        probe.close()
    except OSError as exc:
        raise DataError(
            f"Cannot save downloads in the cache folder {str(folder)!r} ({exc.strerror or exc}); "
            f"make it writable or set {CACHE_ENV} to a folder you can write to."
        ) from None
    todo = _cached_ok(name, verify=True)
    sizes = {r.name: r.size for r in FILES[name]}
    total = sum(sizes.values())
    done = total - sum(sizes[f] for f in todo)
    if progress is not None:
        progress(done, total)
    for remote in FILES[name]:
        fname, size = remote.name, remote.size
        if fname not in todo:
            continue
        failures = []
        for base in mirrors:
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled(
                    f"The download of {TITLES.get(name, name)} was cancelled; nothing partial "
                    f"was saved."
                )
            url = base if base.endswith(fname) else base.rstrip("/") + "/" + fname
            tmp = None
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{fname}.", suffix=".part")
                with os.fdopen(fd, "wb") as dest:
                    got = _fetch(
                        url,
                        dest,
                        remote,
                        _sha(name, remote),
                        done,
                        total,
                        progress,
                        cancel,
                        timeout,
                    )
                    dest.flush()
                    os.fsync(dest.fileno())
                os.replace(tmp, folder / fname)
                tmp = None
                done += got
                total += got - size
                break
            except DownloadCancelled:
                raise DownloadCancelled(
                    f"The download of {TITLES.get(name, name)} was cancelled; nothing partial "
                    f"was saved."
                ) from None
            except _Offline as exc:
                failures.append((exc.url, exc.reason, True))
            except DataError as exc:
                failures.append((url, str(exc), False))
            except OSError as exc:
                raise DataError(
                    f"Cannot write {fname} into the cache folder {str(folder)!r} "
                    f"({exc.strerror or exc}); make it writable or set {CACHE_ENV}."
                ) from None
            finally:
                if tmp is not None:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
        else:
            if all(offline for _, _, offline in failures):
                raise DataError(_offline_message(name, [(u, r) for u, r, _ in failures]))
            detail = "; ".join(reason for _, reason, _ in failures)
            raise DataError(
                f"Could not download {fname} of {TITLES.get(name, name)}: {detail}. Nothing partial "
                f"was saved; try again later, or use the bundled 'mnist-5k' sample."
            )
    return folder
