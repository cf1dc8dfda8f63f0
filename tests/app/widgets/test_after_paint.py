"""Work that waits for a widget's first paint (``after_first_paint``: the saved queries, the guide's marks, the
first counts) runs right after it; when the time allowed is up before the window's first paint (a loaded
machine: opening the project took longer), it still waits for that paint, so the window shows first; a window
that does not show does not hold it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from app.widgets.after_paint import after_first_paint


class _Paints(QObject):
    """Writes "paint" in ``log`` at each paint of the widgets it watches."""

    def __init__(self, log: list[str], *widgets: QWidget) -> None:
        super().__init__()
        self.log = log
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def _window(qtbot: QtBot) -> tuple[QMainWindow, QLabel]:
    window = QMainWindow()
    label = QLabel("Opgeslagen zoekvragen")
    window.setCentralWidget(label)
    qtbot.addWidget(window)
    return window, label


def test_the_work_runs_right_after_the_widget_is_painted(qtbot: QtBot) -> None:
    window, label = _window(qtbot)
    log: list[str] = []
    _paints = _Paints(log, label)
    after_first_paint(label, lambda: log.append("ran"), at_most_ms=60_000)
    window.show()
    qtbot.waitUntil(lambda: "ran" in log, timeout=5000)
    assert log[0] == "paint" and log.count("ran") == 1


def test_a_window_painted_after_the_time_is_up_is_still_waited_for(qtbot: QtBot) -> None:
    """The time allowed passes while the window is not shown yet (as ``main.gui`` opens the project before it
    shows the window): the work ran at the window's first event, ahead of its first paint."""
    window, label = _window(qtbot)
    log: list[str] = []
    _paints = _Paints(log, label)
    after_first_paint(label, lambda: log.append("ran"), at_most_ms=0)
    window.show()  # the time is up before anything of it was painted
    qtbot.waitUntil(lambda: "ran" in log, timeout=5000)
    assert log[0] == "paint" and log.count("ran") == 1


def test_a_widget_hidden_in_a_window_that_shows_has_it_run_after_a_paint_of_the_window(qtbot: QtBot) -> None:
    window, label = _window(qtbot)
    hidden = QLabel("verborgen", label)
    hidden.hide()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the window was painted
    log: list[str] = []
    _paints = _Paints(log, label)
    after_first_paint(hidden, lambda: log.append("ran"), at_most_ms=10)
    qtbot.waitUntil(lambda: "ran" in log, timeout=5000)
    assert log[0] == "paint"  # asked for, so that the hidden widget's work does not wait for ever


def test_a_window_that_does_not_show_does_not_hold_it(qtbot: QtBot) -> None:
    _hidden_window, label = _window(qtbot)
    log: list[str] = []
    after_first_paint(label, lambda: log.append("ran"), at_most_ms=10)
    qtbot.waitUntil(lambda: "ran" in log, timeout=5000)
    assert log == ["ran"]


def test_nothing_runs_when_the_widget_goes_first(qtbot: QtBot) -> None:
    window, label = _window(qtbot)
    log: list[str] = []
    after_first_paint(label, lambda: log.append("ran"), at_most_ms=10)
    label.deleteLater()
    window.show()
    qtbot.wait(200)
    assert log == []
