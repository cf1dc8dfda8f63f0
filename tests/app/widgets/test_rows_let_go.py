"""A flat table's long list of rows, replaced by a new listing, is freed in a worker a step at a time, not on the
GUI thread (the 255,136 suggestions of a Find for all codes held the window 0.18 s); a short one as before."""

from __future__ import annotations

import threading

import pytest

from app.widgets import record_table_model
from app.widgets.record_table_model import Column, RecordTableModel

freed: list[bool] = []  # per record freed: whether on the GUI thread


class Row:
    def __init__(self, number: int) -> None:
        self.number = number

    def __del__(self) -> None:
        freed.append(threading.current_thread() is threading.main_thread())


class RowModel(RecordTableModel[Row]):
    COLUMNS = (Column("Number", lambda r: r.number),)


@pytest.fixture(autouse=True)
def few(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_table_model, "LET_GO_IN_WORKER_OVER", 40)
    freed.clear()


def test_a_long_list_replaced_is_freed_in_a_worker(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RowModel()
    model.set_records(Row(n) for n in range(100))
    assert model.rowCount() == 100 and freed == []
    model.set_records([Row(7)])
    assert model.rowCount() == 1 and model.index(0, 0).data() == 7  # the new rows at once
    qtbot.waitUntil(lambda: len(freed) == 100)
    assert not any(freed)  # none of them on the GUI thread


def test_a_short_list_is_freed_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RowModel()
    model.set_records(Row(n) for n in range(40))
    model.set_records([])
    assert freed == [True] * 40 and model.rowCount() == 0
