"""The suggestions table sizes its columns to the rows in view and a few more, also while it is not shown (the
Suggestions tab behind another when a listing arrives): 255,136 open suggestions held the window 34 s when
Qt sized three columns over every row of a hidden table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from app.language import suggestion_table
from app.language.suggestion_table import SuggestionTable
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.commands import SuggestionId
from coding.language.suggestions.listing import SuggestionInfo

ROWS = 3_000


def _listing() -> list[SuggestionInfo]:
    return [
        SuggestionInfo(
            SuggestionId(n),
            DocumentId(1 + n % 7),
            f"R{n % 7}",
            CodeId(1),
            "Vertrouwen",
            n,
            n + 9,
            f"passage {n}",
            0.9 - n / ROWS / 2,
            ("terms",),
            "shares words",
            "open",
            datetime(2026, 12, 7),
            None,
        )
        for n in range(ROWS)
    ]


@pytest.mark.parametrize("shown", [False, True])
def test_a_long_listing_asks_only_a_few_rows_for_the_columns_sizes(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, shown: bool
) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Search")
    table = SuggestionTable()
    tabs.addTab(table, "Suggestions")
    tabs.resize(900, 500)
    tabs.show()
    qtbot.waitExposed(tabs)
    if shown:
        tabs.setCurrentWidget(table)
    asked: set[int] = set()
    real = suggestion_table.SuggestionTableModel.data

    def data(self: Any, index: Any, role: int = 0) -> Any:
        asked.add(index.row())
        return real(self, index, role)

    monkeypatch.setattr(suggestion_table.SuggestionTableModel, "data", data)
    assert table.show_items(_listing(), ranked=True)
    qtbot.wait(50)  # laid out and painted
    assert table.suggestions.rowCount() == ROWS and table.current() is not None
    assert len(asked) <= 2 * suggestion_table.SIZED_ROWS  # not every row
