"""What a find keeps for the next one is stored in the project for the next session (issue 19): the next session's
first find reads the sentence and turn vectors, the profiles and the closest codes instead of computing them, and
finds the same suggestions with the same reasons; a coding or a code's description changed computes the profiles
and closest codes again (not the vectors), a document indexed again computes everything again, and a damaged or
unwritable entry is never a problem: it is computed as before."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coding import Project
from coding.language.suggestions import (
    guide_answers,
    resemblance,
    sentence_spans,
    similar,
    stored_answers,
    stored_state,
    stored_terms,
    terms,
    turns,
)
from coding.language.suggestions.candidates import Candidate
from tests.coding.language.indexed_corpus import indexed_copy, without_kept_state

PIECES = ["closest_codes", "guide_answers", "profiles", "sentence_vectors", "turn_closest", "turn_vectors"]
#: Every piece stored: those above, whose computing is counted (``computed``), the search terms' hits, the fixed
#: sources' candidates, the comparisons with the profiles and the turns' shared words (their own tests:
#: ``test_suggestions_stored_sources.py``).
STORED = sorted([*PIECES, "term_hits", "fixed_candidates", "seen_resemblances", "turn_words", "corpus_words"])


@pytest.fixture(scope="module")
def indexed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_copy(tmp_path_factory, "stored23", 23)


@pytest.fixture(autouse=True)
def stored_from_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """These corpora are small: the pieces are stored whatever the size."""
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", 0)


@pytest.fixture
def path(indexed_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work.codewerk"
    shutil.copyfile(indexed_file, target)
    return target


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each piece is computed (not kept, not read)."""
    counts = dict.fromkeys(PIECES, 0)

    def counting(name: str, owner: Any, attribute: str) -> None:
        function: Callable[..., Any] = getattr(owner, attribute)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        monkeypatch.setattr(owner, attribute, counted)

    counting("profiles", resemblance, "code_profiles")
    counting("closest_codes", sentence_spans, "closest_two")
    counting("turn_closest", turns, "closest_two")
    counting("sentence_vectors", similar, "_build_sentence_vectors")
    counting("turn_vectors", turns, "turn_vectors")
    counting("guide_answers", guide_answers, "stored_answer_spans")
    return counts


def _shown(found: list[Candidate]) -> list[str]:
    """The suggestions as the benchmarks compare them: each one's repr and full reason."""
    return [repr(c) + " " + repr(c.full_reason) for c in found]


def _find(path: Path, code: str | None = "Vertrouwen") -> list[str]:
    """A find in a session of its own, and the step after it that stores what it computed."""
    with Project.open(path) as project:
        found = _shown(project.assist.suggestions.candidates(code))
        assert project.assist.suggestions.keep_for_next_session()
        return found


def _stored(path: Path) -> dict[str, tuple[str, bytes]]:
    """Each stored row (a piece's row naming its parts, and its parts ``name#0``, …): its stamp and data."""
    with closing(sqlite3.connect(path)) as conn:
        return {
            name: (stamp, data)
            for name, stamp, data in conn.execute("SELECT name, stamp, data FROM kept_state")
        }


def _pieces(path: Path) -> list[str]:
    return sorted(name for name in _stored(path) if "#" not in name)


def test_the_next_session_reads_what_the_first_stored_and_finds_the_same(
    path: Path, computed: dict[str, int]
) -> None:
    first = _find(path)
    assert computed == dict.fromkeys(PIECES, 1) and len(first) > 5
    stored = _stored(path)
    assert _pieces(path) == STORED
    next_session = _find(path)
    assert computed == dict.fromkeys(PIECES, 1)  # all read, none computed
    assert next_session == first
    assert _stored(path) == stored  # nothing written again
    everything = _find(path, None)  # another scope: the same pieces
    assert computed == dict.fromkeys(PIECES, 1)
    assert everything == _find(without_kept_state(path, path.parent), None)


def test_a_coding_or_a_description_changed_computes_profiles_and_closest_codes_again(
    path: Path, computed: dict[str, int], tmp_path: Path
) -> None:
    before = _find(path)
    with Project.open(path) as project:
        found = project.assist.suggestions.candidates("Vertrouwen")
        longest = max(found, key=lambda c: c.end - c.start)
        project.codings.code(longest.document_id, longest.code_id, longest.start, longest.end)
    coded = _find(path)
    assert computed == {
        **dict.fromkeys(PIECES, 2),
        "sentence_vectors": 1,
        "turn_vectors": 1,
        "guide_answers": 1,
    }
    assert coded != before
    assert coded == _find(without_kept_state(path, tmp_path))
    with Project.open(path) as project:
        tree = project.context.resolve.code_tree()
        vertrouwen = next(c for c in tree if c.name == "Vertrouwen")
        words = " ".join(project.documents.text(longest.document_id).split()[:300])
        project.codes.update(vertrouwen.id, description=words)
    counts = dict(computed)
    described = _find(path)
    assert computed["profiles"] == counts["profiles"] + 1
    assert computed["sentence_vectors"] == counts["sentence_vectors"]  # read: the corpus is the same
    assert described != coded
    assert described == _find(without_kept_state(path, tmp_path))


