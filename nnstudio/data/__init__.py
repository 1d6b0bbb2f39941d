"""nnstudio.data: toy data sets, MNIST-style images, file readers and downloads (numpy only).

from nnstudio.data import load, DATASETS, DataError
ds = load("moons", n_samples=400, noise=0.1, seed=0)
"""

from .catalog import DATASETS, FASHION_CLASSES, MNIST_CLASSES, load
from .dataset import CLASSIFICATION, REGRESSION, Dataset, DatasetInfo
from .download import DownloadCancelled, cache_dir, is_cached
from .errors import DataError
from .files import from_csv, from_npz, load_file
from .idx import from_idx, read_idx
from .preprocessing import MinMaxScaler, StandardScaler, to_categorical

__all__ = [
    "CLASSIFICATION",
    "REGRESSION",
    "DATASETS",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "DownloadCancelled",
    "FASHION_CLASSES",
    "MNIST_CLASSES",
    "MinMaxScaler",
    "StandardScaler",
    "cache_dir",
    "from_csv",
    "from_idx",
    "from_npz",
    "is_cached",
    "load",
    "load_file",
    "read_idx",
    "to_categorical",
]
