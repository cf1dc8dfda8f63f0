"""Retrieval: the coded quotes of one or more codes, filtered by attributes, coder and text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import and_, case, false, func, literal, or_, select

from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.ids import CodeId, CodingId, DocumentId, PassageId, ReviewId, ReviewMessageId
from coding.core.plain_rows import plain_rows
from coding.core.records import (
    CodeInfo,
    Quote,
    ReviewInfo,
    ReviewMessageInfo,
    open_question,
)
from coding.core.text import fold
from coding.documents.document_service import DocumentService
from coding.quotes.quote_facts import (
    QuoteFacts,
    read_coders,
    read_facts,
    read_reviews_by,
    read_texts,
    read_times,
)
from coding.quotes.quote_records import read_quotes, turn_columns
from coding.quotes.quote_structure import QuoteStructure
from coding.speakers.speaker_service import SpeakerService
from models import Code, Coder, Coding, Document, Passage, Review, ReviewMessage

#: Up to this many quotes, their reviews are read by coding (one IN list), else all reviews at once.
_FEW = 500
#: Places (a change's spans) asked in one query (``query(within=…)``).
_PLACES_PER_QUERY = 400

#: ``review`` filter value for quotes nobody has reviewed yet.
UNREVIEWED = "unreviewed"
#: ``review`` filter value for quotes a reviewer asked about (question, disagree) with no answer since.
TO_ANSWER = "to-answer"


class QuoteService:
    def __init__(self, context: ProjectContext, documents: DocumentService, speakers: SpeakerService) -> None:
        self._context = context
        self._store = context.store
        self._documents = documents
        self._speakers = speakers

    def query(
        self,
        codes: CodeRef | Sequence[CodeRef] | None = None,
        *,
        where: Mapping[str, str | Sequence[str]] | None = None,
        documents: Sequence[DocumentRef] | None = None,
        coder: str | None = None,
        text: str | None = None,
        review: str | None = None,
        include_subcodes: bool = True,
        exclude_interviewer: bool = False,
        within: Sequence[tuple[DocumentId, int, int]] | None = None,
        only: Collection[CodingId] | None = None,
    ) -> list[Quote]:
        """Quotes in codebook order, then document order, then position.

        ``codes``: one code or several; each includes its subcodes unless ``include_subcodes`` is
        false (a concept's quote list holds its dimensions' and indicators' quotes).
        ``where``: attribute filters, ``{"region": "Zwolle"}`` or ``{"role": ["UWV", "Onderwijs"]}``,
        compared case- and accent-insensitively. ``review``: a status, ``"unreviewed"``, or ``"to-answer"``
        (a reviewer asked — question or disagree — and nobody answered since).
        ``exclude_interviewer``: a quote's text holds only what the other speakers say: the
        interviewer's turns are cut out (``[…]`` marks a cut between two parts) and so are the
        speaker labels and timestamps; a quote of only interviewer speech is left out.
        Every quote carries the pages it lies on (PDF sources) for citing.
        ``within``: only quotes whose passage overlaps (or touches) one of these spans
        ``(document, start, end)``: what a view re-reads after a change that says where it was.
        ``only``: these codings only (the rows a lazy list shows, see :meth:`listing`).
        """
        tree = self._context.resolve.code_tree()
        code_ids: set[CodeId] | None = None
        if codes is not None:
            refs = [codes] if isinstance(codes, str | int | CodeInfo) else list(codes)
            code_ids = set()
            for ref in refs:
                selected = self._context.resolve.code(ref)
                code_ids.add(selected)
                if include_subcodes:
                    code_ids.update(c.id for c in tree.descendants(selected))
        allowed_docs: set[DocumentId] | None = None
        if documents is not None:
            allowed_docs = {self._context.resolve.document(ref) for ref in documents}
        if within is not None:
            places = {doc for doc, _start, _end in within}
            allowed_docs = places if allowed_docs is None else allowed_docs & places
        # A query of a few documents reads only those (their order among themselves is the project's).
        infos = (
            self._documents.list(with_counts=False)
            if allowed_docs is None
            else self._documents.list_of(allowed_docs, with_counts=False)
        )
        attributes = {d.id: d.attributes for d in infos}
        if where:
            wanted = {
                self._documents.attribute_named(key): {
                    fold(v) for v in ([value] if isinstance(value, str) else value)
                }
                for key, value in where.items()
            }
            matching = {
                d.id
                for d in infos
                if all(fold(d.attributes.get(key, "")) in values for key, values in wanted.items())
            }
            allowed_docs = matching if allowed_docs is None else allowed_docs & matching
        position = {d.id: rank for rank, d in enumerate(infos)}

        statement = (
            select(
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
            )
            .join(Passage, Passage.id == Coding.passage_id)
            .join(Document, Document.id == Passage.document_id)
            .outerjoin(Coder, Coder.id == Coding.coder_id)
        )
        # A few quotes (the rows in view, a change's places): each one's turn found by the
        # (document, start) index, not every turn of their documents read.
        located = within is not None or (only is not None and len(only) <= _FEW)
        if located:
            statement = statement.add_columns(*turn_columns())
        if code_ids is not None:
            statement = statement.where(Coding.code_id.in_(code_ids))
        if allowed_docs is not None:
            statement = statement.where(Passage.document_id.in_(allowed_docs))
        if coder is not None:
            statement = statement.where(Coder.name == coder)
        if only is not None:
            statement = statement.where(Coding.id.in_(sorted(only)))
        statements = [statement]
        if within is not None:
            # SQLite nests an OR of n terms n deep (its limit is 1,000): a bulk action's thousands of
            # places are asked a few hundred at a time, a quote two of them overlap taken once.
            spots = list(within)
            statements = [
                statement.where(
                    or_(
                        false(),
                        *(
                            and_(Passage.document_id == doc, Passage.start <= end, Passage.end >= start)
                            for doc, start, end in spots[i : i + _PLACES_PER_QUERY]
                        ),
                    )
                )
                for i in range(0, max(len(spots), 1), _PLACES_PER_QUERY)
            ]
        with self._store.read() as session:
            if len(statements) == 1:
                rows = session.execute(statements[0]).all()
            else:
                by_coding = {row[0]: row for part in statements for row in session.execute(part)}
                rows = list(by_coding.values())
            # Few quotes (a view re-reading where a change was): the reviews of those codings only.
            found = sorted({row[0] for row in rows}) if len(rows) <= _FEW else None
            review_rows = (
                select(
                    Review.id, Review.coding_id, Coder.name, Review.status, Review.comment, Review.updated_at
                )
                .join(Coder, Coder.id == Review.coder_id)
                .order_by(Review.id)
            )
            message_rows = (
                select(
                    ReviewMessage.id,
                    ReviewMessage.coding_id,
                    Coder.name,
                    ReviewMessage.text,
                    ReviewMessage.created_at,
                )
                .outerjoin(Coder, Coder.id == ReviewMessage.coder_id)
                .where(ReviewMessage.coding_id.is_not(None))
                .order_by(ReviewMessage.created_at, ReviewMessage.id)
            )
            if found is not None:
                review_rows = review_rows.where(Review.coding_id.in_(found))
                message_rows = message_rows.where(ReviewMessage.coding_id.in_(found))
            reviews: dict[int, list[ReviewInfo]] = defaultdict(list)
            for rid, coding_id, name, status, comment, updated in session.execute(review_rows):
                reviews[coding_id].append(
                    ReviewInfo(ReviewId(rid), CodingId(coding_id), name, status, comment, updated)
                )
            messages: dict[int, list[ReviewMessageInfo]] = defaultdict(list)
            for mid, message_coding, name, message, created in session.execute(message_rows):
                if message_coding is not None:
                    messages[message_coding].append(
                        ReviewMessageInfo(ReviewMessageId(mid), name, message, created)
                    )

        is_interviewer = self._speakers.rules().is_interviewer if exclude_interviewer else None
        structure = QuoteStructure(self._store, {row[2] for row in rows}, is_interviewer, timed=not located)
        needle = fold(text) if text else None
        order = tree.order()
        codes_by_id = {code.id: (code.id, code.path_text, code.concept) for code in tree.codes}
        quotes = []
        for row in rows:
            (
                coding_id,
                passage_id,
                document_id,
                document,
                code_id,
                quote_text,
                start,
                end,
                memo,
                coder_name,
                created,
            ) = cast("tuple[Any, ...]", row)[:11]
            if needle is not None and needle not in fold(quote_text) and needle not in fold(memo):
                continue
            quote_reviews = tuple(reviews.get(coding_id, ()))
            quote_messages = tuple(messages.get(coding_id, ()))
            if review is not None:
                if review == TO_ANSWER:
                    if not open_question(quote_reviews, quote_messages):
                        continue
                elif review == UNREVIEWED:
                    if quote_reviews:
                        continue
                elif all(r.status != review for r in quote_reviews):
                    continue
            if exclude_interviewer:
                quote_text = structure.respondent_text(document_id, start, end, quote_text)
                if not quote_text:
                    continue
            code, code_path, concept = codes_by_id[CodeId(code_id)]
            quotes.append(
                Quote(
                    coding_id=CodingId(coding_id),
                    passage_id=PassageId(passage_id),
                    document_id=DocumentId(document_id),
                    document=document,
                    code_id=code,
                    code_path=code_path,
                    concept=concept,
                    text=quote_text,
                    start=start,
                    end=end,
                    memo=memo,
                    coder=coder_name,
                    created_at=created,
                    attributes=attributes.get(DocumentId(document_id), {}),
                    reviews=quote_reviews,
                    messages=quote_messages,
                    pages=structure.pages(document_id, start, end),
                    time=(row[11] if row[12] is not None and start < row[12] else None)
                    if located
                    else structure.time(document_id, start),
                )
            )
        quotes.sort(
            key=lambda q: (
                order.get(q.code_id, 0),
                position.get(q.document_id, 0),
                q.start,
                q.end,
                q.coding_id,
            )
        )
        return quotes

    def listing(
        self,
        codes: CodeRef | Sequence[CodeRef] | None = None,
        *,
        where: Mapping[str, str | Sequence[str]] | None = None,
        documents: Sequence[DocumentRef] | None = None,
        coder: str | None = None,
        text: str | None = None,
        review: str | None = None,
        include_subcodes: bool = True,
    ) -> QuoteListing:
        """The codings :meth:`query` would list with these arguments, as ids in the same order, without
        building a quote: filtered and ordered in the database (the text filter folds the candidates'
        texts here). A long list shows its rows by :meth:`records` of the ids in view: 200,000 quotes
        are listed in a fraction of what building them takes."""
        statement = select(Coding.id, Passage.text, Coding.memo) if text else select(Coding.id)
        statement = statement.join(Passage, Passage.id == Coding.passage_id).join(
            Document, Document.id == Passage.document_id
        )
        code_ids = self._code_ids(codes, include_subcodes)
        if code_ids is not None:
            statement = statement.where(Coding.code_id.in_(code_ids))
        if documents is not None:
            statement = statement.where(
                Passage.document_id.in_(sorted({self._context.resolve.document(ref) for ref in documents}))
            )
        if where:
            wanted = {
                self._documents.attribute_named(key): {
                    fold(v) for v in ([value] if isinstance(value, str) else value)
                }
                for key, value in where.items()
            }
            matching = [
                d.id
                for d in self._documents.list(with_counts=False)
                if all(fold(d.attributes.get(key, "")) in values for key, values in wanted.items())
            ]
            statement = statement.where(Passage.document_id.in_(matching))
        if coder is not None:
            statement = statement.where(
                Coding.coder_id.in_(select(Coder.id).where(Coder.name == coder).scalar_subquery())
            )
        if review is not None:
            reviewed = select(Review.coding_id)
            if review == UNREVIEWED:
                statement = statement.where(Coding.id.not_in(reviewed))
            elif review == TO_ANSWER:
                statement = statement.where(Coding.id.in_(sorted(self._open_questions())))
            else:
                statement = statement.where(Coding.id.in_(reviewed.where(Review.status == review)))
        statement = statement.order_by(*self._list_order())
        with self._store.read() as session:
            rows = plain_rows(session, statement)
        if text:
            needle = fold(text)
            return QuoteListing(
                tuple(CodingId(row[0]) for row in rows if needle in fold(row[1]) or needle in fold(row[2]))
            )
        return QuoteListing(tuple(map(itemgetter(0), rows)))

    def _list_order(self) -> tuple[Any, ...]:
        """The list's order in SQL: codebook rank of the code, document position, start, end, id."""
        order = self._context.resolve.code_tree().order()
        ranked = case(order, value=Coding.code_id, else_=0) if order else literal(0)
        return (ranked, Document.position, Document.id, Passage.start, Passage.end, Coding.id)

    def first(
        self, codes: CodeRef | Sequence[CodeRef] | None, count: int, *, include_subcodes: bool = True
    ) -> QuoteListing:
        """The first ``count`` codings :meth:`listing` lists for ``codes`` (no filters), in its order,
        read code by code in the codebook's order: only the first codes' codings are sorted (a few
        milliseconds where sorting all 200,000 takes 0.2 s)."""
        code_ids = self._code_ids(codes, include_subcodes)
        order = self._context.resolve.code_tree().order()
        with self._store.read() as session:
            if code_ids is None:
                code_ids = [row[0] for row in plain_rows(session, select(Code.id))]
            ranks: dict[int, list[int]] = defaultdict(list)
            for code in code_ids:
                ranks[order.get(CodeId(code), 0)].append(code)
            # The documents' places from their index: a join would read each document's row (its text).
            position = dict(plain_rows(session, select(Document.id, Document.position)))
            found: list[CodingId] = []
            for rank in sorted(ranks):
                if len(found) >= count:
                    break
                rows = plain_rows(
                    session,
                    select(Coding.id, Passage.document_id, Passage.start, Passage.end)
                    .join(Passage, Passage.id == Coding.passage_id)
                    .where(Coding.code_id.in_(sorted(ranks[rank]))),
                )
                rows.sort(key=lambda r: (position.get(r[1], 0), r[1], r[2], r[3], r[0]))
                found.extend(CodingId(row[0]) for row in rows[: count - len(found)])
        return QuoteListing(tuple(found))

    def count(self, codes: CodeRef | Sequence[CodeRef] | None, *, include_subcodes: bool = True) -> int:
        """How many codings :meth:`listing` lists for ``codes`` (no filters)."""
        statement = select(func.count(Coding.id))
        code_ids = self._code_ids(codes, include_subcodes)
        if code_ids is not None:
            statement = statement.where(Coding.code_id.in_(code_ids))
        with self._store.read() as session:
            return int(plain_rows(session, statement)[0][0])

    def _code_ids(
        self, codes: CodeRef | Sequence[CodeRef] | None, include_subcodes: bool
    ) -> list[CodeId] | None:
        """The codes a quote list of ``codes`` holds (with their subcodes), sorted; None: every code."""
        if codes is None:
            return None
        tree = self._context.resolve.code_tree()
        refs = [codes] if isinstance(codes, str | int | CodeInfo) else list(codes)
        code_ids: set[CodeId] = set()
        for ref in refs:
            selected = self._context.resolve.code(ref)
            code_ids.add(selected)
            if include_subcodes:
                code_ids.update(c.id for c in tree.descendants(selected))
        return sorted(code_ids)

    def facts(
        self,
        codes: CodeRef | Sequence[CodeRef] | None = None,
        *,
        include_subcodes: bool = True,
        listed: bool = False,
    ) -> QuoteFacts:
        """Per coding of the quote list of ``codes`` (as :meth:`listing` without filters): its
        document, code, start, end and coder, what a lazy list filters, sorts and places rows by
        without building quotes. ``listed``: read in the list's order, with the ids in it (the
        listing and its facts in one read)."""
        order = self._list_order() if listed else ()
        return read_facts(self._store, self._code_ids(codes, include_subcodes), order)

    def times(
        self, codes: CodeRef | Sequence[CodeRef] | None = None, *, include_subcodes: bool = True
    ) -> dict[CodingId, float]:
        """Per coding of the quote list of ``codes`` with a time (its quote's ``time``): the start
        time of the turn it starts in (sorting by time without building quotes)."""
        return read_times(self._store, self._code_ids(codes, include_subcodes))

    def reviews_by(
        self,
        reviewer: str,
        codes: CodeRef | Sequence[CodeRef] | None = None,
        *,
        include_subcodes: bool = True,
    ) -> dict[CodingId, tuple[str, str]]:
        """Per coding of the quote list of ``codes`` that ``reviewer`` reviewed: their status and
        comment (sorting by the review columns without building quotes)."""
        return read_reviews_by(self._store, self._code_ids(codes, include_subcodes), reviewer)

    def texts(
        self, codes: CodeRef | Sequence[CodeRef] | None = None, *, include_subcodes: bool = True
    ) -> dict[CodingId, tuple[str, str]]:
        """Per coding of the quote list of ``codes``: its passage's text and its memo (what a lazy
        list filters by text and sorts the text and memo columns by)."""
        return read_texts(self._store, self._code_ids(codes, include_subcodes))

    def coders(
        self, codes: CodeRef | Sequence[CodeRef] | None = None, *, include_subcodes: bool = True
    ) -> list[str]:
        """The coders of the quotes of ``codes`` (every quote: None), unordered."""
        return read_coders(self._store, self._code_ids(codes, include_subcodes))

    def records(self, coding_ids: Sequence[CodingId]) -> list[Quote]:
        """The quotes of these codings in the order given (the rows of a :meth:`listing` in view);
        codings since deleted are left out. Built as :meth:`query` builds them, read in one go from
        statements built once (:mod:`coding.quotes.quote_records`)."""
        if not coding_ids:
            return []
        with self._store.read() as session:
            found = {
                q.coding_id: q for q in read_quotes(session, self._context.resolve.code_tree(), coding_ids)
            }
        return [found[c] for c in coding_ids if c in found]

    def quotes_of(
        self,
        coding_ids: Collection[CodingId],
        codes: CodeRef | Sequence[CodeRef] | None = None,
        *,
        include_subcodes: bool = True,
    ) -> list[Quote]:
        """The quotes of these codings that :meth:`query` lists for ``codes``, in its order: what a
        list re-reads for the codings a change names (``Change.quotes_changed``); codings since
        deleted, or of other codes, are left out."""
        if not coding_ids:
            return []
        code_ids = self._code_ids(codes, include_subcodes)
        with self._store.read() as session:
            return read_quotes(
                session,
                self._context.resolve.code_tree(),
                sorted(coding_ids),
                None if code_ids is None else set(code_ids),
            )

    def _open_questions(self) -> set[int]:
        """The codings a reviewer asked about with no answer since (the ``to-answer`` filter)."""
        with self._store.read() as session:
            marks: dict[int, list[ReviewInfo]] = defaultdict(list)
            for rid, coding_id, name, status, comment, updated in session.execute(
                select(
                    Review.id, Review.coding_id, Coder.name, Review.status, Review.comment, Review.updated_at
                )
                .join(Coder, Coder.id == Review.coder_id)
                .where(Review.status.in_(("question", "disagree")))
            ):
                marks[coding_id].append(
                    ReviewInfo(ReviewId(rid), CodingId(coding_id), name, status, comment, updated)
                )
            if not marks:
                return set()
            for rid, coding_id, name, status, comment, updated in session.execute(
                select(
                    Review.id, Review.coding_id, Coder.name, Review.status, Review.comment, Review.updated_at
                )
                .join(Coder, Coder.id == Review.coder_id)
                .where(Review.coding_id.in_(sorted(marks)), Review.status.not_in(("question", "disagree")))
            ):
                marks[coding_id].append(
                    ReviewInfo(ReviewId(rid), CodingId(coding_id), name, status, comment, updated)
                )
            messages: dict[int, list[ReviewMessageInfo]] = defaultdict(list)
            for mid, about, name, message, created in session.execute(
                select(
                    ReviewMessage.id,
                    ReviewMessage.coding_id,
                    Coder.name,
                    ReviewMessage.text,
                    ReviewMessage.created_at,
                )
                .outerjoin(Coder, Coder.id == ReviewMessage.coder_id)
                .where(ReviewMessage.coding_id.in_(sorted(marks)))
            ):
                if about is not None:
                    messages[about].append(ReviewMessageInfo(ReviewMessageId(mid), name, message, created))
        return {coding for coding, found in marks.items() if open_question(found, messages.get(coding, ()))}


@dataclass(frozen=True)
class QuoteListing:
    """The codings a quote list holds, in its order (:meth:`QuoteService.listing`)."""

    ids: tuple[CodingId, ...]

    @property
    def count(self) -> int:
        return len(self.ids)

    def window(self, first: int, count: int) -> tuple[CodingId, ...]:
        """The ids of rows ``first`` to ``first + count`` (fewer at the end)."""
        return self.ids[max(0, first) : max(0, first + count)]
