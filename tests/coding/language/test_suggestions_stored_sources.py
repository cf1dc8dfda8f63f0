"""The candidates of the search terms and the guide, the comparisons with the codes' profiles and the turns' shared
words are stored for the next session too (issue 19): its first find reads them instead of finding them again and
offers the same suggestions with the same reasons; what they are found from changed (a search term, the language of
the reasons, a coding for the comparisons and words), they are found again."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core import i18n
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions import fixed_sources, resemblance, seen, stored_fixed, stored_state, turns
from coding.language.suggestions.candidate_columns import CandidateColumns, RankedColumns
from coding.language.suggestions.candidates import SOURCES, Candidate
from coding.language.suggestions.terms import TermSentences
from tests.coding.language.code_trees import code_info
from tests.coding.language.indexed_corpus import indexed_copy, without_kept_state

NEW_PIECES = ["fixed_candidates", "seen_resemblances", "turn_words"]


@pytest.fixture(scope="module")
def indexed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_copy(tmp_path_factory, "storedsrc29", 29)


@pytest.fixture(autouse=True)
def stored_from_any_size(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """These corpora are small: the pieces are stored whatever the size; the reasons in English."""
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def path(indexed_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work.codewerk"
    shutil.copyfile(indexed_file, target)
    return target


@pytest.fixture
def found(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each is found (not kept, not read): the fixed sources' candidates, comparisons, turns' words."""
    counts = {"fixed": 0, "compared": 0, "words": 0}

    def counting(name: str, owner: Any, attribute: str) -> None:
        function: Callable[..., Any] = getattr(owner, attribute)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        monkeypatch.setattr(owner, attribute, counted)

    counting("fixed", fixed_sources.FixedSources, "candidates")
    counting("compared", resemblance, "_compared")
    counting("words", turns, "top_contributions_of_many")
    return counts


def _find(path: Path, code: str | None = "Vertrouwen") -> list[str]:
    with Project.open(path) as project:  # found, then stored in the step after the find (as the window does)
        found = [repr(c) + " " + repr(c.full_reason) for c in project.assist.suggestions.candidates(code)]
        assert project.assist.suggestions.keep_for_next_session()
        return found


