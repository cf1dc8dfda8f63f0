"""A few codings' quotes by id, in one read from statements built once: what a lazy quote list
asks for the rows in view, and re-reads for the codings a change names.

:meth:`QuoteService.query` builds its statements per call and reads every listed document's row
(its metadata lies behind the text, megabytes of a long transcript); for a handful of codings that
was most of the time (≈ 5 ms for one quote in the 3M-character transcript). Here the statements are
built once with expanding parameters, the documents' attributes are read from their own table and
their places from the index on them, and each quote's turn time comes with its row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from coding.core.ids import CodeId, CodingId, DocumentId, PassageId, ReviewId, ReviewMessageId
from coding.core.records import CodeTree, PageInfo, Quote, ReviewInfo, ReviewMessageInfo
from coding.core.turn_spans import pages_of
from models import Coder, Coding, Document, DocumentAttribute, Page, Passage, Review, ReviewMessage, Turn

#: Codings read at once (an IN list SQLite binds one parameter per id for).
CHUNK = 900


@cache
def turn_columns() -> tuple[Any, Any]:
    """The time and end of the turn a quote's passage starts in (the last turn starting at or before
    it; it holds the passage's start when that is before the turn's end), for each row of a query:
    built once (a statement built anew per query costs as much as running it for a few rows)."""

    def of_turn(column: Any) -> Any:
        return (
            select(column)
            .where(Turn.document_id == Passage.document_id, Turn.start <= Passage.start)
            .order_by(Turn.start.desc())
            .limit(1)
            .correlate(Passage)
            .scalar_subquery()
        )

    return of_turn(Turn.timestamp), of_turn(Turn.end)


@dataclass(frozen=True)
class _Statements:
    quotes: Select[*tuple[Any, ...]]
    reviews: Select[*tuple[Any, ...]]
    messages: Select[*tuple[Any, ...]]
    attributes: Select[*tuple[Any, ...]]
    pages: Select[*tuple[Any, ...]]
    positions: Select[*tuple[Any, ...]]


@cache
def _statements() -> _Statements:
    """The statements, built once (building one costs as much as running it for a few rows)."""
    ids: Any = bindparam("ids", expanding=True)
    documents: Any = bindparam("documents", expanding=True)
    return _Statements(
        quotes=select(
            Coding.id,
            Coding.passage_id,
            Passage.document_id,
            Document.name,
            Coding.code_id,
            Passage.text,
            Passage.start,
            Passage.end,
            Coding.memo,
            Coder.name,
            Coding.created_at,
            *turn_columns(),
        )
        .join(Passage, Passage.id == Coding.passage_id)
        .join(Document, Document.id == Passage.document_id)
        .outerjoin(Coder, Coder.id == Coding.coder_id)
        .where(Coding.id.in_(ids)),
        reviews=select(
            Review.id, Review.coding_id, Coder.name, Review.status, Review.comment, Review.updated_at
        )
        .join(Coder, Coder.id == Review.coder_id)
        .where(Review.coding_id.in_(ids))
        .order_by(Review.id),
        messages=select(
            ReviewMessage.id,
            ReviewMessage.coding_id,
            Coder.name,
            ReviewMessage.text,
            ReviewMessage.created_at,
        )
        .outerjoin(Coder, Coder.id == ReviewMessage.coder_id)
        .where(ReviewMessage.coding_id.in_(ids))
        .order_by(ReviewMessage.created_at, ReviewMessage.id),
        attributes=select(
            DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value
        ).where(DocumentAttribute.document_id.in_(documents)),
        pages=select(Page.document_id, Page.number, Page.start, Page.end)
        .where(Page.document_id.in_(documents))
        .order_by(Page.number),
        # Every document's place from the index on (position, id): a document's own row lies
        # behind its text.
        positions=select(Document.id, Document.position),
    )


def read_quotes(
    session: Session, tree: CodeTree, coding_ids: Sequence[CodingId], codes: Collection[CodeId] | None = None
) -> list[Quote]:
    """The quotes of these codings (of ``codes`` only, when given), as :meth:`QuoteService.query`
    builds them, in the list's order (codebook, document, start, end, coding); codings since
    deleted are left out."""
    statements = _statements()
    connection = session.connection()
    wanted = sorted(set(coding_ids))
    rows: list[Any] = []
    reviews: dict[int, list[ReviewInfo]] = defaultdict(list)
    messages: dict[int, list[ReviewMessageInfo]] = defaultdict(list)
    for first in range(0, len(wanted), CHUNK):
        chunk = {"ids": wanted[first : first + CHUNK]}
        found = [
            row for row in connection.execute(statements.quotes, chunk) if codes is None or row[4] in codes
        ]
        if not found:
            continue
        rows.extend(found)
        chunk = {"ids": [row[0] for row in found]}
        for rid, coding_id, name, status, comment, updated in connection.execute(statements.reviews, chunk):
            reviews[coding_id].append(
                ReviewInfo(ReviewId(rid), CodingId(coding_id), name, status, comment, updated)
            )
        for mid, coding_id, name, message, created in connection.execute(statements.messages, chunk):
            messages[coding_id].append(ReviewMessageInfo(ReviewMessageId(mid), name, message, created))
    if not rows:
        return []
    documents = sorted({row[2] for row in rows})
    attributes: dict[int, dict[str, str]] = defaultdict(dict)
    for document, key, value in connection.execute(statements.attributes, {"documents": documents}):
        attributes[document][key] = value
    pages: dict[int, list[PageInfo]] = defaultdict(list)
    for document, number, start, end in connection.execute(statements.pages, {"documents": documents}):
        pages[document].append(PageInfo(number, start, end))
    position = (
        {document: (place, document) for document, place in connection.execute(statements.positions)}
        if len(documents) > 1
        else {}
    )
    shown = {document: dict(sorted(attributes.get(document, {}).items())) for document in documents}
    order = tree.order()
    quotes = []
    for row in rows:
        (coding_id, passage_id, document_id, document, code_id, text, start, end, memo, coder, created) = row[
            :11
        ]
        code = tree.get(CodeId(code_id))
        on_pages = pages.get(document_id)
        quotes.append(
            Quote(
                coding_id=CodingId(coding_id),
                passage_id=PassageId(passage_id),
                document_id=DocumentId(document_id),
                document=document,
                code_id=code.id,
                code_path=code.path_text,
                concept=code.concept,
                text=text,
                start=start,
                end=end,
                memo=memo,
                coder=coder,
                created_at=created,
                attributes=shown[document_id],
                reviews=tuple(reviews.get(coding_id, ())),
                messages=tuple(messages.get(coding_id, ())),
                pages=pages_of(on_pages, start, end) if on_pages else (),
                time=row[11] if row[12] is not None and start < row[12] else None,
            )
        )
    quotes.sort(
        key=lambda q: (
            order.get(q.code_id, 0),
            position.get(q.document_id, (0, 0)),
            q.start,
            q.end,
            q.coding_id,
        )
    )
    return quotes
