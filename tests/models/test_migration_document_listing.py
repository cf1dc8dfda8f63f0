"""0015 gives the document list a covering index: a file at 0014 keeps its documents, listed as
before, and the list's query reads the index only, never the rows that hold each document's text
(a column stored after the text is reached through the text's overflow pages)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from coding import Project
from models.database import create_file


@contextmanager
def _statements() -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement any engine runs meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def _plan(path: Path, statement: str, parameters: Any) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))


def test_file_at_revision_0014_lists_its_documents_from_the_covering_index(tmp_path: Path) -> None:
    path = tmp_path / "list.codewerk"
    create_file(path, revision="0014")
    long_text = "I: Vraag?\nR: " + "Antwoord over vertrouwen. " * 2000  # overflow pages
    with closing(sqlite3.connect(path)) as conn:
        for number, (name, position) in enumerate((("R2", 1), ("R1", 2), ("R3", 0)), start=1):
            conn.execute(
                "INSERT INTO document (guid, name, text, length, source_format, original_filename, "
                "imported_at, position) VALUES (?, ?, ?, ?, 'txt', ?, '2017-05-12 10:00:00', ?)",
                (f"g-{number}", name, long_text, len(long_text), f"{name}.txt", position),
            )
        conn.commit()
        assert "ix_document_listing" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0014" in project.backup_path.name
        with _statements() as seen:
            listed = project.documents.list(with_counts=False)
        assert [(d.name, d.length, d.original_filename, d.guid) for d in listed] == [
            ("R3", len(long_text), "R3.txt", "g-3"),
            ("R2", len(long_text), "R2.txt", "g-1"),
            ("R1", len(long_text), "R1.txt", "g-2"),
        ]
        assert [d.name for d in project.documents.list()] == ["R3", "R2", "R1"]
        assert project.documents.get(listed[0].id).length == len(long_text)
    (statement, parameters), *_ = [s for s in seen if "FROM document ORDER BY" in " ".join(s[0].split())]
    assert "COVERING INDEX ix_document_listing" in _plan(path, statement, parameters)
    assert "COVERING INDEX ix_document_position" in _plan(
        path, "SELECT id FROM document ORDER BY position, id", ()
    )
