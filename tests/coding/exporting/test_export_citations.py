"""Citing in the exports: the page of a PDF quote, author-year attribution of policy documents, and
quotes without the interviewer's words, opened again with openpyxl, python-docx and csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from coding import Project
from coding.cli.main import main
from coding.core.errors import InvalidInputError
from coding.core.turn_spans import OMISSION
from coding.exporting.docx_quotes import attribution
from coding.exporting.quote_rows import BASE_HEADER
from tests.coding.importing.builders import make_pdf

INTERVIEW = "I: Hoe is het vertrouwen?\nR5: Goed. We vertrouwen elkaar.\nI: En de urgentie?\nR5: Hoog.\n"
CUT = f"Goed. We vertrouwen elkaar. {OMISSION} Hoog."

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture
def cited(project: Project, tmp_path: Path) -> Project:
    """An interview (R5, Zwolle) coded across two questions, and a two-page policy PDF of Zwolle."""
    interview = tmp_path / "R5.txt"
    interview.write_text(INTERVIEW, encoding="utf-8")
    pdf = tmp_path / "Startdocument_Zwolle.pdf"
    pdf.write_bytes(
        make_pdf([["Werkbedrijf Regio Zwolle", "Startdocument 2016"], ["Doel: 2.000 banen in de regio."]])
    )
    project.import_files([interview], attributes={"respondent": "R5", "region": "Zwolle", "role": "UWV"})
    project.import_files(
        [pdf],
        attributes={"region": "Zwolle", "organisation": "Werkbedrijf Regio Zwolle", "date": "2017-03-01"},
    )
    project.code("R5", "Vertrouwen", 0, len(INTERVIEW))
    project.code("R5", "Urgentiebesef", text="En de urgentie?")  # the interviewer's words only
    project.code("Startdocument_Zwolle", "Urgentiebesef", text="2.000 banen")
    project.code("Startdocument_Zwolle", "Congruentie van doelen", text="Startdocument 2016\n\nDoel")
    return project


def rows_of(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(values_only=True))


def test_excel_has_a_page_column_for_pdf_quotes(cited: Project, tmp_path: Path) -> None:
    out = cited.export(tmp_path / "uit.xlsx")
    rows = rows_of(out, "Zwolle")
    assert rows[0] == (*BASE_HEADER, "Page", "Date", "Organisation")
    page = rows[0].index("Page")
    by_quote = {(r[1], r[5]): r for r in rows[1:]}
    assert by_quote[("Urgentiebesef", "2.000 banen")][page] == 2
    assert by_quote[("Congruentie van doelen", "Startdocument 2016\n\nDoel")][page] == "1–2"
    assert by_quote[("Vertrouwen", INTERVIEW.rstrip())][page] is None  # a transcript has no pages
    assert by_quote[("Urgentiebesef", "En de urgentie?")][page] is None


def test_excel_without_the_interviewer_cuts_the_questions(cited: Project, tmp_path: Path) -> None:
    out = cited.export(tmp_path / "uit.xlsx", without_interviewer=True)
    rows = rows_of(out, "Zwolle")
    trust = next(r for r in rows[1:] if r[1] == "Vertrouwen")
    assert trust[5] == CUT
    assert (trust[7], trust[8]) == (0, len(INTERVIEW) - 1)  # the coded passage, unchanged
    quotes = [r[5] for r in rows[1:]]
    assert "En de urgentie?" not in quotes  # only the interviewer's words: left out
    assert "2.000 banen" in quotes  # a document without turns is quoted as it is


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_an_export_of_one_group_has_no_column_empty_in_every_row(cited: Project, tmp_path: Path) -> None:
    """The Page and further attribute columns follow the quotes exported, not every group's quotes:
    an export of Almere (no PDF, no date, no organisation) gets none of Zwolle's columns."""
    interview = tmp_path / "R6.txt"
    interview.write_text("R6: We vertrouwen elkaar niet.\n", encoding="utf-8")
    cited.import_files([interview], attributes={"respondent": "R6", "region": "Almere", "role": "Gemeente"})
    cited.code("R6", "Vertrouwen", text="We vertrouwen elkaar niet.", memo="wantrouwen")
    zwolle = rows_of(cited.export(tmp_path / "zwolle.xlsx", groups=["Zwolle"]), "Zwolle")
    assert zwolle[0] == (*BASE_HEADER, "Page", "Date", "Organisation")
    almere = rows_of(cited.export(tmp_path / "almere.xlsx", groups=["almere"]), "Almere")
    assert almere[0] == BASE_HEADER
    assert [r[5] for r in almere[1:]] == ["We vertrouwen elkaar niet."]
    for column in range(len(almere[0])):
        assert any(row[column] not in (None, "") for row in almere[1:]), almere[0][column]
    rows = read_csv(cited.export(tmp_path / "almere.csv", groups=["Almere"]))
    assert rows[0] == ["Region", *BASE_HEADER]
    assert [r[6] for r in rows[1:]] == ["We vertrouwen elkaar niet."]
    for column in range(len(rows[0])):
        assert any(row[column] for row in rows[1:]), rows[0][column]


