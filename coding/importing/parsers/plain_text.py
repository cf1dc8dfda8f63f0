"""Plain text (.txt) and Markdown (.md) transcripts, and the text decoding shared with subtitles."""

from __future__ import annotations

import codecs
from pathlib import Path

from coding.core.parsed import ParsedDocument
from coding.core.text import normalise_text
from coding.importing.parsers.safety import MAX_TEXT_FILE_BYTES, check_text_bytes, read_bytes

CP1252_WARNING = "not valid UTF-8; read as Windows-1252"


def decode_text(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Decode ``data``; return (normalised text, encoding, warnings).

    UTF-8 BOM → ``utf-8-sig``; UTF-16 BOM (LE or BE) → ``utf-16``; valid UTF-8 → ``utf-8``;
    anything else → ``cp1252`` with a warning. Binary content raises FileImportError.
    """
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        check_text_bytes(path, data)
        try:
            return normalise_text(data.decode("utf-8")), "utf-8", warnings
        except UnicodeDecodeError:
            encoding = "cp1252"
            warnings.append(CP1252_WARNING)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        warnings.append(f"some bytes are not valid {encoding} and were replaced by '\ufffd'")
    return normalise_text(text), encoding, warnings


def parse_plain_text(path: Path, source_format: str) -> ParsedDocument:
    """Read a .txt or .md file. Turns are filled in by the caller."""
    data = read_bytes(path, MAX_TEXT_FILE_BYTES)
    text, encoding, warnings = decode_text(path, data)
    return ParsedDocument(
        text=text,
        source_format=source_format,
        encoding=encoding,
        turns=(),
        pages=(),
        warnings=tuple(warnings),
    )
