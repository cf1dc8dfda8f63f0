"""In-memory quote filtering gives what the quote service's own filters give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding import Project
from coding.core.text import fold
from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter, quick_fold


def test_filters_agree_with_the_service(coded_project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "R6_gemeente_arnhem.txt"
    other.write_text("[00:00:01] R6: Het vertrouwen is matig. De urgentie is laag.\n", encoding="utf-8")
    coded_project.import_files([other], attributes={"region": "Midden-Gelderland", "respondent": "R6"})
    coded_project.code("R6_gemeente_arnhem", "Vertrouwen", text="Het vertrouwen is matig.", coder="anna")
    quotes = coded_project.quotes()
    rows = FilterableQuotes(quotes)
    coding = quotes[0].coding_id
    coded_project.reviews.mark(coding, "question", "welke partijen?")
    rows = FilterableQuotes(coded_project.quotes())

    def ids(rule: QuoteFilter) -> list[int]:
        return [rows.quotes[i].coding_id for i in rows.matching(rule)]

    def service(**filters) -> list[int]:  # type: ignore[no-untyped-def]
        return [q.coding_id for q in coded_project.quotes(**filters)]

    assert ids(QuoteFilter()) == service()
    assert ids(QuoteFilter(where={"region": "zwolle"})) == service(where={"region": "Zwolle"})
    assert ids(QuoteFilter(where={"Region": "midden-gelderland"})) == service(
        where={"region": "Midden-Gelderland"}
    )
    assert ids(QuoteFilter(coder="anna")) == service(coder="anna") != []
    assert ids(QuoteFilter(text="VERTROUWEN")) == service(text="vertrouwen") != []
    assert ids(QuoteFilter(review="question")) == service(review="question") == [coding]
    assert ids(QuoteFilter(review="unreviewed")) == service(review="unreviewed")
    assert ids(QuoteFilter(where={"region": "Zwolle"}, text="matig")) == []


@given(st.text(alphabet="aAeéëÉïöüçñßø ĳ\n\tzZ-", max_size=30))
def test_quick_fold_agrees_with_fold_on_latin_text(text: str) -> None:
    assert quick_fold(text) == fold(text)
