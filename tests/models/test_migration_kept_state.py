"""0021 adds the table where a find of suggestions stores what the next session's first find reads (the vectors,
the profiles, the closest codes): an indexed file at 0020 gets it empty, its first find stores the pieces, and the
next session reads them and finds the same suggestions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from coding.language.suggestions import stored_state
from tests.models.indexed_files import downgrade, indexed_and_found


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [
            name for (name,) in conn.execute("SELECT name FROM kept_state ORDER BY name") if "#" not in name
        ]


def test_an_indexed_file_at_0020_gets_the_table_and_its_first_find_fills_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)  # stored whatever the corpus's size
    path, suggested = indexed_and_found(tmp_path, ("R5", "R6", "R7"))
    assert len(_names(path)) == 11

    downgrade(path, "0020")  # the file as 0020 left it: no table
    with closing(sqlite3.connect(path)) as conn:
        assert "kept_state" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0020" in project.backup_path.name
        assert _names(path) == []
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
        assert _names(path) == []  # stored in the step after the find
        assert project.assist.suggestions.keep_for_next_session()
    assert _names(path) == [
        "closest_codes",
        "corpus_words",
        "fixed_candidates",
        "guide_answers",
        "profiles",
        "seen_resemblances",
        "sentence_vectors",
        "term_hits",
        "turn_closest",
        "turn_vectors",
        "turn_words",
    ]
    with Project.open(path, coder="student") as project:
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
