"""The Quotes dock's order when sorted by a column: one key per coding, from what the lazy list keeps
of every row (facts, documents, texts) or reads per coding for the column (times, the reviewer's
marks), never by building every row's quote.

The rows are sorted by the column's key, then by the list's own order (:func:`list_key`), ties
reversed with the column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.quotes.quote_cells import (
    CODE,
    CODER,
    COMMENT,
    DOCUMENT,
    MEMO,
    REGION,
    RESPONDENT,
    REVIEW,
    ROLE,
    TEXT,
    TIME,
)
from app.quotes.quote_rows import DocumentFacts, Facts, Texts
from coding.core.attributes import known_value
from coding.core.ids import CodeId, CodingId
from coding.core.records import Quote
from coding.core.text import fold
from coding.quotes import quote_facts as fact
from coding.quotes.quote_service import QuoteService
from coding.reviews.review_service import STATUSES

#: The columns whose keys are read per coding for the sort (a quote's time, the reviewer's mark):
#: neither the facts nor the texts hold them.
READ_KEYS = (TIME, REVIEW, COMMENT)
#: Attribute columns: the document's attribute, in natural order.
ATTRIBUTES = {RESPONDENT: "respondent", REGION: "region", ROLE: "role"}
_RANK = {status: n for n, status in enumerate(STATUSES)}
#: The key of a coding the column has nothing for: no time last (then by document and start), not
#: reviewed after every status, no comment first.
NO_KEY: dict[int, Any] = {TIME: (True, 0.0), REVIEW: len(_RANK), COMMENT: ""}


def read_keys(
    column: int, service: QuoteService, codes: Sequence[CodeId] | None, reviewer: str
) -> dict[CodingId, Any]:
    """The keys of a :data:`READ_KEYS` column for the codings of the quote list of ``codes`` that have
    one (the others sort as :data:`NO_KEY`): one read of the times or of the reviewer's marks."""
    if column == TIME:
        return {i: (False, seconds) for i, seconds in service.times(codes).items()}
    marks = service.reviews_by(reviewer, codes)
    if column == REVIEW:
        return {i: _RANK.get(status, len(_RANK)) for i, (status, _comment) in marks.items()}
    return {i: fold(comment) for i, (_status, comment) in marks.items() if comment}


def quote_key(column: int, quote: Quote, reviewer: str) -> Any:
    """The key of a :data:`READ_KEYS` column for a quote just read (as :func:`read_keys` reads it)."""
    if column == TIME:
        return NO_KEY[TIME] if quote.time is None else (False, quote.time)
    review = quote.review_by(reviewer)
    if column == REVIEW:
        return _RANK.get(review.status, len(_RANK)) if review else NO_KEY[REVIEW]
    return fold(review.comment) if review else NO_KEY[COMMENT]


def column_key(
    column: int,
    facts: Facts,
    documents: DocumentFacts,
    order: Mapping[CodeId, int],
    texts: Callable[[], Texts],
    keys: Mapping[CodingId, Any],
) -> Callable[[CodingId], Any]:
    """The key of ``column`` per coding (``texts``: the texts, read when a text column asks;
    ``keys``: a :data:`READ_KEYS` column's keys as :func:`read_keys` read them)."""
    rows = facts.rows
    attribute = ATTRIBUTES.get(column)
    if attribute is not None:
        attributes, natural = documents.attributes, documents.natural
        return lambda i: natural(known_value(attributes.get(rows[i][fact.DOCUMENT], {}), attribute))
    if column in (TEXT, MEMO):
        by_coding, part = texts().texts, 0 if column == TEXT else 1
        return lambda i: by_coding.get(i, ("", ""))[part].casefold()
    if column == CODE:
        return lambda i: order.get(CodeId(rows[i][fact.CODE]), 0)
    if column == DOCUMENT:
        names, natural = documents.name, documents.natural
        return lambda i: (natural(names.get(rows[i][fact.DOCUMENT], "")), rows[i][fact.START])
    if column == CODER:
        folded: dict[str | None, str] = {}

        def by_coder(i: CodingId) -> str:
            name = facts.coder(i)
            if name not in folded:
                folded[name] = fold(name or "")
            return folded[name]

        return by_coder
    missing = NO_KEY.get(column, "")
    if column == TIME:
        names = documents.name
        return lambda i: (*keys.get(i, missing), names.get(rows[i][fact.DOCUMENT], ""), rows[i][fact.START])
    return lambda i: keys.get(i, missing)
