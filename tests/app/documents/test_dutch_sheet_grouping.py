"""A Dutch metadata sheet names the region column "regio" and the role "functie": the Documents panel, the
Quotes filter, Compare and the export dialog group by "regio" first, as they do by "region" (they took the
alphabetically first attribute, "datum", before), and the Quotes dock's Region and Role columns, the
transcript's header and the Excel Role column show them (they were empty)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from app.quotes.quote_cells import REGION, ROLE
from app.shell.main_window import MainWindow
from coding import Project
from tests.app.window_helpers import open_document


def test_a_dutch_sheets_regio_and_functie_are_the_region_and_role(
    qtbot, shown: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    files = []
    for name in ("R1", "R2"):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"I: Vraag?\n{name}: Wij vertrouwen elkaar.\n", encoding="utf-8")
    sheet = tmp_path / "metadata.csv"
    sheet.write_text(
        "bestand;respondent;regio;functie;datum\nR1.txt;R1;Zwolle;wethouder;2017-05-01\n"
        "R2.txt;R2;Arnhem;UWV;2017-05-02\n",
        "utf-8",
    )
    path = tmp_path / "studie.codewerk"
    with Project.create(path, coder="Anna") as project:
        assert project.import_files(files, meta=sheet).ok
        assert project.comparison.attributes() == ["regio", "datum", "functie", "respondent"]
        for name in ("R1", "R2"):
            project.code(name, "Vertrouwen", text="Wij vertrouwen elkaar.")
        rows = list(
            load_workbook(project.export(tmp_path / "uit.xlsx", by="regio"))["Zwolle"].iter_rows(
                values_only=True
            )
        )
    header = next(r for r in rows if r[0] == "Concept")
    assert "Functie" not in header and "Role" in header
    assert rows[rows.index(header) + 1][header.index("Role")] == "wethouder"

    assert shown.open_project(path), shown.last_problem
    QApplication.processEvents()
    assert shown.documents_dock.group_by.currentData() == "regio"
    assert shown.documents_dock.group_by.currentText() == "Regio"
    assert shown.quotes_dock.attribute.currentData() == "regio"
    open_document(shown, "R1")
    assert "Zwolle" in shown.panel.facts.text() and "wethouder" in shown.panel.facts.text()
    model = shown.quotes_dock.model
    assert model is not None
    model.set_codes([shown.workspace.project.codes.resolve("Vertrouwen").id])
    model.flush()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown_cells = {
        (model.index(r, REGION).data(), model.index(r, ROLE).data()) for r in range(model.rowCount())
    }
    assert shown_cells == {("Zwolle", "wethouder"), ("Arnhem", "UWV")}
