"""A project whose metadata sheet was Dutch names the region ``regio``: every export grouped by the
default ``region`` groups it by ``regio`` (before, every quote landed in one "(none)" group)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from coding import Project
from coding.core.attributes import present_key
from coding.exporting.review_content import review_content
from tests.regions import HOSTILE, LONG_A, LONG_B, build_regions, quote_sheet_rows

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture
def regio(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "regio.codewerk", coder="tester") as project:
        build_regions(project, region_key="regio")
        assert "region" not in project.documents.attribute_keys()
        yield project


def test_present_key_finds_the_other_name_of_a_known_attribute() -> None:
    assert present_key(["regio", "rol"], "region") == "regio"
    assert present_key(["region"], "Regio") == "region"
    assert present_key(["region", "regio"], "region") == "region"
    assert present_key(["rol"], "role") == "rol"
    assert present_key(["sector"], "region") == "region"  # nothing to go by: as asked
    assert present_key(["sector"], " Sector ") == "sector"


def test_the_excel_export_has_a_sheet_per_regio(regio: Project, tmp_path: Path) -> None:
    out = tmp_path / "vergelijking.xlsx"
    regio.export(out)
    book = load_workbook(out)
    assert "Zwolle" in book.sheetnames and "(no value)" in book.sheetnames
    rows = quote_sheet_rows(book["Zwolle"])
    assert {row[2] for row in rows[1:]} == {"R10", "R2"}
    overview = [list(r) for r in book["Overview"].iter_rows(values_only=True)]
    header = next(r for r in overview if r and r[0] == "Code")
    assert {"Zwolle", HOSTILE, LONG_A, LONG_B} <= set(header)
    trust = next(r for r in overview if r and r[0] == "Vertrouwen")
    assert trust[header.index("Zwolle")] == "+"  # the judgement made with by="region"


def test_the_word_and_csv_exports_group_by_regio(regio: Project, tmp_path: Path) -> None:
    regio.export(tmp_path / "quotes.docx", kind="quotes")
    paragraphs = Document(str(tmp_path / "quotes.docx")).paragraphs
    headings = [p.text for p in paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert any(h.endswith("Zwolle") for h in headings), headings
    regio.export(tmp_path / "quotes.csv")
    lines = (tmp_path / "quotes.csv").read_text(encoding="utf-8-sig").splitlines()
    groups = {line.split(",")[0] for line in lines[1:]}
    assert "Zwolle" in groups and groups != {"(none)"}


def test_the_review_file_groups_by_regio(regio: Project) -> None:
    content = review_content(regio, reviewer="begeleider")
    assert content.by == "regio"
    quotes = {q.group for concept in content.concepts for q in concept.quotes}
    judgements = {j.group for concept in content.concepts for j in concept.judgements}
    assert {"Zwolle", LONG_A} <= quotes and {"Zwolle", HOSTILE} <= judgements
