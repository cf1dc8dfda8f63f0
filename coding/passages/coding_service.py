"""Coding passages: apply and remove codes, move boundaries, memos; read a document's passages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.errors import NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.plain_rows import plain_rows
from coding.core.records import CodeApplication, CodingInfo, PassageInfo
from coding.passages.bulk_coding import ApplyCodings, CodingRequest
from coding.passages.coding_commands import ApplyCoding, RemoveCoding, SetCodingMemo, SetPassageSpan
from coding.passages.in_vivo import CodeInVivo
from models import Coder, Coding, Passage

_ID = itemgetter(1)


@dataclass(frozen=True)
class _PassageReads:
    """What :meth:`CodingService.passages` reads, built once per kind of call (building a
    statement costs as much as running it for the few passages a view re-reads)."""

    spans: Select[*tuple[Any, ...]]
    coders: Select[*tuple[Any, ...]]
    codings: Select[*tuple[Any, ...]]
    memos_between: Select[*tuple[Any, ...]]
    memos: Select[*tuple[Any, ...]]


@cache
def _passage_reads(ranged: bool, bounded: bool, with_text: bool) -> _PassageReads:
    """``ranged``: the passages sharing a character with [start, end); ``bounded``: none starting
    before ``first``; ``with_text``: the passages' words read too."""
    where: list[Any] = [Passage.document_id == bindparam("document")]
    if ranged:
        where += [Passage.start < bindparam("end"), Passage.end > bindparam("start")]
        if bounded:
            where.append(Passage.start >= bindparam("first"))
    columns = (Passage.id, Passage.start, Passage.end) + ((Passage.text,) if with_text else ())
    return _PassageReads(
        spans=select(*columns).where(*where).order_by(Passage.start, Passage.end),
        coders=select(Coder.id, Coder.name),
        codings=select(Coding.passage_id, Coding.id, Coding.code_id, Coding.coder_id)
        .join(Passage, Passage.id == Coding.passage_id)
        .where(*where),
        memos_between=select(Coding.id, Coding.memo).where(
            Coding.id.between(bindparam("low"), bindparam("high")), Coding.memo != ""
        ),
        memos=select(Coding.id, Coding.memo)
        .join(Passage, Passage.id == Coding.passage_id)
        .where(*where, Coding.memo != ""),
    )


@cache
def _coding_read() -> Select[*tuple[Any, ...]]:
    """One coding with its passage and coder (:meth:`CodingService.get`), built once."""
    return (
        select(
            Coding.id,
            Coding.passage_id,
            Passage.document_id,
            Coding.code_id,
            Passage.start,
            Passage.end,
            Passage.text,
            Coding.memo,
            Coder.name,
            Coding.created_at,
        )
        .join(Passage, Passage.id == Coding.passage_id)
        .outerjoin(Coder, Coder.id == Coding.coder_id)
        .where(Coding.id == bindparam("coding"))
    )


_CODING_ID = attrgetter("coding_id")


