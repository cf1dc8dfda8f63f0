"""The Documents filter, typed key by key: what it keeps (a group by its value, a document by its name or
attributes, accents folded), the groups left open, and no whole-tree expansion per keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.shell.main_window import MainWindow


def _shown(window: MainWindow) -> dict[str, list[str]]:
    """Each top-level row with the names under it, as the tree shows them (an unopened group: none)."""
    dock = window.documents_dock
    out: dict[str, list[str]] = {}
    for row in range(dock.proxy.rowCount()):
        group = dock.proxy.index(row, 0)
        names = [dock.proxy.index(r, 0, group).data() for r in range(dock.proxy.rowCount(group))]
        out[group.data()] = names if dock.tree.isExpanded(group) else []
    return out


def test_typing_keeps_the_matching_documents_under_open_groups(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dock = window.documents_dock
    expanded_all: list[int] = []
    monkeypatch.setattr(dock.tree, "expandAll", lambda: expanded_all.append(1))
    dock.filter.setFocus()
    qtbot.keyClicks(dock.filter, "wethouder")  # a document's name
    assert _shown(window) == {"Zwolle  (2)": ["R8_wethouder_zwolle"]}

    for _ in "wethouder":
        QTest.keyClick(dock.filter, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dock.filter, "zwol")  # the group's value keeps all of its documents
    assert _shown(window) == {"Zwolle  (2)": ["R8_wethouder_zwolle", "R12_uwv_zwolle"]}

    for _ in "zwol":
        QTest.keyClick(dock.filter, Qt.Key.Key_Backspace)
    shown = _shown(window)  # every group back, and open: the ones filtered out came back closed before
    assert len(shown) == 3 and all(len(names) == 2 for names in shown.values()), shown
    assert expanded_all == []  # it opened every row of 2,000 documents on each keystroke


def test_an_attribute_matches_without_grouping(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.documents_dock
    dock.select_group_by(None)
    qtbot.keyClicks(dock.filter, "UWV")  # the role, in another case
    names = [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]
    assert "R12_uwv_zwolle" in names and "R8_wethouder_zwolle" not in names
