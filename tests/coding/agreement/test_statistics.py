"""The agreement figures against reference implementations (krippendorff, statsmodels) and published examples."""

from __future__ import annotations

import math
import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

from coding.agreement.statistics import (
    NO_UNITS,
    NO_VARIATION,
    AgreementTable,
    Interval,
    alpha_nominal,
    bootstrap,
    brennan_prediger_kappa,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from coding.core.i18n import language, set_language

Pair = tuple[int | None, int | None]


@st.composite
def coded_units(draw: st.DrawFn) -> tuple[int, list[Pair]]:
    """k categories and 1–60 units, each coded by both coders, or now and then by one only."""
    k = draw(st.integers(2, 5))
    value = st.integers(0, k - 1)
    pair = st.one_of(
        st.tuples(value, value),
        st.tuples(value, st.none()),
        st.tuples(st.none(), value),
    )
    # Mostly both coders: one-sided units are the exception, as in a real comparison.
    both = draw(st.lists(st.tuples(value, value), min_size=1, max_size=50))
    some = draw(st.lists(pair, max_size=10))
    return k, both + some


def _table(k: int, pairs: list[Pair]) -> AgreementTable:
    return AgreementTable.from_pairs(pairs, list(range(k)))


def _paired(pairs: list[Pair]) -> list[tuple[int, int]]:
    return [(a, b) for a, b in pairs if a is not None and b is not None]


@settings(max_examples=150, deadline=None)
@given(coded_units())
def test_cohen_kappa_equals_statsmodels(data: tuple[int, list[Pair]]) -> None:
    k, pairs = data
    table = _table(k, pairs)
    ours = cohen_kappa(table)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = cohens_kappa(np.array(table.counts, dtype=float)).kappa
    if ours.value is None:
        assert ours.reason == NO_VARIATION
        assert math.isnan(theirs) or len({v for p in _paired(pairs) for v in p}) == 1
    else:
        assert ours.value == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(coded_units())
def test_brennan_prediger_equals_randolphs_free_marginal_kappa(data: tuple[int, list[Pair]]) -> None:
    k, pairs = data
    counts = np.zeros((len(_paired(pairs)), k))
    for row, (a, b) in enumerate(_paired(pairs)):
        counts[row, a] += 1
        counts[row, b] += 1
    theirs = fleiss_kappa(counts, method="randolph")
    ours = brennan_prediger_kappa(_table(k, pairs))
    assert ours.value == pytest.approx(theirs, abs=1e-9)
    assert percent_agreement(_table(k, pairs)).value == pytest.approx(
        sum(a == b for a, b in _paired(pairs)) / len(_paired(pairs)), abs=1e-12
    )


@settings(max_examples=150, deadline=None)
@given(coded_units())
def test_krippendorff_alpha_equals_the_krippendorff_package(data: tuple[int, list[Pair]]) -> None:
    k, pairs = data
    reliability = [[math.nan if p[c] is None else p[c] for p in pairs] for c in (0, 1)]
    ours = krippendorff_alpha(_table(k, pairs))
    general = alpha_nominal([[p[c] for p in pairs] for c in (0, 1)])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            theirs = krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        theirs = math.nan
    if ours.value is None:
        assert math.isnan(theirs) and general.value is None
    else:
        assert ours.value == pytest.approx(theirs, abs=1e-9)
        assert general.value == pytest.approx(theirs, abs=1e-9)


def test_krippendorffs_published_examples() -> None:
    """Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43): examples A
    (binary, two observers: α = 0.095), B (nominal, two observers: α = 0.692) and C (nominal,
    four observers, missing values: α = 0.743)."""
    a = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert round(alpha_nominal(a).value or 0, 3) == 0.095
    assert krippendorff_alpha(AgreementTable.from_pairs(zip(*a, strict=True), [0, 1])).value == pytest.approx(
        alpha_nominal(a).value
    )
    b = [list("aabbdcccedda"), list("babbbccceddd")]
    assert round(alpha_nominal(b).value or 0, 3) == 0.692
    _ = None
    c = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
        [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]
    assert round(alpha_nominal(c).value or 0, 3) == 0.743


def test_no_variation_is_not_a_number_but_a_reason() -> None:
    everything_absent = AgreementTable.binary(both=0, only_a=0, only_b=0, neither=40)
    assert cohen_kappa(everything_absent).value is None
    assert cohen_kappa(everything_absent).reason == NO_VARIATION
    assert krippendorff_alpha(everything_absent).text() == "n/a"
    assert percent_agreement(everything_absent).value == 1.0
    assert brennan_prediger_kappa(everything_absent).value == 1.0  # chance is 1/k, not the marginals


def test_one_category_and_units_only_one_coder_saw() -> None:
    one_category = AgreementTable.from_pairs([("x", "x"), ("x", "x")], ["x"])
    assert brennan_prediger_kappa(one_category).value is None
    assert cohen_kappa(one_category).value is None
    only_a = AgreementTable.from_pairs([("x", None), (None, "y")], ["x", "y"])
    assert only_a.units == 0 and only_a.one_sided == 2
    assert percent_agreement(only_a).reason == NO_UNITS
    assert krippendorff_alpha(only_a).reason == NO_UNITS


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    table = AgreementTable.binary(both=30, only_a=6, only_b=4, neither=60)
    kappa_ci, alpha_ci = bootstrap(table)
    assert bootstrap(table) == (kappa_ci, alpha_ci)
    kappa, alpha = cohen_kappa(table).value, krippendorff_alpha(table).value
    assert kappa_ci.low is not None and kappa_ci.high is not None and kappa is not None
    assert kappa_ci.low < kappa < kappa_ci.high
    assert alpha_ci.low is not None and alpha_ci.high is not None and alpha is not None
    assert alpha_ci.low < alpha < alpha_ci.high
    assert bootstrap(AgreementTable.binary(0, 0, 0, 10))[0].text() == "n/a"


def test_an_interval_reads_unambiguously_in_both_languages() -> None:
    """A negative end has a minus sign, not a hyphen that runs into the dash ('-0,500–-0,500' before), and
    the ends are kept apart by a semicolon, which a Dutch decimal comma cannot be mistaken for."""
    before = language()
    try:
        set_language("nl")
        assert Interval(-0.5, 0.125).text() == "[\N{MINUS SIGN}0,500; 0,125]"
        set_language("en")
        assert Interval(-0.5, -0.5).text() == "[\N{MINUS SIGN}0.500; \N{MINUS SIGN}0.500]"
        assert Interval(0.61234, 0.8).text(2) == "[0.61; 0.80]"
    finally:
        set_language(before)
