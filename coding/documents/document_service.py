"""Reading and changing documents: list, text, structure, attributes, passages."""

from __future__ import annotations

import builtins
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from sqlalchemy import Dialect, Select, func, select

from coding.core.attributes import present_key
from coding.core.context import DocumentRef, Execute
from coding.core.errors import AmbiguousError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import DocumentId, TurnId
from coding.core.per_thread import PerThread
from coding.core.plain_rows import plain_rows
from coding.core.records import DocumentInfo, PageInfo, TurnInfo
from coding.core.store import Store
from coding.core.text import fold, normalise_text
from coding.documents.document_commands import (
    AddDocument,
    DeleteDocument,
    NewDocument,
    RenameAttribute,
    RenameDocument,
    SetAttributes,
)
from coding.documents.text_edits import CorrectionResult, CorrectText
from models import Coding, Document, DocumentAttribute, Page, Passage, Turn


def turn_info(turn: Turn) -> TurnInfo:
    """The record of a stored turn."""
    return TurnInfo(
        TurnId(turn.id),
        DocumentId(turn.document_id),
        turn.speaker,
        turn.start,
        turn.end,
        turn.body_start,
        turn.timestamp,
    )


def _time_reader(dialect: Dialect) -> Callable[[Any], Any] | None:
    """How SQLAlchemy reads a stored import time on this database (SQLite: from its text), or None
    where the driver gives a ``datetime`` itself (PostgreSQL)."""
    return Document.__table__.c.imported_at.type.dialect_impl(dialect).result_processor(dialect, None)


#: How many documents :meth:`DocumentService.first_coded` asks about in one query.
FIRST_CODED_BATCH = 200


def _count_rows() -> Select[int, int]:
    """(document, number of codings) for every document with a coding: one pass over all codings."""
    return (
        select(Passage.document_id, func.count(Coding.id))
        .join(Coding, Coding.passage_id == Passage.id)
        .group_by(Passage.document_id)
    )


