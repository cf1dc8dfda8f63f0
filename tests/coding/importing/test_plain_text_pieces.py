"""A text file read a block at a time (issue 14 item 4): the same text, encoding, warnings and
turns as the whole file decoded at once, and an import that stores the same document."""

from __future__ import annotations

import codecs
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.parsed import EncodedText, ParsedTurn
from coding.core.text import normalise_text
from coding.importing.parsers import parse_file, plain_text
from coding.speakers.turns import (
    DEFAULT_SPEAKER_PATTERNS,
    TurnScanner,
    compile_patterns,
    detect_turns,
    match_label,
    parse_timestamp,
)


def whole_text_turns(text: str) -> tuple[ParsedTurn, ...]:
    """Turns as found before the scanner: every line of the whole text split at once."""
    compiled = compile_patterns(DEFAULT_SPEAKER_PATTERNS)
    starts = []
    position = 0
    for line in text.split("\n"):
        match = match_label(line, compiled)
        if match is not None:
            starts.append((position, match))
        position += len(line) + 1
    turns = []
    for index, (start, match) in enumerate(starts):
        limit = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(text)
        end = start + len(text[start:limit].rstrip())
        body_start = start + match.end()
        while body_start < end and text[body_start].isspace():
            body_start += 1
        stamp = match.group("timestamp") if "timestamp" in match.re.groupindex else None
        turns.append(
            ParsedTurn(
                " ".join(match.group("speaker").split()),
                start,
                end,
                min(body_start, end),
                parse_timestamp(stamp),
            )
        )
    return tuple(turns)


LINES = st.lists(
    st.sampled_from(
        [
            "I: Eén vraag?",
            "R5:",
            "R5:   ",
            "Jan de Vries: ja 😀",
            "[00:01:02] I: goed",
            "  ",
            "",
            "tekst ",
            "Spreker 1  00:00:05",
            "café\u0301",
            "\t",
            "R2: \u2028 nee",
            "Datum: 1 mei",
        ]
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(lines=LINES, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_turns_found_piece_by_piece_are_those_of_the_whole_text(lines: list[str], cuts: list[int]) -> None:
    text = "\n".join(lines)
    expected = whole_text_turns(text)
    assert detect_turns(text) == expected
    scanner = TurnScanner()
    start = 0
    for cut in sorted(c for c in cuts if c <= len(text)):
        scanner.feed(text[start:cut])
        start = cut
    scanner.feed(text[start:])
    assert scanner.finish() == expected


def whole_file(data: bytes) -> tuple[str, str, list[str]]:
    """The text, encoding and warnings of decoding the whole file at once."""
    from coding.importing.parsers.plain_text import decode_text

    return decode_text(Path("x.txt"), data)


BODY = "I: Eén café\u0301 😀\r\nR5: coördinatie, € 5\rR5: nog\n\n\ufeffI:  \r\n  slot  \n"
FILES = {
    "utf-8": BODY.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + "\ufeff\x00".encode() + BODY.replace("I:", "I\x00:").encode("utf-8"),
    "utf-16": codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"),
    "utf-16-odd": codecs.BOM_UTF16_BE + BODY.encode("utf-16-be") + b"\x00",
    "cp1252": BODY.replace("😀", "").replace("\u0301", "").replace("\ufeff", "").encode("cp1252"),
    "cp1252-late": BODY.encode("utf-8") * 3 + b"\xe9 \x81",  # not UTF-8 only at its end
    "no-newline": ("x\u0301y" * 40).encode("utf-8"),
}


@pytest.mark.parametrize("block", [1, 3, 7, 1 << 20])
@pytest.mark.parametrize("name", sorted(FILES))
def test_a_file_read_in_blocks_is_the_file_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, block: int
) -> None:
    monkeypatch.setattr(plain_text, "_BLOCK", block)
    path = tmp_path / "interview.txt"
    path.write_bytes(FILES[name])
    text, encoding, warnings = whole_file(FILES[name])
    document = parse_file(path, encoded=True)
    assert isinstance(document.text, EncodedText)
    assert document.text.decode() == text == normalise_text(text)
    assert document.text.length == len(text)
    assert (document.encoding, list(document.warnings)) == (encoding, warnings)
    assert document.turns == whole_text_turns(text)
    assert parse_file(path).text == text  # a string unless asked for the bytes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(st.sampled_from("ab\u0301\u0327é\r\n\x00 😀:I"), max_size=60),
    block=st.integers(min_value=1, max_value=9),
)
def test_any_text_read_in_blocks_is_normalised_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, block: int
) -> None:
    monkeypatch.setattr(plain_text, "_BLOCK", block)
    path = tmp_path / "t.txt"
    path.write_bytes(codecs.BOM_UTF8 + ("x" + text).encode("utf-8"))  # NUL only after a BOM
    document = parse_file(path, encoded=True)
    assert isinstance(document.text, EncodedText)
    assert document.text.decode() == normalise_text("x" + text)
    assert document.turns == whole_text_turns(normalise_text("x" + text))


def test_import_of_a_large_text_stores_the_text_and_turns_of_the_whole_file(tmp_path: Path) -> None:
    lines = [f"R{n % 7}: Eén ding over vertrouwen 😀 nummer {n}, café\u0301." for n in range(40_000)]
    data = ("Focusgroep\r\n\r\n" + "\r\n".join(lines) + "\r\n").encode("utf-8")
    assert len(data) > 2 * (1 << 20)  # more than one block
    path = tmp_path / "dag.txt"
    path.write_bytes(data)
    text = normalise_text(data.decode("utf-8"))
    project_path = tmp_path / "p.codewerk"
    with Project.create(project_path, codebook=None) as project:
        report = project.import_files([path])
        [document] = report.imported
        assert document.length == len(text)

        def stored() -> tuple[str, list[tuple[str, int, int, int]]]:
            turns = [(t.speaker, t.start, t.end, t.body_start) for t in project.documents.turns(document.id)]
            return project.documents.text(document.id), turns

        expected_turns = [(t.speaker, t.start, t.end, t.body_start) for t in detect_turns(text)]
        assert stored() == (text, expected_turns)
        project.undo()
        assert project.documents.list() == []
        project.redo()
        assert stored() == (text, expected_turns)
    with sqlite3.connect(project_path) as connection:  # a TEXT value, not the bytes it came as
        assert connection.execute("SELECT typeof(text) FROM document").fetchall() == [("text",)]
