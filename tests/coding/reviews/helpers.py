"""Editing a review workbook the way a supervisor does, for the import tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from coding.reviews.review_layout import (
    COMMENT_COLUMN,
    ID_COLUMN,
    JUDGEMENT_BLOCK,
    QUOTE_BLOCK,
    REVIEW_COLUMN,
)


def rows(sheet: Worksheet) -> Iterator[tuple[str, int]]:
    """(block kind, row number) of every quote and judgement row of a concept sheet."""
    kind = None
    for number in range(1, sheet.max_row + 1):
        marker = sheet.cell(row=number, column=ID_COLUMN).value
        if marker in (QUOTE_BLOCK, JUDGEMENT_BLOCK):
            kind = "quote" if marker == QUOTE_BLOCK else "judgement"
        elif kind is not None and marker:
            yield kind, number


def fill_in(path: Path, marks: dict[str, tuple[str | None, str | None]], out: Path) -> None:
    """Set review and comment cells by quote text (the Quote/Justification column's value)."""
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        for _kind, number in rows(sheet):
            text = sheet.cell(row=number, column=5).value
            key = f"{sheet.title}|{text}"
            if key in marks:
                mark, comment = marks[key]
                sheet.cell(row=number, column=REVIEW_COLUMN).value = mark
                sheet.cell(row=number, column=COMMENT_COLUMN).value = comment
    workbook.save(out)
