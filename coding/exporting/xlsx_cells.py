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

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767
_CUT_NOTE = " … [cut: Excel holds at most 32,767 characters per cell]"

HEADER_FONT = Font(name="Calibri", size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_BORDER = Border(bottom=Side(style="thin", color="8899AA"))
WRAP = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15  # points per line of 11-point Calibri
MAX_ROW_HEIGHT = 409  # Excel's limit
TOP = Alignment(vertical="top")


def cell_text(value: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(_CUT_NOTE)] + _CUT_NOTE
    return text


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
    ) -> None:
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
        # printed: landscape A4, as wide as one page, header row on every page
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = "9"  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def _lines(self, values: Sequence[Any], column: int) -> int:
        """Lines a wrapped cell needs: LibreOffice does not grow rows to fit on opening, so the
        height is written; a column ``w`` wide holds about ``1.1 w`` characters of text per line."""
        if column > len(values) or not isinstance(values[column - 1], str):
            return 1
        per_line = max(round(self.widths[column - 1] * 1.1) - 2, 1) if column <= len(self.widths) else 10
        return sum(max(1, math.ceil(len(part) / per_line)) for part in values[column - 1].split("\n"))

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
        if not quote_prefix:
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
        self._styles[key] = copy(cell._style)

    def header(self, labels: Sequence[str | None]) -> None:
        """Bold on a tinted background; the row grows so that long group names wrap visibly."""
        lines = max(
            (
                math.ceil(len(label) * 1.2 / max(width - 1, 1))
                for label, width in zip(labels, self.widths, strict=False)
                if label
            ),
            default=1,
        )
        if lines > 1:
            self.sheet.row_dimensions[self.rows + 1].height = 15 * min(lines, 6)
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
        self.sheet.append(
            [
                self._cell(
                    value, index, colours[index - 1] if index <= len(colours) else None, bold, lines > 1
                )
                for index, value in enumerate(values, start=1)
            ]
        )
        self.rows += 1

    def blank(self) -> None:
        self.sheet.append([])
        self.rows += 1

    def autofilter(self, rows: int | None = None) -> None:
        """Filter buttons on the header over ``rows`` rows (default: all written so far)."""
        last = rows if rows is not None else self.rows
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(max(self.columns, 1))}{max(last, 1)}"
