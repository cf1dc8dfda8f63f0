"""``fold``: the case- and accent-insensitive key; its quick way for ASCII text folds alike."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.text import fold


def _reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def test_accents_case_and_spaces_fold_away() -> None:
    assert fold("  Coördinatie\tEN  Ééndracht ") == "coordinatie en eendracht"
    assert fold("STRAßE") == "strasse" and fold("ﬁets") == "fiets"


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("aBz \t\n09.-éÉöÖßﬁ\u0301\u00a0–İ")))
def test_fold_is_the_same_as_decomposing_every_character(text: str) -> None:
    assert fold(text) == _reference(text)
