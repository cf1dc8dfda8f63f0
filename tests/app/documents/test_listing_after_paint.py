"""The Documents dock lists a project's documents in a worker right after the window's first paint (2,000
documents with their attributes: ≈ 0.02–0.05 s of the GUI thread before the first paint of the huge
project), then counts their codings: the window paints with the list empty and the first document named,
the rows arrive grouped with that document marked, a change of the documents meanwhile lists them at once,
and a project closed while the listing is read takes nothing in."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject

from app.shell.main_window import MainWindow
from coding.documents.document_service import DocumentService
from tests.app.window_helpers import first_document_shown, hold_reads


class _Painted(QObject):
    """How many rows the Documents dock's model had each time the dock's tree was painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.rows: list[int] = []
        window.documents_dock.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rows.append(self.window.documents_dock.proxy.rowCount())
        return False


def test_the_documents_are_listed_in_a_worker_after_the_first_paint(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "list", why="2,000 documents")
    painted = _Painted(shown)
    assert shown.open_project(demo_copy), shown.last_problem
    dock = shown.documents_dock
    model = dock.model
    assert model is not None and not model.listed and dock.proxy.rowCount() == 0
    first = shown.first_document
    assert first is not None and shown.panel.title.text()  # named in the header meanwhile
    qtbot.waitUntil(lambda: bool(painted.rows), timeout=5000)  # the window paints while it is read
    assert painted.rows[0] == 0
    held.release.set()
    qtbot.waitUntil(lambda: model.listed and model.counted, timeout=5000)
    assert held.threads["list"] and all(t is not threading.main_thread() for t in held.threads["list"])
    assert shown.workspace is not None
    documents = shown.workspace.project.documents.list()
    assert model.document_ids() == [d.id for d in documents]
    assert dock.proxy.rowCount() > 0 and dock.tree.isExpanded(dock.proxy.index(0, 0))  # grouped, open
    first_document_shown(qtbot, shown)
    assert shown.view.document_id == first
    current = dock.tree.currentIndex()  # the list marks the document shown
    assert current.isValid() and dock.proxy.mapToSource(current) == model.index_of(first)
    assert [d.coding_count for d in model.documents()] == [d.coding_count for d in documents]


def test_a_change_of_the_documents_while_they_are_read_lists_them_at_once(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "list")
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None and shown.workspace is not None
    qtbot.waitUntil(lambda: bool(held.threads.get("list")), timeout=5000)  # the worker is reading
    project = shown.workspace.project
    document = project.documents.order()[0]
    held.release.set()  # (the GUI thread's own listing below must not wait)
    assert shown.workspace.perform(lambda: project.documents.rename(document, "Hernoemd interview"))
    model.flush()  # the change taken in: listed on the GUI thread
    assert model.listed and model.name_of(document) == "Hernoemd interview"
    qtbot.waitUntil(lambda: model.counted, timeout=5000)  # the worker's older listing was dropped
    assert model.name_of(document) == "Hernoemd interview"
    assert model.document_ids() == project.documents.order()


def test_a_project_closed_while_its_documents_are_read_takes_nothing_in(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "list")
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None
    qtbot.waitUntil(lambda: bool(held.threads.get("list")), timeout=5000)
    threading.Timer(0.2, held.release.set).start()  # the read ends while the project closes
    shown.close_project()
    qtbot.wait(200)
    assert shown.workspace is None and shown.documents_dock.model is None
    assert not model.listed and shown.last_problem == ""
    monkeypatch.undo()
    assert shown.open_project(demo_copy), shown.last_problem  # and opens again as before
    reopened = shown.documents_dock.model
    assert reopened is not None
    qtbot.waitUntil(lambda: reopened.listed and reopened.counted, timeout=5000)
    first_document_shown(qtbot, shown)
