"""``codewerk cooccurrence`` and ``codewerk matrix`` through the real command line entry point."""

from __future__ import annotations

import csv
import io
import json

import pytest

from coding import Project
from tests.coding.cli.conftest import Run


@pytest.fixture
def studie(interviews: Project) -> str:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.documents.set_attributes("R6", {"region": "Twente"})
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="vertrouwen elkaar")
    p.code("R5", "Urgentiebesef", text="Hoog, één op de vijf")
    p.code("R6", "Vertrouwen/Betrouwbaarheid", text="Werk voor iedereen.")
    p.code("R6", "Coördinatie", text="Te weinig.")
    return str(p.path)


def test_cooccurrence_json_rows_name_codes_by_path(studie: str, run: Run) -> None:
    code, out, _ = run("cooccurrence", studie, "--codes", "Vertrouwen", "Coördinatie", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {
            "code_a": "Vertrouwen",
            "code_b": "Coördinatie",
            "group": None,
            "count": 1,
            "c": 0.3333,
            "n_a": 2,
            "n_b": 2,
            "unit": "overlap",
        }
    ]
    code, out, _ = run(
        "cooccurrence", studie, "--unit", "document", "--by", "region", "--format", "json",
        "--codes", "Vertrouwen", "Coördinatie",
    )  # fmt: skip
    rows = {row["group"]: (row["count"], row["c"]) for row in json.loads(out)}
    assert rows == {"Twente": (1, 1.0), "Zwolle": (1, 1.0)}


def test_cooccurrence_table_and_csv(studie: str, run: Run) -> None:
    code, out, _ = run("cooccurrence", studie, "--unit", "turn", "--measure", "c")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["#", "Code", "n"]
    trust = next(line for line in lines if " Vertrouwen " in line)
    assert trust.split()[2:5] == ["2", "–", "0.00"]  # n, the diagonal, Overwinnen van cultuurverschillen
    assert "Unit: turn; cells: the c-coefficient" in out
    code, out, _ = run("cooccurrence", studie, "--format", "csv", "--only", "--codes", "Vertrouwen", "4a")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["code_a"] == "Vertrouwen" and rows[0]["code_b"].startswith("Vertrouwen/Betrouwbaarheid/")


def test_matrix_by_region_and_presence(studie: str, run: Run) -> None:
    code, out, _ = run("matrix", studie, "--columns", "region", "--format", "csv", "--codes", "Vertrouwen")
    assert code == 0
    assert list(csv.reader(io.StringIO(out)))[:3] == [
        ["code", "Twente", "Zwolle"],
        ["Vertrouwen", "1", "1"],
        ["Vertrouwen/Betrouwbaarheid", "1", "0"],
    ]
    code, out, _ = run("matrix", studie, "--measure", "presence", "--format", "json")
    data = json.loads(out)
    assert data["columns"] == "document" and data["values"] == ["R5", "R6"]
    cell = next(c for c in data["cells"] if c["code"] == "Coördinatie" and c["column"] == "R6")
    assert cell["value"] == 1


def test_unknown_attribute_and_code_are_one_line_errors(studie: str, run: Run) -> None:
    code, _, err = run("matrix", studie, "--columns", "provincie")
    assert code == 1 and err.count("\n") == 1 and "no document has the attribute 'provincie'" in err
    code, _, err = run("cooccurrence", studie, "--codes", "Bestaat niet")
    assert code == 1 and err.startswith("codewerk: error:")


def test_query_prints_quotes_and_points_at_a_mistake(studie: str, run: Run) -> None:
    code, out, _ = run("query", studie, "Vertrouwen AND Coördinatie NOT Urgentiebesef", "--format", "json")
    assert code == 0
    # R6's two codes are in different turns
    assert sorted((q["document"], q["code"]) for q in json.loads(out)) == [
        ("R5", "Coördinatie"),
        ("R5", "Vertrouwen"),
    ]
    code, out, _ = run(
        "query",
        studie,
        "Vertrouwen AND Coördinatie",
        "--where",
        "region=Twente",
        "--unit",
        "document",
    )
    assert code == 0 and "2 quote(s)" in out and "holds in 1 document(s) of 1 document(s)" in out
    code, _, err = run("query", studie, "Vertrouwen AND (Coördinatie OR")
    assert code == 1
    assert (
        err
        == "codewerk: error: query: a code name expected, not the end at position 31: Vertrouwen AND (Coördinatie OR ‸\n"
    )


def test_save_list_rerun_and_delete_a_query(studie: str, run: Run) -> None:
    code, _, err = run(
        "query",
        studie,
        "Vertrouwen AND Coördinatie",
        "--where",
        "region=Zwolle",
        "--save",
        "Samen",
        "--format",
        "json",
    )
    assert code == 0 and err == "Saved query Samen: Vertrouwen AND Coördinatie — in one turn, region=Zwolle\n"
    code, out, _ = run("queries", studie, "--format", "json")
    assert json.loads(out) == [
        {
            "name": "Samen",
            "query": "Vertrouwen AND Coördinatie",
            "unit": "turn",
            "where": {"region": "Zwolle"},
            "speaker": None,
        }
    ]
    code, out, _ = run("query", studie, "--saved", "samen", "--format", "json")
    assert code == 0 and {q["document"] for q in json.loads(out)} == {"R5"}
    code, _, err = run("query", studie)
    assert code == 1 and "give a QUERY or --saved NAME" in err
    code, out, _ = run("queries", studie, "--delete", "Samen")
    assert code == 0 and out == "Deleted query Samen\n"
    code, out, _ = run("queries", studie)
    assert (
        out.splitlines()[0].split() == ["Name", "Query", "Unit", "Where", "Speaker"]
        and len(out.splitlines()) == 2
    )
