"""A lazy quote list: the ids the quote service lists (filtered and ordered in the database) and the
records of any window of them equal the full list of quotes the service builds, for any filters."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.quotes.quote_service import TO_ANSWER, UNREVIEWED

TEXT = (
    "[00:00:01] I: Hoe kijkt u naar de samenwerking?\n"
    "[00:00:09] R{n}: Het vertrouwen is matig. De urgentie is hoog. Samen kom je veel verder.\n"
    "[00:00:30] I: En de gemeente?\n"
    "[00:00:35] R{n}: Die vertrouw ik volledig, de partijen werken samen.\n"
)
PIECES = (
    "Het vertrouwen is matig.",
    "De urgentie is hoog.",
    "Samen kom je veel verder.",
    "Die vertrouw ik volledig",
)
CODES = ("Vertrouwen", "4a", "Urgentiebesef", "Coördinatie")


def _fill(project: Project, folder: Path) -> None:
    """Three documents in two regions, codings by two coders (some on the same passage), reviews."""
    for n, region in ((7, "Zwolle"), (3, "Midden-Gelderland"), (5, "Zwolle")):
        source = folder / f"R{n}_doc.txt"
        source.write_text(TEXT.format(n=n), encoding="utf-8")
        project.import_files([source], attributes={"region": region, "respondent": f"R{n}"})
        for i, piece in enumerate(PIECES):
            project.code(f"R{n}_doc", CODES[(i + n) % len(CODES)], text=piece)
            if (i + n) % 3 == 0:  # the same passage by a second coder, with a memo
                coding = project.code(f"R{n}_doc", CODES[(i + n) % len(CODES)], text=piece, coder="anna")
                project.codings.set_memo(coding.id, "Samenwerking genoemd")
    quotes = project.quotes()
    project.reviews.mark(quotes[0].coding_id, "question", "welke partijen?")
    project.reviews.mark(quotes[1].coding_id, "agreed")
    project.reviews.mark(quotes[2].coding_id, "disagree")


def test_windows_of_the_listing_equal_the_full_list(project: Project, tmp_path: Path) -> None:
    _fill(project, tmp_path)
    service = project.quote_service
    filters = st.fixed_dictionaries(
        {},
        optional={
            "codes": st.lists(st.sampled_from(CODES), min_size=1, max_size=2, unique=True),
            "where": st.sampled_from(
                [{"region": "zwolle"}, {"Region": "Midden-Gelderland"}, {"region": "x"}]
            ),
            "coder": st.sampled_from(["tester", "anna", "nobody"]),
            "text": st.sampled_from(["VERTROUW", "samenwerking", "urgentie is", "ö"]),
            "review": st.sampled_from(["question", "agreed", "disagree", UNREVIEWED, TO_ANSWER]),
        },
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(filters, st.integers(0, 20), st.integers(0, 8))
    def check(arguments: dict[str, object], first: int, count: int) -> None:
        full = service.query(**arguments)  # type: ignore[arg-type]
        listing = service.listing(**arguments)  # type: ignore[arg-type]
        assert list(listing.ids) == [q.coding_id for q in full]
        assert listing.count == len(full)
        assert service.records(listing.window(first, count)) == full[first : first + count]

    check()
    assert len(service.listing().ids) == len(project.quotes()) > 10


def test_the_first_rows_count_facts_times_and_reviews_equal_the_built_quotes(
    project: Project, tmp_path: Path
) -> None:
    """What the Quotes dock reads instead of building every quote: the first rows of a list (read
    code by code), its length, its facts in its order, each quote's time and the reviewer's mark."""
    _fill(project, tmp_path)
    project.codes.move("Coördinatie", None, 0)  # the codebook's order is not the codes' ids
    project.codes.create("Ongebruikt")
    service = project.quote_service
    choices = st.one_of(
        st.none(), st.lists(st.sampled_from((*CODES, "Ongebruikt")), min_size=1, max_size=3, unique=True)
    )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(choices, st.integers(0, 30), st.sampled_from(["tester", "anna", "nobody"]))
    def check(codes: list[str] | None, count: int, reviewer: str) -> None:
        full = service.query(codes)
        ids = [q.coding_id for q in full]
        assert list(service.first(codes, count).ids) == ids[:count]
        assert service.count(codes) == len(full)
        facts = service.facts(codes, listed=True)
        assert list(facts.ids) == ids
        assert {i: facts.rows[i][1:5] for i in ids} == {
            q.coding_id: (q.document_id, q.code_id, q.start, q.end) for q in full
        }
        assert service.times(codes) == {q.coding_id: q.time for q in full if q.time is not None}
        marks = {q.coding_id: q.review_by(reviewer) for q in full}
        assert service.reviews_by(reviewer, codes) == {
            i: (r.status, r.comment) for i, r in marks.items() if r is not None
        }

    check()
    assert any(q.time is not None for q in project.quotes())
    assert service.reviews_by("tester")
