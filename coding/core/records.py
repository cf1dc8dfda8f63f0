"""Frozen records the services return. Never live ORM objects: safe to keep in views."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from coding.core.direct_init import direct_init
from coding.core.ids import (
    CodeId,
    CodeSetId,
    CodingId,
    DocumentId,
    JudgementId,
    MemoId,
    PassageId,
    ReviewId,
    ReviewMessageId,
    TurnId,
)
from coding.core.turn_spans import page_label


@dataclass(frozen=True)
class DocumentInfo:
    id: DocumentId
    name: str
    source_format: str
    original_filename: str | None
    sha256: str | None
    encoding: str | None
    imported_at: datetime
    length: int
    coding_count: int | None  # None when listed with ``documents.list(with_counts=False)``
    attributes: Mapping[str, str]
    guid: str


@direct_init  # made by the ten thousand when a long transcript opens
@dataclass(frozen=True)
class TurnInfo:
    id: TurnId
    document_id: DocumentId
    speaker: str
    start: int
    end: int
    body_start: int
    timestamp: float | None


@dataclass(frozen=True)
class PageInfo:
    number: int
    start: int
    end: int


@dataclass(frozen=True)
class CodeInfo:
    id: CodeId
    parent_id: CodeId | None
    name: str
    label: str
    path: tuple[str, ...]
    description: str
    colour: str
    question: str | None
    kind: str
    category: str
    scale: tuple[str, ...] | None
    search_terms: tuple[str, ...]
    inductive: bool
    position: int
    guid: str
    #: ``False`` for a category, which groups codes and is never applied itself.
    codable: bool = True
    #: The interview-guide question for this code ("" when none) and its follow-up prompts.
    guide_question: str = ""
    guide_prompts: tuple[str, ...] = ()

    @property
    def path_text(self) -> str:
        return "/".join(self.path)

    @property
    def concept(self) -> str:
        return self.path[0]

    @property
    def depth(self) -> int:
        return len(self.path) - 1

    @property
    def is_open(self) -> bool:
        """An open code takes free text as its judgement instead of a scale value."""
        return self.scale is None


@dataclass(frozen=True)
class CodeTree:
    """All codes in codebook order (depth first, siblings by position)."""

    codes: tuple[CodeInfo, ...]
    _by_id: Mapping[CodeId, CodeInfo] = field(repr=False, compare=False)
    _children: Mapping[CodeId | None, tuple[CodeInfo, ...]] = field(repr=False, compare=False)

    @staticmethod
    def build(codes: list[CodeInfo]) -> CodeTree:
        children: dict[CodeId | None, list[CodeInfo]] = {}
        for code in sorted(codes, key=lambda c: (c.position, c.id)):
            children.setdefault(code.parent_id, []).append(code)
        ordered: list[CodeInfo] = []

        def walk(parent: CodeId | None) -> None:
            for child in children.get(parent, []):
                ordered.append(child)
                walk(child.id)

        walk(None)
        frozen_children = {key: tuple(value) for key, value in children.items()}
        return CodeTree(tuple(ordered), {c.id: c for c in ordered}, frozen_children)

    def __iter__(self) -> Iterator[CodeInfo]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code_id: object) -> bool:
        return code_id in self._by_id

    def get(self, code_id: CodeId) -> CodeInfo:
        return self._by_id[code_id]

    def children(self, parent_id: CodeId | None) -> tuple[CodeInfo, ...]:
        return self._children.get(parent_id, ())

    def roots(self) -> tuple[CodeInfo, ...]:
        return self.children(None)

    def descendants(self, code_id: CodeId) -> list[CodeInfo]:
        out: list[CodeInfo] = []
        stack = list(reversed(self.children(code_id)))
        while stack:
            code = stack.pop()
            out.append(code)
            stack.extend(reversed(self.children(code.id)))
        return out

    def order(self) -> dict[CodeId, int]:
        """Codebook rank of every code, for sorting."""
        return {code.id: rank for rank, code in enumerate(self.codes)}


@direct_init  # made by the ten thousand when a long transcript opens
@dataclass(frozen=True)
class CodeApplication:
    """One code on a passage."""

    coding_id: CodingId
    code_id: CodeId
    memo: str
    coder: str | None


@direct_init  # made by the ten thousand when a long transcript opens
@dataclass(frozen=True)
class PassageInfo:
    id: PassageId
    document_id: DocumentId
    start: int
    end: int
    text: str
    codings: tuple[CodeApplication, ...]


@dataclass(frozen=True)
class CodingInfo:
    id: CodingId
    passage_id: PassageId
    document_id: DocumentId
    code_id: CodeId
    start: int
    end: int
    text: str
    memo: str
    coder: str | None
    created_at: datetime


@dataclass(frozen=True)
class ReviewInfo:
    id: ReviewId
    coding_id: CodingId
    reviewer: str
    status: str
    comment: str
    updated_at: datetime


@dataclass(frozen=True)
class ReviewMessageInfo:
    """One message of the conversation about a quote or a judgement."""

    id: ReviewMessageId
    author: str | None
    text: str
    created_at: datetime


@dataclass(frozen=True)
class MarkInfo:
    """A reviewer's mark on a quote or a judgement."""

    reviewer: str
    status: str
    comment: str
    updated_at: datetime


