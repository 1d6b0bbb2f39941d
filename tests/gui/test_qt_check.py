"""When Qt cannot start: a clear paragraph before Qt aborts (missing xcb libraries, no display)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest

from nnstudio.gui import qt_check

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the check runs on Linux only"
)


def x_env(**extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


def unused_display() -> str:
    for n in range(900, 1000):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not qt_check.display_answers(
            f":{n}", timeout=0.2
        ):
            return f":{n}"
    pytest.skip("no free display number")


@linux_only
def test_missing_xcb_library_names_the_packages_to_install(monkeypatch):
    monkeypatch.setattr(
        qt_check, "missing_libraries", lambda xcb=True: ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    )
    text = qt_check.problem(x_env(DISPLAY=":0"))
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in text and "X11 (xcb)" in text
    assert "    sudo apt-get install libxcb-cursor0 libxcb-icccm4 " in text
    assert "    sudo dnf install xcb-util-cursor xcb-util-wm " in text
    assert "reinstalling nnstudio will not add them" in text and "nnstudio train FILE" in text


@linux_only
def test_an_unknown_library_gets_the_way_to_find_its_package(monkeypatch):
    monkeypatch.setattr(
        qt_check, "missing_libraries", lambda xcb=True: ["libxcb-cursor.so.0", "libfoo.so.9"]
    )
    text = qt_check.problem(x_env(DISPLAY=":0"))
    assert (
        "sudo apt-get install libxcb-cursor0 " in text
        and "apt-file search" in text
        and "libfoo.so.9" in text
    )


@linux_only
def test_no_display_and_chosen_platforms(monkeypatch):
    monkeypatch.setattr(qt_check, "missing_libraries", lambda xcb=True: [])
    text = qt_check.problem(x_env())
    assert (
        "no display was found" in text
        and "nnstudio train FILE" in text
        and "QT_QPA_PLATFORM=offscreen" in text
    )
    assert qt_check.problem(x_env(QT_QPA_PLATFORM="offscreen")) is None
    assert qt_check.problem(x_env(DISPLAY=unused_display(), QT_QPA_PLATFORM="vnc")) is None


@linux_only
def test_a_display_nobody_answers_on(monkeypatch):
    monkeypatch.setattr(qt_check, "missing_libraries", lambda xcb=True: [])
    display = unused_display()
    text = qt_check.problem(x_env(DISPLAY=display))
    assert f"cannot reach the display DISPLAY={display}" in text


@linux_only
def test_a_display_that_answers(tmp_path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    number = int(unused_display()[1:])
    address = f"\0/tmp/.X11-unix/X{number}"  # an abstract socket: nothing is written to /tmp
    server.bind(address)
    server.listen(1)
    try:
        assert qt_check.display_answers(f":{number}") and qt_check.display_answers(
            f"unix:{number}.0"
        )
    finally:
        server.close()
    assert not qt_check.display_answers(f"unix:{number}", timeout=0.2)


@linux_only
def test_ldd_output_is_read(tmp_path):
    fake = tmp_path / "ldd"
    fake.write_text(
        "#!/bin/sh\necho '\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x1)'\n"
        "echo '\tlibxcb-cursor.so.0 => not found'\necho '\tlibxcb-cursor.so.0 => not found'\n"
    )
    fake.chmod(0o755)
    if not qt_check.qt_binaries():
        pytest.skip("PySide6's files are not on disk")
    assert qt_check.missing_libraries(ldd=str(fake)) == ["libxcb-cursor.so.0"]
    assert qt_check.missing_libraries() == [], (
        "this machine lacks Qt's libraries: see README troubleshooting"
    )


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd on this system")
def test_nnstudio_with_a_missing_xcb_library_says_what_to_install(tmp_path):
    """The whole way, in a subprocess: an ``ldd`` that reports libxcb-cursor.so.0 missing (as on a
    minimal Ubuntu) comes first on PATH; the studio must print the paragraph, not Qt's abort."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ldd").write_text(
        f"#!/bin/sh\n{shutil.which('ldd')} \"$@\" | sed 's|libxcb-cursor.so.0 => .*|libxcb-cursor.so.0 => not found|'\n"
    )
    (bin_dir / "ldd").chmod(0o755)
    env = x_env(DISPLAY=unused_display(), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run(
        [sys.executable, "-m", "nnstudio"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1, result
    assert result.stderr.startswith("nnstudio: error: The studio cannot open its window"), (
        result.stderr
    )
    assert (
        "sudo apt-get install libxcb-cursor0" in result.stderr
        and "sudo dnf install xcb-util-cursor" in result.stderr
    )
    assert "Traceback" not in result.stderr and "Reinstalling the application" not in result.stderr


@linux_only
def test_nnstudio_with_a_dead_display_says_so():
    env = x_env(DISPLAY=unused_display())
    result = subprocess.run(
        [sys.executable, "-m", "nnstudio", "open"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1, result
    assert "cannot reach the display" in result.stderr and "Traceback" not in result.stderr
