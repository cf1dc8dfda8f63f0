"""A concept named in an answer (issue 20): offered for the concept itself, outside the answers to its own guide
questions, and kept once the concept has passages coded (unlike a search term's sentence)."""

from __future__ import annotations

from collections.abc import Callable

from coding import Project

CLOSING = "Tot slot: wat is volgens u de belangrijkste factor geweest?"
NAMED = "Vertrouwen, echt. Zonder vertrouwen tussen de gemeenten komt er niets van de grond."
#: The guide question of 4a (an indicator of Vertrouwen), as the interviewer reads it.
QUESTION_4A = "Vertrouwt u erop dat de andere partijen zich volledig inzetten voor wat is afgesproken?"


def _named_for_trust(indexed: Project) -> list[str]:
    found = indexed.assist.suggestions.candidates("Vertrouwen", sources=["terms"], include_subcodes=False)
    return [indexed.documents.get(c.document_id).name for c in found if c.named]


def test_a_concept_named_in_the_closing_answer_is_offered_for_the_concept(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    import_ede(CLOSING, NAMED)
    found = [
        s
        for s in indexed.assist.suggestions.refresh("Vertrouwen", sources=["terms"])
        if s.document == "R12_uwv_ede" and s.code_path == "Vertrouwen"
    ]
    # "Vertrouwen, echt." has too few words on its own: the next sentence of the turn joins it
    assert [s.text for s in found] == [NAMED]
    assert "names the concept Vertrouwen itself" in found[0].reason


def test_not_in_an_answer_to_a_guide_question_of_its_own_indicators(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    import_ede(QUESTION_4A, NAMED)
    assert "R12_uwv_ede" not in _named_for_trust(indexed)


def test_kept_once_the_concept_has_passages_coded(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    indexed.code("R5_uwv_zwolle", "Vertrouwen", text="Nu vertrouwt iedereen elkaar")
    indexed.code("R9_wethouder_arnhem", "Vertrouwen", text="Het vertrouwen groeit langzaam.")
    indexed.code("R5_uwv_zwolle", "Vertrouwen", text="In Kampen vertrouwden ze ons meteen.")
    import_ede(CLOSING, NAMED)
    found = indexed.assist.suggestions.candidates("Vertrouwen", sources=["terms"], include_subcodes=False)
    assert [indexed.documents.get(c.document_id).name for c in found] == ["R12_uwv_ede"]


def test_offered_for_the_concept_even_when_an_indicators_search_term_holds_the_same_sentence(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    # "vertrouwen" is a search term of 4a too: the sentence is offered for both, the concept not given up
    sentence = "Het levert de gemeenten veel vertrouwen op, en dat merk je elke week."
    import_ede(CLOSING, sentence)
    found = [
        s
        for s in indexed.assist.suggestions.refresh("Vertrouwen", sources=["terms"])
        if s.document == "R12_uwv_ede"
    ]
    assert sorted((s.code_path.split("/")[-1], s.text) for s in found) == [
        ("Positieve verwachtingen over intenties en inzet", sentence),
        ("Vertrouwen", sentence),
    ]
