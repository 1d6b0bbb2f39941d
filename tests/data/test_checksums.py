"""Published checksums: Debian's Fashion-MNIST files are verified against torchvision's MD5s."""

import gzip
import hashlib
import io

import pytest

from nnstudio.data import download as dl

FASHION = dl.SYSTEM_DIRS["fashion-mnist"][0]


def gzip_with_name(data, name, mtime):
    buf = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buf, mtime=mtime) as f:
        f.write(data)
    return buf.getvalue()


def debian_style(gz):
    """What Debian did: same compressed bytes, header without the file name, a new mtime."""
    flags = gz[3]
    assert flags == 0x08
    end = gz.index(b"\0", 10) + 1
    return b"\x1f\x8b\x08\x00" + (1591347949).to_bytes(4, "little") + gz[8:10] + gz[end:]


def test_reheadered_gzip_verifies_only_with_the_upstream_mtime(tmp_path):
    payload = bytes(range(256)) * 40
    original = gzip_with_name(payload, "t10k-labels-idx1-ubyte", 1504176627)
    md5 = hashlib.md5(original).hexdigest()
    remote = dl.RemoteFile("t10k-labels-idx1-ubyte.gz", md5, len(original))
    p = tmp_path / "t10k-labels-idx1-ubyte.gz"
    p.write_bytes(debian_style(original))
    assert hashlib.md5(p.read_bytes()).hexdigest() != md5
    assert gzip.decompress(p.read_bytes()) == payload
    assert dl.verify_file(p, remote, 1504176627)
    assert not dl.verify_file(p, remote, None)
    assert not dl.verify_file(p, remote, 1504176628)
    damaged = bytearray(p.read_bytes())
    damaged[40] ^= 1
    p.write_bytes(bytes(damaged))
    assert not dl.verify_file(p, remote, 1504176627)
    p.write_bytes(original)
    assert dl.verify_file(p, remote, None)


@pytest.mark.skipif(
    not FASHION.is_dir(),
    reason=f"Fashion-MNIST is not installed in {FASHION} (apt-get install dataset-fashion-mnist)",
)
def test_debian_fashion_mnist_matches_the_published_md5s():
    published = {r.name: r.md5 for r in dl.FILES["fashion-mnist"]}
    assert published == {  # torchvision/datasets/mnist.py, FashionMNIST.resources
        "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
    }
    mtimes = dl.UPSTREAM_GZIP_MTIME["fashion-mnist"]
    for remote in dl.FILES["fashion-mnist"]:
        sha = dl.SHA256["fashion-mnist"][
            remote.name
        ]  # keras/src/datasets/fashion_mnist.py FILE_HASHES
        assert dl.verify_file(FASHION / remote.name, remote, mtimes[remote.name], sha), remote.name
        assert not dl.verify_file(FASHION / remote.name, remote, mtimes[remote.name], "0" * 64)
    assert dl.system_dir("fashion-mnist", verify=True) == FASHION


def test_a_damaged_system_copy_is_not_used(tmp_path, monkeypatch):
    good = {
        n: gzip.compress(bytes([0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3]), mtime=0)
        for n, _, _ in dl.FILES["mnist"]
    }
    table = [dl.RemoteFile(n, hashlib.md5(b).hexdigest(), len(b)) for n, b in good.items()]
    monkeypatch.setitem(dl.FILES, "fashion-mnist", table)
    monkeypatch.setitem(dl.SHA256, "fashion-mnist", {})
    monkeypatch.setitem(dl.SYSTEM_DIRS, "fashion-mnist", [tmp_path])
    for n, b in good.items():
        (tmp_path / n).write_bytes(b)
    assert dl.system_dir("fashion-mnist", verify=True) == tmp_path
    (tmp_path / "t10k-images-idx3-ubyte.gz").write_bytes(b"\x1f\x8b\x08\x00rubbish")
    assert dl.system_dir("fashion-mnist", verify=True) is None
    assert dl.system_dir("fashion-mnist") == tmp_path  # present, but not trusted for loading
