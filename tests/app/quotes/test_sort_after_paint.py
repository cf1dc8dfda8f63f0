"""Opening a project, the Quotes dock reads no quote before the window is painted: the list of every
quote and its sort (the column the user last sorted by, kept between sessions) come right after the
first paint (sorting reads the text or the facts of every quote: ≈ 0.4 s at 200,000). A sort keeps
the selected quotes selected and the current one current, wherever their rows go."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.quotes.quote_table_model import QUOTE_ROLE, REGION, TEXT, QuoteTableModel
from app.quotes.quotes_dock import SORT_KEY, QuotesDock
from app.shell import settings
from app.shell.main_window import MainWindow
from coding.core.records import Quote
from coding.core.text import natural_key
from coding.quotes.quote_service import QuoteService


@pytest.fixture
def log(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the quote service was asked for every quote listed ("facts", "texts"), in order."""
    events: list[str] = []
    for name in ("facts", "texts"):
        real = getattr(QuoteService, name)

        def spy(
            self: QuoteService, *args: Any, _real: Callable[..., Any] = real, _name: str = name, **kw: Any
        ) -> Any:
            events.append(_name)
            return _real(self, *args, **kw)

        monkeypatch.setattr(QuoteService, name, spy)
    return events


class _Paints(QObject):
    """Notes "paint" in the log when the watched widget is painted."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def _model(dock: QuotesDock) -> QuoteTableModel:
    assert dock.model is not None
    return dock.model


def _rows(dock: QuotesDock) -> list[Quote]:
    model = _model(dock)
    return [model.index(row, TEXT).data(QUOTE_ROLE) for row in range(model.rowCount())]


def _click_header(qtbot: Any, dock: QuotesDock, column: int) -> None:
    header = dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _click_row(qtbot: Any, dock: QuotesDock, row: int, modifier: Qt.KeyboardModifier) -> None:
    table = dock.table
    table.scrollTo(_model(dock).index(row, TEXT))
    centre = table.visualRect(_model(dock).index(row, TEXT)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, centre)


def test_the_saved_sort_comes_after_the_first_paint_and_orders_every_quote(
    qtbot: Any, shown: MainWindow, demo_copy: Path, log: list[str]
) -> None:
    settings.save_table_sort(SORT_KEY, TEXT, True)  # last session: sorted by text, descending
    dock = shown.quotes_dock
    paints = _Paints(log)
    dock.table.viewport().installEventFilter(paints)

    assert shown.open_project(demo_copy), shown.last_problem
    assert log == []  # the project is open: not one quote's text or facts read yet
    model = _model(dock)
    qtbot.waitUntil(lambda: model.loaded and "texts" in log, timeout=5000)
    QApplication.processEvents()
    assert (
        "paint" in log and log.index("paint") < log.index("texts") and log.index("paint") < log.index("facts")
    )

    header = dock.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        TEXT,
        Qt.SortOrder.DescendingOrder,
    )
    assert shown.workspace is not None
    every = shown.workspace.project.quotes()
    assert model.rowCount() == len(every) > 20
    texts = [q.text.casefold() for q in _rows(dock)]
    assert texts == sorted(texts, reverse=True) != [q.text.casefold() for q in every]
    assert settings.table_sort(SORT_KEY) == (TEXT, True)  # applying it is not a new choice
    dock.table.viewport().removeEventFilter(paints)


def test_without_a_saved_sort_the_quotes_stay_in_the_lists_order(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    assert shown.open_project(demo_copy), shown.last_problem
    dock = shown.quotes_dock
    model = _model(dock)
    qtbot.waitUntil(lambda: model.loaded, timeout=5000)
    QApplication.processEvents()
    assert dock.table.horizontalHeader().sortIndicatorSection() == -1
    assert shown.workspace is not None
    assert _rows(dock) == shown.workspace.project.quotes()


def test_a_header_click_is_kept_for_the_next_opening(qtbot: Any, shown: MainWindow, demo_copy: Path) -> None:
    assert shown.open_project(demo_copy), shown.last_problem
    dock = shown.quotes_dock
    qtbot.waitUntil(lambda: _model(dock).loaded, timeout=5000)
    QApplication.processEvents()
    _click_header(qtbot, dock, REGION)
    assert settings.table_sort(SORT_KEY) == (REGION, False)
    _click_header(qtbot, dock, REGION)
    assert settings.table_sort(SORT_KEY) == (REGION, True)

    shown.close_project()
    assert shown.open_project(demo_copy), shown.last_problem
    model = _model(dock)
    qtbot.waitUntil(lambda: model.loaded and model.rowCount() > 0, timeout=5000)
    QApplication.processEvents()
    header = dock.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        REGION,
        Qt.SortOrder.DescendingOrder,
    )
    regions = [natural_key(q.attributes.get("region", "")) for q in _rows(dock)]
    assert regions == sorted(regions, reverse=True) and len(set(map(tuple, regions))) > 1


def test_a_sort_keeps_the_selected_quotes_selected_and_the_current_one_current(
    qtbot: Any, window: MainWindow
) -> None:
    dock = window.quotes_dock
    model = _model(dock)
    qtbot.waitUntil(lambda: model.loaded and model.rowCount() > 20, timeout=5000)
    QApplication.processEvents()
    dock.table.setFocus()
    _click_row(qtbot, dock, 1, Qt.KeyboardModifier.NoModifier)
    _click_row(qtbot, dock, 3, Qt.KeyboardModifier.ShiftModifier)  # rows 1-3
    _click_row(qtbot, dock, 7, Qt.KeyboardModifier.ControlModifier)  # and row 7, current
    ids = model.coding_ids()
    chosen = {ids[row] for row in (1, 2, 3, 7)}

    def selected() -> set[object]:
        rows = {index.row() for index in dock.table.selectionModel().selectedRows()}
        return {model.coding_ids()[row] for row in rows}

    assert selected() == chosen
    for column in (TEXT, TEXT, REGION):  # ascending, descending, another column
        _click_header(qtbot, dock, column)
        assert model.coding_ids() != ids  # the rows moved ...
        assert selected() == chosen  # ... and the same quotes are selected
        current = dock.table.currentIndex()
        assert current.isValid() and model.coding_ids()[current.row()] == ids[7]
        assert dock.table.viewport().rect().intersects(dock.table.visualRect(current))  # in view


def test_a_team_server_away_at_the_first_listing_lists_every_quote_when_it_is_back(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing after the first paint meets a server that went away: it is tried again each second
    until the server answers (it used to give up: the list stayed empty until a change re-read it)."""
    from coding.core.errors import ServerUnreachableError

    settings.save_table_sort(SORT_KEY, TEXT, False)
    real = QuoteService.coders
    refused: list[int] = []

    def away_once(self: QuoteService, *args: Any, **kw: Any) -> Any:
        if not refused:
            refused.append(1)
            raise ServerUnreachableError("the team server does not answer")
        return real(self, *args, **kw)

    monkeypatch.setattr(QuoteService, "coders", away_once)  # read on the GUI thread when listing
    assert shown.open_project(demo_copy), shown.last_problem
    dock = shown.quotes_dock
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)
    assert shown.workspace is not None
    every = shown.workspace.project.quotes()
    qtbot.waitUntil(lambda: _model(dock).rowCount() == len(every) > 0, timeout=5000)
    texts = [q.text.casefold() for q in _rows(dock)]
    assert texts == sorted(texts)  # and sorted as saved
