"""The content words stored when a document is indexed (``content_words``, issue 19) are what the token rows
say: for every document, after the text is corrected and indexed again, for a text indexed in several batches,
and a row of an older index is never read."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import DocumentId
from coding.language import content_words, index_batches
from coding.language.sql import raw_connection
from coding.language.suggestions.data import CorpusData, load_corpus_data


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = CorpusSpec("words7", documents=4, characters=5_000, codings=20, seed=7)
    return ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False).project


@pytest.fixture
def indexed(corpus_project: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "words.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    with Project.open(path) as project:
        project.assist.index()
        yield project


def _rows(project: Project) -> dict[int, tuple[str, str]]:
    with project.store.read() as session:
        return {
            doc_id: (text_hash, str(indexed_at))
            for doc_id, text_hash, indexed_at in raw_connection(session).execute(
                "SELECT document_id, text_hash, indexed_at FROM content_words"
            )
        }


def _load(project: Project, stored: bool) -> CorpusData:
    return load_corpus_data(project.assist.corpus(), project.assist.ensure_indexed(), stored_arrays=stored)


def _assert_same(project: Project) -> CorpusData:
    """The arrays read from the stored rows are those read from the token and sentence rows."""
    new, old = _load(project, True), _load(project, False)
    assert new.documents.keys() == old.documents.keys()
    for doc_id, document in old.documents.items():
        mine = new.documents[doc_id]
        for name in ("start", "end", "sentence", "term", "sentence_start", "sentence_end"):
            assert np.array_equal(getattr(mine, name), getattr(document, name)), (doc_id, name)
            assert getattr(mine, name).dtype == getattr(document, name).dtype
    assert (new.stems, new.display) == (old.stems, old.display)
    return new


def test_every_indexed_document_has_its_content_words_stored(indexed: Project) -> None:
    stored = _rows(indexed)
    with indexed.store.read() as session:
        index = dict(raw_connection(session).execute("SELECT document_id, text_hash FROM text_index"))
    assert stored.keys() == index.keys() and len(index) == 4
    assert all(stored[doc_id][0] == text_hash for doc_id, text_hash in index.items())
    data = _assert_same(indexed)
    assert sum(len(d.start) for d in data.documents.values()) > 1_000


def test_a_corrected_text_gets_new_stored_words_once_indexed_again(indexed: Project) -> None:
    document = indexed.documents.list()[1]
    text = indexed.documents.text(document.id)
    before = _load(indexed, True).documents[DocumentId(document.id)]
    stamp = _rows(indexed)[document.id]
    cut = text.index("\n", len(text) // 3)
    indexed.documents.correct_text(
        document.id, text[:cut] + " Vertrouwen groeit langzaam tussen gemeenten." + text[cut:]
    )
    assert [d.id for d in indexed.assist.stale()] == [document.id]
    after = _assert_same(indexed).documents[DocumentId(document.id)]  # indexed again on the way
    assert _rows(indexed)[document.id] != stamp
    assert len(after.start) > len(before.start)
    indexed.undo()
    assert _assert_same(indexed).documents[DocumentId(document.id)].start.tolist() == before.start.tolist()


def test_a_row_of_an_older_index_is_not_read(indexed: Project) -> None:
    document_id = indexed.documents.list()[0].id
    with closing(sqlite3.connect(indexed.path)) as conn:  # a stored row whose stamp is not the index's
        conn.execute(
            "UPDATE content_words SET start = ?, indexed_at = '2001-01-01 00:00:00' WHERE document_id = ?",
            (content_words.pack([1, 2, 3]), document_id),
        )
        conn.commit()
    indexed.assist.suggestions._data = None
    _assert_same(indexed)
    with closing(sqlite3.connect(indexed.path)) as conn:
        conn.execute("DELETE FROM content_words WHERE document_id = ?", (document_id,))
        conn.commit()
    _assert_same(indexed)


def test_a_text_indexed_in_several_batches_stores_all_its_words(
    corpus_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_batches, "BATCH_CHARACTERS", 700)
    path = tmp_path / "batches.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    with Project.open(path) as project:
        report = project.assist.index()
        assert report.documents == 4
        data = _assert_same(project)
        with project.store.read() as session:
            sentences = raw_connection(session).execute("SELECT count(*) FROM sentence").fetchone()[0]
        assert sum(len(d.sentence_start) for d in data.documents.values()) == sentences > 50
