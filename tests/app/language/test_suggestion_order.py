"""The suggestion queue lists the likeliest first and, after Accept or Reject, goes on to the next
suggestion rather than back to the first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.language.suggestion_queue import SuggestionQueue
from app.shell.workspace import Workspace
from coding import Project
from coding.demo import build_demo_project


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    project: Project = build_demo_project(tmp_path / "demo.codewerk", coder="tester")
    workspace = Workspace(project)
    try:
        yield workspace
    finally:
        workspace.close()


def test_sorted_by_score_and_accept_moves_on_to_the_next(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.resize(1100, 700)
    queue.show()
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    items = queue.model.items()
    assert len(items) > 5
    scores = [s.score for s in items]
    assert scores == sorted(scores, reverse=True)

    table = queue.table
    rect = table.visualRect(queue.model.index(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = queue.current()
    following = queue.model.item(4)
    assert chosen is not None and chosen.id == items[3].id
    qtbot.mouseClick(queue.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.reading is None)  # listed again in a worker thread
    assert queue.model.row_of(chosen.id) < 0
    assert queue.current() is not None and queue.current().id == following.id  # type: ignore[union-attr]
    assert table.currentIndex().row() == 3

    after = queue.model.item(4)
    qtbot.mouseClick(queue.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.reading is None)
    assert queue.current() is not None and queue.current().id == after.id  # type: ignore[union-attr]
