"""Writing rows into a write-only openpyxl worksheet: text that stays text, styles, widths, filters.

A string Excel would read as a formula (``=HYPERLINK(...)``) or that begins with ``+ - @``, a tab or
a carriage return is stored as a string cell (``t="inlineStr"``) with Excel's *quote prefix* style, the
flag Excel itself sets when one types ``'=1+1``: the cell shows exactly the text as coded, without an
apostrophe, and stays text when edited. Characters XML cannot hold (control characters) are dropped,
and text beyond Excel's 32,767-character cell limit is cut with a note.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from coding.core.i18n import text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767
_CUT_NOTE = " … [cut: Excel holds at most 32,767 characters per cell]"

HEADER_FONT = Font(name="Calibri", size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_BORDER = Border(bottom=Side(style="thin", color="8899AA"))
_THIN = Side(style="thin", color="B8C2CC")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15  # points per line of 11-point Calibri
MAX_ROW_HEIGHT = 409  # Excel's limit
TOP = Alignment(vertical="top")


def cell_text(value: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(_CUT_NOTE)] + _CUT_NOTE
    return text


#: A4 landscape less 1.5 cm margins on each side, in column-width units at 100 % (one unit is the
#: width of a digit of 11-point Calibri, about 0.19 cm, plus the cell padding).
PAGE_WIDTH_UNITS = 136.0
#: The smallest print scale: 11-point text printed at 75 % is 8.25 points, the least that reads well.
MIN_SCALE = 75
_MARGIN_INCHES = 0.59  # 1.5 cm


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` units wide. Words are not split
    (unless one is longer than a line), so a line holds the words that fit in about ``width``
    characters; text of 11-point Calibri averages a little under a digit's width per character."""
    room = max(width * 1.05 - 1.5, 4.0)
    if len(text) <= room and "\n" not in text:
        return 1  # most cells: short enough for one line whatever the words
    lines = 0
    for part in text.split("\n"):
        count, used = 1, 0.0
        for word in part.split():
            size = float(len(word))
            if size > room:  # broken across lines
                if used:
                    count += 1
                pieces = math.ceil(size / room)
                count += pieces - 1
                used = size - (pieces - 1) * room
            elif not used:
                used = size
            elif used + 1 + size <= room:
                used += 1 + size
            else:
                count += 1
                used = size
        lines += count
    return max(lines, 1)


def print_layout(
    sheet: WriteOnlyWorksheet, widths: Sequence[float], *, landscape: bool = True, gridlines: bool = True
) -> int:
    """A4 landscape, 1.5 cm margins, gridlines, ``sheet – page X of Y`` in the footer, at the
    largest scale that fits the columns on the page width but never under :data:`MIN_SCALE`
    (wider sheets go on across pages, the first column repeated). Returns the scale."""
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = "9"  # A4
    margins = sheet.page_margins
    margins.left = margins.right = _MARGIN_INCHES
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    sheet.print_options.gridLines = gridlines
    sheet.oddFooter.center.text = "&A – page &P of &N"
    sheet.oddFooter.center.size = 8
    room = PAGE_WIDTH_UNITS if landscape else PAGE_WIDTH_UNITS * 18 / 26.7
    total = sum(widths) + 0.7 * len(widths)
    scale = max(MIN_SCALE, min(100, int(100 * room / max(total, 1))))
    setup.scale = scale
    setup.fitToWidth = setup.fitToHeight = None
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    if total * scale / 100 > room:
        sheet.print_title_cols = "A:A"
    return scale


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


