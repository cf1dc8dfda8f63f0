"""The Quotes dock builds the quotes of the rows in view only (issue 19): paging, jumping to the end,
sorting by a header click and typing a filter show exactly what the quote service lists, in its order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.quotes import quote_list
from app.quotes.quote_table_model import QUOTE_ROLE, REGION, TEXT, QuoteTableModel
from app.quotes.quotes_dock import QuotesDock
from app.shell.main_window import MainWindow
from coding.core.records import Quote
from coding.core.text import natural_key
from tests.app.window_helpers import open_document, select_text

WINDOW, KEPT = 4, 12


@pytest.fixture
def dock(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> QuotesDock:  # type: ignore[no-untyped-def]
    """The dock listing every quote afresh, building 4 rows at a time and keeping 12."""
    monkeypatch.setattr(quote_list, "WINDOW", WINDOW)
    monkeypatch.setattr(quote_list, "KEPT", KEPT)
    found = window.quotes_dock
    model = found.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    model.set_codes(None)
    assert not model.complete  # the first rows shown, the rest read in a worker
    qtbot.waitUntil(lambda: model.complete)
    return found


def _model(dock: QuotesDock) -> QuoteTableModel:
    assert dock.model is not None
    return dock.model


def _shown(dock: QuotesDock, row: int) -> Quote:
    quote = _model(dock).index(row, TEXT).data(QUOTE_ROLE)
    assert isinstance(quote, Quote)
    return quote


def _visible_rows(dock: QuotesDock) -> range:
    table = dock.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    return range(first, (last if last >= 0 else _model(dock).rowCount() - 1) + 1)


def _all_rows(dock: QuotesDock) -> list[Quote]:
    return [_shown(dock, row) for row in range(_model(dock).rowCount())]


def _click_header(qtbot, dock: QuotesDock, column: int) -> None:  # type: ignore[no-untyped-def]
    header = dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_paging_and_the_end_show_the_listed_quotes_built_a_window_at_a_time(
    qtbot, window: MainWindow, dock: QuotesDock
) -> None:  # type: ignore[no-untyped-def]
    model = _model(dock)
    assert window.workspace is not None
    expected = window.workspace.project.quotes()
    assert model.rowCount() == len(expected) > 3 * KEPT
    assert 0 < len(model._built) <= KEPT  # the rows painted and those around them, not every row

    table = dock.table
    first = model.index(0, TEXT)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center())
    assert table.currentIndex().row() == 0
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_PageDown)
    QApplication.processEvents()
    row = table.currentIndex().row()
    assert row > 2 * len(_visible_rows(dock)) - 3
    assert _shown(dock, row) == expected[row]
    assert model.index(row, TEXT).data() == " ".join(expected[row].text.split())
    for visible in _visible_rows(dock):
        assert _shown(dock, visible) == expected[visible]

    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert table.currentIndex().row() == len(expected) - 1
    for visible in _visible_rows(dock):
        assert _shown(dock, visible) == expected[visible]
    assert len(model._built) <= KEPT
    assert _all_rows(dock) == expected


def test_a_header_click_sorts_and_a_typed_filter_narrows_as_the_service_lists(
    qtbot, window: MainWindow, dock: QuotesDock
) -> None:  # type: ignore[no-untyped-def]
    model = _model(dock)
    assert window.workspace is not None
    project = window.workspace.project

    def by_region(quotes: list[Quote]) -> list[Quote]:  # ties in the list's order
        return sorted(quotes, key=lambda q: natural_key(q.attributes.get("region", "")))

    _click_header(qtbot, dock, REGION)
    ascending = by_region(project.quotes())
    assert ascending != project.quotes()  # the click changed the order
    for visible in _visible_rows(dock):
        assert _shown(dock, visible) == ascending[visible]
    assert _all_rows(dock) == ascending
    _click_header(qtbot, dock, REGION)
    assert _all_rows(dock) == ascending[::-1]

    qtbot.keyClicks(dock.text, "samen")
    narrowed = by_region(project.quotes(text="samen"))[::-1]
    qtbot.waitUntil(lambda: model.rowCount() == len(narrowed))
    assert 0 < len(narrowed) < len(ascending)
    assert _all_rows(dock) == narrowed
    assert dock.count.text() == f"{len(narrowed)} of {len(ascending)} quote(s)"

    dock.set_attribute_filter("region", "Zwolle")
    zwolle = by_region(project.quotes(text="samen", where={"region": "Zwolle"}))[::-1]
    assert 0 < model.rowCount() == len(zwolle) < len(narrowed)
    assert _all_rows(dock) == zwolle


def test_a_coding_puts_one_row_in_under_a_sort_and_a_filter_as_the_service_lists(
    qtbot, window: MainWindow, dock: QuotesDock
) -> None:  # type: ignore[no-untyped-def]
    """Rows not built yet, a text sort and a filter: the new quote's row goes in its place, nothing
    else moves, and the rows equal the service's listing sorted the same way."""
    model = _model(dock)
    assert window.workspace is not None
    project = window.workspace.project
    _click_header(qtbot, dock, TEXT)
    qtbot.keyClicks(dock.text, "samen")
    qtbot.waitUntil(lambda: 0 < model.rowCount() < len(model._all))
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("inserted"))
    model.rowsRemoved.connect(lambda *_: events.append("removed"))
    model.layoutChanged.connect(lambda *_: events.append("layout"))

    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    select_text(window, "Samen kom je veel verder.")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    model.flush()
    assert events == ["inserted"]
    expected = sorted(project.quotes(text="samen"), key=lambda q: q.text.casefold())
    assert _all_rows(dock) == expected


