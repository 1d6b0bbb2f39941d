"""Will Qt be able to open a window here? Asked before Qt is loaded, because Qt cannot answer.

When Qt's platform plugin fails to load, Qt prints "could not load the Qt platform plugin
'xcb' even though it was found ... Reinstalling the application may fix this problem" and
aborts the process. The usual cause on a minimal Debian/Ubuntu desktop, or over X forwarding
or VNC, is a missing system library (Qt 6.5+ needs libxcb-cursor0); reinstalling does not help.
So before Qt starts, :func:`problem` checks (Linux only, loading no Qt):

1. that there is a display at all (DISPLAY or WAYLAND_DISPLAY, or QT_QPA_PLATFORM set);
2. that the Qt libraries and the xcb plugin find every library they link to (``ldd``);
3. that the X server named by DISPLAY answers.

and returns one paragraph saying what is wrong and what to type, or None.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

# The libraries PySide6's Qt links to that a minimal system may lack: (Debian/Ubuntu, Fedora/RHEL).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
}

HEADLESS_HINT = (
    "Without a desktop, the commands 'nnstudio train FILE', 'nnstudio evaluate FILE' and "
    "'nnstudio summary FILE' need no Qt at all (see 'nnstudio --help'); QT_QPA_PLATFORM=offscreen "
    "runs the studio with no window (for scripts and tests)."
)


def problem(env: dict | None = None) -> str | None:
    """Why Qt could not open a window here, as one paragraph for the user; None if it should."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = (env.get("QT_QPA_PLATFORM") or "").split(";")[0].split(":")[0].strip()
    if platform and platform not in ("xcb", "wayland"):
        return (
            None  # offscreen, vnc, eglfs ...: the user chose; Qt's own message is specific enough
        )
    display, wayland = env.get("DISPLAY"), env.get("WAYLAND_DISPLAY")
    if not display and not wayland:
        return (
            "The studio needs a desktop to show its window, but no display was found here (neither "
            "DISPLAY nor WAYLAND_DISPLAY is set: a terminal over ssh, a container or a server). Over ssh, "
            "'ssh -X' brings the window to your screen. " + HEADLESS_HINT
        )
    uses_xcb = platform == "xcb" or (not platform and not wayland)
    missing = missing_libraries(xcb=uses_xcb)
    if missing:
        return missing_libraries_text(
            missing, "the X11 (xcb) platform plugin" if uses_xcb else "Qt"
        )
    if uses_xcb and display and not display_answers(display):
        return (
            f"The studio cannot reach the display DISPLAY={display}: no X server answers there (it "
            "stopped, or this DISPLAY belongs to another session or an ssh connection that has "
            "closed). Start nnstudio from a terminal of your desktop session, or check 'echo "
            "$DISPLAY' there. " + HEADLESS_HINT
        )
    return None


def missing_libraries_text(missing: list[str], what: str) -> str:
    known = [lib for lib in missing if lib in PACKAGES]
    unknown = [lib for lib in missing if lib not in PACKAGES]
    apt = " ".join(dict.fromkeys(PACKAGES[lib][0] for lib in known))
    dnf = " ".join(dict.fromkeys(PACKAGES[lib][1] for lib in known))
    text = (
        f"The studio cannot open its window: {what} of Qt needs system libraries this machine does "
        f"not have ({', '.join(missing)}); reinstalling nnstudio will not add them."
    )
    if known:
        text += (
            " Install them, then start nnstudio again:\n"
            f"    sudo apt-get install {apt}        (Debian, Ubuntu)\n"
            f"    sudo dnf install {dnf}        (Fedora, RHEL)\n"
        )
    if unknown:
        text += (
            f" For {', '.join(unknown)}, 'apt-file search NAME' (Debian, Ubuntu) or 'dnf provides "
            "*/NAME' (Fedora) names the package."
        )
    return text.rstrip("\n") + ("\n" if known and not unknown else " ") + HEADLESS_HINT


def qt_binaries(xcb: bool = True) -> list[Path]:
    """PySide6's QtWidgets module and, for X11, the xcb platform plugin (no Qt is imported)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(root.glob("QtWidgets*.so"))[:1]
    if xcb:
        found += [p for p in (root / "Qt" / "plugins" / "platforms" / "libqxcb.so",) if p.is_file()]
    return found


def missing_libraries(xcb: bool = True, ldd: str | None = None) -> list[str]:
    """The libraries Qt links to that the system does not have, from ``ldd`` ([] without ldd)."""
    binaries = qt_binaries(xcb)
    ldd = ldd or shutil.which("ldd")
    if not binaries or not ldd:
        return []
    try:
        out = subprocess.run(
            [ldd, *map(str, binaries)], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(re.findall(r"^\s*(\S+)\s+=>\s+not found", out, flags=re.MULTILINE)))


def display_answers(display: str, timeout: float = 2.0) -> bool:
    """Whether an X server accepts connections at ``display`` (":0", "unix:1", "localhost:10.0")."""
    match = re.fullmatch(r"(?:(.*?)/)?([^:]*):(\d+)(?:\.\d+)?", display)
    if not match:
        return True  # a form we do not know (launchd sockets on macOS ...): let Qt try
    host, number = match.group(2), int(match.group(3))
    if host in ("", "unix"):
        for address in (
            f"\0/tmp/.X11-unix/X{number}",
            f"/tmp/.X11-unix/X{number}",
        ):  # abstract, then file
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(timeout)
                try:
                    s.connect(address)
                    return True
                except OSError:
                    continue
        if host == "unix":
            return False
        host = "localhost"
    try:
        with socket.create_connection((host, 6000 + number), timeout=timeout):
            return True
    except OSError:
        return False
