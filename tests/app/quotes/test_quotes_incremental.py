"""The Quotes dock after a coding re-reads only the quotes around the coded span (issue 19): what it
lists must still be exactly what a fresh listing of the project gives, in the same order."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.quotes.quote_table_model import DOCUMENT, MEMO, TEXT, QuoteTableModel
from app.shell.main_window import MainWindow
from coding.core.records import Quote
from tests.app.window_helpers import code_interviewer_turns_everywhere, codings_at, open_document, select_text

PASSAGE = "Samen kom je veel verder."


def _listed(window: MainWindow) -> list[tuple[int, int, int, int]]:
    model = window.quotes_dock.model
    assert model is not None
    model.flush()
    return [(q.coding_id, q.code_id, q.start, q.end) for q in model.quotes()]


def _fresh(window: MainWindow) -> list[tuple[int, int, int, int]]:
    assert window.workspace is not None
    return [(q.coding_id, q.code_id, q.start, q.end) for q in window.workspace.project.quotes()]


def test_coding_and_undo_keep_the_quote_list_exactly_as_a_fresh_listing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.quotes_dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    before = _listed(window)
    assert before == _fresh(window) and before
    window.window_actions.click_to_code.setChecked(True)
    window.workspace.favourites.set(["Stabiliteit", "Urgentiebesef"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    after_one = _listed(window)
    assert after_one == _fresh(window)
    assert len(after_one) == len(before) + 1
    # a second code on the same passage: the quote already there is re-read, not listed twice
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert codings_at(window, start, end) == ["Stabiliteit", "Urgentiebesef"]
    after_two = _listed(window)
    assert after_two == _fresh(window) and len(after_two) == len(before) + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert _listed(window) == after_one
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _listed(window) == before


def _click_header(qtbot, window: MainWindow, column: int) -> None:  # type: ignore[no-untyped-def]
    header = window.quotes_dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_rows_are_put_in_and_taken_out_in_place_under_a_sort_and_a_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Sorted by document (descending) and filtered by a word: a coding and its undo insert and
    remove one row each, no reset, and the rows equal a fresh listing with the same sort and filter."""
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    for _ in range(2):  # ascending, then descending
        _click_header(qtbot, window, DOCUMENT)
    assert model._sort is not None and model._sort[1] == Qt.SortOrder.DescendingOrder
    qtbot.keyClicks(dock.text, "samen")
    qtbot.waitUntil(lambda: 0 < model.rowCount() < len(model._all))
    assert all("samen" in (q.text + q.memo).lower() for q in model.quotes())
    shown_before = _listed(window)
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.rowsInserted.connect(lambda *_: resets.append("inserted"))
    model.rowsRemoved.connect(lambda *_: resets.append("removed"))

    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    shown = _listed(window)
    assert resets == ["inserted"]
    assert len(shown) == len(shown_before) + 1
    model.set_codes(None)  # a fresh listing, same sort and filter
    assert _listed(window) == shown
    resets.clear()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _listed(window) == shown_before
    assert resets == ["removed"]
    model.set_codes(None)
    assert _listed(window) == shown_before


def _rows(model: QuoteTableModel) -> list[Quote]:
    model.flush()
    return model.quotes()


def test_coding_undo_and_redo_re_read_the_named_codings_only_under_a_sort_and_a_filter(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """Sorted by memo (descending) and filtered by a word, with a row current: coding twice by number keys, a
    memo written elsewhere, undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) each leave the rows equal,
    quote for quote, to a fresh listing with the same sort and filter; no place is re-read (only
    the codings each change names, by id); the current row stays on its quote."""
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and window.workspace is not None
    project = window.workspace.project
    model.set_codes(None)
    for _ in range(2):  # ascending, then descending
        _click_header(qtbot, window, MEMO)
    qtbot.keyClicks(dock.text, "samen")
    qtbot.waitUntil(lambda: 0 < model.rowCount() < len(model._all))
    table = dock.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, TEXT)).center()
    )
    current = model.quote(table.currentIndex().row()).coding_id

    fresh_model = QuoteTableModel(window.workspace)
    window.workspace.changed.disconnect(fresh_model.on_change)  # listed afresh each time
    fresh_model.set_filter(model.rule)
    fresh_model.sort(MEMO, Qt.SortOrder.DescendingOrder)

    def fresh() -> list[Quote]:
        fresh_model.set_codes(None)
        return fresh_model.quotes()

    within: list[object] = []
    named: list[object] = []
    service = project.quote_service
    query, quotes_of = service.query, service.quotes_of
    monkeypatch.setattr(service, "query", lambda *a, **k: within.append(k.get("within")) or query(*a, **k))
    monkeypatch.setattr(
        service, "quotes_of", lambda ids, *a, **k: named.append(set(ids)) or quotes_of(ids, *a, **k)
    )

    window.workspace.favourites.set(["Stabiliteit", "Urgentiebesef"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    before = _rows(model)
    assert before == fresh()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    one = _rows(model)
    assert len(one) == len(before) + 1 and one == fresh()
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    two = _rows(model)
    assert len(two) == len(before) + 2 and two == fresh()
    added = [q for q in two if (q.start, q.end) == (start, end)]
    assert len(added) == 2
    project.codings.set_memo(added[0].coding_id, "zzz eerst")  # sorted by memo, descending: to the top
    memo = _rows(model)
    assert memo == fresh() and memo[0].coding_id == added[0].coding_id
    for keys, expected in (
        ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier), two),
        ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier), one),
        ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier), before),
        ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier), one),
        ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier), two),
        ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier), memo),
    ):
        qtbot.keyClick(window.view, keys[0], keys[1])
        QApplication.processEvents()
        assert _rows(model) == expected == fresh()
        assert model.quote(table.currentIndex().row()).coding_id == current
    assert within == [] or all(w is None for w in within), "no place was re-read"
    assert len(named) == 9 and all(len(ids) == 1 for ids in named)
    assert model._sort == (MEMO, Qt.SortOrder.DescendingOrder) and model.rule.text == "samen"


