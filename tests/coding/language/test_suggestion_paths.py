"""The suggestion engine's quick paths over stored arrays give what the straightforward ones gave (issue 19).

Each quick path (the guide's answers read for all documents at once, …) is compared with the path it replaced,
kept here as the reference, on projects the benchmark generator writes with fixed seeds: transcripts with
interviewer and respondent turns that follow the ``rwb`` guide, and a hundred or so codings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from random import Random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo, CodeTree
from coding.guide.guide_service import AnswerSpan
from coding.language.suggestions import candidates as candidates_module
from coding.language.suggestions import data as data_module
from coding.language.suggestions import guide_answers, resemblance, sentence_spans, similar, terms
from coding.language.suggestions import service as service_module
from coding.language.suggestions import turns as turn_source
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData, DocumentTokens
from coding.language.suggestions.resemblance import Profiles, SpanVectors
from coding.language.suggestions.similar import SentenceVectors, passages_sum, sentence_vectors
from coding.language.suggestions.terms import TermSentences
from coding.language.suggestions.vectors import (
    Bags,
    FloatArray,
    IntArray,
    bag_counts,
    closest_two,
    dots_table,
    row_dots,
    shared_words,
    top_contributions,
    unit_tfidf,
)

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


def _closest_two_at_once(
    rows: IntArray, columns: IntArray, weights: FloatArray, matrix: FloatArray, n_rows: int, block: int = 0
) -> tuple[IntArray, FloatArray, IntArray, FloatArray]:
    """The closest two as they were found: the whole rows × matrix rows table at once."""
    table = np.zeros((n_rows, len(matrix)))
    if len(rows) and len(matrix):
        for target in range(len(matrix)):
            table[:, target] = row_dots(rows, columns, weights, matrix[target], n_rows)
    at = np.arange(n_rows)
    best = np.argmax(table, axis=1) if table.size else np.zeros(n_rows, dtype=np.int64)
    first = table[at, best] if table.size else np.zeros(n_rows)
    runner, second = np.zeros(n_rows, dtype=np.int64), np.zeros(n_rows)
    if table.shape[1] > 1:
        table[at, best] = -np.inf
        runner = np.argmax(table, axis=1)
        second = table[at, runner]
    return best, first, runner, second


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.integers(0, 6), min_size=0, max_size=40),
    targets=st.integers(0, 4),
    block=st.integers(1, 5),
    seed=st.integers(0, 2**16),
)
def test_the_closest_two_a_block_at_a_time_are_those_of_the_whole_table(
    words: list[int], targets: int, block: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    rows = np.repeat(np.arange(len(words)), words).astype(np.int32)  # rows without words too
    columns = rng.integers(0, 9, len(rows)).astype(np.int32)
    weights = rng.random(len(rows))
    matrix = np.where(rng.random((targets, 9)) < 0.4, 0.0, rng.random((targets, 9)))
    new = closest_two(rows, columns, weights, matrix, len(words), block)
    old = _closest_two_at_once(rows, columns, weights, matrix, len(words))
    for mine, theirs in zip(new, old, strict=True):
        assert np.array_equal(mine, theirs)


def _display_forms_by_sorting(
    documents: Iterable[DocumentTokens], term_stem: IntArray, term_norm: dict[int, str], stems: list[str]
) -> list[str]:
    """The stems' display forms as they were found: each term's first occurrence by sorting all the words."""
    all_terms = np.concatenate([doc.term for doc in documents] or [np.zeros(0, dtype=np.int32)])
    if not len(all_terms):
        return list(stems)
    counts = np.bincount(all_terms, minlength=len(term_stem))
    present, first = np.unique(all_terms, return_index=True)
    best: dict[int, tuple[int, int, str]] = {}
    by_form: dict[tuple[int, str], list[int]] = {}
    for term_id, position in zip(present.tolist(), first.tolist(), strict=True):
        key = (int(term_stem[term_id]), term_norm[term_id])
        found = by_form.setdefault(key, [0, position])
        found[0] += int(counts[term_id])
        found[1] = min(found[1], position)
    for (stem_id, norm), (count, position) in by_form.items():
        candidate = (count, -position, norm)
        if stem_id not in best or candidate > best[stem_id]:
            best[stem_id] = candidate
    return [best[number][2] if number in best else stem for number, stem in enumerate(stems)]


def test_the_display_forms_are_those_found_by_sorting(generated: Project) -> None:
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    documents = list(data.documents.values())
    found = data_module._display_forms(documents, data.term_stem, data.term_norm, data.stems)
    assert found == _display_forms_by_sorting(documents, data.term_stem, data.term_norm, data.stems)
    assert found == data.display and len(set(found)) > 20


def _content_word_counts_one_by_one(data: CorpusData, answers: Sequence[AnswerSpan]) -> list[int]:
    """The answers' content words as they were counted: one look-up per answer."""
    return [guide_answers.content_words(data, a.document_id, a.parts) for a in answers]


