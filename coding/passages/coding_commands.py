"""Commands on coded passages: code, uncode, move a boundary, write a memo."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select

from coding.core.coder_rows import ensure_coder, find_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.text import trim_span
from coding.documents.document_commands import document_text
from coding.undo.command import Command, Writer
from models import Code, Coding, Document, Passage


def check_span(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise InvalidInputError(
            say(
                ("span {start}:{end} is not a passage of this document (valid: 0 ≤ start < end ≤ {count})"),
                start=start,
                end=end,
                count=len(text),
            )
        )
    if not text[start:end].strip():
        raise InvalidInputError(say("the selected passage is only whitespace"))


def not_codable(name: str) -> str:
    return say(
        "'{name}' is a category: it groups codes and is not applied itself; choose one of its codes",
        name=name,
    )


@dataclass(frozen=True)
class _ApplyReads:
    piece: Select[*tuple[Any, ...]]
    code: Select[*tuple[Any, ...]]
    passage: Select[*tuple[Any, ...]]
    duplicate: Select[*tuple[Any, ...]]


@cache
def _apply_reads() -> _ApplyReads:
    """What :meth:`ApplyCoding.plan` reads, built once (building costs as much as running)."""
    return _ApplyReads(
        piece=select(func.substr(Document.text, bindparam("first"), bindparam("count"))).where(
            Document.id == bindparam("document")
        ),
        code=select(Code.name, Code.codable).where(Code.id == bindparam("code")),
        passage=select(Passage.id).where(
            Passage.document_id == bindparam("document"),
            Passage.start == bindparam("start"),
            Passage.end == bindparam("end"),
        ),
        duplicate=select(Coding.id).where(
            Coding.passage_id == bindparam("passage"),
            Coding.code_id == bindparam("code"),
            Coding.coder_id == bindparam("coder"),
        ),
    )


class ApplyCoding(Command):
    """Attach a code to ``document.text[start:end]``; reuses the passage with exactly that span."""

    def __init__(
        self,
        document_id: DocumentId,
        code_id: CodeId,
        start: int,
        end: int,
        *,
        coder: str,
        memo: str = "",
        trim: bool = True,
    ) -> None:
        super().__init__()
        self.document_id = document_id
        self.code_id = code_id
        self.span = (start, end)
        self.coder = coder
        self.memo = memo
        self.trim = trim
        self.text = marked("Code passage")

    def plan(self, writer: Writer) -> CodingId:
        reads = _apply_reads()
        connection = writer.session.connection()
        start, end = self.span
        # Only the passage's characters are read (a long transcript is megabytes); the whole text
        # only to say what is wrong with a span beyond its end.
        piece = (
            connection.execute(
                reads.piece, {"document": self.document_id, "first": start + 1, "count": end - start}
            ).scalar_one_or_none()
            if 0 <= start < end
            else None
        )
        if piece is None or len(piece) < end - start:
            check_span(document_text(writer, self.document_id), start, end)
            assert piece is not None  # check_span raised otherwise
        check_span(piece, 0, end - start)
        text = piece
        if self.trim:
            first, last = trim_span(piece, 0, end - start)
            text, start, end = piece[first:last], start + first, start + last
        code = connection.execute(reads.code, {"code": self.code_id}).one_or_none()
        if code is None:
            raise NotFoundError(say("code {code_id} does not exist", code_id=self.code_id))
        code_name = code.name
        if not code.codable:
            raise InvalidInputError(not_codable(code_name))
        self.text = say("Code passage with {code}", code=code_name)
        passage_id = connection.execute(
            reads.passage, {"document": self.document_id, "start": start, "end": end}
        ).scalar_one_or_none()
        if passage_id is None:
            passage_id = writer.insert(
                Passage,
                {"document_id": self.document_id, "start": start, "end": end, "text": text},
            )
        else:
            coder = find_coder(writer.session, self.coder)
            duplicate = (
                coder is not None
                and connection.execute(
                    reads.duplicate, {"passage": passage_id, "code": self.code_id, "coder": coder}
                ).scalar_one_or_none()
            )
            if duplicate:
                raise InvalidInputError(
                    say(
                        (
                            "this passage is already coded with '{code_name}' by {coder} (another coder may "
                            "code it too, in their own layer)"
                        ),
                        code_name=code_name,
                        coder=self.coder,
                    )
                )
        coder_id = ensure_coder(writer, self.coder)
        coding_id = writer.insert(
            Coding,
            {"passage_id": passage_id, "code_id": self.code_id, "coder_id": coder_id, "memo": self.memo},
        )
        writer.touch_span(self.document_id, start, end)
        return CodingId(coding_id)


def _touch_coding(writer: Writer, coding_id: CodingId) -> None:
    """Name the place of a coding's passage as touched (before the coding changes)."""
    row = writer.session.execute(
        select(Passage.document_id, Passage.start, Passage.end)
        .join(Coding, Coding.passage_id == Passage.id)
        .where(Coding.id == coding_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(say("coding {coding_id} does not exist", coding_id=coding_id))
    writer.touch_span(DocumentId(row[0]), row[1], row[2])


class RemoveCoding(Command):
    """Take a code off a passage (the passage goes when its last code goes)."""

    text = marked("Remove coding")

    def __init__(self, coding_id: CodingId) -> None:
        super().__init__()
        self.coding_id = coding_id

    def plan(self, writer: Writer) -> None:
        _touch_coding(writer, self.coding_id)
        writer.delete(Coding, "id", [self.coding_id])


class SetPassageSpan(Command):
    """Move the boundaries of a coded passage (all its codes move with it)."""

    text = marked("Adjust passage boundaries")

    def __init__(self, passage_id: PassageId, start: int, end: int) -> None:
        super().__init__()
        self.passage_id = passage_id
        self.span = (start, end)

    def plan(self, writer: Writer) -> None:
        session = writer.session
        row = session.execute(
            select(Passage.document_id, Passage.start, Passage.end).where(Passage.id == self.passage_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError(say("passage {passage_id} does not exist", passage_id=self.passage_id))
        document_id = DocumentId(row[0])
        old_start, old_end = row[1], row[2]
        text = document_text(writer, document_id)
        start, end = self.span
        check_span(text, start, end)
        clash = session.execute(
            select(func.count()).where(
                Passage.document_id == document_id,
                Passage.start == start,
                Passage.end == end,
                Passage.id != self.passage_id,
            )
        ).scalar_one()
        if clash:
            raise InvalidInputError(say("another coded passage already has exactly these boundaries"))
        writer.update(Passage, self.passage_id, {"start": start, "end": end, "text": text[start:end]})
        writer.touch_span(document_id, old_start, old_end)
        writer.touch_span(document_id, start, end)


class SetCodingMemo(Command):
    text = marked("Edit coding memo")

    def __init__(self, coding_id: CodingId, memo: str) -> None:
        super().__init__()
        self.coding_id = coding_id
        self.memo = memo

    def plan(self, writer: Writer) -> None:
        _touch_coding(writer, self.coding_id)
        writer.update(Coding, self.coding_id, {"memo": self.memo})
