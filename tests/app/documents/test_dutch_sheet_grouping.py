"""A Dutch metadata sheet names the region column "regio": the Documents panel, the Quotes filter, Compare
and the export dialog group by it first, as they do by "region" (they took the alphabetically first
attribute, "datum", before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from coding import Project


def test_a_dutch_sheets_regio_is_the_first_grouping(qtbot, shown: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = []
    for name in ("R1", "R2"):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"I: Vraag?\n{name}: Antwoord.\n", encoding="utf-8")
    sheet = tmp_path / "metadata.csv"
    sheet.write_text(
        "bestand;respondent;regio;datum\nR1.txt;R1;Zwolle;2017-05-01\nR2.txt;R2;Arnhem;2017-05-02\n", "utf-8"
    )
    path = tmp_path / "studie.codewerk"
    with Project.create(path, coder="Anna") as project:
        assert project.import_files(files, meta=sheet).ok
        assert project.comparison.attributes() == ["regio", "datum", "respondent"]
    assert shown.open_project(path), shown.last_problem
    QApplication.processEvents()
    assert shown.documents_dock.group_by.currentData() == "regio"
    assert shown.documents_dock.group_by.currentText() == "Regio"
    assert shown.quotes_dock.attribute.currentData() == "regio"
