"""The judgements as numbers for the spider and bar charts: -/- 1 … +/+ 5, concepts only, gaps kept."""

from __future__ import annotations

import pytest

from coding import Project
from coding.judgements.comparison import score_number
from tests.regions import HOSTILE, LONG_A, LONG_B, Regions, build_regions

FIVE = ("-/-", "-", "+/-", "+", "+/+")


@pytest.fixture
def regions(project: Project) -> Regions:
    return build_regions(project)


def test_a_five_point_scale_maps_onto_one_to_five() -> None:
    assert [score_number(score, FIVE) for score in FIVE] == [1, 2, 3, 4, 5]
    assert [score_number(score, ("laag", "midden", "hoog")) for score in ("laag", "midden", "hoog")] == [
        1,
        3,
        5,
    ]
    assert score_number("", FIVE) is None
    assert score_number("veel", FIVE) is None  # not on the scale
    assert score_number("veel", None) is None  # an open code
    assert score_number("ja", ("ja",)) is None


def test_judged_concepts_per_judged_group(regions: Regions) -> None:
    series = regions.project.comparison.scores("region")
    assert [c.name for c in series.concepts] == ["Vertrouwen", "Urgentiebesef"]  # codebook order
    assert series.values == (LONG_B, HOSTILE, "Zwolle")  # (none) never, unjudged groups apart
    assert series.unjudged == (LONG_A,)
    assert series.of("Zwolle") == (4, 5)
    assert series.of(HOSTILE) == (1, None)  # no judgement of Urgentiebesef: a gap, not a zero
    assert series.of(LONG_B) == (3, None)
    assert series.labels == FIVE
    assert not series.empty


def test_only_concepts_count_and_filters_apply(regions: Regions) -> None:
    project = regions.project
    project.assess("Zwolle", "4a", "-/-", note="een indicator, geen concept")
    open_code = project.codes.create("Waarden die botsen")  # an open code: free text, no number
    project.assess("Zwolle", open_code.id, "geld tegenover zorg")
    series = project.comparison.scores("region")
    assert [c.name for c in series.concepts] == ["Vertrouwen", "Urgentiebesef"]
    only = project.comparison.scores("region", codes=["Urgentiebesef"], groups=["Zwolle", HOSTILE])
    assert [c.name for c in only.concepts] == ["Urgentiebesef"]
    assert only.values == ("Zwolle",) and only.unjudged == (HOSTILE,)
    assert only.scores == ((5,),)


def test_nothing_judged_is_empty(project: Project) -> None:
    series = project.comparison.scores("region")
    assert series.empty and series.concepts == () and series.values == ()
