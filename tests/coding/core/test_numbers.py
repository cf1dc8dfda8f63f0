"""Numbers in text in the output's language (issue 17 item 4): a decimal comma and a grouping point in
Dutch, the same digits as English; a template's number fields follow it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coding.core import i18n
from coding.core.numbers import count, number, percent

SPECS = st.sampled_from(["", ".2f", ".1f", ".0f", ".0%", ".1%", ",", ",.2f", ".6f", "d"])
FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


def _back(dutch: str) -> str:
    return dutch.translate(str.maketrans({",": ".", ".": ","}))


@given(value=st.one_of(st.integers(-(10**12), 10**12), FINITE), spec=SPECS)
def test_dutch_has_the_same_digits_with_the_marks_swapped(value: float, spec: str) -> None:
    if spec == "d" and isinstance(value, float):
        spec = ".3f"
    english = number(value, spec, lang="en")
    assert english == format(value, spec)
    dutch = number(value, spec, lang="nl")
    assert _back(dutch) == english
    assert [c for c in dutch if c.isdigit()] == [c for c in english if c.isdigit()]


@given(value=FINITE.filter(lambda v: not v.is_integer()))
def test_a_dutch_fraction_reads_back_as_the_same_number(value: float) -> None:
    dutch = number(value, ".4f", lang="nl")
    assert "." not in dutch  # no grouping asked, so no point at all
    whole, _, decimals = dutch.partition(",")
    read = float(whole.replace(".", "") + "." + decimals)
    assert math.isclose(read, round(value, 4), abs_tol=1e-4)


@given(value=st.integers(0, 10**9))
def test_a_count_groups_thousands(value: int) -> None:
    dutch = count(value, lang="nl")
    assert dutch.replace(".", "") == str(value)
    groups = dutch.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


def test_the_examples_a_researcher_reads() -> None:
    assert number(0.834, ".2f", lang="nl") == "0,83"
    assert percent(0.835, 1, lang="nl") == "83,5%"
    assert percent(0.835, 1, lang="en") == "83.5%"
    assert count(1840, lang="nl") == "1.840" and count(1840, lang="en") == "1,840"
    assert number(True, lang="nl") == "True"  # not a number to us, left as it is


@pytest.fixture
def dutch() -> None:
    i18n.set_language("nl")


def test_a_templates_number_fields_follow_the_language(dutch: None) -> None:
    said = i18n.text("matched with confidence {confidence:.2f}", confidence=0.834)
    assert said == "gevonden met zekerheid 0,83"
    assert i18n.text("{count} quote(s)", count=1840) == "1840 citaat/citaten"  # a plain count as it is
    assert i18n.text("Exported {path}", path="v1.2/out.xlsx") == "Geëxporteerd: v1.2/out.xlsx"  # text stays
    i18n.set_language("en")
    assert (
        i18n.text("matched with confidence {confidence:.2f}", confidence=0.834)
        == "matched with confidence 0.83"
    )


@given(value=FINITE)
def test_any_float_field_of_a_dutch_template_has_a_decimal_comma(value: float) -> None:
    i18n.set_language("nl")
    try:
        said = i18n.text("matched with confidence {confidence:.2f}", confidence=value)
    finally:
        i18n.set_language("en")
    assert said == "gevonden met zekerheid " + _back(format(value, ".2f"))
