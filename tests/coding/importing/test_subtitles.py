"""WebVTT and SubRip: cues become turns, one line per turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.core.errors import FileImportError
from coding.importing.parsers import ParsedTurn, parse_file

VTT = """WEBVTT - Interview 4
Kind: captions
Language: nl

NOTE Dit is een notitie
over twee regels

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Jan de Vries>Goedemorgen, welkom bij het <i>interview</i>.</v>

2
00:00:04.500 --> 00:00:07.000
<v Jan de Vries>Het gaat over coördinatie.

intro-3
00:00:07.250 --> 00:00:10.250
<v.loud Marieke>Dank je. <c.yellow>Eén</c> ding <00:00:08.000>nog: de ideeën
van het café.

01:05.000 --> 01:08.000
<v Jan de Vries>Mooi &amp; duidelijk &lt;3
"""
VTT_TEXT = (
    "[00:00:01] Jan de Vries: Goedemorgen, welkom bij het interview. Het gaat over coördinatie.\n"
    "[00:00:07] Marieke: Dank je. Eén ding nog: de ideeën van het café.\n"
    "[00:01:05] Jan de Vries: Mooi & duidelijk <3"
)

SRT = """1
00:00:01,000 --> 00:00:03,500
Interviewer: Hoe gaat het met de coördinatie?

2
00:00:03,600 --> 00:00:06,000
<i>Nog een vraag over het café.</i>

3
00:00:06,100 --> 00:00:09,000
Respondent: Eén ding:
het loopt goed.

4
00:00:09,500 --> 00:00:12,000
{\\an8}Respondent: Echt waar.

5
01:02:03,400 --> 01:02:05,000
<font color="#ffffff">Interviewer:</font> Dank u, ideeën genoeg.
"""
SRT_TEXT = (
    "[00:00:01] Interviewer: Hoe gaat het met de coördinatie? Nog een vraag over het café.\n"
    "[00:00:06] Respondent: Eén ding: het loopt goed. Echt waar.\n"
    "[01:02:03] Interviewer: Dank u, ideeën genoeg."
)


def _turn(text: str, line: str, speaker: str, timestamp: float) -> ParsedTurn:
    start = text.index(line)
    prefix = len("[00:00:00] ") + (len(speaker) + 2 if speaker else 0)
    return ParsedTurn(speaker, start, start + len(line), start + prefix, timestamp)


def test_vtt(tmp_path: Path) -> None:
    path = tmp_path / "interview.vtt"
    path.write_text(VTT, encoding="utf-8")
    document = parse_file(path)
    assert document.text == VTT_TEXT
    assert document.source_format == "vtt"
    assert document.encoding is None
    lines = VTT_TEXT.split("\n")
    assert document.turns == (
        _turn(VTT_TEXT, lines[0], "Jan de Vries", 1.0),
        _turn(VTT_TEXT, lines[1], "Marieke", 7.25),
        _turn(VTT_TEXT, lines[2], "Jan de Vries", 65.0),
    )
    assert VTT_TEXT[document.turns[1].body_start :].startswith("Dank je.")
    assert document.warnings == ()


def test_srt_with_name_labels_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "interview.SRT"
    path.write_bytes(SRT.replace("\n", "\r\n").encode("utf-8"))
    document = parse_file(path)
    assert document.text == SRT_TEXT
    assert document.source_format == "srt"
    lines = SRT_TEXT.split("\n")
    assert document.turns == (
        _turn(SRT_TEXT, lines[0], "Interviewer", 1.0),
        _turn(SRT_TEXT, lines[1], "Respondent", 6.1),
        _turn(SRT_TEXT, lines[2], "Interviewer", 3723.4),
    )


def test_cues_without_speaker_stay_separate(tmp_path: Path) -> None:
    path = tmp_path / "zonder.srt"
    srt = "1\n00:00:01,000 --> 00:00:02,000\nEén café.\n\n2\n00:00:02,500 --> 00:00:04,000\nTwee ideeën.\n"
    path.write_bytes(srt.encode("cp1252"))
    document = parse_file(path)
    assert document.text == "[00:00:01] Eén café.\n[00:00:02] Twee ideeën."
    assert [(turn.speaker, turn.timestamp) for turn in document.turns] == [("", 1.0), ("", 2.5)]
    assert document.turns[0].body_start == len("[00:00:01] ")
    assert document.warnings == ("not valid UTF-8; read as Windows-1252",)


def test_two_voices_in_one_cue(tmp_path: Path) -> None:
    path = tmp_path / "twee.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:03.000\n<v Jan>Ja?</v> <v Piet>Nee.</v>\n", "utf-8")
    document = parse_file(path)
    assert document.text == "[00:00:01] Jan: Ja?\n[00:00:01] Piet: Nee."


def test_subtitle_file_without_cues_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leeg.vtt"
    path.write_text("WEBVTT\n\nNOTE alleen een notitie\n", "utf-8")
    with pytest.raises(FileImportError, match=r"^leeg\.vtt: contains no subtitle cues$"):
        parse_file(path)


def test_vtt_without_header_gets_warning(tmp_path: Path) -> None:
    path = tmp_path / "kaal.vtt"
    path.write_text("00:00:01.000 --> 00:00:02.000\n<v Jan>Hallo café\n", "utf-8")
    document = parse_file(path)
    assert document.text == "[00:00:01] Jan: Hallo café"
    assert document.warnings == ("the WEBVTT header line is missing",)


def test_block_without_timing_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "los.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nI: Eén.\n\nlosse regel zonder tijd\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nR1: Twee ideeën.\n",
        "utf-8",
    )
    document = parse_file(path)
    assert document.text == "[00:00:01] I: Eén.\n[00:00:03] R1: Twee ideeën."
    assert document.warnings == ("1 block(s) without a valid cue timing line were skipped",)
