"""Issue 19: a large indexing run builds the token table's term index after the rows, and the
stored index is the same as when every row went into it as it was inserted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from coding.language import token_indexes
from coding.language.indexer import Indexer
from tests.coding.language.conftest import ARNHEM, ZWOLLE
from tests.coding.language.test_index_batches import _index_tables


def _token_indexes(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'token' ORDER BY name"
        ).fetchall()


@pytest.fixture
def corpus(project: Project, tmp_path: Path) -> Project:
    files = []
    for number in range(6):
        path = tmp_path / f"R{number}.txt"
        path.write_text((ZWOLLE, ARNHEM)[number % 2] * (number + 1), encoding="utf-8")
        files.append(path)
    project.import_files(files)
    return project


def _index_watching(project: Project) -> tuple[list[list[tuple[str, str]]], object]:
    """Index the stale documents; the token indexes as they were at each progress call."""
    seen: list[list[tuple[str, str]]] = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append(_token_indexes(project.store.path))

    report = project.assist.index(progress)
    return seen, report


def test_a_first_index_builds_the_term_index_after_the_rows_with_the_same_result(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus.store.path
    schema = _token_indexes(path)
    assert [name for name, _sql in schema] == ["ix_token_term_span"]
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 10**12)  # as before: never
    seen, _ = _index_watching(corpus)
    assert all(indexes == schema for indexes in seen)
    inserted = _index_tables(path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM text_index")
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0)
    seen, report = _index_watching(corpus)
    assert report.documents == 6  # type: ignore[attr-defined]
    assert seen[1:-1] and all(indexes == [] for indexes in seen[1:-1])  # away while rows went in
    assert seen[-1] == schema == _token_indexes(path)  # and back, as the schema has it, when done
    assert _index_tables(path) == inserted
    assert len(corpus.assist.search("vertrouwen", "lemma").lines) > 6


def test_a_few_documents_of_a_large_index_go_into_the_term_index_as_inserted(
    corpus: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0)
    corpus.assist.index()
    schema = _token_indexes(corpus.store.path)
    extra = tmp_path / "R9.txt"
    extra.write_text(ARNHEM, encoding="utf-8")
    corpus.import_files([extra])
    seen, report = _index_watching(corpus)
    assert report.documents == 1  # type: ignore[attr-defined]
    assert seen and all(indexes == schema for indexes in seen)


def test_the_term_index_is_back_when_a_run_fails_midway(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = _token_indexes(corpus.store.path)
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0)
    calls: list[str] = []

    def failing(done: int, total: int, name: str) -> None:
        calls.append(name)
        if len(calls) == 3:
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        corpus.assist.index(failing)
    assert _token_indexes(corpus.store.path) == schema


def test_a_term_index_left_dropped_is_built_again_before_the_next_search(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.assist.index()
    path = corpus.store.path
    schema = _token_indexes(path)
    # as a process that ended between its last batch and rebuilding the index leaves the file
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP INDEX ix_token_term_span")
    assert _token_indexes(path) == []
    corpus.assist.invalidate()
    assert not corpus.assist.stale()  # nothing to index: the repair does not wait for that
    assert len(corpus.assist.search("vertrouwen", "lemma").lines) > 6
    assert _token_indexes(path) == schema
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP INDEX ix_token_term_span")
    assert corpus.assist.index().documents == 0
    assert _token_indexes(path) == schema


def test_worth_deferring_weighs_the_rows_written_against_the_rows_kept(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0)
    store = corpus.store
    documents = sorted(corpus.documents.list(), key=lambda d: d.name)
    lengths = {d.id: len(corpus.documents.text(d.id)) for d in documents}
    assert token_indexes.worth_deferring(store, lengths.items())  # nothing kept yet
    Indexer(store, corpus.assist.pipeline).run()
    assert token_indexes.worth_deferring(store, lengths.items())  # everything again: nothing kept
    small, large = documents[0].id, documents[-1].id  # R0 is one transcript, R5 six
    assert not token_indexes.worth_deferring(store, [(small, lengths[small])])
    rest = [(d.id, lengths[d.id]) for d in documents if d.id != small]
    assert token_indexes.worth_deferring(store, rest)
    assert not token_indexes.worth_deferring(store, [])
    assert lengths[large] > lengths[small]
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", sum(lengths.values()) + 1)
    assert not token_indexes.worth_deferring(store, lengths.items())


def test_a_deferred_run_builds_again_exactly_the_indexes_the_file_had(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus.store.path
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            'CREATE INDEX "ix token by sentence" ON token (document_id, sentence) WHERE start > 0'
        )
    schema = _token_indexes(path)
    assert len(schema) == 2
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0)
    seen, report = _index_watching(corpus)
    assert report.documents == 6  # type: ignore[attr-defined]
    assert seen[1:-1] and all(indexes == [] for indexes in seen[1:-1])
    assert _token_indexes(path) == schema
