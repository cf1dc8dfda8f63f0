"""A project opened in a shown window paints first and shows its first coded document right after
(its transcript and the details dock's facts: ≈ 0.03 s of the GUI thread before the first paint of the
project of 2,000 interviews); meanwhile the header names the document and the Documents dock marks it.
A document the user opens first, or the project closed before the paint, wins; a hidden window opens
the document at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from app.shell.application import application
from app.shell.main_window import MainWindow
from coding import Project


def _first_coded(path: Path) -> tuple[str, str, str]:
    """The first coded document's id, name, and another document's name (read beside the window)."""
    project = Project.open(path)
    try:
        documents = project.documents.list()
        first = project.documents.first_coded()
        assert first is not None
        other = next(d for d in documents if d.id != first)
        return str(first), next(d.name for d in documents if d.id == first), other.name
    finally:
        project.close()


class _Paints(QObject):
    """Whether the transcript's viewport was painted, and what document the view held then."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.held: list[object] = []
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.held.append(self.window.view.document_id)
        return False


def test_the_window_paints_before_the_first_document_opens(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    first, name, _other = _first_coded(demo_copy)
    paints = _Paints(shown)
    assert shown.open_project(demo_copy), shown.last_problem
    assert shown.view.document_id is None  # not read before the paint
    assert str(shown.first_document) == first
    assert shown.panel.title.text() == name  # the header names it meanwhile
    model = shown.documents_dock.model
    assert model is not None and str(model.current) == first  # and the list marks it

    qtbot.waitUntil(lambda: shown.view.document_id is not None, timeout=5000)
    assert str(shown.view.document_id) == first and shown.view.index.passages
    assert paints.held and paints.held[0] is None  # painted once before the transcript was read
    assert shown.first_document is None
    assert shown.panel.title.text() == name


def test_a_document_opened_before_the_paint_is_not_replaced(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    first, _name, other = _first_coded(demo_copy)
    assert shown.open_project(demo_copy), shown.last_problem
    assert shown.workspace is not None
    chosen = next(d.id for d in shown.workspace.project.documents.list() if d.name == other)
    shown.open_document(chosen)  # the user's click on the list, before the paint came
    assert shown.first_document is None
    qtbot.wait(300)  # painted, and what was due after the paint ran
    assert shown.view.document_id == chosen and str(chosen) != first
    assert shown.panel.title.text() == other


def test_a_project_closed_before_the_paint_opens_nothing(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    assert shown.open_project(demo_copy), shown.last_problem
    shown.close_project()
    assert shown.first_document is None
    qtbot.wait(300)
    assert shown.view.document_id is None and shown.workspace is None
    assert shown.pages.currentWidget() is shown.start
    # opened again, the first document comes as before
    assert shown.open_project(demo_copy), shown.last_problem
    qtbot.waitUntil(lambda: shown.view.document_id is not None, timeout=5000)


def test_a_hidden_window_opens_the_first_document_at_once(qtbot: Any, demo_copy: Path) -> None:
    first, _name, _other = _first_coded(demo_copy)
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(demo_copy), window.last_problem
    assert str(window.view.document_id) == first and window.first_document is None
    QApplication.processEvents()
    window.close_project()
