"""The rows of a quote export: one per coded quote and code, grouped by an attribute."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coding.core.attributes import attribute_label, known_keys
from coding.core.context import CodeRef
from coding.core.records import Quote
from coding.core.text import fold, natural_key
from coding.exporting.csv_guard import would_evaluate
from coding.judgements.comparison import NO_GROUP

if TYPE_CHECKING:
    from coding.project import Project

BASE_HEADER = ("Concept", "Code", "Respondent", "Role", "Document", "Quote", "Memo", "Start", "End")
#: After ``End`` when any exported quote lies in a paginated source (a PDF): the page(s) to cite.
PAGE_HEADER = "Page"
#: After ``End`` (and ``Page``) when any exported quote lies in a turn with a time (``[00:12:31]``,
#: subtitle cues): the turn's start, ``hh:mm:ss``, to find the place in the recording.
TIME_HEADER = "Time"
REVIEW_HEADER = "Review"
#: A column of the coder's name, when the quotes exported are of more than one coder (a second
#: coder's work merged in: the same passage twice, told apart only by who coded it).
CODER_HEADER = "Coder"


def neutralise(value: str) -> str:
    """Text a spreadsheet would evaluate (``=HYPERLINK(...)``) gets a leading apostrophe; text it
    would not (``-/-``, ``+31 6 …``) stays as it is (:mod:`coding.exporting.csv_guard`)."""
    return "'" + value if would_evaluate(value) else value


def page_cell(quote: Quote) -> int | str:
    """The page a quote lies on (``3``), a range (``3–4``), or empty for a source without pages."""
    if not quote.pages:
        return ""
    first, last = min(quote.pages), max(quote.pages)
    return first if first == last else f"{first}–{last}"


def review_text(quote: Quote) -> str:
    """The review marks of a quote on one line, then its conversation:
    ``anna: question — bron?; piet: agreed; student: zie p. 3``."""
    marks = [f"{r.reviewer}: {r.status}" + (f" — {r.comment}" if r.comment else "") for r in quote.reviews]
    return "; ".join(marks + [f"{m.author or '?'}: {m.text}" for m in quote.messages])


@dataclass(frozen=True)
class QuoteTable:
    by: str
    header: tuple[str, ...]
    groups: dict[str, list[tuple[Any, ...]]]


def quote_table(
    project: Project,
    *,
    by: str = "region",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    include_reviews: bool | None = False,
    without_interviewer: bool | None = False,
    coder: str | None = None,
) -> QuoteTable:
    """Rows grouped by the value of ``by``; each group ordered by codebook, respondent, position.

    ``include_reviews`` adds a last column with the review marks (``reviewer: status — comment``).
    ``without_interviewer`` quotes only what the respondents say: the interviewer's turns are cut
    (``[…]`` marks the cut) and a quote of only the interviewer's words is left out; ``Start`` and
    ``End`` still give the coded passage. A ``Page`` column follows ``End`` when a quote comes from
    a paginated source (PDF), and a ``Time`` column (the start of the quote's turn, ``hh:mm:ss``)
    when a quote lies in a timed turn. With ``groups``, only those groups' quotes are read, and the ``Page``
    and further attribute columns are those of the quotes exported. ``coder``: only that coder's
    layer (a coder's name, or ``consensus``).
    """
    key = project.documents.attribute_named(by)
    code_ids = [project.codes.id_of(ref) for ref in codes] if codes else None  # unknown codes first
    documents = None
    if groups:
        wanted = {fold(g) for g in project.comparison.group_values(key, groups)}
        documents = [
            d.id
            for d in project.documents.list(with_counts=False)
            if fold(d.attributes.get(key) or NO_GROUP) in wanted
        ]
    quotes = project.quote_service.query(
        code_ids, documents=documents, exclude_interviewer=bool(without_interviewer), coder=coder
    )
    order = project.codes.tree().order()
    keys = {k for q in quotes for k in q.attributes}
    role = known_keys(keys, "role") or "role"  # a Dutch sheet's "rol" or "functie" fills the Role column
    extra = sorted(keys - {key, "respondent", role})
    paged = any(q.pages for q in quotes)
    timed = any(q.time is not None for q in quotes)
    coders = len({q.coder for q in quotes}) > 1
    header = (
        BASE_HEADER
        + ((PAGE_HEADER,) if paged else ())
        + ((TIME_HEADER,) if timed else ())
        + tuple(attribute_label(k) for k in extra)
        + ((CODER_HEADER,) if coders else ())
    )
    if include_reviews:
        header += (REVIEW_HEADER,)

    respondents: dict[str, list[Any]] = {}  # natural_key once per respondent, not per quote

    def respondent_key(name: str) -> list[Any]:
        key = respondents.get(name)
        if key is None:
            key = respondents[name] = natural_key(name)
        return key

    def sort_key(q: Quote) -> tuple[Any, ...]:
        return (
            order.get(q.code_id, 0),
            respondent_key(q.attributes.get("respondent", "")),
            q.document,
            q.start,
            q.end,
        )

    table: dict[str, list[tuple[Any, ...]]] = {}
    for quote in sorted(quotes, key=sort_key):
        group = quote.attributes.get(key) or NO_GROUP
        attrs = quote.attributes
        row = (
            quote.concept,
            quote.code_path,
            attrs.get("respondent", ""),
            attrs.get(role, ""),
            quote.document,
            quote.text,
            quote.memo,
            quote.start,
            quote.end,
            *((page_cell(quote),) if paged else ()),
            *((quote.time_label,) if timed else ()),
            *(attrs.get(k, "") for k in extra),
            *((quote.coder or "",) if coders else ()),
        )
        if include_reviews:
            row += (review_text(quote),)
        table.setdefault(group, []).append(row)
    ordered = dict(sorted(table.items(), key=lambda item: (item[0] == NO_GROUP, natural_key(item[0]))))
    return QuoteTable(key, header, ordered)
