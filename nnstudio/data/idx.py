"""IDX files (the MNIST format): a header that declares type and shape, then the raw numbers.

The header is never trusted: the declared size is compared with the bytes actually
present before anything is allocated, and gzip input is decompressed in bounded
chunks, so a lying header gives a `DataError`, never a MemoryError or a hang.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import numpy as np

from .dataset import CLASSIFICATION, Dataset
from .errors import DataError
from .fileio import check_regular, open_regular

# type code -> (big-endian dtype, name)
IDX_TYPES = {
    0x08: (np.dtype(">u1"), "unsigned byte"),
    0x09: (np.dtype(">i1"), "signed byte"),
    0x0B: (np.dtype(">i2"), "short"),
    0x0C: (np.dtype(">i4"), "int"),
    0x0D: (np.dtype(">f4"), "float"),
    0x0E: (np.dtype(">f8"), "double"),
}
MAX_DIMS = 8
MAX_BYTES = 2 * 1024**3  # nothing nnstudio reads is bigger than 2 GB of numbers
GZIP_MAX_RATIO = 20  # real image and label files pack 2:1 to 10:1; zeros pack 1000:1 (a bomb)
GZIP_FLOOR = 16 * 1024**2  # data up to this size may pack as well as it likes
CHUNK = 1 << 20

IDX_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def _is_gzip(path: Path) -> bool:
    with open_regular(path) as f:
        return f.read(2) == b"\x1f\x8b"


def _read_exact(stream, n: int, path: Path, what: str) -> bytes:
    """Read up to n bytes in bounded chunks into one buffer; fewer only if the stream ends."""
    out = bytearray(n)
    view, got = memoryview(out), 0
    while got < n:
        try:
            part = stream.read(min(CHUNK, n - got))
        except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
            raise DataError(
                f"{path.name} is not a valid gzip file ({exc}); it may be damaged or only partly "
                f"downloaded: get a fresh copy."
            ) from None
        if not part:
            break
        view[got : got + len(part)] = part
        got += len(part)
    del view
    del out[got:]
    return out


def read_idx(path) -> np.ndarray:
    """Read one IDX file (plain or gzip) -> ndarray in native byte order, shape as declared."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"There is no file {str(path)!r}.")
    if path.is_dir():
        raise DataError(
            f"{str(path)!r} is a folder, not an IDX file; open the folder with from_idx() instead."
        )
    try:
        size = check_regular(path).st_size
        if size == 0:
            raise DataError(
                f"{path.name} is empty (0 bytes); expected an IDX file: get a fresh copy."
            )
        compressed = _is_gzip(path)
        raw_file = open_regular(path)
        stream = gzip.GzipFile(fileobj=raw_file, mode="rb") if compressed else raw_file
    except PermissionError:
        raise DataError(f"nnstudio may not read {str(path)!r} (permission denied).") from None
    except OSError as exc:
        raise DataError(f"Could not read {str(path)!r}: {exc.strerror or exc}.") from None
    with raw_file, stream:
        head = _read_exact(stream, 4, path, "header")
        if len(head) == 0 and compressed:
            raise DataError(f"{path.name} is an empty gzip file; expected an IDX file inside.")
        if len(head) < 4:
            raise DataError(
                f"{path.name} is too short to be an IDX file: it has {len(head)} bytes where a 4-byte "
                f"header is expected."
            )
        if head[0] != 0 or head[1] != 0:
            raise DataError(
                f"{path.name} is not an IDX file: it should start with two zero bytes, found "
                f"0x{head[:4].hex()} (is it an image, a CSV or another format?)."
            )
        code, ndim = head[2], head[3]
        if code not in IDX_TYPES:
            known = ", ".join(f"0x{c:02X}" for c in IDX_TYPES)
            raise DataError(
                f"{path.name} declares an unknown IDX type code 0x{code:02X}; expected one of {known}."
            )
        if ndim == 0 or ndim > MAX_DIMS:
            raise DataError(
                f"{path.name} declares {ndim} dimensions; an IDX file has between 1 and {MAX_DIMS}."
            )
        raw = _read_exact(stream, 4 * ndim, path, "shape")
        if len(raw) < 4 * ndim:
            raise DataError(
                f"{path.name} is truncated: its header declares {ndim} dimensions but the file ends "
                f"inside the list of sizes."
            )
        shape = tuple(int(d) for d in np.frombuffer(raw, dtype=">u4"))
        if 0 in shape:
            raise DataError(
                f"{path.name} declares shape {shape} with a zero-sized dimension, so it holds no data."
            )
        dtype, _ = IDX_TYPES[code]
        count = 1
        for d in shape:
            count *= d
        expected = count * dtype.itemsize
        header_len = 4 + 4 * ndim
        if compressed:
            ceiling = max(GZIP_FLOOR, GZIP_MAX_RATIO * size)
            if expected > MAX_BYTES or expected > ceiling:
                raise DataError(
                    f"{path.name} declares shape {shape} ({expected:,} bytes of data) but the whole "
                    f"compressed file is only {size:,} bytes, far more than real images pack: "
                    f"the file is damaged or truncated, or a decompression bomb."
                )
        else:
            present = size - header_len
            if expected > present:
                raise DataError(
                    f"{path.name} is truncated: its header declares shape {shape} ({expected:,} bytes) "
                    f"but only {present:,} bytes of data are there."
                )
            if expected < present:
                raise DataError(
                    f"{path.name} has {present - expected:,} unexpected bytes after the {expected:,} "
                    f"bytes its header declares for shape {shape}; the file is damaged."
                )
        data = _read_exact(stream, expected + 1, path, "data")
    if len(data) < expected:
        raise DataError(
            f"{path.name} is truncated: its header declares shape {shape} ({expected:,} bytes) but "
            f"only {len(data):,} bytes of data are there."
        )
    if len(data) > expected:
        raise DataError(
            f"{path.name} has unexpected bytes after the {expected:,} bytes its header declares for "
            f"shape {shape}; the file is damaged."
        )
    arr = np.frombuffer(data, dtype=dtype).reshape(shape)
    if dtype.byteorder in ("=", "|") or dtype.isnative:
        return arr  # the buffer is ours: no second copy
    return arr.astype(dtype.newbyteorder("="))


