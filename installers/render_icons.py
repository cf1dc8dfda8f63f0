"""Render resources/icons/codewerk.svg to the PNG sizes the platforms ask for: ``make icons``.

The PNGs are committed (the window, the wheel and the bundles read them);
tests/packaging/test_icons.py checks that they still match the drawing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "codewerk.svg"
#: Linux icon themes (hicolor), Windows (.ico, 16 to 256) and macOS (.icns, up to 1024).
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(size: int, svg: Path = SVG) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def png_path(size: int) -> Path:
    return ICONS / f"codewerk-{size}.png"


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        if not render(size).save(str(png_path(size))):
            print(f"could not write {png_path(size)}", file=sys.stderr)
            return 1
        print(f"wrote {png_path(size)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
