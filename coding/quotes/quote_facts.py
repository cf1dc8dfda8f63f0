"""What a lazy quote list needs of every coding it lists without building its quote: where the
coding is (document, start, end), its code and coder; and, read only when asked, the passage's
text and the memo (filtering by text, sorting by those columns)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from coding.core.ids import CodingId
from coding.core.plain_rows import plain_rows
from coding.core.store import Store
from models import Coder, Coding, Document, Passage, Review, Turn

#: One coding's facts: (coding, document, code, start, end, coder id); the positions of its fields.
FactRow = tuple[int, int, int, int, int, int]
ID, DOCUMENT, CODE, START, END, CODER = range(6)


@dataclass(frozen=True)
class QuoteFacts:
    """Per coding id its :data:`FactRow`, and the coders' names by id; ``ids``: the codings in the
    list's order when they were read in it (else empty)."""

    rows: Mapping[CodingId, FactRow]
    coder_names: Mapping[int, str]
    ids: tuple[CodingId, ...] = ()

    def coder(self, coding_id: CodingId) -> str | None:
        row = self.rows.get(coding_id)
        return self.coder_names.get(row[CODER]) if row is not None else None


def read_facts(store: Store, code_ids: Sequence[int] | None, order: Sequence[Any] = ()) -> QuoteFacts:
    """The facts of the codings of these codes (None: of every coding): one read, no row objects;
    with ``order`` (clauses over coding, passage and document) in that order, their ids kept."""
    statement = select(
        Coding.id, Passage.document_id, Coding.code_id, Passage.start, Passage.end, Coding.coder_id
    ).join(Passage, Passage.id == Coding.passage_id)
    if code_ids is not None:
        statement = statement.where(Coding.code_id.in_(code_ids))
    if order:
        statement = statement.join(Document, Document.id == Passage.document_id).order_by(*order)
    with store.read() as session:
        rows = plain_rows(session, statement)
        names = dict(plain_rows(session, select(Coder.id, Coder.name)))
    facts = {CodingId(row[ID]): row for row in rows}
    return QuoteFacts(facts, names, tuple(facts) if order else ())


#: A document's timed turns as (start, end, seconds or None), in text order.
TimedTurns = list[tuple[int, int, float | None]]


def turn_time(turns: TimedTurns | None, start: int) -> float | None:
    """The start time of the turn a passage starting at ``start`` starts in (None: none or untimed)."""
    if not turns:
        return None
    i = bisect_right(turns, (start, float("inf"), float("inf"))) - 1
    if i < 0 or start >= turns[i][1]:
        return None
    return turns[i][2]


def read_times(store: Store, code_ids: Sequence[int] | None) -> dict[CodingId, float]:
    """The start time of the turn each coding of these codes (None: every coding) starts in, for
    the codings in timed transcripts only (what a quote's ``time`` is)."""
    with store.read() as session:
        timed = [
            row[0]
            for row in plain_rows(
                session, select(Turn.document_id).where(Turn.timestamp.is_not(None)).distinct()
            )
        ]
        if not timed:
            return {}
        turns: dict[int, TimedTurns] = {}
        for document, start, end, seconds in plain_rows(
            session,
            select(Turn.document_id, Turn.start, Turn.end, Turn.timestamp)
            .where(Turn.document_id.in_(timed))
            .order_by(Turn.document_id, Turn.start),
        ):
            turns.setdefault(document, []).append((start, end, seconds))
        statement = (
            select(Coding.id, Passage.document_id, Passage.start)
            .join(Passage, Passage.id == Coding.passage_id)
            .where(Passage.document_id.in_(timed))
        )
        if code_ids is not None:
            statement = statement.where(Coding.code_id.in_(code_ids))
        codings = plain_rows(session, statement)
    times: dict[CodingId, float] = {}
    for coding, document, start in codings:
        seconds = turn_time(turns.get(document), start)
        if seconds is not None:
            times[CodingId(coding)] = seconds
    return times


def read_reviews_by(
    store: Store, code_ids: Sequence[int] | None, reviewer: str
) -> dict[CodingId, tuple[str, str]]:
    """One reviewer's status and comment on each coding of these codes (None: every coding) they
    reviewed (their first review of it, as ``Quote.review_by``)."""
    statement = (
        select(Review.coding_id, Review.status, Review.comment)
        .join(Coder, Coder.id == Review.coder_id)
        .where(Coder.name == reviewer)
        .order_by(Review.id.desc())
    )
    if code_ids is not None:
        statement = statement.where(
            Review.coding_id.in_(select(Coding.id).where(Coding.code_id.in_(code_ids)))
        )
    with store.read() as session:
        rows = plain_rows(session, statement)
    return {CodingId(coding): (status, comment or "") for coding, status, comment in rows}


def read_texts(store: Store, code_ids: Sequence[int] | None) -> dict[CodingId, tuple[str, str]]:
    """The passage text and memo of the codings of these codes (None: of every coding)."""
    statement = select(Coding.id, Passage.text, Coding.memo).join(Passage, Passage.id == Coding.passage_id)
    if code_ids is not None:
        statement = statement.where(Coding.code_id.in_(code_ids))
    with store.read() as session:
        rows = plain_rows(session, statement)
    return {CodingId(coding): (text, memo) for coding, text, memo in rows}


def read_coders(store: Store, code_ids: Sequence[int] | None) -> list[str]:
    """The names of the coders with a coding of these codes (None: with any coding)."""
    holds = select(Coding.id).where(Coding.coder_id == Coder.id)
    if code_ids is not None:
        holds = holds.where(Coding.code_id.in_(code_ids))
    with store.read() as session:
        return [row[0] for row in plain_rows(session, select(Coder.name).where(holds.exists()))]
