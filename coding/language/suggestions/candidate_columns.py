"""Candidates as columns: their documents, codes, places, scores and sources as arrays, beside the candidates
themselves, so that merging, preferring subcodes, corroborating and choosing each code's best look at numbers, not
at a Python object per candidate (≈ 157,000 found, ≈ 40,000 offered at ten times the large corpus: those steps
were ≈ 1.4 s of Python per candidate). A :class:`CandidateColumns` reads as the sequence of its candidates.

The steps themselves are in :mod:`.candidates` (``merge``, ``prefer_specific``, ``not_already_decided``,
``best_per_code``) and :mod:`.resemblance` (``corroborated``); each takes candidates as a list or as columns and
gives columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, cast, overload

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.candidates import SOURCES, Candidate

if TYPE_CHECKING:
    from coding.language.suggestions.data import BoolArray, IntArray
    from coding.language.suggestions.vectors import FloatArray

#: Each source's bit in :attr:`CandidateColumns.sources`.
SOURCE_BIT = {name: 1 << number for number, name in enumerate(SOURCES)}
TERMS, QUESTION, SIMILAR = (SOURCE_BIT[name] for name in SOURCES)


class _Bits(dict[tuple[str, ...], int]):
    """A candidate's sources as bits (:data:`SOURCE_BIT`), made once per distinct tuple."""

    def __missing__(self, sources: tuple[str, ...]) -> int:
        bits = 0
        for name in sources:
            bits |= SOURCE_BIT[name]
        self[sources] = bits
        return bits


_BITS = _Bits()


class Later:
    """A candidate made when it is first read (``make``), its columns known before: most candidates found are
    dropped before anything reads them. ``terms``: its search terms found (as ``Candidate.terms``), read by
    ``merge`` without making it."""

    __slots__ = ("make", "terms")

    def __init__(
        self, make: Callable[[], Candidate], terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ) -> None:
        self.make, self.terms = make, terms


def made(items: list[Candidate | Later], number: int) -> Candidate:
    """``items[number]``, made (and kept made) if it is not a candidate yet: a :class:`Later` (or what reads as one:
    a ``make`` and ``terms``, as ``stored_fixed``'s rows)."""
    item = items[number]
    if type(item) is Candidate:
        return item
    candidate = items[number] = cast("Later", item).make()
    return candidate


class CandidateColumns(Sequence[Candidate]):
    """Candidates and their columns: row ``n`` is ``items[row[n]]`` with its document, code, start, end, score,
    sources (bits, :data:`SOURCE_BIT`) and whether it names its concept. ``items`` is shared by the columns taken
    from one another (:meth:`take`): only the row numbers are copied; it only grows (``merge`` adds what it
    folds). An item may be a :class:`Later`, made when the row is first read."""

    __hash__ = None  # type: ignore[assignment]
    __slots__ = ("code", "document", "end", "items", "named", "row", "score", "sources", "start")

    def __init__(
        self,
        items: list[Candidate | Later],
        row: IntArray,
        document: IntArray,
        code: IntArray,
        start: IntArray,
        end: IntArray,
        score: FloatArray,
        sources: IntArray,
        named: BoolArray,
    ) -> None:
        self.items, self.row = items, row
        self.document, self.code, self.start, self.end = document, code, start, end
        self.score, self.sources, self.named = score, sources, named

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> CandidateColumns:
        """``candidates`` as columns (themselves when they are already): one pass over them."""
        if isinstance(candidates, CandidateColumns):
            return candidates
        found = list(candidates)
        count = len(found)
        bits = _BITS
        # one pass; every value is exact as a float64 (places and ids below 2**53)
        flat = np.fromiter(
            chain.from_iterable(
                (c.document_id, c.code_id, c.start, c.end, c.score, bits[c.sources], c.named) for c in found
            ),
            dtype=np.float64,
            count=7 * count,
        ).reshape(count, 7)
        whole = flat[:, [0, 1, 2, 3, 5]].astype(np.int64)
        return cls(
            cast("list[Candidate | Later]", found),
            np.arange(count, dtype=np.int64),
            whole[:, 0].copy(),
            whole[:, 1].copy(),
            whole[:, 2].copy(),
            whole[:, 3].copy(),
            flat[:, 4].copy(),
            whole[:, 4].copy(),
            flat[:, 6] != 0,
        )

    @classmethod
    def empty(cls) -> CandidateColumns:
        return cls.of([])

    def take(self, rows: IntArray) -> CandidateColumns:
        """The rows ``rows`` (numbers into these columns), in that order."""
        return CandidateColumns(
            self.items,
            self.row[rows],
            self.document[rows],
            self.code[rows],
            self.start[rows],
            self.end[rows],
            self.score[rows],
            self.sources[rows],
            self.named[rows],
        )

    def where(self, keep: BoolArray) -> CandidateColumns:
        """The rows where ``keep`` holds, in order (themselves when it holds everywhere)."""
        if keep.all():
            return self
        return self.take(np.flatnonzero(keep))

    def joined(self, other: CandidateColumns) -> CandidateColumns:
        """These rows, then ``other``'s."""
        if not len(other):
            return self
        if not len(self):
            return other
        if other.items is self.items:
            items, shift = self.items, 0
        else:
            items, shift = self.items + other.items, len(self.items)
        return CandidateColumns(
            items,
            np.concatenate([self.row, other.row + shift]),
            *(
                np.concatenate([getattr(self, name), getattr(other, name)])
                for name in ("document", "code", "start", "end", "score", "sources", "named")
            ),
        )

    def arrays(
        self,
    ) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray, FloatArray, IntArray, BoolArray]:
        """The columns after the items, in the constructor's order (the same columns over other items)."""
        return self.row, self.document, self.code, self.start, self.end, self.score, self.sources, self.named

    def __len__(self) -> int:
        return len(self.row)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> list[Candidate]: ...
    def __getitem__(self, index: int | slice) -> Candidate | list[Candidate]:
        items = self.items
        if isinstance(index, slice):
            return [made(items, i) for i in self.row[index].tolist()]
        return made(items, int(self.row[index]))

    def __iter__(self) -> Iterator[Candidate]:
        items = self.items
        return (made(items, i) for i in self.row.tolist())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


