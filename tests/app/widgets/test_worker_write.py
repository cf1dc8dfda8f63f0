"""Issue 19: a long action that writes (File → Import a REFI-QDA project) runs its one command and commits
it in a worker thread while the window answers; meanwhile the window's other writes, undo and a second
such action are refused at once with one line; when it committed the step is on the undo stack and
undo restores the project exactly; a failing command and a cancel leave it exactly as it was."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from app.shell.main_window import MainWindow
from app.widgets import file_dialogs
from app.widgets.long_operation import running_operations
from app.widgets.operations import last_problem
from coding import Project
from coding.core.errors import InvalidInputError
from coding.refi.import_command import ImportExchange
from models import Code
from tests.coding.dump import dump

TEXT = "I: Hoe verliep de samenwerking?\nR7: We vertrouwden elkaar niet meteen, maar het groeide.\n"


def _archive(tmp_path: Path) -> Path:
    """A .qdpx of another project: one interview, one code, one coding (new to the demo)."""
    transcript = tmp_path / "R7_gemeente_deventer.txt"
    transcript.write_text(TEXT, encoding="utf-8")
    with Project.create(tmp_path / "ander.codewerk", codebook=None, coder="Bram") as other:
        other.import_files([transcript])
        other.codes.create("Groeiend vertrouwen")
        other.code("R7_gemeente_deventer", "Groeiend vertrouwen", text="maar het groeide")
        return other.export(tmp_path / "ander.qdpx")


class _Held:
    """ImportExchange's plan held in its worker, inside its transaction, until ``release``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, first: Any = None, then: Any = None) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.threads: list[threading.Thread] = []
        original = ImportExchange.plan

        def held(command: ImportExchange, writer: Any) -> Any:
            self.threads.append(threading.current_thread())
            if first is not None:
                first(writer)
            self.entered.set()
            assert self.release.wait(30)
            result = original(command, writer)
            if then is not None:
                then()
            return result

        monkeypatch.setattr(ImportExchange, "plan", held)


def _import(window: MainWindow, monkeypatch: pytest.MonkeyPatch, archive: Path) -> None:

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: (str(archive), ""))
    action = next(a for a in window.findChildren(QAction) if a.text().startswith("Import a REFI-QDA project"))
    action.trigger()  # File → Import → Import a REFI-QDA project or codebook…


def _idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)


def test_the_import_commits_in_a_worker_while_the_window_answers_and_undo_restores_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    workspace, project = window.workspace, window.workspace.project
    archive = _archive(tmp_path)
    before, steps = dump(project.path), workspace.undo_stack.count()
    held = _Held(monkeypatch)
    _import(window, monkeypatch, archive)
    qtbot.waitUntil(held.entered.is_set, timeout=30_000)
    assert held.threads[0] is not threading.main_thread()  # planned (and committed) off the GUI thread
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the window's event loop runs while the command is written
    progress = window.findChild(QProgressDialog, "operationProgress")
    assert progress is not None and progress.findChild(QPushButton) is not None  # Cancel offered

    # other writes of the window are refused at once, with one line naming what is being written
    assert not workspace.perform(lambda: project.codes.create("Tussendoor"))
    assert "“Import” is still being written" in last_problem(window)
    workspace.undo()
    assert workspace.undo_stack.count() == steps and workspace.undo_stack.index() == steps
    from app.exporting import refi_actions

    assert refi_actions.import_exchange_file(window, project, archive) is None  # a second one: refused
    assert dump(project.path) == before

    held.release.set()
    _idle(qtbot)
    timer.stop()
    assert (
        workspace.undo_stack.count() == steps + 1 and workspace.undo_stack.undoText() == "Import ander.qdpx"
    )
    assert "R7_gemeente_deventer" in [d.name for d in project.documents.list()]
    qtbot.waitUntil(  # announced: the documents dock shows it
        lambda: "R7_gemeente_deventer" in [d.name for d in window.documents_dock.model.documents()]
    )
    assert project.codes.create("Daarna")  # the window writes again
    workspace.undo()  # Edit → Undo: the code, at once
    reverted: list[threading.Thread] = []
    original = ImportExchange.revert

    def revert(command: ImportExchange, session: Any) -> Any:
        reverted.append(threading.current_thread())
        return original(command, session)

    monkeypatch.setattr(ImportExchange, "revert", revert)
    workspace.undo()  # the import: taken back in a worker thread, as it was written
    _idle(qtbot)
    assert reverted and reverted[0] is not threading.main_thread()
    assert dump(project.path) == before and workspace.undo_stack.index() == steps
    assert window.statusBar().currentMessage() == "Undone: Import ander.qdpx"
    workspace.redo()  # and again
    _idle(qtbot)
    assert "R7_gemeente_deventer" in [d.name for d in project.documents.list()]
    assert workspace.undo_stack.index() == steps + 1
    workspace.undo()
    _idle(qtbot)
    assert dump(project.path) == before


