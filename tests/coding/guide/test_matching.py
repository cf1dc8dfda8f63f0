"""The guide matcher on small interviews: where a turn is in its interview counts (issue 20, issue 24)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.guide.matching import GuideMatcher, GuideQuestionText, MatchSettings, TurnText, joined_question

GUIDE = [
    GuideQuestionText("1a", "Zitten alle partijen aan tafel die nodig zijn?"),
    GuideQuestionText("2a", "Hoe belangrijk is regionale samenwerking voor uw organisatie?"),
    GuideQuestionText("3a", "Is het doel van de samenwerking helder?"),
    GuideQuestionText("4a", "Komen de partijen hun afspraken na?"),
    GuideQuestionText("5a", "Merkt u verschillen in cultuur tussen de partijen?"),
    GuideQuestionText("6a", "Wie coördineert de samenwerking?"),
    GuideQuestionText(
        "7a",
        "Sluit het werkbedrijf aan op eerdere netwerken, platforms en overleggen in de regio, en bouwt het voort op "
        "wat er al was?",
    ),
]

#: An interview in the guide's order whose opening turn shares words with the last question (7a).
TURNS = [
    "Kunt u eerst vertellen hoe u in de regio betrokken bent geraakt?",  # 0.32 with 7a, 0 with the others
    "Zitten de goede partijen aan tafel?",
    "Hoe belangrijk is die regionale samenwerking voor u?",
    "Is het doel helder?",
    "Komen ze hun afspraken na?",
    "Ziet u cultuurverschillen?",
    "Wie coördineert het?",
    "En sluit het aan op de netwerken van eerder?",
]


def _matched(settings: MatchSettings) -> list[tuple[str, ...]]:
    turns = []
    start = 0
    for text in TURNS:
        turns.append(TurnText(start, start + len(text), text))
        start += len(text) + 1
    return [tuple(ref for ref, _ in found.refs) for found in GuideMatcher(GUIDE, settings).match(turns)]


def test_an_opening_turn_is_not_matched_to_a_question_from_the_end_of_the_guide() -> None:
    found = _matched(MatchSettings())
    assert found[0] == ()
    assert found[-1] == ("7a",)
    assert found[1:7] == [("1a",), ("2a",), ("3a",), ("4a",), ("5a",), ("6a",)]


def test_without_the_place_in_the_interview_the_opening_turn_takes_the_last_question() -> None:
    found = _matched(replace(MatchSettings(), position_weight=0.0))
    assert found[0] == ("7a",)


def test_a_question_asked_out_of_place_is_still_found_when_the_turn_says_it_clearly() -> None:
    settings = MatchSettings()
    turns = [TurnText(0, 60, "Sluit het werkbedrijf aan op de netwerken en overleggen van eerder?")]
    turns += [TurnText(100 + n, 101 + n, "Ja.") for n in range(6)]
    found = GuideMatcher(GUIDE, settings).match(turns)
    assert [ref for ref, _ in found[0].refs] == ["7a"]


class _EveryOverlap(GuideMatcher):
    """The matcher scoring every question a turn shares a word with, as it did before it left out those that
    cannot reach the lower threshold."""

    def _contenders(self, text: str) -> list[tuple[int, float]]:
        return [(index, score) for index, score in self._overlap(text).items() if score > 0.0]


_WORDS = sorted({word.strip("?,").lower() for q in GUIDE for word in q.question.split()} | {"ja", "nee", "?"})


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join), min_size=1, max_size=25
    ),
    bonus=st.floats(-0.1, 0.2),
    penalty=st.floats(-0.1, 0.3),
    weight=st.floats(-0.5, 1.0),
    slack=st.floats(0.0, 0.5),
    data=st.data(),
)
def test_questions_that_cannot_reach_the_threshold_are_left_out_with_the_same_matches(
    texts: list[str], bonus: float, penalty: float, weight: float, slack: float, data: st.DataObject
) -> None:
    # thresholds at a turn's similarity plus the bonus, or near it: where leaving a question out matters
    plain = GuideMatcher(GUIDE)
    edges = sorted({score + bonus for text in texts for score in plain.overlaps(text).values()}) or [0.2]
    threshold, merged = (
        data.draw(st.sampled_from(edges)) + data.draw(st.sampled_from([0.0, 0.0, 1e-9, -1e-9, 0.01, -0.01]))
        for _ in range(2)
    )
    chosen = MatchSettings(
        threshold=threshold,
        merged_threshold=merged,
        order_bonus=bonus,
        asked_penalty=penalty,
        position_weight=weight,
        position_slack=slack,
    )
    turns = [TurnText(10 * n, 10 * n + len(text), text) for n, text in enumerate(texts)]
    assert GuideMatcher(GUIDE, chosen).match(turns) == _EveryOverlap(GUIDE, chosen).match(turns)


#: Three neighbouring questions, two of which ask "tevreden" (8b and 9b).
RESULTS_GUIDE = [
    GuideQuestionText("8a", "Zijn er vaak meningsverschillen of conflicten, en worden die snel opgelost?"),
    GuideQuestionText("8b", "Bent u tevreden over hoe vaak er contact is?"),
    GuideQuestionText(
        "9a", "Welke activiteiten en afspraken van de afgelopen twee jaar vindt u het belangrijkst?"
    ),
    GuideQuestionText(
        "9b", "Bent u tevreden over wat er tot stand is gekomen? Verdienen thema's meer aandacht?"
    ),
    GuideQuestionText("10a", "Is er voldoende aandacht voor meerjarige afspraken en plannen?"),
]


def _refs(settings: MatchSettings, *texts: str) -> list[tuple[str, ...]]:
    turns = [TurnText(100 * n, 100 * n + len(text), text) for n, text in enumerate(texts)]
    return [
        tuple(ref for ref, _ in found.refs) for found in GuideMatcher(RESULTS_GUIDE, settings).match(turns)
    ]


MERGED = "Welke activiteiten van de afgelopen twee jaar vindt u het belangrijkst, en bent u tevreden?"


def test_a_second_question_joined_with_en_asks_the_next_question_of_the_guide() -> None:
    # the whole turn resembles 9b too little to be taken as a merged question; its clause "bent u tevreden?"
    # resembles 8b as much as 9b, and the guide's order says which: the one after 9a
    matcher = GuideMatcher(RESULTS_GUIDE)
    scores = dict(zip(matcher.refs, matcher.similarity(MERGED), strict=True))
    assert scores["9b"] < MatchSettings().merged_threshold
    assert _refs(MatchSettings(), MERGED) == [("9a", "9b")]
    assert _refs(replace(MatchSettings(), next_clause_threshold=0.0), MERGED) == [("9a",)]


def test_a_joined_clause_that_does_not_resemble_the_next_question_adds_nothing() -> None:
    assert _refs(MatchSettings(), "Welke activiteiten vindt u het belangrijkst, en waarom?") == [("9a",)]
    # nor does a next question asked already
    asked_first = _refs(MatchSettings(), "Bent u tevreden over wat er tot stand is gekomen?", MERGED)
    assert asked_first == [("9b",), ("9a",)]


def test_joined_question_is_the_last_clause_of_the_last_question() -> None:
    assert joined_question(MERGED) == "bent u tevreden?"
    assert joined_question("Dank u, en tot ziens.") is None
    assert joined_question("Welke activiteiten vindt u het belangrijkst?") is None
    assert joined_question("Wij praten, en u luistert. Wat vindt u?") is None
    assert joined_question("Goed. Zijn er conflicten, en hoe lost u die op? Ja.") == "hoe lost u die op?"
