"""The supervisor's review in the window: questions to answer, the conversation and a reply, the review
file exported from File → Export and read back with File → Import supervisor's review…."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.exporting.export_dialog import ExportDialog
from app.shell.main_window import MainWindow
from coding.quotes.quote_service import TO_ANSWER
from coding.reviews.review_layout import COMMENT_COLUMN, REVIEW_COLUMN
from tests.app.window_helpers import open_document, select_text
from tests.coding.reviews.helpers import rows


def _choose(qtbot, combo, data) -> None:  # type: ignore[no-untyped-def]
    """Pick an item of a closed combo box with the keyboard, as a user can."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{data} is not offered")


def test_questions_to_answer_and_a_reply(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    first, second = model.quote(0), model.quote(1)
    project.reviews.mark(first.coding_id, "question", "Welke bron?", reviewer="Anna")
    project.reviews.mark(second.coding_id, "agreed", reviewer="Anna")
    model.flush()

    assert not dock.discussion.isVisible()  # hidden until asked for
    _choose(qtbot, dock.review, TO_ANSWER)
    model.flush()
    assert dock.discussion.isVisible() and dock.discussion_button.isChecked()
    assert model.rowCount() == 1 and model.quote(0).coding_id == first.coding_id
    table = dock.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, 0)).center()
    )
    thread = dock.discussion.conversation.toPlainText()
    assert "Anna" in thread and "question — Welke bron?" in thread and "Waiting for your answer" in thread

    steps = workspace.undo_stack.count()
    reply = dock.discussion.reply
    qtbot.mouseClick(reply, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(reply, "Zie p. 3 van het verslag")
    qtbot.keyClick(reply, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert reply.text() == ""
    assert workspace.undo_stack.count() == steps + 1
    assert "Zie p. 3 van het verslag" in dock.discussion.conversation.toPlainText()
    assert "Waiting for your answer" not in dock.discussion.conversation.toPlainText()
    model.flush()
    assert model.rowCount() == 0  # answered: no longer a question to answer
    assert project.quotes(review=TO_ANSWER) == []
    window.close_project()


def test_export_a_review_workbook_and_import_it_back(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    dialog = ExportDialog(workspace.project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _choose(qtbot, dialog.format_box, dialog.format_box.itemData(dialog.format_box.count() - 2))
    assert dialog.export_format.kind == "review" and dialog.export_format.suffix == ".xlsx"
    assert dialog.reviewer_edit.isVisible() and not dialog.reviews_check.isVisible()
    dialog.path_edit.setText(str(tmp_path / "review"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.exported is None  # refused: no reviewer named
    assert dialog.reviewer_edit.hasFocus()  # where the name goes: typed at once, no click needed
    qtbot.keyClicks(QApplication.focusWidget(), "Anna")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "review.xlsx"
    qtbot.waitUntil(lambda: dialog.exported == out, timeout=30_000)
    again = ExportDialog(workspace.project, window)  # the Word review for the same supervisor next
    qtbot.addWidget(again)
    assert again.reviewer_edit.text() == "Anna"  # it was empty: the name typed again for each file

    workbook = load_workbook(out)
    sheet = workbook.worksheets[1]
    number = next(n for kind, n in rows(sheet) if kind == "quote")
    sheet.cell(row=number, column=REVIEW_COLUMN).value = "disagree"
    sheet.cell(row=number, column=COMMENT_COLUMN).value = "Niet overtuigend"
    workbook.save(tmp_path / "back.xlsx")

    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    steps = workspace.undo_stack.count()
    operation = window.import_review(path=tmp_path / "back.xlsx")
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=30_000)
    assert shown and "1 mark(s) added" in shown[0].text()
    assert workspace.undo_stack.count() == steps + 1
    assert workspace.undo_stack.undoText() == "Import review by Anna"
    marks = workspace.project.reviews
    assert [(r.mark, r.comment) for r in marks.list(reviewer="Anna")] == [("disagree", "Niet overtuigend")]
    workspace.undo_stack.undo()
    assert marks.list(reviewer="Anna") == []
    window.close_project()


def test_the_discussion_is_written_again_only_for_changes_to_its_quote(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A coding elsewhere (a number key in the transcript) leaves the conversation shown as it is; a
    reply to the quote shown, or its own coding changed, shows again."""
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    qtbot.mouseClick(dock.discussion_button, Qt.MouseButton.LeftButton)
    table = dock.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, 0)).center()
    )
    shown = model.quote(0)
    written: list[str] = []
    conversation = dock.discussion.conversation
    set_html = conversation.setHtml
    conversation.setHtml = lambda html: (written.append(html), set_html(html))  # type: ignore[method-assign]

    workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    select_text(window, "Samen kom je veel verder.")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    model.flush()
    QApplication.processEvents()
    assert written == []
    project.reviews.reply("Zie het verslag", coding_id=shown.coding_id)
    QApplication.processEvents()
    assert len(written) == 1 and "Zie het verslag" in conversation.toPlainText()
    project.codings.set_memo(shown.coding_id, "nieuw memo")
    QApplication.processEvents()
    assert len(written) == 2
    window.close_project()
