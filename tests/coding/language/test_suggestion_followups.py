"""The answers of the interview guide as a researcher reads them: a question back is no answer, and the answer
after a short follow-up still belongs to the question asked before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.language.suggestions.guide_answers import is_question_back


def _import(project: Project, folder: Path, turns: list[tuple[str, str]]) -> None:
    """R12 in Ede: the turns given (speaker, text), one a line."""
    path = folder / "R12_uwv_ede.txt"
    lines = [f"[00:00:{2 * n:02d}] {speaker}: {text}" for n, (speaker, text) in enumerate(turns)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project.import_files([path])


@pytest.mark.parametrize(
    ("text", "asks_back"),
    [
        ("Wat bedoelt u precies, de cijfers of ook de plannen?", True),
        ("Ja. Bedoelt u qua vergaderen, of qua beleid?", True),  # a word or two before the question
        ("[lacht] Hoe bedoelt u? Tussen de organisaties?", True),
        ("Of het Werkbedrijf het verschil maakt? Eerlijk gezegd twijfel ik daaraan.", False),
        ("De cijfers gaan op tafel, ook als ze tegenvallen.", False),
        ("Ja.", False),
    ],
)
def test_a_turn_of_questions_only_asks_back(text: str, asks_back: bool) -> None:
    assert is_question_back(text) is asks_back


#: A guide question, its answer, a short follow-up that asks nothing new, and the answer after it.
_FOLLOW_UP = [
    ("I", "Hoe open wordt de informatie gedeeld?"),
    ("R12", "Bij UWV heel open, wij leveren elk kwartaal de cijfers aan."),
    ("I", "Vooral tussen de partijen?"),
    ("R12", "Ja, de wethouders delen de cijfers ook met elkaar, alles gaat op tafel."),
]


def test_a_question_back_is_not_offered_as_the_answer_to_the_guide_question(
    indexed: Project, tmp_path: Path
) -> None:
    """The respondent asks what is meant; the interviewer's explanation is matched to another question, so the
    question back is all that lies under 4b: it is not offered (it was, as an answer of four content words)."""
    _import(
        indexed,
        tmp_path,
        [
            ("I", "Hoe open wordt de informatie gedeeld tussen de partijen?"),
            ("R12", "Wat bedoelt u precies, de cijfers of ook de plannen?"),
            ("I", "Wie coördineert het Werkbedrijf eigenlijk?"),
            ("R12", "De secretaris van de gemeente coördineert het, die bereidt alles voor."),
        ],
    )
    matched = [m.question for m in indexed.guide.match(["R12_uwv_ede"]).matches]
    assert matched[:1] == ["4b"]
    found = [
        s.text
        for s in indexed.assist.suggestions.refresh(sources=["question"])
        if s.document == "R12_uwv_ede"
    ]
    assert found  # the answer to the second question is offered
    assert "Wat bedoelt u precies, de cijfers of ook de plannen?" not in found


def test_the_answer_after_a_short_follow_up_is_offered_for_the_question_before_it(
    indexed: Project, tmp_path: Path
) -> None:
    """The follow-up "Vooral tussen de partijen?" asks nothing new, but shares a word with another guide question; the answer
    after it goes on about sharing information (4b), and is offered for 4b, saying why, once it resembles what
    is coded with 4b."""
    _import(
        indexed,
        tmp_path,
        _FOLLOW_UP,
    )
    matches = indexed.guide.match(["R12_uwv_ede"]).matches
    followup = [m for m in matches if m.question != "4b"]
    assert matches[0].question == "4b" and followup  # the follow-up matched to another question
    indexed.code("R9_wethouder_arnhem", "4b", text="De cijfers gaan gewoon op tafel.")
    indexed.code("R5_uwv_zwolle", "4a", text="Ja, de werkgevers komen hun afspraken na.")
    found = [
        s
        for s in indexed.assist.suggestions.refresh("4b", sources=["question"])
        if s.document == "R12_uwv_ede" and s.text.startswith("Ja, de wethouders delen")
    ]
    assert len(found) == 1
    assert (
        "The interviewer's short turn “Vooral tussen de partijen?” may follow up guide question 4b "
        "(Informatie wordt open gedeeld), asked just before it (“Hoe open wordt de informatie gedeeld?”): the "
        "answer after it is offered for 4b too."
    ) in found[0].reason


def test_follow_ups_for_one_code_are_those_for_all_codes_of_that_code(
    indexed: Project, tmp_path: Path
) -> None:
    """The answers after short follow-ups are looked at only for the codes asked for (issue 19: for one concept
    most pairs of turns give nothing, and were counted, sliced and read all the same): each code's are those found
    for all codes, with their reasons, in the same order."""
    from coding.language.suggestions.followups import followup_candidates

    _import(
        indexed,
        tmp_path,
        [
            *_FOLLOW_UP,
            ("I", "En komen de werkgevers hun afspraken na?"),
            ("R12", "Meestal wel, de werkgevers houden zich aan wat is afgesproken."),
            ("I", "Echt?"),
            ("R12", "Ja, op een enkele na komen ze hun afspraken keurig na, ook bij tegenvallers."),
        ],
    )
    service = indexed.assist.suggestions
    data = service._corpus_data(indexed.assist.corpus(), indexed.assist.ensure_indexed())
    corpus = indexed.assist.corpus()
    answers = service.fixed.guide_answers(data)
    tree = list(service._context.resolve.code_tree())
    every = followup_candidates(answers, tree, {c.id for c in tree}, data, corpus)
    assert every  # follow-ups found, or the comparison shows nothing
    for code in tree:
        alone = followup_candidates(answers, tree, {code.id}, data, corpus)
        assert alone == [c for c in every if c.code_id == code.id]
        assert [c.reason for c in alone] == [c.reason for c in every if c.code_id == code.id]
