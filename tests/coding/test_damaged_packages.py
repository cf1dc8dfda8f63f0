"""A package whose compressed part is damaged (zlib cannot unpack it) is refused with one message naming the
file, like any other unreadable file: the metadata sheet, a review workbook or document coming back from the
supervisor, and an interview guide. Before, zlib's own ``error`` escaped to the window as an unexpected failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from coding.core.errors import FileImportError, InvalidInputError
from coding.guide.guide_file import read_guide
from coding.importing.metadata_sheet import read_metadata
from coding.reviews.review_file import read_review_file
from tests.coding.zip_damage import damage_member


def _workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["document", "regio"])
    for n in range(40):
        sheet.append([f"R{n}_zwolle", "Zwolle"])
    workbook.save(path)
    damage_member(path, "xl/worksheets/sheet1.xml")
    return path


def _document(path: Path) -> Path:
    document = docx.Document()
    for n in range(20):
        document.add_paragraph(f"Vraag {n}a: in hoeverre vertrouwt u de andere organisaties?")
    document.save(str(path))
    damage_member(path, "word/document.xml")
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str, Callable[[Path], Any], type[Exception], str]] = {
    "metadata sheet": (
        _workbook,
        "meta.xlsx",
        read_metadata,
        FileImportError,
        "not a readable Excel workbook",
    ),
    "review workbook": (_workbook, "review.xlsx", read_review_file, InvalidInputError, "cannot read it as a"),
    "review document": (_document, "review.docx", read_review_file, InvalidInputError, "cannot read it as a"),
    "interview guide": (_document, "guide.docx", read_guide, FileImportError, "not a valid Word document"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_compressed_part_is_refused_naming_the_file(case: str, tmp_path: Path) -> None:
    build, name, read, error, message = CASES[case]
    path = build(tmp_path / name)
    with pytest.raises(error, match=message) as raised:
        read(path)
    assert name in str(raised.value)
