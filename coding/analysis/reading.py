"""Reading what analysis counts: the codings (with the codes they count for), and the units.

One read per question: every coding as a plain tuple, the documents' turns or sentences, and
only where a coding lies outside every turn, that document's text (for its paragraphs).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.analysis.units import UnitSpans, document_units, paragraphs, turn_units
from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeTree, DocumentInfo
from coding.core.store import Store
from coding.core.text import fold
from models import Coder, Coding, Document, Passage, Sentence, TextIndex, Turn

#: A coding: ``(coding id, code id, document id, start, end)``.
CodingRow = tuple[int, int, int, int, int]


def counted_codes(
    tree: CodeTree, selected: Sequence[CodeId], include_subcodes: bool
) -> dict[CodeId, tuple[CodeId, ...]]:
    """For every code coded, the selected codes it counts for: itself if selected and, with
    ``include_subcodes``, each selected ancestor (a concept applies where its indicators do)."""
    chosen = set(selected)
    out: dict[CodeId, tuple[CodeId, ...]] = {}
    for code in tree:
        counts = [code.id] if code.id in chosen else []
        if include_subcodes:
            parent = code.parent_id
            while parent is not None:
                if parent in chosen:
                    counts.append(parent)
                parent = tree.get(parent).parent_id if parent in tree else None
        if counts:
            out[code.id] = tuple(counts)
    return out


@dataclass(frozen=True)
class Codings:
    """The codings of a question, and what each counts for."""

    rows: tuple[CodingRow, ...]
    counts_for: Mapping[CodeId, tuple[CodeId, ...]]

    def applied(self, documents: Iterable[DocumentId] | None = None) -> list[tuple[CodeId, int, int, int]]:
        """``(selected code, document, start, end)`` for every coding, once per code it counts for."""
        allowed = None if documents is None else set(documents)
        counts_for = self.counts_for
        return [
            (code, document, start, end)
            for _coding, coded, document, start, end in self.rows
            if allowed is None or document in allowed
            for code in counts_for.get(CodeId(coded), ())
        ]


def read_codings(
    store: Store, counts_for: Mapping[CodeId, tuple[CodeId, ...]], *, coder: str | None = None
) -> Codings:
    statement = select(Coding.id, Coding.code_id, Passage.document_id, Passage.start, Passage.end).join(
        Passage, Passage.id == Coding.passage_id
    )
    if coder is not None:
        statement = statement.join(Coder, Coder.id == Coding.coder_id).where(Coder.name == coder)
    codes = list(counts_for)
    if codes:
        statement = statement.where(Coding.code_id.in_(codes))
    with store.read() as session:  # Core rows: no ORM loading for a few hundred thousand tuples
        rows = tuple(map(tuple, session.connection().execute(statement).all())) if codes else ()
    return Codings(rows, counts_for)  # type: ignore[arg-type]  # rows of five ints


def read_units(
    store: Store,
    unit: str,
    documents: Sequence[DocumentInfo],
    codings: Codings,
    *,
    speaker: str | None = None,
) -> dict[int, UnitSpans]:
    """The units of each document: its speaker turns (the paragraphs outside them), its indexed
    sentences, or itself. With ``speaker``, only the units that touch a turn of that speaker."""
    ids = [d.id for d in documents]
    turns = _turns(store, ids) if unit == "turn" or speaker else {}
    units: dict[int, UnitSpans]
    if unit == "document":
        units = {d.id: document_units(d.length) for d in documents}
    elif unit == "sentence":
        units = _sentences(store, documents)
    elif unit == "turn":
        units = _turn_units(store, documents, turns, codings)
    else:
        raise InvalidInputError(say("no units for '{unit}'", unit=unit))
    if speaker is None:
        return units
    wanted = fold(speaker)
    kept: dict[int, UnitSpans] = {}
    for document, spans in units.items():
        own = UnitSpans.of((s, e) for s, e, who in turns.get(document, ()) if fold(who) == wanted)
        if own:
            kept[document] = UnitSpans.of(
                spans.span(i) for i in range(len(spans)) if own.touched(*spans.span(i))
            )
    if not kept:
        raise InvalidInputError(say("no turn of speaker '{speaker}' in these documents", speaker=speaker))
    return kept


def speaker_turns(store: Store, documents: Sequence[DocumentInfo], speaker: str) -> dict[int, UnitSpans]:
    """The turns of ``speaker`` in each document (compared case- and accent-insensitively)."""
    wanted = fold(speaker)
    turns = _turns(store, [d.id for d in documents])
    return {
        document: UnitSpans.of((s, e) for s, e, who in spans if fold(who) == wanted)
        for document, spans in turns.items()
    }


def _turns(store: Store, ids: Sequence[DocumentId]) -> dict[int, list[tuple[int, int, str]]]:
    out: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    statement = (
        select(Turn.document_id, Turn.start, Turn.end, Turn.speaker)
        .where(Turn.document_id.in_(ids))
        .order_by(Turn.document_id, Turn.start)
    )
    with store.read() as session:
        for document, start, end, speaker in session.connection().execute(statement).all():
            out[document].append((start, end, speaker))
    return out


def _turn_units(
    store: Store,
    documents: Sequence[DocumentInfo],
    turns: Mapping[int, list[tuple[int, int, str]]],
    codings: Codings,
) -> dict[int, UnitSpans]:
    """Turns; outside them paragraphs, for which a document's text is read only when a coding
    lies (partly) outside its turns."""
    covered: dict[int, UnitSpans] = {
        d.id: UnitSpans.of((s, e) for s, e, _who in turns.get(d.id, ())) for d in documents
    }
    # Text outside the turns: before the first, after the last, and gaps between two turns wider
    # than the line break between them; a document whose codings touch none needs no text.
    outside: dict[int, UnitSpans] = {}
    for info in documents:
        spans = covered[info.id]
        if not spans:
            outside[info.id] = UnitSpans((0,), (max(info.length, 1),))
            continue
        gaps = [(0, spans.starts[0]), (spans.ends[-1], max(info.length, spans.ends[-1] + 1))]
        gaps += [(e, s) for e, s in zip(spans.ends, spans.starts[1:], strict=False) if s - e > 2]
        outside[info.id] = UnitSpans.of(gaps)
    needs_text: set[int] = set()
    for _coding, _code, document, start, end in codings.rows:
        around = outside.get(document)
        if around is not None and document not in needs_text and around.touched(start, end):
            needs_text.add(document)
    texts: dict[int, str] = {}
    if needs_text:
        with store.read() as session:
            for document_id, text in session.execute(
                select(Document.id, Document.text).where(Document.id.in_(needs_text))
            ):
                texts[document_id] = text
    out: dict[int, UnitSpans] = {}
    for info in documents:
        if info.id in texts:
            out[info.id] = turn_units([(s, e) for s, e, _who in turns.get(info.id, ())], texts[info.id])
        else:
            out[info.id] = covered[info.id]
    return out


def _sentences(store: Store, documents: Sequence[DocumentInfo]) -> dict[int, UnitSpans]:
    ids = [d.id for d in documents]
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    with store.read() as session:
        indexed = set(
            session.execute(select(TextIndex.document_id).where(TextIndex.document_id.in_(ids))).scalars()
        )
        for document, start, end in session.execute(
            select(Sentence.document_id, Sentence.start, Sentence.end).where(Sentence.document_id.in_(ids))
        ):
            spans[document].append((start, end))
    missing = [d.name for d in documents if d.id not in indexed]
    if missing:
        shown = ", ".join(missing[:5])
        if len(missing) > 5:
            shown = say("{shown} and {count} more", shown=shown, count=len(missing) - 5)
        if len(missing) == 1:
            message = say(
                "sentence units need the text index, and {shown} is not indexed: run `codewerk index` first",
                shown=shown,
            )
        else:
            message = say(
                "sentence units need the text index, and {shown} are not indexed: run `codewerk index` first",
                shown=shown,
            )
        raise InvalidInputError(message)
    return {d.id: UnitSpans.of(spans.get(d.id, ())) for d in documents}


def paragraph_units(text: str) -> UnitSpans:
    return UnitSpans.of(paragraphs(text, 0, len(text)))