def test_the_content_words_of_answers_counted_per_document_are_those_counted_one_by_one(
    generated: Project,
) -> None:
    data = generated.assist.suggestions._corpus_data(
        generated.assist.corpus(), generated.assist.ensure_indexed()
    )
    answers = generated.guide.answer_spans(_documents(generated))
    answers = [*answers, replace(answers[0], parts=()), replace(answers[-1], document_id=DocumentId(10**6))]
    counts = guide_answers.content_word_counts(data, answers)
    assert counts == _content_word_counts_one_by_one(data, answers)
    assert sum(count >= guide_answers.MIN_CONTENT_WORDS for count in counts) > 10 and counts[-2:] == [0, 0]


def _in_answer_sentences_document_by_document(
    document: IntArray, start: IntArray, data: CorpusData
) -> tuple[IntArray, IntArray]:
    """The term hits in answer sentences as they were found: a pass over all the hits per document."""
    keep, sentences = [], []
    for doc_id in np.unique(document).tolist():
        words = data.documents[DocumentId(doc_id)]
        if not len(words.sentence_start):
            continue
        mine = np.flatnonzero(document == doc_id)
        starts = start[mine]
        sentence = np.searchsorted(words.sentence_start, starts, side="right") - 1
        inside = (sentence >= 0) & (starts < words.sentence_end[np.maximum(sentence, 0)])
        chosen = np.flatnonzero(inside & words.answers_at(starts))
        keep.append(mine[chosen])
        sentences.append(sentence[chosen].astype(np.int64))
    if not keep:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(keep), np.concatenate(sentences)


@settings(max_examples=40, deadline=None)
@given(order=st.randoms(use_true_random=False), size=st.integers(0, 60))
def test_the_term_hits_grouped_by_document_are_those_found_document_by_document(
    generated: Project, order: Random, size: int
) -> None:
    data = generated.assist.suggestions._corpus_data(
        generated.assist.corpus(), generated.assist.ensure_indexed()
    )
    ids = sorted(data.documents)
    document = np.array([order.choice(ids) for _ in range(size)], dtype=np.int64)
    start = np.array([order.randrange(0, 6_000) for _ in range(size)], dtype=np.int64)
    new = terms._in_answer_sentences(document, start, data)
    old = _in_answer_sentences_document_by_document(document, start, data)
    for mine, theirs in zip(new, old, strict=True):
        assert np.array_equal(mine, theirs) and mine.dtype == theirs.dtype


def _top_contributions_by_dicts(
    stems: list[str], columns: IntArray, weights: FloatArray, profile: FloatArray
) -> list[str]:
    """The shared words as they were found: a dict of the row and one of the profile per call."""
    vector = {stems[c]: w for c, w in zip(columns.tolist(), weights.tolist(), strict=True)}
    return shared_words(vector, {stems[c]: float(profile[c]) for c in columns.tolist() if profile[c] > 0})


@settings(max_examples=80, deadline=None)
@given(
    chosen=st.lists(st.integers(0, 11), unique=True, max_size=12),
    seed=st.integers(0, 2**16),
    ties=st.booleans(),
)
def test_the_shared_words_from_arrays_are_those_from_dicts(chosen: list[int], seed: int, ties: bool) -> None:
    rng = np.random.default_rng(seed)
    stems = [f"stam{n:02d}" for n in range(12)]
    columns = np.array(chosen, dtype=np.int64)
    weights = np.full(len(chosen), 0.5) if ties else rng.random(len(chosen))
    profile = np.where(rng.random(12) < 0.4, 0.0, np.round(rng.random(12), 1 if ties else 8))
    found = top_contributions(stems, columns, weights, profile)
    assert found == _top_contributions_by_dicts(stems, columns, weights, profile)


