"""The guide matcher's findings stored per document (``guide_turn_matches``, issue 19) give the answers the guide
service finds by matching the texts, and are matched again when what they were found from changed: the guide,
a document's text, the speaker rules, each also undone; the researcher's decisions need no new matching."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.guide.answer_spans import AnswerSpan
from coding.guide.guide_service import GuideService
from coding.language import guide_matches
from coding.language.corpus import Corpus
from coding.language.guide_matches import TurnMatches, guide_key
from coding.language.sql import raw_connection
from coding.language.suggestions import guide_answers
from coding.language.suggestions import turns as turn_source
from coding.language.suggestions.candidates import Candidate, combine_scores, merge, with_reason
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.guide_answers import stored_answer_spans


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = CorpusSpec("guide7", documents=4, characters=6_000, codings=20, seed=7)
    return ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False).project


@pytest.fixture
def indexed(corpus_project: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "guide.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    with Project.open(path) as project:
        project.assist.index()
        yield project


@pytest.fixture
def matched(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The documents matched from their texts (not read from stored findings), as they are matched."""
    found: list[int] = []
    original = guide_matches.find

    def counting(*args: object, **kwargs: object) -> TurnMatches:
        found.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(guide_matches, "find", counting)
    return found


def _stored(project: Project) -> tuple[list[AnswerSpan], dict[DocumentId, TurnMatches]]:
    assist = project.assist
    data = assist.suggestions._corpus_data(assist.corpus(), assist.ensure_indexed())
    answers, found = stored_answer_spans(project.guide, assist.corpus(), data)
    return answers, dict(found)


def _matched_from_texts(project: Project) -> list[AnswerSpan]:
    """The guide service's answers: every interviewer turn matched from the text now."""
    return project.guide.answer_spans(sorted(project.assist.ensure_indexed()))


def _keys(project: Project) -> set[str]:
    with project.store.read() as session:
        return {key for (key,) in raw_connection(session).execute("SELECT guide_key FROM guide_turn_matches")}


def test_indexing_stores_what_the_matcher_finds_and_it_gives_the_guide_services_answers(
    indexed: Project, matched: list[int]
) -> None:
    with indexed.store.read() as session:
        rows = raw_connection(session).execute("SELECT count(*) FROM guide_turn_matches").fetchone()[0]
    assert rows == 4 and _keys(indexed) == {guide_key(indexed.guide.matcher())}
    answers, found = _stored(indexed)
    assert matched == []  # read, not matched
    assert answers == _matched_from_texts(indexed) and len(answers) > 20
    matcher = indexed.guide.matcher()
    for doc_id, findings in found.items():  # each interviewer turn's similarities are the matcher's
        text = indexed.documents.text(doc_id)
        for turn in indexed.documents.turns(doc_id):
            if indexed.speakers.is_interviewer(turn.speaker):
                assert findings.overlaps(turn.start) == dict(
                    matcher.overlaps(text[turn.body_start : turn.end])
                )


def test_an_edited_guide_question_is_matched_again_and_so_is_its_undo(
    indexed: Project, matched: list[int]
) -> None:
    before, _ = _stored(indexed)
    asked = max(sorted({a.question for a in before}), key=lambda ref: sum(a.question == ref for a in before))
    indexed.codes.update(asked, guide_question="Welke kleur heeft de fiets van de buurvrouw?")
    after, _ = _stored(indexed)
    assert len(matched) == 4 and _keys(indexed) == {guide_key(indexed.guide.matcher())}
    assert after == _matched_from_texts(indexed) and after != before  # stored rows would have said before
    indexed.undo()
    matched.clear()
    again, _ = _stored(indexed)
    assert len(matched) == 4 and again == before == _matched_from_texts(indexed)
    matched.clear()
    assert _stored(indexed)[0] == before and matched == []  # stored again for the guide as it is


def test_a_corrected_text_is_matched_again_once_indexed_and_so_is_its_undo(
    indexed: Project, matched: list[int]
) -> None:
    before, _ = _stored(indexed)
    document = indexed.documents.list()[2]
    text = indexed.documents.text(document.id)
    turn = next(
        t
        for t in indexed.documents.turns(document.id)
        if indexed.speakers.is_interviewer(t.speaker) and any(a.asked_start == t.start for a in before)
    )
    # the interviewer's question replaced by words no guide question has
    indexed.documents.correct_text(
        document.id, text[: turn.body_start] + "Zullen we even pauzeren?" + text[turn.end :]
    )
    after, _ = _stored(indexed)
    assert len(matched) == 1 and after == _matched_from_texts(indexed) and after != before
    indexed.undo()
    again, _ = _stored(indexed)
    assert len(matched) == 2 and again == before == _matched_from_texts(indexed)


def test_speaker_rules_that_change_the_interviewers_are_matched_again(
    indexed: Project, matched: list[int]
) -> None:
    before, _ = _stored(indexed)
    respondent = next(
        t.speaker
        for t in indexed.documents.turns(indexed.documents.list()[0].id)
        if not indexed.speakers.is_interviewer(t.speaker)
    )
    indexed.speakers.set_interviewer(respondent)
    after, _ = _stored(indexed)
    assert matched and after == _matched_from_texts(indexed) and after != before
    indexed.undo()
    matched.clear()
    assert _stored(indexed)[0] == before == _matched_from_texts(indexed) and matched