def test_a_document_indexed_again_computes_everything_again(
    path: Path, computed: dict[str, int], tmp_path: Path
) -> None:
    _find(path)
    with Project.open(path) as project:
        document = project.documents.list()[0]
        text = project.documents.text(document.id)
        corrected = text.replace(" en ", " of ", 1)
        assert corrected != text
        project.documents.correct_text(document.id, corrected)
        project.assist.index()
    again = _find(path)
    assert computed == dict.fromkeys(PIECES, 2)
    assert again == _find(without_kept_state(path, tmp_path))


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: b"CWKS1" + b"\xff" * 40,
        lambda blob: blob[:13] + b"{x" + blob[15:],
    ],
    ids=["empty", "cut", "header", "json"],
)
def test_a_damaged_entry_is_computed_again_and_replaced(
    path: Path, computed: dict[str, int], damage: Callable[[bytes], bytes]
) -> None:
    first = _find(path)
    stored = _stored(path)
    with closing(sqlite3.connect(path)) as conn:
        for piece in STORED:
            _, data = stored[f"{piece}#0"]
            conn.execute("UPDATE kept_state SET data = ? WHERE name = ?", (damage(data), f"{piece}#0"))
        conn.commit()
    assert _find(path) == first
    assert computed == dict.fromkeys(PIECES, 2)
    assert _stored(path) == stored  # written again as the first find wrote it


def test_an_entry_of_another_shape_is_computed_again(path: Path, computed: dict[str, int]) -> None:
    first = _find(path)
    stored = _stored(path)
    assert stored["profiles"][1] == stored_state._PARTS.pack(1, len(stored["profiles#0"][1]))
    arrays = stored_state.unpack_blob(stored["profiles#0"][1])
    wrong = stored_state.pack_blob({**arrays, "counts": np.zeros(len(arrays["counts"]) + 1, dtype=np.int64)})
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE kept_state SET data = ? WHERE name = 'profiles#0'", (wrong,))
        conn.execute(
            "UPDATE kept_state SET data = ? WHERE name = 'profiles'",
            (stored_state._PARTS.pack(1, len(wrong)),),
        )
        conn.commit()
    assert _find(path) == first
    assert computed["profiles"] == 2 and computed["sentence_vectors"] == 1


