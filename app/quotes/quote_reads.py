"""What the Quotes dock's list reads in its worker threads (``LatestRead``): the first rows of a
listing, the whole listing's facts, and the texts a first text filter needs. Each returns None when
a team server is away (the list asks again later); nothing here touches the model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.quotes.quote_rows import Facts, Texts
from coding.core.errors import ServerUnreachableError
from coding.core.ids import CodeId, CodingId
from coding.core.records import Quote
from coding.core.text import fold
from coding.quotes.quote_service import QuoteService


@dataclass(frozen=True)
class FirstRows:
    """A listing's first rows: the coders of every quote listed, the first codings and their quotes,
    and how many quotes are listed in all."""

    coders: list[str]
    first: list[CodingId]
    count: int
    quotes: list[Quote]


def read_first(service: QuoteService, codes: list[CodeId] | None, rows: int) -> FirstRows | None:
    """The first ``rows`` rows of the quotes of ``codes`` (None: every quote), their quotes, the count
    and the coders."""
    try:
        first = list(service.first(codes, rows).ids)
        return FirstRows(
            sorted(service.coders(codes), key=fold), first, service.count(codes), service.records(first)
        )
    except ServerUnreachableError:
        return None


def read_listing(service: QuoteService, codes: list[CodeId] | None) -> tuple[Facts, Counter[str]] | None:
    """Every listed coding's facts, in the list's order, and its coders counted (0.9 s over 400,000)."""
    try:
        facts = Facts(service.facts(codes, listed=True))
    except ServerUnreachableError:
        return None
    return facts, facts.coder_counts(facts.ids)


def read_texts(service: QuoteService, codes: list[CodeId] | None, order: Iterable[CodingId]) -> Texts | None:
    """The listed passages' texts and memos, folded in ``order`` (0.7 s at 200,000)."""
    try:
        texts = Texts(service.texts(codes))
    except ServerUnreachableError:
        return None
    texts.all_folded(order)
    return texts
