"""The import report box: headline, summary, and the details capped with one line for the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.widgets.report_box import MAX_LISTED, report_box


def test_a_long_report_lists_the_first_lines_and_counts_the_rest(qtbot: QtBot) -> None:
    lines = ["Imported 3 documents", "Skipped:", *(f"  element {n}" for n in range(MAX_LISTED + 7))]
    box = report_box(
        None, "Import", lines, complete=False, summary="Skipped", more=lambda count: f"… {count} more"
    )
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert (box.text(), box.informativeText()) == ("Imported 3 documents", "Skipped")
    details = box.detailedText().split("\n")
    assert details[:2] == ["Skipped:", "  element 0"]
    assert len(details) == MAX_LISTED + 1 and details[-1] == "… 8 more"


def test_a_one_line_report_has_no_details(qtbot: QtBot) -> None:
    box = report_box(None, "Import", ["Imported 1 document"], complete=True, more=str)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Information
    assert (box.informativeText(), box.detailedText()) == ("", "")
