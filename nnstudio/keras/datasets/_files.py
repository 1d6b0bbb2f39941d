"""Find and read the four IDX files of a data set without touching the network."""

import sys
import warnings

from ...data import download
from ...data.catalog import DATASETS_DIR
from ...data.idx import IDX_FILES, find_idx_file, read_idx


class DatasetNotAvailable(RuntimeError):
    """The full data set is not on this machine and nnstudio.keras does not download."""


def _folder(name):
    cached = download.cache_dir() / name
    if cached.is_dir() and all(find_idx_file(cached, stem) for stem in IDX_FILES.values()):
        return cached
    return download.system_dir(name)


def _read(folder):
    parts = {key: read_idx(find_idx_file(folder, stem)) for key, stem in IDX_FILES.items()}
    return (parts["train_images"], parts["train_labels"]), (
        parts["test_images"],
        parts["test_labels"],
    )


def load(name, sample=False):
    folder = _folder(name)
    if folder is not None:
        return _read(folder)
    if sample:
        message = (
            f"The full {name} files are not on this machine, so load_data() returns the "
            "5,000-digit sample bundled with nnstudio (4,000 training and 1,000 test images "
            "instead of 60,000 and 10,000). Download the full set in the studio (File > Data "
            f"sets) or put its four files in {download.cache_dir() / name}."
        )
        warnings.warn(message, stacklevel=3)
        print(message, file=sys.stderr)
        return _read(DATASETS_DIR / "mnist-5k")
    folders = [str(download.cache_dir() / name)] + [
        str(d) for d in download.SYSTEM_DIRS.get(name, [])
    ]
    raise DatasetNotAvailable(
        f"{name} is not on this machine, and nnstudio.keras never downloads. Download it in "
        f"the studio (File > Data sets), or install it (Debian/Ubuntu: apt-get install "
        f"dataset-{name}), or put its four IDX files in one of: {', '.join(folders)}."
    )
