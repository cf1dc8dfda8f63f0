"""The quote sheets' writer as it was before rows were written as XML text: openpyxl cells appended
to a write-only sheet. Only the tests use it, to check that the XML rows read back the same
(values, styles, heights) as openpyxl's own cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from coding.core.i18n import text
from coding.exporting.xlsx_cells import (
    BOX,
    FORMULA_START,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    TOP,
    WRAP,
    cell_text,
    fill,
    print_layout,
    wrapped_lines,
)


class CellSheetWriter:
    """Rows for one write-only sheet through openpyxl cells (``sheet.append``), as written before."""

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
