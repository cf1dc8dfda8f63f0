"""Agreement statistics for two coders: percent agreement, Cohen's κ, Brennan–Prediger κ, Krippendorff's α.

Qt-free and independent of the project: the figures are computed from an :class:`AgreementTable`,
the k×k table of how often coder A gave category ``i`` and coder B category ``j`` to the same unit.
Units only one coder saw do not enter a two-coder table (they cannot be compared); they are
counted beside it (``one_sided``) so that a report can say how many were left out.

Definitions (two coders, N paired units, table ``t``, row sums ``r``, column sums ``c``):

* percent agreement ``p_o = Σ t[i][i] / N``;
* Cohen's κ ``(p_o − p_e) / (1 − p_e)`` with ``p_e = Σ r_i c_i / N²`` (Cohen 1960);
* Brennan–Prediger κ ``(p_o − 1/k) / (1 − 1/k)``, chance fixed at one in ``k`` categories (Brennan &
  Prediger 1981; MAXQDA's "kappa (Brennan & Prediger)", Randolph's free-marginal κ);
* Krippendorff's α (nominal) ``1 − (n − 1) Σ_{i≠j} o_ij / Σ_{i≠j} n_i n_j`` over the coincidence
  matrix ``o = t + tᵀ`` with ``n_i`` its marginals and ``n = 2N`` (Krippendorff 2011, "Computing
  Krippendorff's Alpha-Reliability"). :func:`alpha_nominal` computes the same for any number of
  coders and missing values from raw reliability data.

A figure that is undefined (no variation: every unit in one category) is a :class:`Figure` with
``value None`` and the reason in words, never 0 or 1.

Confidence intervals: units are resampled with replacement (a multinomial draw over the table's
cells, which is the same as resampling units), with a fixed seed so that a report reads the same
every time; the interval is the 2.5th and 97.5th percentile of the draws where the figure is defined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.numbers import number

BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 20_151_105  # fixed: the same project gives the same interval every time

# Kept in English in the figures (JSON's "undefined"); said in the user's language where shown.
NO_UNITS = marked("no unit was seen by both coders")
NO_VARIATION = marked("no variation: both coders put every unit in the same category")
ONE_CATEGORY = marked("only one category occurs, so chance agreement is complete")


@dataclass(frozen=True)
class Figure:
    """A statistic, or ``None`` with the reason it is undefined."""

    value: float | None
    reason: str = ""

    @property
    def defined(self) -> bool:
        return self.value is not None

    def text(self, digits: int = 3) -> str:
        """The figure as a person reads it (``0,712`` in Dutch; ``n/a`` when undefined)."""
        return say("n/a") if self.value is None else number(self.value, f".{digits}f")


@dataclass(frozen=True)
class Interval:
    """A bootstrap confidence interval (``None`` ends when too few draws were defined)."""

    low: float | None
    high: float | None
    level: float = 0.95

    def text(self, digits: int = 3) -> str:
        """``[0,612; 0,801]`` in Dutch, ``[−0.500; 0.120]`` in English: brackets and a semicolon, so that
        neither a decimal comma nor a negative end (a real minus sign, not a hyphen) reads as a separator."""
        if self.low is None or self.high is None:
            return say("n/a")
        low, high = (
            number(end, f".{digits}f").replace("-", "\N{MINUS SIGN}") for end in (self.low, self.high)
        )
        return f"[{low}; {high}]"


@dataclass(frozen=True)
class AgreementTable:
    """Counts of paired units: ``counts[i][j]`` units A put in category ``i`` and B in ``j``.

    ``categories`` is the number of categories a unit could be put in (k of Brennan–Prediger);
    it is at least the table's size. ``one_sided`` counts units only one coder saw.
    """

    counts: tuple[tuple[int, ...], ...]
    categories: int
    one_sided: int = 0

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[Hashable | None, Hashable | None]], categories: Sequence[Hashable]
    ) -> AgreementTable:
        """Build the table from (A's value, B's value) per unit; ``None`` is "did not see it"."""
        index = {category: i for i, category in enumerate(categories)}
        size = len(categories)
        cells = [[0] * size for _ in range(size)]
        one_sided = 0
        for a, b in pairs:
            if a is None or b is None:
                one_sided += a is not None or b is not None
                continue
            cells[index[a]][index[b]] += 1
        return cls(tuple(tuple(row) for row in cells), size, one_sided)

    @classmethod
    def binary(cls, both: int, only_a: int, only_b: int, neither: int, one_sided: int = 0) -> AgreementTable:
        """A code present/absent: rows and columns are (present, absent)."""
        return cls(((both, only_a), (only_b, neither)), 2, one_sided)

    @property
    def units(self) -> int:
        return sum(sum(row) for row in self.counts)

    def array(self) -> np.ndarray:
        return np.array(self.counts, dtype=float).reshape(len(self.counts), len(self.counts))

    def __add__(self, other: AgreementTable) -> AgreementTable:
        if len(self.counts) != len(other.counts):
            raise ValueError("only tables of the same categories add up")
        counts = tuple(
            tuple(a + b for a, b in zip(ra, rb, strict=True))
            for ra, rb in zip(self.counts, other.counts, strict=True)
        )
        return AgreementTable(
            counts, max(self.categories, other.categories), self.one_sided + other.one_sided
        )


# -- the figures, for one table or for a stack of tables (bootstrap draws) -------------------------


def _agreement(tables: np.ndarray) -> np.ndarray:
    n = tables.sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.trace(tables, axis1=-2, axis2=-1) / n


def _cohen(tables: np.ndarray) -> np.ndarray:
    n = tables.sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        p_o = np.trace(tables, axis1=-2, axis2=-1) / n
        p_e = (tables.sum(axis=-1) * tables.sum(axis=-2)).sum(axis=-1) / (n * n)
        kappa = (p_o - p_e) / (1.0 - p_e)
    # p_e == 1 (one category used by both): undefined. Rounding can leave it a hair below 1.
    return np.where(np.isclose(p_e, 1.0, rtol=0.0, atol=1e-12) | (n == 0), np.nan, kappa)


def _brennan_prediger(tables: np.ndarray, categories: int) -> np.ndarray:
    chance = 1.0 / categories
    return (_agreement(tables) - chance) / (1.0 - chance)


def _alpha(tables: np.ndarray) -> np.ndarray:
    coincidences = tables + np.swapaxes(tables, -1, -2)
    marginals = coincidences.sum(axis=-1)
    n = marginals.sum(axis=-1)
    off_diagonal = coincidences.sum(axis=(-2, -1)) - np.trace(coincidences, axis1=-2, axis2=-1)
    expected = n * n - (marginals * marginals).sum(axis=-1)  # Σ_{i≠j} n_i n_j
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1.0 - (n - 1.0) * off_diagonal / expected
    return np.where(expected <= 0, np.nan, alpha)


def _figure(value: float, reason: str) -> Figure:
    return Figure(None, reason) if np.isnan(value) else Figure(float(value))


def percent_agreement(table: AgreementTable) -> Figure:
    if table.units == 0:
        return Figure(None, NO_UNITS)
    return Figure(float(_agreement(table.array())))


def cohen_kappa(table: AgreementTable) -> Figure:
    if table.units == 0:
        return Figure(None, NO_UNITS)
    return _figure(float(_cohen(table.array())), NO_VARIATION)


def brennan_prediger_kappa(table: AgreementTable) -> Figure:
    if table.units == 0:
        return Figure(None, NO_UNITS)
    if table.categories < 2:
        return Figure(None, ONE_CATEGORY)
    return Figure(float(_brennan_prediger(table.array(), table.categories)))


def krippendorff_alpha(table: AgreementTable) -> Figure:
    if table.units == 0:
        return Figure(None, NO_UNITS)
    return _figure(float(_alpha(table.array())), NO_VARIATION)


def alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> Figure:
    """Krippendorff's nominal α from reliability data: one row per coder, one column per unit.

    ``None`` is a missing value; any number of coders. Units with fewer than two values are not
    pairable and are left out, as Krippendorff prescribes.
    """
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    columns = len(data[0]) if data else 0
    for u in range(columns):
        values = [row[u] for row in data if row[u] is not None]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += 1.0 / (m - 1)  # type: ignore[assignment]
    if not coincidences:
        return Figure(None, NO_UNITS)
    marginals: Counter[Hashable] = Counter()
    for (a, _b), weight in coincidences.items():
        marginals[a] += weight
    n = sum(marginals.values())
    observed = sum(w for (a, b), w in coincidences.items() if a != b)
    expected = n * n - sum(v * v for v in marginals.values())
    if expected <= 0:
        return Figure(None, NO_VARIATION)
    return Figure(1.0 - (n - 1) * observed / expected)


def bootstrap(
    table: AgreementTable, *, draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED
) -> tuple[Interval, Interval]:
    """95% intervals for Cohen's κ and Krippendorff's α by resampling the units (seeded)."""
    n = table.units
    if n == 0:
        return Interval(None, None), Interval(None, None)
    cells = table.array()
    size = cells.shape[0]
    rng = np.random.default_rng(seed)
    samples = rng.multinomial(n, cells.ravel() / n, size=draws).reshape(draws, size, size).astype(float)
    return _interval(_cohen(samples)), _interval(_alpha(samples))


def _interval(values: np.ndarray) -> Interval:
    defined = values[~np.isnan(values)]
    if len(defined) < 0.5 * len(values):
        return Interval(None, None)
    low, high = np.percentile(defined, [2.5, 97.5])
    return Interval(float(low), float(high))
