"""Project files: created at head, older ones backed up and upgraded, foreign files refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, ProjectFileError
from models.database import APPLICATION_ID, create_file, head_revision, inspect_file


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_new_file_is_created_at_head_with_pragmas(project: Project, project_path: Path) -> None:
    assert inspect_file(project_path) == head_revision()
    with closing(sqlite3.connect(project_path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with project.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert {"document", "code", "passage", "coding", "judgement", "turn", "review"} <= _tables(project_path)
    assert not {"segment", "assessment", "assessment_evidence"} & _tables(project_path)


def test_file_at_first_revision_is_backed_up_and_upgraded_with_data_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.codewerk"
    create_file(path, revision="0001")
    assert "turn" not in _tables(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', 'Wij vertrouwen elkaar 👍', 23, 'txt', '2017-05-12 10:00:00', 0)"
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
            "search_terms, inductive, created_at) VALUES ('g-code', 0, 'Vertrouwen', 'Trust', '', '#77aadd', "
            "'concept', '', '[]', 0, '2017-05-12 10:00:00')"
        )
        conn.execute(
            'INSERT INTO segment (guid, document_id, start, "end", text, created_at) '
            "VALUES ('g-seg', 1, 4, 21, 'vertrouwen elkaar', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO coding (guid, segment_id, code_id, memo, created_at) "
            "VALUES ('g-cod', 1, 1, 'kern', '2017-05-12 10:00:00')"
        )
        conn.commit()

    with Project.open(path) as project:
        assert project.backup_path is not None and project.backup_path.exists()
        assert project.backup_path.parent == tmp_path
        assert "0001" in project.backup_path.name
        assert inspect_file(path) == head_revision()
        quotes = project.quotes("Vertrouwen")
        assert [(q.text, q.start, q.end, q.memo) for q in quotes] == [("vertrouwen elkaar", 4, 21, "kern")]
        assert project.documents.text("R1") == "Wij vertrouwen elkaar 👍"
    # The backup is the untouched old file, still at the first revision.
    assert inspect_file(project.backup_path) == "0001"
    assert "turn" not in _tables(project.backup_path)
    # Opening again does not upgrade (or back up) twice.
    with Project.open(path) as again:
        assert again.backup_path is None


def test_file_from_a_newer_codewerk_is_refused(project_path: Path) -> None:
    create_file(project_path)
    with closing(sqlite3.connect(project_path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    with pytest.raises(ProjectFileError, match=r"studie\.codewerk: was written by a newer Codewerk"):
        Project.open(project_path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"Dit is een transcript, geen project.", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "damaged"),
    ],
)
def test_files_that_are_not_projects_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.codewerk"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=f"bad.codewerk: .*{reason}"):
        Project.open(path)
    assert path.read_bytes() == content


def test_sqlite_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    with pytest.raises(ProjectFileError, match="another program"):
        Project.open(path)


def test_missing_file_and_existing_target(tmp_path: Path, project_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=r"nope\.codewerk: no such file"):
        Project.open(tmp_path / "nope.codewerk")
    Project.create(project_path, codebook=None).close()
    with pytest.raises(ProjectFileError, match="already exists"):
        Project.create(project_path, codebook=None)


def test_the_revisions_read_from_the_migration_files_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from models.database import _alembic_config, known_revisions, revision_graph

    scripts = ScriptDirectory.from_config(_alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}
    for script in scripts.walk_revisions():
        assert set(revision_graph()[script.revision]) == set(script._all_down_revisions)


def test_a_migration_file_s_revisions_are_read_from_their_lines_or_else_from_the_parsed_file() -> None:
    from models.database import _revisions_of

    assert _revisions_of('"""doc"""\nrevision = "0016"\ndown_revision = "0015"\n', "a.py") == ("0016", "0015")
    assert _revisions_of('revision: str = "b"\ndown_revision: str | None = None\n', "b.py") == ("b", None)
    merge = 'revision = "m"  # a merge\ndown_revision = (\n    "x",\n    "y",\n)\n'
    assert _revisions_of(merge, "m.py") == ("m", ("x", "y"))  # the tuple spans lines: parsed
    twice = 'revision = "old"\ndown_revision = None\nrevision = "new"\n'
    assert _revisions_of(twice, "t.py") == ("old", None)  # the parser's answer: the first assignment
    docstring = '"""Upgrade notes:\nrevision = "not this"\n"""\nrevision = "r"\ndown_revision = "q"\n'
    assert _revisions_of(docstring, "d.py") == ("r", "q")


def test_file_at_revision_0003_gets_the_language_tables_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "code_sets.codewerk"
    create_file(path, revision="0003")
    assert "token" not in _tables(path)
    text = "[00:00:05] I: Vertrouwt u de partners?\n[00:00:09] R5: Ik vertrouwde hen altijd. 👍\n"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R5', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        conn.execute(
            "INSERT INTO turn (document_id, speaker, start, \"end\", body_start) VALUES (1, 'I', 0, 38, 14), "
            "(1, 'R5', 39, ?, 54)",
            (len(text) - 1,),
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, question, kind, category, "
            "search_terms, inductive, created_at) VALUES ('g-code', 0, 'Vertrouwen', 'Trust', '', '#77aadd', "
            "'4a', 'indicator', '', '[\"vertrouwen\"]', 0, '2017-05-12 10:00:00')"
        )
        conn.execute(
            'INSERT INTO segment (guid, document_id, start, "end", text, created_at) '
            "VALUES ('g-seg', 1, 54, 77, 'Ik vertrouwde hen altijd', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO coding (guid, segment_id, code_id, memo, created_at) "
            "VALUES ('g-cod', 1, 1, '', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO code_set (guid, name, description, position) VALUES ('g-set', 'Kern', '', 0)"
        )
        conn.execute("INSERT INTO code_set_member (set_id, code_id) VALUES (1, 1)")
        conn.commit()

    with Project.open(path) as project:
        assert project.backup_path is not None and "0003" in project.backup_path.name
        assert {"text_index", "sentence", "term", "token", "suggestion", "respondent"} <= _tables(path)
        assert [(q.text, q.start, q.end) for q in project.quotes("Vertrouwen")] == [
            ("Ik vertrouwde hen altijd", 54, 77)
        ]
        assert [d.reason for d in project.assist.stale()] == ["not indexed"]
        hits = project.assist.search("vertrouwen", "lemma", answers_only=True)
        assert [(line.hit, line.start) for line in hits.lines] == [("vertrouwde", 57)]
        project.assist.register.add("R5", "Jan de Vries")
    assert inspect_file(project.backup_path) == "0003"


def test_file_at_revision_0004_gets_the_glossary_names_with_every_row_and_id_kept(tmp_path: Path) -> None:
    """0005 renames segment → passage and assessment → judgement: same rows, same ids, no id reused."""
    path = tmp_path / "names.codewerk"
    create_file(path, revision="0004")
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
        # Segment 1 is made and deleted first, so the AUTOINCREMENT counter is ahead of max(id).
        for guid, start, end in [("g-gone", 0, 3), ("g-seg", 4, 21)]:
            conn.execute(
                'INSERT INTO segment (guid, document_id, start, "end", text, created_at) '
                "VALUES (?, 1, ?, ?, ?, '2017-05-12 10:00:00')",
                (guid, start, end, text[start:end]),
            )
        conn.execute("DELETE FROM segment WHERE guid = 'g-gone'")
        conn.execute(
            "INSERT INTO coding (guid, segment_id, code_id, coder_id, memo, created_at) "
            "VALUES ('g-cod', 2, 1, 1, 'kern', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO review (guid, coding_id, coder_id, status, comment, updated_at) "
            "VALUES ('g-rev', 1, 1, 'question', 'waarom?', '2017-05-13 10:00:00')"
        )
        conn.execute(
            "INSERT INTO assessment (guid, attribute, value, code_id, score, justification, coder_id, "
            "updated_at) VALUES ('g-ass', 'region', 'Zwolle', 1, '+', 'men vertrouwt elkaar', 1, "
            "'2017-05-14 10:00:00')"
        )
        conn.execute("INSERT INTO assessment_evidence (assessment_id, segment_id) VALUES (1, 2)")
        conn.commit()

    with Project.open(path) as project:
        assert project.backup_path is not None and "0004" in project.backup_path.name
        tables = _tables(path)
        assert {"passage", "judgement", "judgement_evidence"} <= tables
        assert not {"segment", "assessment", "assessment_evidence", "coding_new"} & tables
        [quote] = project.quotes("Vertrouwen")
        assert (quote.text, quote.start, quote.end, quote.memo, quote.passage_id) == (
            "vertrouwen elkaar",
            4,
            21,
            "kern",
            2,
        )
        [judgement] = project.judgements.list(by="region")
        assert (judgement.score, judgement.justification, judgement.evidence) == (
            "+",
            "men vertrouwt elkaar",
            (2,),
        )
        # A new passage gets a fresh id: 1 was used once and is never handed out again.
        coding = project.code("R1", "Vertrouwen", 26, 32)
        assert coding.passage_id == 3
        # The orphan trigger works under its new name: uncoding removes the passage.
        project.codings.uncode(coding.id)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM passage").fetchone()[0] == 1
        assert conn.execute("SELECT status, comment FROM review").fetchall() == [("question", "waarom?")]
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == {"trg_coding_drop_orphan_passage"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert inspect_file(project.backup_path) == "0004"


def test_file_at_revision_0005_keys_codings_by_coder_and_keeps_every_coding(tmp_path: Path) -> None:
    """0006: passage, code and coder key a coding; a coding without a coder goes to 'unknown coder'."""
    path = tmp_path / "layers.codewerk"
    create_file(path, revision="0005")
    text = "Wij vertrouwen elkaar 👍 en werken samen."
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO document (guid, name, text, length, source_format, imported_at, position) "
            "VALUES ('g-doc', 'R1', ?, ?, 'txt', '2017-05-12 10:00:00', 0)",
            (text, len(text)),
        )
        conn.execute(
            "INSERT INTO code (guid, position, name, label, description, colour, kind, category, "
            "search_terms, inductive, created_at) VALUES ('g-code', 0, 'Vertrouwen', 'Trust', '', '#77aadd', "
            "'concept', '', '[]', 0, '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO coder (guid, name, created_at) VALUES ('g-anna', 'anna', '2017-05-12 10:00:00')"
        )
        for guid, start, end in [("g-gone", 0, 3), ("g-p1", 4, 21), ("g-p2", 27, 33)]:
            conn.execute(
                'INSERT INTO passage (guid, document_id, start, "end", text, created_at) '
                "VALUES (?, 1, ?, ?, ?, '2017-05-12 10:00:00')",
                (guid, start, end, text[start:end]),
            )
        conn.execute(
            "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
            "VALUES ('g-gone', 1, 1, 1, '', '2017-05-12 10:00:00')"
        )
        conn.execute("DELETE FROM coding WHERE guid = 'g-gone'")  # the counter is now ahead of max(id)
        conn.execute(
            "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
            "VALUES ('g-c1', 2, 1, 1, 'kern', '2017-05-12 10:00:00'), "
            "('g-c2', 3, 1, NULL, '', '2017-05-12 10:00:00')"
        )
        conn.execute(
            "INSERT INTO review (guid, coding_id, coder_id, status, comment, updated_at) "
            "VALUES ('g-rev', 2, 1, 'agreed', '', '2017-05-13 10:00:00')"
        )
        conn.commit()

    with Project.open(path, coder="ben") as project:
        assert project.backup_path is not None and "0005" in project.backup_path.name
        quotes = project.quotes("Vertrouwen")
        assert [(q.coding_id, q.text, q.memo, q.coder) for q in quotes] == [
            (2, "vertrouwen elkaar", "kern", "anna"),
            (3, "werken", "", "unknown coder"),
        ]
        # A second coder codes anna's passage with the same code: their own layer, a fresh id.
        second = project.code("R1", "Vertrouwen", 4, 21)
        assert (second.passage_id, second.coder, second.id) == (2, "ben", 4)
        with pytest.raises(InvalidInputError, match="already coded with 'Vertrouwen' by ben"):
            project.code("R1", "Vertrouwen", 4, 21)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT status FROM review WHERE coding_id = 2").fetchall() == [("agreed",)]
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == {"trg_coding_drop_orphan_passage"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM coding WHERE coder_id IS NULL").fetchone()[0] == 0
    assert inspect_file(project.backup_path) == "0005"
