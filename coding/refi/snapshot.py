"""Everything an export needs, read from the project in one consistent snapshot (bulk queries).

:func:`take_snapshot` reads it all at once. :func:`open_snapshot` keeps its read transaction open
and gives the documents' texts, passages, codings and reviews one document at a time
(:meth:`Snapshot.each_document`, :meth:`Snapshot.each_text`): what the ``.qdpx`` export streams,
so its memory does not grow with the project.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from typing import cast as typed

from sqlalchemy import LargeBinary, cast, func, literal_column, select
from sqlalchemy import text as text_clause
from sqlalchemy.orm import Session

from coding.core.ids import CodeId
from coding.core.plain_rows import plain_row_stream, plain_rows
from coding.core.project_settings import read_settings
from coding.core.records import CodeTree
from coding.media.media_files import resolve_path
from models import (
    Coder,
    CodeSet,
    CodeSetMember,
    Coding,
    Document,
    DocumentAttribute,
    Judgement,
    JudgementEvidence,
    Media,
    Memo,
    Page,
    Passage,
    Review,
    Turn,
)

if TYPE_CHECKING:
    from coding.project import Project

# The columns each row type is built from, in its field order: one list for the whole and the
# streamed readers.
_PASSAGE_COLUMNS = (
    Passage.id,
    Passage.guid,
    Passage.document_id,
    Passage.start,
    Passage.end,
    Passage.text,
    Passage.created_at,
)
_CODING_COLUMNS = (
    Coding.id,
    Coding.guid,
    Coding.passage_id,
    Coding.code_id,
    Coding.coder_id,
    Coding.memo,
    Coding.created_at,
    Passage.document_id,  # the readers join the coding's passage
)
_REVIEW_COLUMNS = (
    Review.guid,
    Review.coding_id,
    Review.coder_id,
    Review.status,
    Review.comment,
    Review.updated_at,
    Passage.document_id,  # the readers join the review's coding and its passage
)


#: A time as the database driver gives it: SQLite's text as SQLAlchemy stored it, a team
#: server's ``datetime`` (:func:`coding.refi.names.format_datetime` writes either).
StoredTime = datetime | str


@dataclass(slots=True)
class CoderRow:
    id: int
    guid: str
    name: str


@dataclass(slots=True)
class MediaRow:
    """A document's recording: the path the project stores, the file it names, what it held."""

    stored_path: str
    location: Path
    kind: str
    sha256: str
    size: int


@dataclass(slots=True)
class DocumentRow:
    id: int
    guid: str
    name: str
    text: str
    imported_at: datetime
    position: int
    source_format: str
    original_filename: str | None
    sha256: str | None
    encoding: str | None
    attributes: dict[str, str] = field(default_factory=dict)
    turns: list[tuple[str, int, int, int, float | None]] = field(default_factory=list)
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    media: MediaRow | None = None


# The rows of passages, codings and reviews are the driver's tuples as named tuples (made in C:
# ``_row_maker``), the columns of each in one list for the whole and the streamed readers.
class PassageRow(NamedTuple):
    id: int
    guid: str
    document_id: int
    start: int
    end: int
    text: str
    created_at: StoredTime


class CodingRow(NamedTuple):
    id: int
    guid: str
    passage_id: int
    code_id: CodeId
    coder_id: int | None
    memo: str
    created_at: StoredTime
    document_id: int


class ReviewRow(NamedTuple):
    guid: str
    coding_id: int
    coder_id: int
    status: str
    comment: str
    updated_at: StoredTime
    document_id: int


_Row = TypeVar("_Row", bound=tuple[Any, ...])


def _row_maker(row_type: type[_Row]) -> Callable[[Iterable[Any]], _Row]:
    """``row_type._make`` without its Python call per row (400,000 at ten times the large corpus):
    ``tuple.__new__(row_type, row)``, all in C."""
    return typed("Callable[[Iterable[Any]], _Row]", partial(tuple.__new__, row_type))


_passage_row = _row_maker(PassageRow)
_coding_row = _row_maker(CodingRow)
_review_row = _row_maker(ReviewRow)


@dataclass(slots=True)
class MemoRow:
    guid: str
    document_id: int | None
    code_id: int | None
    coder_id: int | None
    title: str
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass(slots=True)
class JudgementRow:
    guid: str
    attribute: str
    value: str
    code_id: CodeId
    score: str
    justification: str
    coder_id: int | None
    updated_at: datetime
    evidence: list[int] = field(default_factory=list)


@dataclass(slots=True)
class CodeSetRow:
    guid: str
    name: str
    description: str
    members: list[CodeId] = field(default_factory=list)


