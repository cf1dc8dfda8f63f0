"""0009 adds saved code queries; a file at 0008 keeps its codings and can save a query."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file, inspect_file


def test_file_at_revision_0008_gets_saved_queries_and_keeps_its_codings(tmp_path: Path) -> None:
    path = tmp_path / "query.codewerk"
    create_file(path, revision="0008")
    text = "R1: Wij vertrouwen elkaar 👍 en de coördinatie loopt."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        columns = [row[1] for row in conn.execute("PRAGMA table_info(code)")]
        extra = ", codable" if "codable" in columns else ""
        for number, name in ((1, "Vertrouwen"), (2, "Coördinatie")):
            conn.execute(
                "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
                f"search_terms, inductive, created_at{extra}) VALUES (?, ?, ?, '', '', '#77aadd', "
                f"'concept', '', '[]', 0, '2017-05-12 10:00:00'{', 1' if extra else ''})",
                (f"g-code-{number}", number, name),
            )
        conn.execute(
            "INSERT INTO coder (guid, name, created_at) VALUES ('g-anna', 'anna', '2017-05-12 10:00:00')"
        )
        for number, (start, end) in enumerate(((4, 25), (32, 52)), start=1):
            conn.execute(
                'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
                "VALUES (?, 1, ?, ?, ?, '2017-05-12 10:00:00')",
                (f"g-pas-{number}", start, end, text[start:end]),
            )
            conn.execute(
                "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
                "VALUES (?, ?, ?, 1, '', '2017-05-12 10:00:00')",
                (f"g-cod-{number}", number, number),
            )
        conn.commit()

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0008" in project.backup_path.name
        assert len(project.quotes()) == 2
        project.analysis.save_query("samen", "Vertrouwen AND Coördinatie", unit="document")
        assert len(project.analysis.run_saved("samen").quotes) == 2
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT name, unit FROM saved_query").fetchall() == [("samen", "document")]
    assert inspect_file(project.backup_path) == "0008"
