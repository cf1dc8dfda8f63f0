"""The co-occurrence table: codes × codes, per group of documents, as counts and c-coefficients."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from coding.analysis.counting import c_coefficient
from coding.core.ids import CodeId
from coding.core.records import CodeInfo

CooccurrenceMeasure = Literal["count", "c"]
COOCCURRENCE_MEASURES: tuple[CooccurrenceMeasure, ...] = ("count", "c")


@dataclass(frozen=True)
class PairRow:
    """One pair of codes in one group: ``count`` units with both, ``n_a``/``n_b`` with each."""

    code_a: CodeInfo
    code_b: CodeInfo
    group: str | None
    count: int
    n_a: int
    n_b: int

    @property
    def c(self) -> float:
        return c_coefficient(self.count, self.n_a, self.n_b)


@dataclass(frozen=True)
class CooccurrenceTable:
    """How often codes apply together in one ``unit``; ``groups`` is ``(None,)`` overall, else the
    values of the attribute ``by`` (``(none)`` for documents without it)."""

    unit: str
    by: str | None
    codes: tuple[CodeInfo, ...]
    groups: tuple[str | None, ...]
    _n: Mapping[str | None, Mapping[CodeId, int]]
    _pairs: Mapping[str | None, Mapping[tuple[CodeId, CodeId], int]]

    def n(self, code: CodeId, group: str | None = None) -> int:
        """The units in which ``code`` applies."""
        return self._n.get(group, {}).get(code, 0)

    def count(self, a: CodeId, b: CodeId, group: str | None = None) -> int:
        """The units in which both apply (for ``a == b``: in which it applies)."""
        if a == b:
            return self.n(a, group)
        pairs = self._pairs.get(group, {})
        return pairs.get((a, b), 0) or pairs.get((b, a), 0)

    def c(self, a: CodeId, b: CodeId, group: str | None = None) -> float:
        return c_coefficient(self.count(a, b, group), self.n(a, group), self.n(b, group))

    def value(self, a: CodeId, b: CodeId, measure: str, group: str | None = None) -> float:
        return self.c(a, b, group) if measure == "c" else float(self.count(a, b, group))

    def maximum(self, measure: str, group: str | None = None) -> float:
        """The largest value off the diagonal (what the heat map scales to)."""
        return max(
            (self.value(a.id, b.id, measure, group) for a, b in combinations(self.codes, 2)), default=0.0
        )

    def rows(self) -> list[PairRow]:
        """Every pair of different codes (in the codes' order) in every group."""
        return [
            PairRow(a, b, group, self.count(a.id, b.id, group), self.n(a.id, group), self.n(b.id, group))
            for group in self.groups
            for a, b in combinations(self.codes, 2)
        ]