@dataclass
class Snapshot:
    name: str
    project_guid: str
    language: str
    tree: CodeTree
    coders: dict[int, CoderRow]
    documents: list[DocumentRow]
    passages: dict[int, list[PassageRow]]  # per document, by position
    codings: dict[int, list[CodingRow]]  # per passage
    reviews: dict[int, list[ReviewRow]]  # per coding
    memos: list[MemoRow]
    judgements: list[JudgementRow]
    code_sets: list[CodeSetRow]
    #: In an open snapshot (:func:`open_snapshot`): its documents' parts, one document at a time.
    each_document: Callable[[], Iterator[DocumentParts]] | None = None
    #: In an open snapshot: ``(document, text)`` one document at a time.
    each_text: Callable[[], Iterator[tuple[DocumentRow, str | bytes]]] | None = None

    def document_parts(self) -> Iterator[DocumentParts]:
        """Each document with its passages, codings and reviews, in document order."""
        if self.each_document is not None:
            yield from self.each_document()
            return
        for doc in self.documents:
            passages = self.passages.get(doc.id, [])
            codings = {p.id: self.codings[p.id] for p in passages if p.id in self.codings}
            reviews = {
                c.id: self.reviews[c.id] for cs in codings.values() for c in cs if c.id in self.reviews
            }
            yield DocumentParts(doc, passages, codings, reviews)

    def texts(self) -> Iterator[tuple[DocumentRow, str | bytes]]:
        """Each document with its text, in document order (as UTF-8 where the database gives it so)."""
        if self.each_text is not None:
            yield from self.each_text()
        else:
            yield from ((doc, doc.text) for doc in self.documents)


@dataclass(slots=True)
class DocumentParts:
    """One document's passages (by position), codings (per passage, in the order they were made)
    and reviews (per coding)."""

    document: DocumentRow
    passages: list[PassageRow]
    codings: dict[int, list[CodingRow]]
    reviews: dict[int, list[ReviewRow]]


def take_snapshot(project: Project, *, with_sources: bool = True, media_base: Path | None = None) -> Snapshot:
    """Read the whole project (``with_sources=False``: only what a codebook export needs).
    ``media_base``: the folder relative recording paths start from, if not the project's own."""
    with project.store.snapshot(), project.store.read() as session:  # the code tree too (its own read)
        return _snapshot(project, session, with_sources=with_sources, media_base=media_base)


@contextmanager
def open_snapshot(project: Project, *, media_base: Path | None = None) -> Iterator[Snapshot]:
    """The project as :func:`take_snapshot` reads it, but without the documents' texts, passages,
    codings and reviews: those come document by document from ``each_document`` and
    ``each_text``, read in the same transaction while the block is open (one state of the project,
    :meth:`Store.snapshot`, however long the export takes; others may write meanwhile)."""
    with project.store.snapshot(), project.store.read() as session:  # the code tree too (its own read)
        snapshot = _snapshot(project, session, with_sources=True, media_base=media_base, streamed=True)
        snapshot.each_document = lambda: _each_document(session, snapshot.documents)
        snapshot.each_text = lambda: _each_text(session, snapshot.documents)
        yield snapshot


def _snapshot(
    project: Project,
    session: Session,
    *,
    with_sources: bool,
    media_base: Path | None,
    streamed: bool = False,
) -> Snapshot:
    tree = project.codes.tree()
    if media_base is None and not project.is_team_project:
        media_base = project.path.parent
    settings = read_settings(session)
    coders = {
        row.id: CoderRow(row.id, row.guid, row.name)
        for row in session.execute(select(Coder.id, Coder.guid, Coder.name))
    }
    code_sets = _code_sets(session, tree.order())
    documents: list[DocumentRow] = []
    passages: dict[int, list[PassageRow]] = {}
    codings: dict[int, list[CodingRow]] = {}
    reviews: dict[int, list[ReviewRow]] = {}
    memos: list[MemoRow] = []
    judgements: list[JudgementRow] = []
    if with_sources:
        documents = _documents(session, media_base, with_text=not streamed)
        if not streamed:
            passages = _passages(session)
            codings = _codings(session)
            reviews = _reviews(session)
        memos = _memos(session)
        judgements = _judgements(session)
    return Snapshot(
        name=project.path.stem,
        project_guid=str(settings.get("project_guid") or project.path.stem),
        language=str(settings.get("language") or "nl"),
        tree=tree,
        coders=coders,
        documents=documents,
        passages=passages,
        codings=codings,
        reviews=reviews,
        memos=memos,
        judgements=judgements,
        code_sets=code_sets,
    )


