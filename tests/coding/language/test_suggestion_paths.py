"""The suggestion engine's quick paths over stored arrays give what the straightforward ones gave (issue 19).

Each quick path (the guide's answers read for all documents at once, …) is compared with the path it replaced,
kept here as the reference, on projects the benchmark generator writes with fixed seeds: transcripts with
interviewer and respondent turns that follow the ``rwb`` guide, and a hundred or so codings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions import resemblance
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.resemblance import Profiles
from coding.language.suggestions.similar import SentenceVectors, passages_profile, sentence_vectors

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
) -> Profiles:
    """The profiles as they were built: each code's passages looked up on their own."""
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), spans in coded.items():
        passages_of[code_id].extend((doc_id, span) for span in spans)
    code_ids, rows, counts = [], [], []
    for code_id in sorted(passages_of):
        profile, count = passages_profile(data, vectors, passages_of[code_id])
        if count:
            code_ids.append(code_id)
            rows.append(profile)
            counts.append(count)
    matrix = np.stack(rows) if rows else np.zeros((0, len(data.stems)))
    return Profiles(code_ids, matrix, counts, {code_id: number for number, code_id in enumerate(code_ids)})


REFERENCE = {(resemblance, "code_profiles"): _profiles_code_by_code}


def _candidates(path: Path, code: str | None) -> list[Candidate]:
    with Project.open(path) as project:
        return project.assist.suggestions.candidates(code)


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
