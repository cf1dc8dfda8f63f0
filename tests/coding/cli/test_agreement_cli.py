"""`codewerk agreement`: the table, CSV and JSON the issue names, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding import Project
from coding.cli.main import main
from tests.coding.cli.conftest import Run

DOC = "R5_uwv_zwolle"


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


def test_json_rows_per_code_and_overall(two_coders: Path, run: Run) -> None:
    code, out, err = run(
        "agreement", str(two_coders), "--coders", "tester", "Bram", "--unit", "sentence", "--overlap", "0.3",
        "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    rows = json.loads(out)
    assert [r["code"] for r in rows] == [
        "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet",
        "Urgentiebesef",
        "*",
    ]
    for row in rows:
        assert {"code", "units", "agreement", "kappa", "bp_kappa", "alpha"} <= row.keys()
        assert 0.0 <= row["agreement"] <= 1.0
    urgency = rows[1]
    # tester's passage covers 19 of the 55 characters of its sentence: coded at 30%, not at 50%.
    assert urgency["kappa"] is not None and urgency["agreement"] < 1
    code, out, _ = run(
        "agreement",
        str(two_coders),
        "--coders",
        "tester",
        "Bram",
        "--unit",
        "sentence",
        "--format",
        "json",
    )
    urgency = json.loads(out)[1]
    assert urgency["kappa"] is None and urgency["alpha"] is None and urgency["agreement"] == 1.0
    assert urgency["undefined"]["kappa"].startswith("no variation")
    assert rows[2]["units"] == rows[0]["units"] + rows[1]["units"]


def test_table_says_how_and_marks_undefined_values(two_coders: Path, run: Run) -> None:
    code, out, _ = run("agreement", str(two_coders), "--coders", "tester", "Bram", "--disagreements")
    assert code == 0
    assert "Cohen κ" in out and "The unit of analysis was the coded segment" in out
    assert "2 disagreement(s):" in out and "We spreken elkaar elke week." in out
    code, out, _ = run("agreement", str(two_coders), "--coders", "tester", "Bram", "--format", "csv")
    assert out.splitlines()[0].startswith("code,units,agreement,kappa,")
    assert out.splitlines()[-1].startswith("*,")
    _, out, _ = run("agreement", str(two_coders), "--coders", "tester", "Bram", "--unit", "sentence")
    assert "n/a: no variation: both coders put every unit in the same category (κ of Urgentiebesef" in out


def test_bad_input(two_coders: Path, capsys: pytest.CaptureFixture[str], run: Run) -> None:
    code, out, err = run("agreement", str(two_coders), "--coders", "tester", "Nobody")
    assert code == 1 and out == "" and "no coder named 'Nobody'" in err
    with pytest.raises(SystemExit):
        main(["agreement", str(two_coders), "--coders", "tester", "Bram", "--overlap", "2"])
    assert "not a fraction" in capsys.readouterr().err
