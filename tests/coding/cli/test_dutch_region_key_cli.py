"""The command line's ``--by region`` default on a project whose metadata sheet named the column
``regio``: compare, assess, quotes and export group by ``regio`` (before: one "(none)" column)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coding import Project
from tests.coding.cli.conftest import Run
from tests.regions import HOSTILE, LONG_A, LONG_B, build_regions

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture
def regio(tmp_path: Path) -> str:
    with Project.create(tmp_path / "regio.codewerk", coder="tester") as project:
        build_regions(project, region_key="regio")
        return str(project.path)


def test_compare_and_assess_by_default_use_regio(regio: str, run: Run) -> None:
    code, out, err = run("assess", regio, LONG_A, "Urgentiebesef", "-", "--note", "weinig")
    assert code == 0, err
    code, out, err = run("compare", regio, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["values"][-1] == "(none)"  # only the policy note lacks a regio
    assert {"Zwolle", HOSTILE, LONG_A, LONG_B} <= set(data["values"])
    trust = next(r for r in data["rows"] if r["path"] == "Vertrouwen")
    assert trust["cells"]["Zwolle"]["score"] == "+" and trust["cells"]["Zwolle"]["quotes"] == 3
    urgency = next(r for r in data["rows"] if r["path"] == "Urgentiebesef")
    assert urgency["cells"][LONG_A]["score"] == "-"


def test_quotes_show_and_filter_the_regio(regio: str, run: Run) -> None:
    code, out, err = run("quotes", regio, "--where", "region=Zwolle", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["Document"] for r in rows} == {"R10_onderwijs", "R2_uwv"}
    assert {r["Region"] for r in rows} == {"Zwolle"} and {r["Role"] for r in rows} == {"Onderwijs", "UWV"}


def test_export_to_excel_by_default_has_a_sheet_per_regio(regio: str, tmp_path: Path, run: Run) -> None:
    out = tmp_path / "vergelijking.xlsx"
    code, _, err = run("export", regio, str(out))
    assert code == 0, err
    names = load_workbook(out).sheetnames
    assert "Zwolle" in names and "Noord-Zuid (test)" in names
    code, _, err = run("export", regio, str(tmp_path / "zwolle.xlsx"), "--groups", "Zwolle")
    assert code == 0, err
    assert "Zwolle" in load_workbook(tmp_path / "zwolle.xlsx").sheetnames
