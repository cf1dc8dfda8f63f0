"""Issue 19: File → Close and the window's end leave the project file's last steps to a thread of their own.
Closing its connections (the last one copies the write-ahead log into the file: 0.51 s on the huge project after
Find stored its suggestions) ran on the GUI thread; it runs in the closed file's thread now, and the file is
whole before it opens again and before the program ends. The program's end no longer waits for a long check
of the closed file (33 s at load 11 on the huge project, the window already gone): it stops it, and the mark
that spares the next opening's check is not written."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

import models.database
from app.shell import closed_checks, settings
from app.shell.application import finish
from app.shell.main_window import MainWindow
from coding.core.store import Store
from models.database import file_mark


def _wal_frames(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_file_close_closes_the_connections_off_the_gui_thread_and_the_file_is_whole(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    project = window.workspace.project
    path = project.path
    project.codes.create("Written just before closing", inductive=True)  # in the log, not yet in the file
    assert _wal_frames(path) > 0
    closed_in: list[threading.Thread] = []
    real = Store.close

    def close(self: Store) -> None:
        closed_in.append(threading.current_thread())
        real(self)

    monkeypatch.setattr(Store, "close", close)
    window.close_project()
    closed_checks.wait()
    assert len(closed_in) == 1 and closed_in[0] is not threading.main_thread()
    assert _wal_frames(path) == 0 and file_mark(path) is not None  # the log copied into the file
    assert settings.checked_mark(path) == file_mark(path)  # checked, closed: the next opening spares it
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        written = conn.execute("SELECT count(*) FROM code WHERE name = 'Written just before closing'")
        assert written.fetchone() == (1,)


def test_opening_the_file_again_waits_until_its_connections_are_closed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    path = window.workspace.project.path
    steps: list[str] = []
    release = threading.Event()
    real_close = Store.close

    def slow_close(self: Store) -> None:  # as the huge project's checkpoint takes its time
        release.wait(10)
        real_close(self)
        steps.append("closed")

    monkeypatch.setattr(Store, "close", slow_close)
    window.close_project()
    assert steps == []  # the start screen is up while the file closes
    real_open = models.database.open_file

    def open_file(*args: Any, **kwargs: Any) -> Any:
        steps.append("opened")
        return real_open(*args, **kwargs)

    monkeypatch.setattr(models.database, "open_file", open_file)
    monkeypatch.setattr("coding.project_file.open_file", open_file)
    threading.Timer(0.2, release.set).start()
    assert window.open_project(path), window.last_problem  # File → Open Recent: the same file
    assert steps == ["closed", "opened"]


def test_the_programs_end_stops_a_long_check_of_the_closed_file_and_keeps_no_mark(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    path = window.workspace.project.path
    checks: list[str] = []
    begun = threading.Event()

    def long_check(conn: sqlite3.Connection) -> None:  # the huge project's quick_check under load, in SQLite
        checks.append("begun")
        begun.set()
        count = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) SELECT count(*) FROM n"
        for _ in range(500):  # seconds of work (bounded, so that a check nobody stops still ends)
            conn.execute(count).fetchone()
        checks.append("ran to its end")

    monkeypatch.setattr(models.database, "_quick_check", long_check)
    assert window.close()  # the window goes: its project closes behind it, the check begins
    assert begun.wait(10)
    finish(window)  # what the program does after its event loop
    assert checks == ["begun"]  # stopped, not run to its end
    assert not any(closing.thread.is_alive() for closing in closed_checks._Checks.running)
    assert _wal_frames(path) == 0 and file_mark(path) is not None  # the file whole all the same
    assert settings.checked_mark(path) is None  # no mark: the next opening checks the file


def test_the_programs_end_lets_a_check_within_its_grace_keep_its_mark(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    path = window.workspace.project.path
    monkeypatch.setattr(closed_checks, "END_GRACE_S", 60.0)  # a loaded machine's few seconds are within it
    assert window.close()
    finish(window)  # the demo project's check takes milliseconds (a 20 MB project's ≈ 60 ms)
    assert settings.checked_mark(path) == file_mark(path) is not None
