"""Issue 19: the undo and the redo of a ``.qdpx`` import leave copying their write-ahead log into the project file
to the store's thread, as the import does (``ImportExchange.revert`` and ``apply``: undoing the import at ten
times the corpus writes as much log as the import). Each commit copies nothing into the file itself; the thread
copies it after, and the file alone then holds what the user sees."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from coding import Project
from coding.core import log_copy
from coding.refi.exchange import import_exchange


def _documents_in_file_alone(project: Project, folder: Path) -> int:
    """How many documents the project file holds by itself (copied without its log, as a file manager would)."""
    alone = folder / "alone.codewerk"
    shutil.copyfile(project.path, alone)
    with closing(sqlite3.connect(alone)) as conn:
        count = int(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    alone.unlink()
    return count


class Gate:
    """Holds every log copy until :meth:`open`; counts the copies begun."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.began = threading.Semaphore(0)
        self._open = threading.Event()
        real = log_copy._copy

        def held(*args: Any) -> None:
            self.began.release()
            assert self._open.wait(30)
            real(*args)

        monkeypatch.setattr(log_copy, "_copy", held)

    def open(self) -> None:
        self._open.set()

    def close(self) -> None:
        self._open.clear()


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_the_undo_and_redo_of_an_import_leave_copying_their_log_to_the_thread(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    gate = Gate(monkeypatch)
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        engine = project.store.engine
        engine.dispose()  # every connection checkpoints at every commit unless its copy is left to the thread
        event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA wal_autocheckpoint=1"))
        gate.open()
        import_exchange(project, archive)
        assert gate.began.acquire(timeout=10)
        project.store._log_copier.wait()
        assert _documents_in_file_alone(project, tmp_path) == 3
        gate.close()
        project.undo()
        if step == "redo":
            assert gate.began.acquire(timeout=10)
            gate.open()
            project.store._log_copier.wait()
            assert _documents_in_file_alone(project, tmp_path) == 0
            gate.close()
            project.redo()
        before, after = (3, 0) if step == "undo" else (0, 3)
        assert gate.began.acquire(timeout=10)  # the copy began after the commit ...
        assert _documents_in_file_alone(project, tmp_path) == before  # ... and the commit copied nothing
        gate.open()
        project.store._log_copier.wait()
        assert _documents_in_file_alone(project, tmp_path) == after
