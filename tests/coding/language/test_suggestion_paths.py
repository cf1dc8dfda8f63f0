"""The suggestion engine's quick paths over stored arrays give what the straightforward ones gave (issue 19).

Each quick path (the guide's answers read for all documents at once, …) is compared with the path it replaced,
kept here as the reference, on projects the benchmark generator writes with fixed seeds: transcripts with
interviewer and respondent turns that follow the ``rwb`` guide, and a hundred or so codings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions import resemblance, similar
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.resemblance import Profiles, SpanVectors
from coding.language.suggestions.similar import SentenceVectors, passages_sum, sentence_vectors
from coding.language.suggestions.vectors import Bags, FloatArray, bag_counts, unit_tfidf

SEEDS = (11, 29)


@pytest.fixture(scope="module", params=SEEDS)
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    spec = CorpusSpec(f"paths{request.param}", documents=5, characters=6_000, codings=25, seed=request.param)
    corpus = ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False)
    project = Project.open(corpus.project)
    project.assist.index()
    yield project
    project.close()


def _documents(project: Project) -> list[DocumentId]:
    return sorted(project.assist.ensure_indexed())


def test_the_guide_answers_of_all_documents_at_once_are_those_read_one_document_at_a_time(
    generated: Project,
) -> None:
    guide = generated.guide
    ids = _documents(generated)
    matcher = guide.matcher()
    one_at_a_time = [
        span
        for document_id in ids
        for span in guide._answer_spans(matcher, document_id, generated.documents.text(document_id))
    ]
    assert one_at_a_time, "the generated interviews answer guide questions"
    assert guide.answer_spans(ids) == one_at_a_time
    assert guide.answer_spans(ids[::-1]) == [
        span
        for document_id in ids[::-1]
        for span in guide._answer_spans(matcher, document_id, generated.documents.text(document_id))
    ]


# -- the paths replaced, kept as the reference -----------------------------------------------------------
def _profiles_code_by_code(
    data: CorpusData,
    vectors: SentenceVectors,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    codes: Sequence[CodeInfo] = (),
) -> Profiles:
    """The profiles as they were built: each code's passages looked up on their own."""
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), spans in coded.items():
        passages_of[code_id].extend((doc_id, span) for span in spans)
    infos = {code.id: code for code in codes}
    code_ids, rows, counts = [], [], []
    for code_id in sorted(passages_of):
        profile, count = passages_sum(data, vectors, passages_of[code_id])
        info = infos.get(code_id)
        if count and info is not None and resemblance.CODE_WORDS_WEIGHT:
            words = resemblance.code_words_vector(data, vectors, info)
            if words is not None:
                profile = profile + resemblance.CODE_WORDS_WEIGHT * words
        norm = float(np.sqrt(np.dot(profile, profile)))
        profile = profile / norm if norm else profile
        if count:
            code_ids.append(code_id)
            rows.append(profile)
            counts.append(count)
    matrix = np.stack(rows) if rows else np.zeros((0, len(data.stems)))
    return Profiles(code_ids, matrix, counts, {code_id: number for number, code_id in enumerate(code_ids)})


def _respondent_turns(data: CorpusData) -> list[tuple[DocumentId, int, int]]:
    out: list[tuple[DocumentId, int, int]] = []
    for doc_id, document in data.documents.items():
        turns = document.turns
        for start, end, asks in zip(
            turns.body_start.tolist(), turns.end.tolist(), turns.interviewer.tolist(), strict=True
        ):
            if not asks and end > start:
                out.append((doc_id, start, end))
    return out


def _turn_vectors_from_tuples(data: CorpusData, idf: FloatArray) -> SpanVectors:
    """The turns' vectors as they were built: a tuple per respondent turn, then the spans' vectors."""
    return resemblance.span_vectors(data, idf, _respondent_turns(data))


def _sentence_vectors_at_once(data: CorpusData) -> SentenceVectors:
    """The sentence vectors as they were built: every word of the corpus counted in one sort."""
    width = len(data.stems)
    rows, columns, documents, starts, ends = [], [], [], [], []
    base = 0
    for doc_id, document in data.documents.items():
        answer = document.answer_sentences()
        if not len(document.term):
            continue
        sentence = document.sentence
        valid = sentence < len(answer)
        keep = valid & answer[np.where(valid, sentence, 0)]
        numbers = np.unique(sentence[keep])
        if not len(numbers):
            continue
        rows.append(base + np.searchsorted(numbers, sentence[keep]).astype(np.int64))
        columns.append(data.stems_of(document, np.flatnonzero(keep)).astype(np.int64))
        documents.append(np.full(len(numbers), doc_id, dtype=np.int32))
        starts.append(document.sentence_start[numbers])
        ends.append(document.sentence_end[numbers])
        base += len(numbers)
    row, column, counts = bag_counts(np.concatenate(rows), np.concatenate(columns), width)
    frequency = np.bincount(column, minlength=width)
    idf = np.where(frequency > 0, np.log((base + 1) / (frequency + 1)) + 1.0, 1.0)
    weights = unit_tfidf(row, column, counts, idf, base)
    return SentenceVectors(
        np.concatenate(documents), np.concatenate(starts), np.concatenate(ends), row, column, weights, idf
    )


REFERENCE = {
    (resemblance, "code_profiles"): _profiles_code_by_code,
    (resemblance, "turn_vectors"): _turn_vectors_from_tuples,
    (similar, "_build_sentence_vectors"): _sentence_vectors_at_once,
}


def _candidates(path: Path, code: str | None) -> list[Candidate]:
    with Project.open(path) as project:
        return project.assist.suggestions.candidates(code)


def _same_arrays(new: object, old: object) -> None:
    assert type(new) is type(old)
    for name, value in vars(old).items():
        assert np.array_equal(getattr(new, name), value), name


@pytest.mark.parametrize("block", [7, 1 << 20])
def test_the_vectors_counted_a_block_at_a_time_are_those_counted_at_once(
    generated: Project, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Bags, "BLOCK", block)
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    sentences = similar._build_sentence_vectors(data)
    _same_arrays(sentences, _sentence_vectors_at_once(data))
    _same_arrays(
        resemblance.turn_vectors(data, sentences.idf), _turn_vectors_from_tuples(data, sentences.idf)
    )


def test_the_profiles_are_those_built_code_by_code(generated: Project) -> None:
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    coded, _ = service._decisions()
    vectors = sentence_vectors(data)
    new, old = resemblance.code_profiles(data, vectors, coded), _profiles_code_by_code(data, vectors, coded)
    assert len(old.code_ids) > 5
    assert (new.code_ids, new.counts, new.rows) == (old.code_ids, old.counts, old.rows)
    assert np.array_equal(new.matrix, old.matrix)  # to the last bit: the same sums in the same order
    some = dict(list(coded.items())[::3])  # fewer passages, some codes without any
    assert np.array_equal(
        resemblance.code_profiles(data, vectors, some).matrix,
        _profiles_code_by_code(data, vectors, some).matrix,
    )


@pytest.mark.parametrize("code", [None, "Vertrouwen"])
def test_the_suggestions_are_those_of_the_paths_replaced(
    generated: Project, code: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = generated.path
    new = _candidates(path, code)
    with monkeypatch.context() as patched:
        for (module, name), reference in REFERENCE.items():
            patched.setattr(module, name, reference)
        old = _candidates(path, code)
    assert len(old) > 10
    assert new == old
