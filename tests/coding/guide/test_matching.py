"""The guide matcher on small interviews: where a turn is in its interview counts (issue 20, issue 24)."""

from __future__ import annotations

from dataclasses import replace

from coding.guide.matching import GuideMatcher, GuideQuestionText, MatchSettings, TurnText

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
