"""The answers per guide question as a table (guide view, exports) and coded in one undoable step;
`codewerk guide PROJECT answers --all --output FILE.xlsx|.docx`."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from coding import Project
from coding.cli.main import main
from coding.core.errors import InvalidInputError

R8 = (
    "Interview R8\n\n"
    "I: Wie coördineert de samenwerking eigenlijk, en bij welke organisatie werkt die persoon?\n"
    "R8: Dat is de programmamanager van het platform.\n"
    "I: Kunt u daar een voorbeeld van geven?\n"
    "R8: Zij zit elke agenda voor.\n"
    "I: En worden cijfers en informatie open gedeeld tussen de partijen?\n"
    "R8: Ja, alles gaat op tafel.\n"
)
R2 = R8.replace("R8", "R2").replace("programmamanager van het platform", "secretaris van de gemeente Arnhem")


def _interviews(project: Project, folder: Path) -> None:
    (folder / "R8.txt").write_text(R8, encoding="utf-8")
    (folder / "R2.txt").write_text(R2, encoding="utf-8")
    project.import_files(folder / "R8.txt", attributes={"region": "Zwolle"})
    project.import_files(folder / "R2.txt", attributes={"region": "Arnhem"})


def test_the_table_holds_every_question_and_interview(project: Project, tmp_path: Path) -> None:
    _interviews(project, tmp_path)
    table = project.guide.table()
    assert [r.document for r in table.respondents] == ["R8", "R2"]
    assert len(table.questions) == 27
    answer = table.answer("6A", "R2")
    assert answer is not None and answer.text.startswith("Dat is de secretaris van de gemeente Arnhem.")
    assert table.answer("4b", "R8") is not None and table.answer("1a", "R8") is None
    assert [a.text for a in project.guide.answers("6a")] == [
        table.answer("6a", "R8").text,  # type: ignore[union-attr]
        answer.text,
    ]
    themes = dict(table.themes())
    assert [e.ref for e in themes["Vertrouwen"]] == ["4a", "4b", "4c"]
    assert [r.document for r in project.guide.table(where={"region": "arnhem"}).respondents] == ["R2"]


def _coded(project: Project, document: str, code_id: object) -> list[str]:
    return [
        p.text for p in project.codings.passages(document) if any(a.code_id == code_id for a in p.codings)
    ]


def test_code_all_confirmed_answers_in_one_undoable_step(project: Project, tmp_path: Path) -> None:
    _interviews(project, tmp_path)
    with pytest.raises(InvalidInputError, match="no confirmed answer to 6a"):
        project.guide.code_answers("6a")
    project.guide.decide("R8", R8.index("I: Wie"), "6a", "confirmed")
    result = project.guide.code_answers("6a")
    code = project.codes.resolve("6a")
    assert _coded(project, "R8", code.id) == [
        "Dat is de programmamanager van het platform.",
        "Zij zit elke agenda voor.",
    ]
    assert len(result.codings) == 2
    assert project.guide.code_answers("6a").already_coded == 2  # coding again adds nothing
    project.undo()
    assert _coded(project, "R8", code.id) == []
    assert len(project.guide.code_answers("6a", confirmed_only=False).codings) == 4  # R2 too


@pytest.fixture
def studie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "studie", "--coder", "tester"]) == 0
    (tmp_path / "R8.txt").write_text(R8, encoding="utf-8")
    (tmp_path / "R2.txt").write_text(R2, encoding="utf-8")
    assert main(["import", "studie.codewerk", "R8.txt", "--attr", "region=Zwolle"]) == 0
    assert main(["import", "studie.codewerk", "R2.txt", "--attr", "region=Arnhem"]) == 0
    capsys.readouterr()
    return "studie.codewerk"


def test_excel_has_a_sheet_per_theme_a_row_per_question_a_column_per_interview(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["guide", studie, "answers", "--all", "--by", "region", "--output", "antwoorden.xlsx"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("Wrote the answers to 27 guide question(s) of 2 interview(s)")
    workbook = openpyxl.load_workbook(tmp_path / "antwoorden.xlsx")
    assert workbook.sheetnames[:2] == ["Samenstelling", "Urgentiebesef"]
    assert "Vertrouwen" in workbook.sheetnames
    sheet = next(s for s in workbook if str(s["A2"].value).startswith("6a."))
    header = [c.value for c in sheet[1]]
    assert header == ["Question", "R2 (Arnhem)", "R8 (Zwolle)"]  # ordered by region
    rows = {str(row[0].value).split(".")[0]: [c.value for c in row[1:]] for row in sheet.iter_rows(min_row=2)}
    assert rows["6a"][0].startswith("Dat is de secretaris van de gemeente Arnhem.")
    assert rows["6a"][1].endswith("Zij zit elke agenda voor.")
    assert rows["6b"] == ["—", "—"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "B2"
    assert sheet["B2"].alignment.wrap_text

    before = (tmp_path / "antwoorden.xlsx").read_bytes()
    code = main(["guide", studie, "answers", "--all", "--output", "antwoorden.xlsx"])
    err = capsys.readouterr().err
    assert code == 1 and "antwoorden.xlsx: already exists" in err
    assert (tmp_path / "antwoorden.xlsx").read_bytes() == before
    assert main(["guide", studie, "answers", "--all", "--output", "antwoorden.xlsx", "--force"]) == 0


def test_word_has_every_answer_under_its_question(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["guide", studie, "answers", "6a", "--output", "6a.docx"]) == 0
    capsys.readouterr()
    document = docx.Document(str(tmp_path / "6a.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [t for style, t in paragraphs if style.startswith("Heading")]
    assert len(headings) == 2 and headings[1].startswith("6a. ")
    answers = [t for style, t in paragraphs if t.startswith(("R8: ", "R2: "))]
    assert answers[0].startswith("R8: Dat is de programmamanager van het platform. Zij zit elke agenda voor.")
    assert answers[1].startswith("R2: Dat is de secretaris")


def test_wrong_use_is_one_message(studie: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args, message in (
        (["--all"], "--all writes a file: add --output FILE.xlsx or FILE.docx"),
        ([], "name a guide question (e.g. 4a), or --all with --output FILE.xlsx|.docx"),
        (["6a", "--all", "--output", "x.xlsx"], "name one guide question (e.g. 4a) or --all, not both"),
        (
            ["--all", "--output", "x.pdf"],
            "x.pdf: the answers per guide question are written to .xlsx or .docx",
        ),
        (["12z", "--output", "x.xlsx"], "no guide question 12z"),
    ):
        assert main(["guide", studie, "answers", *args]) == 1
        assert message in capsys.readouterr().err
