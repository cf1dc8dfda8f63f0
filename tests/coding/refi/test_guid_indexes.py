"""Issue 19: an import of many rows builds the passages' and codings' GUID indexes again after its rows, in its
one transaction: the rows, ids, schema and undo are as when the indexes were kept up, no other connection sees a
table without its index, and an import that fails leaves the project and its indexes as they were."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from coding import Project
from coding.refi import guid_indexes
from coding.refi.exchange import import_exchange
from coding.refi.guid_indexes import GuidIndexes
from coding.undo import bulk_rows
from tests.coding.dump import dump

GUID_INDEXES = {"ix_passage_guid", "ix_coding_guid"}


def _indexes(path: Path) -> set[tuple[str, str]]:
    """Every index of the file with its statement (a constraint's own index without one)."""
    with closing(sqlite3.connect(path)) as conn:
        return {
            (name, sql or "")
            for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        }


def _rows(dumped: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The dump without the times the import's codes and coders got when they were made."""
    return {
        table: [row[:3] for row in rows] if table in ("code", "coder") else rows
        for table, rows in dumped.items()
    }


def _rows_bound(statement: str) -> int:
    """How many rows an ``INSERT … VALUES (…), (…)`` binds."""
    return statement.partition(" VALUES ")[2].count("(")


@contextmanager
def _statements(project: Project) -> Iterator[list[str]]:
    """The SQL statements the project's engine runs meanwhile."""
    said: list[str] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        said.append(" ".join(statement.split()))

    engine = project.store.engine
    event.listen(engine, "before_cursor_execute", heard)
    try:
        yield said
    finally:
        event.remove(engine, "before_cursor_execute", heard)


def _imported(tmp_path: Path, archive: Path, name: str) -> tuple[Project, list[str]]:
    project = Project.create(tmp_path / f"{name}.codewerk", codebook=None, coder="student")
    with _statements(project) as said:
        import_exchange(project, archive)
    return project, said


def test_a_large_import_builds_the_guid_indexes_after_its_rows_with_the_same_rows_and_undo(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(bulk_rows, "_ROWS_PER_STATEMENT", 2)
    kept, kept_said = _imported(tmp_path, archive, "kept")  # a few rows: the indexes are kept up
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)  # as if the file had many
    built, said = _imported(tmp_path, archive, "built")
    try:
        assert not [s for s in kept_said if "INDEX" in s]
        drops = [n for n, s in enumerate(said) if s.startswith("DROP INDEX")]
        makes = [n for n, s in enumerate(said) if s.startswith("CREATE UNIQUE INDEX")]
        inserts = [
            n for n, s in enumerate(said) if s.startswith(("INSERT INTO passage", "INSERT INTO coding"))
        ]
        assert [said[n] for n in drops] == ['DROP INDEX "ix_passage_guid"', 'DROP INDEX "ix_coding_guid"']
        assert [said[n] for n in makes] == [
            "CREATE UNIQUE INDEX ix_passage_guid ON passage (guid)",
            "CREATE UNIQUE INDEX ix_coding_guid ON coding (guid)",
        ]
        assert inserts and max(drops) < min(inserts) and max(inserts) < min(makes)
        # Without their GUID index, many rows a statement (here two): the same rows and ids.
        assert {_rows_bound(said[n]) for n in inserts} == {1, 2}
        assert {
            _rows_bound(s) for s in kept_said if s.startswith(("INSERT INTO passage", "INSERT INTO coding"))
        } == {1}
        assert _indexes(built.path) == _indexes(kept.path)
        assert {name for name, _sql in _indexes(built.path)} >= GUID_INDEXES
        after = dump(built.path)
        assert _rows(after) == _rows(dump(kept.path))  # the same rows and ids
        for _round in range(2):
            built.undo()
            assert not any(dump(built.path)[t] for t in ("document", "passage", "coding", "turn"))
            built.redo()
            assert dump(built.path) == after
        assert _indexes(built.path) == _indexes(kept.path)
        with closing(sqlite3.connect(built.path)) as conn:
            guid = conn.execute("SELECT guid FROM passage LIMIT 1").fetchone()[0]
            with pytest.raises(sqlite3.IntegrityError, match=r"passage\.guid"):  # still unique
                conn.execute(
                    'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
                    'SELECT guid, document_id, start + 1, "end", text, created_at FROM passage WHERE guid = ?',
                    (guid,),
                )
    finally:
        kept.close()
        built.close()


def test_no_other_connection_sees_a_table_without_its_guid_index(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)
    project = Project.create(tmp_path / "seen.codewerk", codebook=None, coder="student")
    seen: dict[str, set[str]] = {}
    build = GuidIndexes.build

    def looked_before(self: GuidIndexes) -> None:
        own = self._connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        seen["import"] = set(own.scalars())
        with closing(sqlite3.connect(project.path, timeout=0.1)) as other:
            seen["other"] = {
                row[0] for row in other.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            }
            with pytest.raises(sqlite3.OperationalError, match="locked"):  # a writer waits for the import
                other.execute("BEGIN IMMEDIATE")
        build(self)

    monkeypatch.setattr(GuidIndexes, "build", looked_before)
    try:
        import_exchange(project, archive)
        assert not seen["import"] & GUID_INDEXES  # dropped in the import's transaction ...
        assert seen["other"] >= GUID_INDEXES  # ... and there all along for everyone else
    finally:
        project.close()


def test_an_import_failing_after_the_drop_leaves_the_project_and_its_indexes(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)
    with Project.create(tmp_path / "failed.codewerk", codebook=None, coder="student") as project:
        before, indexes = dump(project.path), _indexes(project.path)

        def broken(self: GuidIndexes) -> None:
            assert self.dropped
            raise OSError("disk gone")

        monkeypatch.setattr(GuidIndexes, "build", broken)
        with pytest.raises(OSError, match="disk gone"):
            import_exchange(project, archive)
        assert dump(project.path) == before
        assert _indexes(project.path) == indexes
        monkeypatch.undo()
        monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)
        report = import_exchange(project, archive)  # and the next import goes through
        assert report.added["codings"] >= 6 and _indexes(project.path) == indexes


@pytest.mark.both_backends
def test_an_import_adding_fewer_rows_than_the_project_holds_keeps_the_indexes(
    project: Project, rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building an index again reads the project's own rows too; and a team server never drops one."""
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)
    if project.path.exists():
        import_exchange(project, archive)
        with _statements(project) as said:
            report = import_exchange(project, archive)  # everything there already: nothing new
        assert sum(report.added.values()) == 0
        assert not [s for s in said if "INDEX" in s]
        return
    with _statements(project) as said:
        report = import_exchange(project, archive)
    assert report.added["codings"] >= 6
    assert not [s for s in said if "INDEX" in s]


def test_undo_and_redo_of_a_large_import_build_the_guid_indexes_after_their_rows(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undo deletes the import's passages and codings (the passages mostly by the orphan-passage
    trigger) without their GUID indexes, redo inserts them again so, and both make the indexes again
    with the statements they had: the same rows and indexes after each, twice."""
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)  # as if the file had many
    project = Project.create(tmp_path / "undone.codewerk", codebook=None, coder="student")
    try:
        empty, indexes = dump(project.path), _indexes(project.path)
        import_exchange(project, archive)
        after = dump(project.path)
        assert _indexes(project.path) == indexes
        for _round in range(2):
            with _statements(project) as said:
                project.undo()
            drops = [n for n, s in enumerate(said) if s.startswith("DROP INDEX")]
            makes = [n for n, s in enumerate(said) if s.startswith("CREATE UNIQUE INDEX")]
            deletes = [n for n, s in enumerate(said) if s.startswith("DELETE FROM coding")]
            assert [said[n] for n in drops] == ['DROP INDEX "ix_passage_guid"', 'DROP INDEX "ix_coding_guid"']
            assert deletes and max(drops) < min(deletes) and max(deletes) < min(makes)
            assert dump(project.path) == {**empty, "coder": dump(project.path)["coder"]}
            assert not any(dump(project.path)[t] for t in ("document", "passage", "coding", "turn", "review"))
            assert _indexes(project.path) == indexes
            with _statements(project) as said:
                project.redo()
            assert [s for s in said if "INDEX" in s] == [
                'DROP INDEX "ix_passage_guid"',
                'DROP INDEX "ix_coding_guid"',
                "CREATE UNIQUE INDEX ix_passage_guid ON passage (guid)",
                "CREATE UNIQUE INDEX ix_coding_guid ON coding (guid)",
            ]
            assert dump(project.path) == after
            assert _indexes(project.path) == indexes
    finally:
        project.close()


def test_an_undo_failing_after_the_drop_leaves_the_project_and_its_indexes(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    monkeypatch.setattr(guid_indexes, "MIN_ROWS", 1)
    with Project.create(tmp_path / "failed.codewerk", codebook=None, coder="student") as project:
        import_exchange(project, archive)
        after, indexes = dump(project.path), _indexes(project.path)
        build = GuidIndexes.build

        def broken(self: GuidIndexes) -> None:
            assert self.dropped
            raise OSError("disk gone")

        monkeypatch.setattr(GuidIndexes, "build", broken)
        with pytest.raises(OSError, match="disk gone"):
            project.undo()
        assert dump(project.path) == after
        assert _indexes(project.path) == indexes
        monkeypatch.setattr(GuidIndexes, "build", build)
        project.undo()  # and the undo goes through after
        assert not dump(project.path)["coding"] and _indexes(project.path) == indexes
        monkeypatch.setattr(GuidIndexes, "build", broken)
        with pytest.raises(OSError, match="disk gone"):
            project.redo()
        assert not dump(project.path)["coding"] and _indexes(project.path) == indexes
        monkeypatch.setattr(GuidIndexes, "build", build)
        project.redo()
        assert dump(project.path) == after and _indexes(project.path) == indexes
