"""Comparing groups: the judgement grid (codes × group values) and the frequency table.

A cell of the grid is one code for one group value (e.g. Vertrouwen × Zwolle): how many coded passages
it has, in how many documents, and the judgement given to it. A code's cell counts the passages of its
dimensions and indicators too, each passage once, however many of the subtree's codes it carries.
Passages whose document lacks the grouping attribute form the column ``(none)``, which has counts
but takes no judgement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from coding.core.attributes import REGION_KEYS
from coding.core.context import CodeRef, ProjectContext
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.i18n import text_in
from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.records import CodeInfo, CodeTree, DocumentInfo, JudgementInfo, Quote
from coding.core.store import one_snapshot
from coding.core.text import fold, natural_key
from coding.documents.document_service import DocumentService
from coding.judgements.judgement_service import JudgementService
from coding.quotes.quote_service import QuoteService
from models import Coder, Coding, Passage

#: The column of passages whose document has no value for the grouping attribute.
NO_GROUP = "(none)"

Measure = Literal["quotes", "documents"]
MEASURES: tuple[Measure, ...] = ("quotes", "documents")


@dataclass(frozen=True)
class GridCell:
    code_id: CodeId
    value: str
    quotes: int
    documents: int
    judgement: JudgementInfo | None

    @property
    def score(self) -> str:
        return self.judgement.score if self.judgement else ""

    @property
    def justification(self) -> str:
        return self.judgement.justification if self.judgement else ""

    @property
    def evidence(self) -> tuple[PassageId, ...]:
        return self.judgement.evidence if self.judgement else ()

    @property
    def assessable(self) -> bool:
        """``(none)`` is not a group one can judge."""
        return self.value != NO_GROUP

    def count(self, measure: Measure) -> int:
        return self.documents if measure == "documents" else self.quotes


@dataclass(frozen=True)
class GridRow:
    code: CodeInfo
    cells: tuple[GridCell, ...]
    quotes: int
    documents: int

    @property
    def depth(self) -> int:
        return self.code.depth

    @property
    def judged(self) -> bool:
        return any(cell.judgement is not None for cell in self.cells)


@dataclass(frozen=True)
class JudgementGrid:
    """Rows: codes in codebook order. Columns: the group values (natural order, ``(none)`` last)."""

    attribute: str
    values: tuple[str, ...]
    rows: tuple[GridRow, ...]

    def row(self, code_id: CodeId) -> GridRow:
        for row in self.rows:
            if row.code.id == code_id:
                return row
        raise NotFoundError(say("code {code_id} is not in this comparison", code_id=code_id))

    def column(self, value: str) -> int:
        key = fold(value)
        for index, known in enumerate(self.values):
            if fold(known) == key:
                return index
        raise NotFoundError(
            say("'{value}' is not a value of {attribute}", value=value, attribute=self.attribute)
        )

    def cell(self, code_id: CodeId, value: str) -> GridCell:
        return self.row(code_id).cells[self.column(value)]


@dataclass(frozen=True)
class FrequencyRow:
    code: CodeInfo
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class FrequencyTable:
    """Codes × group values: coded passages (or documents) per cell, with totals.

    A column total counts each passage (document) of the group once, so it is not the sum of a
    column's rows when codes include their subcodes or a passage carries several codes.
    """

    attribute: str
    measure: Measure
    values: tuple[str, ...]
    rows: tuple[FrequencyRow, ...]
    totals: tuple[int, ...]
    total: int

    @property
    def maximum(self) -> int:
        return max((max(row.counts, default=0) for row in self.rows), default=0)


@dataclass(frozen=True)
class ScoreSeries:
    """The judgements of the concepts as numbers, for a spider (radar) chart and a bar chart.

    ``concepts``: the top-level codes with a scale that have a judgement in at least one group,
    in codebook order. ``values``: the group values with at least one such judgement (``(none)``
    never); ``unjudged``: the other group values. ``scores[g][c]`` is group ``values[g]``'s score
    of ``concepts[c]`` on 1 (``-/-``) … 5 (``+/+``), ``None`` where it has none.
    """

    attribute: str
    concepts: tuple[CodeInfo, ...]
    values: tuple[str, ...]
    scores: tuple[tuple[float | None, ...], ...]
    unjudged: tuple[str, ...] = ()
    #: The labels of the axis positions 1 … 5 (the five-point scale when the concepts use it).
    labels: tuple[str, ...] = ("1", "2", "3", "4", "5")

    @property
    def empty(self) -> bool:
        return not self.concepts or not self.values

    @property
    def spider(self) -> bool:
        """Whether a spider chart says something: with one or two concepts it is a dot or a single
        line, so the charts show grouped bars instead (:data:`SPIDER_FROM`)."""
        return len(self.concepts) >= SPIDER_FROM

    def of(self, value: str) -> tuple[float | None, ...]:
        return self.scores[self.values.index(value)]


#: The axis of the scores chart: a scale's first value is 1, its last 5.
SCORE_MIN, SCORE_MAX = 1, 5
#: The fewest judged concepts a spider chart is drawn for (fewer: grouped bars only).
SPIDER_FROM = 3


def score_number(score: str, scale: Sequence[str] | None) -> float | None:
    """A judgement on 1–5: ``-/-`` 1, ``-`` 2, ``+/-`` 3, ``+`` 4, ``+/+`` 5. A scale of another
    length is spread evenly over 1–5 (three values: 1, 3, 5). ``None`` for no score, an open code,
    a one-value scale or a score not on the scale."""
    if not score or not scale or len(scale) < 2 or score not in scale:
        return None
    step = (SCORE_MAX - SCORE_MIN) / (len(scale) - 1)
    return SCORE_MIN + list(scale).index(score) * step


def score_series(grid: JudgementGrid) -> ScoreSeries:
    """The judged concepts of a grid as numeric series per group value (see :class:`ScoreSeries`)."""
    selected = {row.code.id for row in grid.rows}
    columns = [i for i, value in enumerate(grid.values) if value != NO_GROUP]
    table: list[tuple[CodeInfo, list[float | None]]] = []
    for row in grid.rows:
        scale = row.code.scale
        if row.code.parent_id in selected or not scale or len(scale) < 2:
            continue
        numbers = [score_number(row.cells[i].score, scale) for i in columns]
        if any(n is not None for n in numbers):
            table.append((row.code, numbers))
    judged = [k for k in range(len(columns)) if any(numbers[k] is not None for _c, numbers in table)]
    values = tuple(grid.values[columns[k]] for k in judged)
    unjudged = tuple(grid.values[columns[k]] for k in range(len(columns)) if k not in judged)
    scores = tuple(tuple(numbers[k] for _c, numbers in table) for k in judged)
    scales = {code.scale for code, _n in table}
    labels: tuple[str, ...] = ("1", "2", "3", "4", "5")
    if len(scales) == 1:
        only = next(iter(scales))
        if only is not None and len(only) == SCORE_MAX - SCORE_MIN + 1:
            labels = tuple(only)
    return ScoreSeries(grid.attribute, tuple(c for c, _n in table), values, scores, unjudged, labels)


@dataclass(frozen=True)
class CellPassage:
    """One coded passage in a cell, with the codes of the row's subtree it carries."""

    passage_id: PassageId
    document_id: DocumentId
    document: str
    start: int
    end: int
    text: str
    code_paths: tuple[str, ...]
    memos: tuple[str, ...]
    coding_ids: tuple[CodingId, ...]
    attributes: dict[str, str]

    @property
    def respondent(self) -> str:
        return self.attributes.get("respondent", "") or self.document


