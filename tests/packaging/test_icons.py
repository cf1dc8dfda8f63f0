"""The committed PNG icons are the SVG drawing at every size the platforms ask for (``make icons``)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from installers.render_icons import SIZES, SVG, png_path, render


@pytest.mark.parametrize("size", SIZES)
def test_png_matches_the_svg(qapp: QApplication, size: int) -> None:
    stored = QImage(str(png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
    assert (stored.width(), stored.height()) == (size, size)
    fresh = render(size, SVG)
    # Colour by colour over a sample grid: another Qt release may antialias a few edge pixels apart.
    step = max(1, size // 32)
    differences = [
        abs(stored.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
        + abs(stored.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
        for x in range(0, size, step)
        for y in range(0, size, step)
    ]
    assert sum(differences) / len(differences) < 4, "the PNGs are out of date: run `make icons`"
