"""The Documents dock lists the documents and then their coding counts right after its first
paint (one pass over every coding: ≈ 0.1 s on a project of 200,000): the column is blank until
then, never a wrong 0, and a coding made meanwhile is counted once."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor

from app.documents.document_list_model import CODINGS, DOCUMENT_ID_ROLE
from app.shell.main_window import MainWindow
from coding.core.ids import DocumentId
from coding.core.text_positions import Utf16Index
from coding.documents.document_service import DocumentService
from tests.app.window_helpers import hold_reads


def _cells(window: MainWindow) -> tuple[dict[DocumentId, str], list[str]]:
    """What the Codings column shows, as the tree's own model gives it: per document, and per group."""
    proxy = window.documents_dock.proxy
    documents: dict[DocumentId, str] = {}
    groups: list[str] = []
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0)
        groups.append(proxy.index(row, CODINGS).data())
        for child in range(proxy.rowCount(group)):
            name = proxy.index(child, 0, group)
            documents[name.data(DOCUMENT_ID_ROLE)] = name.siblingAtColumn(CODINGS).data()
    return documents, groups


def _fresh(window: MainWindow) -> dict[DocumentId, str]:
    assert window.workspace is not None
    return {d.id: str(d.coding_count) for d in window.workspace.project.documents.list()}


def test_the_counts_arrive_after_the_first_paint_and_are_right(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "coding_counts", why="200,000 codings")
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None and not model.counted
    qtbot.waitUntil(lambda: model.listed, timeout=5000)  # listed in a worker after the first paint
    documents, groups = _cells(shown)
    assert len(documents) == len(_fresh(shown)) and groups  # listed and grouped before the counts
    assert set(documents.values()) == {""} and set(groups) == {""}  # blank, not a wrong 0
    assert not model.counted
    held.release.set()

    qtbot.waitUntil(lambda: model.counted and shown.view.document_id is not None, timeout=5000)
    documents, groups = _cells(shown)
    fresh = _fresh(shown)
    assert documents == fresh
    assert any(count != "0" for count in fresh.values())
    assert sum(int(g) for g in groups) == sum(int(c) for c in fresh.values())
    # the transcript opened the first document that has a coding
    first_coded = next(d for d in model.documents() if d.coding_count)
    assert shown.view.document_id == first_coded.id


def test_the_counts_arriving_announce_the_codings_column_only(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    """A range over the names too made the dock's filter map every row again (2,000 documents:
    7,000 calls back into the model each time the counts arrived, after every bulk write)."""
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None and not model.counted
    announced: list[tuple[int, int]] = []

    def ranges(top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        if top.row() != bottom.row():  # a range of rows (one row: the current document's bold name)
            announced.append((top.column(), bottom.column()))

    model.dataChanged.connect(ranges)
    qtbot.waitUntil(lambda: model.counted, timeout=5000)
    assert announced and set(announced) == {(CODINGS, CODINGS)}
    documents, _groups = _cells(shown)
    assert documents == _fresh(shown)


def test_a_coding_made_before_the_counts_arrive_is_counted_once(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None and shown.workspace is not None
    project = shown.workspace.project
    document = shown.first_document  # opened at once (it was due right after the paint)
    assert document is not None
    shown.open_document(document)
    before = project.documents.get(document).coding_count
    shown.workspace.favourites.set([project.codes.resolve("Vertrouwen").id])
    view = shown.view
    index = Utf16Index(view.text)  # select the first words, without letting the window paint yet
    cursor = view.textCursor()
    cursor.setPosition(index.to_utf16(0))
    cursor.setPosition(index.to_utf16(12), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert project.documents.get(document).coding_count == (before or 0) + 1  # coded ...
    assert not model.counted  # ... before the counts were made

    qtbot.waitUntil(lambda: model.counted, timeout=5000)
    model.flush()
    documents, _groups = _cells(shown)
    assert documents == _fresh(shown)
    assert documents[document] == str((before or 0) + 1)


def _code_first_words(qtbot: Any, window: MainWindow) -> DocumentId:
    """Code the open transcript's first words with favourite 1 (Vertrouwen), by its number key."""
    assert window.workspace is not None
    project = window.workspace.project
    document = window.view.document_id
    assert document is not None
    window.workspace.favourites.set([project.codes.resolve("Vertrouwen").id])
    view = window.view
    index = Utf16Index(view.text)
    cursor = view.textCursor()
    cursor.setPosition(index.to_utf16(0))
    cursor.setPosition(index.to_utf16(12), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    return document


def test_a_coding_made_while_the_worker_counts_is_counted_once(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: Any
) -> None:
    """The counts are made in a worker thread after the first paint; a coding committed after the
    worker read (here: made to wait until then) makes it count again, so the column is right."""
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.documents_dock.model
    assert model is not None and shown.workspace is not None and not model.counted
    documents = shown.workspace.project.documents
    read, coded = threading.Event(), threading.Event()
    counting = documents.coding_counts
    calls: list[str] = []

    def count_then_wait() -> dict[DocumentId, int]:
        calls.append(threading.current_thread().name)
        counts = counting()
        if len(calls) == 1:  # the first count has read; the coding follows before it arrives
            read.set()
            coded.wait(10)
        return counts

    monkeypatch.setattr(documents, "coding_counts", count_then_wait)
    qtbot.waitUntil(read.is_set, timeout=5000)
    document = _code_first_words(qtbot, shown)
    coded.set()
    qtbot.waitUntil(lambda: model.counted, timeout=5000)
    model.flush()
    cells, _groups = _cells(shown)
    assert cells == _fresh(shown)
    assert cells[document] == str(documents.get(document).coding_count)
    assert len(calls) == 2 and threading.main_thread().name not in calls  # counted again, off the GUI thread