def test_a_bulk_coding_reads_the_list_again_instead_of_each_changed_quote(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """Coding every turn of the interviewer (200,000 codings at ten times the corpus) and its undo and
    redo: more changed quotes than ``READ_AGAIN_OVER`` and the list is read again as on opening (the
    rest in a worker thread), not the changed quotes by id or by place on the GUI thread."""
    from app.quotes import quote_table_model
    from app.widgets.long_operation import running_operations
    from coding.quotes.quote_service import QuoteService

    model = window.quotes_dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    qtbot.waitUntil(lambda: model.loaded and not running_operations())
    monkeypatch.setattr(quote_table_model, "READ_AGAIN_OVER", 5)
    asked: list[int] = []
    quotes_of, query = QuoteService.quotes_of, QuoteService.query

    def counted_quotes_of(self, ids, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return quotes_of(self, ids, *args, **kwargs)

    def counted_query(self, *args, within=None, **kwargs):  # type: ignore[no-untyped-def]
        if within is not None:
            asked.append(len(within))
        return query(self, *args, within=within, **kwargs)

    monkeypatch.setattr(QuoteService, "quotes_of", counted_quotes_of)
    monkeypatch.setattr(QuoteService, "query", counted_query)
    before = _listed(window)
    code_interviewer_turns_everywhere(qtbot, window, "Stabiliteit")
    for step in (None, "undo", "redo"):
        if step is not None:
            getattr(window.window_actions, step).trigger()
        qtbot.waitUntil(lambda: not running_operations() and model.loaded, timeout=30_000)
        qtbot.waitUntil(lambda: _listed(window) == _fresh(window), timeout=30_000)
    assert len(_listed(window)) > len(before) + 5
    assert all(count <= 5 for count in asked), asked


def test_a_change_anywhere_in_many_documents_reads_the_list_again(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A change somewhere in a document (no places, no codings named: a review mark) counts as
    ``READ_WHOLE`` places: over ``READ_AGAIN_OVER`` the list is read again as on opening, not every
    quote of those documents on the GUI thread (accepting 15,000 suggestions in 2,000 documents
    read their 215,000 quotes there at ten times the corpus)."""
    from app.quotes import quote_table_model
    from app.widgets.long_operation import running_operations
    from coding.quotes.quote_service import QuoteService

    model = window.quotes_dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    qtbot.waitUntil(lambda: model.loaded and not running_operations())
    monkeypatch.setattr(quote_table_model, "READ_AGAIN_OVER", quote_table_model.READ_WHOLE - 1)
    by_document: list[object] = []
    query = QuoteService.query

    def counted_query(self, codes=None, *args, documents=None, **kwargs):  # type: ignore[no-untyped-def]
        if documents is not None:
            by_document.append(documents)
        return query(self, codes, *args, documents=documents, **kwargs)

    monkeypatch.setattr(QuoteService, "query", counted_query)
    project = window.workspace.project
    quote = project.quotes()[0]
    project.reviews.mark(quote.coding_id, "agreed")
    qtbot.waitUntil(lambda: not running_operations() and model.loaded, timeout=30_000)
    qtbot.waitUntil(lambda: _listed(window) == _fresh(window), timeout=30_000)
    assert by_document == []
