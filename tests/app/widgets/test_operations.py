"""The one way the window acts (``app.widgets.operations``), driven with real clicks: a refusal shows
its one line and changes nothing; a long action works off the GUI thread with progress and Cancel and
hands its result to the GUI thread; an unforeseen error shows its details; changes name their
initiator."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.widgets import operations
from app.widgets.long_operation import LongOperation, Progress
from coding import Change, Project
from coding.core.errors import FileImportError, InvalidInputError


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QMainWindow]:
    widget = QMainWindow()
    widget.setCentralWidget(QPushButton("Act", widget))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    # every box a test opened was read and closed by its OK button: none is left open for the next test
    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert left == [], [box.text() for box in left]


def _button(window: QMainWindow) -> QPushButton:
    button = window.centralWidget()
    assert isinstance(button, QPushButton)
    return button


def _boxes(window: QMainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def _close(qtbot: QtBot, box: QMessageBox) -> None:
    """Click the box's OK, as the user does: it closes (and, deleted on close, goes)."""
    ok = box.button(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def test_a_refused_quick_action_shows_its_line_and_changes_nothing(
    qtbot: QtBot, window: QMainWindow, project: Project
) -> None:
    codes_before = [c.name for c in project.codes.tree()]
    results: list[object] = []
    _button(window).clicked.connect(
        lambda: results.append(
            operations.attempt(
                window, lambda: project.codes.create("Vertrouwen"), failure=lambda e: results.append(e)
            )
        )
    )
    qtbot.mouseClick(_button(window), Qt.MouseButton.LeftButton)
    assert isinstance(results[0], InvalidInputError) and results[1] is None
    assert window.statusBar().currentMessage() == f"⚠ {results[0]}"
    assert operations.last_problem(window) == str(results[0])
    assert _boxes(window) == []  # a quick action on what is on screen: no box
    assert [c.name for c in project.codes.tree()] == codes_before


def test_a_refusal_on_a_file_also_shows_a_box(qtbot: QtBot, window: QMainWindow) -> None:
    def refused() -> None:
        raise InvalidInputError("uit.xlsx: the folder is read-only")

    _button(window).clicked.connect(lambda: operations.perform(window, refused, notice=True))
    qtbot.mouseClick(_button(window), Qt.MouseButton.LeftButton)
    (box,) = _boxes(window)
    assert box.text() == "uit.xlsx: the folder is read-only"
    assert box.icon() == QMessageBox.Icon.Warning
    assert window.statusBar().currentMessage() == "⚠ uit.xlsx: the folder is read-only"
    _close(qtbot, box)


def test_anything_else_shows_the_details_and_is_not_hidden(qtbot: QtBot, window: QMainWindow) -> None:
    def broken() -> None:
        raise ZeroDivisionError("division by zero")

    with qtbot.capture_exceptions() as raised:  # it reaches sys.excepthook too: a bug fails a test
        _button(window).clicked.connect(lambda: operations.perform(window, broken, title="Counting"))
        qtbot.mouseClick(_button(window), Qt.MouseButton.LeftButton)
    assert [type(error) for _kind, error, _tb in raised] == [ZeroDivisionError]
    (box,) = _boxes(window)
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == "Counting failed: division by zero"
    assert "ZeroDivisionError" in box.detailedText() and "broken" in box.detailedText()
    _close(qtbot, box)


def test_a_long_action_works_off_the_gui_thread_and_can_be_cancelled(
    qtbot: QtBot, window: QMainWindow
) -> None:
    worker: list[threading.Thread] = []
    results: list[tuple[object, threading.Thread]] = []

    def work(progress: Progress) -> int:
        worker.append(threading.current_thread())
        step = 0
        while progress(step, 2000, f"step {step}"):
            step += 1
            time.sleep(0.005)
            if step == 2000:
                break
        return step

    operation = LongOperation(
        window,
        work,
        title="Counting",
        cancellable=True,
        success=lambda value: results.append((value, threading.current_thread())),
    )
    seen: list[int] = []
    operation.progressed.connect(lambda done, _total, _text: seen.append(done))
    _button(window).clicked.connect(operation.start)
    qtbot.mouseClick(_button(window), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QProgressDialog, "operationProgress")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() > 0, timeout=10_000)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert worker and worker[0] is not threading.main_thread()
    ((value, thread),) = results
    assert thread is threading.main_thread() and operation.cancelled
    assert isinstance(value, int) and 0 < value < 2000
    assert seen and seen == sorted(seen) and len(seen) <= 101  # one signal per percent at most
    assert not operation.running and not dialog.isVisible()


