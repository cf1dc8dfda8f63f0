"""Replacing names in documents' texts: one undoable action that keeps every coding on its passage.

The text is rewritten with :func:`coding.core.text_remap.apply_replacements`; coded passages, turns,
pages and suggestions are moved with the exact mapper of text corrections
(:class:`coding.documents.text_edits.EditMapper`). A passage inside a replaced
name covers the whole placeholder afterwards. Two passages that end up with the same span are
merged into one (their codes kept, a code on both kept once). The index of a rewritten
document is rebuilt the next time it is needed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sqlalchemy import select

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.text import fold
from coding.core.text_remap import Span
from coding.documents.document_commands import SpanMove, document_text, move_spans
from coding.documents.text_edits import EditMapper
from coding.undo.command import Command, Writer
from models import Coding, Document, JudgementEvidence, Page, Passage, Suggestion, Turn


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    replacement: str
    #: The text expected at ``start:end``; the action refuses to run if the text changed.
    original: str


@dataclass(frozen=True)
class AnonymisationReport:
    documents: int
    replacements: int
    merged_passages: int


def _check(text: str, replacements: Sequence[Replacement], name: str) -> None:
    for r in replacements:
        if not 0 <= r.start < r.end <= len(text):
            raise InvalidInputError(
                say("{name}: {start}:{end} is not a passage of the text", name=name, start=r.start, end=r.end)
            )
        if text[r.start : r.end] != r.original:
            raise InvalidInputError(
                say(
                    ("{name}: the text at {start}:{end} is no longer “{original}”; list the names again"),
                    name=name,
                    start=r.start,
                    end=r.end,
                    original=r.original,
                )
            )
        if not r.replacement.strip():
            raise InvalidInputError(say("{name}: a name cannot be replaced by nothing", name=name))
    ordered = sorted(replacements, key=lambda r: (r.start, r.end))
    for before, after in pairwise(ordered):
        if after.start < before.end:
            raise InvalidInputError(
                say(
                    "{name}: the names at {start} and {start2} overlap",
                    name=name,
                    start=before.start,
                    start2=after.start,
                )
            )


def _merge_passage(writer: Writer, loser: int, survivor: int) -> None:
    """Move the codings (and evidence links) of passage ``loser`` to ``survivor``, then drop it."""
    session = writer.session
    survivor_codes = set(
        session.execute(select(Coding.code_id).where(Coding.passage_id == survivor)).scalars()
    )
    codings = session.execute(select(Coding.id, Coding.code_id).where(Coding.passage_id == loser)).all()
    duplicates = [cid for cid, code_id in codings if code_id in survivor_codes]
    moving = [(cid, code_id) for cid, code_id in codings if code_id not in survivor_codes]
    evidence = set(
        session.execute(
            select(JudgementEvidence.judgement_id).where(JudgementEvidence.passage_id == loser)
        ).scalars()
    )
    have = set(
        session.execute(
            select(JudgementEvidence.judgement_id).where(JudgementEvidence.passage_id == survivor)
        ).scalars()
    )
    for judgement_id in sorted(evidence - have):
        writer.insert(JudgementEvidence, {"judgement_id": judgement_id, "passage_id": survivor})
    writer.delete(Coding, "id", duplicates)
    for coding_id, _code in moving:
        writer.update(Coding, coding_id, {"passage_id": survivor})
    if session.execute(select(Passage.id).where(Passage.id == loser)).scalar_one_or_none() is not None:
        writer.delete(Passage, "id", [loser])


def _remap_passages(writer: Writer, document_id: DocumentId, mapper: EditMapper) -> int:
    rows = writer.session.execute(
        select(Passage.id, Passage.start, Passage.end, Passage.text).where(Passage.document_id == document_id)
    ).all()
    targets: dict[Span, list[int]] = defaultdict(list)
    spans = {}
    for row in rows:
        span = mapper.span(row.start, row.end)
        spans[row.id] = (row, span)
        targets[span].append(row.id)
    merged = 0
    for ids in targets.values():
        survivor, *losers = sorted(ids)
        for loser in losers:
            _merge_passage(writer, loser, survivor)
            merged += 1
            spans.pop(loser)
    moves: list[SpanMove] = []
    for passage_id, (row, (start, end)) in spans.items():
        text = mapper.new_text[start:end]
        if (start, end, text) != (row.start, row.end, row.text):
            moves.append((passage_id, (row.start, row.end), (start, end), {"text": text}))
    move_spans(writer, Passage, moves)
    return merged


def _remap_structure(
    writer: Writer, document_id: DocumentId, mapper: EditMapper, renamed: Callable[[str], str]
) -> None:
    session = writer.session
    for turn in session.execute(select(Turn).where(Turn.document_id == document_id)).scalars().all():
        start, end = (
            mapper.span(turn.start, turn.end) if turn.end > turn.start else (mapper.point(turn.start),) * 2
        )
        body = min(max(mapper.point(turn.body_start), start), end)
        values = {"start": start, "end": end, "body_start": body, "speaker": renamed(turn.speaker)}
        writer.update(Turn, turn.id, values)
    for page in session.execute(select(Page).where(Page.document_id == document_id)).scalars().all():
        start, end = (
            mapper.span(page.start, page.end) if page.end > page.start else (mapper.point(page.start),) * 2
        )
        writer.update(Page, {"document_id": document_id, "number": page.number}, {"start": start, "end": end})
    rows = session.execute(
        select(Suggestion.id, Suggestion.start, Suggestion.end, Suggestion.text).where(
            Suggestion.document_id == document_id
        )
    ).all()
    moves: list[SpanMove] = []
    for row in rows:
        start, end = mapper.span(row.start, row.end)
        text = mapper.new_text[start:end]
        if (start, end, text) != (row.start, row.end, row.text):
            moves.append((row.id, (row.start, row.end), (start, end), {"text": text}))
    move_spans(writer, Suggestion, moves)


class AnonymiseDocuments(Command):
    """Replace confirmed names in one or more documents (one undoable action)."""

    def __init__(self, replacements: Mapping[DocumentId, Sequence[Replacement]]) -> None:
        super().__init__()
        self.replacements = {doc: list(reps) for doc, reps in replacements.items() if reps}
        count = sum(len(reps) for reps in self.replacements.values())
        self.text = say("Anonymise {count} names", count=count) if count != 1 else say("Anonymise 1 name")

    def plan(self, writer: Writer) -> AnonymisationReport:
        merged = 0
        for document_id, replacements in self.replacements.items():
            text = document_text(writer, document_id)
            _check(text, replacements, f"document {document_id}")
            mapper = EditMapper(text, [(r.start, r.end, r.replacement) for r in replacements])
            placeholders = {fold(r.original): r.replacement for r in replacements}

            def renamed(speaker: str, placeholders: dict[str, str] = placeholders) -> str:
                return placeholders.get(fold(speaker), speaker)

            merged += _remap_passages(writer, document_id, mapper)
            _remap_structure(writer, document_id, mapper, renamed)
            writer.update(Document, document_id, {"text": mapper.new_text, "length": len(mapper.new_text)})
            writer.touch(document_id)
        return AnonymisationReport(
            len(self.replacements), sum(len(r) for r in self.replacements.values()), merged
        )