@dataclass(frozen=True)
class _Tally:
    """Passages and documents per (code, group), with subcodes rolled up or not."""

    passages: dict[tuple[CodeId, str], set[int]]
    documents: dict[tuple[CodeId, str], set[int]]
    group_passages: dict[str, set[int]]
    group_documents: dict[str, set[int]]


class ComparisonService:
    def __init__(
        self,
        context: ProjectContext,
        documents: DocumentService,
        judgements: JudgementService,
        quotes: QuoteService,
    ) -> None:
        self._context = context
        self._store = context.store
        self._documents = documents
        self._judgements = judgements
        self._quotes = quotes

    # -- the columns ---------------------------------------------------------------------
    def attributes(self) -> list[str]:
        """The attributes one can group by (``region``, or a Dutch sheet's ``regio``, first when present)."""
        keys = self._documents.attribute_keys()
        return sorted(
            keys, key=lambda k: (k not in REGION_KEYS, REGION_KEYS.index(k) if k in REGION_KEYS else 0, k)
        )

    def group_values(self, by: str = "region", groups: Sequence[str] | None = None) -> tuple[str, ...]:
        """The values of ``by`` among the documents, natural order, ``(none)`` last if any coded
        passage's document lacks the attribute; limited to ``groups`` (unknown names are an error)."""
        return self._group_values(self._documents.attribute_named(by), groups, None)

    def _group_values(
        self, key: str, groups: Sequence[str] | None, documents: Sequence[DocumentInfo] | None
    ) -> tuple[str, ...]:
        values = sorted(self._documents.attribute_values(key), key=natural_key)
        if self._has_ungrouped(key, documents):
            values.append(NO_GROUP)
        if groups is None:
            return tuple(values)
        by_fold = {fold(v): v for v in values}
        if NO_GROUP in values:  # the group without a value also by the name files and the window give it
            for shown in (text_in("en", NO_GROUP), text_in("nl", NO_GROUP)):  # (no value), (geen waarde)
                by_fold.setdefault(fold(shown), NO_GROUP)
        chosen: list[str] = []
        for group in groups:
            match = by_fold.get(fold(group))
            if match is None:
                known = (
                    ", ".join(say(v) if v == NO_GROUP else v for v in values)
                    or f"no document has the attribute '{key}'"
                )
                raise NotFoundError(
                    say(
                        "no document has {key} = '{group}' (known: {known})",
                        key=key,
                        group=group,
                        known=known,
                    )
                )
            if match not in chosen:
                chosen.append(match)
        return tuple(v for v in values if v in chosen)

    def _has_ungrouped(self, key: str, documents: Sequence[DocumentInfo] | None) -> bool:
        """Whether a passage lies in a document without ``key``. Asks for a passage, not a coding:
        a passage left without codings (a REFI re-import can leave one) still opens ``(none)``."""
        if documents is None:
            documents = self._documents.list(with_counts=False)
        lacking = {d.id for d in documents if not d.attributes.get(key)}
        if not lacking:
            return False
        with self._store.read() as session:
            found = session.execute(
                select(Passage.id).where(Passage.document_id.in_(lacking)).limit(1)
            ).first()
        return found is not None

    # -- the rows ------------------------------------------------------------------------
    def row_codes(self, codes: Sequence[CodeRef] | None = None) -> list[CodeInfo]:
        """The codes of the rows: all, or the given codes with their subtrees, in codebook order."""
        tree = self._context.resolve.code_tree()
        if not codes:
            return list(tree)
        wanted: set[CodeId] = set()
        for ref in codes:
            code_id = self._context.resolve.code(ref)
            wanted.add(code_id)
            wanted.update(c.id for c in tree.descendants(code_id))
        return [c for c in tree if c.id in wanted]

    # -- grid and frequencies ----------------------------------------------------------------
    @one_snapshot  # the documents, codings, codes and judgements of one moment
    def grid(
        self,
        by: str = "region",
        *,
        codes: Sequence[CodeRef] | None = None,
        groups: Sequence[str] | None = None,
        include_subcodes: bool = True,
        coder: str | None = None,
    ) -> JudgementGrid:
        """``coder``: count only that coder's layer (a name, or ``consensus``)."""
        key = self._documents.attribute_named(by)
        values, tally = self._counted(key, groups, include_subcodes, coder)
        return self._grid(key, values, tally, self.row_codes(codes))

    @one_snapshot  # the documents, codings, codes and judgements of one moment
    def frequencies(
        self,
        by: str = "region",
        *,
        measure: Measure = "quotes",
        codes: Sequence[CodeRef] | None = None,
        groups: Sequence[str] | None = None,
        include_subcodes: bool = True,
        coder: str | None = None,
    ) -> FrequencyTable:
        """Coded passages (``measure="quotes"``) or documents (each counted once) per code and group."""
        _check_measure(measure)
        key = self._documents.attribute_named(by)
        values, tally = self._counted(key, groups, include_subcodes, coder)
        return self._frequencies(key, measure, values, tally, self.row_codes(codes))

    @one_snapshot  # the documents, codings, codes and judgements of one moment
    def grid_and_frequencies(
        self,
        by: str = "region",
        *,
        measure: Measure = "quotes",
        codes: Sequence[CodeRef] | None = None,
        groups: Sequence[str] | None = None,
        include_subcodes: bool = True,
        coder: str | None = None,
    ) -> tuple[JudgementGrid, FrequencyTable]:
        """:meth:`grid` and :meth:`frequencies` with the same arguments, counted in one pass."""
        _check_measure(measure)
        key = self._documents.attribute_named(by)
        values, tally = self._counted(key, groups, include_subcodes, coder)
        codes_of_rows = self.row_codes(codes)
        return (
            self._grid(key, values, tally, codes_of_rows),
            self._frequencies(key, measure, values, tally, codes_of_rows),
        )

    def _grid(
        self, key: str, values: tuple[str, ...], tally: _Tally, codes: Sequence[CodeInfo]
    ) -> JudgementGrid:
        judgements = {(a.code_id, a.value): a for a in self._judgements.list(by=key)}
        rows = []
        for code in codes:
            cells = tuple(
                GridCell(
                    code.id,
                    value,
                    len(tally.passages.get((code.id, value), ())),
                    len(tally.documents.get((code.id, value), ())),
                    judgements.get((code.id, value)),
                )
                for value in values
            )
            rows.append(
                GridRow(
                    code,
                    cells,
                    len(_union(tally.passages.get((code.id, v), set()) for v in values)),
                    len(_union(tally.documents.get((code.id, v), set()) for v in values)),
                )
            )
        return JudgementGrid(key, values, tuple(rows))

    @staticmethod
    def _frequencies(
        key: str, measure: Measure, values: tuple[str, ...], tally: _Tally, codes: Sequence[CodeInfo]
    ) -> FrequencyTable:
        cells = tally.documents if measure == "documents" else tally.passages
        per_group = tally.group_documents if measure == "documents" else tally.group_passages
        rows = []
        for code in codes:
            counts = tuple(len(cells.get((code.id, v), ())) for v in values)
            total = len(_union(cells.get((code.id, v), set()) for v in values))
            rows.append(FrequencyRow(code, counts, total))
        totals = tuple(len(per_group.get(v, ())) for v in values)
        total = len(_union(per_group.get(v, set()) for v in values))
        return FrequencyTable(key, measure, values, tuple(rows), totals, total)

    def _counted(
        self, key: str, groups: Sequence[str] | None, include_subcodes: bool, coder: str | None = None
    ) -> tuple[tuple[str, ...], _Tally]:
        """The columns and the tally, from one listing of the documents."""
        documents = self._documents.list(with_counts=False)
        values = self._group_values(key, groups, documents)
        return values, self._tally(key, self._context.resolve.code_tree(), include_subcodes, documents, coder)

    def _tally(
        self,
        key: str,
        tree: CodeTree,
        include_subcodes: bool,
        infos: Sequence[DocumentInfo],
        coder: str | None = None,
    ) -> _Tally:
        group_of = {d.id: d.attributes.get(key) or NO_GROUP for d in infos}
        statement = select(Coding.code_id, Coding.passage_id, Passage.document_id).join(
            Passage, Passage.id == Coding.passage_id
        )
        if coder is not None:
            statement = statement.join(Coder, Coder.id == Coding.coder_id).where(Coder.name == coder)
        with self._store.read() as session:
            rows = session.execute(statement).all()
        chains: dict[CodeId, tuple[CodeId, ...]] = {}
        for code in tree:
            parent = chains.get(code.parent_id, ()) if code.parent_id is not None else ()
            chains[code.id] = (code.id, *parent) if include_subcodes else (code.id,)
        passages: dict[tuple[CodeId, str], set[int]] = defaultdict(set)
        documents: dict[tuple[CodeId, str], set[int]] = defaultdict(set)
        group_passages: dict[str, set[int]] = defaultdict(set)
        group_documents: dict[str, set[int]] = defaultdict(set)
        for code_id, passage_id, document_id in rows:
            group = group_of.get(DocumentId(document_id), NO_GROUP)
            group_passages[group].add(passage_id)
            group_documents[group].add(document_id)
            for owner in chains.get(CodeId(code_id), ()):
                passages[(owner, group)].add(passage_id)
                documents[(owner, group)].add(document_id)
        return _Tally(passages, documents, group_passages, group_documents)

    def scores(
        self,
        by: str = "region",
        *,
        codes: Sequence[CodeRef] | None = None,
        groups: Sequence[str] | None = None,
    ) -> ScoreSeries:
        """The concepts' judgements per group value as numbers 1–5, for the spider and bar charts."""
        return score_series(self.grid(by, codes=codes, groups=groups))

    # -- one cell ------------------------------------------------------------------------
    def cell_passages(
        self, code: CodeRef, value: str, by: str = "region", *, coder: str | None = None
    ) -> list[CellPassage]:
        """The passages behind a cell, ordered by respondent (R2 before R10), document, position.
        ``coder``: only that coder's codings (a name, or ``consensus``), as :meth:`grid` counts them."""
        key = self._documents.attribute_named(by)
        wanted = "" if value == NO_GROUP else value
        quotes = self._quotes.query(code, where={key: wanted}, coder=coder)
        by_passage: dict[PassageId, list[Quote]] = {}
        for quote in quotes:
            by_passage.setdefault(quote.passage_id, []).append(quote)
        passages = [
            CellPassage(
                passage_id=first.passage_id,
                document_id=first.document_id,
                document=first.document,
                start=first.start,
                end=first.end,
                text=first.text,
                code_paths=tuple(q.code_path for q in same),
                memos=tuple(q.memo for q in same if q.memo),
                coding_ids=tuple(q.coding_id for q in same),
                attributes=dict(first.attributes),
            )
            for same in by_passage.values()
            for first in same[:1]
        ]
        passages.sort(key=lambda p: (natural_key(p.respondent), fold(p.document), p.start, p.end))
        return passages


