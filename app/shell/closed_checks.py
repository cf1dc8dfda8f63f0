"""The damage check of a project file the window has just closed, in a thread of its own.

Closing a project checks its file once more (``PRAGMA quick_check``, ``Project.close_to_check``) and keeps
its mark in the settings, so that opening it again unchanged spares the check. On the huge project
(1.2 GB indexed) the check took 0.25 s at rest and 15 s at load 10, all of it on the GUI thread while the
window stood still (File → Close) or stayed on screen (closing the window). It runs here instead, after
the project is closed: the start screen (or the hidden window) does not wait for it. The settings file
it writes to is the one in use when the project closed. The program waits for the checks still running
before it ends (:func:`wait`): a mark is written whole or not at all; a file opened again before its
check ended is simply checked again when it opens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from app.shell import settings


class _Checks:
    lock = threading.Lock()  # one settings update at a time (read, change, write)
    running: list[threading.Thread] = []


def check_closed(path: Path, check: Callable[[], str | None]) -> threading.Thread:
    """Run ``check`` (what ``Project.close_to_check`` returned for the file at ``path``) in a thread and
    keep (or forget) the file's mark in the settings in use now."""
    store = settings.settings().fileName()

    def run() -> None:
        mark = check()
        with _Checks.lock:
            settings.remember_checked_mark(path, mark, QSettings(store, QSettings.Format.IniFormat))

    thread = threading.Thread(target=run, name=f"check closed {Path(path).name}")
    _Checks.running = [running for running in _Checks.running if running.is_alive()]
    _Checks.running.append(thread)
    thread.start()
    return thread


def wait() -> None:
    """Wait until every closed file's check has ended (the program's end; tests)."""
    for thread in list(_Checks.running):
        thread.join()
    _Checks.running = [running for running in _Checks.running if running.is_alive()]
