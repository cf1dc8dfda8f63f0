"""Quotes exported from a project with a second coder's work merged in: the same passage is coded by
both, and the supervisor could not tell the two rows (Excel, CSV) or the doubled code line (Word)
apart. The exports now name the coder when the quotes are of more than one."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from coding import Project
from tests.regions import build_regions, quote_sheet_rows

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
TRUST = "Het vertrouwen groeit, al gaat het langzaam."


@pytest.fixture
def two_coders(project: Project) -> Project:
    build_regions(project)
    [quote] = [q for q in project.quotes("Vertrouwen") if q.text == TRUST]
    project.codings.code(quote.document_id, quote.code_id, quote.start, quote.end, coder="Bram")
    return project


def test_one_coder_exports_have_no_coder_column(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    project.export(tmp_path / "een.xlsx")
    assert "Coder" not in quote_sheet_rows(load_workbook(tmp_path / "een.xlsx")["Zwolle"])[0]


def test_excel_and_csv_name_the_coder_of_each_quote(two_coders: Project, tmp_path: Path) -> None:
    two_coders.export(tmp_path / "twee.xlsx")
    rows = quote_sheet_rows(load_workbook(tmp_path / "twee.xlsx")["Zwolle"])
    coder = rows[0].index("Coder")
    quote = rows[0].index("Quote")
    assert sorted(row[coder] for row in rows[1:] if row[quote] == TRUST) == ["Bram", "tester"]
    two_coders.export(tmp_path / "twee.csv")
    lines = (tmp_path / "twee.csv").read_text(encoding="utf-8-sig").splitlines()
    assert (
        lines[0].endswith(",Coder") and sum(TRUST in line and line.endswith(",Bram") for line in lines) == 1
    )


def test_word_shows_a_passage_once_with_its_coders(two_coders: Project, tmp_path: Path) -> None:
    two_coders.export(tmp_path / "twee.docx", kind="quotes")
    paragraphs = [p.text for p in Document(str(tmp_path / "twee.docx")).paragraphs]
    [shown] = [p for p in paragraphs if TRUST in p]
    assert shown.endswith(" · evidence · coded by tester, Bram")
    others = [p for p in paragraphs if p.startswith("‘") and TRUST not in p]
    assert others and all(p.endswith(" · coded by tester") for p in others)


def test_the_review_files_name_the_coder_and_still_read_back(two_coders: Project, tmp_path: Path) -> None:
    word = two_coders.export(tmp_path / "review.docx", kind="review", reviewer="Anna", language="nl")
    cells = [cell.text for table in Document(str(word)).tables for row in table.rows for cell in row.cells]
    assert any(c.endswith("R2_uwv, codeur Bram") for c in cells)
    assert any(c.endswith("R2_uwv, codeur tester") for c in cells)
    workbook = two_coders.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    values = [c.value for row in load_workbook(workbook)["Vertrouwen"].iter_rows() for c in row]
    assert "R2_uwv, coder Bram" in values and "R2_uwv, coder tester" in values
    for path in (word, workbook):
        report = two_coders.import_review(path)
        assert report.ok and report.applied == 0, report.lines()
