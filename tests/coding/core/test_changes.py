"""Changes name the aspects they touched (mapped from tables in one place) and where in each document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Aspect, Change, Project
from coding.core.changes import ASPECT_OF_TABLE, Located
from coding.core.ids import DocumentId
from models import Base


def test_every_table_is_an_aspect_of_the_project() -> None:
    assert set(Base.metadata.tables) - {"alembic_version"} == set(ASPECT_OF_TABLE)


def _watch(project: Project) -> list[Change]:
    seen: list[Change] = []
    project.subscribe(seen.append)
    return seen


@pytest.fixture
def document(coded_project: Project) -> DocumentId:
    return coded_project.documents.find("R5_uwv_zwolle").id


def test_coding_a_passage_names_its_place_and_undo_names_the_same(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    seen = _watch(project)
    coding = project.codings.code(document, "Stabiliteit", 40, 60)
    (change,) = seen
    assert change.touches(Aspect.CODINGS) and not change.touches(Aspect.CODES, Aspect.DOCUMENTS)
    assert change.spans(document) == ((coding.start, coding.end),)
    assert change.spans(DocumentId(document + 1)) == ()
    project.undo()
    assert seen[-1].spans(document) == ((coding.start, coding.end),)


def test_moving_a_boundary_names_the_old_and_the_new_place(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    coding = project.codings.code(document, "Stabiliteit", 40, 60)
    seen = _watch(project)
    project.codings.set_span(coding.passage_id, 45, 70)
    assert seen[0].spans(document) == ((coding.start, coding.end), (45, 70))


def test_a_change_of_a_whole_document_has_no_places(coded_project: Project, document: DocumentId) -> None:
    project = coded_project
    seen = _watch(project)
    project.documents.rename(document, "R5")
    project.documents.set_attributes(document, {"region": "Deventer"})
    assert seen[0].touches(Aspect.DOCUMENTS) and seen[0].spans(document) is None
    assert seen[1].touches(Aspect.ATTRIBUTES) and not seen[1].touches(Aspect.DOCUMENTS)


def test_a_review_touches_reviews_not_codings(coded_project: Project) -> None:
    project = coded_project
    quote = project.quotes()[0]
    seen = _watch(project)
    project.reviews.mark(quote.coding_id, "agreed")
    assert seen[0].touches(Aspect.REVIEWS) and not seen[0].touches(Aspect.CODINGS)


_documents = st.sampled_from([DocumentId(1), DocumentId(2), DocumentId(3)])
_places = st.builds(lambda d, s, n: (d, s, s + n), _documents, st.integers(0, 50), st.integers(1, 10))


@st.composite
def _changes(draw: st.DrawFn) -> Change:
    if draw(st.integers(0, 9)) == 0:
        return Change(frozenset({"coding"}), None)
    whole = draw(st.frozensets(_documents, max_size=2))
    located: frozenset[Located] = frozenset(
        p for p in draw(st.frozensets(_places, max_size=4)) if p[0] not in whole
    )
    return Change(frozenset({"coding"}), whole | {p[0] for p in located}, located)


@settings(max_examples=60, deadline=None)
@given(first=_changes(), second=_changes(), document=_documents)
def test_merged_changes_name_every_place_of_both(first: Change, second: Change, document: DocumentId) -> None:
    merged = first.merge(second)
    a, b = first.spans(document), second.spans(document)
    if a is None or b is None:
        assert merged.spans(document) is None
    else:
        assert merged.spans(document) == tuple(sorted(set(a) | set(b)))


@settings(max_examples=60, deadline=None)
@given(change=_changes())
def test_each_documents_spans_are_its_places_sorted(change: Change) -> None:
    """Grouped by document once (a bulk coding names 200,000 places; a view asks per document)."""
    for document in (DocumentId(1), DocumentId(2), DocumentId(3), DocumentId(4)):
        mine = sorted((s, e) for d, s, e in change.located if d == document)
        expected = (
            ()
            if not change.affects_document(document)
            else None
            if change.document_ids is None or not mine
            else tuple(mine)
        )
        assert change.spans(document) == expected
        assert change.spans(document) == expected  # asked again: the same
