"""The sentences' and turns' bags of stems stored when a document is indexed (``word_bags``, issue 19) give the
suggestion engine's vectors exactly as counting them from the words does: for any words and turns (Hypothesis),
for every document of an indexed project, after a corrected text is indexed again; a bag of another index, a
missing one or one naming a term without a stem is not read, and that document is counted from its words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import DocumentId
from coding.language import word_bags
from coding.language.sql import raw_connection
from coding.language.suggestions import similar
from coding.language.suggestions import turns as turn_source
from coding.language.suggestions.data import CorpusData, load_corpus_data
from coding.language.suggestions.vectors import UnitWeights


@st.composite
def documents(
    draw: st.DrawFn,
) -> tuple[list[int], list[int], list[int], list[int], dict[int, str], list[int], list[int]]:
    """Content words in text order (start, end, sentence, term), the stems of the terms, and turns' bodies."""
    gaps = draw(st.lists(st.integers(1, 6), max_size=60))
    lengths = draw(st.lists(st.integers(1, 5), min_size=len(gaps), max_size=len(gaps)))
    starts = np.cumsum(gaps).tolist() if gaps else []
    ends = [s + min(n, g) for s, n, g in zip(starts, lengths, [*gaps[1:], 9][: len(gaps)], strict=True)]
    breaks = draw(st.lists(st.booleans(), min_size=len(gaps), max_size=len(gaps)))
    sentences = (np.cumsum(breaks) if gaps else np.zeros(0, dtype=np.int64)).tolist()
    stems = draw(
        st.lists(st.sampled_from(["a", "ab", "b", "vertrouw", "gemeent", "z", "ë"]), min_size=1, max_size=12)
    )
    stem_of = {100 + 7 * number: stem for number, stem in enumerate(stems)}
    terms = draw(st.lists(st.sampled_from(sorted(stem_of)), min_size=len(gaps), max_size=len(gaps)))
    bounds = sorted(draw(st.lists(st.integers(0, (starts[-1] if starts else 0) + 10), max_size=10)))
    body_starts = bounds[0::2]
    turn_ends = [b + draw(st.integers(-2, 40)) for b in body_starts]
    return starts, ends, sentences, terms, stem_of, body_starts, turn_ends


@settings(max_examples=200, deadline=None)
@given(documents())
def test_stored_bags_read_back_are_the_bags_counted_with_the_corpus_stem_ids(
    document: tuple[list[int], list[int], list[int], list[int], dict[int, str], list[int], list[int]],
) -> None:
    starts, ends, sentences, terms, stem_of, body_starts, turn_ends = document
    arrays = [np.asarray(values, dtype=np.int64) for values in (starts, ends, sentences, terms)]
    stored = word_bags.indexed_bags(*arrays, stem_of, body_starts, turn_ends)
    # the corpus numbers its stems in the order of their text, with stems this document does not have
    corpus_stems = sorted({*stem_of.values(), "aa", "c", "zz"})
    term_stem = np.full(max(stem_of) + 1, -1, dtype=np.int32)
    for term, stem in stem_of.items():
        term_stem[term] = corpus_stems.index(stem)
    counted = word_bags.document_bags(
        arrays[0], arrays[1], arrays[2], term_stem[arrays[3]], body_starts, turn_ends
    )
    for bag, expected in zip(stored, counted, strict=True):
        read = word_bags.unpack(word_bags.pack(bag))
        assert read.dtype == np.int32 and read.shape == expected.shape
        assert np.array_equal(read[0], expected[0]) and np.array_equal(read[2], expected[2])
        assert np.array_equal(term_stem[read[1]], expected[1])  # sorted within a row as counting sorts them
    # every word of a sentence is in its sentence's bag; a turn's bag holds the words inside its body
    assert int(stored[0][2].sum()) == len(terms)
    inside = sum(
        sum(1 for s, e in zip(starts, ends, strict=True) if body <= s and e <= end)
        for body, end in zip(body_starts, turn_ends, strict=True)
    )
    assert int(stored[1][2].sum()) == inside


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = CorpusSpec("bags13", documents=4, characters=5_000, codings=20, seed=13)
    return ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False).project


