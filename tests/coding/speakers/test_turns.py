"""Speaker turn detection in transcript text."""

from __future__ import annotations

import pytest

from coding.core.errors import InvalidInputError
from coding.importing.parsers import DEFAULT_SPEAKER_PATTERNS, ParsedTurn, detect_turns
from coding.speakers.turns import parse_timestamp, speakers


def _labels(text: str, patterns: list[str] | None = None) -> list[tuple[str, float | None, str]]:
    """(speaker, timestamp, spoken words) per turn."""
    return [
        (turn.speaker, turn.timestamp, text[turn.body_start : turn.end])
        for turn in detect_turns(text, patterns)
    ]


@pytest.mark.parametrize(
    ("line", "speaker", "timestamp", "body"),
    [
        ("I: Hoe gaat het?", "I", None, "Hoe gaat het?"),
        ("R5: Goed.", "R5", None, "Goed."),
        ("R12:Goed.", "R12", None, "Goed."),
        ("Interviewer: Eén vraag.", "Interviewer", None, "Eén vraag."),
        ("Respondent: Ideeën.", "Respondent", None, "Ideeën."),
        ("Int.: Echt?", "Int.", None, "Echt?"),
        ("Jan de Vries: Ja.", "Jan de Vries", None, "Ja."),
        ("Marieke: Café.", "Marieke", None, "Café."),
        ("Jan van der Berg: Nee.", "Jan van der Berg", None, "Nee."),
        ("Spreker 1: Hallo.", "Spreker 1", None, "Hallo."),
        ("Özlem Yılmaz : Zeker.", "Özlem Yılmaz", None, "Zeker."),
        ("[00:12:31] I: Coördinatie?", "I", 751.0, "Coördinatie?"),
        ("(12:31) R5: Ja.", "R5", 751.0, "Ja."),
        ("00:12:31 Interviewer: Verder.", "Interviewer", 751.0, "Verder."),
        ("[12:31] Jan de Vries: Nou.", "Jan de Vries", 751.0, "Nou."),
        ("[01:02:03.250] I: Precies.", "I", 3723.25, "Precies."),
        ("[00:00:05,5] I: Komma.", "I", 5.5, "Komma."),
        ("I: [00:12:31] Daarna.", "I", 751.0, "Daarna."),
        ("Jan de Vries [00:01:02]: Erna.", "Jan de Vries", 62.0, "Erna."),
        ("**I:** Vet.", "I", None, "Vet."),
    ],
)
def test_label_forms(line: str, speaker: str, timestamp: float | None, body: str) -> None:
    text = f"Kop van het interview\n\n{line}\nvervolg"
    (turn,) = detect_turns(text)
    assert turn.speaker == speaker
    assert turn.timestamp == timestamp
    assert turn.start == text.index(line)
    assert text[turn.body_start : turn.end] == f"{body}\nvervolg"


@pytest.mark.parametrize(
    "line",
    [
        "Ik denk dat het zo zit: zo.",
        "Datum: 12 mei 2017",
        "Locatie: café De Zwaan",
        "Plaats: Utrecht",
        "Tijd: 14:00",
        "Duur: 45 minuten",
        "Onderwerp: coördinatie",
        "DATUM: 1-2-2020",
        "Datum interview: 3 juni",
        "[00:12:31]",
        "00:12:31 ",
        "Om 12:30 gingen we",
        "12:30 Lunch",
        "Maar in de: praktijk",
        "Ja: dat klopt",
        "de heer Jansen zei: niets",
        "een zin met een dubbele punt: hier",
        "Een Heel Lange Naam Met Te Veel Woorden: nee",
    ],
)
def test_not_a_turn(line: str) -> None:
    assert detect_turns(f"I: Eerst.\n{line}") == (ParsedTurn("I", 0, len(f"I: Eerst.\n{line.rstrip()}"), 3),)