def _code_sets(session: Session, order: Mapping[CodeId, int]) -> list[CodeSetRow]:
    """The code sets in their order, each with its member codes in code-tree order."""
    code_sets: list[CodeSetRow] = []
    by_set: dict[int, CodeSetRow] = {}
    for set_id, guid, name, description in session.execute(
        select(CodeSet.id, CodeSet.guid, CodeSet.name, CodeSet.description).order_by(
            CodeSet.position, CodeSet.id
        )
    ):
        by_set[set_id] = CodeSetRow(guid, name, description)
        code_sets.append(by_set[set_id])
    for set_id, code_id in session.execute(select(CodeSetMember.set_id, CodeSetMember.code_id)):
        by_set[set_id].members.append(CodeId(code_id))
    for code_set in code_sets:
        code_set.members.sort(key=lambda c: order.get(c, 0))
    return code_sets


def _passages(session: Session) -> dict[int, list[PassageRow]]:
    """Per document, by position."""
    passages: dict[int, list[PassageRow]] = defaultdict(list)
    for row in map(
        _passage_row,
        session.execute(
            select(*_PASSAGE_COLUMNS).order_by(Passage.document_id, Passage.start, Passage.end, Passage.id)
        ),
    ):
        passages[row.document_id].append(row)
    return dict(passages)


def _codings(session: Session) -> dict[int, list[CodingRow]]:
    """Per passage, in the order they were made."""
    codings: dict[int, list[CodingRow]] = defaultdict(list)
    query = select(*_CODING_COLUMNS).join(Passage, Passage.id == Coding.passage_id).order_by(Coding.id)
    for row in map(_coding_row, session.execute(query)):
        codings[row.passage_id].append(row)
    return dict(codings)


def _reviews(session: Session) -> dict[int, list[ReviewRow]]:
    """Per coding."""
    reviews: dict[int, list[ReviewRow]] = defaultdict(list)
    query = (
        select(*_REVIEW_COLUMNS)
        .join(Coding, Coding.id == Review.coding_id)
        .join(Passage, Passage.id == Coding.passage_id)
        .order_by(Review.id)
    )
    for row in map(_review_row, session.execute(query)):
        reviews[row.coding_id].append(row)
    return dict(reviews)


def _memos(session: Session) -> list[MemoRow]:
    return [
        MemoRow(*row)
        for row in session.execute(
            select(
                Memo.guid,
                Memo.document_id,
                Memo.code_id,
                Memo.coder_id,
                Memo.title,
                Memo.text,
                Memo.created_at,
                Memo.updated_at,
            ).order_by(Memo.id)
        )
    ]


def _judgements(session: Session) -> list[JudgementRow]:
    """The judgements, each with the passages given as its evidence."""
    judgements: list[JudgementRow] = []
    by_judgement: dict[int, JudgementRow] = {}
    for (
        judgement_id,
        guid,
        attribute,
        value,
        code_id,
        score,
        justification,
        coder_id,
        updated_at,
    ) in session.execute(
        select(
            Judgement.id,
            Judgement.guid,
            Judgement.attribute,
            Judgement.value,
            Judgement.code_id,
            Judgement.score,
            Judgement.justification,
            Judgement.coder_id,
            Judgement.updated_at,
        ).order_by(Judgement.id)
    ):
        by_judgement[judgement_id] = JudgementRow(
            guid, attribute, value, CodeId(code_id), score, justification, coder_id, updated_at
        )
        judgements.append(by_judgement[judgement_id])
    for judgement_id, passage_id in session.execute(
        select(JudgementEvidence.judgement_id, JudgementEvidence.passage_id).order_by(
            JudgementEvidence.passage_id
        )
    ):
        by_judgement[judgement_id].evidence.append(passage_id)
    return judgements


