"""Suggested codings: where they come from and why, and the review queue's decisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError
from coding.language.suggestions.candidates import SOURCES, Candidate, merge
from coding.language.suggestions.listing import SuggestionInfo

INDICATOR_4A = "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"
INDICATOR_4B = "Vertrouwen/Transparantie en open communicatie/Informatie wordt open gedeeld"


def _find(items: list[SuggestionInfo], document: str, text_start: str, code_path: str) -> SuggestionInfo:
    found = [
        s
        for s in items
        if s.document == document and s.text.startswith(text_start) and s.code_path == code_path
    ]
    assert len(found) == 1, [(s.document, s.text[:30], s.code_path) for s in items]
    return found[0]


def test_the_answer_to_the_guide_question_is_suggested_with_its_reason(indexed: Project) -> None:
    items = indexed.assist.suggestions.refresh()
    answer = _find(items, "R9_wethouder_arnhem", "De cijfers gaan gewoon op tafel.", INDICATOR_4B)
    text = indexed.documents.text("R9_wethouder_arnhem")
    assert answer.text == text[answer.start : answer.end]
    assert answer.text.endswith("Stichting Werkkracht.")  # the whole answer turn, without its label
    assert answer.sources == ("terms", "question")
    guide_question = indexed.codes.get("4b").guide_question
    assert guide_question  # rwb carries the study's guide
    assert answer.reason.startswith(
        f"Answer to guide question 4b: “{guide_question}” (Informatie wordt open gedeeld); the interviewer "
        "asked “Wordt informatie open gedeeld tussen de partijen?” (matched with confidence 0."
    )
    assert (
        "Contains the search terms “cijfers”, “delen” (as “deelt”), “op tafel” of Informatie wordt open gedeeld."
        in answer.reason
    )
    assert 0.9 < answer.score <= 1.0


def test_a_confirmed_guide_match_suggests_its_answer_even_where_the_matcher_saw_another_question(
    indexed: Project,
) -> None:
    turn = next(m for m in indexed.guide.match(["R5_uwv_zwolle"]).matches if m.question == "10a")
    indexed.guide.decide("R5_uwv_zwolle", turn.start, "10a", "cleared")
    indexed.guide.decide("R5_uwv_zwolle", turn.start, "4a", "confirmed")
    items = indexed.assist.suggestions.refresh("4a")
    answer = _find(items, "R5_uwv_zwolle", "Ja, de werkgevers komen hun afspraken na.", INDICATOR_4A)
    assert answer.reason.startswith("Answer to guide question 4a: “")
    assert (
        "the interviewer asked “Komen de partners hun afspraken na?” (a match the researcher confirmed)"
        in (answer.reason)
    )
    assert answer.score >= 0.95
    assert not [s for s in indexed.assist.suggestions.refresh("10a") if s.document == "R5_uwv_zwolle"]


def test_without_a_guide_the_questions_are_matched_by_the_codes_words(indexed: Project) -> None:
    for code in list(indexed.codes.tree()):
        if code.guide_question:
            indexed.codes.update(code.id, guide_question="", guide_prompts=[])
    items = indexed.assist.suggestions.refresh("4b")
    answer = _find(items, "R9_wethouder_arnhem", "De cijfers gaan gewoon op tafel.", INDICATOR_4B)
    assert answer.reason.startswith(
        "Answer to the interviewer's question “Wordt informatie open gedeeld tussen de partijen?”, "
        "which matches question 4b of the interview guide (Informatie wordt open gedeeld) on the words "
    )


def test_search_terms_suggest_their_sentence_and_say_which_forms_matched(indexed: Project) -> None:
    items = indexed.assist.suggestions.refresh("4a")
    answer = _find(items, "R5_uwv_zwolle", "Ja, de werkgevers komen hun afspraken na.", INDICATOR_4A)
    assert answer.text == "Ja, de werkgevers komen hun afspraken na."  # the sentence (no guide match here)
    assert "Contains the search term “komen hun afspraken na” of " in answer.reason
    later = _find(items, "R5_uwv_zwolle", "In Kampen", INDICATOR_4A)
    assert "Contains the search term “vertrouwen” (as “vertrouwden”)" in later.reason
    assert {s.code_path for s in items} == {INDICATOR_4A}  # the scope is the code and its subcodes
    # answers only: the interviewer's "Vertrouwt u de anderen?" is never suggested
    assert not any(s.text.startswith("Vertrouwt u") for s in items)


def test_similarity_to_coded_passages(indexed: Project, import_ede: Callable[[str, str], None]) -> None:
    indexed.codes.create("Wantrouwen", parent=None)
    indexed.code("R5_uwv_zwolle", "Wantrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
    import_ede("Hoe was het begin?", "De gemeenten vertrouwden wij eerst echt niet. Later ging het beter.")
    items = indexed.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
    # the unit is the respondent's answer turn, not a lone sentence of it
    (found,) = [s for s in items if s.document == "R12_uwv_ede"]
    assert found.text == "De gemeenten vertrouwden wij eerst echt niet. Later ging het beter."
    assert found.sources == ("similar",)
    assert found.reason.startswith(
        "Of all codes, this answer resembles the 1 passage coded Wantrouwen most (shared words: "
    )
    assert "gemeenten" in found.reason and "vertrouw" in found.reason


def test_accepting_codes_the_passage_and_undo_puts_the_suggestion_back(indexed: Project) -> None:
    items = indexed.assist.suggestions.refresh("4b")
    answer = _find(items, "R9_wethouder_arnhem", "De cijfers", INDICATOR_4B)
    (coding_id,) = indexed.assist.suggestions.accept(answer.id)
    coding = indexed.codings.get(coding_id)
    assert (coding.start, coding.end, coding.text) == (answer.start, answer.end, answer.text)
    assert indexed.assist.suggestions.get(answer.id).status == "accepted"
    assert answer.id not in [s.id for s in indexed.assist.suggestions.list()]
    indexed.undo()
    assert indexed.quotes("4b") == [] and indexed.assist.suggestions.get(answer.id).status == "open"
    indexed.redo()
    with pytest.raises(InvalidInputError, match="already accepted"):
        indexed.assist.suggestions.accept(answer.id)


def test_rejected_suggestions_are_remembered_and_never_offered_again(indexed: Project) -> None:
    service = indexed.assist.suggestions
    items = service.refresh()
    rejected = _find(items, "R9_wethouder_arnhem", "De cijfers", INDICATOR_4B)
    service.reject(rejected.id)
    again = service.refresh()
    assert all(s.text != rejected.text or s.code_id != rejected.code_id for s in again)
    assert [s.id for s in service.list(status="rejected")] == [rejected.id]
    # the same passage for another code is still offered
    assert any(s.text.startswith("De cijfers") and s.code_id != rejected.code_id for s in again)
    # the memory survives closing the project
    path = indexed.path
    indexed.close()
    with Project.open(path) as reopened:
        assert all(
            not (s.text == rejected.text and s.code_id == rejected.code_id)
            for s in reopened.assist.suggestions.refresh()
        )


def test_refresh_keeps_open_suggestions_and_their_ids(indexed: Project) -> None:
    first = {(s.document, s.start, s.end, s.code_id): s.id for s in indexed.assist.suggestions.refresh()}
    second = {(s.document, s.start, s.end, s.code_id): s.id for s in indexed.assist.suggestions.refresh()}
    assert first == second


def test_adjusting_the_span_before_accepting(indexed: Project) -> None:
    service = indexed.assist.suggestions
    answer = _find(service.refresh("4b"), "R9_wethouder_arnhem", "De cijfers", INDICATOR_4B)
    adjusted = service.adjust(
        answer.id, answer.start, answer.start + len("De cijfers gaan gewoon op tafel. ")
    )
    assert adjusted.text == "De cijfers gaan gewoon op tafel."  # trimmed
    service.accept(adjusted.id)
    assert [q.text for q in indexed.quotes("4b")] == ["De cijfers gaan gewoon op tafel."]
    with pytest.raises(InvalidInputError, match="not a passage"):
        service.adjust(_find(service.refresh("4a"), "R5_uwv_zwolle", "Ja", INDICATOR_4A).id, 10, 5)


def test_accept_all_for_a_code_is_one_undoable_action(indexed: Project) -> None:
    service = indexed.assist.suggestions
    items = service.refresh("Vertrouwen")
    codings = service.accept_all("Vertrouwen")
    assert len(codings) == len(items) and service.list("Vertrouwen") == []
    assert len(indexed.quotes("Vertrouwen")) == len(items)
    indexed.undo()
    assert indexed.quotes("Vertrouwen") == [] and len(service.list("Vertrouwen")) == len(items)


def test_already_coded_passages_are_not_suggested(indexed: Project) -> None:
    indexed.code("R5_uwv_zwolle", "4a", text="Ja, de werkgevers komen hun afspraken na.")
    items = indexed.assist.suggestions.refresh("4a")
    assert not any(s.text.startswith("Ja, de werkgevers") for s in items)


def test_a_passage_coded_with_a_subcode_is_not_suggested_for_its_ancestors(indexed: Project) -> None:
    """Coded with a sub-subcode, a passage counts as coded for its parent and grandparent (their candidates for it
    are left out), not for a code beside them."""
    service = indexed.assist.suggestions
    tree = service._context.resolve.code_tree()
    found = service.candidates("Vertrouwen")
    parents = {c.code_id for c in found if tree.get(c.code_id).parent_id is not None}
    chosen = next(c for c in found if c.code_id in parents and any(tree.descendants(c.code_id)))
    leaf = next(d for d in tree.descendants(chosen.code_id) if not any(tree.descendants(d.id)))
    line = []  # the leaf's ancestors
    current = tree.get(leaf.id).parent_id
    while current is not None:
        line.append(current)
        current = tree.get(current).parent_id
    passage = (chosen.document_id, chosen.start, chosen.end)
    assert chosen.code_id in line and len(line) >= 2
    indexed.code(passage[0], leaf.id, passage[1], passage[2])
    again = service.candidates("Vertrouwen")
    here = {c.code_id for c in again if (c.document_id, c.start, c.end) == passage}
    assert not here & set(line)
    beside = {c.code_id for c in found if (c.document_id, c.start, c.end) == passage} - set(line) - {leaf.id}
    assert beside <= here


def test_per_document_queue_is_in_reading_order(indexed: Project) -> None:
    indexed.assist.suggestions.refresh()
    items = indexed.assist.suggestions.list(document="R9_wethouder_arnhem")
    assert items and [s.start for s in items] == sorted(s.start for s in items)
    assert {s.document for s in items} == {"R9_wethouder_arnhem"}


def test_a_sentence_inside_an_answer_is_folded_into_it() -> None:
    from coding.core.ids import CodeId, DocumentId

    doc, code = DocumentId(1), CodeId(2)
    answer = Candidate(doc, code, 10, 100, 0.5, ("question",), "Answer.", code_name="X")
    sentence = Candidate(doc, code, 20, 40, 0.4, ("terms",), "", (("inzet", ("inzet",)),), "X")
    elsewhere = Candidate(doc, code, 200, 240, 0.4, ("terms",), "", (("open", ("open",)),), "X")
    merged = sorted(merge([answer, sentence, elsewhere]), key=lambda c: c.start)
    assert [(c.start, c.end, c.sources) for c in merged] == [
        (10, 100, ("terms", "question")),
        (200, 240, ("terms",)),
    ]
    assert merged[0].full_reason == "Answer. Contains the search term “inzet” of X."
    assert merged[0].score == pytest.approx(0.7)


def test_accepting_a_passage_already_coded_only_marks_it_accepted(indexed: Project) -> None:
    service = indexed.assist.suggestions
    items = service.refresh("Vertrouwen")
    coded = _find(items, "R9_wethouder_arnhem", "De cijfers", INDICATOR_4B)
    other = next(s for s in items if s.code_id != coded.code_id)
    indexed.code(coded.document, INDICATOR_4B, coded.start, coded.end)

    def passages() -> list[tuple[str, int, int, str]]:
        return sorted((q.document, q.start, q.end, q.code_path) for q in indexed.quotes("Vertrouwen"))

    before = passages()
    created = service.accept([coded.id, other.id, coded.id])
    assert len(created) == 1 and indexed.codings.get(created[0]).start == other.start
    assert passages() == sorted([*before, (other.document, other.start, other.end, other.code_path)])
    assert {service.get(coded.id).status, service.get(other.id).status} == {"accepted"}
    indexed.undo()
    assert passages() == before
    assert {service.get(coded.id).status, service.get(other.id).status} == {"open"}
    with pytest.raises(NotFoundError, match=f"suggestion {coded.id + 10_000} does not exist"):
        service.accept([other.id, coded.id + 10_000])
    assert service.get(other.id).status == "open"  # nothing written


def test_get_finds_a_suggestion_of_any_status_by_its_id(indexed: Project) -> None:
    service = indexed.assist.suggestions
    items = service.refresh("Vertrouwen")
    assert len(items) > 2
    service.reject(items[0].id)
    assert service.get(items[0].id) == service.list(status="rejected")[0]
    assert [service.get(s.id) for s in items[1:]] == items[1:]
    with pytest.raises(InvalidInputError, match=f"^suggestion {items[0].id + 10_000} does not exist$"):
        service.get(items[0].id + 10_000)
    with pytest.raises(InvalidInputError, match="status must be one of open, accepted, rejected"):
        service.list(status="maybe")


def test_the_answer_to_a_question_about_a_concept_as_a_whole_is_offered_for_its_indicators(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    """rwb's question 11 (results) is on the concept Outcomes: its answer goes to both indicators, saying so."""
    import_ede(
        "En dragen al die activiteiten echt bij aan een inclusievere arbeidsmarkt? Waaraan merkt u dat?",
        "De plaatsingen lopen achter op de doelstelling, maar werkgevers weten ons nu wel te vinden.",
    )
    items = [
        s
        for s in indexed.assist.suggestions.refresh("Outcomes", sources=["question"])
        if s.document == "R12_uwv_ede"
    ]
    assert sorted(s.code_path for s in items) == [
        "Outcomes/Ervaren meerwaarde",
        "Outcomes/Plaatsingen ten opzichte van de doelstelling",
    ]  # not the concept itself as well: its parts are more specific
    meerwaarde = next(s for s in items if s.code_path.endswith("meerwaarde"))
    assert meerwaarde.text.startswith("De plaatsingen lopen achter")
    assert meerwaarde.reason.startswith("Answer to guide question 11: “")
    assert (
        "which asks about Outcomes as a whole, Ervaren meerwaarde included; the interviewer asked “En "
        in (meerwaarde.reason)
    )


