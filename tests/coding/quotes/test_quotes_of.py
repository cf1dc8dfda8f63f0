"""A few codings' quotes read from the statements built once (``records``, ``quotes_of``) equal what
the full query builds, field for field: reviews, the conversation, pages, turn times, attributes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.ids import CodingId
from tests.coding.importing.builders import make_pdf
from tests.coding.quotes.test_quote_listing import CODES, _fill

PAGES = (["Beleidsnota samenwerking", "Het vertrouwen groeit"], ["Pagina twee", "De urgentie blijft"])


def _rich(project: Project, folder: Path) -> None:
    """The listing tests' documents, a PDF with codings on each page and across both, a conversation."""
    _fill(project, folder)
    pdf = folder / "nota.pdf"
    pdf.write_bytes(make_pdf(PAGES))
    project.import_files([pdf], attributes={"region": "Midden-Gelderland"})
    text = project.documents.text("nota")
    project.code("nota", "Vertrouwen", text="vertrouwen groeit")
    project.code("nota", "Urgentiebesef", text="urgentie blijft")
    project.code("nota", "4a", start=text.index("groeit"), end=text.index("Pagina") + 6)
    quotes = project.quotes()
    project.reviews.reply("Zie de nota", coding_id=quotes[0].coding_id)
    project.reviews.reply("Nog een antwoord", coding_id=quotes[0].coding_id, author="anna")


def test_a_few_codings_quotes_equal_the_full_query(project: Project, tmp_path: Path) -> None:
    _rich(project, tmp_path)
    service = project.quote_service
    every = service.query()
    assert any(q.pages == (1, 2) for q in every) and any(q.messages for q in every)
    assert any(q.time is not None for q in every) and any(q.reviews for q in every)
    ids = [q.coding_id for q in every]
    gone = CodingId(max(ids) + 1000)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(st.sampled_from([*ids, gone]), max_size=12, unique=True),
        st.one_of(st.none(), st.lists(st.sampled_from(CODES), min_size=1, max_size=2, unique=True)),
    )
    def check(chosen: list[CodingId], codes: list[str] | None) -> None:
        by_id = {q.coding_id: q for q in every}
        assert service.records(chosen) == [by_id[i] for i in chosen if i in by_id]
        wanted = set(chosen)
        assert service.quotes_of(chosen, codes) == [q for q in service.query(codes) if q.coding_id in wanted]

    check()
    assert service.quotes_of([]) == [] and service.records([]) == []


def test_quotes_within_thousands_of_places(project: Project, tmp_path: Path) -> None:
    """A bulk action's change names thousands of places (every turn of a speaker coded): the quotes
    there are read in parts (SQLite refused an OR of more than ≈ 1,000 terms), each quote once."""
    _rich(project, tmp_path)
    service = project.quote_service
    every = service.query()
    documents = sorted({q.document_id for q in every})
    places = [(d, start, start + 3) for start in range(0, 1500, 2) for d in documents]  # overlapping ones
    assert len(places) > 2_000
    expected = [
        q for q in every if any(d == q.document_id and s <= q.end and e >= q.start for d, s, e in places)
    ]
    assert (expected and len(expected) < len(every)) or expected == every
    assert service.query(within=places) == expected
