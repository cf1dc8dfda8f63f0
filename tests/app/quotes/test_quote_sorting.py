"""Sorting the Quotes dock (issue 19): every column sorts where the data is (the time and review
columns from the times and marks read per coding, not from every row's quote built), the selection
and the current row stay on their quotes across a sort, and for any filter and sort the rows are
the quote service's own quotes in that order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.quotes import quote_list
from app.quotes.quote_table_model import (
    CODE,
    CODER,
    COMMENT,
    DOCUMENT,
    MEMO,
    REGION,
    RESPONDENT,
    REVIEW,
    ROLE,
    TEXT,
    TIME,
    QuoteTableModel,
)
from app.quotes.quotes_dock import QuotesDock
from app.shell.main_window import MainWindow
from coding import Project
from coding.core.records import Quote
from coding.core.text import fold, natural_key
from coding.quotes.quote_filter import QuoteFilter
from coding.reviews.review_service import STATUSES

WINDOW, KEPT = 4, 12
COLUMNS = (TEXT, CODE, REVIEW, COMMENT, RESPONDENT, REGION, ROLE, DOCUMENT, MEMO, CODER, TIME)


def _listed_dock(qtbot, window: MainWindow) -> QuotesDock:  # type: ignore[no-untyped-def]
    """The dock listing every quote afresh (4 rows built at a time, 12 kept), some of them reviewed."""
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and window.workspace is not None
    qtbot.waitUntil(lambda: model.loaded)
    project = window.workspace.project
    quotes = project.quotes()
    # marks by the reviewer at work (the review columns) and by someone else (not shown)
    for n, quote in enumerate(quotes[:: max(1, len(quotes) // 9)]):
        project.reviews.mark(quote.coding_id, STATUSES[n % len(STATUSES)], f"opmerking {9 - n}")
    project.reviews.mark(quotes[1].coding_id, "agreed", "Zeker", reviewer="anna")
    model.flush()
    model.set_codes(None)
    qtbot.waitUntil(lambda: model.complete)
    return dock


@pytest.fixture(autouse=True)
def _small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quote_list, "WINDOW", WINDOW)
    monkeypatch.setattr(quote_list, "KEPT", KEPT)


def _model(dock: QuotesDock) -> QuoteTableModel:
    assert dock.model is not None
    return dock.model


def _expected_key(project: Project, column: int) -> Callable[[Quote], Any]:
    """What a column sorts by, worked out from the built quotes (independently of the model)."""
    me = project.coder
    rank = {status: n for n, status in enumerate(STATUSES)}
    order = project.codes.tree().order()
    attribute = {RESPONDENT: "respondent", REGION: "region", ROLE: "role"}

    def key(quote: Quote) -> Any:
        mine = quote.review_by(me)
        if column in attribute:
            return natural_key(quote.attributes.get(attribute[column], ""))
        return {
            TEXT: lambda: quote.text.casefold(),
            MEMO: lambda: quote.memo.casefold(),
            CODE: lambda: order.get(quote.code_id, 0),
            DOCUMENT: lambda: (natural_key(quote.document), quote.start),
            CODER: lambda: fold(quote.coder or ""),
            TIME: lambda: (quote.time is None, quote.time or 0.0, quote.document, quote.start),
            REVIEW: lambda: rank.get(mine.status, len(rank)) if mine else len(rank),
            COMMENT: lambda: fold(mine.comment) if mine else "",
        }[column]()

    return key


def _sorted(project: Project, quotes: list[Quote], column: int, descending: bool) -> list[Quote]:
    listed = {q.coding_id: n for n, q in enumerate(project.quotes())}
    key = _expected_key(project, column)
    return sorted(quotes, key=lambda q: (key(q), listed[q.coding_id]), reverse=descending)


def _click_header(qtbot, dock: QuotesDock, column: int) -> None:  # type: ignore[no-untyped-def]
    header = dock.table.horizontalHeader()
    dock.table.scrollTo(_model(dock).index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _click_row(qtbot, dock: QuotesDock, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    table = dock.table
    index = _model(dock).index(row, TEXT)
    table.scrollTo(index)
    QApplication.processEvents()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center())


def test_the_time_and_review_columns_sort_without_building_every_quote(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed_dock(qtbot, window)
    model = _model(dock)
    assert window.workspace is not None
    project = window.workspace.project
    quotes = project.quotes()
    assert len(quotes) > 3 * KEPT
    for column in (TIME, REVIEW, COMMENT):
        for _twice in range(2):
            model._built.clear()
            _click_header(qtbot, dock, column)
            header = dock.table.horizontalHeader()
            assert header.sortIndicatorSection() == column
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            expected = _sorted(project, quotes, column, descending)
            assert len(model._built) <= KEPT  # only the rows painted were built
            assert model.coding_ids() == [q.coding_id for q in expected]
    assert len({q.time for q in quotes}) > 3  # the times differ: the order is not the list's


def test_the_selection_and_the_current_row_stay_on_their_quotes_across_a_sort(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    dock = _listed_dock(qtbot, window)
    model = _model(dock)
    table = dock.table
    _click_row(qtbot, dock, 2)
    _click_row(qtbot, dock, 5, Qt.KeyboardModifier.ControlModifier)
    _click_row(qtbot, dock, 11, Qt.KeyboardModifier.ControlModifier)
    chosen = {q.coding_id for q in dock.selected_quotes()}
    current = model.quote(table.currentIndex().row()).coding_id
    assert len(chosen) == 3 and current in chosen
    for column in (REGION, TIME, REGION, DOCUMENT, COMMENT):
        before = model.coding_ids()
        _click_header(qtbot, dock, column)
        assert model.coding_ids() != before  # the rows moved
        assert {q.coding_id for q in dock.selected_quotes()} == chosen
        assert model.quote(table.currentIndex().row()).coding_id == current
        selected_rows = {i.row() for i in table.selectionModel().selectedRows()}
        assert selected_rows == {model.row_of(i) for i in chosen}
    # and the keyboard carries on from the current quote where it now is
    row = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == min(row + 1, model.rowCount() - 1)
    assert table.selectionModel().isSelected(table.currentIndex())


def test_rows_equal_the_services_quotes_for_any_filter_and_sort(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed_dock(qtbot, window)
    model = _model(dock)
    assert window.workspace is not None
    project = window.workspace.project
    service = project.quote_service
    coders = sorted({q.coder for q in project.quotes() if q.coder})
    filters = st.fixed_dictionaries(
        {},
        optional={
            "where": st.sampled_from([{"region": "Zwolle"}, {"role": "UWV"}, {"region": "nergens"}]),
            "coder": st.sampled_from([*coders, "niemand"]),
            "text": st.sampled_from(["samen", "VERTROUWEN", "de ", "zz"]),
            "review": st.sampled_from([*STATUSES, "unreviewed", "to-answer"]),
        },
    )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(filters, st.sampled_from((-1, *COLUMNS)), st.booleans())
    def check(arguments: dict[str, Any], column: int, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        model.set_filter(QuoteFilter(**arguments))
        model.sort(column, order)
        found = service.query(**arguments)
        expected = found if column < 0 else _sorted(project, found, column, descending)
        assert model.rowCount() == len(expected)
        assert model.coding_ids() == [q.coding_id for q in expected]
        assert model.quotes() == expected

    check()


def test_a_filter_and_sort_set_before_listing_read_nothing_and_apply_once_listed(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    model = QuoteTableModel(window.workspace)
    reads: list[object] = []
    facts = project.quote_service.facts
    monkeypatch.setattr(project.quote_service, "facts", lambda *a, **k: reads.append(a) or facts(*a, **k))
    model.sort(CODE, Qt.SortOrder.DescendingOrder)
    model.set_filter(QuoteFilter(where={"region": "Zwolle"}))
    assert (model.loaded, model.rowCount(), reads) == (False, 0, [])
    model.set_codes(None)
    qtbot.waitUntil(lambda: model.complete)
    expected = _sorted(project, project.quote_service.query(where={"region": "Zwolle"}), CODE, True)
    assert expected and model.coding_ids() == [q.coding_id for q in expected]