def _check_measure(measure: str) -> None:
    if measure not in MEASURES:
        raise InvalidInputError(
            say(
                "measure must be one of {MEASURES}, not '{measure}'",
                MEASURES=", ".join(MEASURES),
                measure=measure,
            )
        )


def _union(sets: Iterable[set[int]]) -> set[int]:
    out: set[int] = set()
    for part in sets:
        out |= part
    return out


# -- colours shared by the exports and the window --------------------------------------------
_RED, _YELLOW, _GREEN = (0xF8, 0x69, 0x6B), (0xFF, 0xEB, 0x84), (0x63, 0xBE, 0x7B)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> str:
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b, strict=True))


def score_colour(score: str, scale: Sequence[str] | None) -> str | None:
    """``#RRGGBB`` from red (first value of the scale) over yellow to green (last); ``None`` for a
    score not on the scale, an empty score, or an open code."""
    if not score or not scale or score not in scale:
        return None
    if len(scale) == 1:
        return _mix(_GREEN, _GREEN, 0)
    t = list(scale).index(score) / (len(scale) - 1)
    return _mix(_RED, _YELLOW, t * 2) if t <= 0.5 else _mix(_YELLOW, _GREEN, (t - 0.5) * 2)


def heat_colour(count: int, maximum: int) -> str | None:
    """White to deep blue by ``count / maximum``; ``None`` for an empty cell."""
    if count <= 0 or maximum <= 0:
        return None
    t = 0.15 + 0.85 * min(count / maximum, 1.0)
    return _mix((0xFF, 0xFF, 0xFF), (0x2B, 0x6C, 0xB0), t)


def heat_is_dark(count: int, maximum: int) -> bool:
    """Whether a heat-map cell needs white text."""
    return maximum > 0 and count / maximum > 0.55
