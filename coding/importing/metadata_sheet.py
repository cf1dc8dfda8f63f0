"""Metadata sheets: which respondent, region, role … each imported file belongs to.

A header row with a ``file`` column and one column per attribute; CSV separated by commas
or semicolons (Dutch Excel writes ``;``), or the first sheet of an ``.xlsx`` workbook.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any

from coding.core.attributes import attribute_key
from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.text import fold

FILE_COLUMNS = ("file", "bestand", "filename", "document")
MAX_SHEET_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class MetadataRow:
    file: str
    attributes: dict[str, str]
    line: int


@dataclass(frozen=True)
class MetadataSheet:
    path: Path
    rows: tuple[MetadataRow, ...]

    def row_for(self, file_name: str) -> MetadataRow | None:
        """The row for a file, matched by file name, or by name without extension."""
        key = fold(PurePath(file_name).name)
        stem = fold(PurePath(file_name).stem)
        for row in self.rows:
            if fold(row.file) == key:
                return row
        for row in self.rows:
            if fold(PurePath(row.file).stem) == stem:
                return row
        return None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _rows_from_table(path: Path, table: list[list[Any]]) -> MetadataSheet:
    while table and not any(_cell(v) for v in table[0]):
        table.pop(0)
    if not table:
        raise FileImportError(path, say("the metadata sheet is empty"))
    header = [_cell(v) for v in table[0]]
    keys = [fold(h) for h in header]
    file_index = next((keys.index(name) for name in FILE_COLUMNS if name in keys), None)
    if file_index is None:
        raise FileImportError(
            path,
            say(
                "the metadata sheet needs a 'file' column (found: {value})",
                value=", ".join(h for h in header if h) or "none",
            ),
        )
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        if index == file_index or not name:
            continue
        key = attribute_key(name)
        if key in columns.values():
            raise FileImportError(path, say("the metadata sheet has the column '{name}' twice", name=name))
        columns[index] = key
    rows = []
    seen: dict[str, int] = {}
    for line, values in enumerate(table[1:], start=2):
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue
        file_name = cells[file_index] if file_index < len(cells) else ""
        if not file_name:
            raise FileImportError(path, say("row {line} has no file name", line=line))
        if fold(file_name) in seen:
            raise FileImportError(
                path,
                say(
                    "'{file_name}' is listed twice (rows {seen} and {line})",
                    file_name=file_name,
                    seen=seen[fold(file_name)],
                    line=line,
                ),
            )
        seen[fold(file_name)] = line
        attributes = {key: cells[i] for i, key in columns.items() if i < len(cells) and cells[i]}
        rows.append(MetadataRow(file_name, attributes, line))
    return MetadataSheet(path, tuple(rows))


def _read_csv(path: Path, raw: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # not even Windows-1252, which leaves only five byte values undefined
        raise FileImportError(path, say("is not a text CSV file (neither UTF-8 nor Windows-1252)"))
    if "\x00" in text:
        raise FileImportError(path, say("is not a text CSV file"))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    if first_line.count("\t") > max(first_line.count(";"), first_line.count(",")):
        delimiter = "\t"
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:  # read only: the sheet's part is unpacked while its rows are read
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError) as exc:
        error = str(exc) if isinstance(exc, zlib.error) else exc.__class__.__name__  # zlib's class is "error"
        raise FileImportError(path, say("not a readable Excel workbook ({error})", error=error)) from exc


def read_metadata(path: Path | str) -> MetadataSheet:
    """Read and check a metadata sheet; raise :class:`FileImportError` naming the file and the problem."""
    path = Path(path)
    if not path.is_file():
        raise FileImportError(path, say("no such file"))
    size = path.stat().st_size
    if size == 0:
        raise FileImportError(path, say("the metadata sheet is empty"))
    if size > MAX_SHEET_BYTES:
        raise FileImportError(path, say("the metadata sheet is too large"))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        table = _read_csv(path, path.read_bytes())
    else:
        raise FileImportError(path, say("a metadata sheet must be .csv or .xlsx"))
    return _rows_from_table(path, table)
