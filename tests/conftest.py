import os
import shutil
from pathlib import Path

import pytest

import nnstudio

# Qt without a screen: every GUI test runs on the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Subprocesses run the code under test: the nnstudio these tests imported (a checkout or an
# installed wheel), not whichever one the child's sys.path would find first.
_UNDER_TEST = str(Path(nnstudio.__file__).resolve().parent.parent)
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_UNDER_TEST, os.environ.get("PYTHONPATH")) if p
)


@pytest.fixture
def lessons_copy(tmp_path, monkeypatch):
    """A copy of the bundled resources in tmp_path, used instead of the real ones (through
    NNSTUDIO_RESOURCES, which subprocesses inherit): a test that trains or saves a "bundled"
    lesson never writes into the source tree or the installed package."""
    from nnstudio import paths

    copy = tmp_path / "resources"
    shutil.copytree(paths.resources_root(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv(paths.ENV_RESOURCES, str(copy))
    return copy
