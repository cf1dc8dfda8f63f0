"""Coding by speaker turns: "code all answers of R5" as one undoable action.

:class:`CodePassages` codes many passages with one code in one transaction. A passage that
already has the code is left as it is (coding all answers twice changes nothing).
(A general bulk-coding command exists elsewhere as ``codings.code_many``; this one is kept small
on purpose so the two can be unified.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.coder_rows import ensure_coder
from coding.coding_commands import trim_span
from coding.commands.command import Command, Writer
from coding.errors import NotFoundError
from coding.ids import CodeId, CodingId, DocumentId
from models import Code, Coding, Document, Segment


@dataclass(frozen=True)
class PassageResult:
    """What coding many passages did: the new codings, and how many passages already had the code."""

    codings: tuple[CodingId, ...]
    already_coded: int


class CodePassages(Command):
    """Code ``(document, start, end)`` passages with one code; each passage is trimmed of white space."""

    def __init__(
        self,
        code_id: CodeId,
        passages: Sequence[tuple[DocumentId, int, int]],
        *,
        coder: str,
        memo: str = "",
        text: str | None = None,
    ) -> None:
        super().__init__()
        self.code_id = code_id
        self.passages = list(passages)
        self.coder = coder
        self.memo = memo
        self.text = text or f"Code {len(self.passages)} passages"

    def plan(self, writer: Writer) -> PassageResult:
        session = writer.session
        if session.execute(select(Code.id).where(Code.id == self.code_id)).scalar_one_or_none() is None:
            raise NotFoundError(f"code {self.code_id} does not exist")
        document_ids = sorted({p[0] for p in self.passages})
        texts = dict(
            session.execute(select(Document.id, Document.text).where(Document.id.in_(document_ids))).all()
        )
        segments: dict[tuple[int, int, int], int] = {
            (doc, start, end): segment
            for segment, doc, start, end in session.execute(
                select(Segment.id, Segment.document_id, Segment.start, Segment.end).where(
                    Segment.document_id.in_(document_ids)
                )
            )
        }
        coded = set(
            session.execute(
                select(Coding.segment_id)
                .join(Segment, Segment.id == Coding.segment_id)
                .where(Coding.code_id == self.code_id, Segment.document_id.in_(document_ids))
            ).scalars()
        )
        new_segments: list[dict[str, object]] = []
        wanted: dict[tuple[int, int, int], None] = {}  # ordered set
        already = 0
        for document_id, start, end in self.passages:
            if document_id not in texts:
                raise NotFoundError(f"document {document_id} does not exist")
            text = texts[document_id]
            start, end = trim_span(text, max(0, start), min(end, len(text)))
            if start >= end:
                continue
            key = (document_id, start, end)
            if key in wanted:
                continue
            segment = segments.get(key)
            if segment is not None and segment in coded:
                already += 1
                continue
            if segment is None:
                new_segments.append(
                    {"document_id": document_id, "start": start, "end": end, "text": text[start:end]}
                )
            wanted[key] = None
        for row in writer.insert_many("segment", new_segments):
            segments[(row["document_id"], row["start"], row["end"])] = row["id"]
        if not wanted:
            return PassageResult((), already)
        coder_id = ensure_coder(writer, self.coder)
        rows = writer.insert_many(
            "coding",
            (
                {
                    "segment_id": segments[key],
                    "code_id": self.code_id,
                    "coder_id": coder_id,
                    "memo": self.memo,
                }
                for key in wanted
            ),
        )
        writer.touch(*(DocumentId(d) for d in {key[0] for key in wanted}))
        return PassageResult(tuple(CodingId(int(row["id"])) for row in rows), already)