def _pieces(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM kept_state") if "#" not in name}


def test_the_next_session_reads_the_candidates_comparisons_and_words(
    path: Path, found: dict[str, int]
) -> None:
    first = _find(path)
    assert len(first) > 5 and found["fixed"] == 1 and found["compared"] >= 1 and found["words"] >= 1
    assert set(NEW_PIECES) <= _pieces(path)
    counts = dict(found)
    assert _find(path) == first
    assert found == counts  # all three read: nothing found again


def test_what_they_are_found_from_changed_finds_them_again(
    path: Path, found: dict[str, int], tmp_path: Path
) -> None:
    first = _find(path)
    with Project.open(path) as project:  # a coding: the same fixed candidates, other comparisons and words
        suggested = project.assist.suggestions.candidates("Vertrouwen")
        longest = max(suggested, key=lambda c: c.end - c.start)
        project.codings.code(longest.document_id, longest.code_id, longest.start, longest.end)
    counts = dict(found)
    coded = _find(path)
    assert coded != first and coded == _find(without_kept_state(path, tmp_path))
    assert found["fixed"] == counts["fixed"] + 1  # the fresh copy's only: read here
    assert found["compared"] > counts["compared"] + 1 and found["words"] > counts["words"] + 1
    with Project.open(path) as project:  # a search term: the fixed candidates found again
        tree = project.context.resolve.code_tree()
        vertrouwen = next(c for c in tree if c.name == "Vertrouwen")
        project.codes.update(vertrouwen.id, search_terms=[*vertrouwen.search_terms, "afspraak"])
    counts = dict(found)
    termed = _find(path)
    assert found["fixed"] == counts["fixed"] + 1
    assert termed == _find(without_kept_state(path, tmp_path))
    counts = dict(found)
    i18n.set_language("nl")  # the reasons in another language: found again, in it
    dutch = _find(path)
    assert found["fixed"] == counts["fixed"] + 1 and dutch != termed
    assert dutch == _find(without_kept_state(path, tmp_path))


_TEXT = st.text(max_size=12)
_TERMS = st.lists(st.tuples(_TEXT, st.lists(_TEXT, max_size=3).map(tuple)), max_size=3).map(tuple)
_CANDIDATE = st.builds(
    Candidate,
    st.integers(0, 1 << 40).map(DocumentId),
    st.integers(0, 1 << 40).map(CodeId),
    st.integers(0, 1 << 40),
    st.integers(0, 1 << 40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.sampled_from(SOURCES), min_size=1, max_size=3, unique=True).map(tuple),
    st.text() | st.sampled_from(["", "Answer to guide question 4c “Vertrouwen”.", "Names it."]),
    _TERMS,
    _TEXT,
    st.none() | st.integers(0, 50),
    st.booleans(),
)


TREE = [code_info(code, None) for code in range(1, 5)]


@st.composite
def _sentences(draw: st.DrawFn) -> TermSentences | None:
    if draw(st.booleans()):
        return None
    codes = draw(st.lists(st.sampled_from(TREE), unique=True, max_size=4))
    count = draw(st.integers(0, 12)) if codes else 0
    column = st.lists(st.integers(0, 1 << 40), min_size=count, max_size=count)
    return TermSentences(
        codes,
        np.array(
            draw(st.lists(st.integers(0, len(codes) - 1), min_size=count, max_size=count)), dtype=np.int64
        )
        if codes
        else np.zeros(0, dtype=np.int64),
        np.array(draw(column), dtype=np.int64),
        np.array(draw(column), dtype=np.int64),
        np.array(draw(column), dtype=np.int64),
        draw(st.lists(_TERMS.filter(bool), min_size=count, max_size=count)),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(_CANDIDATE, max_size=15), _sentences())
def test_fixed_candidates_come_back_as_they_were_found(
    candidates: list[Candidate], sentences: TermSentences | None
) -> None:
    blob = stored_state.pack_blob(stored_fixed.pack((sentences, candidates)))
    back_sentences, back = stored_fixed.unpack(stored_state.unpack_blob(blob), TREE)
    assert back == candidates
    # each distinct reason read once, shared by the candidates that give it
    assert len({id(c.reason) for c in back}) == len({c.reason for c in back})
    assert [repr(c) + repr(c.full_reason) for c in back] == [
        repr(c) + repr(c.full_reason) for c in candidates
    ]
    for mine, theirs in zip(back, candidates, strict=True):
        assert [type(getattr(mine, f)) for f in ("start", "score", "max_rank", "named")] == [
            type(getattr(theirs, f)) for f in ("start", "score", "max_rank", "named")
        ]
    if sentences is None:
        assert back_sentences is None
        return
    assert back_sentences is not None
    assert back_sentences.codes == sentences.codes and back_sentences.described == sentences.described
    assert back_sentences.candidates() == sentences.candidates()
    for field in ("code", "document", "start", "end"):
        mine, theirs = getattr(back_sentences, field), getattr(sentences, field)
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(1, 3), st.integers(0, 3), st.integers(0, 3)), max_size=16
    )
)
def test_the_sentences_with_their_passage_twice_are_stored_with_them(
    rows: list[tuple[int, int, int, int]],
) -> None:
    def column(n: int) -> np.ndarray:
        return np.array([row[n] for row in rows], dtype=np.int64).reshape(-1)

    sentences = TermSentences(
        TREE[:3], column(0), column(1), column(2), column(3), [(("trust", ("trust",)),)] * len(rows)
    )
    expected = [rows.count(row) >= 2 for row in rows]  # its code, document, start and end more than once
    assert sentences.twice.tolist() == expected
    blob = stored_state.pack_blob(stored_fixed.pack((sentences, [])))
    back, _ = stored_fixed.unpack(stored_state.unpack_blob(blob), TREE)
    assert back is not None
    assert "twice" in back.__dict__  # read with them: the next session's find does not sort them again
    assert back.twice.dtype == np.bool_ and back.twice.tolist() == expected


def test_a_reason_made_on_demand_or_a_blob_of_another_shape_is_not_taken() -> None:
    made = Candidate(DocumentId(1), CodeId(1), 0, 5, 0.5, ("similar",), "", why=lambda: "later")
    with pytest.raises(ValueError, match="on demand"):
        stored_fixed.pack((None, [made]))
    plain = Candidate(DocumentId(1), CodeId(1), 0, 5, 0.5, ("terms",), "why")
    arrays = stored_fixed.pack((None, [plain, plain]))
    with pytest.raises(ValueError, match="another shape"):
        stored_fixed.unpack({**arrays, "score": arrays["score"][:1]}, TREE)
    with pytest.raises(ValueError, match="another shape"):
        stored_fixed.unpack({**arrays, "reason": arrays["reason"] + 1}, TREE)
    one = np.ones(9, dtype=np.int64)
    sentences = TermSentences(TREE[:1], one * 0, one, one, one * 2, [(("trust", ("trust",)),)] * 9)
    arrays = stored_fixed.pack((sentences, [plain]))
    assert len(arrays["sentences.twice"]) == 2  # nine bits
    with pytest.raises(ValueError, match="another shape"):
        stored_fixed.unpack({**arrays, "sentences.twice": arrays["sentences.twice"][:1]}, TREE)


