"""Undoable actions on suggestions: refresh the open ones, accept, reject, adjust the span."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NewType

from sqlalchemy import select

from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.in_steps import let_go
from coding.core.text import trim_span
from coding.documents.document_commands import document_text
from coding.language.suggestions.candidates import Candidate
from coding.passages.bulk_coding import ApplyCodings, CodingRequest
from coding.passages.coding_commands import check_span
from coding.undo.command import Command, Writer
from coding.undo.group import Group
from models import Suggestion
from models.clock import utcnow

SuggestionId = NewType("SuggestionId", int)


class RefreshSuggestions(Command):
    """Replace the open suggestions of the given codes (all codes: ``None``) with ``candidates``.

    An open suggestion with the same passage is kept (with its id, score and reason updated);
    accepted and rejected ones are never touched: they are the researcher's decisions.
    """

    def __init__(self, code_ids: Sequence[CodeId] | None, candidates: Sequence[Candidate]) -> None:
        super().__init__()
        self.code_ids = None if code_ids is None else set(code_ids)
        self.candidates = list(candidates)
        self.text = marked("Find suggestions")

    def plan(self, writer: Writer) -> list[SuggestionId]:
        session = writer.session
        query = select(
            Suggestion.id,
            Suggestion.document_id,
            Suggestion.code_id,
            Suggestion.start,
            Suggestion.end,
            Suggestion.score,
            Suggestion.reason,
            Suggestion.sources,
        ).where(Suggestion.status == "open")
        if self.code_ids is not None:
            query = query.where(Suggestion.code_id.in_(self.code_ids))
        existing = {(r.document_id, r.code_id, r.start, r.end): r for r in session.execute(query)}
        keep: set[int] = set()
        rows = []
        ids: list[SuggestionId] = []
        for c in self.candidates:
            sources = ",".join(c.sources)
            reason = c.full_reason
            old = existing.get((c.document_id, c.code_id, c.start, c.end))
            if old is not None:
                keep.add(old.id)
                ids.append(SuggestionId(old.id))
                if (old.score, old.reason, old.sources) != (c.score, reason, sources):
                    writer.update(
                        Suggestion, old.id, {"score": c.score, "reason": reason, "sources": sources}
                    )
                continue
            rows.append(
                {
                    "document_id": c.document_id,
                    "code_id": c.code_id,
                    "start": c.start,
                    "end": c.end,
                    "text": "",  # below, reading each document's text once
                    "score": c.score,
                    "sources": sources,
                    "reason": reason,
                    "status": "open",
                }
            )
        _passage_texts(writer, rows)
        writer.delete(Suggestion, "id", sorted(r.id for r in existing.values() if r.id not in keep))
        inserted = writer.insert_many(Suggestion, rows)
        ids.extend(SuggestionId(row["id"]) for row in inserted)
        # the step keeps the rows by column: their dicts let go a step at a time (255,136 of them freed on return
        # held the GIL, and the window, 0.09–0.13 s; coding.core.in_steps)
        let_go(inserted, rows)
        for doc_id in {c.document_id for c in self.candidates}:
            writer.touch(doc_id)
        return ids


def _passage_texts(writer: Writer, rows: list[dict[str, Any]]) -> None:
    """Fill in each row's ``text``, holding one document's text at a time."""
    by_document: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_document.setdefault(row["document_id"], []).append(row)
    for document_id, passages in by_document.items():
        text = document_text(writer, DocumentId(document_id))
        for row in passages:
            row["text"] = text[row["start"] : row["end"]]


_SUGGESTION_ROW = select(
    Suggestion.id,
    Suggestion.document_id,
    Suggestion.code_id,
    Suggestion.start,
    Suggestion.end,
    Suggestion.status,
)
_CHUNK = 900  # ids per query, within SQLite's limit on parameters


def _load(writer: Writer, suggestion_id: SuggestionId) -> Any:
    row = writer.session.execute(_SUGGESTION_ROW.where(Suggestion.id == suggestion_id)).one_or_none()
    if row is None:
        raise NotFoundError(say("suggestion {suggestion_id} does not exist", suggestion_id=suggestion_id))
    return row


def _load_open(writer: Writer, suggestion_ids: Sequence[SuggestionId]) -> list[Any]:
    """The rows of ``suggestion_ids`` in that order, read together; each must exist and be open."""
    found: dict[int, Any] = {}
    for i in range(0, len(suggestion_ids), _CHUNK):
        chunk = suggestion_ids[i : i + _CHUNK]
        found.update(
            (row.id, row) for row in writer.session.execute(_SUGGESTION_ROW.where(Suggestion.id.in_(chunk)))
        )
    for suggestion_id in suggestion_ids:
        row = found.get(suggestion_id)
        if row is None:
            raise NotFoundError(say("suggestion {suggestion_id} does not exist", suggestion_id=suggestion_id))
        if row.status != "open":
            raise InvalidInputError(
                say(
                    "suggestion {suggestion_id} was already {status}",
                    suggestion_id=suggestion_id,
                    status=say(row.status),
                )
            )
    return [found[i] for i in suggestion_ids]


class AcceptSuggestions(Group):
    """Code the passages of open suggestions and mark them accepted: a group of the codings
    (one undoable action) and the marks.

    A passage already coded with the suggestion's code is only marked accepted.
    """

    def __init__(self, suggestion_ids: Sequence[SuggestionId], *, coder: str, memo: str = "") -> None:
        ids = list(dict.fromkeys(suggestion_ids))
        super().__init__("Accept suggestion" if len(ids) == 1 else "Accept suggestions")
        self.suggestion_ids = ids
        self.coder = coder
        self.memo = memo

    def plan(self, writer: Writer) -> list[CodingId]:
        rows = _load_open(writer, self.suggestion_ids)
        requests = [
            CodingRequest(DocumentId(row.document_id), CodeId(row.code_id), row.start, row.end, self.memo)
            for row in rows
        ]
        created: list[CodingId] = self.add(
            writer, ApplyCodings(requests, coder=self.coder, skip_existing=True)
        )
        now = utcnow()
        for suggestion_id, row in zip(self.suggestion_ids, rows, strict=True):
            writer.update(Suggestion, suggestion_id, {"status": "accepted", "decided_at": now})
            writer.touch(DocumentId(row.document_id))
        if len(created) > 1:
            self.text = say("Accept {count} suggestions", count=len(created))
        return created


class RejectSuggestions(Command):
    """Reject open suggestions; they are remembered and not offered again."""

    def __init__(self, suggestion_ids: Sequence[SuggestionId]) -> None:
        super().__init__()
        self.suggestion_ids = list(dict.fromkeys(suggestion_ids))
        self.text = (
            marked("Reject suggestion") if len(self.suggestion_ids) == 1 else marked("Reject suggestions")
        )

    def plan(self, writer: Writer) -> None:
        now = utcnow()
        for suggestion_id in self.suggestion_ids:
            row = _load(writer, suggestion_id)
            if row.status != "open":
                raise InvalidInputError(
                    say(
                        "suggestion {suggestion_id} was already {status}",
                        suggestion_id=suggestion_id,
                        status=say(row.status),
                    )
                )
            writer.update(Suggestion, suggestion_id, {"status": "rejected", "decided_at": now})
            writer.touch(DocumentId(row.document_id))


class AdjustSuggestion(Command):
    """Move the boundaries of an open suggestion before accepting it."""

    text = marked("Adjust suggestion")

    def __init__(self, suggestion_id: SuggestionId, start: int, end: int) -> None:
        super().__init__()
        self.suggestion_id = suggestion_id
        self.span = (start, end)

    def plan(self, writer: Writer) -> None:
        row = _load(writer, self.suggestion_id)
        if row.status != "open":
            raise InvalidInputError(
                say(
                    "suggestion {suggestion_id} was already {status}",
                    suggestion_id=self.suggestion_id,
                    status=say(row.status),
                )
            )
        text = document_text(writer, DocumentId(row.document_id))
        check_span(text, *self.span)
        start, end = trim_span(text, *self.span)
        writer.update(Suggestion, self.suggestion_id, {"start": start, "end": end, "text": text[start:end]})
        writer.touch(DocumentId(row.document_id))


class StoreCalibration(Command):
    """Store the suggestions' calibration (thresholds and figures per code) in the project's settings."""

    def __init__(self, value: dict[str, Any]) -> None:
        super().__init__()
        self.value = value
        self.text = marked("Calibrate suggestions")

    def plan(self, writer: Writer) -> None:
        from coding.language.suggestions.calibration import CALIBRATION_SETTING
        from coding.speakers.speaker_commands import write_setting

        write_setting(writer, CALIBRATION_SETTING, self.value)