def test_the_researchers_decisions_are_applied_to_the_stored_findings_without_matching_again(
    indexed: Project, matched: list[int]
) -> None:
    before, _ = _stored(indexed)
    first = before[0]
    document = next(d.name for d in indexed.documents.list() if d.id == first.document_id)
    other = next(ref for ref in indexed.guide.matcher().refs if ref != first.question)
    indexed.guide.move(document, first.asked_start, first.question, other)
    after, _ = _stored(indexed)
    assert matched == [] and after == _matched_from_texts(indexed)
    moved = [a for a in after if a.asked_start == first.asked_start and a.document_id == first.document_id]
    assert [(a.question, a.confirmed) for a in moved] == [(other, True)]


def test_a_row_for_another_text_or_guide_is_not_read(indexed: Project, matched: list[int]) -> None:
    before, _ = _stored(indexed)
    with closing(sqlite3.connect(indexed.path)) as conn:
        conn.execute(
            "UPDATE guide_turn_matches SET matched_start = x'', matched_question = x'', matched_confidence = x''"
        )
        conn.execute("UPDATE guide_turn_matches SET text_hash = 'older' WHERE document_id = 1")
        conn.execute("UPDATE guide_turn_matches SET guide_key = 'older' WHERE document_id = 2")
        conn.commit()
    assert _stored(indexed)[0] != before  # the emptied rows of documents 3 and 4 are read as they are
    assert len(matched) == 2
    with closing(sqlite3.connect(indexed.path)) as conn:
        conn.execute("DELETE FROM guide_turn_matches")
        conn.commit()
    assert _stored(indexed)[0] == before and len(matched) == 6


def _matched_now(guide: GuideService, corpus: Corpus, data: CorpusData) -> tuple[list[AnswerSpan], None]:
    """The path replaced: every interviewer turn matched from the texts, no findings for the neighbours."""
    return guide.answer_spans(sorted(data.documents)), None


@pytest.mark.parametrize("code", [None, "Vertrouwen"])
def test_the_suggestions_from_the_stored_findings_are_those_matched_from_the_texts(
    indexed: Project, code: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = indexed.assist.suggestions.candidates(code)
    indexed.assist.suggestions.fixed.answers = None
    with monkeypatch.context() as patched:
        patched.setattr(guide_answers, "stored_answer_spans", _matched_now)
        old = indexed.assist.suggestions.candidates(code)
    assert sum("question" in c.sources for c in old) > 5
    assert new == old


def test_reasons_are_made_for_the_suggestions_offered_only(
    indexed: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    original = turn_source._turn_reason

    def counting(*args: Any) -> str:
        made.append(original(*args))
        return made[-1]

    monkeypatch.setattr(turn_source, "_turn_reason", counting)
    everything = indexed.assist.suggestions.candidates(limit=1_000)
    turns = [
        c for c in everything if c.sources == ("similar",) and c.reason.startswith(("Of all", "This answer"))
    ]
    assert len(turns) > 3 and all(c.why is None for c in everything)
    made.clear()
    few = indexed.assist.suggestions.candidates(limit=1)
    offered = [c for c in few if c.reason in made]
    # made: those offered and those merged into another on the way (all turns found, before)
    assert offered and len(offered) <= len(made) < len(turns)


def test_merged_reasons_made_on_demand_are_those_made_at_once() -> None:
    def found(start: int, end: int, score: float, reason: str, lazy: bool) -> Candidate:
        if lazy:
            return Candidate(
                DocumentId(1), CodeId(2), start, end, score, ("similar",), "", why=lambda: reason
            )
        return Candidate(DocumentId(1), CodeId(2), start, end, score, ("similar",), reason)

    spans = [
        (0, 100, 0.3, "Turn."),
        (10, 20, 0.5, "Sentence."),
        (30, 40, 0.2, "Turn."),
        (200, 210, 0.4, "Alone."),
    ]
    for lazy in ([True] * 4, [True, False, True, False], [False] * 4):
        merged = merge([found(*span, lazy=flag) for span, flag in zip(spans, lazy, strict=True)])
        assert [with_reason(c).reason for c in merged] == ["Turn. Sentence.", "Alone."]
        assert [c.full_reason for c in merged] == ["Turn. Sentence.", "Alone."]
        assert [c.score for c in merged] == [combine_scores([0.3, 0.5, 0.2]), 0.4]


def test_indexing_stores_the_matches_from_the_texts_it_read_the_same_as_matching_them_afterwards(
    corpus_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The matches are computed while each document is indexed (its text read once, its fingerprint just
    checked), not by reading and hashing every text again afterwards; they are what matching afterwards
    stores, byte for byte."""
    path = tmp_path / "guide.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    texts_read: list[int] = []
    each_text = Corpus.each_text

    def counting(self: Corpus, document_ids: Any) -> Any:
        wanted = list(document_ids)
        texts_read.extend(wanted)
        return each_text(self, wanted)

    monkeypatch.setattr(Corpus, "each_text", counting)
    columns = "document_id, guide_key, text_hash, interviewers, " + guide_matches._COLUMNS
    with Project.open(path) as project:
        project.assist.index()
        assert texts_read == []
        with closing(sqlite3.connect(path)) as conn:
            while_indexed = conn.execute(f"SELECT {columns} FROM guide_turn_matches ORDER BY 1").fetchall()
            with conn:
                conn.execute("DELETE FROM guide_turn_matches")
        project.assist.store_guide_matches()
        assert len(texts_read) == 4
        with closing(sqlite3.connect(path)) as conn:
            afterwards = conn.execute(f"SELECT {columns} FROM guide_turn_matches ORDER BY 1").fetchall()
    assert len(while_indexed) == 4 and while_indexed == afterwards
