"""Smoke test of an installed nnstudio (a wheel in a fresh venv), run from outside the source tree.

    python packaging/smoke_test.py        # with the venv's python; .ci/run does this

Checks what a wheel that forgot its resources would break: the package comes from the
installation, not the checkout; its resources are the packaged ones; every lesson lists and
opens in the studio (offscreen); the bundled MNIST sample loads; the Korean translation is
found and loads; ``nnstudio train`` trains a lesson copy; ``--version`` and ``python -m
nnstudio`` answer. Prints one line per check; exits 1 at the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def check(what: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok' if ok else 'FAILED'}: {what}" + (f" ({detail})" if detail else ""), flush=True)
    if not ok:
        sys.exit(1)


def nnstudio(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("nnstudio.exe" if os.name == "nt" else "nnstudio")
    return subprocess.run(
        [str(command), *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def last_line(result: subprocess.CompletedProcess) -> str:
    return ((result.stdout.strip() or result.stderr.strip()).splitlines() or [""])[-1]


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="nnstudio-smoke-"))
    os.chdir(work)  # nothing of the checkout on sys.path from here
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        NNSTUDIO_CONFIG_DIR=str(work / "config"),
        NNSTUDIO_CACHE=str(work / "cache"),
        LANG="en_US.UTF-8",
        OPENBLAS_NUM_THREADS="1",
    )
    os.environ.pop("PYTHONPATH", None)
    sys.path[:] = [p for p in sys.path if p not in ("", str(CHECKOUT))]

    import nnstudio as package
    from nnstudio import __version__, paths

    where = Path(package.__file__).resolve().parent
    check("nnstudio is the installed package", CHECKOUT not in where.parents, str(where))
    root = paths.resources_root()
    check(
        "resources are the package's own", root == where / "resources" and root.is_dir(), str(root)
    )

    result = nnstudio("--version", cwd=work)
    check(
        "nnstudio --version",
        result.returncode == 0 and result.stdout.strip() == f"nnstudio {__version__}",
        result.stdout.strip() or result.stderr.strip(),
    )
    result = subprocess.run(
        [sys.executable, "-m", "nnstudio", "--version"], capture_output=True, text=True, cwd=work
    )
    check("python -m nnstudio --version", result.returncode == 0 and __version__ in result.stdout)

    from nnstudio.project import examples

    result = nnstudio("examples", cwd=work)
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    check(
        "nnstudio examples lists the lessons",
        result.returncode == 0 and listed == examples.names(),
        ", ".join(listed),
    )
    check("every lesson is a packaged file", all(examples.path(n).is_file() for n in listed))

    from nnstudio import data

    mnist = data.load("mnist-5k")
    check(
        "mnist-5k loads",
        len(mnist.x_train) + len(mnist.x_test) == 5000 and mnist.x_train.shape[1] == 784,
        f"{len(mnist.x_train)} + {len(mnist.x_test)} images",
    )

    from PySide6.QtCore import QCoreApplication, QLocale

    from nnstudio.gui import app as studio
    from nnstudio.gui.main_window import MainWindow

    qt_app = studio.make_application()
    qm = paths.resource("translations", "nnstudio_ko.qm")
    korean = studio.install_translators(
        qt_app, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    file_menu = QCoreApplication.translate("MainWindow", "&File")
    check(
        "the Korean translation is found and loads",
        qm.is_file() and len(korean) >= 1 and file_menu == "파일(&F)",
        f"{qm.name}: '&File' -> {file_menu!r}",
    )
    for translator in korean:
        qt_app.removeTranslator(translator)

    for name in listed:
        window = MainWindow()
        window.show()
        opened = window.open_path(examples.path(name))
        title = window.document.project.title
        window.document.modified = (
            False  # close without a prompt; closing joins the window's threads
        )
        window.close()
        window.deleteLater()
        check(
            f"lesson {name} opens in the studio (offscreen)",
            bool(opened) and title == examples.title(name),
            title,
        )
    qt_app.processEvents()

    result = nnstudio("train", str(examples.path("xor")), "--epochs", "5", cwd=work)
    check(
        "nnstudio train on the XOR lesson saves a copy here",
        result.returncode == 0
        and (work / "xor.nnproj").is_file()
        and "kept as shipped" in result.stdout,
        last_line(result),
    )
    result = nnstudio("train", "xor.nnproj", "--epochs", "2", cwd=work)
    check(
        "nnstudio train on that copy",
        result.returncode == 0 and "now 7 in all" in result.stdout,
        last_line(result),
    )
    print(f"smoke test passed: nnstudio {__version__} from {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
