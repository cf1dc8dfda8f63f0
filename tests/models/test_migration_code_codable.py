"""0008 adds ``code.codable``: a file at 0007 keeps its codes, every one of them codable."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file


def test_file_at_revision_0007_keeps_its_codes_all_codable(tmp_path: Path) -> None:
    path = tmp_path / "codes.codewerk"
    create_file(path, revision="0007")
    text = "Wij vertrouwen elkaar."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        for n, (name, parent) in enumerate([("Relaties", None), ("Vertrouwen", 1)], start=1):
            conn.execute(
                "INSERT INTO code (guid, parent_id, position, name, label, description, colour, kind, "
                "category, search_terms, inductive, created_at) VALUES (?, ?, 0, ?, '', '', '#77aadd', "
                "'code', '', '[]', 0, '2017-05-12 10:00:00')",
                (f"g-code-{n}", parent, name),
            )
        conn.commit()
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0007" in project.backup_path.name
        assert [(c.path_text, c.codable) for c in project.codes.tree()] == [
            ("Relaties", True),
            ("Relaties/Vertrouwen", True),
        ]
        coding = project.code("R1", "Vertrouwen", text="vertrouwen elkaar")
        assert coding.id > 0
