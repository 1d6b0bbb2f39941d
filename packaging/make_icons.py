"""Render resources/icons/nnstudio.svg into the PNG sizes desktops ask for, and a Windows .ico.

    python packaging/make_icons.py        # rewrites resources/icons/nnstudio-<N>.png and nnstudio.ico

The SVG is the source; the PNGs are committed (a desktop without an SVG loader, the window
icon, the bundle) and regenerated after the SVG changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "nnstudio.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1] + ["-platform", "offscreen"])  # noqa: F841
    for size in SIZES:
        target = ICONS / f"nnstudio-{size}.png"
        if not render(size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)
    ico = ICONS / "nnstudio.ico"
    if render(256).save(str(ico), "ICO"):  # Qt's ico plugin (imageformats) writes one 256 px image
        print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
