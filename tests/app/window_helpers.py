"""Driving the real window in tests: open documents, select by character range, find codes."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.shell.main_window import MainWindow
from coding.core.ids import CodeId, DocumentId
from coding.core.text_positions import Utf16Index


def first_document_shown(qtbot: Any, window: MainWindow) -> DocumentId:
    """The project's first document, which a shown window opens right after its first paint."""
    qtbot.waitUntil(
        lambda: window.first_document is None and window.view.document_id is not None, timeout=5000
    )
    assert window.view.document_id is not None
    return window.view.document_id


def documents_listed(window: MainWindow, timeout: float = 5.0) -> None:
    """Wait until the Documents dock has its rows (a project just opened lists them in a worker after the
    window's first paint)."""
    deadline = time.monotonic() + timeout
    while window.documents_dock.model is not None and not window.documents_dock.model.listed:
        assert time.monotonic() < deadline, "the Documents dock was not listed"
        QTest.qWait(10)


def open_document(window: MainWindow, name: str) -> DocumentId:
    assert window.workspace is not None
    document = window.workspace.project.documents.find(name)
    documents_listed(window)  # (its row is there to click)
    index = window.documents_dock.proxy.mapFromSource(window.documents_dock.model.index_of(document.id))
    window.documents_dock.tree.clicked.emit(index)  # what a click on the row does
    assert window.view.document_id == document.id
    return document.id


def select_chars(window: MainWindow, start: int, end: int) -> None:
    """Select ``text[start:end]`` (code points) through the view's own text cursor."""
    view = window.view
    index = Utf16Index(view.text)
    cursor = view.textCursor()
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    QApplication.processEvents()


def select_text(window: MainWindow, passage: str) -> tuple[int, int]:
    start = window.view.text.index(passage)
    select_chars(window, start, start + len(passage))
    return start, start + len(passage)


def code_interviewer_turns_everywhere(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    """Code every turn of the interviewer I in all documents with ``code``, as a user does: a selection in one of
    I's turns, the Code menu's "all turns of the speaker" picker, the code typed and Return."""
    from tests.app.speakers.test_speaker_coding import choose_code

    pickers: list[Any] = []
    window.controller.pick_code = pickers.append  # type: ignore[method-assign]
    open_document(window, "R12_uwv_zwolle")
    start = window.view.text.index("I: ") + 5
    select_text(window, window.view.text[start : start + 5])
    window.controller.open_turns_picker(all_documents=True)
    choose_code(qtbot, pickers[0], code)


def code_id(window: MainWindow, reference: str) -> CodeId:
    assert window.workspace is not None
    return window.workspace.project.codes.resolve(reference).id


def tree_index(window: MainWindow, reference: str) -> QModelIndex:
    dock = window.codebook_dock
    index = dock.proxy_index(code_id(window, reference))
    parent = index.parent()
    while parent.isValid():
        dock.tree.expand(parent)
        parent = parent.parent()
    dock.tree.scrollTo(index)
    QApplication.processEvents()
    return index


def tree_point(window: MainWindow, reference: str) -> QPoint:
    return window.codebook_dock.tree.visualRect(tree_index(window, reference)).center()


def codings_at(window: MainWindow, start: int, end: int) -> list[str]:
    """Names of the codes on the passage ``[start, end)`` of the open document, as stored."""
    assert window.workspace is not None and window.view.document_id is not None
    project = window.workspace.project
    tree = project.codes.tree()
    return sorted(
        tree.get(a.code_id).name
        for s in project.codings.passages(window.view.document_id)
        if (s.start, s.end) == (start, end)
        for a in s.codings
    )


def drag(widget: QWidget, start: QPointF, end: QPointF) -> None:
    """Press the left button at ``start``, move to ``end`` and release there (widget coordinates)."""
    for kind, point in (
        (QEvent.Type.MouseButtonPress, start),
        (QEvent.Type.MouseMove, end),
        (QEvent.Type.MouseButtonRelease, end),
    ):
        buttons = (
            Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        )
        event = QMouseEvent(
            kind,
            point,
            widget.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


@dataclass
class HeldReads:
    """Service methods that wait, as a big project's reads do, until the test sets ``release``;
    ``threads[name]`` lists the thread of every call, so a test can tell they ran off the GUI thread."""

    release: threading.Event = field(default_factory=threading.Event)
    threads: dict[str, list[threading.Thread]] = field(default_factory=dict)


def hold_reads(
    monkeypatch: pytest.MonkeyPatch, owner: type, *names: str, why: str = "a big project's read"
) -> HeldReads:
    """Make ``owner``'s methods ``names`` wait (at most 5 s) until ``held.release`` is set."""
    held = HeldReads()
    for name in names:
        original = getattr(owner, name)
        calls = held.threads.setdefault(name, [])

        def slow(self: Any, *args: Any, _original: Any = original, _calls: Any = calls, **kwargs: Any) -> Any:
            _calls.append(threading.current_thread())
            held.release.wait(5)  # until the test has looked at the window
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(owner, name, slow)
    return held


@dataclass
class HeldWrite:
    """A command whose plan waits inside its open transaction until the test sets ``release``, as a
    big project's bulk write takes seconds; ``threads`` lists the thread each plan ran on."""

    entered: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)


def hold_write(monkeypatch: pytest.MonkeyPatch, command: type, seconds: float = 10) -> HeldWrite:
    """Make ``command``'s plan wait (at most ``seconds``: on the GUI thread nobody can release it, and
    the command then fails) until ``held.release`` is set."""
    held = HeldWrite()
    original = command.plan

    def plan(self: Any, writer: Any) -> Any:
        held.threads.append(threading.current_thread())
        held.entered.set()
        if not held.release.wait(seconds):
            raise AssertionError(f"{command.__name__} was held on the GUI thread")
        return original(self, writer)

    monkeypatch.setattr(command, "plan", plan)
    return held


def written(qtbot, timeout: int = 30_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until no long operation runs (a write in a worker thread recorded and announced)."""
    from app.widgets.long_operation import running_operations

    qtbot.waitUntil(lambda: not running_operations(), timeout=timeout)
