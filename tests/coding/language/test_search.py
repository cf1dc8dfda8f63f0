"""Searching by word, lemma, stem, phrase and pattern; KWIC lines; coding from hits in one action."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError
from coding.language.kwic import context, sort_lines, write_kwic_csv


def _hits(project: Project, query: str, mode: str = "word", **options: object) -> list[str]:
    return [line.hit for line in project.assist.search(query, mode, **options).lines]  # type: ignore[arg-type]


def test_lemma_search_finds_every_form_of_a_dutch_verb(indexed: Project) -> None:
    result = indexed.assist.search("vertrouwen", "lemma")
    assert [line.hit for line in result.lines] == [
        "vertrouwen",  # I: "… het vertrouwen tussen de partijen?"
        "vertrouwde",
        "vertrouwt",
        "vertrouwd",
        "vertrouwden",
        "Vertrouwt",  # the interviewer in R9
        "vertrouwen",
    ]
    assert set(result.forms) == {"vertrouwen", "vertrouwde", "vertrouwt", "vertrouwd", "vertrouwden"}
    # a form as query means its lemma too
    assert _hits(indexed, "vertrouwde", "lemma") == [line.hit for line in result.lines]


def test_word_search_is_exact_but_case_and_accent_insensitive_with_wildcards(indexed: Project) -> None:
    assert _hits(indexed, "vertrouwde") == ["vertrouwde"]
    assert _hits(indexed, "VERTROUWT") == ["vertrouwt", "Vertrouwt"]
    assert _hits(indexed, "vertrouw*") == _hits(indexed, "vertrouwen", "lemma")
    assert _hits(indexed, "vertrouwd?") == ["vertrouwde"]


def test_stem_search_is_broader(indexed: Project) -> None:
    assert set(_hits(indexed, "afspraak", "stem")) == {"afspraken"}
    assert set(_hits(indexed, "partij", "stem")) == {"partijen"}


def test_phrase_search_matches_consecutive_words_across_punctuation(indexed: Project) -> None:
    assert _hits(indexed, "hun afspraken na", "phrase") == ["hun afspraken na", "hun afspraken na"]
    assert _hits(indexed, "ja de werkgevers") == ["Ja, de werkgevers"]
    assert _hits(indexed, "afspraken hun") == []
    # a phrase of lemmas
    assert _hits(indexed, "komen afspraak", "lemma") == []
    assert _hits(indexed, "afspraak na", "lemma") == ["afspraken na", "afspraken na"]


def test_regular_expressions_run_over_the_texts(indexed: Project) -> None:
    assert _hits(indexed, r"\bW\w+ Pietersen") == []  # word mode: no such word
    assert _hits(indexed, r"\bW\w+ Pietersen", "regex") == ["Wethouder Pietersen"]
    assert _hits(indexed, r"vertrouw\w*", "regex", answers_only=True) == [
        "vertrouwde",
        "vertrouwt",
        "vertrouwd",
        "vertrouwden",
        "vertrouwen",
    ]
    with pytest.raises(InvalidInputError, match="not a valid regular expression"):
        indexed.assist.search("(open", "regex")
    with pytest.raises(InvalidInputError, match="unknown search mode"):
        indexed.assist.search("x", "fuzzy")


def test_filters_by_attribute_and_speaker(indexed: Project) -> None:
    everything = indexed.assist.search("vertrouwen", "lemma")
    zwolle = indexed.assist.search("vertrouwen", "lemma", where={"region": "zwolle"})
    assert {line.document for line in zwolle.lines} == {"R5_uwv_zwolle"}
    answers = indexed.assist.search("vertrouwen", "lemma", answers_only=True)
    assert len(answers.lines) == len(everything.lines) - 2  # both interviewer questions left out
    assert all(line.speaker in ("R5", "R9") for line in answers.lines)
    interviewer = indexed.assist.search("vertrouwen", "lemma", speakers=["Interviewer"])
    assert [line.hit for line in interviewer.lines] == ["Vertrouwt"]
    # the header "Interview R5 – UWV …" is no answer either
    assert _hits(indexed, "uwv") == ["UWV"] and _hits(indexed, "uwv", answers_only=True) == []


def test_kwic_lines_carry_context_document_and_respondent(indexed: Project) -> None:
    line = indexed.assist.search("vertrouwden", context=30).lines[0]
    text = indexed.documents.text("R5_uwv_zwolle")
    assert text[line.start : line.end] == "vertrouwden"
    assert (line.document, line.respondent, line.speaker) == ("R5_uwv_zwolle", "R5", "R5")
    assert line.left.endswith("In Kampen ") and line.right.startswith(" ze ons meteen")
    assert line.attributes["region"] == "Zwolle"
    sentence = text[line.sentence[0] : line.sentence[1]]  # type: ignore[index]
    assert sentence == "In Kampen vertrouwden ze ons meteen."


def test_context_is_cut_at_word_boundaries_and_flattened() -> None:
    text = "een twee drie\nvier VIJF zes zeven acht"
    assert context(text, 19, 23, width=8) == ("vier ", "VIJF", " zes")
    assert context(text, 19, 23, width=10) == ("drie vier ", "VIJF", " zes zeven")


def test_sorting_and_csv_export(indexed: Project, tmp_path: Path) -> None:
    lines = indexed.assist.search("vertrouwen", "lemma").lines
    by_hit = [line.hit.lower() for line in sort_lines(lines, "hit")]
    assert by_hit == sorted(by_hit)
    by_left = sort_lines(lines, "left")
    before = [line.left.split()[-1].lower() for line in by_left]
    assert before[:3] == ["altijd", "het", "het"]  # by the word before the hit
    with pytest.raises(ValueError, match="cannot sort by"):
        sort_lines(lines, "colour")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "kwic.csv"
    write_kwic_csv(lines, out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:6] == ["Document", "Respondent", "Speaker", "Left", "Hit", "Right"]
    assert "Region" in rows[0] and len(rows) == len(lines) + 1
    with pytest.raises(InvalidInputError, match=r"kwic\.csv: already exists"):
        write_kwic_csv(lines[:1], out)  # never overwritten without asking
    assert len(list(csv.reader(out.open(encoding="utf-8-sig")))) == len(lines) + 1
    write_kwic_csv(lines[:1], out, overwrite=True)
    assert len(list(csv.reader(out.open(encoding="utf-8-sig")))) == 2
    assert sorted(p.name for p in out.parent.iterdir()) == ["kwic.csv"]  # no temporary left beside it


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("hit", ["vertrouwde", "vertrouwden"]),
        ("sentence", ["Ik vertrouwde de gemeenten eerst niet.", "In Kampen vertrouwden ze ons meteen."]),
        (
            "turn",
            [
                "Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar, en we hebben Jan de Vries "
                "altijd vertrouwd.",
                "Ja, de werkgevers komen hun afspraken na. In Kampen vertrouwden ze ons meteen. 👍",
            ],
        ),
    ],
)
def test_coding_hits_sentences_or_turns_is_one_undoable_action(
    indexed: Project, unit: str, expected: list[str]
) -> None:
    lines = [line for line in indexed.assist.search("vertrouwde*").lines]
    created = indexed.assist.code_lines(lines, "4a", unit=unit, memo="uit zoeken")
    assert len(created) == 2
    quotes = indexed.quotes("4a")
    assert [q.text for q in quotes] == expected and {q.memo for q in quotes} == {"uit zoeken"}
    assert indexed.history.undo_text == f"Code 2 search hits ({unit})"
    indexed.undo()
    assert indexed.quotes("4a") == []


def test_coding_twice_skips_what_is_already_coded(indexed: Project) -> None:
    lines = indexed.assist.search("afspraken na", "phrase").lines
    assert len(indexed.assist.code_lines(lines, "4a", unit="sentence")) == 2
    assert indexed.assist.code_lines(lines, "4a", unit="sentence") == []
    with pytest.raises(InvalidInputError, match="unit must be"):
        indexed.assist.code_lines(lines, "4a", unit="page")


def test_answers_only_follows_the_speakers_marked_as_interviewer(indexed: Project) -> None:
    """One list of interviewers for the whole project: the Speakers dialog's marks change the search."""
    answers = indexed.assist.search("vertrouwen", "lemma", answers_only=True)
    assert {line.speaker for line in answers.lines} == {"R5", "R9"}
    indexed.speakers.set_interviewer("R9")
    answers = indexed.assist.search("vertrouwen", "lemma", answers_only=True)
    assert {line.speaker for line in answers.lines} == {"R5"}
    indexed.undo()
    answers = indexed.assist.search("vertrouwen", "lemma", answers_only=True)
    assert {line.speaker for line in answers.lines} == {"R5", "R9"}