def _documents(session: Session, media_base: Path | None, *, with_text: bool = True) -> list[DocumentRow]:
    text = Document.text if with_text else literal_column("''")
    documents = [
        DocumentRow(*row)
        for row in session.execute(
            select(
                Document.id,
                Document.guid,
                Document.name,
                text,
                Document.imported_at,
                Document.position,
                Document.source_format,
                Document.original_filename,
                Document.sha256,
                Document.encoding,
            ).order_by(Document.position, Document.id)
        )
    ]
    by_id = {doc.id: doc for doc in documents}
    # attributes and turns (400,000 at ten times the large corpus) as the driver's rows
    for doc_id, key, value in plain_rows(
        session,
        select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value).order_by(
            DocumentAttribute.key
        ),
    ):
        by_id[doc_id].attributes[key] = value
    # the turns without their document's id, each document's a slice of them by its count (no
    # Python step per turn: ≈ 0.1 s less of 400,000)
    turns = plain_rows(
        session,
        select(Turn.speaker, Turn.start, Turn.end, Turn.body_start, Turn.timestamp).order_by(
            Turn.document_id, Turn.start
        ),
    )
    first = 0
    for doc_id, count in plain_rows(
        session,
        select(Turn.document_id, func.count()).group_by(Turn.document_id).order_by(Turn.document_id),
    ):
        by_id[doc_id].turns.extend(turns[first : first + count])
        first += count
    del turns
    for doc_id, number, start, end in session.execute(
        select(Page.document_id, Page.number, Page.start, Page.end).order_by(Page.document_id, Page.number)
    ):
        by_id[doc_id].pages.append((number, start, end))
    for media in session.scalars(select(Media)):
        by_id[media.document_id].media = MediaRow(
            media.path, resolve_path(media.path, media_base), media.kind, media.sha256, media.size
        )
    return documents


# -- streamed, one document at a time ---------------------------------------------------------
_DOCUMENT_ORDER = (Document.position, Document.id)
_ROWS_AT_ONCE = 2048


class _Grouped:
    """Rows ordered by document (as the documents are), taken one document at a time: the
    driver's own tuples (:func:`plain_row_stream`), grouped by the document id in column ``key``."""

    def __init__(self, query: Any, session: Session, key: int, at_once: int = _ROWS_AT_ONCE) -> None:
        self._groups = groupby(plain_row_stream(session, query, at_once), itemgetter(key))
        self._next: tuple[Any, Iterator[Sequence[Any]]] | None = next(self._groups, None)

    def take(self, document_id: int) -> list[Sequence[Any]]:
        if self._next is None or self._next[0] != document_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _each_document(session: Session, documents: list[DocumentRow]) -> Iterator[DocumentParts]:
    passages = _Grouped(
        select(*_PASSAGE_COLUMNS)
        .join(Document, Document.id == Passage.document_id)
        .order_by(*_DOCUMENT_ORDER, Passage.start, Passage.end, Passage.id),
        session,
        PassageRow._fields.index("document_id"),
    )
    codings = _Grouped(
        select(*_CODING_COLUMNS)
        .join(Passage, Passage.id == Coding.passage_id)
        .join(Document, Document.id == Passage.document_id)
        .order_by(*_DOCUMENT_ORDER, Coding.id),
        session,
        CodingRow._fields.index("document_id"),
    )
    reviews = _Grouped(
        select(*_REVIEW_COLUMNS)
        .join(Coding, Coding.id == Review.coding_id)
        .join(Passage, Passage.id == Coding.passage_id)
        .join(Document, Document.id == Passage.document_id)
        .order_by(*_DOCUMENT_ORDER, Review.id),
        session,
        ReviewRow._fields.index("document_id"),
    )
    for doc in documents:
        by_passage: dict[int, list[CodingRow]] = defaultdict(list)
        for coding in map(_coding_row, codings.take(doc.id)):
            by_passage[coding.passage_id].append(coding)
        by_coding: dict[int, list[ReviewRow]] = defaultdict(list)
        for review in map(_review_row, reviews.take(doc.id)):
            by_coding[review.coding_id].append(review)
        yield DocumentParts(
            doc, list(map(_passage_row, passages.take(doc.id))), dict(by_passage), dict(by_coding)
        )


def _utf8(session: Session) -> bool:
    """Whether the SQLite file keeps its texts as UTF-8 (as every file Codewerk creates does)."""
    return str(session.execute(text_clause("PRAGMA encoding")).scalar_one()).upper() == "UTF-8"


def _each_text(session: Session, documents: list[DocumentRow]) -> Iterator[tuple[DocumentRow, str | bytes]]:
    # a few texts at a time: together they are the largest part of a project. SQLite gives a text's
    # stored UTF-8 as it is when asked for a blob (≈ 0.2 s of decoding and encoding again at ten
    # times the large corpus); a team server gives the text.
    text: Any = Document.text
    if session.get_bind().dialect.name == "sqlite" and _utf8(session):
        text = cast(Document.text, LargeBinary)
    texts = _Grouped(select(text, Document.id).order_by(*_DOCUMENT_ORDER), session, 1, at_once=4)
    for doc in documents:
        rows = texts.take(doc.id)
        yield doc, rows[0][0] if rows else ""
