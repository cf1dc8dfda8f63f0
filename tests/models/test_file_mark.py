"""A project file closed checked is not checked again at its next opening while its mark is unchanged
(``models.database.file_mark``). The mark must change with every write, even one whose program then sets the
modification time back (copying tools keep a file's times): on Linux and macOS ``st_ctime`` does; on Windows
``st_ctime`` is when the file was created, which no write changes, so there the file is checked every time."""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from coding.project_file import closed_file_mark, open_store


def _write_behind_its_back(path: Path) -> None:
    """Another program changes one byte of the file (a setting's value) and sets its modification time back."""
    before = path.stat()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA user_version=7")  # the size stays as it was
        conn.commit()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


class _WindowsStat:
    """``os.stat`` as on Windows: ``st_ctime`` is the creation time, which writes leave as it was."""

    def __init__(self, real: os.stat_result, created: int) -> None:
        self._real = real
        self.st_ctime_ns = created
        self.st_ctime = created / 1e9

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _open_and_close(path: Path, mark: str | None) -> None:
    store, _backup = open_store(path, checked_mark=mark)
    store.close()


def test_a_write_with_its_time_set_back_is_checked_at_the_next_opening(
    closed: Path, quick_checks: list[str]
) -> None:
    mark = closed_file_mark(closed)
    assert mark is not None and quick_checks == ["check"]
    _open_and_close(closed, mark)
    assert quick_checks == ["check"]  # unchanged: spared
    _write_behind_its_back(closed)
    _open_and_close(closed, mark)
    assert quick_checks == ["check", "check"]  # the change of metadata time gives it away


def test_on_windows_a_closed_file_is_checked_at_every_opening(
    closed: Path, quick_checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    created = closed.stat().st_mtime_ns - 10**9
    real_stat = Path.stat

    def windows_stat(self: Path, *, follow_symlinks: bool = True) -> Any:
        return _WindowsStat(real_stat(self, follow_symlinks=follow_symlinks), created)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(Path, "stat", windows_stat)
    mark = closed_file_mark(closed)  # (no mark: not worth checking at the close)
    closing_checks = len(quick_checks)
    _write_behind_its_back(closed)
    _open_and_close(closed, mark)
    assert (
        len(quick_checks) == closing_checks + 1
    )  # not spared: nothing in the file's stat gives the write away
