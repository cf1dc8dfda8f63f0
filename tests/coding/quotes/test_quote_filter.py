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


def test_without_lists_the_quotes_of_documents_with_no_value(coded_project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``without``: the quotes of the documents with no value for a key (none set, or set empty), the
    "(no value)" group; the documents service counts those documents."""
    other = tmp_path / "R6_gemeente_arnhem.txt"
    other.write_text("[00:00:01] R6: Het vertrouwen is matig.\n", encoding="utf-8")
    coded_project.import_files([other], attributes={"respondent": "R6"})
    coded_project.code("R6_gemeente_arnhem", "Vertrouwen", text="Het vertrouwen is matig.")
    documents = coded_project.documents
    assert documents.count_without_value("region") == 1
    assert documents.count_without_value("respondent") == 0
    rows = FilterableQuotes(coded_project.quotes())
    arnhem = [q.coding_id for q in rows.quotes if q.document == "R6_gemeente_arnhem"]

    def ids(rule: QuoteFilter) -> list[int]:
        return [rows.quotes[i].coding_id for i in rows.matching(rule)]

    assert ids(QuoteFilter(without=("region",))) == arnhem != []
    assert [rows.accepts(QuoteFilter(without=("Region",)), i) for i in range(len(rows))] == [
        q.coding_id in arnhem for q in rows.quotes
    ]
    assert ids(QuoteFilter(without=("respondent",))) == []
    assert ids(QuoteFilter(where={"respondent": "R6"}, without=("region",))) == arnhem
    assert not QuoteFilter(without=("region",)).empty

    documents.set_attributes("R6_gemeente_arnhem", {"region": "Arnhem"})
    assert documents.count_without_value("region") == 0
