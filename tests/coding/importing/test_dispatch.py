"""parse_file: dispatch by extension, custom speaker patterns, the shape of the result."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from coding.core.errors import FileImportError, InvalidInputError
from coding.importing.parsers import SUPPORTED_EXTENSIONS, ParsedDocument, parse_file


def test_supported_extensions() -> None:
    assert frozenset({".docx", ".txt", ".md", ".odt", ".pdf", ".vtt", ".srt"}) == SUPPORTED_EXTENSIONS


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "INTERVIEW.TXT"
    path.write_text("I: Eén café?\nR1: Ja.", "utf-8")
    document = parse_file(path)
    assert isinstance(document, ParsedDocument)
    assert document.source_format == "txt"
    assert [turn.speaker for turn in document.turns] == ["I", "R1"]


def test_custom_speaker_patterns_reach_the_turn_detection(tmp_path: Path) -> None:
    path = tmp_path / "eigen.txt"
    path.write_text("JDV> Eén café.\nI: geen label hier\nMVB> Ideeën.", "utf-8")
    document = parse_file(path, speaker_patterns=[r"(?P<speaker>[A-Z]{3})>"])
    assert [turn.speaker for turn in document.turns] == ["JDV", "MVB"]
    assert (
        document.text[document.turns[0].body_start : document.turns[0].end] == "Eén café.\nI: geen label hier"
    )


def test_custom_speaker_patterns_for_subtitles(tmp_path: Path) -> None:
    path = tmp_path / "eigen.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nJDV> Eén café.\n", "utf-8")
    document = parse_file(path, speaker_patterns=[r"(?P<speaker>[A-Z]{3})>"])
    assert document.text == "[00:00:01] JDV: Eén café."


def test_invalid_speaker_pattern_is_not_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("I: a", "utf-8")
    with pytest.raises(InvalidInputError):
        parse_file(path, speaker_patterns=["(?P<speaker>"])


def test_encrypted_odt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "geheim.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\x8a\x01versleuteld")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
            "</manifest:file-entry></manifest:manifest>",
        )
    with pytest.raises(FileImportError) as caught:
        parse_file(path)
    assert str(caught.value) == "geheim.odt: password-protected; save it without a password"