def test_csv_from_the_command_line_with_pages_and_without_the_interviewer(
    cited: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cited.close()
    out = tmp_path / "citaten.csv"
    assert main(["export", str(cited.path), str(out), "--without-interviewer"]) == 0
    assert capsys.readouterr().out.strip() == f"Exported {out}"
    rows = read_csv(out)
    assert rows[0] == ["Region", *BASE_HEADER, "Page", "Date", "Organisation"]
    quotes = {r[6]: r for r in rows[1:]}
    assert set(quotes) == {CUT, "2.000 banen", "Startdocument 2016\n\nDoel"}
    assert quotes["2.000 banen"][10] == "2" and quotes[CUT][10] == ""
    full = tmp_path / "alles.csv"
    assert main(["export", str(cited.path), str(full)]) == 0
    assert {r[6] for r in read_csv(full)[1:]} >= {INTERVIEW.rstrip(), "En de urgentie?"}


def test_word_cites_pages_and_policy_documents_by_author_and_year(cited: Project, tmp_path: Path) -> None:
    out = cited.export(tmp_path / "citaten.docx")
    quotes = [p.text for p in Document(str(out)).paragraphs if p.text.startswith("‘")]
    assert "‘2.000 banen’ (Werkbedrijf Regio Zwolle, 2017, p. 2)" in quotes
    assert "‘Startdocument 2016\n\nDoel’ (Werkbedrijf Regio Zwolle, 2017, pp. 1–2)" in quotes
    assert f"‘{INTERVIEW.rstrip()}’ (R5, UWV)" in quotes
    assert "‘En de urgentie?’ (R5, UWV)" in quotes


def test_word_without_the_interviewer(cited: Project, tmp_path: Path) -> None:
    out = cited.export(tmp_path / "citaten.docx", without_interviewer=True)
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    quotes = [text for text in paragraphs if text.startswith("‘")]
    assert f"‘{CUT}’ (R5, UWV)" in quotes
    assert not any("En de urgentie?" in text for text in quotes)
    assert "respondents' words only" in paragraphs[1]
    with pytest.raises(InvalidInputError, match="no option without_interviewer"):
        cited.export(tmp_path / "R5.docx", kind="transcript", document="R5", without_interviewer=True)


def test_attribution_follows_the_reporting_conventions() -> None:
    assert attribution({"respondent": "R5", "role": "Onderwijs"}, "R5_onderwijs") == "(R5, Onderwijs)"
    assert attribution({"respondent": "R5", "organisation": "UWV"}, "R5", (3,)) == "(R5, p. 3)"
    policy = {"organisatie": "Werkbedrijf Regio Zwolle", "datum": "1 maart 2017", "role": "Beleid"}
    assert attribution(policy, "Startdocument", (3, 4)) == "(Werkbedrijf Regio Zwolle, 2017, pp. 3–4)"
    assert attribution({"author": "SZW", "year": "2015"}, "Brief") == "(SZW, 2015)"
    assert attribution({"author": "SZW"}, "Brief", (1,)) == "(SZW, p. 1)"
    assert attribution({"role": "Beleid"}, "D9_beleidsnota", (2,)) == "(D9_beleidsnota, Beleid, p. 2)"
    assert attribution({}, "D9_beleidsnota") == "(D9_beleidsnota)"
