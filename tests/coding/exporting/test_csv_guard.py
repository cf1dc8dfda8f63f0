"""Which CSV cells a spreadsheet would read as a formula (issue 14 item 9, issue 18 item 8)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.errors import InvalidInputError
from coding.exporting.csv_guard import check_guard, guarded, would_evaluate

FORMULAS = [
    '=HYPERLINK("http://example.org","klik hier")',
    "=1+1",
    "-2+3",
    "+A1*2",
    "@SUM(A1:A9)",
    "-cmd|' /C calc'!A0",  # dynamic data exchange, the classic injection
    "+cmd|'/C notepad'!'A1'",
    "-IF(A1,,1)",
    "-SUM(1;2)",
    "-'Blad 1'!A1",
    '+"tekst"&"meer"',
    "- ja dat klopt",  # Excel: =- ja dat klopt → #NAME?, the quote lost
    "@iedereen moet meedoen",
    "-ja, dat klopt",  # a union of two names
    "\t=1+1",
    "\r\n-2+3",
]

TEXT = [
    "-/-",
    "+/+",
    "+/-",
    "-/- zou ik zeggen over de cijfers die we kregen.",
    "+31",
    "+31 6 12345678",
    "+31 6 1234 5678 is het nummer van het loket, dat werkt prima.",
    "-5",
    "-2,5",
    "- 50% van de mensen",
    "-ja?",
    "- zo'n ding",
    "=",
    "-",
    "--",
    "+ ",
    " =1+1",  # a leading space: Excel keeps it text
    "I: -/- of +/-?",
    "Vertrouwen",
    "",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_what_a_spreadsheet_evaluates_is_guarded(value: str) -> None:
    assert would_evaluate(value)
    assert guarded(value) == "'" + value
    assert guarded(value, "none") == value


@pytest.mark.parametrize("value", TEXT)
def test_what_no_spreadsheet_evaluates_is_left_as_it_is(value: str) -> None:
    assert not would_evaluate(value)
    assert guarded(value) == value


def test_numbers_and_other_values_pass_unchanged_and_guards_are_checked() -> None:
    assert guarded(-5) == -5 and guarded(None) is None
    assert check_guard(None) == "apostrophe" and check_guard("none") == "none"
    with pytest.raises(
        InvalidInputError, match=r"^the CSV guard must be one of apostrophe, none \(not 'x'\)$"
    ):
        check_guard("x")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@/ ,;()'\"|!:$%&*^<>{}aZé1.\t\n#"), max_size=24))
def test_any_text_is_either_kept_or_guarded_and_every_equals_start_is_guarded(value: str) -> None:
    out = guarded(value)
    assert out in (value, "'" + value)
    if len(value) > 1 and value[0] == "=":
        assert out == "'" + value
    if not value[:1] or value.lstrip("\t\r\n")[:1] not in ("=", "+", "-", "@"):
        assert out == value