def _prefer_specific_keyed_twice(
    candidates: Sequence[Candidate], tree: CodeTree, also: Sequence[tuple[int, CodeId]] = ()
) -> list[Candidate]:
    """The subcodes preferred as they were: each candidate's passage key computed in both passes (``also``:
    nothing is set apart on the reference path, :func:`_nothing_apart`)."""
    assert not also

    def key(c: Candidate) -> int:
        return (c.document_id << 64) | (c.start << 32) | c.end

    first: dict[int, CodeId] = {}
    shared: dict[int, set[CodeId]] = {}
    for c in candidates:
        code = first.setdefault(key(c), c.code_id)
        if code != c.code_id:
            shared.setdefault(key(c), {code}).add(c.code_id)
    descendants: dict[CodeId, set[CodeId]] = {}
    out = []
    for c in candidates:
        codes = shared.get(key(c))
        if codes is not None and c.code_id in tree and not c.named:  # a concept named stays (07decd6)
            if c.code_id not in descendants:
                descendants[c.code_id] = {d.id for d in tree.descendants(c.code_id)}
            if codes & descendants[c.code_id]:
                continue
        out.append(c)
    return out


@settings(max_examples=60, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 40)), max_size=40))
def test_the_subcodes_preferred_with_keys_once_are_those_keyed_twice(
    generated: Project, spans: list[tuple[int, int, int]]
) -> None:
    tree = generated.assist.suggestions._context.resolve.code_tree()
    codes = [info.id for info in tree][:8]
    candidates = [
        Candidate(
            DocumentId(doc), codes[(doc * 5 + start) % len(codes)], start, start + 5, 0.5, ("terms",), ""
        )
        for doc, _, start in spans
    ] + [
        Candidate(DocumentId(doc), codes[code], start, start + 5, 0.4, ("similar",), "")
        for doc, code, start in spans
    ]
    parent = next(info for info in tree if tree.descendants(info.id))
    child = tree.descendants(parent.id)[0].id
    pair = [Candidate(DocumentId(9), code, 0, 5, 0.5, ("terms",), "") for code in (parent.id, child)]
    candidates += pair
    kept = candidates_module.prefer_specific(candidates, tree)
    assert kept == _prefer_specific_keyed_twice(candidates, tree)
    assert pair[0] not in kept and pair[1] in kept


def _nothing_apart(
    self: TermSentences, others: Sequence[Candidate], codes: object
) -> tuple[list[Candidate], list[tuple[int, CodeId]]]:
    """Every search-term sentence merged, preferred and corroborated, as before they were set apart."""
    return self.candidates(), []


def _alone_apart_built(
    candidates: Sequence[Candidate], codes: Container[CodeId]
) -> tuple[list[Candidate], list[tuple[int, CodeId]]]:
    """The term sentences set apart as they were, from the built candidates: ``candidates`` without the
    search-term sentences of ``codes`` that ``merge`` would fold with nothing
    (no other candidate of their document and code holds them or lies inside them), and those sentences'
    passages with their codes, for :func:`prefer_specific`. A caller whose next steps drop every such sentence
    anyway (``resemblance.corroborated``: a code with enough coded passages) merges the rest to the same
    candidates, in the same order within each document and code, without building their groups first."""
    chosen = [c.sources == ("terms",) and c.code_id in codes for c in candidates]
    if not any(chosen):
        return list(candidates), []
    spans: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
    for c, term in zip(candidates, chosen, strict=True):
        if not term:
            spans[(c.document_id, c.code_id)].append((c.start, c.end))
    seen: set[tuple[int, CodeId]] = set()
    twice: set[tuple[int, CodeId]] = set()  # one passage twice for a code: merged with each other
    for c, term in zip(candidates, chosen, strict=True):
        if term:
            key = (((c.document_id << 64) | (c.start << 32) | c.end), c.code_id)
            (twice if key in seen else seen).add(key)
    kept: list[Candidate] = []
    apart: list[tuple[int, CodeId]] = []
    for c, term in zip(candidates, chosen, strict=True):
        if (
            term
            and c.end > c.start
            and (((c.document_id << 64) | (c.start << 32) | c.end), c.code_id) not in twice
        ):
            others = spans.get((c.document_id, c.code_id))
            if not others or not any(
                (s <= c.start and c.end <= e) or (c.start <= s and e <= c.end) for s, e in others
            ):
                apart.append((((c.document_id << 64) | (c.start << 32) | c.end), c.code_id))
                continue
        kept.append(c)
    return kept, apart


