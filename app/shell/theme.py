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


#: Least contrast between text and what it is drawn on (WCAG 2 AA for normal text).
MIN_CONTRAST = 4.5
#: Coded passages may overlap: their fills deepen where they meet; text stays readable on this many.
STACKED_FILLS = 2


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1 … 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(fill: QColor, background: QColor, times: int = 1) -> QColor:
    """What a translucent ``fill`` painted ``times`` over an opaque ``background`` looks like."""
    alpha = fill.alphaF()
    result = QColor(background)
    for _ in range(times):
        result = QColor.fromRgbF(
            fill.redF() * alpha + result.redF() * (1 - alpha),
            fill.greenF() * alpha + result.greenF() * (1 - alpha),
            fill.blueF() * alpha + result.blueF() * (1 - alpha),
        )
    return result


def _default_base_and_text(dark: bool) -> tuple[QColor, QColor]:
    if dark:
        palette = dark_palette()
        return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return QColor("#ffffff"), QColor("#000000")


def highlight_fill(
    hex_colour: str, dark: bool, *, base: QColor | None = None, text: QColor | None = None
) -> QColor:
    """The translucent fill of a coded passage; overlapping passages deepen where they meet.

    As strong as it may be while the text (``text`` on ``base``, by default the palette's) keeps a
    contrast of :data:`MIN_CONTRAST` where :data:`STACKED_FILLS` passages overlap."""
    default_base, default_text = _default_base_and_text(dark)
    base = base or default_base
    text = text or default_text
    colour = code_colour(hex_colour)
    alpha = 110 if dark else 95
    while alpha > 0:
        colour.setAlpha(alpha)
        if contrast(text, over(colour, base, STACKED_FILLS)) >= MIN_CONTRAST:
            break
        alpha -= 5
    return colour


#: ``readable_on`` by (background, code colour): the margin asks it for every label it paints.
_READABLE: dict[tuple[int, str], QColor] = {}


def readable_on(background: QColor, hex_colour: str) -> QColor:
    """The code's colour, darkened or lightened until it reads as text on ``background``
    (contrast at least :data:`MIN_CONTRAST`); the nearest colour of the code that does."""
    key = (background.rgba(), hex_colour)
    found = _READABLE.get(key)
    if found is None:
        if len(_READABLE) > 4096:
            _READABLE.clear()
        found = _READABLE[key] = _readable_on(background, hex_colour)
    return QColor(found)


def _readable_on(background: QColor, hex_colour: str) -> QColor:
    colour = code_colour(hex_colour)
    if contrast(colour, background) >= MIN_CONTRAST:
        return colour
    # Towards black on a light background, towards white on a dark one (whichever can reach it).
    target = (
        QColor("#000000")
        if contrast(background, QColor("#000000")) >= contrast(background, QColor("#ffffff"))
        else QColor("#ffffff")
    )
    for step in range(1, 21):
        share = step / 20
        mixed = QColor.fromRgbF(
            colour.redF() * (1 - share) + target.redF() * share,
            colour.greenF() * (1 - share) + target.greenF() * share,
            colour.blueF() * (1 - share) + target.blueF() * share,
        )
        if contrast(mixed, background) >= MIN_CONTRAST:
            return mixed
    return target


def readable_text(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (text on a code's colour)."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, background) >= contrast(white, background) else white


def chip_fill(hex_colour: str, dark: bool) -> QColor:
    """Background of a code label chip in the margin."""
    colour = code_colour(hex_colour)
    colour.setAlpha(70 if dark else 60)
    return colour
