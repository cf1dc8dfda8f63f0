"""The schema itself deletes what depends on a deleted row: cascades and the orphan-passage trigger."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from coding import Project
from models import (
    Code,
    Coding,
    Document,
    DocumentAttribute,
    Judgement,
    JudgementEvidence,
    Passage,
    Review,
    Turn,
)


def _count(project: Project, model: type) -> int:
    with project.store.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_deleting_a_document_cascades(coded_project: Project) -> None:
    project = coded_project
    quote = project.quotes()[0]
    project.reviews.mark(quote.coding_id, "agreed")
    project.assess("Zwolle", "Vertrouwen", "+", evidence=[quote.passage_id])
    assert _count(project, Turn) > 0 and _count(project, DocumentAttribute) == 3
    with project.store.write() as session:  # plain SQL, not the service: the schema does the work
        session.execute(delete(Document))
    for model in (Passage, Coding, Review, DocumentAttribute, Turn, JudgementEvidence):
        assert _count(project, model) == 0, model.__name__
    assert _count(project, Judgement) == 1  # the judgement is about the region, not the document


def test_deleting_a_code_cascades_to_subcodes_codings_and_orphaned_passages(coded_project: Project) -> None:
    project = coded_project
    trust = project.codes.resolve("Vertrouwen")
    urgency_quote = project.quotes("Urgentiebesef")[0]
    # A second code on the urgency passage keeps that passage alive.
    project.code(urgency_quote.document_id, "Vertrouwen", urgency_quote.start, urgency_quote.end)
    assert _count(project, Passage) == 2
    with project.store.write() as session:
        session.execute(delete(Code).where(Code.id == trust.id))
    project.codes.invalidate()
    assert all(not c.path_text.startswith("Vertrouwen") for c in project.codes.tree())
    assert _count(project, Coding) == 1
    # The trust-only passage went with its last coding; the shared one stayed.
    with project.store.read() as session:
        assert session.execute(select(Passage.text)).scalars().all() == ["De urgentie is hoog"]
