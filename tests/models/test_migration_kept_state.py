"""0021 adds the table where a find of suggestions stores what the next session's first find reads (the vectors,
the profiles, the closest codes): an indexed file at 0020 gets it empty, its first find stores the pieces, and the
next session reads them and finds the same suggestions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from coding import Project
from coding.language.suggestions import stored_state
from models.database import _alembic_config, _migration_connection

TEXT = (
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar. Vertrouwen groeit.\n"
    "[00:00:40] I: En de werkgevers?\n"
    "[00:00:44] R5: Die afspraken komen ze na. Het vertrouwen groeit langzaam, de werkgever vertrouwt ons.\n"
)


def _downgrade(path: Path, revision: str) -> None:
    config = _alembic_config()
    with _migration_connection(path) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [
            name for (name,) in conn.execute("SELECT name FROM kept_state ORDER BY name") if "#" not in name
        ]


def test_an_indexed_file_at_0020_gets_the_table_and_its_first_find_fills_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)  # stored whatever the corpus's size
    path = tmp_path / "indexed.codewerk"
    sources = []
    for name in ("R5", "R6", "R7"):
        source = tmp_path / f"{name}.txt"
        source.write_text(TEXT.replace("R5", name), encoding="utf-8")
        sources.append(source)
    with Project.create(path, codebook="rwb", coder="student") as project:
        project.import_files(sources)
        project.assist.index()
        project.code("R5", "Vertrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
        suggested = project.assist.suggestions.candidates("Vertrouwen")
    assert len(_names(path)) == 7

    _downgrade(path, "0020")  # the file as 0020 left it: no table
    with closing(sqlite3.connect(path)) as conn:
        assert "kept_state" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}

    with Project.open(path, coder="student") as project:
        assert project.backup_path is not None and "0020" in project.backup_path.name
        assert _names(path) == []
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
    assert _names(path) == [
        "closest_codes",
        "guide_answers",
        "profiles",
        "sentence_vectors",
        "term_hits",
        "turn_closest",
        "turn_vectors",
    ]
    with Project.open(path, coder="student") as project:
        assert project.assist.suggestions.candidates("Vertrouwen") == suggested
