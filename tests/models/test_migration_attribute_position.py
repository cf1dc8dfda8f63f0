"""0020 gives each document attribute its place: a file at 0019 keeps its attributes in the order stored
(a metadata sheet's columns'), and an attribute added afterwards comes after them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file


def test_file_at_revision_0019_keeps_its_attribute_order(tmp_path: Path) -> None:
    path = tmp_path / "sheet.codewerk"
    create_file(path, revision="0019")
    text = "I: Vraag?\nR4: Antwoord over vertrouwen."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-1', 'R4', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        for key, value in (
            ("respondent", "R4"),
            ("regio", "Twente"),
            ("rol", "werkgever"),
            ("datum", "2017"),
        ):
            conn.execute(
                "INSERT INTO document_attribute (document_id, key, value) VALUES (1, ?, ?)", (key, value)
            )
        conn.commit()
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0019" in project.backup_path.name
        assert list(project.documents.get("R4").attributes) == ["respondent", "regio", "rol", "datum"]
        project.documents.set_attributes("R4", {"aantal": "3"})
        assert list(project.documents.get("R4").attributes) == [
            "respondent",
            "regio",
            "rol",
            "datum",
            "aantal",
        ]