def test_a_project_that_cannot_be_written_still_finds(
    path: Path, computed: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open(path) as project:
        project.store.read_only = True  # as a file on read-only media is opened
        first = _shown(project.assist.suggestions.candidates("Vertrouwen"))
        assert project.assist.suggestions.keep_for_next_session()  # nothing to do
    assert _stored(path) == {}
    assert first == _find(path)

    def refused(*_args: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(stored_state, "write", refused)
    shutil.copyfile(path.parent / "work.codewerk", path.parent / "other.codewerk")
    with closing(sqlite3.connect(path.parent / "other.codewerk")) as conn:
        conn.execute("DELETE FROM kept_state")
        conn.commit()
    assert _find(path.parent / "other.codewerk") == first
    assert _stored(path.parent / "other.codewerk") == {}


def test_blobs_round_trip_their_arrays() -> None:
    arrays: dict[str, np.ndarray] = {
        "a": np.arange(7, dtype=np.int32),
        "b": np.linspace(0, 1, 12).reshape(3, 4),
        "empty": np.zeros(0, dtype=np.int64),
        "flags": np.array([True, False, True]),
    }
    back = stored_state.unpack_blob(stored_state.pack_blob(arrays))
    assert list(back) == list(arrays)
    for key, array in arrays.items():
        assert back[key].dtype == array.dtype and back[key].shape == array.shape
        assert np.array_equal(back[key], array)
    with pytest.raises(ValueError, match="outside the blob"):
        stored_state.unpack_blob(stored_state.pack_blob(arrays)[:-64])


def test_a_piece_larger_than_a_part_is_written_and_read_in_parts(
    path: Path, computed: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored_state, "PART", 1000)
    first = _find(path)
    stored = _stored(path)
    parts, size = stored_state._PARTS.unpack(stored["sentence_vectors"][1])
    assert parts > 3 and size > 3000
    assert [len(stored[f"sentence_vectors#{n}"][1]) for n in range(parts)] == [1000] * (parts - 1) + [
        size - 1000 * (parts - 1)
    ]
    assert _find(path) == first
    assert computed == dict.fromkeys(PIECES, 1)
    with closing(sqlite3.connect(path)) as conn:  # a part of another stamp (a write cut short): not read
        conn.execute("UPDATE kept_state SET stamp = 'other' WHERE name = 'sentence_vectors#1'")
        conn.commit()
    assert _find(path) == first
    assert computed["sentence_vectors"] == 2
    assert _stored(path) == stored


def test_a_guide_decision_finds_the_answers_again_and_they_come_back_as_found(
    path: Path, computed: dict[str, int], tmp_path: Path
) -> None:
    with Project.open(path) as project:
        service = project.assist.suggestions
        service.candidates("Vertrouwen")
        service.keep_for_next_session()
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        answers, found = service.fixed.answers[1], service.fixed.answers[2]  # type: ignore[index]
        assert len(answers) > 10 and any(len(a.parts) > 1 for a in answers)
    with Project.open(path) as project:
        service = project.assist.suggestions
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        assert service.fixed.guide_answers(data) == answers
        read = service.fixed.answers[2]  # type: ignore[index]
        assert list(read) == list(found)
        for doc_id, matches in found.items():
            for field in (
                "asks",
                "matched_start",
                "matched_question",
                "matched_confidence",
                "overlap_start",
                "overlap_question",
                "overlap_similarity",
            ):
                mine, theirs = getattr(read[doc_id], field), getattr(matches, field)
                assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
        assert computed["guide_answers"] == 1
        answer = next(a for a in answers if not a.confirmed)
        project.guide.decide(answer.document_id, answer.asked_start, answer.question, "confirmed")
        decided = _shown(service.candidates("Vertrouwen"))
        service.keep_for_next_session()
    assert computed["guide_answers"] == 2
    assert decided == _find(without_kept_state(path, tmp_path))
    assert _find(path) == decided and computed["guide_answers"] == 3  # the fresh copy's, then read


def test_answers_and_findings_round_trip_their_arrays(path: Path) -> None:
    with Project.open(path) as project:
        service = project.assist.suggestions
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        answers = service.fixed.guide_answers(data)
        found = service.fixed.answers[2]  # type: ignore[index]
    back, matches = stored_answers.unpack(stored_answers.pack((answers, found)))
    assert back == answers and [repr(a) for a in back] == [repr(a) for a in answers]
    assert list(matches) == list(found)
    arrays = stored_answers.pack((answers, found))
    with pytest.raises(ValueError, match="another shape"):
        stored_answers.unpack({**arrays, "parts": arrays["parts"][:-1]})
    with pytest.raises(ValueError, match="another shape"):
        stored_answers.unpack({**arrays, "overlap_question": arrays["overlap_question"][:-1]})


def test_a_small_corpus_stores_nothing_and_reads_nothing(
    path: Path, computed: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _find(path)
    stored = _stored(path)
    assert _pieces(path) == STORED
    with Project.open(path) as project:
        words = sum(
            len(d.term)
            for d in project.assist.suggestions._corpus_data(
                project.assist.corpus(), project.assist.ensure_indexed()
            ).documents.values()
        )
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", words + 1)
    assert _find(path) == first
    assert computed == dict.fromkeys(PIECES, 2)  # not read
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM kept_state")
        conn.commit()
    assert _find(path) == first
    assert _stored(path) == {}  # nor written
    monkeypatch.setattr(stored_state, "STORED_FROM_WORDS", words)
    assert _find(path) == first
    assert _stored(path) == stored


def test_the_search_terms_hits_are_read_in_the_next_session_with_their_forms(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[object] = []
    original = terms._in_answer_sentences

    def counted(*args: Any) -> Any:
        looked_up.append(args)
        return original(*args)

    monkeypatch.setattr(terms, "_in_answer_sentences", counted)
    with Project.open(path) as project:
        service = project.assist.suggestions
        first = _shown(service.candidates(None))
        service.keep_for_next_session()
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        hits = dict(data.derived["terms"])
    found = len(looked_up)
    assert found == len(hits) > 3 and any(len(h.form) > 10 for h in hits.values())
    assert any(any(" " in form for form in h.form) for h in hits.values())  # a phrase's forms as read
    with closing(sqlite3.connect(path)) as conn:  # the candidates found from the hits are found again
        conn.execute("DELETE FROM kept_state WHERE substr(name, 1, 16) = 'fixed_candidates'")
        conn.commit()
    with Project.open(path) as project:
        service = project.assist.suggestions
        assert _shown(service.candidates(None)) == first
        data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
        read = data.derived["terms"]
    assert len(looked_up) == found  # none looked up again
    assert list(read) == list(hits)
    for pattern, theirs in hits.items():
        mine = read[pattern]
        assert mine.form == theirs.form
        for field in ("document", "sentence"):
            a, b = getattr(mine, field), getattr(theirs, field)
            assert a.dtype == b.dtype and np.array_equal(a, b)
    back = stored_terms.unpack(stored_terms.pack(hits))
    assert list(back) == list(hits) and [b.form for b in back.values()] == [h.form for h in hits.values()]


def test_a_bundled_program_stamps_the_engine_by_its_program_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the engine's modules are no files (a PyInstaller bundle keeps them in an archive), another build of
    the program gives another stamp, so an upgraded program never reads what an older one stored."""
    bundle = tmp_path / "bundle" / "coding" / "language" / "suggestions"
    bundle.mkdir(parents=True)  # the folder a bundled module names, without the module files
    monkeypatch.setattr(stored_state, "__file__", str(bundle / "stored_state.pyc"))
    program = tmp_path / "codewerk"
    program.write_bytes(b"build one")
    monkeypatch.setattr("sys.executable", str(program))
    stored_state.engine_stamp.cache_clear()
    try:
        first = stored_state.engine_stamp()
        program.write_bytes(b"build two, larger")
        stored_state.engine_stamp.cache_clear()
        second = stored_state.engine_stamp()
    finally:
        stored_state.engine_stamp.cache_clear()
    assert first != second


def test_the_engine_stamp_follows_every_domain_module_and_data_file_but_not_the_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reasons are written from the Dutch catalogue in ``coding.core`` and the answers from the guide reader in
    ``coding.guide``: a change of either (not only of the suggestion modules) gives another stamp, so stored
    reasons and answers of the older code are never read; a compiled cache appearing beside them changes nothing."""
    package = tmp_path / "coding"
    suggestions = package / "language" / "suggestions"
    suggestions.mkdir(parents=True)
    (suggestions / "stored_state.py").write_text("# engine\n")
    (package / "core").mkdir()
    catalogue = package / "core" / "nl_messages.py"
    catalogue.write_text('REASON = "komt voor in het antwoord"\n')
    (package / "guide").mkdir()
    reader = package / "guide" / "guide_file.py"
    reader.write_text("SUFFIXES = ('.txt',)\n")
    (package / "language" / "data").mkdir()
    places = package / "language" / "data" / "gemeenten.txt"
    places.write_text("Utrecht\n")
    monkeypatch.setattr(stored_state, "__file__", str(suggestions / "stored_state.py"))

    def stamp() -> bytes:
        stored_state.engine_stamp.cache_clear()
        return stored_state.engine_stamp()

    try:
        first = stamp()
        (package / "core" / "__pycache__").mkdir()
        (package / "core" / "__pycache__" / "nl_messages.cpython-311.pyc").write_bytes(b"cache")
        assert stamp() == first
        stamps = [first]
        for path, text in (
            (catalogue, 'REASON = "staat in het antwoord"\n'),
            (reader, "SUFFIXES = ()\n"),
            (places, "Utrecht\nZeist\n"),
        ):
            path.write_text(text)
            stamps.append(stamp())
    finally:
        stored_state.engine_stamp.cache_clear()
    assert len(set(stamps)) == len(stamps)


def test_a_find_stores_nothing_until_the_step_after_it_which_stops_between_parts_when_asked(
    path: Path, computed: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The suggestions come back before anything is stored (``candidates`` writes nothing); the step after it
    (``keep_for_next_session``) stores every piece; asked to stop (the project closes), it stops between two parts
    with nothing half read next session, and a later call stores the rest."""
    monkeypatch.setattr(stored_state, "PART", 1000)
    asked: list[None] = []

    def stop_at_the_27th_ask() -> bool:
        asked.append(None)
        return len(asked) > 26

    with Project.open(path) as project:
        service = project.assist.suggestions
        first = _shown(service.candidates("Vertrouwen"))
        assert _stored(path) == {}
        assert not service.keep_for_next_session(stop_at_the_27th_ask)
        partly = _pieces(path)
        cut = {name.split("#")[0] for name in _stored(path)} - set(partly)
        assert partly and len(cut) == 1 and len(partly) < len(STORED)  # whole pieces, and one cut short
        assert service.keep_for_next_session()  # the rest, later in the same session
        assert _pieces(path) == STORED
        stored = _stored(path)
        assert service.keep_for_next_session() and _stored(path) == stored  # nothing left to store
    assert _find(path) == first
    assert computed == dict.fromkeys(PIECES, 1)  # all read
    asked.clear()
    fresh = without_kept_state(path, tmp_path)
    with Project.open(fresh) as project:  # closed while storing: what was stored is read, the rest computed
        assert _shown(project.assist.suggestions.candidates("Vertrouwen")) == first
        assert not project.assist.suggestions.keep_for_next_session(stop_at_the_27th_ask)
    partly = _pieces(fresh)
    assert _find(fresh) == first
    assert computed == {name: 2 if name in partly else 3 for name in PIECES}
    assert _pieces(fresh) == STORED