@pytest.fixture
def indexed(corpus_project: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "bags.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    with Project.open(path) as project:
        project.assist.index()
        yield project


def _load(project: Project, stored: bool = True) -> CorpusData:
    return load_corpus_data(project.assist.corpus(), project.assist.ensure_indexed(), stored_arrays=stored)


def _read(project: Project) -> dict[DocumentId, tuple[bool, bool]]:
    """Per document: whether its sentence and turn bags are read from the store."""
    data = _load(project)
    sentences = {doc_id: bag is not None for doc_id, _, bag in data.bags_by_document("sentences")}
    turns = {doc_id: bag is not None for doc_id, _, bag in data.bags_by_document("turns")}
    return {doc_id: (sentences[doc_id], turns[doc_id]) for doc_id in sentences}


def _assert_vectors_as_counted(project: Project) -> None:
    """The sentence and turn vectors built from the stored bags are those counted from the words, array for
    array to the last bit."""
    new, old = _load(project), _load(project, stored=False)
    assert old.store is None
    new_sentences, old_sentences = similar._build_sentence_vectors(new), similar._build_sentence_vectors(old)
    for name, value in vars(old_sentences).items():
        _assert_same(getattr(new_sentences, name), value, name)
    assert len(old_sentences.rows) > 500
    new_turns = turn_source.turn_vectors(new, new_sentences.idf)
    old_turns = turn_source.turn_vectors(old, old_sentences.idf)
    for name, value in vars(old_turns).items():
        _assert_same(getattr(new_turns, name), value, name, dtypes=False)
    assert len(old_turns.rows) > 200


def _assert_same(mine: object, theirs: object, name: str, *, dtypes: bool = True) -> None:
    """Two arrays, or two :class:`UnitWeights` (the weights kept as counts and norms), equal to the last bit:
    the weights made from them included."""
    if isinstance(theirs, UnitWeights):
        assert isinstance(mine, UnitWeights), name
        for part in UnitWeights.__slots__:
            _assert_same(getattr(mine, part), getattr(theirs, part), f"{name}.{part}", dtypes=dtypes)
        made, expected = mine[:], theirs[:]
        assert made.tobytes() == expected.tobytes() and len(expected) == len(theirs), name
        return
    assert isinstance(mine, np.ndarray) and isinstance(theirs, np.ndarray), name
    assert np.array_equal(mine, theirs), name
    if dtypes:
        assert mine.dtype == theirs.dtype, name


def test_every_indexed_document_has_its_bags_stored_and_read(indexed: Project) -> None:
    assert set(_read(indexed).values()) == {(True, True)} and len(_read(indexed)) == 4
    data = _load(indexed)
    for doc_id, document, bag in data.bags_by_document("sentences"):
        assert bag is not None
        expected = word_bags.counted(document.sentence, data.term_stem[document.term])
        assert all(np.array_equal(mine, theirs) for mine, theirs in zip(bag, expected, strict=True)), doc_id
    _assert_vectors_as_counted(indexed)


def test_a_corrected_text_gets_new_bags_once_indexed_again(indexed: Project) -> None:
    document = indexed.documents.list()[2]
    text = indexed.documents.text(document.id)
    cut = text.index("\n", len(text) // 2)
    indexed.documents.correct_text(
        document.id, text[:cut] + " Vertrouwen groeit langzaam tussen gemeenten en werkgevers." + text[cut:]
    )
    indexed.assist.index()
    assert set(_read(indexed).values()) == {(True, True)}
    _assert_vectors_as_counted(indexed)


def test_a_bag_of_another_index_or_none_or_an_unknown_term_is_not_read(indexed: Project) -> None:
    first, second, third = (d.id for d in indexed.documents.list()[:3])
    with closing(sqlite3.connect(indexed.path)) as conn:
        conn.execute(  # stored by an older index
            "UPDATE word_bags SET turns = ?, indexed_at = '2001-01-01 00:00:00' WHERE document_id = ?",
            (word_bags.pack(np.zeros((3, 1), dtype=np.int32)), first),
        )
        conn.execute(
            "DELETE FROM word_bags WHERE document_id = ?", (second,)
        )  # indexed before they were stored
        (blob,) = conn.execute("SELECT sentences FROM word_bags WHERE document_id = ?", (third,)).fetchone()
        broken = word_bags.unpack(blob).copy()
        broken[1, 0] = 10**8  # a term the project does not have
        conn.execute(
            "UPDATE word_bags SET sentences = ? WHERE document_id = ?", (word_bags.pack(broken), third)
        )
        conn.commit()
    read = _read(indexed)
    assert read[DocumentId(first)] == (False, False)
    assert read[DocumentId(second)] == (False, False)
    assert read[DocumentId(third)] == (False, True)
    _assert_vectors_as_counted(indexed)  # those documents counted from their words


def test_the_suggestions_are_those_of_counted_bags(indexed: Project) -> None:
    stored = indexed.assist.suggestions.candidates(None)
    with indexed.store.write() as session:
        raw_connection(session).execute("DELETE FROM word_bags")
    indexed.assist.suggestions._data = None
    assert indexed.assist.suggestions.candidates(None) == stored
    assert len(stored) > 20
