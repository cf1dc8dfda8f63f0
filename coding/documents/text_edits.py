"""Correcting a document's text in place (the transcript's edit mode): every coding stays on its passage.

The corrected text is compared with the stored one (:func:`text_edits`: lines first, then the
characters of each changed block of lines), which gives a few exact replacements; the text is
rewritten with :func:`coding.core.text_remap.apply_replacements` and everything anchored in it moves
with the exact mapper that returns:

* a coded passage around or beside an edit keeps its codings; one an edit reaches into grows or
  shrinks with it (a word corrected inside a quote stays in the quote), and letters typed onto
  its first or last word belong to it (``vertrouw ze`` → ``vertrouw zelf``); a passage lying wholly in
  retyped words covers the words typed in their place; two passages that end up on the same span
  become one (their codings kept, a code on both kept once). Only a passage whose every word was
  deleted goes, and is listed;
* turns, pages and suggestions move the same way (a suggestion inside deleted words goes).

:class:`CorrectText` is one command, so the whole edit session is one undo step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

from sqlalchemy import select

from coding.core.errors import InvalidInputError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.text import normalise_text
from coding.core.text_remap import Span, apply_replacements
from coding.documents.document_commands import LostPassage, SpanMove, document_text, move_spans
from coding.undo.command import Command, Writer
from models import Code, Coding, Document, JudgementEvidence, Page, Passage, Suggestion, Turn

Edit = tuple[int, int, str]
#: Changed blocks of lines larger than this (product of lengths) are one replacement, trimmed.
_CHAR_DIFF_LIMIT = 250_000


def text_edits(old: str, new: str) -> list[Edit]:
    """Non-overlapping ``(start, end, replacement)`` edits of ``old`` that make ``new``, as small as
    a diff finds them: by lines, then by characters inside each changed block."""
    if old == new:
        return []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at = [0, *accumulate(len(line) for line in old_lines)]
    new_at = [0, *accumulate(len(line) for line in new_lines)]
    edits: list[Edit] = []
    lines = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        start, end = old_at[i1], old_at[i2]
        new_start, new_end = new_at[j1], new_at[j2]
        edits.extend(_char_edits(old[start:end], new[new_start:new_end], start))
    return edits


def _char_edits(old: str, new: str, offset: int) -> list[Edit]:
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    old, new = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    offset += prefix
    if not old or not new or len(old) * len(new) > _CHAR_DIFF_LIMIT:
        return [(offset, offset + len(old), new)]
    chars = SequenceMatcher(None, old, new, autojunk=False)
    return [
        (offset + i1, offset + i2, new[j1:j2])
        for tag, i1, i2, j1, j2 in chars.get_opcodes()
        if tag != "equal"
    ]


class EditMapper:
    """Old positions and spans to new ones under the edits (exact, see the module's rules)."""

    def __init__(self, text: str, edits: Sequence[Edit]) -> None:
        self.old_text = text
        self.regions = sorted((start, end) for start, end, _ in edits if end > start)
        self.new_text, self._map = apply_replacements(text, edits)

    def _region(self, start: int, end: int) -> Span | None:
        for region_start, region_end in self.regions:
            if region_start <= start and end <= region_end:
                return (region_start, region_end)
        return None

    def span(self, start: int, end: int) -> Span:
        mapped = self._map(start, end)
        if mapped is None:  # inside retyped words: the words typed in their place
            region = self._region(start, end)
            assert region is not None
            mapped = self._map(*region)
            assert mapped is not None
        return mapped

    def passage(self, start: int, end: int) -> Span:
        """Like :meth:`span`, and a passage that ended (began) at the end (start) of a word still does
        when letters were typed onto that word: ``vertrouw ze`` → ``vertrouw zelf``."""
        new_start, new_end = self.span(start, end)
        old, new = self.old_text, self.new_text
        if not _word(old, end) and _word(old, end - 1):
            while _word(new, new_end) and _word(new, new_end - 1):
                new_end += 1
        if not _word(old, start - 1) and _word(old, start):
            while _word(new, new_start - 1) and _word(new, new_start):
                new_start -= 1
        return new_start, new_end

    def point(self, position: int) -> int:
        mapped = self._map(position, position)
        if mapped is not None:
            return mapped[0]
        return self.span(position, position)[1]


def _word(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


@dataclass(frozen=True)
class CorrectionResult:
    edits: int
    #: Coded passages whose every word was deleted (with their codes' names).
    lost: tuple[LostPassage, ...]
    merged: int


class CorrectText(Command):
    """Replace a document's text by a corrected version of it, moving codings, turns, pages and
    suggestions exactly (:mod:`coding.documents.text_edits`). ``expected`` is the text the
    correction started from: if the document changed since, nothing is written."""

    def __init__(self, document_id: DocumentId, expected: str, corrected: str, *, name: str = "") -> None:
        super().__init__()
        self.document_id = document_id
        self.expected = expected
        self.corrected = normalise_text(corrected)
        self.text = say("Correct transcript {name}", name=name) if name else marked("Correct transcript")

    def plan(self, writer: Writer) -> CorrectionResult:
        old = document_text(writer, self.document_id)
        if old != self.expected:
            raise InvalidInputError(say("the document was changed meanwhile; its corrections were not saved"))
        edits = text_edits(old, self.corrected)
        if not edits:
            return CorrectionResult(0, (), 0)
        mapper = EditMapper(old, edits)
        assert mapper.new_text == self.corrected
        lost, merged = _remap_passages(writer, self.document_id, mapper)
        _remap_structure(writer, self.document_id, mapper)
        new = mapper.new_text
        writer.update(Document, self.document_id, {"text": new, "length": len(new)})
        writer.touch(self.document_id)
        return CorrectionResult(len(edits), tuple(lost), merged)


def _merge_passage(writer: Writer, loser: int, survivor: int) -> None:
    """Move the codings (and evidence links) of passage ``loser`` to ``survivor``, then drop it."""
    session = writer.session
    kept: set[tuple[int, int | None]] = {
        (code, coder)
        for code, coder in session.execute(
            select(Coding.code_id, Coding.coder_id).where(Coding.passage_id == survivor)
        )
    }
    for coding_id, code_id, coder_id in session.execute(
        select(Coding.id, Coding.code_id, Coding.coder_id).where(Coding.passage_id == loser)
    ).all():
        if (code_id, coder_id) in kept:
            writer.delete(Coding, "id", [coding_id])
        else:
            writer.update(Coding, coding_id, {"passage_id": survivor})
            kept.add((code_id, coder_id))
    evidence = set(
        session.execute(select(JudgementEvidence.judgement_id).where(JudgementEvidence.passage_id == loser))
        .scalars()
        .all()
    )
    have = set(
        session.execute(
            select(JudgementEvidence.judgement_id).where(JudgementEvidence.passage_id == survivor)
        )
        .scalars()
        .all()
    )
    for judgement_id in sorted(evidence - have):
        writer.insert(JudgementEvidence, {"judgement_id": judgement_id, "passage_id": survivor})
    writer.delete(Passage, "id", [loser])


def _remap_passages(
    writer: Writer, document_id: DocumentId, mapper: EditMapper
) -> tuple[list[LostPassage], int]:
    session = writer.session
    rows = session.execute(
        select(Passage.id, Passage.start, Passage.end, Passage.text)
        .where(Passage.document_id == document_id)
        .order_by(Passage.start, Passage.end, Passage.id)
    ).all()
    lost: list[LostPassage] = []
    targets: dict[Span, list[int]] = defaultdict(list)
    spans: dict[int, tuple[Span, str, Span]] = {}  # passage → old span, old text, new span
    for row in rows:
        start, end = mapper.passage(row.start, row.end)
        if not mapper.new_text[start:end].strip():  # every word of it deleted
            codes = session.execute(
                select(Code.name).join(Coding, Coding.code_id == Code.id).where(Coding.passage_id == row.id)
            ).scalars()
            lost.append(LostPassage(row.start, row.end, row.text, tuple(codes)))
            writer.delete(Passage, "id", [row.id])
            continue
        spans[row.id] = ((row.start, row.end), row.text, (start, end))
        targets[(start, end)].append(row.id)
    merged = 0
    for ids in targets.values():
        survivor, *losers = sorted(ids)
        for loser in losers:
            _merge_passage(writer, loser, survivor)
            spans.pop(loser)
            merged += 1
    moves: list[SpanMove] = []
    for passage_id, (old, old_text, new) in spans.items():
        text = mapper.new_text[new[0] : new[1]]
        if (new, text) != (old, old_text):
            moves.append((passage_id, old, new, {"text": text}))
    move_spans(writer, Passage, moves)
    return lost, merged


def _remap_structure(writer: Writer, document_id: DocumentId, mapper: EditMapper) -> None:
    session = writer.session

    def stretch(start: int, end: int) -> Span:
        return mapper.span(start, end) if end > start else (mapper.point(start),) * 2

    for turn in session.execute(select(Turn).where(Turn.document_id == document_id)).scalars().all():
        start, end = stretch(turn.start, turn.end)
        body = min(max(mapper.point(turn.body_start), start), end)
        if (start, end, body) != (turn.start, turn.end, turn.body_start):
            writer.update(Turn, turn.id, {"start": start, "end": end, "body_start": body})
    for page in session.execute(select(Page).where(Page.document_id == document_id)).scalars().all():
        start, end = stretch(page.start, page.end)
        if (start, end) != (page.start, page.end):
            key = {"document_id": document_id, "number": page.number}
            writer.update(Page, key, {"start": start, "end": end})
    _remap_suggestions(writer, document_id, mapper.passage, mapper.new_text)


def _remap_suggestions(
    writer: Writer, document_id: DocumentId, span: Callable[[int, int], Span], text: str
) -> None:
    rows = writer.session.execute(
        select(Suggestion.id, Suggestion.start, Suggestion.end, Suggestion.text)
        .where(Suggestion.document_id == document_id)
        .order_by(Suggestion.start, Suggestion.end, Suggestion.id)
    ).all()
    moves: list[SpanMove] = []
    for row in rows:
        start, end = span(row.start, row.end)
        if not text[start:end].strip():  # its words deleted
            writer.delete(Suggestion, "id", [row.id])
            continue
        if (start, end, text[start:end]) != (row.start, row.end, row.text):
            moves.append((row.id, (row.start, row.end), (start, end), {"text": text[start:end]}))
    move_spans(writer, Suggestion, moves)
