"""Issue 19: storing what Find found (one command replacing the open suggestions: seconds at ten times the
corpus) commits in a worker thread while the Suggestions window answers, with a busy bar; the window's
other writes are refused meanwhile; the step lands on the undo stack and undo restores the project."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.language.suggestion_queue import SuggestionQueue
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.operations import last_problem
from coding import Project
from coding.demo import build_demo_project
from coding.language.suggestions.commands import RefreshSuggestions
from tests.coding.dump import dump


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    project = build_demo_project(tmp_path / "demo.codewerk", coder="tester")
    workspace = Workspace(project)
    yield workspace
    workspace.close()


def test_the_found_suggestions_are_stored_in_a_worker_while_the_queue_answers(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = workspace.project
    entered, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    original = RefreshSuggestions.plan

    def held(command: RefreshSuggestions, writer: Any) -> Any:
        threads.append(threading.current_thread())
        entered.set()
        assert release.wait(30)
        return original(command, writer)

    monkeypatch.setattr(RefreshSuggestions, "plan", held)
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitExposed(queue)
    steps = workspace.undo_stack.count()
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=60_000)  # indexed and found; now stored, in its transaction
    before = dump(project.path)  # what is committed: the index, not the suggestions being stored
    assert threads[0] is not threading.main_thread()
    busy = queue.status.findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible()
    queue.scope.setFocus()
    qtbot.keyClick(queue.scope, Qt.Key.Key_Down)  # the window answers meanwhile: the first code chosen
    assert queue.scope.code_id() is not None
    assert not operations.perform(queue, lambda: project.codes.create("Tussendoor"))  # refused at once
    assert "“Finding suggestions” is still being written" in last_problem(queue)
    release.set()
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=30_000)
    assert workspace.undo_stack.count() == steps + 1
    assert dump(project.path) != before  # stored
    workspace.undo()  # in a worker thread too
    qtbot.waitUntil(lambda: not long_operation.running_operations(), timeout=30_000)
    assert dump(project.path) == before and workspace.undo_stack.count() == steps + 1
    assert workspace.undo_stack.index() == steps


def test_find_judges_the_index_and_ranks_what_it_stored_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Find on a project not indexed yet: whether documents need indexing (every text hashed: 1.9 s
    over 2,000 interviews) is judged in a worker, the index is built in the background, and the
    stored suggestions are ranked there too (14,993 sorted on arrival: 0.5 s); the list shows them
    likeliest first."""
    from app.language import suggestion_queue
    from coding.language.assistant import LanguageAssistant

    judged: list[threading.Thread] = []
    ranked: list[threading.Thread] = []
    stale, rank = LanguageAssistant.stale, suggestion_queue.likeliest_first

    def judging(self: LanguageAssistant) -> Any:
        judged.append(threading.current_thread())
        return stale(self)

    def ranking(items: Any) -> Any:
        ranked.append(threading.current_thread())
        return rank(items)

    monkeypatch.setattr(LanguageAssistant, "stale", judging)
    monkeypatch.setattr(suggestion_queue, "likeliest_first", ranking)
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitExposed(queue)
    qtbot.waitUntil(lambda: queue.reading is None, timeout=10_000)
    ranked.clear()
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=120_000)
    qtbot.waitUntil(lambda: queue.reading is None, timeout=10_000)
    assert judged and ranked
    assert all(thread is not threading.main_thread() for thread in judged + ranked)
    scores = [queue.model.item(row).score for row in range(queue.model.rowCount())]
    assert len(scores) > 5 and scores == sorted(scores, reverse=True)
    assert not workspace.project.assist.stale()  # indexed on the way


def test_what_a_find_computed_is_kept_after_its_suggestions_are_shown_and_a_close_loses_nothing(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the find computed for the next session (≈ 1 s of writing at ten times the corpus) is stored after its
    suggestions are listed, in a worker; closing the window with the project meanwhile stops it between two parts:
    the project is as the find left it, the pieces written are read next session, the others computed again."""
    from coding.language.suggestions import stored_state
    from coding.language.suggestions.service import SuggestionService

    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)  # the demo is small: store whatever the size
    monkeypatch.setattr(stored_state, "PART", 1000)  # many parts
    entered = threading.Event()
    threads: list[threading.Thread] = []
    outcome: list[bool] = []
    keep = SuggestionService.keep_for_next_session

    def slow(service: SuggestionService, stop: Any = None) -> bool:
        asked: list[None] = []

        def stopping() -> bool:
            asked.append(None)
            if len(asked) == 30:  # in the middle: held until the window closes
                entered.set()
                for _ in range(3000):
                    if stop():
                        break
                    threading.Event().wait(0.01)
            return bool(stop())

        threads.append(threading.current_thread())
        outcome.append(keep(service, stopping))
        return outcome[-1]

    monkeypatch.setattr(SuggestionService, "keep_for_next_session", slow)
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitExposed(queue)
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=120_000)
    assert threads[0] is not threading.main_thread()
    assert queue.model.rowCount() > 5  # the suggestions were listed first
    assert "open suggestion(s)" in queue.status.currentMessage()
    path = workspace.project.path
    shown = [(s.document_id, s.code_id, s.start, s.end) for s in workspace.project.assist.suggestions.list()]
    before = dump(path)
    written = _kept_rows(path)
    assert any("#" in name for name in written)  # under way: parts written, not every piece
    queue.shutdown()  # the window closes with the project: stopped after the part under way
    assert outcome == [False] and queue.keeping is None
    after = dump(path)
    assert {t: rows for t, rows in after.items() if t != "kept_state"} == {
        t: rows for t, rows in before.items() if t != "kept_state"
    }
    pieces = sorted(name for name in _kept_rows(path) if "#" not in name)
    workspace.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    monkeypatch.setattr(SuggestionService, "keep_for_next_session", keep)
    read: list[str] = []
    unpack = stored_state.unpack_blob
    opening = stored_state.StoredArrays.open

    def reading(blob: Any) -> Any:
        read.append("")
        return unpack(blob)

    def opened(*args: Any) -> Any:  # a piece read an array at a time
        found = opening(*args)
        if found is not None:
            read.append("")
        return found

    monkeypatch.setattr(stored_state, "unpack_blob", reading)
    monkeypatch.setattr(stored_state.StoredArrays, "open", opened)
    with Project.open(path) as project:  # the next session: finds what the window stored
        found = project.assist.suggestions.candidates(None)
        assert len(read) == len(pieces) < 7  # the pieces written whole are read, no other
        assert project.assist.suggestions.keep_for_next_session()  # the rest, this time
    assert {(c.document_id, c.code_id, c.start, c.end) for c in found} >= set(shown)


def _kept_rows(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [name for (name,) in conn.execute("SELECT name FROM kept_state")]
