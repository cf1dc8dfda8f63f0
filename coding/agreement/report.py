"""The agreement report as frozen records: one row per code and one for the whole codebook, the
disagreements, and the method in words (ready to quote in a methods chapter)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coding.agreement.statistics import Figure, Interval
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId

ALL_CODES = "*"


@dataclass(frozen=True)
class AgreementRow:
    """The figures of one code (or ``code == "*"``: every code's decisions pooled)."""

    code: str  # the code's path, as `codewerk codes` prints it, or "*"
    code_id: CodeId | None
    units: int
    both: int
    only_a: int
    only_b: int
    neither: int
    agreement: Figure
    kappa: Figure
    bp_kappa: Figure
    alpha: Figure
    kappa_ci: Interval
    alpha_ci: Interval

    @property
    def why(self) -> str:
        """Why its undefined figures are n/a, in the user's language ("" when every one is defined)."""
        figures = (self.kappa, self.bp_kappa, self.alpha)
        return "; ".join(sorted({say(f.reason) for f in figures if f.value is None}))

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "units": self.units,
            "agreement": self.agreement.value,
            "kappa": self.kappa.value,
            "bp_kappa": self.bp_kappa.value,
            "alpha": self.alpha.value,
            "kappa_ci": [self.kappa_ci.low, self.kappa_ci.high],
            "alpha_ci": [self.alpha_ci.low, self.alpha_ci.high],
            "both": self.both,
            "only_a": self.only_a,
            "only_b": self.only_b,
            "neither": self.neither,
            "undefined": {
                name: figure.reason
                for name, figure in (
                    ("kappa", self.kappa),
                    ("bp_kappa", self.bp_kappa),
                    ("alpha", self.alpha),
                )
                if figure.value is None
            },
        }


@dataclass(frozen=True)
class Disagreement:
    """A unit the coders coded differently: A's and B's codes (paths) and the unit's text."""

    document_id: DocumentId
    document: str
    start: int
    end: int
    codes_a: tuple[str, ...]
    codes_b: tuple[str, ...]
    code_ids_a: tuple[CodeId, ...]
    code_ids_b: tuple[CodeId, ...]
    text: str


@dataclass(frozen=True)
class AgreementReport:
    coder_a: str
    coder_b: str
    unit: str
    overlap: float
    documents: tuple[str, ...]
    rows: tuple[AgreementRow, ...]  # one per code, then the "*" row
    disagreements: tuple[Disagreement, ...]
    method: str  # the unit and rules in words

    @property
    def overall(self) -> AgreementRow:
        return self.rows[-1]