class CodingService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context
        self._store = context.store

    def passages(
        self,
        document: DocumentRef,
        start: int | None = None,
        end: int | None = None,
        *,
        text: str | None = None,
        starting_from: int | None = None,
    ) -> list[PassageInfo]:
        """Every coded passage of a document with its codes, ordered by position.

        With ``start`` and ``end``, only the passages sharing a character with ``[start, end)``:
        what a view re-reads after a change it knows the place of. ``text``, the document's stored
        text when the caller has just read it, saves reading each passage's words: they are always
        ``text[start:end]`` (the schema's rule, kept by every command that changes a text: text
        corrections and anonymising move the passages and rewrite their words, and their tests
        compare every quote with the new text), and the positions alone come from the index (a
        3M-character transcript with 23,500 passages: 11 ms instead of 50 ms in SQLite).
        ``starting_from`` leaves out the passages starting before it, for a caller that knows none
        of those it wants starts earlier (a view re-reading a changed range: the earliest start it
        shows there); the index on (document, start) is then read from there, not from the
        document's first passage (≈ 2 ms in the middle of a 3M-character transcript).
        """
        document_id = self._context.resolve.document(document)
        ranged = start is not None and end is not None
        reads = _passage_reads(ranged, ranged and starting_from is not None, text is None)
        parameters = {"document": document_id, "start": start, "end": end, "first": starting_from}
        with self._store.read() as session:  # the driver's rows: tens of thousands in a long transcript
            spans = plain_rows(session, reads.spans, parameters)
            coders: dict[int, str] = dict(plain_rows(session, reads.coders))
            # the (passage, code, coder) index covers these: no coding row is read
            rows = plain_rows(session, reads.codings, parameters)
            memos = self._memos(session, rows, reads, parameters)
        applications: dict[int, list[CodeApplication]] = defaultdict(list)
        memo_of = memos.get
        for passage_id, coding_id, code_id, coder_id in rows:
            applications[passage_id].append(
                CodeApplication(coding_id, code_id, memo_of(coding_id, ""), coders.get(coder_id))
            )
        for codings in applications.values():  # a passage's codings in the order they were made
            if len(codings) > 1:
                codings.sort(key=_CODING_ID)
        found = applications.get
        if text is not None:
            return [
                PassageInfo(sid, document_id, first, last, text[first:last], tuple(found(sid, ())))
                for sid, first, last in spans
            ]
        return [
            PassageInfo(sid, document_id, first, last, words, tuple(found(sid, ())))
            for sid, first, last, words in spans
        ]

    @staticmethod
    def _memos(
        session: Session, rows: list[tuple[Any, ...]], reads: _PassageReads, parameters: dict[str, Any]
    ) -> dict[int, str]:
        """The memos of the codings ``rows`` (coding id second) that have one. Memos are not in an
        index: reading them coding by coding looks up every coding's row (30 ms for 30,000). When
        the codings' ids lie close together (one long document coded in sessions), the rows in
        their id range are read in order instead (2 ms), with those of other documents among them."""
        if not rows:
            return {}
        low, high = min(map(_ID, rows)), max(map(_ID, rows))
        if high - low < 4 * len(rows):
            return dict(plain_rows(session, reads.memos_between, {"low": low, "high": high}))
        return dict(plain_rows(session, reads.memos, parameters))

    def get(self, coding_id: CodingId) -> CodingInfo:
        with self._store.read() as session:
            row = session.connection().execute(_coding_read(), {"coding": coding_id}).first()
        if row is None:
            raise NotFoundError(say("coding {coding_id} does not exist", coding_id=coding_id))
        return CodingInfo(
            CodingId(row[0]),
            PassageId(row[1]),
            DocumentId(row[2]),
            CodeId(row[3]),
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
        )

    def code(
        self,
        document: DocumentRef,
        code: CodeRef,
        start: int,
        end: int,
        *,
        memo: str = "",
        coder: str | None = None,
    ) -> CodingInfo:
        """Code ``text[start:end]`` (code points, end exclusive; surrounding whitespace is trimmed)."""
        command = ApplyCoding(
            self._context.resolve.document(document),
            self._context.resolve.code(code),
            start,
            end,
            coder=coder or self._context.coder(),
            memo=memo,
        )
        return self.get(self._context.execute(command))

    def code_in_vivo(
        self, document: DocumentRef, start: int, end: int, *, coder: str | None = None
    ) -> CodingInfo:
        """Code a passage with a new inductive top-level code named after its words (reused if it exists)."""
        command = CodeInVivo(
            self._context.resolve.document(document), start, end, coder=coder or self._context.coder()
        )
        return self.get(self._context.execute(command))

    def uncode(self, coding_id: CodingId) -> None:
        self._context.execute(RemoveCoding(coding_id))

    def set_span(self, passage_id: PassageId, start: int, end: int) -> None:
        self._context.execute(SetPassageSpan(passage_id, start, end))

    def set_memo(self, coding_id: CodingId, memo: str) -> None:
        self._context.execute(SetCodingMemo(coding_id, memo))

    def code_many(
        self,
        items: Iterable[tuple[DocumentRef, CodeRef, int, int] | tuple[DocumentRef, CodeRef, int, int, str]],
        *,
        coder: str | None = None,
        skip_existing: bool = False,
    ) -> list[CodingId]:
        """Code many passages as one action (one transaction, one undo step).

        ``items`` are ``(document, code, start, end)`` or ``(document, code, start, end, memo)``.
        All or nothing: one invalid item (a bad span, an unknown code, a passage that already has
        the code) raises and codes nothing; with ``skip_existing`` passages that already have the
        code are left alone instead. Returns the new codings' ids in the order of ``items``.
        """
        documents: dict[str, DocumentId] = {}  # names are resolved once per call, not per item
        codes: dict[str, CodeId] = {}
        requests = []
        for item in items:
            document, code, start, end = item[:4]
            memo = str(item[4]) if len(item) > 4 else ""
            if isinstance(document, str):
                if document not in documents:
                    documents[document] = self._context.resolve.document(document)
                document_id = documents[document]
            else:
                document_id = self._context.resolve.document(document)
            if isinstance(code, str):
                if code not in codes:
                    codes[code] = self._context.resolve.code(code)
                code_id = codes[code]
            else:
                code_id = self._context.resolve.code(code)
            requests.append(CodingRequest(document_id, code_id, start, end, memo))
        command = ApplyCodings(requests, coder=coder or self._context.coder(), skip_existing=skip_existing)
        ids: list[CodingId] = self._context.execute(command)
        return ids
