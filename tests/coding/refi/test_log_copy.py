"""Issue 19: an import commits without copying its write-ahead log into the project file (SQLite's automatic
checkpoint, 209 MB at ten times the corpus); a thread of the store copies it right after, and the connection
that committed gets its automatic checkpoint back, whatever happened to its transaction."""

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
from coding.core.log_copy import copy_later, hold_back
from coding.refi.exchange import import_exchange
from tests.coding.dump import dump


def _documents_in_file_alone(path: Path, folder: Path) -> int:
    """How many documents the project file holds by itself (copied without its log, as a file manager would)."""
    alone = folder / "alone.codewerk"
    shutil.copyfile(path, alone)
    with closing(sqlite3.connect(alone)) as conn:
        count = int(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    alone.unlink()
    return count


def _every_page(project: Project) -> None:
    """The project's connections checkpoint after every commit (SQLite's automatic checkpoint at one page):
    an import into it would be in the file alone as soon as it committed."""
    engine = project.store.engine
    engine.dispose()
    event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA wal_autocheckpoint=1"))


def _autocheckpoints(project: Project) -> set[int]:
    """The automatic checkpoint (pages) of every connection the pool holds, all checked out at once."""
    engine = project.store.engine
    taken = [engine.raw_connection() for _ in range(max(1, engine.pool.checkedin()))]  # type: ignore[attr-defined]
    try:
        return {
            int(connection.cursor().execute("PRAGMA wal_autocheckpoint").fetchone()[0])
            for connection in taken
        }
    finally:
        for connection in taken:
            connection.close()


def test_an_import_leaves_copying_its_log_to_a_thread_that_copies_it_after_the_commit(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    release = threading.Event()
    copying = threading.Event()
    real = log_copy._copy

    def held(*args: Any) -> None:
        copying.set()
        assert release.wait(30)
        real(*args)

    monkeypatch.setattr(log_copy, "_copy", held)
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        _every_page(project)
        report = import_exchange(project, archive)
        assert report.added["documents"] == 3
        assert copying.wait(30)  # the copy began after the commit ...
        assert _documents_in_file_alone(project.path, tmp_path) == 0  # ... and the commit copied nothing
        project.checkpoint()  # the window's, two seconds after a change: its thread does not wait for the copy
        assert _documents_in_file_alone(project.path, tmp_path) == 0  # (the copy is still held)
        release.set()
        project.store._log_copier.wait()  # the copy, then the window's after it
        assert _documents_in_file_alone(project.path, tmp_path) == 3
        assert _autocheckpoints(project) == {1}  # the committing connection has it back
        after = dump(project.path)
        project.undo()
        assert not dump(project.path)["document"]
        project.redo()
        assert dump(project.path) == after


def test_an_import_in_a_group_leaves_the_copy_to_a_thread_after_the_groups_commit(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The group's one transaction commits where the store ends a held transaction (``end_held``)."""
    archive = rich_project.export(tmp_path / "out.qdpx")
    release = threading.Event()
    real = log_copy._copy
    monkeypatch.setattr(log_copy, "_copy", lambda *args: (release.wait(30), real(*args)))
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        _every_page(project)
        with project.group("Import twice"):
            import_exchange(project, archive)
            import_exchange(project, archive)
        assert len(dump(project.path)["document"]) == 3
        assert _documents_in_file_alone(project.path, tmp_path) == 0
        release.set()
        project.store._log_copier.wait()
        assert _documents_in_file_alone(project.path, tmp_path) == 3
        assert _autocheckpoints(project) == {1}


def test_a_small_write_still_checkpoints_at_its_commit(tmp_path: Path) -> None:
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        _every_page(project)
        source = tmp_path / "R1.txt"
        source.write_text("[00:00:01] I: Hoe gaat het?\n", encoding="utf-8")
        project.import_files([source])
        assert _documents_in_file_alone(project.path, tmp_path) == 1


@pytest.mark.parametrize("fails", [False, True])
def test_the_connection_gets_its_automatic_checkpoint_back_whatever_its_transaction_did(
    tmp_path: Path, fails: bool
) -> None:
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        store = project.store
        before = _autocheckpoints(project)
        assert before == {1000}

        def work() -> None:
            with store.write() as session:
                copy_later(session)
                assert hold_back(session)  # as the store does right before the commit
                assert session.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
                if fails:
                    raise RuntimeError("failed after its checkpoint was held back")

        if fails:
            with pytest.raises(RuntimeError):
                work()
        else:
            work()
        assert _autocheckpoints(project) == before
