"""Everything an export needs, read from the project in one consistent snapshot (bulk queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.core.ids import CodeId
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


@dataclass(slots=True)
class PassageRow:
    id: int
    guid: str
    document_id: int
    start: int
    end: int
    text: str
    created_at: datetime


@dataclass(slots=True)
class CodingRow:
    id: int
    guid: str
    passage_id: int
    code_id: CodeId
    coder_id: int | None
    memo: str
    created_at: datetime


@dataclass(slots=True)
class ReviewRow:
    guid: str
    coding_id: int
    coder_id: int
    status: str
    comment: str
    updated_at: datetime


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


def take_snapshot(project: Project, *, with_sources: bool = True, media_base: Path | None = None) -> Snapshot:
    """Read the whole project (``with_sources=False``: only what a codebook export needs).
    ``media_base``: the folder relative recording paths start from, if not the project's own."""
    tree = project.codes.tree()
    if media_base is None and not project.is_team_project:
        media_base = project.path.parent
    with project.store.read() as session:
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
            documents = _documents(session, media_base)
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
    for row in session.execute(
        select(
            Passage.id,
            Passage.guid,
            Passage.document_id,
            Passage.start,
            Passage.end,
            Passage.text,
            Passage.created_at,
        ).order_by(Passage.document_id, Passage.start, Passage.end, Passage.id)
    ):
        passages[row.document_id].append(PassageRow(*row))
    return dict(passages)


def _codings(session: Session) -> dict[int, list[CodingRow]]:
    """Per passage, in the order they were made."""
    codings: dict[int, list[CodingRow]] = defaultdict(list)
    for coding_id, guid, passage_id, code_id, coder_id, memo, created_at in session.execute(
        select(
            Coding.id,
            Coding.guid,
            Coding.passage_id,
            Coding.code_id,
            Coding.coder_id,
            Coding.memo,
            Coding.created_at,
        ).order_by(Coding.id)
    ):
        codings[passage_id].append(
            CodingRow(coding_id, guid, passage_id, CodeId(code_id), coder_id, memo, created_at)
        )
    return dict(codings)


def _reviews(session: Session) -> dict[int, list[ReviewRow]]:
    """Per coding."""
    reviews: dict[int, list[ReviewRow]] = defaultdict(list)
    for row in session.execute(
        select(
            Review.guid,
            Review.coding_id,
            Review.coder_id,
            Review.status,
            Review.comment,
            Review.updated_at,
        ).order_by(Review.id)
    ):
        reviews[row.coding_id].append(ReviewRow(*row))
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


def _documents(session: Session, media_base: Path | None) -> list[DocumentRow]:
    documents = [
        DocumentRow(*row)
        for row in session.execute(
            select(
                Document.id,
                Document.guid,
                Document.name,
                Document.text,
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
    for doc_id, key, value in session.execute(
        select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value).order_by(
            DocumentAttribute.key
        )
    ):
        by_id[doc_id].attributes[key] = value
    for doc_id, speaker, start, end, body_start, timestamp in session.execute(
        select(
            Turn.document_id, Turn.speaker, Turn.start, Turn.end, Turn.body_start, Turn.timestamp
        ).order_by(Turn.document_id, Turn.start)
    ):
        by_id[doc_id].turns.append((speaker, start, end, body_start, timestamp))
    for doc_id, number, start, end in session.execute(
        select(Page.document_id, Page.number, Page.start, Page.end).order_by(Page.document_id, Page.number)
    ):
        by_id[doc_id].pages.append((number, start, end))
    for media in session.scalars(select(Media)):
        by_id[media.document_id].media = MediaRow(
            media.path, resolve_path(media.path, media_base), media.kind, media.sha256, media.size
        )
    return documents
