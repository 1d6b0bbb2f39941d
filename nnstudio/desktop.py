"""``nnstudio --install-desktop`` / ``--uninstall-desktop``: the menu entry, icon and .nnproj type.

Per user, in the XDG data folder (``$XDG_DATA_HOME``, by default ``~/.local/share``), nothing
system-wide and no root::

    applications/nnstudio.desktop                      the menu entry; opens .nnproj files
    mime/packages/nnstudio.xml                         application/x-nnstudio-project = *.nnproj
    icons/hicolor/<N>x<N>/apps/nnstudio.png            the icon, PNG sizes and the SVG
    icons/hicolor/<N>x<N>/mimetypes/application-x-nnstudio-project.png

then the desktop's caches are refreshed when their tools are there (update-mime-database,
update-desktop-database, gtk-update-icon-cache). The entry runs *this* installation's
``nnstudio`` by its full path (a virtual environment's or the bundle's), so it works from the
menu, where the venv is not on PATH.

Double-clicking a project starts ``nnstudio open FILE``: each double-click opens its own
window (its own process), so two projects can train side by side and one window's trouble
never takes another's work with it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from nnstudio.paths import PACKAGE_DIR, resource

APP_ID = "nnstudio"
MIME_TYPE = "application/x-nnstudio-project"
MIME_ICON = MIME_TYPE.replace("/", "-")


def data_home(env: dict | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get("XDG_DATA_HOME")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation of nnstudio."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        return [sys.executable]
    script = Path(sys.executable).with_name("nnstudio.exe" if os.name == "nt" else "nnstudio")
    if script.is_file():  # the console script next to this interpreter (venv, pip --user, system)
        return [str(script)]
    return [
        "env",
        f"PYTHONPATH={PACKAGE_DIR.parent}",
        sys.executable,
        "-m",
        "nnstudio",
    ]  # a checkout


def _exec_quote(arg: str) -> str:
    """Quote one argument of a desktop entry's Exec key (Desktop Entry spec, "The Exec key")."""
    if arg and not re.search(r"[\s\"'\\><~|&;$*?#()`%]", arg):
        return arg
    quoted = '"' + re.sub(r"([\"`$\\])", r"\\\1", arg) + '"'
    return quoted.replace("\\", "\\\\").replace(
        "%", "%%"
    )  # the string-value escape of the whole key


def desktop_entry(command: list[str]) -> str:
    """resources/desktop/nnstudio.desktop with Exec (and TryExec) naming ``command``."""
    text = resource("desktop", "nnstudio.desktop").read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(_exec_quote(a) for a in command) + " open %f"
    text = re.sub(r"^Exec=.*$", lambda _: exec_line, text, count=1, flags=re.MULTILINE)
    if os.path.isabs(command[0]):
        text = text.replace(exec_line, f"TryExec={command[0]}\n{exec_line}")
    return text


def installed_files(data: Path) -> dict[Path, Path | str]:
    """Each file --install-desktop writes under ``data``: its source file, or its text."""
    icons = resource("icons")
    files: dict[Path, Path | str] = {
        data / "applications" / f"{APP_ID}.desktop": desktop_entry(launch_command()),
        data / "mime" / "packages" / f"{APP_ID}.xml": resource("desktop", "nnstudio-mime.xml"),
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icons / "nnstudio.svg",
        data / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{MIME_ICON}.svg": icons
        / "nnstudio.svg",
    }
    for png in sorted(icons.glob("nnstudio-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        folder = data / "icons" / "hicolor" / f"{size}x{size}"
        files[folder / "apps" / f"{APP_ID}.png"] = png
        files[folder / "mimetypes" / f"{MIME_ICON}.png"] = png
    return files


def _refresh_caches(data: Path) -> list[str]:
    """Tell the desktop: the tools that exist are run, quietly; returns those run."""
    ran = []
    for tool, args in (
        ("update-mime-database", [str(data / "mime")]),
        ("update-desktop-database", ["-q", str(data / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(data / "icons" / "hicolor")]),
    ):
        path = shutil.which(tool)
        if path:
            subprocess.run(
                [path, *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
                check=False,
            )
            ran.append(tool)
    return ran


def install(data: Path | None = None) -> list[Path]:
    """Write the entry, MIME type and icons under ``data`` (the XDG data folder); the files."""
    data = data or data_home()
    written = []
    for target, source in installed_files(data).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        if isinstance(source, Path):
            shutil.copyfile(source, tmp)
        else:
            tmp.write_text(source, encoding="utf-8")
        os.replace(tmp, target)
        written.append(target)
    _refresh_caches(data)
    return written


def uninstall(data: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; the files removed."""
    data = data or data_home()
    removed = []
    for target in installed_files(data):
        if target.exists():
            target.unlink()
            removed.append(target)
    if removed:
        _refresh_caches(data)
    return removed


class _DesktopAction(argparse.Action):
    """--install-desktop / --uninstall-desktop: do it and exit, like --version."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        if not sys.platform.startswith("linux"):
            parser.exit(
                1,
                f"nnstudio: error: {option_string} is for Linux desktops; on Windows and macOS "
                "see README.md, 'Desktop integration'\n",
            )
        data = data_home()
        try:
            if option_string == "--install-desktop":
                files = install(data)
                print(
                    f"Installed the nnstudio menu entry, its icon and the .nnproj file type for this "
                    f"user ({len(files)} files under {data}); double-click a project to open it. "
                    "Undo with 'nnstudio --uninstall-desktop'."
                )
                parser.exit(0)
            files = uninstall(data)
            print(
                f"Removed the nnstudio menu entry, icon and .nnproj file type ({len(files)} files under {data})."
                if files
                else f"nnstudio's desktop entry was not installed under {data}."
            )
            parser.exit(0)
        except OSError as exc:
            parser.exit(
                1, f"nnstudio: error: could not change the desktop files under {data}: {exc}\n"
            )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--install-desktop",
        action=_DesktopAction,
        help="add nnstudio to this user's applications menu and open .nnproj files with it (Linux)",
    )
    parser.add_argument("--uninstall-desktop", action=_DesktopAction, help="undo --install-desktop")
