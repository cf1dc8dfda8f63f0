"""Codewerk's own icon for its windows and the task bar, read from ``resources/icons``."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

#: The rendered sizes the window system picks from (resources/icons/codewerk-SIZE.png).
SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("resources").joinpath("icons")
    for size in SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(folder.joinpath(f"codewerk-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
