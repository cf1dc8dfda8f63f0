"""A supervisor's mark on a judgement in the Compare view: ``?`` in the cell until the student answers
in the Discussion under the judgement; the marks in the cell's tooltip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication

from app.judgements.compare_view import CompareView
from app.shell.project_bridge import ProjectBridge
from app.shell.undo_stack import UndoStackRecorder
from coding import Project
from tests.regions import Regions, build_regions


@pytest.fixture
def regions(project: Project) -> Regions:
    return build_regions(project)


@pytest.fixture
def view(qtbot, regions: Regions) -> Iterator[CompareView]:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    recorder = UndoStackRecorder(regions.project, stack)
    bridge = ProjectBridge(regions.project)
    widget = CompareView(bridge)
    widget.stack = stack  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    bridge.detach()
    recorder.detach()


def test_a_question_on_a_judgement_is_answered_in_the_discussion(
    qtbot, regions: Regions, view: CompareView
) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    [zwolle] = [j for j in project.judgements.list() if j.value == "Zwolle" and j.code_id == regions.trust]
    project.reviews.mark_judgement(zwolle.id, "question", "Waarom +?", reviewer="Anna")
    QApplication.processEvents()
    index = view.model.index_of(regions.trust, "Zwolle")
    assert str(index.data()).startswith("?  +")
    assert "Anna: question — Waarom +?" in str(index.data(Qt.ItemDataRole.ToolTipRole))

    view.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center()
    )
    discussion = view.editor.discussion
    assert "Waarom +?" in discussion.conversation.toPlainText()
    qtbot.mouseClick(discussion.reply, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(discussion.reply, "Drie van de vier partners noemen afspraken")
    qtbot.mouseClick(discussion.send, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert "Drie van de vier partners" in discussion.conversation.toPlainText()
    assert view.stack.undoText() == "Reply to review"  # type: ignore[attr-defined]
    index = view.model.index_of(regions.trust, "Zwolle")
    assert str(index.data()).startswith("+")  # answered
