"""``codewerk compare`` and the export options, through the real command line entry point."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from coding import Project
from tests.coding.cli.conftest import Run
from tests.regions import HOSTILE, LONG_A, LONG_B, build_regions, quote_sheet_rows


@pytest.fixture
def studie(project: Project) -> str:
    build_regions(project)
    return str(project.path)


def test_compare_prints_the_grid_with_scores_counts_and_judgements(studie: str, run: Run) -> None:
    code, out, _ = run("compare", studie)
    assert code == 0
    lines = out.splitlines()
    # the group without a value as the window says it ("(none)" before)
    assert lines[0].split()[0] == "Code" and "Zwolle" in lines[0] and "(no value)" in lines[0]
    trust = next(line for line in lines if line.startswith("Vertrouwen "))
    assert "+ (3)" in trust and "-/- (2)" in trust and "+/- (1)" in trust
    assert "  Vertrouwen × Zwolle: + — partners komen afspraken na" in lines
    assert "  Urgentiebesef × Zwolle: +/+ — hoge urgentie" in lines


def test_compare_assess_round_trip_with_a_dash_score(studie: str, run: Run) -> None:
    code, out, _ = run("assess", studie, LONG_A, "Urgentiebesef", "-", "--note", "weinig urgentie")
    assert code == 0, out
    code, out, _ = run("compare", studie, "--format", "json")
    data = json.loads(out)
    urgency = next(r for r in data["rows"] if r["path"] == "Urgentiebesef")
    assert urgency["cells"][LONG_A] == {
        "quotes": 0,
        "documents": 0,
        "score": "-",
        "justification": "weinig urgentie",
        "evidence": [],
    }
    assert data["values"][-1] == "(none)"


def test_compare_frequencies_as_csv_by_another_attribute(studie: str, run: Run) -> None:
    code, out, _ = run(
        "compare", studie, "--by", "role", "--show", "documents", "--format", "csv", "--depth", "0"
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Code", "Beleid", "Onderwijs", "UWV", "Vakbond", "Wethouder", "Total"]
    assert rows[1] == ["Vertrouwen", "0", "2", "1", "1", "1", "5"]
    assert all("/" not in r[0] for r in rows[1:])  # depth 0: concepts only
    assert rows[-1][0] == "All (each once)"


def test_compare_refuses_an_unknown_group(studie: str, run: Run) -> None:
    code, _, err = run("compare", studie, "--group", "Zwole")
    assert code == 1
    assert "Zwole" in err and "Zwolle" in err


def test_export_with_codes_groups_and_reviews(studie: str, tmp_path: Path, run: Run) -> None:
    out = tmp_path / "deel.xlsx"
    code, text, err = run(
        "export",
        studie,
        str(out),
        "--codes",
        "Urgentiebesef",
        "--groups",
        "Zwolle",
        HOSTILE,
        "--include-reviews",
    )
    assert code == 0, err
    assert f"Exported {out}" in text
    book = load_workbook(out)
    assert book.sheetnames == ["Overview", "Noord-Zuid (test)", "Zwolle", "Frequencies", "Codebook"]
    assert quote_sheet_rows(book["Zwolle"])[0][10] == "Review"
    code, _, err = run("export", studie, str(out))
    assert code == 1 and "already exists" in err
    code, _, _ = run("export", studie, str(out), "--force")
    assert code == 0


def test_export_word_transcript_and_semicolon_csv(studie: str, tmp_path: Path, run: Run) -> None:
    transcript = tmp_path / "R5.docx"
    code, _, err = run("export", studie, str(transcript), "--document", "R5_onderwijs")
    assert code == 0, err
    assert Document(str(transcript)).paragraphs[0].text == "R5_onderwijs"
    quotes = tmp_path / "quotes.docx"
    assert run("export", studie, str(quotes), "--kind", "quotes", "--groups", "Zwolle")[0] == 0
    sheet = tmp_path / "q.csv"
    assert run("export", studie, str(sheet), "--delimiter", ";")[0] == 0
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbfRegion;Concept;Code;")
    code, _, err = run("export", studie, str(tmp_path / "x.csv"), "--kind", "transcript")
    assert code == 1 and "no option kind" in err


def test_options_with_several_values_leave_the_following_options_alone(studie: str, run: Run) -> None:
    """``--where a=b c=d --format json``: the option after a list of values is still read."""
    code, out, err = run("quotes", studie, "--where", "region=Zwolle", "role=UWV", "--format", "json")
    assert code == 0, err
    assert {q["document"] for q in json.loads(out)} == {"R2_uwv"}


def test_compare_scores_as_numbers_for_the_charts(studie: str, run: Run) -> None:
    code, out, _ = run("compare", studie, "--show", "scores", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["values"] == [LONG_B, HOSTILE, "Zwolle"] and data["unjudged"] == [LONG_A]
    assert data["labels"] == ["-/-", "-", "+/-", "+", "+/+"]
    assert data["concepts"] == [
        {"name": "Vertrouwen", "scores": {LONG_B: 3, HOSTILE: 1, "Zwolle": 4}},
        {"name": "Urgentiebesef", "scores": {LONG_B: None, HOSTILE: None, "Zwolle": 5}},
    ]
    code, out, _ = run("compare", studie, "--show", "scores", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        ["Concept", LONG_B, HOSTILE, "Zwolle"],
        ["Vertrouwen", "3", "1", "4"],
        ["Urgentiebesef", "", "", "5"],
    ]
    code, out, _ = run("compare", studie, "--show", "scores", "--group", "Zwolle")
    lines = out.splitlines()
    assert lines[0].split() == ["Concept", "Zwolle"]
    assert next(line for line in lines if line.startswith("Urgentiebesef")).split() == ["Urgentiebesef", "5"]
    assert "1 = -/- · 2 = - · 3 = +/- · 4 = + · 5 = +/+" in lines


def test_compare_csv_on_stdout_guards_notes_a_spreadsheet_would_evaluate(studie: str, run: Run) -> None:
    """Issue 14 item 9: users redirect ``--format csv`` into a .csv file; scores stay as typed."""
    assert run("assess", studie, "Zwolle", "Vertrouwen", "-/-", "--note", "=1+1 klopt niet")[0] == 0
    code, out, _ = run("compare", studie, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    trust = next(r for r in rows if r[0] == "Vertrouwen")
    zwolle = rows[0].index("Zwolle")
    assert trust[zwolle] == "-/-" and trust[zwolle + 1] == "'=1+1 klopt niet"
    code, out, _ = run("compare", studie, "--format", "csv", "--csv-guard", "none")
    trust = next(r for r in csv.reader(io.StringIO(out)) if r[0] == "Vertrouwen")
    assert trust[zwolle + 1] == "=1+1 klopt niet"


def test_quotes_csv_on_stdout_guards_formula_cells(studie: str, run: Run) -> None:
    code, out, _ = run("quotes", studie, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    quote, memo = rows[0].index("Quote"), rows[0].index("Memo")
    quotes = {r[quote] for r in rows[1:]}
    assert '\'=HYPERLINK("http://example.org","klik hier")' in quotes
    assert "-/- zou ik zeggen over de cijfers die we kregen." in quotes
    assert "+31 6 1234 5678 is het nummer van het loket, dat werkt prima." in quotes
    assert "'=SUM(A1:A3)" in {r[memo] for r in rows[1:]}
    code, out, _ = run("quotes", studie, "--format", "csv", "--csv-guard", "none")
    raw = {r[quote] for r in csv.reader(io.StringIO(out))}
    assert '=HYPERLINK("http://example.org","klik hier")' in raw and "'=" not in out
    target = str(Path(studie).parent / "x.csv")
    assert run("export", studie, target, "--csv-guard", "none")[0] == 0
    assert '"=HYPERLINK(' in Path(target).read_text(encoding="utf-8-sig")


def test_the_group_without_a_value_is_said_and_chosen_as_the_window_says_it(
    studie: str, tmp_path: Path, run: Run
) -> None:
    """User test: the window said "(no value)", the English workbook and the command line "(none)" for the
    same group. Files and printed tables now say "(no value)" (Dutch "(geen waarde)", as before); the
    marker "(none)" stays in data (JSON, CSV cells) and is still understood, as is the name shown."""
    out = tmp_path / "zonder.xlsx"
    code, _, err = run("export", studie, str(out), "--groups", "(no value)")
    assert code == 0, err
    assert load_workbook(out).sheetnames == ["Overview", "(no value)", "Frequencies", "Codebook"]
    code, _, err = run("export", studie, str(tmp_path / "marker.xlsx"), "--groups", "(none)")
    assert code == 0, err
    code, _, _ = run("compare", studie, "--group", "(geen waarde)")
    assert code == 0
