"""The kept state is read an array at a time, when asked for (issue 19, memory): the next session's first find
reads only the arrays it looks at — not the turns' entries, the sentences' rows or the guide matcher's findings —
and finds the same suggestions, each document's words read when first asked for; a piece replaced meanwhile is
made again; the weights and rows read this way are the very numbers; and the guide's answers made when looked at
are those stored."""

from __future__ import annotations

import shutil
import sqlite3
from collections import defaultdict
from contextlib import closing
from functools import cached_property
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.language.pipeline_names import expected_name
from coding.language.suggestions import data as data_module
from coding.language.suggestions import stored_answers, stored_state
from coding.language.suggestions.data import load_corpus_data
from coding.language.suggestions.terms import TermSentences
from coding.language.suggestions.vectors import (
    StoredUnitWeights,
    UnitWeights,
    bag_counts,
    pack_stored_weights,
)
from tests.coding.language.indexed_corpus import indexed_copy, without_kept_state


@pytest.fixture(scope="module")
def indexed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_copy(tmp_path_factory, "byarray23", 23)


@pytest.fixture(autouse=True)
def stored_from_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)


@pytest.fixture
def path(indexed_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work.codewerk"
    shutil.copyfile(indexed_file, target)
    return target


def _find(path: Path, code: str | None = "Vertrouwen") -> list[str]:
    with Project.open(path) as project:
        found = [repr(c) + " " + repr(c.full_reason) for c in project.assist.suggestions.candidates(code)]
        assert project.assist.suggestions.keep_for_next_session()
        return found


def test_the_next_session_reads_only_the_arrays_it_looks_at_and_finds_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = _find(path)
    read: dict[str, set[str]] = defaultdict(set)
    fetch = stored_state.StoredArrays._fetch

    def fetching(self: stored_state.StoredArrays, at: int, nbytes: int) -> np.ndarray | None:
        key = next(k for k in self if self._entries[k][2] == at and self._entries[k][3] == nbytes)
        read[self._name].add(key)
        return fetch(self, at, nbytes)

    monkeypatch.setattr(stored_state.StoredArrays, "_fetch", fetching)
    assert _find(path) == first
    # the turns: where they are and their closest codes stored; their entries never looked at
    assert read["turn_vectors"] and not read["turn_vectors"] & {"rows", "columns", "counts", "norms"}
    assert "rows" not in read["sentence_vectors"] and "firsts" in read["sentence_vectors"]
    # the guide's candidates are stored: of the answers only which question each answers, no finding
    assert read["guide_answers"] <= {
        "document",
        "question",
        "questions",
        "asks_lengths",
        "matched_lengths",
        "overlap_lengths",
    }
    assert first == _find(without_kept_state(path, tmp_path))


def _without_a_loaded_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a process that never loaded spaCy: none is loaded, and loading one fails the test."""
    from coding.language import pipeline

    def loading(language: str) -> None:
        raise AssertionError(f"the {language} pipeline was loaded")

    monkeypatch.setattr(pipeline, "loaded_pipeline", lambda language: None)
    monkeypatch.setattr(pipeline, "pipeline_for", loading)


def test_the_next_session_finds_without_loading_the_language_pipeline(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        _without_a_loaded_pipeline(patched)
        if expected_name("nl") is None:  # as test_staleness: only loading a trained pipeline tells its name
            pytest.skip("a trained nl pipeline is installed: the next session's find loads it for its name")
    first = _find(path)  # the search terms' sentences are found by the pipeline: it is loaded
    with Project.open(path) as project:
        loaded = project.assist.pipeline
        key = (loaded.language, loaded.name, loaded.trained)
        assert project.assist.pipeline_key() == key
        with monkeypatch.context() as patched:
            _without_a_loaded_pipeline(patched)
            assert project.assist.pipeline_key() == key  # told by its name, the same
    # everything the next session's find needs is stored: it never loads spaCy (≈ 140 MB, ≈ 1 s)
    _without_a_loaded_pipeline(monkeypatch)
    assert _find(path) == first


def test_the_next_session_reads_the_turns_when_first_asked_for_once_and_they_are_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _find(path)
    with Project.open(path) as project:  # the turns as a find that reads every document's words holds them
        eager = load_corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
    assert any(len(document.turns.start) for document in eager.documents.values())
    turns = data_module._turns
    read: list[int] = []

    def reading(*args: object) -> object:
        read.append(1)
        return turns(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(data_module, "_turns", reading)
    with Project.open(path) as project:
        service = project.assist.suggestions
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        # not read with the words known (at ten times the corpus the next session's find looks at none of the
        # 400,724 turns: reading them was ≈ 0.23 s of it)
        assert not read
        assert [repr(c) + " " + repr(c.full_reason) for c in service.candidates("Vertrouwen")] == first
        assert len(read) <= 1  # (here a few sentence runs look up their turn)
        for doc_id, document in data.documents.items():  # when asked for: all read once, the very turns
            theirs = eager.documents[doc_id].turns
            for field in ("start", "body_start", "end", "interviewer"):
                mine = getattr(document.turns, field)
                assert mine.dtype == getattr(theirs, field).dtype
                assert np.array_equal(mine, getattr(theirs, field))
        assert read == [1]


def test_the_next_session_does_not_sort_the_term_sentences_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _find(path)

    def sorting(self: TermSentences) -> np.ndarray:
        raise AssertionError("the term sentences were sorted for their doubles")

    found = cached_property(sorting)
    found.__set_name__(TermSentences, "twice")
    monkeypatch.setattr(TermSentences, "twice", found)
    # which sentences have their passage twice is stored with them (a sort of all 465,883 at ten times the corpus)
    assert _find(path) == first


def test_a_piece_replaced_after_it_was_opened_is_made_again(path: Path) -> None:
    _find(path)
    with Project.open(path) as project:
        store = project.assist.corpus().store
        with closing(sqlite3.connect(path)) as conn:
            stamp = conn.execute("SELECT stamp FROM kept_state WHERE name = 'turn_vectors'").fetchone()[0]
        whole = stored_state.read(store, "turn_vectors", stamp)
        assert whole is not None
        made: list[int] = []

        def rebuild() -> dict[str, np.ndarray]:
            made.append(1)
            return {key: np.array(value) for key, value in whole.items()}

        arrays = stored_state.StoredArrays.open(store, "turn_vectors", stamp, rebuild)
        assert arrays is not None and set(arrays) == set(whole)
        early = arrays["document"]
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("UPDATE kept_state SET stamp = 'other' WHERE name LIKE 'turn_vectors%'")
            conn.commit()
        for key, value in whole.items():
            assert arrays[key].dtype == value.dtype and np.array_equal(arrays[key], value)
        assert made == [1] and np.array_equal(early, whole["document"])
        assert stored_state.StoredArrays.open(store, "turn_vectors", stamp, rebuild) is None


@st.composite
def _bags(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    n_rows = draw(st.integers(1, 40))
    words = draw(st.lists(st.tuples(st.integers(0, n_rows - 1), st.integers(0, 30)), max_size=300))
    rows = np.array([r for r, _ in words], dtype=np.int32)
    columns = np.array([c for _, c in words], dtype=np.int32)
    return (*bag_counts(rows, columns, 31), n_rows)


@settings(max_examples=60, deadline=None)
@given(_bags(), st.data())
def test_stored_weights_and_rows_are_the_very_numbers(
    bag: tuple[np.ndarray, np.ndarray, np.ndarray, int], data: st.DataObject
) -> None:
    rows, columns, counts, n_rows = bag
    idf = np.linspace(0.5, 3.0, 31)
    weights = UnitWeights.of(rows, columns, counts, idf, n_rows)
    arrays = {"rows": rows, "columns": weights.columns, **pack_stored_weights(rows, weights, n_rows)}
    blob = stored_state.unpack_blob(stored_state.pack_blob(arrays))
    stored = StoredUnitWeights(_NotRead(blob))
    size = len(rows)
    low = data.draw(st.integers(0, size))
    high = data.draw(st.integers(low, size))
    picked = np.array(
        data.draw(st.lists(st.integers(0, max(size - 1, 0)), max_size=20 if size else 0)), dtype=np.int64
    )
    for entries in (slice(low, high), picked, slice(None)):
        assert stored[entries].tobytes() == weights[entries].tobytes()
        assert np.array_equal(stored.rows_of(entries), rows[entries])
    assert np.array_equal(stored.firsts, np.searchsorted(rows, np.arange(n_rows + 1)))


class _NotRead(dict[str, np.ndarray]):
    """Arrays that say none was read yet (``StoredArrays.was_read``), so that the rows are found from ``firsts``."""

    def shape(self, key: str) -> tuple[int, ...]:
        return tuple(self[key].shape)

    def was_read(self, key: str) -> bool:
        return False


def test_the_answers_made_when_looked_at_are_those_stored(path: Path) -> None:
    with Project.open(path) as project:
        service = project.assist.suggestions
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        answers = list(service.fixed.guide_answers(data))
        found = service.fixed.answers[2]  # type: ignore[index]
    table, matches = stored_answers.unpack(stored_answers.pack((answers, found)))
    assert isinstance(table, stored_answers.AnswerTable) and len(table) == len(answers) > 10
    assert list(table) == answers and [repr(a) for a in table] == [repr(a) for a in answers]
    assert [table[n] for n in (0, -1, len(answers) // 2)] == [
        answers[0],
        answers[-1],
        answers[len(answers) // 2],
    ]
    assert table[3:9:2] == answers[3:9:2]
    assert list(stored_answers.asked_questions(table)) == [(a.document_id, a.question) for a in answers]
    assert list(stored_answers.asked_questions(answers)) == [(a.document_id, a.question) for a in answers]
    assert dict(matches).keys() == dict(found).keys()
    with pytest.raises(IndexError):
        table[len(answers)]


def test_the_next_session_reads_the_documents_words_when_asked_for_and_they_are_the_same(path: Path) -> None:
    first = _find(path)
    with Project.open(path) as project:
        service = project.assist.suggestions
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        assert data.documents and not any(document.read for document in data.documents.values())
        assert [repr(c) + " " + repr(c.full_reason) for c in service.candidates("Vertrouwen")] == first
        eager = load_corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        assert data.display == eager.display and list(data.documents) == list(eager.documents)
        for doc_id, document in data.documents.items():
            other = eager.documents[doc_id]
            assert document.words == other.words == len(other.term)
            for field in ("start", "length", "sentence", "term", "sentence_start", "sentence_end"):
                mine, theirs = getattr(document, field), getattr(other, field)
                assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
            assert document.read
