"""Turns in coding: "code all answers of R5" as one action; quotes without the interviewer's words;
coding only the respondent's part of a selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.parsed import ParsedTurn
from coding.core.turn_spans import OMISSION, page_label, pages_of, respondent_spans, respondent_text
from tests.coding.dump import dump

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends


def test_code_all_answers_of_a_speaker_in_one_undoable_action(interviews: Project) -> None:
    before = dump(interviews.path)
    result = interviews.speakers.code_turns("Urgentiebesef", "R5")
    assert len(result.codings) == 2 and result.already_coded == 0
    assert [q.text for q in interviews.quotes("Urgentiebesef")] == [
        "Goed. We vertrouwen elkaar.",  # labels and timestamps are not coded
        "Hoog, één op de vijf staat aan de kant.",
    ]
    assert interviews.history.undo_count == 1
    assert interviews.history.undo_text == "Code all turns of R5 with Urgentiebesef"
    again = interviews.speakers.code_turns("Urgentiebesef", ["r5"])
    assert again.codings == () and again.already_coded == 2
    assert interviews.history.undo_count == 1  # nothing to do is no action
    interviews.undo()
    assert dump(interviews.path) == before


def test_code_turns_across_documents_or_in_some(interviews: Project) -> None:
    interviews.speakers.rename("Interviewer", "I")
    interviews.speakers.code_turns("Vertrouwen", "I")
    assert [(q.document, q.text) for q in interviews.quotes("Vertrouwen", include_subcodes=False)] == [
        ("R5", "Hoe is het vertrouwen?"),
        ("R5", "En de urgentie?"),
        ("R6", "Wat is het doel?"),
        ("R6", "En de middelen?"),
    ]
    interviews.speakers.code_turns("Stabiliteit", ["I", "R"], documents=["R6"])
    assert len(interviews.quotes("Stabiliteit", include_subcodes=False)) == 4
    with pytest.raises(NotFoundError, match="no turns of speaker r9 found"):
        interviews.speakers.code_turns("Stabiliteit", ["R9"])
    with pytest.raises(NotFoundError, match="no turns of speaker r5 found"):
        interviews.speakers.code_turns("Stabiliteit", "R5", documents="R6")


def test_quotes_without_the_interviewer(interviews: Project) -> None:
    interviews.speakers.set_not_speaker("Toelichting")
    text = interviews.documents.text("R5")
    start = text.index("Hoe is het")
    interviews.code("R5", "Vertrouwen", start, len(text))
    interviews.code("R5", "Urgentiebesef", text="En de urgentie?")
    quote = interviews.quotes("Vertrouwen", include_subcodes=False, exclude_interviewer=True)[0]
    assert quote.text == (
        f"Goed. We vertrouwen elkaar.\nToelichting: de respondent lacht. {OMISSION} "
        "Hoog, één op de vijf staat aan de kant."
    )
    assert (quote.start, quote.end) == (start, len(text) - 1)  # the passage itself is unchanged
    full = interviews.quotes("Vertrouwen", include_subcodes=False)[0]
    assert full.text == text[start : len(text) - 1]
    # a quote of only the interviewer's words is left out
    assert interviews.quotes("Urgentiebesef", exclude_interviewer=True) == []
    assert len(interviews.quotes("Urgentiebesef")) == 1


def test_labels_stay_when_a_quote_holds_two_respondents(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "duo.txt"
    path.write_text("I: Hoe werkt u samen?\nR3a: Goed.\nR3b: Nou, meestal.\n", encoding="utf-8")
    project.import_files([path])
    project.code("duo", "Vertrouwen", 0, len(path.read_text(encoding="utf-8")))
    assert project.quotes(exclude_interviewer=True)[0].text == "R3a: Goed.\nR3b: Nou, meestal."


def test_code_only_the_respondents_part_of_a_selection(interviews: Project) -> None:
    text = interviews.documents.text("R6")
    result = interviews.speakers.code_respondent_words("R6", "Vertrouwen", 0, len(text))
    assert [text[c.start : c.end] for c in map(interviews.codings.get, result.codings)] == [
        "R: Werk voor iedereen.",
        "R: Te weinig.",
    ]
    with pytest.raises(InvalidInputError, match="only the interviewer's words"):
        interviews.speakers.code_respondent_words("R6", "Vertrouwen", 0, 10)


def test_pages_of_a_span() -> None:
    class Page:
        def __init__(self, number: int, start: int, end: int) -> None:
            self.number, self.start, self.end = number, start, end

    pages = [Page(1, 0, 10), Page(2, 12, 12), Page(3, 14, 30)]  # page 2 has no text
    assert pages_of(pages, 2, 5) == (1,)
    assert pages_of(pages, 5, 20) == (1, 2, 3)
    assert pages_of(pages, 10, 12) == ()  # only the blank line between pages
    assert pages_of(pages, 14, 30) == (3,)
    assert page_label((3,)) == "p. 3"
    assert page_label((1, 2, 3)) == "pp. 1–3"
    assert page_label(()) == ""


LINES = st.lists(
    st.tuples(st.sampled_from(["I", "R5", "R6", ""]), st.text(alphabet="ab é\n", min_size=0, max_size=12)),
    min_size=1,
    max_size=8,
)


@given(LINES, st.data())
def test_respondent_spans_never_hold_interviewer_words(
    lines: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = ""
    turns = []
    for speaker, words in lines:
        words = words.replace("\n", " ")
        label = f"{speaker}: " if speaker else ""
        start = len(text)
        text += label + words + "\n"
        if speaker:
            turns.append(
                ParsedTurn(speaker, start, start + len((label + words).rstrip()), start + len(label))
            )
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    parts = respondent_spans(turns, start, end, lambda s: s == "I", text)
    previous = start
    for part_start, part_end, _omitted in parts:
        assert previous <= part_start < part_end <= end
        assert text[part_start:part_end].strip() == text[part_start:part_end]
        for turn in turns:
            if turn.speaker == "I":
                assert part_end <= turn.start or part_start >= turn.end
        previous = part_end
    interviewer_turns = sum(1 for turn in turns if turn.speaker == "I")
    assert respondent_text(parts, text).count(OMISSION) <= interviewer_turns
