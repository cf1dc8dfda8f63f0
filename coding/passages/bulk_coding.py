"""Coding many passages in one action: suggestions accepted in bulk, search hits, imports, benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.core.coder_rows import ensure_coder, find_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.text import trim_span
from coding.passages.coding_commands import check_span, not_codable
from coding.undo.command import Command, Writer
from models import Code, Coding, Document, Passage


@dataclass(frozen=True)
class CodingRequest:
    """One passage to code in :class:`ApplyCodings`: ``text[start:end]`` of a document with a code."""

    document_id: DocumentId
    code_id: CodeId
    start: int
    end: int
    memo: str = ""


class ApplyCodings(Command):
    """Code many passages in one action: one transaction, one undo step, one change notification.

    Each request is checked and trimmed like :class:`ApplyCoding`; a passage with exactly the same
    span reuses its passage (also between requests of the same batch). A passage this coder already
    coded with the code is an error (another coder's coding of it is their own layer), unless ``skip_existing``: then it is left as it is. Nothing is written
    unless every request is valid. The result is the new codings' ids in request order.
    """

    def __init__(
        self,
        requests: Sequence[CodingRequest],
        *,
        coder: str,
        trim: bool = True,
        skip_existing: bool = False,
    ) -> None:
        super().__init__()
        self.requests = tuple(requests)
        self.coder = coder
        self.trim = trim
        self.skip_existing = skip_existing
        self.text = say("Code {count} passages", count=len(self.requests))

    def plan(self, writer: Writer) -> list[CodingId]:
        if not self.requests:
            return []
        session = writer.session
        document_ids = sorted({r.document_id for r in self.requests})
        documents = {
            DocumentId(doc_id): (name, text)
            for doc_id, name, text in session.execute(
                select(Document.id, Document.name, Document.text).where(Document.id.in_(document_ids))
            )
        }
        code_names: dict[CodeId, str] = {}
        for code_id, name, codable in session.execute(
            select(Code.id, Code.name, Code.codable).where(Code.id.in_({r.code_id for r in self.requests}))
        ):
            if not codable:
                raise InvalidInputError(not_codable(name))
            code_names[CodeId(code_id)] = name
        spans: list[tuple[DocumentId, int, int]] = []
        for request in self.requests:
            if request.document_id not in documents:
                raise NotFoundError(
                    say("document {document_id} does not exist", document_id=request.document_id)
                )
            if request.code_id not in code_names:
                raise NotFoundError(say("code {code_id} does not exist", code_id=request.code_id))
            name, text = documents[request.document_id]
            start, end = request.start, request.end
            try:
                check_span(text, start, end)
            except InvalidInputError as exc:
                raise InvalidInputError(say("{name}: {exc}", name=name, exc=exc)) from None
            if self.trim:
                start, end = trim_span(text, start, end)
            spans.append((request.document_id, start, end))

        passages: dict[tuple[int, int, int], int] = {
            (doc_id, start, end): passage_id
            for passage_id, doc_id, start, end in session.execute(
                select(Passage.id, Passage.document_id, Passage.start, Passage.end).where(
                    Passage.document_id.in_(document_ids)
                )
            )
        }
        coder = find_coder(session, self.coder)
        coded: set[tuple[int, int]] = (
            set()
            if coder is None
            else {
                (passage_id, code_id)
                for passage_id, code_id in session.execute(
                    select(Coding.passage_id, Coding.code_id)
                    .join(Passage, Passage.id == Coding.passage_id)
                    .where(Passage.document_id.in_(document_ids), Coding.coder_id == coder)
                )
            }
        )
        new_passages = [
            {"document_id": doc_id, "start": start, "end": end, "text": documents[doc_id][1][start:end]}
            for doc_id, start, end in dict.fromkeys(span for span in spans if span not in passages)
        ]
        # Duplicates are found before anything is written, so a refused batch writes nothing.
        planned: set[tuple[tuple[int, int, int], int]] = set()
        keep: list[bool] = []
        for request, span in zip(self.requests, spans, strict=True):
            passage_id = passages.get(span)
            duplicate = (span, request.code_id) in planned or (
                passage_id is not None and (passage_id, request.code_id) in coded
            )
            if duplicate and not self.skip_existing:
                name = documents[span[0]][0]
                raise InvalidInputError(
                    say(
                        (
                            "{name}: the passage {span}:{span2} is already coded with '{code_names}' by "
                            "{coder}"
                        ),
                        name=name,
                        span=span[1],
                        span2=span[2],
                        code_names=code_names[request.code_id],
                        coder=self.coder,
                    )
                )
            planned.add((span, request.code_id))
            keep.append(not duplicate)
        if not any(keep):
            return []

        for row in writer.insert_many(Passage, new_passages):
            passages[(row["document_id"], row["start"], row["end"])] = row["id"]
        coder_id = ensure_coder(writer, self.coder)
        rows = writer.insert_many(
            Coding,
            (
                {
                    "passage_id": passages[span],
                    "code_id": request.code_id,
                    "coder_id": coder_id,
                    "memo": request.memo,
                }
                for request, span, wanted in zip(self.requests, spans, keep, strict=True)
                if wanted
            ),
        )
        for (document_id, start, end), wanted in zip(spans, keep, strict=True):
            if wanted:
                writer.touch_span(DocumentId(document_id), start, end)
        return [CodingId(row["id"]) for row in rows]
