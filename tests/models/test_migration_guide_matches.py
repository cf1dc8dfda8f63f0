"""0012 adds the stored guide-match decisions: a file at 0011 keeps its documents and starts with none."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file


def test_file_at_revision_0011_gets_guide_matches(tmp_path: Path) -> None:
    path = tmp_path / "guide.codewerk"
    create_file(path, revision="0011")
    text = "I: Wie coördineert de samenwerking?\nR1: De gemeente."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, question, kind, category, "
            "search_terms, inductive, created_at, guide_question, guide_prompts) VALUES ('g-c', 0, "
            "'Coördinatie', '', '', '#77aadd', '6a', 'indicator', '', '[]', 0, '2017-05-12 10:00:00', "
            "'Wie coördineert de samenwerking?', '[]')"
        )
        conn.execute(
            "INSERT INTO turn (document_id, speaker, start, \"end\", body_start) VALUES (1, 'I', 0, 35, 3)"
        )
        conn.execute(
            "INSERT INTO turn (document_id, speaker, start, \"end\", body_start) VALUES (1, 'R1', 36, 51, 40)"
        )
        conn.commit()
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0011" in project.backup_path.name
        assert [(m.document, m.question, m.confirmed) for m in project.guide.match().matches] == [
            ("R1", "6a", False)
        ]
        project.guide.decide("R1", 0, "6a", "confirmed")
        assert project.guide.match().matches[0].confirmed