class DocumentService:
    """The documents: it also answers the project's resolver for documents (:meth:`id_of`)."""

    def __init__(self, store: Store, execute: Execute) -> None:
        self._store = store
        self._execute = execute
        # the last document's turns, per thread (a write in a worker reads its own, see PerThread)
        self._turns: PerThread[tuple[DocumentId, builtins.list[TurnInfo]]] = PerThread()
        store.on_snapshot(self._turns.forget_here)  # a snapshot reads the turns of its own moment

    # -- reading -------------------------------------------------------------------------
    def list(self, *, with_counts: bool = True) -> builtins.list[DocumentInfo]:
        """All documents in import order, with their attributes and number of codings.

        ``with_counts=False`` skips counting the codings (a pass over every coding of the project;
        ``coding_count`` is ``None`` then), for callers that need names, order or attributes only:
        quote retrieval, comparisons, the import's duplicate check.
        """
        return self._infos(None, with_counts)

    def order(self) -> builtins.list[DocumentId]:
        """Every document's id in import order (the order :meth:`list` gives), nothing else read."""
        with self._store.read() as session:
            rows = session.execute(select(Document.id).order_by(Document.position, Document.id)).scalars()
            return [DocumentId(document_id) for document_id in rows]

    def coding_counts(self) -> dict[DocumentId, int]:
        """Every document's number of codings (documents without any are left out): the count that
        :meth:`list` adds, alone, for a view that lists first and counts after it has shown."""
        with self._store.read() as session:  # the driver's rows: ≈ 0.1 s less over 200,000 codings
            return {DocumentId(doc_id): int(count) for doc_id, count in plain_rows(session, _count_rows())}

    def first_coded(self, among: Sequence[DocumentId] | None = None) -> DocumentId | None:
        """The first document, in import order (or in the order of ``among``), that has a coding;
        ``None`` when none has. Asks each document whether it has one, a few hundred at a time,
        instead of counting every coding of the project."""
        ordered = builtins.list(among) if among is not None else self.order()
        coded = (
            select(Passage.id)
            .join(Coding, Coding.passage_id == Passage.id)
            .where(Passage.document_id == Document.id)
            .exists()
        )
        with self._store.read() as session:
            for start in range(0, len(ordered), FIRST_CODED_BATCH):
                batch = ordered[start : start + FIRST_CODED_BATCH]
                found = set(
                    session.execute(select(Document.id).where(Document.id.in_(batch), coded)).scalars()
                )
                hit = next((document_id for document_id in batch if document_id in found), None)
                if hit is not None:
                    return hit
        return None

    def list_of(
        self, document_ids: Collection[DocumentId], *, with_counts: bool = True
    ) -> builtins.list[DocumentInfo]:
        """These documents only, in import order (what a view re-reads for the documents a change
        touched): as :meth:`list` gives them, without reading the others."""
        return self._infos(None, with_counts, only=document_ids)

    def get(self, ref: DocumentRef) -> DocumentInfo:
        """One document, with its number of codings (reads that document only)."""
        document_id = self.id_of(ref)
        found = self._infos(document_id)
        if not found:
            raise NotFoundError(say("document {document_id} does not exist", document_id=document_id))
        return found[0]

    def _infos(
        self,
        document_id: DocumentId | None,
        with_counts: bool = True,
        only: Collection[DocumentId] | None = None,
    ) -> builtins.list[DocumentInfo]:
        attribute_rows = select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value)
        count_rows = _count_rows()
        document_rows = select(
            Document.id,
            Document.name,
            Document.source_format,
            Document.original_filename,
            Document.sha256,
            Document.encoding,
            Document.imported_at,
            Document.length,
            Document.guid,
        ).order_by(Document.position, Document.id)
        if document_id is not None:
            attribute_rows = attribute_rows.where(DocumentAttribute.document_id == document_id)
            count_rows = count_rows.where(Passage.document_id == document_id)
            document_rows = document_rows.where(Document.id == document_id)
        if only is not None:
            ids = sorted(only)
            attribute_rows = attribute_rows.where(DocumentAttribute.document_id.in_(ids))
            count_rows = count_rows.where(Passage.document_id.in_(ids))
            document_rows = document_rows.where(Document.id.in_(ids))
        # The driver's own rows (no SQLAlchemy row objects): 2,000 documents with their attributes
        # were ≈ 35 ms of a large project's start, two thirds of it in making rows. Every column is
        # an integer or text but the import time, which SQLAlchemy's own reading converts.
        with self._store.read() as session:
            attributes: dict[int, dict[str, str]] = defaultdict(dict)
            # in their places (a metadata sheet's columns' order, not A-Z), on a file and a server alike
            attribute_rows = attribute_rows.order_by(DocumentAttribute.position, DocumentAttribute.key)
            for doc_id, key, value in plain_rows(session, attribute_rows):
                attributes[doc_id][key] = value
            counts = dict(plain_rows(session, count_rows)) if with_counts else None
            rows = plain_rows(session, document_rows)
            as_time = _time_reader(session.get_bind().dialect)
        no_attributes: dict[str, str] = {}
        return [
            DocumentInfo(
                id=DocumentId(row_id),
                name=name,
                source_format=source_format,
                original_filename=original_filename,
                sha256=sha256,
                encoding=encoding,
                imported_at=as_time(imported_at) if as_time is not None else imported_at,
                length=length,
                coding_count=int(counts.get(row_id, 0)) if counts is not None else None,
                attributes=dict(attributes.get(row_id, no_attributes)),
                guid=guid,
            )
            for row_id, name, source_format, original_filename, sha256, encoding, imported_at, length, guid in rows
        ]

    def id_of(self, ref: DocumentRef) -> DocumentId:
        if isinstance(ref, DocumentInfo):
            return ref.id
        if isinstance(ref, int):
            return DocumentId(ref)
        return self._match(ref).id

    def find(self, reference: str) -> DocumentInfo:
        """A document by name, with or without extension, or by original file name (case-insensitive)."""
        return self.get(self._match(reference).id)

    def _match(self, reference: str) -> DocumentInfo:
        documents = self.list(with_counts=False)
        key = fold(reference)
        stem = fold(PurePath(reference).stem) if PurePath(reference).suffix else None
        matchers: tuple[Callable[[DocumentInfo], bool], ...] = (
            lambda d: fold(d.name) == key,
            lambda d: stem is not None and fold(d.name) == stem,
            lambda d: d.original_filename is not None and fold(d.original_filename) == key,
            lambda d: d.original_filename is not None and fold(PurePath(d.original_filename).stem) == key,
        )
        for matcher in matchers:
            matches = [d for d in documents if matcher(d)]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise AmbiguousError(
                    say(
                        "document '{reference}' is ambiguous: {items}",
                        reference=reference,
                        items=", ".join(d.name for d in matches),
                    )
                )
        names = ", ".join(d.name for d in documents[:8]) or "the project has no documents"
        raise NotFoundError(
            say("unknown document '{reference}' (documents: {names})", reference=reference, names=names)
        )

    def text(self, ref: DocumentRef) -> str:
        document_id = self.id_of(ref)
        with self._store.read() as session:
            text = session.execute(
                select(Document.text).where(Document.id == document_id)
            ).scalar_one_or_none()
        if text is None:
            raise NotFoundError(say("document {document_id} does not exist", document_id=document_id))
        return text

    def turns(self, ref: DocumentRef) -> builtins.list[TurnInfo]:
        """The document's speaker turns in text order. The last document's are kept until a change
        of documents or speakers is announced (:meth:`forget`): opening a transcript asks for them
        from the view, the details and the player, and a long one has tens of thousands."""
        document_id = self.id_of(ref)
        kept, generation = self._turns.kept(), self._turns.generation
        if kept is not None and kept[0] == document_id:
            return list(kept[1])
        with self._store.read() as session:  # the driver's rows: tens of thousands in a long transcript
            rows = plain_rows(
                session,
                select(Turn.id, Turn.speaker, Turn.start, Turn.end, Turn.body_start, Turn.timestamp)
                .where(Turn.document_id == document_id)
                .order_by(Turn.start),
            )
        turns = [
            TurnInfo(turn_id, document_id, speaker, start, end, body_start, timestamp)
            for turn_id, speaker, start, end, body_start, timestamp in rows
        ]
        self._turns.keep((document_id, turns), generation)
        return list(turns)

    def forget(self) -> None:
        """Drop the turns kept by :meth:`turns` (the project calls this when documents or speakers change)."""
        self._turns.forget()

    def pages(self, ref: DocumentRef) -> builtins.list[PageInfo]:
        document_id = self.id_of(ref)
        with self._store.read() as session:
            rows = session.execute(select(Page).where(Page.document_id == document_id).order_by(Page.number))
            return [PageInfo(p.number, p.start, p.end) for p in rows.scalars()]

    def attribute_keys(self) -> builtins.list[str]:
        with self._store.read() as session:
            return sorted(session.execute(select(DocumentAttribute.key).distinct()).scalars())

    def attribute_named(self, key: str) -> str:
        """The key attribute ``key`` is stored under in this project: a grouping ``by="region"`` (every
        default) groups a project whose metadata sheet named the column ``regio`` by ``regio``."""
        return present_key(self.attribute_keys(), key)

    def attribute_values(self, key: str) -> builtins.list[str]:
        """The distinct values of an attribute, sorted; e.g. the regions."""
        named = self.attribute_named(key)
        with self._store.read() as session:
            values = session.execute(
                select(DocumentAttribute.value).where(DocumentAttribute.key == named).distinct()
            ).scalars()
            return sorted(values, key=fold)

    def count_without_value(self, key: str) -> int:
        """How many documents have no value for attribute ``key`` (none set, or an empty one): the
        group the window calls "(no value)"."""
        named = self.attribute_named(key)
        valued = select(DocumentAttribute.document_id).where(
            DocumentAttribute.key == named, DocumentAttribute.value != ""
        )
        with self._store.read() as session:
            statement = select(func.count(Document.id)).where(Document.id.not_in(valued))
            return int(session.execute(statement).scalar_one())

    def find_passage(self, ref: DocumentRef, passage: str) -> tuple[int, int]:
        """Where ``passage`` occurs in the document, ignoring differences in whitespace.

        Exactly one occurrence is required; none or several raise an error that says so.
        """
        document = self.get(ref)
        words = normalise_text(passage).split()
        if not words:
            raise NotFoundError(say("the passage to find is empty"))
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
        matches = list(pattern.finditer(self.text(document.id)))
        if not matches:
            raise NotFoundError(
                say("passage not found in '{name}': \"{short}\"", name=document.name, short=_short(passage))
            )
        if len(matches) > 1:
            places = ", ".join(f"{m.start()}:{m.end()}" for m in matches[:5])
            raise AmbiguousError(
                say(
                    (
                        "passage occurs {count} times in '{name}' (at {places}); give a longer passage "
                        "or --span START:END"
                    ),
                    count=len(matches),
                    name=document.name,
                    places=places,
                )
            )
        return matches[0].start(), matches[0].end()

    # -- changing ------------------------------------------------------------------------
    def add(self, document: NewDocument) -> DocumentInfo:
        document_id = self._execute(AddDocument(document))
        return self.get(document_id)

    def rename(self, ref: DocumentRef, name: str) -> None:
        self._execute(RenameDocument(self.id_of(ref), name))

    def delete(self, ref: DocumentRef) -> None:
        self._execute(DeleteDocument(self.id_of(ref)))

    def correct_text(
        self, ref: DocumentRef, corrected: str, *, expected: str | None = None
    ) -> CorrectionResult:
        """Replace a document's text by a corrected version of it (the transcript's edit mode), one
        undoable action; every coding stays on its passage (:mod:`coding.documents.text_edits`).
        ``expected``: the text the correction started from (refused if the document changed since)."""
        document_id = self.id_of(ref)
        info = self.get(document_id)
        start = self.text(document_id) if expected is None else expected
        result: CorrectionResult = self._execute(CorrectText(document_id, start, corrected, name=info.name))
        return result

    def set_attributes(
        self, refs: DocumentRef | Sequence[DocumentRef], values: Mapping[str, str | None]
    ) -> None:
        """Set attributes on one or more documents; an empty value removes the attribute."""
        items = [refs] if isinstance(refs, str | int | DocumentInfo) else builtins.list(refs)
        self._execute(SetAttributes([self.id_of(r) for r in items], values))

    def rename_attribute(self, ref: DocumentRef, key: str, new_key: str) -> None:
        """Rename one document's attribute, keeping its place among the others and its value."""
        self._execute(RenameAttribute(self.id_of(ref), key, new_key))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
