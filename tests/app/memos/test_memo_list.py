"""Tools → Memos: the project memo is written at the top and every memo is listed (document, code,
coding), filterable; double-clicking one goes to what it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.memos.memo_list import MemoListWindow
from app.shell.main_window import MainWindow
from tests.app.window_helpers import hold_reads


def _open(qtbot, window: MainWindow) -> MemoListWindow:  # type: ignore[no-untyped-def]
    window.window_actions.memos.trigger()  # Tools → Memos…
    memos = window.memo_window
    assert memos is not None
    qtbot.waitExposed(memos)
    memos.activateWindow()
    qtbot.waitUntil(memos.isActiveWindow)
    qtbot.waitUntil(lambda: memos.reading is None)  # read in a worker thread
    return memos


def test_project_memo_list_filter_and_jump(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    document = project.documents.find("R8_wethouder_zwolle")
    project.memos.write("Wethouder twijfelt aan de cijfers", document=document.id)
    memos = _open(qtbot, window)
    memos.flush()
    qtbot.waitUntil(lambda: memos.reading is None)
    kinds = {row.kind for row in memos.model.records()}
    assert {"document", "coding"} <= kinds  # the demo has memos on codings

    qtbot.mouseClick(memos.project_memo.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(memos.project_memo, "Doel: regio's vergelijken")
    qtbot.mouseClick(memos.filter, Qt.MouseButton.LeftButton)  # leaving the field saves it
    QApplication.processEvents()
    stored = [m for m in project.memos.list() if m.document_id is None and m.code_id is None]
    assert [m.text for m in stored] == ["Doel: regio's vergelijken"]
    memos.flush()
    qtbot.waitUntil(lambda: memos.reading is None)
    assert any(r.kind == "project" for r in memos.model.records())

    qtbot.keyClicks(memos.filter, "twijfelt")
    assert memos.proxy.rowCount() == 1
    index = memos.proxy.index(0, 1)
    rect = memos.table.visualRect(index)
    qtbot.mouseClick(memos.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(memos.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document_id == document.id

    window.window_actions.undo.trigger()  # Ctrl+Z: the project memo goes again
    assert not [m for m in project.memos.list() if m.document_id is None and m.code_id is None]


def test_the_memos_are_read_in_a_worker_while_the_window_answers(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The coding memos are found among every quote (seconds over a research group's 200,000): the
    Memos window opens at once, reads them off the GUI thread with a busy bar, and the project memo
    can be written once they are in (nothing typed before is lost or written twice)."""
    import threading

    from PySide6.QtWidgets import QWidget

    from coding import Project

    held = hold_reads(monkeypatch, Project, "quotes")
    release, threads = held.release, held.threads["quotes"]
    window.window_actions.memos.trigger()  # Tools → Memos…
    memos = window.memo_window
    assert memos is not None and memos.isVisible()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    busy = memos.statusBar().findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible()
    assert memos.project_memo.isReadOnly()
    qtbot.keyClicks(memos.filter, "twijfelt")  # the window answers meanwhile
    assert memos.filter.text() == "twijfelt"
    release.set()
    qtbot.waitUntil(lambda: memos.reading is None and memos.model.rowCount() > 0)
    assert not memos.project_memo.isReadOnly()


def test_the_memo_text_is_in_view_beside_what_it_is_about(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At 1366×768 the About column ("R15_vakbond_zuidoost-brabant 1410–1609 · Benoemde …") took the
    width and the memos themselves began at the window's right edge, to be scrolled to."""
    memos = _open(qtbot, window)
    memos.resize(880, 600)
    qtbot.waitUntil(lambda: memos.model.rowCount() > 0)
    QApplication.processEvents()
    header = memos.table.horizontalHeader()
    room = memos.table.viewport().width()
    memo = 2  # Kind, About, Memo, By
    assert header.sectionViewportPosition(memo) + header.sectionSize(memo) <= room
    assert header.sectionSize(memo) >= room // 3
    assert header.sectionViewportPosition(memo + 1) + header.sectionSize(memo + 1) <= room  # By, too


def test_the_project_memo_left_while_an_import_writes_is_saved_when_it_is_done(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from app.widgets.long_operation import running_operations
    from tests.app.details.test_typed_while_writing import held_write

    assert window.workspace is not None
    project = window.workspace.project
    memos = _open(qtbot, window)
    qtbot.mouseClick(memos.project_memo.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(memos.project_memo, "Doel: regio's vergelijken")
    release = held_write(window)
    qtbot.mouseClick(memos.filter, Qt.MouseButton.LeftButton)  # leaving the field saves it: refused meanwhile
    release.set()  # the import is announced: the list is read again
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    stored = lambda: [m.text for m in project.memos.list() if m.document_id is None and m.code_id is None]  # noqa: E731
    qtbot.waitUntil(lambda: bool(stored()), timeout=5_000)
    assert stored() == ["Doel: regio's vergelijken"]
    memos.flush()
    qtbot.waitUntil(lambda: memos.reading is None)
    assert memos.project_memo.toPlainText() == "Doel: regio's vergelijken"