@settings(max_examples=150, deadline=None)
@given(
    sentences=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 6), st.integers(0, 3)), max_size=25
    ),
    others=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 8), st.integers(0, 8)), max_size=10
    ),
    enough=st.sets(st.integers(0, 3)),
)
def test_term_sentences_set_apart_from_arrays_are_those_set_apart_from_built_candidates(
    sentences: list[tuple[int, int, int, int]],
    others: list[tuple[int, int, int, int]],
    enough: set[int],
) -> None:
    codes = [
        CodeInfo(
            CodeId(n + 1), None, f"code {n}", "", (f"code {n}",), "", "", None, "", "", None, (), False, n, ""
        )
        for n in range(3)
    ]
    found = TermSentences(
        codes,
        np.array([code for code, _, _, _ in sentences], dtype=np.int64),
        np.array([document for _, document, _, _ in sentences], dtype=np.int64),
        np.array([start for _, _, start, _ in sentences], dtype=np.int64),
        np.array([start + length for _, _, start, length in sentences], dtype=np.int64),
        [(("term", ("form",)),)] * len(sentences),
    )
    other = [
        Candidate(DocumentId(document), CodeId(code + 1), start, start + length, 0.5, ("similar",), "why")
        for document, code, start, length in others
    ]
    chosen = {CodeId(code + 1) for code in enough}
    kept, apart = found.alone_apart(other, chosen)
    expected_kept, expected_apart = _alone_apart_built(found.candidates() + other, chosen)
    assert kept + other == expected_kept
    assert apart == expected_apart


def _similarities_code_by_code(spans: SpanVectors, profiles: Profiles) -> FloatArray:
    """Spans × codes as they were computed: one pass of row_dots per code."""
    out = np.zeros((len(spans), len(profiles.code_ids)))
    if not len(spans.rows) or not len(profiles.code_ids):
        return out
    for number in range(len(profiles.code_ids)):
        out[:, number] = row_dots(
            spans.rows, spans.columns, spans.weights, profiles.matrix[number], len(spans)
        )
    return out


REFERENCE = {
    (service_module, "prefer_specific"): _prefer_specific_keyed_twice,
    (terms.TermSentences, "alone_apart"): _nothing_apart,
    (resemblance, "similarities"): _similarities_code_by_code,
    (resemblance, "top_contributions"): _top_contributions_by_dicts,
    (terms, "_in_answer_sentences"): _in_answer_sentences_document_by_document,
    (guide_answers, "content_word_counts"): _content_word_counts_one_by_one,
    (data_module, "_display_forms"): _display_forms_by_sorting,
    (turn_source, "closest_two"): _closest_two_at_once,
    (sentence_spans, "closest_two"): _closest_two_at_once,
    (resemblance, "code_profiles"): _profiles_code_by_code,
    (turn_source, "turn_vectors"): _turn_vectors_from_tuples,
    (similar, "_build_sentence_vectors"): _sentence_vectors_at_once,
}


def _candidates(path: Path, code: str | None) -> list[Candidate]:
    with Project.open(path) as project:
        return project.assist.suggestions.candidates(code)


def _same_arrays(new: object, old: object) -> None:
    assert type(new) is type(old)
    for name, value in vars(old).items():
        found = getattr(new, name)
        if name == "weights":  # made from each entry's count when asked for (UnitWeights): to the last bit
            found, value = found[:], value[:]
        assert np.array_equal(found, value), name


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
        turn_source.turn_vectors(data, sentences.idf), _turn_vectors_from_tuples(data, sentences.idf)
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


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.integers(0, 7), min_size=0, max_size=40),
    targets=st.integers(0, 4),
    block=st.integers(1, 50),
    seed=st.integers(0, 2**16),
)
def test_the_table_of_dot_products_is_each_matrix_rows_row_dots_to_the_last_bit(
    words: list[int], targets: int, block: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    rows = np.repeat(np.arange(len(words)), words).astype(np.int32)  # rows without words too
    columns = rng.integers(0, 9, len(rows)).astype(np.int32)
    weights = rng.random(len(rows))
    matrix = np.where(rng.random((targets, 9)) < 0.4, 0.0, rng.random((targets, 9)))
    table = dots_table(rows, columns, weights, matrix, len(words), block)
    assert table.shape == (len(words), targets)
    for target in range(targets):
        assert np.array_equal(table[:, target], row_dots(rows, columns, weights, matrix[target], len(words)))
