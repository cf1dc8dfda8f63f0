"""0010 adds recordings; a file at 0009 keeps its documents and codings and can attach one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file, inspect_file
from tests.recordings import write_wav


def test_file_at_revision_0009_gets_media_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "opname.codewerk"
    create_file(path, revision="0009")
    text = "[00:00:01] R1: Wij vertrouwen elkaar 👍 en de coördinatie loopt."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, original_filename, imported_at, "
            "position) VALUES ('g-doc', 'R1', ?, ?, 'txt', 'R1.txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        conn.execute(
            'INSERT INTO turn (document_id, speaker, start, "end", body_start, timestamp) '
            "VALUES (1, 'R1', 0, ?, 15, 1.0)",
            (len(text),),
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
            "search_terms, inductive, created_at, codable) VALUES ('g-code', 0, 'Vertrouwen', '', '', "
            "'#77aadd', 'concept', '', '[]', 0, '2017-05-12 10:00:00', 1)"
        )
        conn.execute(
            "INSERT INTO coder (guid, name, created_at) VALUES ('g-anna', 'anna', '2017-05-12 10:00:00')"
        )
        conn.execute(
            'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
            "VALUES ('g-pas', 1, 15, 36, ?, '2017-05-12 10:00:00')",
            (text[15:36],),
        )
        conn.execute(
            "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
            "VALUES ('g-cod', 1, 1, 1, '', '2017-05-12 10:00:00')"
        )
        conn.commit()

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0009" in project.backup_path.name
        assert len(project.quotes()) == 1
        assert project.media.list() == []
        info = project.media.attach("R1", write_wav(tmp_path / "R1.wav", seconds=0.5))
        assert info.stored_path == "R1.wav"
        assert [t.timestamp for t in project.documents.turns("R1")] == [1.0]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT document_id, path, kind FROM media").fetchall() == [
            (1, "R1.wav", "audio")
        ]
    assert inspect_file(project.backup_path) == "0009"
