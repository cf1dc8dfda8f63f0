"""`codewerk speakers`, `codewerk code-turns` and `codewerk quotes --without-interviewer`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding.cli.main import main
from tests.coding.cli.conftest import Run
from tests.coding.interviews import R5, R6


@pytest.fixture
def studie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    (tmp_path / "R6.txt").write_text(R6, encoding="utf-8")
    assert main(["new", "studie", "--coder", "tester"]) == 0
    assert main(["import", "studie.codewerk", "R5.txt", "R6.txt"]) == 0
    capsys.readouterr()
    return "studie.codewerk"


def test_list_rename_and_mark_speakers(studie: str, run: Run) -> None:
    code, out, _ = run("speakers", studie)
    assert code == 0
    assert out.splitlines()[3].split() == ["Interviewer", "yes", "2", "7", "R5"]  # after I: natural order
    code, out, _ = run(
        "speakers",
        studie,
        "--rename",
        "Interviewer=I",
        "--not-speaker",
        "Toelichting",
        "--interviewer",
        "R",
        "--format",
        "json",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "Renamed Interviewer to I",
        "Toelichting is no speaker; its lines belong to the turn before",
        "R is an interviewer",
    ]
    listed = json.loads("\n".join(lines[3:]))
    assert [(s["speaker"], s["turns"], s["interviewer"]) for s in listed] == [
        ("I", 4, True),
        ("R", 2, True),
        ("R5", 2, False),
    ]
    code, out, _ = run("speakers", studie, "R6", "--rename", "R=R6", "--respondent", "R6")
    assert code == 0 and "Renamed R to R6 in R6" in out
    assert "R6" in out.splitlines()[-1] and "yes" not in out.splitlines()[-1]


def test_bad_patterns_are_one_clear_error(studie: str, run: Run, tmp_path: Path) -> None:
    patterns = tmp_path / "patronen.txt"
    patterns.write_text(
        "# mijn patronen\n(?P<speaker>Vraag|Antwoord)\\s*:\n(?P<speaker>[\n", encoding="utf-8"
    )
    code, _, err = run("speakers", studie, "--patterns", str(patterns))
    assert code == 1
    assert err.startswith("codewerk: error: speaker pattern 2 is not a valid regular expression")
    patterns.write_text("(?P<speaker>I|R)\\s*:\n", encoding="utf-8")
    code, out, _ = run("speakers", studie, "--patterns", str(patterns), "--show-patterns")
    assert code == 0
    assert out.splitlines() == [
        "Speaker patterns set; turns detected again, 1 document(s) changed",
        "(?P<speaker>I|R)\\s*:",
    ]
    code, out, _ = run("speakers", studie, "--default-patterns")
    assert code == 0 and "1 document(s) changed" in out


def test_code_all_turns_and_quote_without_the_interviewer(studie: str, run: Run) -> None:
    code, out, _ = run("code-turns", studie, "Urgentiebesef", "R5")
    assert (code, out) == (0, "Coded 2 turn(s) of R5 with Urgentiebesef\n")
    code, out, _ = run("code-turns", studie, "Urgentiebesef", "R5", "--document", "R5")
    assert out == "Coded 0 turn(s) of R5 with Urgentiebesef (2 already had it)\n"
    code, _, err = run("code-turns", studie, "Urgentiebesef", "R9")
    assert code == 1 and "no turns of speaker r9 found" in err
    assert (
        run("code", studie, "R6", "Vertrouwen", "--text", "Wat is het doel?\nR: Werk voor iedereen.")[0] == 0
    )
    code, out, _ = run("quotes", studie, "--code", "Vertrouwen", "--without-interviewer", "--format", "json")
    quotes = json.loads(out)
    assert [(q["text"], q["pages"]) for q in quotes] == [("Werk voor iedereen.", [])]


def test_quotes_of_a_pdf_show_their_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], run: Run
) -> None:
    from tests.coding.importing.builders import make_pdf

    monkeypatch.chdir(tmp_path)
    (tmp_path / "startnotitie.pdf").write_bytes(make_pdf([["Inleiding"], ["Doel: 2.000 banen in de regio."]]))
    assert main(["new", "studie", "--coder", "tester"]) == 0
    assert main(["import", "studie.codewerk", "startnotitie.pdf"]) == 0
    assert main(["code", "studie.codewerk", "startnotitie", "Urgentiebesef", "--text", "2.000 banen"]) == 0
    capsys.readouterr()
    code, out, _ = run("quotes", "studie.codewerk", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split(",")[:9] == [
        "Document",
        "Code",
        "Respondent",
        "Region",
        "Role",
        "Start",
        "End",
        "Page",
        "Quote",
    ]
    assert lines[1].split(",")[7:9] == ["p. 2", "2.000 banen"]
    code, out, _ = run("quotes", "studie.codewerk", "--format", "json")
    assert json.loads(out)[0]["pages"] == [2]