@dataclass(frozen=True)
class Discussion:
    """The reviewers' marks on one quote (a coding) or one judgement and the conversation about it.

    ``guid`` is the stable id of the coding or judgement, the one review files carry."""

    guid: str
    marks: tuple[MarkInfo, ...] = ()
    messages: tuple[ReviewMessageInfo, ...] = ()

    def mark_by(self, reviewer: str) -> MarkInfo | None:
        return next((m for m in self.marks if m.reviewer == reviewer), None)

    def entries(self) -> list[tuple[datetime, str, str]]:
        """The conversation in time order: ``(when, who, text)``: each reviewer's current comment
        (with their mark) and every message (replies, and reviewers' earlier comments)."""
        out = [(m.created_at, m.author or "?", m.text) for m in self.messages]
        out += [(m.updated_at, m.reviewer, f"[{m.status}] {m.comment}".strip()) for m in self.marks]
        out.sort(key=lambda entry: entry[0])
        return out

    def open_question(self) -> bool:
        """A reviewer asks (mark ``question`` or ``disagree``) and nobody has replied since."""
        return open_question(self.marks, self.messages)


def open_question(marks: Sequence[MarkInfo | ReviewInfo], messages: Sequence[ReviewMessageInfo]) -> bool:
    """Whether a quote or judgement waits for the student's answer: a reviewer marked it ``question``
    or ``disagree`` and no one but the reviewers has written since."""
    asking = [m.updated_at for m in marks if m.status in ("question", "disagree")]
    if not asking:
        return False
    reviewers = {m.reviewer for m in marks}
    replies = [m.created_at for m in messages if m.author not in reviewers]
    return not replies or max(replies) < max(asking)


@dataclass(frozen=True)
class Quote:
    """A coded passage as retrieval lists and exports show it."""

    coding_id: CodingId
    passage_id: PassageId
    document_id: DocumentId
    document: str
    code_id: CodeId
    code_path: str
    concept: str
    text: str
    start: int
    end: int
    memo: str
    coder: str | None
    created_at: datetime
    attributes: Mapping[str, str]
    reviews: tuple[ReviewInfo, ...] = ()
    #: The conversation about the quote: the student's replies and reviewers' earlier comments.
    messages: tuple[ReviewMessageInfo, ...] = ()
    #: The pages of a paginated source (PDF) the passage lies on, first to last; empty otherwise.
    pages: tuple[int, ...] = ()
    #: The start time (seconds into the recording) of the turn the passage starts in, when that
    #: turn carries one (``[00:12:31]`` labels, subtitle cues); else None.
    time: float | None = None

    @property
    def time_label(self) -> str:
        """``00:12:31`` for citing and for finding the place in the recording; empty without a time."""
        if self.time is None:
            return ""
        total = int(self.time)
        return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"

    @property
    def page_label(self) -> str:
        """``p. 3`` or ``pp. 3–4`` for citing; empty for a source without pages."""
        return page_label(self.pages)

    def review_by(self, reviewer: str) -> ReviewInfo | None:
        return next((r for r in self.reviews if r.reviewer == reviewer), None)

    @property
    def open_question(self) -> bool:
        """A reviewer asked (``question`` or ``disagree``) and the student has not answered since."""
        return open_question(self.reviews, self.messages)


@dataclass(frozen=True)
class JudgementInfo:
    id: JudgementId
    attribute: str
    value: str
    code_id: CodeId
    code_path: str
    score: str
    justification: str
    coder: str | None
    updated_at: datetime
    evidence: tuple[PassageId, ...]


@dataclass(frozen=True)
class MemoInfo:
    id: MemoId
    document_id: DocumentId | None
    code_id: CodeId | None
    title: str
    text: str
    coder: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CodeSetInfo:
    """A named group of codes across the tree (REFI-QDA ``Set``); members in codebook order."""

    id: CodeSetId
    guid: str
    name: str
    description: str
    position: int
    members: tuple[CodeId, ...]
