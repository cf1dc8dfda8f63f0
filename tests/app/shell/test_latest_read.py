"""A view's newest read wins (``app.shell.latest_read``), with real worker threads: an older read that
finishes after a newer one is dropped, a view closed before its result arrives takes nothing in, and
the newest read's error is reported the one way (an older read's is not)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from coding import Project
from coding.core.errors import InvalidInputError

WAIT_S = 30


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QMainWindow]:
    """A view deleted when it closes (as the tool windows are)."""
    widget = QMainWindow()
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.show()
    yield widget
    if shiboken6.isValid(widget):
        widget.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))


@pytest.fixture(params=["workspace", "own"])
def reader(request: pytest.FixtureRequest, window: QMainWindow) -> Iterator[LatestRead]:
    """The window's read, through the workspace's ``read_in_worker`` or as an operation of its own."""
    workspace = None
    if request.param == "workspace":
        project: Project = request.getfixturevalue("project")
        workspace = Workspace(project)
    read = LatestRead(window, workspace, title="Counting", shown_in=window)
    yield read
    read.shutdown()
    if workspace is not None:
        workspace.close()


def _held(gate: threading.Event, value: object) -> Callable[[], object]:
    """Work that waits in its worker thread until ``gate`` opens (a slow read)."""

    def work() -> object:
        assert gate.wait(WAIT_S)
        return value

    return work


def _ended(qtbot: QtBot, operation: long_operation.LongOperation | None) -> None:
    """Wait until ``operation``'s worker is done and what it said reached the GUI thread."""
    assert operation is not None
    assert operation.wait(WAIT_S * 1000)
    qtbot.waitUntil(lambda: not operation.running)


def test_an_older_slow_read_finishing_after_a_newer_fast_one_is_dropped(
    qtbot: QtBot, reader: LatestRead
) -> None:
    shown: list[object] = []
    gate = threading.Event()
    reader.start(_held(gate, "old"), shown.append)
    older = reader.operation
    assert reader.busy and older is not None
    reader.start(lambda: "new", shown.append)
    newer = reader.operation
    assert newer is not older and older.cancelled  # asked to stop: its result will not be shown
    qtbot.waitUntil(lambda: shown == ["new"])
    assert reader.operation is None and not reader.busy  # shown: nothing under way
    gate.set()  # the older read ends only now, after the newer one was shown
    _ended(qtbot, older)
    qtbot.wait(50)
    assert shown == ["new"]
    assert reader.operation is None


def test_a_read_dropped_without_a_newer_one_is_not_shown(qtbot: QtBot, reader: LatestRead) -> None:
    shown: list[object] = []
    gate = threading.Event()
    reader.start(_held(gate, "listed"), shown.append)
    under_way = reader.operation
    reader.drop()  # rows at hand replace what it reads
    assert reader.operation is None and not reader.busy
    gate.set()
    _ended(qtbot, under_way)
    qtbot.wait(50)
    assert shown == []


def test_a_view_closed_before_its_result_arrives_takes_nothing_in(
    qtbot: QtBot, window: QMainWindow, reader: LatestRead
) -> None:
    shown: list[object] = []
    gate = threading.Event()
    reader.start(_held(gate, "rows"), lambda rows: shown.append(window.windowTitle()))
    under_way = reader.operation
    window.close()  # deleted on close
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    gate.set()
    _ended(qtbot, under_way)
    qtbot.wait(50)
    assert shown == []  # arrived was not called on a deleted window (it would raise)


def test_a_deferred_read_does_not_start_once_a_newer_one_did(qtbot: QtBot, reader: LatestRead) -> None:
    shown: list[object] = []
    reader.after(0, lambda: reader.start(lambda: "deferred", shown.append))
    reader.start(lambda: "now", shown.append)
    qtbot.waitUntil(lambda: shown == ["now"])
    qtbot.wait(50)
    assert shown == ["now"]
    reader.after(0, lambda: reader.start(lambda: "later", shown.append))
    qtbot.waitUntil(lambda: shown == ["now", "later"])


def _boxes(window: QMainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_newest_reads_refusal_is_reported_by_its_line_and_a_box(
    qtbot: QtBot, window: QMainWindow, reader: LatestRead
) -> None:
    def refused() -> object:
        raise InvalidInputError("the codebook is being replaced")

    shown: list[object] = []
    reader.start(refused, shown.append)
    failed = reader.operation
    qtbot.waitUntil(lambda: operations.last_problem(window) != "")
    assert window.statusBar().currentMessage() == "⚠ the codebook is being replaced"
    (box,) = _boxes(window)  # a long action: the user may not be watching the line
    assert box.text() == "the codebook is being replaced" and box.windowTitle() == "Counting refused"
    assert shown == []
    assert reader.operation is failed and not reader.busy  # not shown: the view keeps what it showed


def test_an_overtaken_reads_error_is_not_reported(
    qtbot: QtBot, window: QMainWindow, reader: LatestRead
) -> None:
    gate = threading.Event()

    def broken() -> object:
        assert gate.wait(WAIT_S)
        raise ZeroDivisionError("division by zero")

    shown: list[object] = []
    reader.start(broken, shown.append)
    older = reader.operation
    reader.start(lambda: "new", shown.append)
    qtbot.waitUntil(lambda: shown == ["new"])
    gate.set()
    _ended(qtbot, older)  # a bug reported would reach sys.excepthook: pytest-qt fails the test
    qtbot.wait(50)
    assert operations.last_problem(window) == "" and _boxes(window) == []


def test_the_newest_reads_bug_shows_its_details_and_is_not_hidden(
    qtbot: QtBot, window: QMainWindow, reader: LatestRead
) -> None:
    def broken() -> object:
        raise ZeroDivisionError("division by zero")

    with qtbot.capture_exceptions() as raised:
        reader.start(broken, print)
        qtbot.waitUntil(lambda: bool(_boxes(window)))
    assert [type(error) for _kind, error, _tb in raised] == [ZeroDivisionError]
    (box,) = _boxes(window)
    assert box.icon() == QMessageBox.Icon.Critical and "division by zero" in box.text()
    assert "Counting failed" in operations.last_problem(window)
