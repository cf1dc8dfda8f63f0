"""File → Export: choose format, grouping, codes and groups; an existing file is replaced only when confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.exporting.export_dialog import ExportDialog
from coding import Project
from tests.regions import HOSTILE, Regions, build_regions, quote_sheet_rows


@pytest.fixture
def regions(project: Project) -> Regions:
    return build_regions(project)


def _export(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    """Export and wait for the worker thread to finish."""
    operation = dialog.run_export()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20_000):
        pass


@pytest.fixture
def dialog(qtbot, regions: Regions) -> ExportDialog:  # type: ignore[no-untyped-def]
    widget = ExportDialog(regions.project)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_excel_with_some_groups_and_concepts(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert dialog.export_format.suffix == ".xlsx"
    assert dialog.path_edit.text().endswith("studie-region.xlsx")
    assert dialog.groups.values()[-1] == "(none)"
    dialog.groups.set_checked("(none)", False)
    dialog.groups.set_checked(HOSTILE, False)
    dialog.codes.set_checked("Vertrouwen", False)
    dialog.path_edit.setText(str(tmp_path / "uit"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # written in a worker thread
    out = tmp_path / "uit.xlsx"
    qtbot.waitUntil(lambda: dialog.exported == out, timeout=20_000)
    assert not dialog.isVisible()
    book = load_workbook(out)
    assert "(no value)" not in book.sheetnames and "Noord-Zuid (test)" not in book.sheetnames
    assert {row[0] for row in quote_sheet_rows(book["Zwolle"])[1:]} == {"Urgentiebesef"}


def test_an_existing_file_is_replaced_only_when_confirmed(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bestaat.xlsx"
    out.write_bytes(b"not yet")
    dialog.path_edit.setText(str(out))
    asked: list[Path] = []
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda path: asked.append(path) or False)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == [out] and out.read_bytes() == b"not yet" and dialog.isVisible()
    assert dialog.running is None
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda path: True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported == out, timeout=20_000)
    assert load_workbook(out).sheetnames[0] == "Overview"


def test_word_transcript_and_csv_options(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.set_format(".docx", "transcript")
    assert dialog.document_box.isVisible() and not dialog.group_list.isVisible()
    dialog.document_box.setCurrentIndex(dialog.document_box.findData("R5_onderwijs"))
    assert dialog.path_edit.text().endswith("R5_onderwijs-coded.docx")
    dialog.path_edit.setText(str(tmp_path / "R5.docx"))
    _export(qtbot, dialog)
    assert dialog.exported == tmp_path / "R5.docx"
    assert Document(str(tmp_path / "R5.docx")).paragraphs[0].text == "R5_onderwijs"

    dialog.set_format(".csv")
    assert dialog.delimiter_box.isVisible()
    dialog.path_edit.setText(str(tmp_path / "quotes.csv"))
    dialog.reviews_check.setChecked(True)
    assert dialog.options()["delimiter"] == ";" and dialog.options()["include_reviews"] is True
    _export(qtbot, dialog)
    assert (tmp_path / "quotes.csv").read_bytes().startswith(b"\xef\xbb\xbfRegion;")


def test_nothing_chosen_is_explained(dialog: ExportDialog, tmp_path: Path) -> None:
    for value in dialog.groups.values():
        dialog.groups.set_checked(value, False)
    dialog.path_edit.setText(str(tmp_path / "x.xlsx"))
    assert dialog.run_export() is None
    assert dialog.status.currentMessage() == "⚠ Choose at least one group."
    assert not (tmp_path / "x.xlsx").exists()


def test_quotes_without_the_interviewer(
    qtbot, dialog: ExportDialog, regions: Regions, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    project.speakers.redetect()  # the documents were added as plain text: find their turns
    text = project.documents.text("R10_onderwijs")
    project.code("R10_onderwijs", "Stabiliteit", 0, text.index(", ze komen"))
    dialog.set_format(".docx", "transcript")
    assert not dialog.interviewer_check.isVisible()  # a coded transcript shows the whole text
    dialog.set_format(".docx", "quotes")
    assert dialog.interviewer_check.isVisible()
    qtbot.mouseClick(dialog.interviewer_check, Qt.MouseButton.LeftButton)
    assert dialog.options()["without_interviewer"] is True
    dialog.path_edit.setText(str(tmp_path / "citaten.docx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported == tmp_path / "citaten.docx", timeout=20_000)
    quotes = [p.text for p in Document(str(dialog.exported)).paragraphs if p.text.startswith("‘")]
    assert "‘Ik vertrouw de andere partijen volledig’ (R10, Onderwijs)" in quotes
    assert not any("Vertrouwt u de anderen?" in quote for quote in quotes)


def test_word_memos_and_the_csv_guard_are_options_of_their_formats(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, regions: Regions, tmp_path: Path
) -> None:
    regions.project.memos.write("Vertrouwen meten we per regio.", title="Aanpak", code="Vertrouwen")
    dialog.set_format(".docx", "quotes")
    assert dialog.memos_check.isVisible() and not dialog.guard_check.isVisible()
    qtbot.mouseClick(dialog.memos_check, Qt.MouseButton.LeftButton)
    dialog.path_edit.setText(str(tmp_path / "q.docx"))
    _export(qtbot, dialog)
    texts = [p.text for p in Document(str(tmp_path / "q.docx")).paragraphs]
    assert "Memo – Aanpak: Vertrouwen meten we per regio." in texts
    dialog.set_format(".csv")
    assert dialog.guard_check.isVisible() and dialog.guard_check.isChecked()
    assert not dialog.memos_check.isVisible() and "csv_guard" not in dialog.options()
    qtbot.mouseClick(dialog.guard_check, Qt.MouseButton.LeftButton)
    assert dialog.options()["csv_guard"] == "none"


def _widths_through_every_format(qtbot, dialog: ExportDialog) -> set[int]:  # type: ignore[no-untyped-def]
    """Choose each format as a user does (the format box focused, the Down key) and note the width."""
    dialog.format_box.setFocus()
    dialog.format_box.setCurrentIndex(0)
    widths = {dialog.width()}
    for _ in range(dialog.format_box.count() - 1):
        qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)
        qtbot.wait(20)  # the layout settles after the event
        widths.add(dialog.width())
        assert dialog.width() >= dialog.minimumSizeHint().width()  # every shown row has its room
    return widths


def test_the_dialog_keeps_its_width_whatever_the_format(qtbot, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    """User test: the dialog grew wider when the transcript's format showed a long document name (and in
    Dutch when the CSV guard's line showed), and narrower again after."""
    long_name = (
        "R21 interview met de programmamanager van de arbeidsmarktregio Midden-Gelderland, tweede gesprek"
    )
    regions.project.documents.rename(regions.project.documents.list()[0].id, long_name)
    dialog = ExportDialog(regions.project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(_widths_through_every_format(qtbot, dialog)) == 1
    assert dialog.width() <= 700  # a long name is shown whole in the box's list, not by a wider dialog
    dialog.set_format(".docx", "transcript")
    dialog.document_box.setCurrentIndex(dialog.document_box.findData(long_name))
    assert dialog.document_box.currentText() == long_name


def test_the_dutch_dialog_keeps_its_width_too(qtbot, regions: Regions, dutch) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(regions.project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.format_box.itemText(0).startswith("Excel-werkmap")
    assert len(_widths_through_every_format(qtbot, dialog)) == 1