_KEY = st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(0, 99), st.integers(0, 99))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_KEY, max_size=8), max_size=4), st.lists(_KEY, max_size=10))
def test_kept_comparisons_come_back_as_they_were_kept(
    batches: list[list[tuple[int, int, int, int]]], asked: list[tuple[int, int, int, int]]
) -> None:
    kept = seen.SeenResemblances()
    for batch in batches:
        packed = np.array(batch, dtype=">u8").reshape(-1, 4)
        keys = np.empty((len(batch), 2), dtype=">u8")
        keys[:, 0] = (packed[:, 0] << np.uint64(32)) | packed[:, 1]
        keys[:, 1] = (packed[:, 2] << np.uint64(32)) | packed[:, 3]
        keys_v = keys.view(seen._KEY).reshape(len(batch))
        new = kept.find(keys_v) < 0
        count = int(new.sum())
        if count:
            figures = np.array([sum(key) for key, n in zip(batch, new, strict=True) if n], dtype=np.float64)
            kept.add(keys_v[new], figures > 10, figures / 3, figures.astype(np.int64), -figures)
    back = seen.SeenResemblances()
    back.load(stored_state.unpack_blob(stored_state.pack_blob(kept.arrays())))
    asked_keys = np.empty((len(asked), 2), dtype=">u8")
    flat = np.array(asked, dtype=">u8").reshape(-1, 4)
    asked_keys[:, 0] = (flat[:, 0] << np.uint64(32)) | flat[:, 1]
    asked_keys[:, 1] = (flat[:, 2] << np.uint64(32)) | flat[:, 3]
    keys_asked = asked_keys.view(seen._KEY).reshape(len(asked))
    assert np.array_equal(back.find(keys_asked), kept.find(keys_asked))
    for name, array in kept.arrays().items():
        assert np.array_equal(back.arrays()[name], array)
    if len(kept) > 1:  # out of order: not taken
        arrays = kept.arrays()
        with pytest.raises(ValueError, match="order"):
            seen.SeenResemblances().load({**arrays, "keys": arrays["keys"][::-1].copy()})


_FIELDS = ("document", "code", "start", "end", "score", "sources", "named")


def _stored(candidates: list[Candidate]) -> Any:
    blob = stored_state.pack_blob(stored_fixed.pack((None, candidates)))
    return stored_fixed.unpack(stored_state.unpack_blob(blob), TREE)[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(_CANDIDATE, max_size=15))
def test_the_fixed_candidates_read_are_columns_their_candidates_made_when_read(
    candidates: list[Candidate],
) -> None:
    back = _stored(candidates)
    assert isinstance(back, RankedColumns)
    assert not any(type(item) is Candidate for item in back.items)  # none made yet
    made_now = RankedColumns.ranked(candidates)  # the columns the candidates themselves give
    for field in (*_FIELDS, "max_rank"):
        mine, theirs = getattr(back, field), getattr(made_now, field)
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), field
    assert [item.terms for item in back.items] == [c.terms for c in candidates]  # read by merge, not made
    assert list(back) == candidates
    assert [repr(c) + repr(c.full_reason) for c in back] == [
        repr(c) + repr(c.full_reason) for c in candidates
    ]


class _Profiles:
    """As much of ``resemblance.Profiles`` as a note on a rank met reads."""

    counts = (1, 4)

    def row(self, code_id: CodeId) -> int:
        return int(code_id) % 2


def _table(data: Any, strict: list[Candidate], profiles: Any) -> tuple[np.ndarray, ...]:
    """A resemblance per candidate that depends on it alone (known, similarity, rank, margin)."""
    start = np.array([c.start for c in strict], dtype=np.int64)
    end = np.array([c.end for c in strict], dtype=np.int64)
    return start % 3 != 0, (start % 100) / 100.0, end % 7, np.zeros(len(strict))


@settings(max_examples=150, deadline=None)
@given(st.lists(_CANDIDATE, max_size=15), st.booleans())
def test_ranked_columns_meet_their_rank_as_the_list_of_candidates_does(
    candidates: list[Candidate], stored: bool
) -> None:
    """The columns' check (only those with a rank to meet made) against the list's (the oracle): the same
    candidates kept, with the same notes, in the same order; the columns given left as they were."""
    given_columns = _stored(candidates) if stored else RankedColumns.ranked(candidates)
    items = list(given_columns.items)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(resemblance, "resemblance_table", _table)
        expected = resemblance.meeting_their_rank(candidates, cast("Any", None), cast("Any", _Profiles()))
        got = resemblance.ranked_meeting_their_rank(
            given_columns, cast("Any", None), cast("Any", _Profiles())
        )
    assert list(got) == expected
    assert [c.full_reason for c in got] == [c.full_reason for c in expected]
    oracle = CandidateColumns.of(expected)
    for field in _FIELDS:
        assert np.array_equal(getattr(got, field), getattr(oracle, field)), field
    assert all(
        a is b for a, b in zip(given_columns.items, items, strict=True)
    )  # kept for the next find as read
