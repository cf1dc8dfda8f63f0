"""0018 stores each indexed document's sentences and turns as bags of stems: an indexed file at 0017 gets from
its stored content words, turns and terms the very bags indexing writes, stamped with its index, and its
suggestions stay the same."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from tests.models.indexed_files import downgrade, indexed_and_found


def _stored(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT b.document_id, b.text_hash = x.text_hash AND b.indexed_at = x.indexed_at, b.sentences, "
            "b.turns FROM word_bags b JOIN text_index x ON x.document_id = b.document_id ORDER BY b.document_id"
        ).fetchall()


def test_indexed_file_at_0017_gets_the_bags_indexing_writes(tmp_path: Path) -> None:
    path, suggested = indexed_and_found(tmp_path, ("R5", "R6", "R7"))
    stored = _stored(path)
    assert [row[1] for row in stored] == [1, 1, 1] and all(
        len(blob) > 0 for row in stored for blob in row[2:]
    )

    downgrade(path, "0017")  # the file as 0017 left it: content words, no bags
    with closing(sqlite3.connect(path)) as conn:
        assert "word_bags" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        # one document indexed by another index than its content words': it gets no bags
        conn.execute("UPDATE content_words SET indexed_at = '2001-01-01 00:00:00' WHERE document_id = 3")
        conn.commit()

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0017" in project.backup_path.name
        assert _stored(path) == stored[:2]  # byte for byte what indexing wrote
        assert project.assist.stale() == []
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
