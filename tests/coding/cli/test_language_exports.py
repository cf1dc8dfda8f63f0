"""The newer exports and their messages follow ``--language`` (and the window's choice) like the others:
the co-occurrence and matrix workbooks, the supervisor's review file, the agreement workbook with the
method in words, and the CLI lines about them; every ``text()`` of the domain has its Dutch."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from coding import Project
from coding.cli.main import main
from coding.core import i18n
from coding.exporting.agreement_xlsx import write_agreement_xlsx

ROOT = Path(__file__).resolve().parents[3]
DOC = "R5_uwv_zwolle"


def _cells(path: Path) -> tuple[list[str], set[str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    cells = {
        str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c
    }
    return book.sheetnames, cells


@pytest.fixture
def two_coders(coded_project: Project) -> Path:
    for text, code in (
        ("vertrouw ik de andere partijen volledig", "4a"),
        ("We spreken elkaar elke week.", "4a"),
    ):
        start, end = coded_project.documents.find_passage(DOC, text)
        coded_project.codings.code(DOC, code, start, end, coder="Bram")
    coded_project.close()
    return coded_project.path


def test_cooccurrence_and_matrix_workbooks_in_dutch(
    two_coders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = two_coders.parent / "samen.xlsx"
    assert main(["cooccurrence", str(two_coders), "--out", str(out), "--language", "nl"]) == 0
    assert "Geëxporteerd" in capsys.readouterr().out
    assert main(["cooccurrence", str(two_coders), "--language", "nl"]) == 0
    assert "Eenheid: overlap; cellen:" in capsys.readouterr().out
    sheets, cells = _cells(out)
    assert sheets == ["Samen voorkomen"]
    assert "Samen voorkomen van codes" in cells
    assert any(c.startswith("Eenheid: overlap — overlappende fragmenten") for c in cells)
    assert any(c.startswith("Maat: aantal — aantal eenheden") for c in cells)
    assert not any(c.startswith(("Unit:", "Measure:")) for c in cells)

    out = two_coders.parent / "matrix.xlsx"
    assert main(["matrix", str(two_coders), "--out", str(out), "--language", "nl"]) == 0
    assert main(["matrix", str(two_coders), "--language", "nl"]) == 0
    assert "Rijen: codes" in capsys.readouterr().out
    sheets, cells = _cells(out)
    assert {"Code × document-matrix", "Eenheid: document"} <= cells
    assert "Code" in cells and not any(c.startswith(("Unit:", "Measure:")) for c in cells)


def test_the_review_file_follows_the_language_option_not_the_locale(
    two_coders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    dutch = two_coders.parent / "beoordeling.xlsx"
    assert (
        main(
            [
                "export",
                str(two_coders),
                str(dutch),
                "--kind",
                "review",
                "--reviewer",
                "Anna",
                "--language",
                "nl",
            ]
        )
        == 0
    )
    assert _cells(dutch)[0][0] == "Instructies"

    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    english = two_coders.parent / "review.xlsx"
    assert (
        main(
            [
                "export",
                str(two_coders),
                str(english),
                "--kind",
                "review",
                "--reviewer",
                "Anna",
                "--language",
                "en",
            ]
        )
        == 0
    )
    assert _cells(english)[0][0] == "Instructions"


def test_the_review_file_follows_the_windows_choice(
    two_coders: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CODEWERK_LANGUAGE")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    settings = i18n.settings_file()
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=nl\n", encoding="utf-8")
    out = two_coders.parent / "beoordeling.docx"
    assert main(["export", str(two_coders), str(out), "--kind", "review", "--reviewer", "Anna"]) == 0
    from docx import Document

    assert "Beoordeling van de citaten en oordelen" in [p.text for p in Document(str(out)).paragraphs]


def test_agreement_workbook_method_and_cli_in_dutch(
    two_coders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "agreement",
                str(two_coders),
                "--coders",
                "tester",
                "Bram",
                "--disagreements",
                "--language",
                "nl",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "De intercoderbetrouwbaarheid tussen tester (A) en Bram (B)" in printed
    assert "De analyse-eenheid was het gecodeerde segment" in printed and "Verschillen:" in printed
    assert "The unit of analysis" not in printed

    i18n.set_language("nl")
    project = Project.open(two_coders)
    try:
        report = project.agreement.report("tester", "Bram", unit="sentence")
        path = write_agreement_xlsx(report, two_coders.parent / "overeenstemming.xlsx")
    finally:
        project.close()
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Overeenstemming", "Verschillen"]
    header = next(book["Overeenstemming"].iter_rows(values_only=True))
    assert header[:3] == ("Code", "Eenheden", "Overeenstemming") and "Alleen Bram" in header
    assert (
        report.method.startswith("De intercoderbetrouwbaarheid")
        and "De analyse-eenheid was de zin" in report.method
    )
