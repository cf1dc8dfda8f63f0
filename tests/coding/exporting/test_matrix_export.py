"""Matrices to Excel (heat-map fills, unit and measure above the table) and CSV; never overwriting unasked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coding import Project
from coding.cli.main import main
from coding.core.errors import CodewerkError
from coding.exporting.matrix_export import export_cooccurrence, export_matrix


@pytest.fixture
def coded(interviews: Project) -> Project:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.documents.set_attributes("R6", {"region": "=Twente"})  # a value a spreadsheet would evaluate
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="vertrouwen elkaar")
    p.code("R6", "Coördinatie", text="Te weinig.")
    p.code("R6", "Vertrouwen", text="Werk voor iedereen.")
    return p


def test_cooccurrence_workbook_has_a_sheet_per_group_with_fills(coded: Project, tmp_path: Path) -> None:
    table = coded.analysis.cooccurrence(
        unit="document", by="region", codes=["Vertrouwen", "Coördinatie", "Stabiliteit"]
    )
    path = export_cooccurrence(table, tmp_path / "co.xlsx", measure="count")
    book = load_workbook(path)
    assert book.sheetnames == ["region = =Twente", "region = Zwolle"]
    sheet = book["region = Zwolle"]
    assert sheet["A2"].value.startswith("Unit: document") and sheet["A3"].value.startswith("Measure: count")
    assert [c.value for c in sheet[5]] == ["Code", "Vertrouwen", "Coördinatie", "Stabiliteit"]
    assert [c.value for c in sheet[6]] == ["Vertrouwen", 1, 1, 0]
    assert sheet["C6"].fill.fgColor.rgb.endswith("2B6CB0")  # the top of the heat map
    assert sheet["D6"].fill.fill_type is None  # nothing together: no fill
    with pytest.raises(CodewerkError, match="already exists"):
        export_cooccurrence(table, path)
    c_path = export_cooccurrence(table, path, measure="c", overwrite=True)
    assert load_workbook(c_path)["region = Zwolle"]["C6"].value == 1.0


def test_matrix_workbook_and_csv(coded: Project, tmp_path: Path) -> None:
    matrix = coded.analysis.matrix(columns="region", codes=["Vertrouwen"])
    book = load_workbook(export_matrix(matrix, tmp_path / "m.xlsx", measure="presence"))
    sheet = book["Matrix"]
    assert sheet["A3"].value.startswith("Measure: presence")
    assert [c.value for c in sheet[5]] == ["Code", "=Twente", "Zwolle"]
    assert [c.value for c in sheet[6]] == ["Vertrouwen", 1, 1]
    written = export_matrix(matrix, tmp_path / "m.csv")
    rows = list(csv.reader(written.open(encoding="utf-8-sig")))
    assert rows[0] == ["Code", "'=Twente", "Zwolle"] and rows[1][:3] == ["Vertrouwen", "1", "1"]
    with pytest.raises(CodewerkError, match=r"m\.pdf: a matrix is written to \.xlsx or \.csv"):
        export_matrix(matrix, tmp_path / "m.pdf")


def test_cli_writes_the_file_it_is_given(coded: Project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "co.csv"
    assert main(["cooccurrence", str(coded.path), "--unit", "turn", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Exported {out}\n"
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["unit"] == "turn" and {"code_a", "code_b", "group", "count", "c"} <= set(rows[0])
    assert main(["matrix", str(coded.path), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["matrix", str(coded.path), "--out", str(out), "--force"]) == 0


def test_word_export_has_the_analysis_section_on_request(coded: Project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    coded.analysis.save_query("Samen", "Vertrouwen AND Coördinatie")
    plain = tmp_path / "plain.docx"
    assert main(["export", str(coded.path), str(plain)]) == 0
    assert "Analysis" not in [p.text for p in Document(str(plain)).paragraphs]
    out = tmp_path / "analyse.docx"
    assert main(["export", str(coded.path), str(out), "--include-analysis"]) == 0, capsys.readouterr().err
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    start = len(texts) - 1 - texts[::-1].index("Analysis")  # the heading, after the contents
    assert texts[start + 1] == "Co-occurrence of the concepts" and "Concepts × region" in texts
    samen = texts.index("Samen")
    assert texts[samen + 1] == "Vertrouwen AND Coördinatie — in one turn"
    assert texts[samen + 2].startswith("‘We vertrouwen elkaar.’ (R5; Vertrouwen)")
    co, matrix = document.tables[-2:]
    assert [c.text for c in co.rows[1].cells[:3]] == ["1. Vertrouwen", "2", "0"]
    assert [c.text for c in matrix.rows[0].cells] == ["Concept", "=Twente", "Zwolle"]
    assert [c.text for c in matrix.rows[1].cells] == ["Vertrouwen", "1", "1"]
    assert main(["export", str(coded.path), str(tmp_path / "q.csv"), "--include-analysis"]) == 1
    assert "has no option include_analysis" in capsys.readouterr().err