def find_idx_file(directory: Path, stem: str) -> Path | None:
    """The file for `stem` in `directory`: plain or .gz, also the common 'train-images.idx3-ubyte' spelling."""
    dotted = stem.replace("-idx", ".idx")
    for name in (stem + ".gz", stem, dotted + ".gz", dotted):
        p = directory / name
        if p.is_file():
            return p
    return None


def images_to_features(images: np.ndarray, path_name: str) -> tuple[np.ndarray, tuple[int, ...]]:
    """(n, h, w[, c]) numbers -> float32 (n, h*w*c) in [0, 1] and the image shape."""
    if images.ndim < 2:
        raise DataError(
            f"{path_name} holds a list of {images.shape[0]} numbers, not images; expected an images "
            f"file of shape (count, height, width)."
        )
    shape = images.shape[1:]
    flat = images.reshape(len(images), -1)
    if images.dtype == np.uint8:
        x = flat.astype(np.float32) / np.float32(255.0)
    elif np.issubdtype(images.dtype, np.integer):
        lo, hi = int(flat.min()), int(flat.max())
        if lo < 0:
            raise DataError(
                f"{path_name} has negative pixel values (smallest {lo}); expected 0 or more."
            )
        x = flat.astype(np.float32) / np.float32(max(hi, 1))
    else:
        x = flat.astype(np.float32)
        if not np.isfinite(x).all():
            raise DataError(f"{path_name} contains NaN or infinite pixel values.")
    return x, tuple(int(s) for s in shape)


def check_labels(labels: np.ndarray, path_name: str, num_classes: int | None) -> np.ndarray:
    if labels.ndim != 1:
        raise DataError(
            f"{path_name} has shape {labels.shape}; a labels file holds one number per image "
            f"(one dimension)."
        )
    if not np.issubdtype(labels.dtype, np.integer):
        if not np.all(np.isfinite(labels)) or not np.all(labels == np.round(labels)):
            raise DataError(
                f"{path_name} holds fractional labels; class labels must be whole numbers."
            )
    labels = labels.astype(np.int64)
    lo, hi = int(labels.min()), int(labels.max())
    limit = num_classes if num_classes is not None else 1000
    if lo < 0 or hi >= limit:
        bad = lo if lo < 0 else hi
        raise DataError(
            f"{path_name} has label {bad}, out of range: expected labels from 0 to {limit - 1}."
        )
    return labels


def from_idx(
    directory,
    num_classes: int | None = None,
    class_names=None,
    name: str | None = None,
    description: str = "",
    flatten: bool = True,
) -> Dataset:
    """The four standard MNIST files in `directory` (gzip or not) -> Dataset of images in [0, 1],
    flattened to (n, 784) or, with flatten=False, shaped (n, 28, 28) for a Flatten layer."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(
            f"{str(directory)!r} is not a folder; expected a folder holding the four MNIST-style "
            f"IDX files ({', '.join(IDX_FILES.values())})."
        )
    paths = {key: find_idx_file(directory, stem) for key, stem in IDX_FILES.items()}
    missing = [IDX_FILES[k] for k, p in paths.items() if p is None]
    if missing:
        raise DataError(
            f"The folder {str(directory)!r} is missing {', '.join(missing)} (with or without .gz); "
            f"expected the four files train-images, train-labels, t10k-images, t10k-labels."
        )
    arrays = {key: read_idx(p) for key, p in paths.items()}
    x_parts, y_parts, image_shape = [], [], None
    for split_name in ("train", "test"):
        ip, lp = paths[f"{split_name}_images"], paths[f"{split_name}_labels"]
        images, labels = arrays[f"{split_name}_images"], arrays[f"{split_name}_labels"]
        x, shape = images_to_features(images, ip.name)
        if image_shape is not None and shape != image_shape:
            raise DataError(
                f"{ip.name} has images of size {shape} but the training images are {image_shape}; "
                f"both must be the same size."
            )
        image_shape = shape
        y = check_labels(labels, lp.name, num_classes)
        if len(x) != len(y):
            raise DataError(
                f"{ip.name} holds {len(x):,} images but {lp.name} holds {len(y):,} labels; "
                f"there must be one label per image."
            )
        x_parts.append(x)
        y_parts.append(y)
    if num_classes is None:
        num_classes = int(max(y_parts[0].max(), y_parts[1].max())) + 1
    if class_names is not None and len(class_names) != num_classes:
        raise DataError(f"{len(class_names)} class names were given for {num_classes} classes.")
    if len(image_shape) == 3 and image_shape[-1] == 1:
        image_shape = image_shape[:2]
    if not flatten:
        x_parts = [x.reshape(len(x), *image_shape) for x in x_parts]
    return Dataset(
        x_parts[0],
        y_parts[0],
        x_parts[1],
        y_parts[1],
        task=CLASSIFICATION,
        num_classes=num_classes,
        class_names=list(class_names) if class_names is not None else None,
        image_shape=image_shape,
        name=name or directory.name,
        description=description or f"Images read from {directory}.",
    )
