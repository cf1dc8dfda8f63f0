"""Plain text and Markdown: encoding detection, line endings, normalisation."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from coding.importing.parsers import parse_file

TEXT = "Interview 5 – café\nI: Eén vraag over coördinatie?\nR5: Ideeën genoeg, kost € 5.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes(data)
    document = parse_file(path)
    assert document.text == TEXT
    assert document.encoding == encoding
    assert document.source_format == "txt"
    expected_warnings = ("not valid UTF-8; read as Windows-1252",) if encoding == "cp1252" else ()
    assert document.warnings == expected_warnings


def test_cp1252_special_characters(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(b"R2: caf\xe9, idee\xebn en \x80 12 \x96 \x93goed\x94")
    document = parse_file(path)
    assert document.text == "R2: café, ideeën en € 12 – “goed”"
    assert document.encoding == "cp1252"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "regels.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    document = parse_file(path)
    assert document.text == TEXT
    assert [turn.speaker for turn in document.turns] == ["I", "R5"]


def test_crlf_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"))
    assert parse_file(path).text == TEXT


def test_text_is_nfc_and_offsets_are_code_points(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "I: Eén café 😀\nR1: coördinatie")
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    document = parse_file(path)
    assert document.text == "I: Eén café 😀\nR1: coördinatie"
    second = document.turns[1]
    assert document.text[second.body_start : second.end] == "coördinatie"


def test_markdown_keeps_text_and_finds_bold_labels(tmp_path: Path) -> None:
    path = tmp_path / "interview.MD"
    path.write_text("# Interview 6\n\n**I:** Hoe gaat het?\n\n**Jan de Vries**: Prima, één ding.\n", "utf-8")
    document = parse_file(path)
    assert document.source_format == "md"
    assert document.encoding == "utf-8"
    assert document.text == "# Interview 6\n\n**I:** Hoe gaat het?\n\n**Jan de Vries**: Prima, één ding.\n"
    assert [(turn.speaker, document.text[turn.body_start : turn.end]) for turn in document.turns] == [
        ("I", "Hoe gaat het?"),
        ("Jan de Vries", "Prima, één ding."),
    ]


def test_invalid_bytes_after_utf8_bom_are_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "kapot.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"I: caf\xe9")
    document = parse_file(path)
    assert document.text == "I: caf\ufffd"
    assert document.encoding == "utf-8-sig"
    assert document.warnings and "replaced" in document.warnings[0]
