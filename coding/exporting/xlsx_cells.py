"""Writing rows into a write-only openpyxl worksheet: text that stays text, styles, widths, filters.

A string Excel would read as a formula (``=HYPERLINK(...)``) or that begins with ``+ - @``, a tab or
a carriage return is stored as a string cell (``t="inlineStr"``) with Excel's *quote prefix* style, the
flag Excel itself sets when one types ``'=1+1``: the cell shows exactly the text as coded, without an
apostrophe, and stays text when edited. Characters XML cannot hold (control characters) are dropped,
and text beyond Excel's 32,767-character cell limit is cut with a note.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from coding.core.i18n import text
from coding.core.xml_chars import xml_text
from coding.exporting.calibri_widths import POINTS_PER_UNIT as POINTS_PER_FONT_UNIT
from coding.exporting.calibri_widths import WIDEST, WIDTHS, units
from coding.exporting.xlsx_rows import RowStream, text_cell, value_cell

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
    """The text as a cell holds it: characters XML cannot hold dropped, cut at Excel's limit."""
    text = xml_text(value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(_CUT_NOTE)] + _CUT_NOTE
    return text


#: A4 landscape less 1.5 cm margins on each side, in column-width units at 100 % (one unit is the
#: width of a digit of 11-point Calibri, about 0.19 cm, plus the cell padding).
PAGE_WIDTH_UNITS = 136.0
#: The print scale a sheet too wide for the page prints at, across pages: 11-point text at 75 % is 8.25 points.
MIN_SCALE = 75
#: The smallest scale a sheet is fitted to the page width at: 11-point text at 70 % is 7.7 points, still
#: readable on paper, and better than one column spilling onto pages of its own.
FIT_SCALE = 70
_MARGIN_INCHES = 0.59  # 1.5 cm


#: Points of 11-point text per column-width unit: a unit is 7 pixels of 0.75 point at 100 % (the width
#: of a digit), in Excel and in LibreOffice.
POINTS_PER_UNIT = 5.25
#: What a line of a wrapped cell holds is its width less the cell's padding (2 points) and 3 % to spare:
#: Excel rounds glyph widths to whole pixels. Measured in LibreOffice (Carlito, Calibri's metrics), the
#: 803 wrapped cells of the demo workbook: no cell counted short, 99 a line long (benchmarks/RESULTS.md).
_LINE_SHARE = 0.97
_PADDING = 2.0


def line_room(width: float) -> float:
    """What one line of a wrapped cell ``width`` units wide holds, in font units of 11-point Calibri
    (:mod:`calibri_widths`)."""
    points = max(width * POINTS_PER_UNIT * _LINE_SHARE - _PADDING, 4 * WIDEST * POINTS_PER_FONT_UNIT)
    return points / POINTS_PER_FONT_UNIT


def width_for(text: str) -> float:
    """The narrowest column (width units) whose wrapped cell holds ``text`` on one line: the inverse
    of :func:`line_room`."""
    points = units(text) * POINTS_PER_FONT_UNIT + _PADDING
    return points / (POINTS_PER_UNIT * _LINE_SHARE)