def test_a_long_action_prepares_in_the_worker_and_writes_on_the_gui_thread(
    qtbot: QtBot, window: QMainWindow, project: Project
) -> None:
    """A generator hands over items one by one (the worker never more than ``lookahead`` ahead);
    ``each`` and ``apply`` write on the GUI thread; the changes name the initiator."""
    ahead: list[int] = []
    prepared: list[str] = []
    stored: list[str] = []
    heard: list[tuple[threading.Thread, object]] = []
    initiator = object()
    unsubscribe = project.subscribe(
        lambda _change: heard.append((threading.current_thread(), operations.current_initiator()))
    )

    def prepare(_progress: Progress) -> Iterator[str]:
        for n in range(5):
            prepared.append(f"Thema {n}")
            ahead.append(len(prepared) - len(stored))
            yield f"Thema {n}"
        return "Thema slot"

    def store(name: str) -> None:
        project.codes.create(name)
        stored.append(name)

    operation = LongOperation(
        window,
        prepare,
        title="Preparing",
        each=store,
        apply=lambda last: project.codes.create(str(last)).name,
        show="status",
        lookahead=2,
        initiator=initiator,
    )
    with qtbot.waitSignal(operation.finished, timeout=10_000) as finished:
        operation.start()
    unsubscribe()
    assert finished.args == ["Thema slot"]
    assert stored == [f"Thema {n}" for n in range(5)] and max(ahead) <= 2
    assert {c.name for c in project.codes.tree()} >= {*stored, "Thema slot"}
    assert heard == [(threading.main_thread(), initiator)] * 6


def test_a_long_action_that_is_refused_says_so_in_a_box(qtbot: QtBot, window: QMainWindow) -> None:
    failures: list[BaseException] = []

    def read(_progress: Progress) -> None:
        raise FileImportError("atlas.qdpx", "not a REFI-QDA project")

    operation = LongOperation(window, read, title="Import", failure=failures.append, success=failures.append)
    with qtbot.waitSignal(operation.failed, timeout=10_000):
        operation.start()
    assert [type(f) for f in failures] == [FileImportError]
    (box,) = _boxes(window)
    assert box.text() == str(failures[0]) and "atlas.qdpx" in box.text()
    assert window.statusBar().currentMessage() == f"⚠ {failures[0]}"
    _close(qtbot, box)


def test_the_initiator_goes_on_the_change() -> None:
    marker = object()
    plain = Change.of(["code"])
    assert operations.stamped(plain) is plain  # outside an operation
    with operations.acting(marker):
        assert operations.current_initiator() is marker
        assert operations.stamped(plain).initiator is marker
        assert operations.stamped(plain) == plain  # who acted takes no part in comparing changes
        other = Change(plain.tables, initiator="elsewhere")
        assert operations.stamped(other).initiator == "elsewhere"
    assert operations.current_initiator() is None


def test_a_click_that_acts_names_its_initiator_on_the_change_views_receive(
    qtbot: QtBot, window: QMainWindow, project: Project
) -> None:
    from app.shell.project_bridge import ProjectBridge

    bridge = ProjectBridge(project, window)
    received: list[Change] = []
    bridge.changed.connect(received.append)
    button = _button(window)
    button.clicked.connect(
        lambda: operations.attempt(window, lambda: project.codes.create("Werkdruk"), initiator=button)
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    project.codes.create("Elders")  # a script's change: no initiator
    assert [c.initiator for c in received] == [button, None]
