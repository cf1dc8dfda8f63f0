"""A quote carries the start time of the turn it starts in (``[00:12:31]`` labels, subtitle cues),
and the CSV and Excel exports show it in a Time column."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
from docx import Document

from coding import Project

TIMED = (
    "[00:00:05] I: Hoe verloopt de samenwerking?\n"
    "[00:12:31] R9: We spreken elkaar elke week en ik vertrouw ze.\n"
    "Toelichting zonder label hoort bij R9.\n"
    "[01:02:03] I: Dank u.\n"
)
UNTIMED = "I: Vraag?\nR8: Ik vertrouw niemand.\n"


def _timed_project(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "R9.txt").write_text(TIMED, encoding="utf-8")
    (tmp_path / "R8.txt").write_text(UNTIMED, encoding="utf-8")
    project.import_files([tmp_path / "R9.txt", tmp_path / "R8.txt"], attributes={"region": "Zwolle"})
    project.code("R9", "4a", text="ik vertrouw ze")
    project.code("R9", "4a", text="Toelichting zonder label")
    project.code("R9", "4a", text="Dank u.")
    project.code("R8", "4a", text="Ik vertrouw niemand.")
    return project


def test_quotes_carry_their_turns_start_time(project: Project, tmp_path: Path) -> None:
    quotes = {q.text: q for q in _timed_project(project, tmp_path).quotes()}
    assert quotes["ik vertrouw ze"].time == 751.0
    assert quotes["ik vertrouw ze"].time_label == "00:12:31"
    assert quotes["Toelichting zonder label"].time_label == "00:12:31"  # a line of the same turn
    assert quotes["Dank u."].time_label == "01:02:03"
    assert quotes["Ik vertrouw niemand."].time is None
    assert quotes["Ik vertrouw niemand."].time_label == ""


def test_csv_and_excel_exports_have_a_time_column(project: Project, tmp_path: Path) -> None:
    _timed_project(project, tmp_path)
    project.export(tmp_path / "q.csv")
    with (tmp_path / "q.csv").open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read()
    rows = list(csv.reader(sample.splitlines(), dialect=csv.Sniffer().sniff(sample.splitlines()[0])))
    header = rows[0]
    assert "Time" in header and header.index("Time") == header.index("End") + 1
    times = {
        row[header.index("Quote")]: row[header.index("Time")] for row in rows[1:] if len(row) == len(header)
    }
    assert times["ik vertrouw ze"] == "00:12:31" and times["Ik vertrouw niemand."] == ""

    book = openpyxl.load_workbook(project.export(tmp_path / "q.xlsx"), read_only=True)
    found = False
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [c for c in row if c is not None]
            if "Time" in cells and "Quote" in cells:
                header_row = list(row)
                found = True
            elif found and "Dank u." in cells:
                assert row[header_row.index("Time")] == "01:02:03"
                return
    raise AssertionError("no quote row with its time in the workbook")


def test_exports_without_timed_turns_keep_their_columns(project: Project, tmp_path: Path) -> None:
    (tmp_path / "R8.txt").write_text(UNTIMED, encoding="utf-8")
    project.import_files([tmp_path / "R8.txt"])
    project.code("R8", "4a", text="Ik vertrouw niemand.")
    with project.export(tmp_path / "q.csv").open(encoding="utf-8-sig") as handle:
        assert "Time" not in handle.readline()


def test_word_quotes_cite_the_time_of_their_turn(project: Project, tmp_path: Path) -> None:
    _timed_project(project, tmp_path)
    document = Document(str(project.export(tmp_path / "q.docx")))
    lines = [p.text for p in document.paragraphs]
    assert any(line.startswith("‘ik vertrouw ze’") and line.endswith(", 00:12:31)") for line in lines), lines
    assert any(line.startswith("‘Dank u.’") and line.endswith(", 01:02:03)") for line in lines)
    untimed = next(line for line in lines if line.startswith("‘Ik vertrouw niemand.’"))
    assert not re.search(r"\d\d:\d\d:\d\d", untimed)
