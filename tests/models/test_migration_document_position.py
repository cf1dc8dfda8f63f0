"""0014 indexes the documents' order: a file at 0013 keeps its documents, in their order, and its
quotes list in the same order as before."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file


def test_file_at_revision_0013_gets_the_position_index(tmp_path: Path) -> None:
    path = tmp_path / "order.codewerk"
    create_file(path, revision="0013")
    with closing(sqlite3.connect(path)) as conn:
        for number, (name, position) in enumerate((("R2", 1), ("R1", 2), ("R3", 0)), start=1):
            text = f"I: Vraag?\n{name}: Antwoord over vertrouwen."
            conn.execute(
                "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
                "VALUES (?, ?, ?, ?, 'txt', '2017-05-12 10:00:00', ?)",
                (f"g-{number}", name, text, len(text), position),
            )
        conn.commit()
        assert "ix_document_position" not in {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master")
        }
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0013" in project.backup_path.name
        assert [d.name for d in project.documents.list()] == ["R3", "R2", "R1"]
        project.codes.create("Vertrouwen")
        for name in ("R1", "R2", "R3"):
            project.code(name, "Vertrouwen", text="Antwoord over vertrouwen.")
        assert [q.document for q in project.quotes()] == ["R3", "R2", "R1"]
        assert [
            project.quote_service.records([c])[0].document for c in project.quote_service.listing().ids
        ] == [
            "R3",
            "R2",
            "R1",
        ]
    with closing(sqlite3.connect(path)) as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute("EXPLAIN QUERY PLAN SELECT id FROM document ORDER BY position, id")
        )
    assert "ix_document_position" in plan