class SheetWriter:
    """Rows for one write-only sheet. Set up widths and the frozen header before the first row."""

    def __init__(
        self,
        sheet: WriteOnlyWorksheet,
        widths: Sequence[float],
        *,
        wrap: Iterable[int] = (),
        freeze: str | None = "A2",
        boxed: bool = False,
    ) -> None:
        """``boxed``: every cell gets a thin border and the page no gridlines (a sheet with charts,
        whose gridlines would run through them); else gridlines are printed."""
        self.sheet = sheet
        self.wrap = set(wrap)
        self._styles: dict[tuple[bool, str | None, bool, bool], Any] = {}
        self.rows = 0
        self.columns = len(widths)
        self.widths = list(widths)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            sheet.freeze_panes = freeze
            sheet.print_title_rows = "1:1"
        self.boxed = boxed
        self.scale = print_layout(sheet, widths, gridlines=not boxed)

    def _lines(self, values: Sequence[Any], column: int) -> int:
        """Lines a wrapped cell needs: LibreOffice does not grow rows to fit on opening, so the
        height is written (see :func:`wrapped_lines`)."""
        if column > len(values) or not isinstance(values[column - 1], str):
            return 1
        width = self.widths[column - 1] if column <= len(self.widths) else 10
        return wrapped_lines(values[column - 1], width)

    def _cell(
        self, value: Any, column: int, colour: str | None = None, bold: bool = False, tall: bool = False
    ) -> Any:
        """A plain value where no style is needed (the fast path), else a styled cell.

        ``tall``: the row holds wrapped text of several lines, so its other cells are aligned to
        the top; one-line rows skip that styling, which is what costs time in a large export.
        """
        quote_prefix = False
        if isinstance(value, str):
            value = cell_text(value)
            quote_prefix = value.startswith(FORMULA_START)
        if not quote_prefix and not self.boxed:
            if value is None or value == "":
                if colour is None:
                    return value
            elif colour is None and not bold and not tall and column not in self.wrap:
                return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if quote_prefix:
            cell.data_type = "s"  # never a formula, whatever it looks like
        self._style(cell, (column in self.wrap, colour, bold, quote_prefix))
        return cell

    def _style(self, cell: WriteOnlyCell, key: tuple[bool, str | None, bool, bool]) -> None:
        """Styles are looked up once per combination; setting them cell by cell is what costs time."""
        cached = self._styles.get(key)
        if cached is not None:
            cell._style = copy(cached)
            return
        wrapped, colour, bold, quote_prefix = key
        cell.alignment = WRAP if wrapped else TOP
        if colour is not None:
            cell.fill = fill(colour)
        if bold:
            cell.font = HEADER_FONT
        if quote_prefix:
            cell.quotePrefix = True
        if self.boxed:
            cell.border = BOX
        self._styles[key] = copy(cell._style)

    def header(self, labels: Sequence[str | None]) -> None:
        """Bold on a tinted background; the row grows so that long group names wrap visibly.
        Labels are given in English and written in the output language (coding.core.i18n)."""
        labels = [None if label is None else text(label) for label in labels]
        lines = max(
            (
                wrapped_lines(label, width * 0.9)  # bold
                for label, width in zip(labels, self.widths, strict=False)
                if label
            ),
            default=1,
        )
        if lines > 1:
            self.sheet.row_dimensions[self.rows + 1].height = LINE_HEIGHT * min(lines, 8) + 3
        cells: list[WriteOnlyCell | None] = []
        for label in labels:
            if label is None:
                cells.append(None)
                continue
            cell = WriteOnlyCell(self.sheet, value=cell_text(label))
            cell.data_type = "s"
            if label.startswith(FORMULA_START):
                cell.quotePrefix = True
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.border = HEADER_BORDER
            cell.alignment = WRAP
            cells.append(cell)
        self.sheet.append(cells)
        self.rows += 1
        self.columns = max(self.columns, len(labels))

    def row(
        self, values: Sequence[Any], colours: Sequence[str | None] | None = None, *, bold: bool = False
    ) -> None:
        colours = colours or ()
        lines = max((self._lines(values, column) for column in self.wrap), default=1)
        if lines > 1:
            self.sheet.row_dimensions[self.rows + 1].height = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)
        elif self.wrap:  # one line: said so, or LibreOffice grows the row and the cells stop lining up
            self.sheet.row_dimensions[self.rows + 1].height = LINE_HEIGHT
        self.sheet.append(
            [
                self._cell(
                    value, index, colours[index - 1] if index <= len(colours) else None, bold, lines > 1
                )
                for index, value in enumerate(values, start=1)
            ]
        )
        self.rows += 1

    def title(self, title: str) -> None:
        """A bold line that runs on over the empty cells beside it (not wrapped)."""
        cell = WriteOnlyCell(self.sheet, value=cell_text(title))
        cell.data_type = "s"
        cell.font = HEADER_FONT
        self.sheet.append([cell])
        self.rows += 1

    def blank(self) -> None:
        self.sheet.append([])
        self.rows += 1

    def autofilter(self, rows: int | None = None, *, first: int = 1) -> None:
        """Filter buttons on the header in row ``first`` over the rows up to ``rows`` (default: all
        written so far)."""
        last = rows if rows is not None else self.rows
        self.sheet.auto_filter.ref = f"A{first}:{get_column_letter(max(self.columns, 1))}{max(last, first)}"
