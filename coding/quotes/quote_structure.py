"""The pages and turns of the documents a quote list's quotes come from: a quote's pages, its time
and, leaving the interviewer out, its respondent's text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import select

from coding.core.plain_rows import plain_rows
from coding.core.records import PageInfo, TurnInfo
from coding.core.store import Store
from coding.core.turn_spans import pages_of, respondent_spans, respondent_text
from coding.documents.document_service import turn_info
from coding.quotes.quote_facts import turn_time
from models import Document, Page, Turn


class QuoteStructure:
    """Pages and turns of the documents quotes come from, read once per query."""

    def __init__(
        self,
        store: Store,
        document_ids: set[int],
        is_interviewer: Callable[[str], bool] | None,
        *,
        timed: bool = True,
    ) -> None:
        """With ``is_interviewer``, the turns and texts too (to leave the interviewer's words out).
        Without ``timed``, no turn times (the query read each quote's own: :meth:`time` is None)."""
        self._pages: dict[int, list[PageInfo]] = defaultdict(list)
        self._turns: dict[int, list[TurnInfo]] = defaultdict(list)
        self._texts: dict[int, str] = {}
        self._is_interviewer = is_interviewer
        #: Per document, its turns as (start, end, time) in text order, the time possibly None.
        self._timed: dict[int, list[tuple[int, int, float | None]]] = {}
        with store.read() as session:
            for document, number, start, end in plain_rows(
                session,
                select(Page.document_id, Page.number, Page.start, Page.end)
                .where(Page.document_id.in_(document_ids))
                .order_by(Page.number),
            ):
                self._pages[document].append(PageInfo(number, start, end))
            if timed:
                with_times = set(
                    session.execute(
                        select(Turn.document_id)
                        .where(Turn.document_id.in_(document_ids), Turn.timestamp.is_not(None))
                        .distinct()
                    ).scalars()
                )
                if with_times:
                    for doc_id, turn_start, turn_end, seconds in session.execute(
                        select(Turn.document_id, Turn.start, Turn.end, Turn.timestamp)
                        .where(Turn.document_id.in_(with_times))
                        .order_by(Turn.document_id, Turn.start)
                    ):
                        self._timed.setdefault(doc_id, []).append((turn_start, turn_end, seconds))
            if is_interviewer is None:
                return
            for turn in session.execute(
                select(Turn).where(Turn.document_id.in_(document_ids)).order_by(Turn.start)
            ).scalars():
                self._turns[turn.document_id].append(turn_info(turn))
            self._texts = dict(
                session.execute(
                    select(Document.id, Document.text).where(Document.id.in_(set(self._turns)))
                ).all()
            )

    def time(self, document_id: int, start: int) -> float | None:
        """The start time of the turn a passage starts in (None when it has none)."""
        return turn_time(self._timed.get(document_id), start)

    def pages(self, document_id: int, start: int, end: int) -> tuple[int, ...]:
        pages = self._pages.get(document_id)
        return pages_of(pages, start, end) if pages else ()

    def respondent_text(self, document_id: int, start: int, end: int, text: str) -> str:
        turns = self._turns.get(document_id)
        if not turns or self._is_interviewer is None:
            return text
        document = self._texts[document_id]
        return respondent_text(respondent_spans(turns, start, end, self._is_interviewer, document), document)
