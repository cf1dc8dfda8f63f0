"""0011 adds the guide question and prompts to codes: a file at 0010 keeps its codes, without a guide."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file


def test_file_at_revision_0010_keeps_its_codes_and_gets_an_empty_guide(tmp_path: Path) -> None:
    path = tmp_path / "codes.codewerk"
    create_file(path, revision="0010")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO code (guid, parent_id, position, name, label, description, colour, question, kind, "
            "category, search_terms, inductive, created_at) VALUES ('g-1', NULL, 0, 'Vertrouwen', '', '', "
            "'#77aadd', '4a', 'indicator', '', '[]', 0, '2017-05-12 10:00:00')"
        )
        conn.commit()
    guide = tmp_path / "leidraad.txt"
    guide.write_text("Thema 4 – Vertrouwen\n4a. Vertrouwt u de anderen?\n    Doorvragen: Waarom?\n", "utf-8")
    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0010" in project.backup_path.name
        code = project.codes.resolve("4a")
        assert (code.path_text, code.guide_question, code.guide_prompts) == ("Vertrouwen", "", ())
        project.guide.import_guide(guide)
        assert project.codes.resolve("4a").guide_prompts == ("Waarom?",)
