"""A worksheet's rows written as SpreadsheetML text, straight into the sheet's part of the workbook.

openpyxl's write-only mode builds a cell object and an lxml element for every value; for 200,000
quotes (two million cells) that alone took about twenty seconds. Here a row is one string: each
cell ``<c r="F12" s="3" t="inlineStr"><is><t>…</t></is></c>`` (text, escaped), ``t="n"`` with
``<v>`` (numbers) or ``t="b"`` (true/false), its style the index of a cell format openpyxl registered
in the workbook's ``styles.xml`` (:meth:`RowStream.style_id`). The rows go to a spool file as they
come; openpyxl still writes everything around them (sheet view with the frozen header, column widths,
autofilter, print setup, charts) when the workbook is saved, with an empty ``<sheetData/>``, and the
spooled rows are put in its place then (:meth:`RowStream.attach`).

Text is written as Excel and LibreOffice read it back exactly: ``& < >`` escaped, a carriage return
as ``&#13;`` (an XML reader turns a literal one into a line feed), leading or trailing spaces kept
with ``xml:space="preserve"``. Characters XML 1.0 cannot hold are dropped before
(:func:`~coding.exporting.xlsx_cells.cell_text`).
"""

from __future__ import annotations

import datetime
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from coding.core.xml_chars import escape_content

#: Rows gathered before they are encoded and written to the spool.
_BATCH = 2_000
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def text_cell(ref: str, style: str, text: str) -> str:
    """An inline string cell; ``style`` is ``' s="N"'`` or empty."""
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape_content(text)}</t></is></c>'


def value_cell(ref: str, style: str, value: Any) -> str:
    """A cell for a non-text value: a number, true/false, or (anything else) its text."""
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{style} t="n"><v>{value}</v></c>'
    if isinstance(value, float):
        number = "" if math.isnan(value) or math.isinf(value) else f"{value:.16g}"
        return f'<c r="{ref}"{style} t="n"><v>{number}</v></c>'
    text = str(value)
    return text_cell(ref, style, text) if text else f'<c r="{ref}"{style}/>'


class RowStream:
    """The rows of one write-only worksheet, spooled as XML until openpyxl saves the sheet."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.rows = 0
        self._letters: list[str] = []
        self._pending: list[str] = []
        # open until the workbook is saved (closed by the splice); gone with the process otherwise
        self._spool: IO[bytes] = tempfile.TemporaryFile(prefix="codewerk-sheet-")  # noqa: SIM115
        self._styles: dict[Any, str] = {}
        self.attach()

    def letter(self, column: int) -> str:
        """``A`` for column 1, cached (``get_column_letter`` per cell is measurable)."""
        while len(self._letters) < column:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters[column - 1]

    def style_id(self, key: Any, apply: Callable[[WriteOnlyCell], None]) -> str:
        """`` s="N"`` for the cell format ``apply`` gives a cell, registered once per ``key`` in the
        workbook's styles (openpyxl numbers them)."""
        found = self._styles.get(key)
        if found is None:
            cell = WriteOnlyCell(self.sheet)
            apply(cell)
            found = f' s="{cell.style_id}"' if cell.has_style else ""
            self._styles[key] = found
        return found

    def add(self, cells: Sequence[str], height: float | None = None) -> None:
        """One row of cells made by :func:`text_cell`/:func:`value_cell` (their ``r`` in this row)."""
        self.rows += 1
        size = "" if height is None else f' ht="{height:g}" customHeight="1"'
        if cells:
            self._pending.append(f'<row r="{self.rows}"{size}>{"".join(cells)}</row>')
        else:
            self._pending.append(f'<row r="{self.rows}"{size}/>')
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._spool.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    def attach(self) -> None:
        """Have the sheet, when openpyxl saves it, take these rows in place of its empty sheet data."""
        sheet = self.sheet

        def close() -> None:
            WriteOnlyWorksheet.close(sheet)
            self._splice(sheet._writer.out)

        sheet.close = close

    def _splice(self, path: str) -> None:
        self._flush()
        with open(path, "rb") as handle:
            skeleton = handle.read()  # everything but the rows: a few kilobytes
        found = _EMPTY_SHEET_DATA.search(skeleton)
        if found is None:  # rows were also appended through openpyxl: not supported
            raise RuntimeError(f"sheet {self.sheet.title!r}: rows written both ways")
        self._spool.seek(0)
        with open(path, "wb") as out:
            out.write(skeleton[: found.start()])
            out.write(b"<sheetData>")
            shutil.copyfileobj(self._spool, out, 1 << 20)
            out.write(b"</sheetData>")
            out.write(skeleton[found.end() :])
        self._spool.close()


def save_workbook(workbook: Workbook, path: Any) -> None:
    """``workbook.save(path)`` with the fastest deflate: for 200,000 quotes openpyxl's default
    level took a second more for a file a fifth smaller."""
    if not workbook.worksheets:
        workbook.create_sheet()
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1)
    ExcelWriter(workbook, archive).save()
