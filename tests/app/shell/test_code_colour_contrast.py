"""Code colours keep text readable: contrast at least 4.5:1 (WCAG AA) in the light and dark palettes,
for the transcript's text on coded passages (also where two overlap) and for the code labels beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from app.shell.theme import (
    MIN_CONTRAST,
    STACKED_FILLS,
    chip_fill,
    contrast,
    dark_palette,
    highlight_fill,
    over,
    readable_on,
    readable_text,
)

ROOT = Path(__file__).resolve().parents[3]


def _codebook_colours() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("colour"), str):
                found.add(node["colour"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load((ROOT / "codebooks" / "rwb.yaml").read_text(encoding="utf-8")))
    return found


#: The built-in codebook's colours and the extremes a user can pick.
COLOURS = sorted(
    _codebook_colours()
    | {"#ffff00", "#00ff00", "#00ffff", "#ff0000", "#0000ff", "#ff00ff", "#000000", "#ffffff", "#808080"}
)


def palettes() -> dict[str, QPalette]:
    light = QPalette(QColor("#efefef"))  # Qt's light palette from a window colour: white base, black text
    return {"light": light, "dark": dark_palette()}


def test_the_codebook_has_colours() -> None:
    assert len(_codebook_colours()) >= 10


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("colour", COLOURS)
def test_transcript_text_stays_readable_on_coded_passages(qapp: QApplication, name: str, colour: str) -> None:
    palette = palettes()[name]
    base, text = palette.base().color(), palette.text().color()
    fill = highlight_fill(colour, name == "dark", base=base, text=text)
    for layers in range(1, STACKED_FILLS + 1):
        assert contrast(text, over(fill, base, layers)) >= MIN_CONTRAST, (name, colour, layers)
    assert fill.alpha() >= 40, "the passage should still show its code's colour"


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("colour", COLOURS)
def test_code_labels_are_readable_on_their_chips(qapp: QApplication, name: str, colour: str) -> None:
    palette = palettes()[name]
    base = palette.base().color()
    behind = over(chip_fill(colour, name == "dark"), base)
    assert contrast(readable_on(behind, colour), behind) >= MIN_CONTRAST
    assert contrast(readable_on(base, colour), base) >= MIN_CONTRAST
    assert contrast(readable_text(QColor(colour)), QColor(colour)) >= MIN_CONTRAST


def test_readable_on_keeps_a_colour_that_already_reads() -> None:
    assert readable_on(QColor("#ffffff"), "#1d5b74").name() == "#1d5b74"
    assert readable_on(QColor("#ffffff"), "#EEDD88").name() != "#eedd88"  # pale yellow on white: darkened


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_over_is_what_qt_paints(qapp: QApplication) -> None:
    """The computed blend is the colour a QPainter leaves on the transcript's background."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f2124"))
    fill = highlight_fill("#EEDD88", True)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.fillRect(0, 0, 4, 4, fill)
    painter.fillRect(0, 0, 2, 4, fill)
    painter.end()
    for x, layers in ((3, 1), (0, 2)):
        painted = image.pixelColor(x, 0)
        expected = over(fill, QColor("#1f2124"), layers)
        assert abs(painted.red() - expected.red()) <= 2 and abs(painted.green() - expected.green()) <= 2


def test_judgement_grid_text_reads_on_score_and_heat_colours(qapp: QApplication) -> None:
    """The grid's cells: a score's colour (red over yellow to green) or the quote count's blue."""
    from app.judgements.judgement_grid_model import _lighter
    from coding.judgements.comparison import heat_colour, score_colour

    scale = ["-/-", "-", "+/-", "+", "+/+"]
    backgrounds = [_lighter(score_colour(score, scale) or "") for score in scale]
    backgrounds += [QColor(heat_colour(count, 10) or "") for count in range(1, 11)]
    for background in backgrounds:
        assert contrast(readable_text(background), background) >= MIN_CONTRAST, background.name()
