"""The code × case matrix: codes × documents or attribute values, as counts or presence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from coding.core.ids import CodeId
from coding.core.records import CodeInfo

MatrixMeasure = Literal["count", "presence"]
MATRIX_MEASURES: tuple[MatrixMeasure, ...] = ("count", "presence")


@dataclass(frozen=True)
class CodeMatrix:
    """``count(code, column)``: the coded passages of the code (and, as chosen, its subcodes) in
    the documents of the column; ``columns_by`` is ``document`` or an attribute."""

    columns_by: str
    codes: tuple[CodeInfo, ...]
    columns: tuple[str, ...]
    _counts: Mapping[tuple[CodeId, str], int]

    def count(self, code: CodeId, column: str) -> int:
        return self._counts.get((code, column), 0)

    def value(self, code: CodeId, column: str, measure: str) -> int:
        count = self.count(code, column)
        return min(count, 1) if measure == "presence" else count

    def maximum(self, measure: str) -> int:
        return max(
            (self.value(code.id, column, measure) for code in self.codes for column in self.columns),
            default=0,
        )

    def total(self, code: CodeId) -> int:
        return sum(self.count(code, column) for column in self.columns)
