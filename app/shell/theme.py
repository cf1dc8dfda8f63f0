"""Light and dark palettes that follow the system, and the colours codes take on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor("#2b2d31"), QColor("#1f2124"), QColor("#e6e6e6")
    for role, colour in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, QColor("#26282c")),
        (roles.ToolTipBase, QColor("#3a3d42")),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, QColor("#8a8f98")),
        (roles.Text, text),
        (roles.Button, QColor("#35383d")),
        (roles.ButtonText, text),
        (roles.BrightText, QColor("#ff6b6b")),
        (roles.Link, QColor("#7fb2ff")),
        (roles.Highlight, QColor("#3d6fb6")),
        (roles.HighlightedText, QColor("#ffffff")),
        (roles.Light, QColor("#45484e")),
        (roles.Midlight, QColor("#3a3d42")),
        (roles.Mid, QColor("#303236")),
        (roles.Dark, QColor("#18191b")),
        (roles.Shadow, QColor("#0e0f10")),
    ):
        palette.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.ButtonText, roles.WindowText):
        palette.setColor(disabled, role, QColor("#7a7e85"))
    return palette


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies the palette matching the system's colour scheme, now and whenever it changes."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.setStyle("Fusion")
        self._light = app.style().standardPalette()
        self.apply()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme)

    def _on_scheme(self, *_args: object) -> None:
        self.apply()
        self.changed.emit()

    def apply(self) -> None:
        self._app.setPalette(dark_palette() if system_prefers_dark() else self._light)


# -- code colours ------------------------------------------------------------------------------
def code_colour(hex_colour: str) -> QColor:
    colour = QColor(hex_colour)
    return colour if colour.isValid() else QColor("#9e9e9e")


def highlight_fill(hex_colour: str, dark: bool) -> QColor:
    """The translucent fill of a coded passage; overlapping passages deepen where they meet."""
    colour = code_colour(hex_colour)
    colour.setAlpha(110 if dark else 95)
    return colour


def readable_on(background: QColor, hex_colour: str) -> QColor:
    """The code's colour, darkened or lightened until it reads well as text on ``background``."""
    colour = code_colour(hex_colour)
    for _ in range(12):
        if background.lightness() >= 128 and colour.lightness() > 105:
            colour = colour.darker(120)
        elif background.lightness() < 128 and colour.lightness() < 170:
            colour = colour.lighter(130) if colour.lightness() > 20 else QColor("#b0b0b0")
        else:
            break
    return colour


def chip_fill(hex_colour: str, dark: bool) -> QColor:
    """Background of a code label chip in the margin."""
    colour = code_colour(hex_colour)
    colour.setAlpha(70 if dark else 60)
    return colour
