"""Coding many passages in one action (search hits, accepted suggestions): one command, one undo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.coding_commands import ApplyCoding, check_span, document_text, trim_span
from coding.commands.command import Command, Writer
from coding.errors import NotFoundError
from coding.ids import CodeId, CodingId, DocumentId
from models import Code, Coding, Segment


@dataclass(frozen=True)
class PlannedCoding:
    document_id: DocumentId
    code_id: CodeId
    start: int
    end: int
    memo: str = ""


def already_coded(writer: Writer, planned: PlannedCoding, start: int, end: int) -> bool:
    found = writer.session.execute(
        select(Coding.id)
        .join(Segment, Segment.id == Coding.segment_id)
        .where(
            Segment.document_id == planned.document_id,
            Segment.start == start,
            Segment.end == end,
            Coding.code_id == planned.code_id,
        )
    ).first()
    return found is not None


class ApplyCodings(Command):
    """Apply several codings at once. Passages already coded with the code (or listed twice)
    are skipped; :attr:`result` lists the new codings' ids in the given order."""

    def __init__(self, codings: Sequence[PlannedCoding], *, coder: str, text: str | None = None) -> None:
        super().__init__()
        self.codings = list(codings)
        self.coder = coder
        self.text = text or f"Code {len(self.codings)} passages"
        self.skipped: list[PlannedCoding] = []

    def plan(self, writer: Writer) -> list[CodingId]:
        texts: dict[DocumentId, str] = {}
        seen: set[tuple[DocumentId, CodeId, int, int]] = set()
        created: list[CodingId] = []
        for planned in self.codings:
            if planned.document_id not in texts:
                texts[planned.document_id] = document_text(writer, planned.document_id)
            text = texts[planned.document_id]
            check_span(text, planned.start, planned.end)
            start, end = trim_span(text, planned.start, planned.end)
            key = (planned.document_id, planned.code_id, start, end)
            if key in seen or already_coded(writer, planned, start, end):
                self.skipped.append(planned)
                continue
            seen.add(key)
            step = ApplyCoding(
                planned.document_id,
                planned.code_id,
                start,
                end,
                coder=self.coder,
                memo=planned.memo,
                trim=False,
            )
            created.append(step.plan(writer))
        if created and self.text.startswith("Code ") and len({c.code_id for c in self.codings}) == 1:
            name = writer.session.execute(
                select(Code.name).where(Code.id == self.codings[0].code_id)
            ).scalar_one_or_none()
            if name is None:
                raise NotFoundError(f"code {self.codings[0].code_id} does not exist")
            self.text = f"Code {len(created)} passage{'s' if len(created) != 1 else ''} with {name}"
        return created
