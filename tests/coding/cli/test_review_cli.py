"""``codewerk reviews``, ``review``, ``import-review`` and ``export --kind review``, through the real entry point."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from coding import Project
from tests.coding.cli.conftest import Run
from tests.coding.reviews.helpers import fill_in
from tests.regions import build_regions

TRUST = "Het vertrouwen groeit, al gaat het langzaam."


@pytest.fixture
def studie(project: Project) -> str:
    build_regions(project)
    return str(project.path)


def test_review_sets_a_mark_and_reviews_lists_it(studie: str, run: Run) -> None:
    code, out, _ = run(
        "review", studie, "R2_uwv", "Vertrouwen", "--text", TRUST, "--mark", "vraag",
        "--comment", "welke bron?", "--reviewer", "Anna",
    )  # fmt: skip
    assert code == 0 and "Anna: question on R2_uwv" in out
    code, out, _ = run("reviews", studie, "--format", "json")
    [mark] = json.loads(out)
    assert set(mark) == {"document", "code", "start", "end", "quote", "reviewer", "mark", "comment", "when"}
    assert (mark["document"], mark["quote"], mark["mark"], mark["comment"]) == (
        "R2_uwv", TRUST, "question", "welke bron?",
    )  # fmt: skip
    code, out, _ = run("reviews", studie, "--mark", "agreed", "--format", "csv")
    assert list(csv.reader(io.StringIO(out))) == [
        ["document", "code", "start", "end", "quote", "reviewer", "mark", "comment", "when"]
    ]
    code, out, _ = run("reviews", studie, "--reviewer", "Anna")
    assert code == 0 and "welke bron?" in out and "1 mark(s)" in out


def test_review_refuses_an_unknown_mark_and_an_uncoded_span(studie: str, run: Run) -> None:
    code, _, err = run("review", studie, "R2_uwv", "Vertrouwen", "--span", "0:5", "--mark", "misschien")
    assert code == 1 and "--mark is one of agreed, question, disagree" in err
    code, _, err = run("review", studie, "R2_uwv", "Vertrouwen", "--span", "0:5", "--mark", "agreed")
    assert code == 1 and "R2_uwv 0:5 is not coded with Vertrouwen" in err


def test_export_review_and_import_review_round_trip(studie: str, tmp_path: Path, run: Run) -> None:
    out_file = tmp_path / "review.xlsx"
    code, out, err = run(
        "export",
        studie,
        str(out_file),
        "--kind",
        "review",
        "--reviewer",
        "Anna",
        "--codes",
        "Vertrouwen",
    )
    assert code == 0, err
    fill_in(out_file, {f"Vertrouwen|{TRUST}": ("oneens", "nee")}, tmp_path / "back.xlsx")
    code, out, err = run("import-review", studie, str(tmp_path / "back.xlsx"))
    assert code == 0, err
    assert "review by Anna: 1 mark(s) added, 0 changed, 0 cleared, 0 unchanged" in out
    code, out, _ = run("import-review", studie, str(tmp_path / "back.xlsx"))
    assert "0 mark(s) added, 0 changed, 0 cleared, 1 unchanged" in out
    code, out, _ = run("reviews", studie, "--format", "json")
    assert [(m["reviewer"], m["mark"], m["comment"]) for m in json.loads(out)] == [
        ("Anna", "disagree", "nee")
    ]


def test_import_review_of_a_wrong_file_says_why(studie: str, tmp_path: Path, run: Run) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    code, _, err = run("import-review", studie, str(tmp_path / "x.xlsx"))
    assert (
        code == 1
        and err.strip()
        == "codewerk: error: x.xlsx: not a .xlsx file (it is not a zip package); is it damaged?"
    )
