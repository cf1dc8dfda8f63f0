"""Nothing typed is lost while a long action writes in a worker (an import, a merge, stored suggestions):
a memo left for another document or code meanwhile is kept, shown when the user comes back, and
saved as soon as the action is written; it is in the project when it is opened again."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.shell.main_window import MainWindow
from app.widgets import long_operation
from app.widgets.long_operation import running_operations
from app.widgets.operations import last_problem
from app.widgets.worker_write import write_in_worker
from coding import Project
from tests.app.window_helpers import open_document, tree_point


def held_write(window: MainWindow) -> threading.Event:
    """A long write (a code created in a worker thread) held until the returned event is set."""
    assert window.workspace is not None
    project = window.workspace.project
    release = threading.Event()

    def work(_progress: long_operation.Progress) -> None:
        assert release.wait(30)
        project.codes.create("Tussendoor")

    assert write_in_worker(window, project, work, title="Import studie.qdpx", show="status") is not None
    assert project.writing == "Import studie.qdpx"
    return release


def type_memo(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    memo = window.details_dock.memo
    assert memo.isEnabled()
    qtbot.mouseClick(memo.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(memo.hasFocus)
    qtbot.keyClicks(memo, text)


def test_a_document_memo_left_while_an_import_writes_is_saved_when_it_is_done(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    assert window.workspace is not None
    project, path = window.workspace.project, window.workspace.project.path
    open_document(window, "R8_wethouder_zwolle")
    type_memo(qtbot, window, "Wethouder twijfelt aan de planning.")
    release = held_write(window)
    open_document(window, "R12_uwv_zwolle")  # the memo is saved on switching: refused while writing
    assert "still being written" not in last_problem(window)
    assert "Kept what you typed" in window.statusBar().currentMessage()
    assert window.details_dock.memo.toPlainText() == ""
    open_document(window, "R8_wethouder_zwolle")  # back before the import is done: the typed memo
    assert window.details_dock.memo.toPlainText() == "Wethouder twijfelt aan de planning."
    open_document(window, "R12_uwv_zwolle")
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(lambda: bool(project.memos.list(document="R8_wethouder_zwolle")), timeout=5_000)
    assert "Tussendoor" in [code.name for code in project.codes.tree()]
    window.close_project()
    with Project.open(path) as reopened:
        memos = [m.text for m in reopened.memos.list(document="R8_wethouder_zwolle")]
    assert memos == ["Wethouder twijfelt aan de planning."]  # once, not twice


def test_a_code_memo_left_for_another_code_while_writing_is_saved_and_undoable(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo_copy: Path
) -> None:
    assert window.workspace is not None
    workspace = window.workspace
    tree = window.codebook_dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Vertrouwen"))
    type_memo(qtbot, window, "Kern van de studie")
    release = held_write(window)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Urgentiebesef"))
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(lambda: workspace.undo_stack.undoText() == "Write memo", timeout=5_000)
    assert [m.text for m in workspace.project.memos.list(code="Vertrouwen")] == ["Kern van de studie"]
    window.close_project()
    with Project.open(demo_copy) as reopened:
        assert [m.text for m in reopened.memos.list(code="Vertrouwen")] == ["Kern van de studie"]
