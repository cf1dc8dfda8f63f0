"""Coding a stretch selected with the mouse refreshes only what the coding touched (issue 19): the
transcript re-reads the passages there and splices them into the index it has, the stripes of other
paragraphs stay as they were laid out, the Quotes dock lists the new quote without a reset, and the
Codebook measures none of its cells again. Every refresh still equals a fresh reading."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.codebook.code_tree_model import NAME, CodeTreeModel
from app.shell.main_window import MainWindow
from coding.passages.stripe_layout import layout_stripes, line_starts
from tests.app.window_helpers import code_id, codings_at, drag, open_document

PASSAGE = "Samen kom je veel verder."


def _point(window: MainWindow, offset: int) -> QPointF:
    """Where the character boundary ``offset`` (code points) is drawn in the view's viewport."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    return QPointF(view.cursorRect(cursor).center())


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(column, role) of every size hint the Codebook's cells are asked for (set before the window
    is made: Qt looks up a model's Python ``data`` once per model)."""
    asked: list[tuple[int, int]] = []
    data = CodeTreeModel.data

    def recording(self: CodeTreeModel, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.SizeHintRole:
            asked.append((index.column(), role))
        return data(self, index, role)

    monkeypatch.setattr(CodeTreeModel, "data", recording)
    return asked


def test_a_coding_refreshes_only_what_it_touched(  # type: ignore[no-untyped-def]
    measured: list[tuple[int, int]], qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    workspace.favourites.set(["Stabiliteit"])
    quotes = window.quotes_dock.model
    assert quotes is not None
    quotes.set_codes(None)
    qtbot.waitUntil(lambda: quotes.complete)  # the list, read in workers
    open_document(window, "R12_uwv_zwolle")
    view = window.view
    view.stripes.around(0, len(view.text))  # every stripe laid out, as after scrolling through
    laid = {p.id: view.stripes.of(p.id) for p in view.index}
    index = view.index
    resets: list[str] = []
    quotes.modelReset.connect(lambda: resets.append("quotes"))
    reads: list[tuple[Any, ...]] = []
    real = project.codings.passages

    def passages(document, start=None, end=None, **options):  # type: ignore[no-untyped-def]
        reads.append((start, end, options.get("starting_from")))
        return real(document, start, end, **options)

    monkeypatch.setattr(project.codings, "passages", passages)
    codebook = window.codebook_dock.model
    assert codebook is not None
    codebook.load_totals()
    QApplication.processEvents()
    measured.clear()

    start = view.text.index(PASSAGE)
    end = start + len(PASSAGE)
    view.setFocus()
    drag(view.viewport(), _point(window, start), _point(window, end))
    assert view.selection_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    for _ in range(3):  # the docks take the change after the event, then paint and lay out
        QApplication.processEvents()

    # the transcript: that place re-read (from the passages shown there on), spliced in place
    assert [(s, e) for s, e, _from in reads] == [(start, end)]
    assert all(first is not None and first <= start for _s, _e, first in reads)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert view.index is index
    fresh = project.codings.passages(view.document_id, text=view.text)
    assert list(view.index) == fresh
    # the stripes of passages away from the coding are the ones laid out before it, unchanged
    coded = next(p for p in view.index if (p.start, p.end) == (start, end))
    kept = [p for p in fresh if p.id in laid and view.stripes.of(p.id) is laid[p.id]]
    assert kept and len(kept) >= len(fresh) // 2
    assert all(p.end <= start or p.start >= end for p in kept)
    whole = layout_stripes(view.index, line_starts(view.text), view.code_tree().order())
    assert {s for p in view.index for s in view.stripes.of(p.id)} == set(whole.stripes)
    assert view.stripes.of(coded.id)

    # the Quotes dock: the new quote listed, in place, no reset
    assert not resets
    assert [q.coding_id for q in quotes.quotes()] == [q.coding_id for q in project.quotes()]
    assert coded.codings[0].coding_id in quotes.coding_ids()

    # the Codebook: its count cells announced, none measured again (a column sized to contents
    # would ask every row shown for its size after each coding)
    assert (
        codebook.total(code_id(window, "Stabiliteit"))
        == project.codes.passage_counts()[code_id(window, "Stabiliteit")]
    )
    assert [c for c in measured if c[0] != NAME] == []
