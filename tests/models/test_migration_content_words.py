"""0016 stores each indexed document's content words as arrays: an indexed file at 0015 gets them from its
token and sentence rows, stamped with its index, and its suggestions stay the same."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from tests.models.indexed_files import downgrade, indexed_and_found


def _stored(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            'SELECT c.document_id, c.text_hash = x.text_hash AND c.indexed_at = x.indexed_at, c.start, c."end", '
            "c.sentence, c.term, c.sentence_start, c.sentence_end FROM content_words c "
            "JOIN text_index x ON x.document_id = c.document_id ORDER BY c.document_id"
        ).fetchall()


def test_indexed_file_at_0015_gets_the_content_words_its_index_holds(tmp_path: Path) -> None:
    path, suggested = indexed_and_found(tmp_path, ("R5", "R6"))
    stored = _stored(path)
    assert [row[1] for row in stored] == [1, 1] and all(len(blob) > 0 for row in stored for blob in row[2:])

    downgrade(path, "0015")  # the file as 0015 left it: no stored words
    with closing(sqlite3.connect(path)) as conn:
        assert "content_words" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0015" in project.backup_path.name
        assert _stored(path) == stored
        assert project.assist.stale() == []
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
