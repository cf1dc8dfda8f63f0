"""Properties of the Excel writing: any group names give valid unique sheet names, any text reads back as
written (never as a formula), and an empty project still exports."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from coding import Project
from coding.exporting.sheet_names import unique_sheet_names
from coding.exporting.xlsx_cells import SheetWriter, cell_text

FORMULA_LIKE = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "-/-", "=HYPERLINK(", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=12), st.lists(st.text(max_size=40), max_size=3))
def test_sheet_names_are_always_valid_and_unique(values: list[str], taken: list[str]) -> None:
    names = unique_sheet_names(values, taken=taken)
    assert set(names) == set(values)
    chosen = list(names.values())
    for name in chosen:
        assert 1 <= len(name) <= 31
        assert not re.search(r"[\[\]:*?/\\]", name)
        assert name.isprintable() and name == name.strip()
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() != "history"
    folded = [n.casefold() for n in chosen]
    assert len(set(folded)) == len(folded)
    assert not set(folded) & {t.casefold() for t in taken}


@settings(max_examples=60, deadline=None)
@given(FORMULA_LIKE, st.text(max_size=80))
def test_any_text_reads_back_exactly_as_written(start: str, rest: str) -> None:
    text = start + rest
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Zwolle")
    writer = SheetWriter(sheet, [20, 80], wrap=[2])
    writer.header(["Code", "Quote"])
    writer.row(["Vertrouwen", text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    cell = load_workbook(buffer)["Zwolle"]["B2"]
    expected = cell_text(text)
    if not expected:
        assert cell.value is None
        return
    assert cell.value == expected
    assert cell.data_type == "s"


def test_an_empty_project_exports_every_format(project: Project, tmp_path: Path) -> None:
    book = load_workbook(project.export(tmp_path / "leeg.xlsx"))
    assert book.sheetnames == ["Overview", "Frequencies", "Codebook"]
    assert [c.value for c in book["Overview"][1]] == ["Code"]
    assert Document(str(project.export(tmp_path / "leeg.docx"))).paragraphs[0].text == "Quotes per concept"
    assert project.export(tmp_path / "leeg.csv").read_bytes().startswith(b"\xef\xbb\xbfRegion,Concept")
