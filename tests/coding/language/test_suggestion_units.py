"""What a suggestion is offered as (issue 20 item 2): the answer a researcher codes, for the code it resembles
most of all codes, never a back-channel; a lone search term stops counting once the code has passages to compare."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from coding import Project
from coding.language.suggestions import resemblance
from coding.language.suggestions.candidates import Candidate

TRUST = "In het begin vertrouwden de gemeenten elkaar niet, ze wantrouwden elkaars bedoelingen."
MEETINGS = "Marieke belt mij elke week, en de wethouder van Arnhem belt ons elke maand."


def _two_codes(indexed: Project) -> None:
    indexed.codes.create("Wantrouwen", parent=None)
    indexed.codes.create("Overleg", parent=None)
    indexed.code("R5_uwv_zwolle", "Wantrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
    indexed.code(
        "R9_wethouder_arnhem", "Overleg", text="Marieke Jansen van de gemeente Arnhem belt mij elke week."
    )


def test_an_answer_is_offered_for_the_code_it_resembles_most_of_all(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    import_ede("Hoe was het begin?", TRUST)
    trust = indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
    assert [s.text for s in trust if s.document == "R12_uwv_ede"] == [TRUST]
    # the answer shares "gemeenten" with what is coded Overleg too, but resembles Wantrouwen more
    meetings = indexed.assist.suggestions.refresh("Overleg", sources=["similar"])
    assert "R12_uwv_ede" not in [s.document for s in meetings]


def test_the_other_code_gets_the_answer_that_resembles_it_most(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    import_ede("Hoe vaak spreekt u elkaar?", MEETINGS)
    meetings = indexed.assist.suggestions.refresh("Overleg", sources=["similar"])
    assert [s.text for s in meetings if s.document == "R12_uwv_ede"] == [MEETINGS]
    assert "R12_uwv_ede" not in [
        s.document for s in indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
    ]


def test_a_back_channel_is_never_a_suggestion(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    import_ede("Vertrouwden de gemeenten elkaar?", "Ja, de gemeenten niet.")
    found = indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
    assert "R12_uwv_ede" not in [s.document for s in found]


def test_a_search_term_alone_stops_counting_once_the_code_has_passages_to_compare(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    indexed.codes.create("Afspraken", parent=None)
    indexed.codes.update("Afspraken", search_terms=["afspraken"])
    import_ede(
        "Hoe gaat het met de planning?", "De afspraken over de kantine lopen prima, de koffie is goed."
    )

    def offered() -> bool:
        found = indexed.assist.suggestions.refresh("Afspraken", sources=["terms", "similar"])
        return any(s.document == "R12_uwv_ede" for s in found)

    assert offered()  # nothing coded yet: the term is all there is to go by
    for text in (
        "Ik vertrouwde de gemeenten eerst niet.",
        "Nu vertrouwt iedereen elkaar, en we hebben Jan de Vries altijd vertrouwd.",
        "De cijfers gaan gewoon op tafel.",
    ):
        document = "R9_wethouder_arnhem" if text.startswith("De cijfers") else "R5_uwv_zwolle"
        indexed.code(document, "Afspraken", text=text)
    assert not offered()  # three passages about something else: the word alone is no evidence


def test_a_sentence_about_another_code_within_an_answer_is_offered_for_that_code(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    import_ede("Hoe vaak spreekt u elkaar?", f"{MEETINGS} De wethouder belt mij ook elke week. {TRUST}")
    meetings = indexed.assist.suggestions.refresh("Overleg", sources=["similar"])
    answer = [s for s in meetings if s.document == "R12_uwv_ede"]
    assert len(answer) == 1 and answer[0].text.startswith(MEETINGS)  # the whole answer, for what it is about
    trust = [
        s
        for s in indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
        if s.document == "R12_uwv_ede"
    ]
    assert [s.text for s in trust] == [TRUST]  # the sentence the respondent wandered off in, not the answer
    assert trust[0].reason.startswith(
        "Within the answer, this sentence resembles the 1 passage coded Wantrouwen"
    )


def test_no_sentence_is_offered_for_the_code_its_whole_answer_goes_to(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    import_ede("Hoe vaak spreekt u elkaar?", f"{MEETINGS} De wethouder belt mij ook elke week.")
    meetings = [
        s
        for s in indexed.assist.suggestions.refresh("Overleg", sources=["similar"])
        if s.document == "R12_uwv_ede"
    ]
    assert [s.text.startswith(MEETINGS) for s in meetings] == [True]


def test_an_answer_about_two_codes_alike_is_offered_for_both(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    _two_codes(indexed)
    both = "Marieke belt mij, en de gemeenten vertrouwden elkaar eerst niet."
    import_ede("Hoe vaak spreekt u elkaar?", both)

    def offered(code: str) -> list[str]:
        found = indexed.assist.suggestions.refresh(code, sources=["similar"])
        return [s.reason for s in found if s.document == "R12_uwv_ede" and s.text == both]

    assert [r.split(" (")[0] for r in offered("Wantrouwen")] == [
        "Of all codes, this answer resembles the 1 passage coded Wantrouwen most"
    ]
    assert [r.split(" (")[0] for r in offered("Overleg")] == [
        "This answer resembles the 1 passage coded Overleg almost as much as those coded Wantrouwen"
    ]


def test_the_reason_of_a_sentence_within_an_answer_is_in_the_chosen_language(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    from coding.core import i18n

    _two_codes(indexed)
    import_ede("Hoe vaak spreekt u elkaar?", f"{MEETINGS} De wethouder belt mij ook elke week. {TRUST}")
    i18n.set_language("nl")
    try:
        trust = [
            s
            for s in indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
            if s.document == "R12_uwv_ede"
        ]
    finally:
        i18n.set_language("en")
    assert [s.text for s in trust] == [TRUST]
    assert trust[0].reason.startswith(
        "Binnen het antwoord lijkt deze zin van alle codes het meest op het 1 fragment dat met Wantrouwen "
        "gecodeerd is (gedeelde woorden: "
    )


def test_the_sentences_of_an_answer_are_offered_when_the_answer_itself_is_dropped(
    indexed: Project, import_ede: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the answer goes to Overleg as a whole, so its sentence about Overleg is held back (not offered twice); when a
    # check of the whole answer drops it (here: every whole-answer suggestion), the sentence is offered after all
    _two_codes(indexed)
    import_ede("Hoe vaak spreekt u elkaar?", f"{MEETINGS} Het is een mooie dag vandaag.")
    checked = resemblance.corroborated

    def no_whole_answers(candidates: Sequence[Candidate], *args: object) -> list[Candidate]:
        kept = checked(candidates, *args)  # type: ignore[arg-type]
        return [c for c in kept if c.length <= len(MEETINGS)]  # the whole answer is longer than its sentence

    def offered() -> list[tuple[str, str]]:
        found = indexed.assist.suggestions.refresh("Overleg", sources=["similar"])
        return [(s.text, s.reason.split(" (")[0]) for s in found if s.document == "R12_uwv_ede"]

    assert [text for text, _ in offered()] == [f"{MEETINGS} Het is een mooie dag vandaag."]
    monkeypatch.setattr(resemblance, "corroborated", no_whole_answers)
    assert offered() == [
        (MEETINGS, "Within the answer, this sentence resembles the 1 passage coded Overleg most of all codes")
    ]
