"""0016 stores each indexed document's content words as arrays: an indexed file at 0015 gets them from its
token and sentence rows, stamped with its index, and its suggestions stay the same."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command

from coding import Project
from models.database import _alembic_config, _migration_connection

TEXT = (
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar.\n"
    "[00:00:40] I: En de werkgevers?\n"
    "[00:00:44] R5: Die afspraken komen ze na. Het vertrouwen groeit langzaam.\n"
)


def _downgrade(path: Path, revision: str) -> None:
    config = _alembic_config()
    with _migration_connection(path) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _stored(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            'SELECT c.document_id, c.text_hash = x.text_hash AND c.indexed_at = x.indexed_at, c.start, c."end", '
            "c.sentence, c.term, c.sentence_start, c.sentence_end FROM content_words c "
            "JOIN text_index x ON x.document_id = c.document_id ORDER BY c.document_id"
        ).fetchall()


def test_indexed_file_at_0015_gets_the_content_words_its_index_holds(tmp_path: Path) -> None:
    path = tmp_path / "indexed.codewerk"
    sources = []
    for name in ("R5", "R6"):
        source = tmp_path / f"{name}.txt"
        source.write_text(TEXT.replace("R5", name), encoding="utf-8")
        sources.append(source)
    with Project.create(path, codebook="rwb", coder="student") as project:
        project.import_files(sources)
        project.assist.index()
        project.code("R5", "Vertrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
        suggested = project.assist.suggestions.candidates("Vertrouwen")
    stored = _stored(path)
    assert [row[1] for row in stored] == [1, 1] and all(len(blob) > 0 for row in stored for blob in row[2:])

    _downgrade(path, "0015")  # the file as 0015 left it: no stored words
    with closing(sqlite3.connect(path)) as conn:
        assert "content_words" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0015" in project.backup_path.name
        assert _stored(path) == stored
        assert project.assist.stale() == []
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