def test_the_rest_of_the_list_is_asked_again_while_a_team_server_is_away(
    qtbot, window: MainWindow, dock: QuotesDock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The worker reading the whole list finds the server gone twice: the first rows stay, the rest
    are asked for again (no message, no new list) until they arrive."""
    from coding.core.errors import ServerUnreachableError

    model = _model(dock)
    assert window.workspace is not None
    service = window.workspace.project.quote_service
    facts = service.facts
    asked: list[int] = []

    def away_twice(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(1)
        if len(asked) <= 2:
            raise ServerUnreachableError("the server cannot be reached")
        return facts(*args, **kwargs)

    monkeypatch.setattr(quote_list, "RETRY_MS", 50)
    monkeypatch.setattr(service, "facts", away_twice)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_codes(None)
    qtbot.waitUntil(lambda: bool(resets), timeout=5000)  # the first rows, read in a worker
    first = [_shown(dock, row).coding_id for row in range(WINDOW)]
    assert resets == [True] and not model.complete and model.rowCount() > WINDOW
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert len(asked) == 3 and resets == [True]
    expected = [q.coding_id for q in window.workspace.project.quotes()]
    assert model.coding_ids() == expected and expected[:WINDOW] == first


def test_a_first_text_filter_over_a_long_list_reads_the_texts_in_a_worker(
    qtbot, window: MainWindow, dock: QuotesDock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Typing a first text filter over a long list (here any list): the texts and memos are read once,
    in a worker, and the filter typed meanwhile applies when they arrive; typing on filters at once."""
    import threading

    monkeypatch.setattr(quote_list, "TEXTS_IN_WORKER", 0)
    model = _model(dock)
    assert window.workspace is not None
    project = window.workspace.project
    service = project.quote_service
    texts = service.texts
    on_gui_thread: list[bool] = []

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return texts(*args, **kwargs)

    monkeypatch.setattr(service, "texts", recorded)
    everything = model.rowCount()
    qtbot.keyClicks(dock.text, "samen")
    expected = [q.coding_id for q in project.quotes(text="samen")]
    assert 0 < len(expected) < everything
    qtbot.waitUntil(lambda: model.rowCount() == len(expected))
    assert on_gui_thread == [False]
    assert model.coding_ids() == expected
    assert dock.count.text() == f"{len(expected)} of {everything} quote(s)"
    qtbot.keyClicks(dock.text, "w")
    narrowed = [q.coding_id for q in project.quotes(text="samenw")]
    assert 0 < len(narrowed) < len(expected)
    assert model.coding_ids() == narrowed and on_gui_thread == [False]


def test_the_first_rows_and_the_count_are_read_in_a_worker_not_on_the_gui_thread(
    qtbot, window: MainWindow, dock: QuotesDock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Listing every quote reads its first rows and the count in a worker (a huge project blocked the
    window for 0.2-0.4 s): the rows shown stay until they arrive, then the first rows, with their
    quotes built already, and the right count are shown, and the rest follows."""
    import threading

    model = _model(dock)
    assert window.workspace is not None
    service = window.workspace.project.quote_service
    read_on: list[bool] = []  # per read: on the GUI thread
    for name in ("first", "count", "coders"):
        original = getattr(service, name)

        def spy(*args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            read_on.append(threading.current_thread() is threading.main_thread())
            return _original(*args, **kwargs)

        monkeypatch.setattr(service, name, spy)
    model.set_codes(None)
    assert read_on == [] and not model.complete  # nothing read yet on the GUI thread
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    qtbot.waitUntil(lambda: bool(resets), timeout=5000)
    assert read_on and not any(read_on)
    every = [q.coding_id for q in window.workspace.project.quotes()]
    assert model.rowCount() == len(every) > WINDOW
    assert all(model.built(i) is not None for i in every[:WINDOW])  # built in the worker too
    assert [_shown(dock, row).coding_id for row in range(WINDOW)] == every[:WINDOW]
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert model.coding_ids() == every and not any(read_on)
