"""0013 replaces the token index by term with one that covers the documents, spans and sentences a
search reads: an indexed project at 0012 keeps its index rows and finds the same hits, with their
sentences, read from the index alone in document order."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from tests.models.indexed_files import downgrade

TEXT = (
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar.\n"
    "[00:00:40] I: En nu? Het vertrouwen groeit, zeggen ze.\n"
)


def _indexes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'token' AND type = 'index'"
            )
        }


def _lines(project: Project, query: str, mode: str) -> list[tuple[object, ...]]:
    return [
        (line.document, line.start, line.end, line.hit, line.sentence)
        for line in project.assist.search(query, mode).lines
    ]


def test_indexed_file_at_0012_keeps_its_index_and_finds_the_same_hits(tmp_path: Path) -> None:
    path = tmp_path / "indexed.codewerk"
    source = tmp_path / "R5.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.create(path, codebook="rwb", coder="student") as project:
        project.import_files([source])
        project.assist.index()
        lemma = _lines(project, "vertrouwen", "lemma")
        phrase = _lines(project, "het vertrouwen", "phrase")
    assert len(lemma) == 4 and all(sentence is not None for *_rest, sentence in lemma)
    assert len(phrase) == 2

    downgrade(path, "0012")  # the file as 0012 left it: the old index by term only
    assert "ix_token_term_id" in _indexes(path) and "ix_token_term_span" not in _indexes(path)
    with closing(sqlite3.connect(path)) as conn:
        tokens = conn.execute("SELECT count(*) FROM token").fetchone()[0]
    assert tokens > 20

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0012" in project.backup_path.name
        assert _lines(project, "vertrouwen", "lemma") == lemma
        assert _lines(project, "het vertrouwen", "phrase") == phrase
    assert "ix_token_term_span" in _indexes(path) and "ix_token_term_id" not in _indexes(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM token").fetchone()[0] == tokens
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                'EXPLAIN QUERY PLAN SELECT document_id, position, start, "end", sentence FROM token '
                "WHERE term_id = 1 ORDER BY document_id, start"
            )
        )
    assert "COVERING INDEX ix_token_term_span" in plan and "ORDER BY" not in plan