class RankedColumns(CandidateColumns):
    """Columns with where each candidate's code must rank (``max_rank``, −1: no such rule): the candidates of the
    sources that do not look at the codings (``fixed_sources``), checked by ``resemblance.meeting_their_rank``
    before they join the others. Their steps after it take plain columns."""

    __slots__ = ("max_rank",)

    def __init__(
        self,
        items: list[Candidate | Later],
        row: IntArray,
        document: IntArray,
        code: IntArray,
        start: IntArray,
        end: IntArray,
        score: FloatArray,
        sources: IntArray,
        named: BoolArray,
        max_rank: IntArray,
    ) -> None:
        super().__init__(items, row, document, code, start, end, score, sources, named)
        self.max_rank = max_rank

    @classmethod
    def ranked(cls, candidates: Iterable[Candidate]) -> RankedColumns:
        """``candidates`` as ranked columns (themselves when they are already): one pass over them."""
        if isinstance(candidates, RankedColumns):
            return candidates
        columns = CandidateColumns.of(candidates)
        items = columns.items
        max_rank = np.fromiter(
            (-1 if (rank := made(items, i).max_rank) is None else rank for i in columns.row.tolist()),
            dtype=np.int64,
            count=len(columns),
        )
        return cls(items, *columns.arrays(), max_rank)

    @staticmethod
    def source_bits(sources: Sequence[tuple[str, ...]]) -> list[int]:
        """Each sources tuple's bits (:data:`SOURCE_BIT`)."""
        return [_BITS[value] for value in sources]


def with_codes_of(columns: CandidateColumns, keys: Iterable[tuple[DocumentId, CodeId]]) -> BoolArray:
    """Per row: whether its document and code are among ``keys``."""
    wanted = np.fromiter(
        ((document << 32) | code for document, code in keys), dtype=np.int64
    )  # ids below 2**31
    return np.isin((columns.document << 32) | columns.code, wanted)


def per_code(columns: CandidateColumns, values: Mapping[CodeId, float], default: float) -> FloatArray:
    """Per row: its code's value in ``values`` (``default`` for a code without one)."""
    codes, inverse = np.unique(columns.code, return_inverse=True)
    chosen = np.array([values.get(CodeId(code), default) for code in codes.tolist()], dtype=np.float64)
    found: FloatArray = chosen[inverse.reshape(-1)]
    return found
