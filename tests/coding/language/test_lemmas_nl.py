"""The Dutch supplement: rules only accept lemmas the table knows; stems join a word's forms."""

from __future__ import annotations

import pytest

from coding.language.lemmas_nl import DutchLemmaRules, dutch_forms, stem_nl

KNOWN = frozenset(
    {
        "vertrouwen",
        "werken",
        "maken",
        "stoppen",
        "zetten",
        "delen",
        "partij",
        "gemeente",
        "afspraak",
        "groot",
        "dik",
        "belangrijk",
        "helder",
        "huis",
        "leven",
        "reizen",
        "lassen",
        "bessen",
        "volgen",
    }
)


@pytest.fixture
def rules() -> DutchLemmaRules:
    return DutchLemmaRules(KNOWN)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("vertrouwde", "vertrouwen"),  # weak past, 't kofschip: w takes -de
        ("vertrouwden", "vertrouwen"),
        ("vertrouwd", "vertrouwen"),  # participle of a prefixed verb
        ("vertrouwt", "vertrouwen"),
        ("werkte", "werken"),  # k takes -te
        ("maakte", "maken"),  # long vowel written single in the infinitive
        ("stopte", "stoppen"),  # short vowel: consonant doubled
        ("gedeeld", "delen"),
        ("leefde", "leven"),
        ("reisde", "reizen"),
        ("volgende", "volgen"),
        ("partijen", "partij"),
        ("gemeenten", "gemeente"),
        ("afspraken", "afspraak"),
        ("grote", "groot"),  # open syllable: groot, not grot
        ("dikke", "dik"),
        ("belangrijke", "belangrijk"),
        ("heldere", "helder"),  # unstressed -er: no doubled vowel
        ("wethouders", "wethouder"),  # regular -s plural, accepted without the table
    ],
)
def test_regular_forms_get_their_lemma(rules: DutchLemmaRules, form: str, lemma: str) -> None:
    assert rules.lemma(form) == lemma


@pytest.mark.parametrize("form", ["gemeentehuis", "vijfde", "kast", "wandelgangen", "uwv"])
def test_forms_no_rule_explains_with_a_known_lemma_keep_no_lemma(rules: DutchLemmaRules, form: str) -> None:
    assert rules.lemma(form) is None


def test_tkofschip_keeps_wrong_endings_out(rules: DutchLemmaRules) -> None:
    # "beste" is not a past tense of "bessen": s takes -te, but "bes" + "te" … is accepted only
    # because "bessen" is known. A voiced stem never takes -te:
    assert rules.lemma("gemeenten") == "gemeente"  # not "gemeen" + "ten"
    assert DutchLemmaRules(frozenset({"lassen"})).lemma("laste") == "lassen"
    assert DutchLemmaRules(frozenset({"bouwen"})).lemma("bouwte") is None  # w takes -de, not -te


def test_a_form_that_is_itself_a_known_lemma_stays(rules: DutchLemmaRules) -> None:
    assert rules.lemma("werken") == "werken"


def test_stems_of_a_paradigm_meet() -> None:
    paradigms = [
        ["vertrouwen", "vertrouw", "vertrouwt", "vertrouwde", "vertrouwden", "vertrouwd", "vertrouwende"],
        ["werken", "werkt", "werkte", "werkten"],
        ["maken", "maakt", "maakte", "maakten"],
        ["leven", "leeft", "leefde"],
        ["stoppen", "stopt", "stopte"],
        ["afspraak", "afspraken"],
        ["partij", "partijen"],
        ["wethouder", "wethouders"],
        ["groot", "grote"],
        ["huis", "huizen"],
        ["gemeente", "gemeenten"],
        ["regio", "regio's"],
        ["Coördinatie", "coordinatie"],
    ]
    for forms in paradigms:
        assert len({stem_nl(form) for form in forms}) == 1, forms


def test_short_words_and_non_words_are_their_own_stem() -> None:
    assert stem_nl("eet") == "eet"
    assert stem_nl("R5") == "r5"


def test_lemma_forms_cover_the_weak_paradigm() -> None:
    assert {"vertrouw", "vertrouwt", "vertrouwde", "vertrouwden", "vertrouwd"} <= dutch_forms("vertrouwen")
    assert "gevertrouwd" not in dutch_forms("vertrouwen")  # ver- takes no ge-
    assert {"gewerkt", "werkte", "werkten"} <= dutch_forms("werken")
    assert {"maakte", "gemaakt"} <= dutch_forms("maken")
    assert {"leefde", "geleefd"} <= dutch_forms("leven")
    assert {"zette", "gezet"} <= dutch_forms("zetten")
    assert {"afspraken"} <= dutch_forms("afspraak")
    assert {"grote"} <= dutch_forms("groot")
    assert {"bommen"} <= dutch_forms("bom") and "bomen" not in dutch_forms("bom")
