"""Closing a project file the window has let go of, and its damage check, in a thread of its own.

Closing a project closes its file's connections (the last one copies the write-ahead log into the file: 0.5 s
on the huge project after Find stored its suggestions) and checks the file once more (``PRAGMA quick_check``,
``Project.close_later``), keeping its mark in the settings, so that opening it again unchanged spares the
check. On the huge project (1.2 GB indexed) the check took 0.25 s at rest and 15–33 s at load 10–11. Both run
here, after the window let the project go: the start screen (or the hidden window) does not wait for them.
The settings file the mark goes to is the one in use when the project closed.

The file is whole again when its connections are closed: opening the same file waits for that first
(:func:`settle`), and so does the program's end (:func:`wait`). The check is only a saving for the next
opening: when the program ends, a check still under way after a short grace is stopped and its mark is not
written (the next opening checks the file, after its first paint); a mark is written whole or not at all, and
a file opened again before its check ended is simply checked again when it opens.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from app.shell import settings
from coding.project_file import ClosingFile

#: How long the program's end lets the checks under way go on before it stops them (a 20 MB project's check
#: takes ≈ 60 ms: it keeps its mark; the huge project's 15–33 s under load no longer keep the program alive).
END_GRACE_S = 0.5


@dataclass
class _Closing:
    file: ClosingFile
    thread: threading.Thread
    #: Set when the file's connections are closed (the file whole, its log copied in).
    closed: threading.Event = field(default_factory=threading.Event)


class _Checks:
    lock = threading.Lock()  # one settings update at a time (read, change, write)
    running: list[_Closing] = []


def check_closed(file: ClosingFile) -> threading.Thread:
    """Close ``file`` (what ``Project.close_later`` returned) and check it in a thread, then keep (or forget)
    its mark in the settings in use now; a stopped check (:func:`wait` at the program's end) keeps nothing."""
    store = settings.settings().fileName()

    def run() -> None:
        try:
            file.close()
        finally:
            closing.closed.set()
        mark = file.check()
        if file.stopped:
            return  # the program ends: the next opening checks the file (the old mark cannot match a change)
        with _Checks.lock:
            settings.remember_checked_mark(file.path, mark, QSettings(store, QSettings.Format.IniFormat))

    closing = _Closing(file, threading.Thread(target=run, name=f"close {Path(file.path).name}"))
    _Checks.running = [running for running in _Checks.running if running.thread.is_alive()]
    _Checks.running.append(closing)
    closing.thread.start()
    return closing.thread


def settle(path: Path) -> None:
    """Wait until the file at ``path``, closed a moment ago, has its connections closed (before it opens again:
    its write-ahead log copied in, no connection of the closed project left on it)."""
    try:
        wanted = Path(path).resolve()
    except OSError:
        return
    for closing in list(_Checks.running):
        if Path(closing.file.path).resolve() == wanted:
            closing.closed.wait()


def wait(*, grace: float | None = None) -> None:
    """Wait until every closed file's connections are closed and its check has ended (tests). ``grace`` (the
    program's end, :data:`END_GRACE_S`): a check still under way after that many seconds is stopped, its mark
    not written; the connections' closing is always waited for."""
    for closing in list(_Checks.running):
        closing.closed.wait()
    if grace is not None:
        deadline = time.monotonic() + grace
        for closing in list(_Checks.running):
            closing.thread.join(max(0.0, deadline - time.monotonic()))
            if closing.thread.is_alive():
                closing.file.stop()
    for closing in list(_Checks.running):
        closing.thread.join()
    _Checks.running = [running for running in _Checks.running if running.thread.is_alive()]
