"""Closing the window: it goes at once and its project closes behind it. The program ends, so what was frozen
while the project was open stays frozen (handing it back made the collector walk it all once more: 3–5 s on
the huge project), and the closed file's damage check runs in a thread of its own, its mark kept (File → Close
too: 0.25 s on the huge project, 15 s at load 10, on the GUI thread before)."""

from __future__ import annotations

import gc
import sqlite3
import threading
from typing import Any

import pytest

import models.database
from app.shell import closed_checks, settings
from app.shell.main_window import MainWindow
from app.shell.workspace import Workspace


def test_the_window_is_hidden_before_its_project_closes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bool, bool]] = []
    real = Workspace.close

    def close(self: Workspace, **how: bool) -> None:
        seen.append((window.isVisible(), how.get("ending", False)))
        real(self, **how)

    monkeypatch.setattr(Workspace, "close", close)
    assert window.close()  # a real close event
    assert seen == [(False, True)]  # gone from the screen first; the program ends
    assert window.workspace is None


def test_closing_the_window_leaves_frozen_what_was_frozen(window: MainWindow) -> None:
    kept: list[object] = []
    kept.append(kept)  # long-lived, in a cycle
    gc.freeze()  # as the window's settling when it opened
    assert window.close()
    assert gc.get_freeze_count() > 0
    assert not any(found is kept for found in gc.get_objects())  # still frozen: no collection walks it


@pytest.mark.parametrize("how", ["File → Close", "closing the window"])
def test_the_closed_files_check_runs_off_the_gui_thread_and_its_mark_is_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    assert window.workspace is not None
    path = window.workspace.project.path
    checked_in: list[threading.Thread] = []
    real = models.database._quick_check

    def counted(conn: sqlite3.Connection) -> Any:
        checked_in.append(threading.current_thread())
        return real(conn)

    monkeypatch.setattr(models.database, "_quick_check", counted)
    if how == "File → Close":
        window.close_project()
    else:
        assert window.close()
    closed_checks.wait()
    assert len(checked_in) == 1 and checked_in[0] is not threading.main_thread()
    assert settings.checked_mark(path) is not None
