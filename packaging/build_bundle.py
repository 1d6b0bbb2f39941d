"""Build nnstudio as a PyInstaller one-folder bundle, for classroom machines without Python.

    pip install pyinstaller                       # not part of any extra: only whoever builds needs it
    python packaging/build_bundle.py              # -> dist/nnstudio/nnstudio (nnstudio.exe on Windows)
    python packaging/build_bundle.py --check      # ... then check it: --version, train XOR, start-up time

The folder ``dist/nnstudio/`` is the whole program: copy it anywhere (a USB stick, a shared
drive) and run ``nnstudio`` inside it, with the same commands as the installed one
(``nnstudio``, ``nnstudio open FILE``, ``nnstudio train FILE``, ``nnstudio --install-desktop``).
PyInstaller builds for the system it runs on: build on Windows for Windows, on macOS for macOS.

The bundle carries Qt's core, GUI and widget libraries and the plugins they load (platforms,
image formats, styles), and leaves out the Qt modules nnstudio never imports (QML/Quick, SQL,
network, OpenGL widgets, SVG, test, designer ...) and the development tools of the
environment that builds it (pytest, hypothesis, onnx ...), see EXCLUDES.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "nnstudio"

# Qt modules nnstudio (and the parts of pyqtgraph it uses) never import. pyqtgraph's curves
# import QtOpenGL and QtOpenGLWidgets by a computed name (so they are named as hidden imports)
# and its SVG export QtSvg; it tries QtTest and carries on without it.
QT_HIDDEN = ["QtOpenGL", "QtOpenGLWidgets", "QtSvg"]
QT_EXCLUDES = [
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtSql",
    "QtTest",
    "QtSvgWidgets",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtXml",
    "QtConcurrent",
    "QtPrintSupport",
    "QtDBus",
    "Qt3DCore",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtMultimedia",
    "QtCharts",
    "QtDataVisualization",
    "QtPdf",
    "QtPdfWidgets",
    "QtBluetooth",
    "QtPositioning",
]
OTHER_EXCLUDES = [
    "tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "onnx",
    "onnxruntime",
    "torch",
    "keras",
    "matplotlib",
    "scipy",
    "IPython",
    "PIL",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "OpenGL",
    "PyInstaller",
    "setuptools",
    "pip",
]
EXCLUDES = [f"PySide6.{m}" for m in QT_EXCLUDES] + OTHER_EXCLUDES


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the bundle's executable."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit(
            "build_bundle: PyInstaller is not installed; run: pip install pyinstaller"
        ) from None
    args = [
        str(ROOT / "nnstudio" / "__main__.py"),
        "--name",
        NAME,
        "--onedir",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),  # the nnstudio of this checkout, installed or not
        "--add-data",
        f"{ROOT / 'resources'}{os.pathsep}nnstudio/resources",
        "--collect-submodules",
        "nnstudio",  # the studio is imported lazily by the command
    ]
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    for module in QT_HIDDEN:
        args += ["--hidden-import", f"PySide6.{module}"]
    if sys.platform == "win32":
        args += ["--icon", str(ROOT / "resources" / "icons" / "nnstudio.ico")]
    pyinstaller.run(args)
    _keep_only_our_languages(dist / NAME)
    _strip_libpython(dist / NAME)
    exe = dist / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not exe.is_file():
        raise SystemExit(f"build_bundle: PyInstaller finished but {exe} is missing")
    return exe


def _keep_only_our_languages(folder: Path) -> None:
    """Qt's own translations: only those of the languages nnstudio speaks (its standard dialogs)."""
    ours = {
        qm.stem.split("_", 1)[1]
        for qm in (ROOT / "resources" / "translations").glob("nnstudio_*.qm")
    }
    for qm in folder.rglob("PySide6/Qt/translations/*.qm"):
        if qm.stem.rsplit("_", 1)[-1] not in ours and not qm.stem.endswith(
            tuple(f"_{lang}" for lang in ours)
        ):
            qm.unlink()


def _strip_libpython(folder: Path) -> None:
    """libpython's debug symbols (23 MB -> 4 MB). Not PyInstaller's --strip: that also strips
    NumPy's OpenBLAS, whose patched ELF headers it corrupts ("not page-aligned")."""
    strip = shutil.which("strip")
    if strip and sys.platform.startswith("linux"):
        for lib in folder.glob("_internal/libpython*.so*"):
            subprocess.run([strip, "--strip-debug", str(lib)], check=False)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def bundle_env() -> dict:
    """The environment a machine without Python has: no PYTHONPATH / virtualenv pointing at ours."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env["PATH"] = "/usr/bin:/bin" if os.name == "posix" else env.get("PATH", "")
    return env


def check_train(exe: Path, folder: Path, epochs: int = 5) -> subprocess.CompletedProcess:
    """``nnstudio new --example xor`` then ``nnstudio train --epochs N`` with the bundle alone."""
    env = bundle_env()
    project = folder / "xor.nnproj"
    subprocess.run(
        [str(exe), "new", "--example", "xor", str(project), "--force"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return subprocess.run(
        [str(exe), "train", str(project), "--epochs", str(epochs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def start_time_to_window(exe: Path, project: Path, display: str = ":97") -> float | None:
    """Seconds from starting ``nnstudio open project`` to its window mapped on a private Xvfb
    display (None when Xvfb or xdotool is missing)."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return None
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    studio = None
    try:
        time.sleep(1.0)  # the X server's socket
        env = {**bundle_env(), "DISPLAY": display}
        env.pop("QT_QPA_PLATFORM", None)
        t0 = time.perf_counter()
        studio = subprocess.Popen(
            [str(exe), "open", str(project)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while time.perf_counter() - t0 < 60:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "nnstudio"],
                env=env,
                capture_output=True,
                text=True,
            )
            if found.stdout.strip():
                return time.perf_counter() - t0
            if studio.poll() is not None:
                return None
            time.sleep(0.05)
        return None
    finally:
        if studio is not None:
            studio.kill()
            studio.wait()
        xvfb.terminate()
        xvfb.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the bundle folder goes (dist/)"
    )
    parser.add_argument(
        "--work", type=Path, default=None, help="PyInstaller's build folder (a temporary one)"
    )
    parser.add_argument(
        "--check", action="store_true", help="then run it: --version, train XOR, start-up time"
    )
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="nnstudio-pyinstaller-"))
    t0 = time.perf_counter()
    exe = build(args.dist.resolve(), work.resolve())
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    folder = exe.parent
    print(
        f"bundle: {folder} ({folder_size(folder) / 2**20:.0f} MB, built in {time.perf_counter() - t0:.0f} s)"
    )
    if not args.check:
        return 0
    version = subprocess.run(
        [str(exe), "--version"], env=bundle_env(), capture_output=True, text=True, timeout=60
    )
    print(f"--version: {version.stdout.strip()} (exit {version.returncode})")
    with tempfile.TemporaryDirectory() as tmp:
        t1 = time.perf_counter()
        trained = check_train(exe, Path(tmp))
        print(
            f"train xor --epochs 5: exit {trained.returncode} in {time.perf_counter() - t1:.1f} s; "
            f"{(trained.stdout.strip().splitlines() or ['(no output)'])[-1]}"
        )
        if trained.returncode:
            print(trained.stderr)
        seconds = start_time_to_window(exe, Path(tmp) / "xor.nnproj")
        print(
            "start-up to window: "
            + (f"{seconds:.2f} s (Xvfb)" if seconds is not None else "not measured")
        )
    return 0 if version.returncode == 0 and trained.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