@functools.lru_cache(maxsize=4096)  # a sheet repeats its code paths, roles, documents on every row
def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` units wide: each paragraph's words
    one space apart at their widths in 11-point Calibri, a line broken at the last space that fits,
    a word longer than a line broken where it reaches the edge."""
    room = line_room(width)
    if "\n" not in text:
        if len(text) * WIDEST <= room or units(text) <= room:
            return 1  # most cells: short enough for one line
        return _paragraph_lines(text, room)
    return max(sum(_paragraph_lines(part, room) for part in text.split("\n")), 1)


def _paragraph_lines(part: str, room: float) -> int:
    """Lines of one paragraph: ``edge[i]`` is the width of its first ``i`` characters, so the line from
    ``start`` reaches the last character before ``edge[start] + room`` (a bisection, not a walk
    over the words), and ends at the last space before that."""
    words = " ".join(part.split())
    edge = list(accumulate(map(WIDTHS.__getitem__, words), initial=0))
    size = len(words)
    start, count = 0, 1
    while edge[size] - edge[start] > room:
        end = bisect_right(edge, edge[start] + room) - 1  # words[start:end] fits
        space = words.rfind(" ", start, end + 1)
        start = space + 1 if space > start else max(end, start + 1)  # a word too long: broken
        count += 1
    return count


def print_layout(
    sheet: WriteOnlyWorksheet, widths: Sequence[float], *, landscape: bool = True, gridlines: bool = True
) -> int:
    """A4 landscape, 1.5 cm margins, gridlines, ``sheet – page X of Y`` in the footer, printed one page
    wide (as many pages tall as the rows take, the header rows repeated by the caller) when that keeps
    11-point text at :data:`FIT_SCALE` or more; a sheet wider than that prints at :data:`MIN_SCALE`
    across pages, its first column repeated. Returns the scale the sheet prints at (at most 100)."""
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = "9"  # A4
    margins = sheet.page_margins
    margins.left = margins.right = _MARGIN_INCHES
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    sheet.print_options.gridLines = gridlines
    sheet.oddFooter.center.text = text("&A – page &P of &N")  # &A sheet, &P page, &N pages
    sheet.oddFooter.center.size = 8
    room = PAGE_WIDTH_UNITS if landscape else PAGE_WIDTH_UNITS * 18 / 26.7
    total = sum(widths) + 0.7 * len(widths)
    fitted = min(100, int(100 * room / max(total, 1)))
    if fitted >= FIT_SCALE:
        # fit to the page width (Excel and LibreOffice work the scale out with their own font
        # metrics, so a column they measure a little wider never spills onto a page of its own)
        setup.scale = fitted
        setup.fitToWidth, setup.fitToHeight = 1, 0  # 0: as many pages tall as needed
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        return fitted
    setup.scale = MIN_SCALE
    setup.fitToWidth = setup.fitToHeight = None
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.print_title_cols = "A:A"
    return MIN_SCALE


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


class SheetWriter:
    """Rows for one write-only sheet, written as XML text (:mod:`coding.exporting.xlsx_rows`): the
    sheet takes no rows through ``sheet.append``. Widths are set here; frozen panes, filters and
    charts may be set up to the save."""

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
        self._stream = RowStream(sheet)
        self._styles: dict[tuple[bool, str | None, bool, bool], str] = {}
        self.columns = len(widths)
        self.widths = list(widths)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            sheet.freeze_panes = freeze
            sheet.print_title_rows = "1:1"
        self.boxed = boxed
        self.scale = print_layout(sheet, widths, gridlines=not boxed)
        # the wrapped columns' indexes and the widths their lines are counted at
        self._measure = [
            (column - 1, self.widths[column - 1] if column <= len(self.widths) else 10)
            for column in sorted(self.wrap)
        ]

    @property
    def rows(self) -> int:
        """Rows written so far (the last one's number)."""
        return self._stream.rows

    def _lines(self, values: Sequence[Any]) -> int:
        """Lines the row's wrapped cells need: LibreOffice does not grow rows to fit on opening, so
        the height is written (see :func:`wrapped_lines`)."""
        lines = 1
        count = len(values)
        for index, width in self._measure:
            if index < count and isinstance(values[index], str):
                lines = max(lines, wrapped_lines(values[index], width))
        return lines

    def _style(self, key: tuple[bool, str | None, bool, bool]) -> str:
        """A body cell's format, looked up once per combination."""
        found = self._styles.get(key)
        if found is not None:
            return found

        def apply(cell: WriteOnlyCell) -> None:
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

        found = self._styles[key] = self._stream.style_id(key, apply)
        return found

    def _cell(self, ref: str, value: Any, column: int, colour: str | None, bold: bool, tall: bool) -> str:
        """A plain cell where no style is needed (the fast path), else a styled one; "" for none.

        ``tall``: the row holds wrapped text of several lines, so its other cells are aligned to
        the top; one-line rows skip that styling, which is what costs time in a large export.
        Text Excel would read as a formula is a string cell with the quote prefix style.
        """
        if isinstance(value, str):
            value = cell_text(value) if value else value
            quote_prefix = value.startswith(FORMULA_START)
        else:
            quote_prefix = False
        wrapped = column in self.wrap
        if not quote_prefix and not self.boxed:
            if value is None or value == "":
                if colour is None:
                    return ""
            elif colour is None and not bold and not tall and not wrapped:
                if isinstance(value, str):
                    return text_cell(ref, "", value)
                return value_cell(ref, "", value)
        style = self._style((wrapped, colour, bold, quote_prefix))
        if value is None or value == "":
            return f'<c r="{ref}"{style}/>'
        if isinstance(value, str):
            return text_cell(ref, style, value)
        return value_cell(ref, style, value)

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
        row = self._stream.rows + 1
        cells = []
        for column, label in enumerate(labels, start=1):
            if label is None:
                continue
            value = cell_text(label)
            prefixed = value.startswith(FORMULA_START)  # as the cell holds it
            style = self._stream.style_id(("header", prefixed), _header_style(prefixed))
            ref = f"{self._stream.letter(column)}{row}"
            cells.append(text_cell(ref, style, value) if value else f'<c r="{ref}"{style}/>')
        self._stream.add(cells, LINE_HEIGHT * min(lines, 8) + 3 if lines > 1 else None)
        self.columns = max(self.columns, len(labels))

    def row(
        self, values: Sequence[Any], colours: Sequence[str | None] | None = None, *, bold: bool = False
    ) -> None:
        colours = colours or ()
        lines = self._lines(values) if self._measure else 1
        if lines > 1:
            height: float | None = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)
        else:  # one line: said so, or LibreOffice grows the row and the cells stop lining up
            height = LINE_HEIGHT if self.wrap else None
        stream = self._stream
        number = stream.rows + 1
        tall = lines > 1
        cells = []
        for column, value in enumerate(values, start=1):
            cell = self._cell(
                f"{stream.letter(column)}{number}",
                value,
                column,
                colours[column - 1] if column <= len(colours) else None,
                bold,
                tall,
            )
            if cell:
                cells.append(cell)
        stream.add(cells, height)

    def title(self, title: str) -> None:
        """A bold line that runs on over the empty cells beside it (not wrapped)."""
        style = self._stream.style_id("title", _title_style)
        value = cell_text(title)
        ref = f"A{self._stream.rows + 1}"
        self._stream.add([text_cell(ref, style, value) if value else f'<c r="{ref}"{style}/>'])

    def blank(self) -> None:
        self._stream.add([])

    def autofilter(self, rows: int | None = None, *, first: int = 1) -> None:
        """Filter buttons on the header in row ``first`` over the rows up to ``rows`` (default: all
        written so far)."""
        last = rows if rows is not None else self.rows
        self.sheet.auto_filter.ref = f"A{first}:{get_column_letter(max(self.columns, 1))}{max(last, first)}"


def _header_style(prefixed: bool) -> Callable[[WriteOnlyCell], None]:
    def apply(cell: WriteOnlyCell) -> None:
        if prefixed:
            cell.quotePrefix = True
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = WRAP

    return apply


def _title_style(cell: WriteOnlyCell) -> None:
    cell.font = HEADER_FONT