def test_a_failing_command_in_the_worker_leaves_the_project_as_it_was_with_one_message(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    workspace, project = window.workspace, window.workspace.project
    archive = _archive(tmp_path)
    before, steps = dump(project.path), workspace.undo_stack.count()

    def refuse() -> None:  # after every row of the import was written, before the commit
        raise InvalidInputError("ander.qdpx: refused on purpose after writing")

    held = _Held(monkeypatch, then=refuse)
    held.release.set()
    _import(window, monkeypatch, archive)
    _idle(qtbot)
    boxes = [box for box in window.findChildren(QMessageBox, "problemBox") if box.isVisible()]
    assert [box.text() for box in boxes] == ["ander.qdpx: refused on purpose after writing"]
    assert "refused on purpose" in last_problem(window)
    assert dump(project.path) == before and workspace.undo_stack.count() == steps
    assert workspace.perform(lambda: project.codes.create("Daarna"))  # nothing stays busy


def test_cancel_while_the_command_is_written_rolls_it_back(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    workspace, project = window.workspace, window.workspace.project
    archive = _archive(tmp_path)
    before, steps = dump(project.path), workspace.undo_stack.count()
    held = _Held(
        monkeypatch, first=lambda writer: writer.insert(Code, {"name": "Al geschreven", "position": 999})
    )
    _import(window, monkeypatch, archive)
    qtbot.waitUntil(held.entered.is_set, timeout=30_000)  # a row is written in the open transaction
    progress = window.findChild(QProgressDialog, "operationProgress")
    assert progress is not None
    progress.show()
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    held.release.set()
    _idle(qtbot)
    assert window.statusBar().currentMessage() == "Import of ander.qdpx cancelled; nothing was changed"
    assert dump(project.path) == before and workspace.undo_stack.count() == steps
    assert workspace.perform(lambda: project.codes.create("Daarna"))


def test_quitting_stops_the_writes_first_so_a_worker_waiting_for_its_turn_is_let_go(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The application quits while a write runs in a worker and another worker (as the indexer's) waits
    for its turn to write: stopping that one first waited for ever, since the turn comes only when the
    write is over. The write is stopped first (rolled back), then the other worker writes and ends."""
    import time

    from app.widgets import long_operation
    from app.widgets.worker_write import write_in_worker

    assert window.workspace is not None
    project = window.workspace.project
    before = dump(project.path)

    def writing(progress: long_operation.Progress) -> None:
        while not progress.cancelled:
            time.sleep(0.01)
        project.codes.create("Nooit")  # cancelled: rolled back at its first write

    writer = write_in_worker(window, project, writing, title="Lang", show="none", cancellable=True)
    assert writer is not None
    waiting = long_operation.LongOperation(
        window, lambda _progress: project.set_setting("later", 1), title="Later", show="none"
    ).start()
    monkeypatch.setattr(
        long_operation, "running_operations", lambda: [waiting, writer]
    )  # the waiting one first
    long_operation.stop_all()
    assert not writer.running and not waiting.running
    assert project.setting("later") == 1
    assert dump(project.path)["code"] == before["code"]


def test_closing_the_project_stops_the_write_then_saves_the_memo_being_typed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    """A memo typed but not saved yet when the project closes is saved on the way out. With a write under way
    in a worker it was refused (the write held the project: "still being written") and lost; the write is
    stopped first (rolled back, as closing always did), then the memo saved."""
    import time

    from app.widgets import long_operation
    from app.widgets.worker_write import write_in_worker
    from tests.app.window_helpers import open_document

    assert window.workspace is not None
    project = window.workspace.project
    path = project.path
    codes = dump(path)["code"]
    open_document(window, "R8_wethouder_zwolle")
    window.details_dock.memo.setPlainText("Wethouder twijfelt aan de planning.")

    def writing(progress: long_operation.Progress) -> None:
        while not progress.cancelled:
            time.sleep(0.01)
        project.codes.create("Nooit")  # cancelled: rolled back at its first write

    writer = write_in_worker(window, project, writing, title="Lang", show="none", cancellable=True)
    assert writer is not None and writer.running
    window.close_project()
    assert not writer.running and "still being written" not in last_problem(window)
    with Project.open(path) as reopened:
        memos = [m.text for m in reopened.memos.list(document="R8_wethouder_zwolle")]
    assert "Wethouder twijfelt aan de planning." in memos
    assert dump(path)["code"] == codes