def test_header_before_first_turn_and_multi_paragraph_answers() -> None:
    text = (
        "Interview 12 – wijkteam\n"
        "Datum: 12 mei 2017\n"
        "Locatie: café De Zwaan\n"
        "\n"
        "I: Wat is coördinatie voor u?\n"
        "\n"
        "R5: Dat is lastig.\n"
        "\n"
        "Er zijn veel ideeën: één ervan is overleg.\n"
        "En nog iets.  \n"
        "\n"
        "I: Dank u.\n\n"
    )
    turns = detect_turns(text)
    assert [turn.speaker for turn in turns] == ["I", "R5", "I"]
    assert turns[0].start == text.index("I: Wat")
    assert text[turns[0].start : turns[0].end] == "I: Wat is coördinatie voor u?"
    assert text[turns[1].start : turns[1].end] == (
        "R5: Dat is lastig.\n\nEr zijn veel ideeën: één ervan is overleg.\nEn nog iets."
    )
    assert text[turns[2].start : turns[2].end] == "I: Dank u."
    assert turns[2].end == len(text.rstrip())


def test_label_line_without_text_and_timestamp_after_label() -> None:
    text = "Spreker 1  00:00:05\nWelkom bij dit gesprek.\n00:00:09 Spreker 2\nDank je.\n[00:00:12]\nNog meer."
    turns = detect_turns(text)
    assert [(turn.speaker, turn.timestamp) for turn in turns] == [("Spreker 1", 5.0), ("Spreker 2", 9.0)]
    assert text[turns[0].body_start : turns[0].end] == "Welkom bij dit gesprek."
    assert text[turns[1].body_start : turns[1].end] == "Dank je.\n[00:00:12]\nNog meer."


def test_empty_label_turn_has_body_start_at_end() -> None:
    text = "I:   \nR1: Ja."
    first, second = detect_turns(text)
    assert (first.start, first.end, first.body_start) == (0, 2, 2)
    assert text[second.body_start : second.end] == "Ja."


def test_custom_patterns() -> None:
    text = "JDV> Eén ding.\nMVB> Ideeën?\n12:01 - Piet - Café."
    patterns = [r"(?P<speaker>[A-Z]{2,3})>", r"(?P<timestamp>\d+:\d\d) - (?P<speaker>\w+) -"]
    assert _labels(text, patterns) == [
        ("JDV", None, "Eén ding."),
        ("MVB", None, "Ideeën?"),
        ("Piet", 721.0, "Café."),
    ]
    assert detect_turns("I: Hallo", patterns) == ()
    assert detect_turns("I: Hallo", []) == ()


def test_invalid_custom_patterns() -> None:
    with pytest.raises(InvalidInputError, match="speaker pattern 2 is not a valid regular expression"):
        detect_turns("I: x", [r"(?P<speaker>I):", r"(?P<speaker>["])
    with pytest.raises(InvalidInputError, match=r"speaker pattern 1 has no \(\?P<speaker>"):
        detect_turns("I: x", [r"I:"])


def test_default_patterns_are_strings() -> None:
    assert DEFAULT_SPEAKER_PATTERNS and all(isinstance(p, str) for p in DEFAULT_SPEAKER_PATTERNS)


def test_speakers_counts_in_order_of_appearance() -> None:
    turns = detect_turns("I: a\nR5: b\nI: c\nMarieke: d\nR5: e\nI: f")
    assert speakers(turns) == [("I", 3), ("R5", 2), ("Marieke", 1)]


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("00:12:31", 751.0), ("12:31", 751.0), ("1:02:03", 3723.0), ("00:00:01.5", 1.5),
     ("00:00:01,250", 1.25), ("75:00", 4500.0), ("00:61:00", None), ("12:61", None), ("", None)],
)  # fmt: skip
def test_parse_timestamp(value: str, seconds: float | None) -> None:
    assert parse_timestamp(value) == seconds


def test_detect_turns_on_a_long_transcript() -> None:
    text = "\n".join(
        f"{'I' if n % 2 else 'R5'}: Zin {n} over één café en ideeën.\nVervolg." for n in range(10_000)
    )
    turns = detect_turns(text)
    assert len(turns) == 10_000
