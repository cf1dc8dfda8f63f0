"""0007 adds judgement reviews and the review conversation; a file at 0006 keeps every mark."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from coding import Project
from models.database import create_file, inspect_file


def test_file_at_revision_0006_gets_review_threads_and_keeps_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "marks.codewerk"
    create_file(path, revision="0006")
    text = "Wij vertrouwen elkaar 👍 en werken samen."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        conn.execute(
            "INSERT INTO document_attribute (document_id, key, value) VALUES (1, 'region', 'Zwolle')"
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
            "search_terms, inductive, created_at) VALUES ('g-code', 0, 'Vertrouwen', 'Trust', '', '#77aadd', "
            "'concept', '', '[]', 0, '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO coder (guid, name, created_at) VALUES ('g-anna', 'anna', '2017-05-12 10:00:00')"
        )
        conn.execute(
            'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
            "VALUES ('g-pas', 1, 4, 21, ?, '2017-05-12 10:00:00')",
            (text[4:21],),
        )
        conn.execute(
            "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
            "VALUES ('g-cod', 1, 1, 1, '', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO review (guid, coding_id, coder_id, status, comment, updated_at) "
            "VALUES ('g-rev', 1, 1, 'question', 'waarom?', '2017-05-13 10:00:00')"
        )
        conn.execute(
            "INSERT INTO judgement (guid, attribute, value, code_id, score, justification, coder_id, "
            "updated_at) VALUES ('g-jud', 'region', 'Zwolle', 1, '+', 'men vertrouwt elkaar', 1, "
            "'2017-05-14 10:00:00')"
        )
        conn.commit()

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0006" in project.backup_path.name
        [mark] = project.reviews.list()
        assert (mark.reviewer, mark.mark, mark.comment, mark.quote) == (
            "anna",
            "question",
            "waarom?",
            text[4:21],
        )
        [quote] = project.quotes("Vertrouwen")
        project.reviews.reply("Omdat R1 het zegt.", coding_id=quote.coding_id)
        [judgement] = project.judgements.list()
        project.reviews.mark_judgement(judgement.id, "agreed", "ok", reviewer="anna")
        talk = project.reviews.discussion(coding_id=quote.coding_id)
        assert talk.guid == "g-cod" and [m.text for m in talk.messages] == ["Omdat R1 het zegt."]
        judged = project.reviews.discussion(judgement_id=judgement.id)
        assert judged.guid == "g-jud" and [m.status for m in judged.marks] == ["agreed"]
        project.judgements.clear(judgement.id)  # the judgement's mark goes with it, and comes back on undo
        assert project.reviews.judgement_discussions() == {}
        project.undo()
        assert [m.status for m in project.reviews.discussion(judgement_id=judgement.id).marks] == ["agreed"]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert inspect_file(project.backup_path) == "0006"
