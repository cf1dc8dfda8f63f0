"""The suggestion engine's quick paths over stored arrays give what the straightforward ones gave (issue 19).

Each quick path (the guide's answers read for all documents at once, …) is compared with the path it replaced,
kept here as the reference, on projects the benchmark generator writes with fixed seeds: transcripts with
interviewer and respondent turns that follow the ``rwb`` guide, and a hundred or so codings.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import DocumentId

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