def test_an_answer_is_offered_for_a_second_question_the_matcher_left_out_once_it_resembles_what_is_coded(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    """The interviewer asks about information and trust in one turn; the matcher takes 4a only (4b is close but
    under its threshold for a second question), so the answer is also offered for 4b when it resembles 4b's
    coded passages, saying both why."""
    import_ede(
        "Hoe gaat het met de informatie, en vertrouwt u de anderen?",
        "De cijfers gaan bij ons ook gewoon op tafel, de wethouders delen alles met elkaar.",
    )
    matched = [m.question for m in indexed.guide.match(["R12_uwv_ede"]).matches]
    assert matched == ["4a"]

    def offered() -> list[SuggestionInfo]:
        found = indexed.assist.suggestions.refresh("4b", sources=["question"])
        return [s for s in found if s.document == "R12_uwv_ede"]

    assert offered() == []  # nothing coded with 4b yet: a second question alone is not enough
    indexed.code("R9_wethouder_arnhem", "4b", text="De cijfers gaan gewoon op tafel.")
    indexed.code("R5_uwv_zwolle", "4a", text="Ja, de werkgevers komen hun afspraken na.")
    [answer] = offered()
    assert answer.text.startswith("De cijfers gaan bij ons")
    # (the answer is also the passage about 4b of an interview matched to it nowhere: that reason comes first)
    assert (
        "The interviewer's question “Hoe gaat het met de informatie, en vertrouwt u de anderen?” also resembles "
        f"guide question 4b: “{indexed.codes.get('4b').guide_question}” (Informatie wordt open gedeeld; "
        "similarity 0.2"
    ) in answer.reason
    assert "for 4a, which it was matched to)." in answer.reason
    assert "Of all codes, the answer resembles the passage coded with it most (similarity 0." in answer.reason


def test_the_passage_about_a_guide_question_the_interview_never_asks_is_found_in_another_answer(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    """R12 is asked about keeping agreements (4a) and never about sharing information (4b), but answers that
    too: the sentence about it is offered for 4b once 4b has a passage to compare with, saying why."""
    import_ede(
        "Komen de partijen hun afspraken na?",
        "Ja, de werkgevers komen hun afspraken na. De cijfers gaan bij ons ook gewoon op tafel, iedereen deelt ze.",
    )
    assert [m.question for m in indexed.guide.match(["R12_uwv_ede"]).matches] == ["4a"]

    def offered() -> list[SuggestionInfo]:
        found = indexed.assist.suggestions.refresh("4b", sources=["question"])
        return [s for s in found if s.document == "R12_uwv_ede"]

    assert offered() == []  # nothing coded with 4b: nothing to recognise it by
    indexed.code("R9_wethouder_arnhem", "4b", text="De cijfers gaan gewoon op tafel.")
    indexed.code("R5_uwv_zwolle", "4a", text="Ja, de werkgevers komen hun afspraken na.")
    [sentence] = offered()
    assert sentence.text == "De cijfers gaan bij ons ook gewoon op tafel, iedereen deelt ze."
    assert sentence.reason.startswith(
        "No interviewer turn of this interview is matched to guide question 4b: “"
        f"{indexed.codes.get('4b').guide_question}” (Informatie wordt open gedeeld). Of its answers, this passage "
        "resembles the passage coded with it most, and of all codes it resembles this one most (shared words: "
    )


def test_a_guide_question_the_interview_asks_gets_its_answer_not_a_sentence_from_elsewhere(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    import_ede(
        "Delen de partijen hun informatie open en eerlijk?",
        "De cijfers gaan bij ons ook gewoon op tafel, iedereen deelt ze.",
    )
    indexed.code("R9_wethouder_arnhem", "4b", text="De cijfers gaan gewoon op tafel.")
    found = indexed.assist.suggestions.refresh("4b", sources=["question"])
    [answer] = [s for s in found if s.document == "R12_uwv_ede"]
    assert answer.reason.startswith("Answer to guide question 4b")


def test_finding_pauses_the_cyclic_collector_and_leaves_it_as_it_was(
    indexed: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import weakref

    from coding.language.suggestions import service as service_module

    seen: list[bool] = []
    garbage: list[weakref.ref[object]] = []
    gone: list[bool] = []
    real_merge = service_module.merge

    def merge_watched(*args: object) -> list[Candidate]:
        seen.append(gc.isenabled())
        gone.extend(ref() is None for ref in garbage)
        return real_merge(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(service_module, "merge", merge_watched)
    assert gc.isenabled()
    assert indexed.assist.suggestions.refresh("4a")
    assert seen == [False]  # found with the collector paused
    assert gc.isenabled()
    gc.disable()  # a collector the caller turned off stays off
    try:
        cycle: list[object] = []
        cycle.append(cycle)  # garbage only the cyclic collector frees
        garbage.append(weakref.ref(_Held(cycle)))
        del cycle
        indexed.assist.suggestions.candidates("4a")
        assert seen == [False, False]
        assert gone == [True]  # what was garbage in cycles was collected once, before finding
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Held:
    """An object in a reference cycle (a list holding it and itself)."""

    def __init__(self, cycle: list[object]) -> None:
        self.cycle = cycle
        cycle.append(self)


@pytest.mark.parametrize("settle_rows", [1, 10_000])
def test_a_long_listing_is_frozen_out_of_later_collections_and_a_short_one_is_not(
    indexed: Project, monkeypatch: pytest.MonkeyPatch, settle_rows: int
) -> None:
    """The queue keeps a listing until its next one: a long one (255,136 rows after a Find for all codes at
    10×) is frozen when built, so that no collection walks it again (the young one when its pause ended held
    the GIL 1.6 s); a short one is left to the collector."""
    import gc

    from coding.language.suggestions import listing

    service = indexed.assist.suggestions
    assert len(service.refresh("Vertrouwen")) > 2
    monkeypatch.setattr(listing, "SETTLE_ROWS", settle_rows)
    gc.unfreeze()
    try:
        listed = service.list("Vertrouwen")
        assert 2 < len(listed) < 10_000
        walked = {id(found) for found in gc.get_objects()}
        assert (id(listed[0]) in walked, id(listed[-1]) in walked) == (settle_rows > len(listed),) * 2
    finally:
        gc.unfreeze()


def test_listed_suggestions_carry_their_times_code_paths_and_sources_as_stored(indexed: Project) -> None:
    """The queue reads the driver's plain rows (no SQLAlchemy row per suggestion): SQLite's stored times
    still come back as times, each code's path and the sources as they were found."""
    service = indexed.assist.suggestions
    items = service.refresh("Vertrouwen")
    assert len(items) > 2
    service.reject(items[0].id)
    rejected = service.get(items[0].id)
    assert isinstance(rejected.created_at, datetime) and isinstance(rejected.decided_at, datetime)
    assert rejected.created_at <= rejected.decided_at
    listed = service.list("Vertrouwen")
    assert all(isinstance(s.created_at, datetime) and s.decided_at is None for s in listed)
    assert {s.code_path.split("/")[0] for s in listed} == {"Vertrouwen"}
    assert all(s.sources and set(s.sources) <= set(SOURCES) for s in listed)
    assert all(type(s.score) is float and type(s.start) is int for s in listed)


@pytest.mark.parametrize(
    ("answer", "offered"),
    [
        ("Niet dat ik weet. Het is steeds: eerst dit jaar maar goed doen.", True),  # three content words
        ("Ja hoor, dat klopt wel.", False),  # a filler
    ],
)
def test_a_short_answer_to_a_guide_question_is_offered_a_filler_is_not(
    indexed: Project, import_ede: Callable[[str, str], None], answer: str, offered: bool
) -> None:
    import_ede("Is er voldoende aandacht voor meerjarige afspraken en plannen?", answer)
    assert [m.question for m in indexed.guide.match(["R12_uwv_ede"]).matches] == ["10a"]
    found = [
        s
        for s in indexed.assist.suggestions.refresh("10a", sources=["question"])
        if s.document == "R12_uwv_ede"
    ]
    assert [(s.text, s.reason.startswith("Answer to guide question 10a: “")) for s in found] == (
        [(answer, True)] if offered else []
    )
