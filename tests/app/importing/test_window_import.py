"""The import dialog in the window: File → Import documents, and files dropped on the document list."""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.documents.document_list_model import DOCUMENT_ID_ROLE
from app.importing.import_dialog import SUMMARY
from app.shell.main_window import MainWindow
from app.widgets.file_drop import paths_mime
from coding import Project


def test_files_dropped_on_the_document_list_open_the_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "R21_onderwijs_eindhoven.txt"
    path.write_text(
        "[00:00:04] I: Hoe kijkt u terug?\n[00:00:09] R21: Met één woord: tevreden.\n", encoding="utf-8"
    )
    viewport = window.documents_dock.tree.viewport()
    data = paths_mime([path])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.setup.paths() == [path]
    dialog.setup.set_common_attributes({"region": "Zuidoost-Brabant", "respondent": "R21"})
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        dialog.setup.import_button.click()
    assert dialog.pages.currentIndex() == SUMMARY
    model = window.documents_dock.model
    assert model is not None
    assert window.workspace is not None
    document = window.workspace.project.documents.find("R21_onderwijs_eindhoven")
    assert model.index_of(document.id).isValid()  # the document list follows the import at once
    dialog.close_button.click()
    window.undo_group.undo()  # the import is one undoable action
    assert "R21_onderwijs_eindhoven" not in [d.name for d in window.workspace.project.documents.list()]


def test_file_import_action_opens_the_dialog(window: MainWindow) -> None:
    window.window_actions.import_files.trigger()
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    assert window.import_dialog.setup.paths() == []
    window.import_dialog.reject()


def test_the_first_imported_document_opens_in_the_transcript(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """File → Import documents… with two Word transcripts: when the import ends, the first of them is
    open in the transcript (it was the document open before), and the document list marks it."""
    assert window.workspace is not None
    before = window.view.document_id
    paths = []
    for name, words in (("R31_gemeente.docx", "Wij overleggen elke week."), ("R32_uwv.docx", "Zelden.")):
        document = DocxDocument()
        document.add_paragraph("I: Hoe vaak overlegt u?")
        document.add_paragraph(f"R: {words}")
        document.save(str(tmp_path / name))
        paths.append(tmp_path / name)
    window.import_paths(paths)
    dialog = window.import_dialog
    assert dialog is not None and dialog.setup.paths() == paths
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        dialog.setup.import_button.click()
    first = window.workspace.project.documents.find("R31_gemeente")
    assert before is not None and before != first.id
    assert window.view.document_id == first.id
    assert "Wij overleggen elke week." in window.view.toPlainText()
    tree = window.documents_dock.tree
    qtbot.waitUntil(lambda: tree.currentIndex().data(DOCUMENT_ID_ROLE) == first.id, timeout=3000)
    assert [i.data(DOCUMENT_ID_ROLE) for i in tree.selectionModel().selectedRows()] == [first.id]
    dialog.close_button.click()


def test_a_new_project_says_how_documents_come_in_until_one_is_imported(
    qtbot: QtBot, shown: MainWindow, tmp_path: Path
) -> None:
    """A new project showed "Choose a document in the Documents panel", which has none; it now says
    how to import, and the first imported document replaces the hint."""
    Project.create(tmp_path / "nieuw.codewerk", codebook="rwb", coder="student").close()
    assert shown.open_project(tmp_path / "nieuw.codewerk"), shown.last_problem
    assert shown.panel.header_text().startswith("No documents yet: File → Import documents…")
    path = tmp_path / "R1.docx"
    document = DocxDocument()
    document.add_paragraph("I: Hoe gaat het?")
    document.add_paragraph("R1: Goed.")
    document.save(str(path))
    shown.import_paths([path])
    dialog = shown.import_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        dialog.setup.import_button.click()
    assert shown.panel.header_text().startswith("R1")
    dialog.close_button.click()
    shown.undo_group.undo()  # the import undone: no documents again
    qtbot.waitUntil(lambda: shown.panel.header_text().startswith("No documents yet"), timeout=5000)
