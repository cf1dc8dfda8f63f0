"""0019: the passages' and codings' GUIDs are unique by named indexes (an import may build them again after its
rows) instead of table constraints; a file at 0018 keeps every row, id, counter, index and the trigger, and its
GUIDs stay unique."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from models.database import create_file, head_revision, inspect_file

TEXT = "Wij vertrouwen elkaar 👍 en werken samen."


def _schema(conn: sqlite3.Connection, table: str) -> set[tuple[str, str, str]]:
    """The table's indexes and triggers with their statements (``None`` for a constraint's own index)."""
    return {
        (kind, name, sql or "")
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type != 'table'", (table,)
        )
    }


def _file_at_0018(path: Path) -> None:
    create_file(path, revision="0018")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (TEXT, len(TEXT)),
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
            "search_terms, inductive, codable, created_at) VALUES ('g-code', 0, 'Vertrouwen', 'Trust', '', "
            "'#77aadd', 'concept', '', '[]', 0, 1, '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO coder (guid, name, created_at) VALUES ('g-anna', 'anna', '2017-05-12 10:00:00')"
        )
        for guid, start, end in [("g-gone", 0, 3), ("g-p1", 4, 21), ("g-p2", 27, 33)]:
            conn.execute(
                'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
                "VALUES (?, 1, ?, ?, ?, '2017-05-12 10:00:00.250000')",
                (guid, start, end, TEXT[start:end]),
            )
        conn.execute(
            "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) VALUES "
            "('c-gone', 1, 1, 1, '', '2017-05-12 10:00:00'), ('c-1', 2, 1, 1, 'kern', '2017-05-12 10:00:00'), "
            "('c-2', 3, 1, 1, '', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "DELETE FROM coding WHERE guid = 'c-gone'"
        )  # the trigger deletes passage 1: counters ahead
        conn.execute(
            "INSERT INTO review (guid, coding_id, coder_id, status, comment, updated_at) "
            "VALUES ('g-rev', 2, 1, 'agreed', '', '2017-05-13 10:00:00')"
        )
        conn.commit()


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("passage", "coding", "review")
    }


def test_file_at_0018_gets_named_guid_indexes_with_every_row_id_and_counter_kept(tmp_path: Path) -> None:
    path = tmp_path / "indexes.codewerk"
    _file_at_0018(path)
    with closing(sqlite3.connect(path)) as conn:
        before = _rows(conn)
        counters = dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
        assert ("index", "sqlite_autoindex_passage_2", "") in _schema(conn, "passage")
    assert [row[1] for row in before["passage"]] == ["g-p1", "g-p2"]

    with Project.open(path, coder="anna") as project:
        assert project.backup_path is not None and inspect_file(project.backup_path) == "0018"
        assert [q.text for q in project.quotes("Vertrouwen")] == ["vertrouwen elkaar", "werken"]
        added = project.code("R1", "Vertrouwen", 34, 39)  # ids go on from the counters, never reused
        assert (added.passage_id, added.id) == (4, 4)
        project.undo()
    assert inspect_file(path) == head_revision()  # upgraded (0019 and any later revision)

    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        assert _rows(conn) == before
        assert dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall()) == {
            **counters,
            "passage": 4,
            "coding": 4,
        }
        assert _schema(conn, "passage") == {
            ("index", "sqlite_autoindex_passage_1", ""),  # (document_id, start, end)
            ("index", "ix_passage_guid", "CREATE UNIQUE INDEX ix_passage_guid ON passage (guid)"),
        }
        assert _schema(conn, "coding") == {
            ("index", "sqlite_autoindex_coding_1", ""),  # (passage_id, code_id, coder_id)
            ("index", "ix_coding_code_id", "CREATE INDEX ix_coding_code_id ON coding (code_id)"),
            ("index", "ix_coding_coder_id", "CREATE INDEX ix_coding_coder_id ON coding (coder_id)"),
            ("index", "ix_coding_guid", "CREATE UNIQUE INDEX ix_coding_guid ON coding (guid)"),
            (
                "trigger",
                "trg_coding_drop_orphan_passage",
                "CREATE TRIGGER trg_coding_drop_orphan_passage AFTER DELETE ON coding "
                "WHEN NOT EXISTS (SELECT 1 FROM coding WHERE passage_id = OLD.passage_id) "
                "BEGIN DELETE FROM passage WHERE id = OLD.passage_id; END",
            ),
        }
        with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE constraint failed: passage\.guid"):
            conn.execute(
                'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
                "VALUES ('g-p1', 1, 0, 3, 'Wij', '2017-05-12 10:00:00')"
            )
        with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE constraint failed: coding\.guid"):
            conn.execute(
                "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
                "VALUES ('c-1', 3, 1, 1, '', '2017-05-12 10:00:00')"
            )
        conn.execute("DELETE FROM coding WHERE id = 3")  # the trigger still deletes a passage's last coding
        assert [row[0] for row in conn.execute("SELECT id FROM passage")] == [2]
        conn.execute("DELETE FROM passage WHERE id = 2")  # and the cascades still hold
        assert conn.execute("SELECT count(*) FROM coding").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM review").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
