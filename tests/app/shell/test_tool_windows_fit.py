"""The windows beside the workbench (intercoder agreement, analysis, interview guide, search and
suggestions) open inside the screen — on a laptop's 1366×768 their bottom rows and status line were
below its edge — and close with Esc from the table that has the focus, as Compare regions does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

from app.shell.main_window import MainWindow

Shortcut = tuple[Qt.Key, Qt.KeyboardModifier]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _agreement(window: MainWindow) -> QWidget | None:
    return window.agreement_window


def _analysis(window: MainWindow) -> QWidget | None:
    return window.analysis_window


def _search(window: MainWindow) -> QWidget | None:
    return window.language_window


def _guide(window: MainWindow) -> QWidget | None:
    return window.findChild(QMainWindow, "guideWindow")


WINDOWS: dict[str, tuple[Shortcut, Callable[[MainWindow], QWidget | None]]] = {
    "agreement": ((Qt.Key.Key_A, CTRL_SHIFT), _agreement),
    "search": ((Qt.Key.Key_F, CTRL_SHIFT), _search),
    "guide": ((Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier), _guide),
}


def _inside(widget: QWidget) -> bool:
    area: QRect = widget.screen().availableGeometry()
    return area.contains(widget.frameGeometry())


def _open(qtbot, window: MainWindow, name: str) -> QWidget:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.documents_dock.tree.setFocus()
    if name == "analysis":  # Analysis → Co-occurrence… has no shortcut: the menu's action
        action = next(a for a in window.menuBar().actions() if a.menu() and "nalys" in a.text())
        analysis_menu = action.menu()
        analysis_menu.actions()[0].trigger()
        find = _analysis
    else:
        (key, modifiers), find = WINDOWS[name]
        qtbot.keyClick(window.documents_dock.tree, key, modifiers)
    qtbot.waitUntil(lambda: find(window) is not None and find(window).isVisible())
    tool = find(window)
    assert tool is not None
    qtbot.waitExposed(tool)
    return tool


#: A 1366×768 laptop screen less a task bar, in place of the offscreen screen (800×800, where the
#: windows' minimum widths would not fit anyway).
LAPTOP = QRect(0, 0, 1366, 728)


@pytest.mark.parametrize("name", ["agreement", "analysis", "guide", "search"])
def test_a_tool_window_fits_the_screen_and_closes_with_escape(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    tool = _open(qtbot, window, name)
    QApplication.processEvents()
    assert _inside(tool), tool.frameGeometry()

    table = next(t for t in tool.findChildren(QTableView) if t.isVisible())
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tool.isVisible())


#: The same laptop at Windows' default scale of 125 %: 1093×614 device-independent pixels, less a task bar.
LAPTOP_125 = QRect(0, 0, 1093, 584)


@pytest.mark.parametrize("name", ["agreement", "analysis", "guide", "search"])
def test_a_tool_window_fits_a_laptop_screen_at_125_percent(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Analysis window could not be narrower than 1186 px: the Documents choice of Co-occurrence
    was as wide as its longest entry ("organisation = Secretariaat Werkbedrijf Midden-Gelderland")."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_125))
    tool = _open(qtbot, window, name)
    QApplication.processEvents()
    assert tool.minimumSizeHint().width() <= LAPTOP_125.width() - 16
    assert _inside(tool), tool.frameGeometry()
