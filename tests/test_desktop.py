"""`nnstudio --install-desktop` / `--uninstall-desktop`: per-user XDG files, all undone."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from nnstudio import desktop, paths

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktops: Linux")


def run(*args, data_home, cwd):
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "nnstudio", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def read_entry(path) -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    return entry["Desktop Entry"]


def test_install_then_uninstall_desktop(tmp_path):
    data = tmp_path / "data"
    result = run("--install-desktop", data_home=data, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Installed the nnstudio menu entry" in result.stdout and str(data) in result.stdout

    entry = read_entry(data / "applications" / "nnstudio.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "nnstudio"
    assert entry["GenericName[ko]"] == "신경망 스튜디오"
    assert entry["MimeType"] == "application/x-nnstudio-project;"
    assert entry["Exec"].endswith(" -m nnstudio open %f") or entry["Exec"].endswith(
        "nnstudio open %f"
    )
    mime = ET.parse(data / "mime" / "packages" / "nnstudio.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == "application/x-nnstudio-project"
    assert kind.find("m:glob", ns).get("pattern") == "*.nnproj"
    for size in (16, 32, 48, 256):
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nnstudio.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png.read_bytes()[16:20], "big") == size  # the IHDR width
        assert (png.parent.parent / "mimetypes" / "application-x-nnstudio-project.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "nnstudio.svg").is_file()
    assert not list(tmp_path.glob("**/*.tmp"))

    again = run("--install-desktop", data_home=data, cwd=tmp_path)  # idempotent
    assert again.returncode == 0, again.stderr

    result = run("--uninstall-desktop", data_home=data, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Removed" in result.stdout
    ours = [p for p in data.rglob("*") if p.is_file() and "nnstudio" in p.name]
    assert ours == [], ours
    result = run("--uninstall-desktop", data_home=data, cwd=tmp_path)
    assert result.returncode == 0 and "was not installed" in result.stdout


def test_the_entry_runs_this_installation(tmp_path, monkeypatch):
    """The menu has no venv on its PATH: Exec names this nnstudio by its full path, quoted."""
    venv_bin = tmp_path / "my venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "nnstudio").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(venv_bin / "python3"))
    assert desktop.launch_command() == [str(venv_bin / "nnstudio")]
    entry = desktop.desktop_entry(desktop.launch_command())
    assert f'Exec="{venv_bin}/nnstudio" open %f' in entry.splitlines()
    assert f"TryExec={venv_bin}/nnstudio" in entry.splitlines()

    monkeypatch.setattr(
        sys, "frozen", True, raising=False
    )  # the PyInstaller bundle: its own executable
    assert desktop.launch_command() == [sys.executable]


def test_exec_quoting_follows_the_desktop_entry_spec():
    assert desktop._exec_quote("/usr/bin/nnstudio") == "/usr/bin/nnstudio"
    assert desktop._exec_quote("/a b/nnstudio") == '"/a b/nnstudio"'
    assert desktop._exec_quote('/a"$b') == r'"/a\\"\\$b"'  # quoting rule, then the string escape
    assert desktop._exec_quote("/100%") == '"/100%%"'


def test_files_come_from_resources():
    files = desktop.installed_files(paths.resource("..", "nowhere"))
    sources = [s for s in files.values() if not isinstance(s, str)]
    assert sources and all(s.is_file() for s in sources)
    assert len([t for t in files if t.suffix == ".png"]) >= 2 * 6
