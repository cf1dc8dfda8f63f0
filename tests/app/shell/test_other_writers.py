"""The window with other programs writing the same project (issue 14.1, 14.2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coding import Project
from tests.writers import other_writer


def _coding_counts(window) -> int:  # type: ignore[no-untyped-def]
    return sum(d.coding_count for d in window.documents_dock.model.documents())


def test_a_failed_undo_leaves_the_undo_stack_where_it_was(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    project: Project = workspace.project
    document = project.documents.list()[0]
    coding = project.code(document.id, "Vertrouwen", 0, 7)
    stack = workspace.undo_stack
    index = stack.index()
    assert stack.canUndo() and not stack.canRedo()
    project.store.set_patience(50, (0.01,))
    with other_writer(project.store.path, hold=5, once=True):
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    assert stack.index() == index
    assert not stack.canRedo()
    assert any(a.coding_id == coding.id for p in project.codings.passages(document.id) for a in p.codings)
    assert "busy" in window.statusBar().currentMessage() or "busy" in window.last_problem
    # When the other program is done, the same Ctrl+Z takes the coding back and offers redo.
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == index - 1 and stack.canRedo()
    assert not any(a.coding_id == coding.id for p in project.codings.passages(document.id) for a in p.codings)


def test_codings_another_program_commits_appear_in_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    project: Project = window.workspace.project
    before = _coding_counts(window)
    with Project.open(project.store.path, coder="script") as script:
        document = script.documents.list()[0]
        script.code(document.id, "Vertrouwen", 0, 7)
    qtbot.waitUntil(lambda: _coding_counts(window) == before + 1, timeout=3000)
