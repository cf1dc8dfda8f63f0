"""``--language nl|en``: the labels inside exports and the CLI's messages in Dutch or English."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document

from coding import Project
from coding.cli.main import main
from coding.core import i18n
from coding.documents.document_commands import NewDocument


@pytest.fixture
def judged(coded_project: Project) -> Path:
    coded_project.assess("Zwolle", "Vertrouwen", "+/+", note="Men vertrouwt elkaar")
    path = coded_project.path
    coded_project.close()
    return path


def _cells(path: Path) -> tuple[list[str], set[str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    cells = {
        str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c
    }
    return book.sheetnames, cells


def _paragraphs(path: Path) -> list[str]:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def test_excel_export_in_dutch(judged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = judged.parent / "uit.xlsx"
    assert main(["export", str(judged), str(out), "--language", "nl"]) == 0
    assert "Geëxporteerd" in capsys.readouterr().out
    sheets, cells = _cells(out)
    assert {"Overzicht", "Frequenties", "Codeboek"} <= set(sheets)
    assert {
        "Citaat",
        "Respondent",
        "Oordelen voor regio Zwolle",
        "Onderbouwing",
        "Zwolle onderbouwing",
        "Totaal",
    } <= cells
    assert not {"Quote", "Overview", "Justification", "Judgements for region Zwolle"} & (cells | set(sheets))


def test_a_dutch_workbook_names_the_sheet_without_a_region_and_the_code_kinds_in_dutch(
    coded_project: Project,
) -> None:
    """The supervisor's Dutch workbook had a sheet "(none)" (the Frequencies sheet said "(geen)"; the window says "(geen waarde)") and
    "dimension" in the Codebook sheet's Kind (Soort) column."""
    coded_project.documents.add(NewDocument(name="R9", text="R9: Goed overleg.", source_format="txt"))
    coded_project.code("R9", "Vertrouwen", text="Goed overleg.")
    path = coded_project.path
    coded_project.close()
    out = path.parent / "uit.xlsx"
    assert main(["export", str(path), str(out), "--language", "nl"]) == 0
    sheets, cells = _cells(out)
    assert "(geen waarde)" in sheets and "(none)" not in sheets  # as the window says it
    assert {"dimensie", "R9"} <= cells and "dimension" not in cells


def test_the_evidence_count_of_a_judgement_is_in_dutch(coded_project: Project) -> None:
    """The group sheet's Evidence cell said "1 quote(s) as evidence" in a Dutch workbook."""
    passage = next(iter(coded_project.quotes(code="Vertrouwen"))).passage_id
    coded_project.assess("Zwolle", "Vertrouwen", "+", note="Men vertrouwt elkaar", evidence=[passage])
    path = coded_project.path
    coded_project.close()
    out = path.parent / "uit.xlsx"
    assert main(["export", str(path), str(out), "--language", "nl"]) == 0
    _sheets, cells = _cells(out)
    assert "1 citaat als bewijs" in cells
    assert not [cell for cell in cells if "evidence" in cell]


def test_the_same_export_in_english(judged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = judged.parent / "out.xlsx"
    assert main(["--language", "en", "export", str(judged), str(out)]) == 0
    assert "Exported" in capsys.readouterr().out
    sheets, cells = _cells(out)
    assert "Overview" in sheets and {"Quote", "Judgements for region Zwolle"} <= cells
    assert "Citaat" not in cells


def test_word_export_in_dutch(judged: Path) -> None:
    out = judged.parent / "uit.docx"
    assert main(["export", str(judged), str(out), "--language=nl"]) == 0
    texts = _paragraphs(out)
    assert "Citaten per concept" in texts and "Oordelen" in texts
    assert any(text.startswith("Zonder citaten of oordelen: ") for text in texts)
    assert "studie · per regio" in texts[1]
    assert not {"Quotes per concept", "Judgements", "Contents"} & set(texts)


def test_environment_chooses_when_no_option_does(
    judged: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CODEWERK_LANGUAGE", "nl")
    assert main(["export", str(judged), str(judged.parent / "x.xlsx"), "--by", "region"]) == 0
    assert i18n.language() == "nl"
    assert "Geëxporteerd" in capsys.readouterr().out


def test_the_windows_saved_choice_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CODEWERK_LANGUAGE")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "Codewerk").mkdir()
    (tmp_path / "Codewerk" / "Codewerk.ini").write_text("[General]\nlanguage=nl\n", encoding="utf-8")
    assert i18n.set_language(None) == "nl"
    assert i18n.text("Judgements for {group}", group="Zwolle") == "Oordelen voor Zwolle"


def test_an_unknown_language_is_refused(judged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", str(judged), str(judged.parent / "x.xlsx"), "--language", "fr"])
    assert "--language" in capsys.readouterr().err
