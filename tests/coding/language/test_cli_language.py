"""The language subcommands, through ``codewerk`` as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from coding import Project
from coding.cli.main import main
from tests.coding.language.conftest import ARNHEM, ZWOLLE


@pytest.fixture
def cli_project(tmp_path: Path) -> Path:
    path = tmp_path / "studie.codewerk"
    (tmp_path / "R5_uwv_zwolle.txt").write_text(ZWOLLE, encoding="utf-8")
    (tmp_path / "R9_wethouder_arnhem.txt").write_text(ARNHEM, encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "file,respondent,region\nR5_uwv_zwolle.txt,R5,Zwolle\nR9_wethouder_arnhem.txt,R9,Midden-Gelderland\n",
        encoding="utf-8",
    )
    assert main(["new", str(path)]) == 0
    assert (
        main(
            [
                "import",
                str(path),
                str(tmp_path / "R5_uwv_zwolle.txt"),
                str(tmp_path / "R9_wethouder_arnhem.txt"),
                "--meta",
                str(tmp_path / "meta.csv"),
            ]
        )
        == 0
    )
    return path


def test_import_indexes_and_index_reports_up_to_date(
    cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["index", str(cli_project)]) == 0
    assert capsys.readouterr().out == "The index is up to date (2 documents).\n"


def test_search_lemma_table_and_json(cli_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", str(cli_project), "vertrouwen", "--lemma", "--answers-only"]) == 0
    out = capsys.readouterr().out
    assert "5 hit(s) in 2 document(s): " in out and "vertrouwde" in out and "Vertrouwt" not in out
    assert main(["search", str(cli_project), "vertrouwde", "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert (hit["document"], hit["respondent"], hit["hit"]) == ("R5_uwv_zwolle", "R5", "vertrouwde")
    assert hit["right"].startswith(" de gemeenten eerst niet.")


def test_search_filters_export_and_codes_hits(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hits.csv"
    args = [
        "search",
        str(cli_project),
        "vertrouw*",
        "--where",
        "region=Zwolle",
        "--answers-only",
        "--code-with",
        "4a",
        "--unit",
        "sentence",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Coded 3 passage(s) with 4a (sentence)." in captured.err  # two hits share a sentence
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 5 and rows[1][0] == "R5_uwv_zwolle"
    assert main(args) == 1  # the export file exists
    assert "hits.csv: already exists" in capsys.readouterr().err
    with Project.open(cli_project) as project:
        assert len(project.quotes("4a")) == 3  # two hits share one sentence


def test_regex_errors_are_one_line(cli_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(cli_project), "(open", "--regex"]) == 1
    assert capsys.readouterr().err.startswith("codewerk: error: '(open' is not a valid regular expression")


def test_frequencies(cli_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["frequencies", str(cli_project), "--top", "3", "--format", "csv"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == ["Lemma", "Total", "Midden-Gelderland", "Zwolle"]
    assert rows[1] == ["vertrouwen", "6", "2", "4"]


def test_suggest_prints_document_span_code_score_reason(
    cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["suggest", str(cli_project), "--code", "4b", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and {"document", "start", "end", "code", "score", "reason"} <= set(items[0])
    answer = next(i for i in items if i["reason"].startswith("Answer to guide question 4b: "))
    assert answer["document"] == "R9_wethouder_arnhem" and "the interviewer asked “" in answer["reason"]
    assert main(["suggest", str(cli_project), "--code", "4b"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["Id", "Document", "Start", "End", "Code", "Score", "Reason"]
    assert main(["suggest", str(cli_project), "--reject", str(answer["id"])]) == 0
    assert "will not be offered again" in capsys.readouterr().err
    assert main(["suggest", str(cli_project), "--code", "4b", "--format", "json"]) == 0
    assert answer["id"] not in [i["id"] for i in json.loads(capsys.readouterr().out)]
    assert main(["suggest", str(cli_project), "--code", "4a", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert main(["suggest", str(cli_project), "--accept", str(first["id"])]) == 0
    assert "Accepted 1 suggestion(s); 1 new coding(s)." in capsys.readouterr().err
    with Project.open(cli_project) as project:
        assert [q.text for q in project.quotes("4a")] == [first["text"]]


def test_register_and_anonymise(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["register", str(cli_project), "add", "R5", "Jan de Vries", "--alias", "Jantje"]) == 0
    assert main(["register", str(cli_project)]) == 0
    assert "Jan de Vries" in capsys.readouterr().out
    assert main(["register", str(cli_project), "export", str(tmp_path / "namen.csv")]) == 0
    assert (tmp_path / "namen.csv").read_text(encoding="utf-8-sig").splitlines()[
        1
    ] == "R5,Jan de Vries,Jantje,"
    capsys.readouterr()
    assert main(["anonymise", str(cli_project), "R5_uwv_zwolle", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    numbers = [str(m["number"]) for m in listed if m["text"] in ("Jan de Vries", "Kampen")]
    assert main(["anonymise", str(cli_project), "R5_uwv_zwolle", "--apply", ",".join(numbers)]) == 0
    assert "Replaced 2 name(s) in 1 document(s)" in capsys.readouterr().out
    assert main(["show", str(cli_project), "R5_uwv_zwolle"]) == 0
    shown = capsys.readouterr().out
    assert "[R5] altijd vertrouwd" in shown and "In [gemeente] vertrouwden" in shown
    assert main(["anonymise", str(cli_project), "--apply", "99"]) == 1
    assert "there is no candidate 99" in capsys.readouterr().err
