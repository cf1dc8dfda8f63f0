"""Plain text (.txt) and Markdown (.md) transcripts, and the text decoding shared with subtitles.

A text file is read a megabyte at a time: each piece is decoded, normalised, searched for speaker
turns and kept as UTF-8, so a 45 MB transcript is held once as its bytes, never as one string
(with one emoji in it, a string of four bytes a character: 180 MB, and twice that while decoding).
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import EncodedText, ParsedDocument, ParsedTurn
from coding.core.text import normalise_text
from coding.importing.parsers.safety import MAX_TEXT_FILE_BYTES, check_file, check_text_bytes, read_head
from coding.speakers.turns import TurnScanner

_BLOCK = 1 << 20  # bytes read at a time
_HEAD = 64 * 1024  # what check_text_bytes looks at

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


def read_plain_text(
    path: Path, source_format: str, speaker_patterns: Sequence[str] | None = None
) -> ParsedDocument:
    """Read a .txt or .md file with its speaker turns; its text is an :class:`EncodedText`.

    The same text, encoding, warnings and turns as :func:`decode_text` and
    :func:`coding.speakers.turns.detect_turns` give for the whole file (tested)."""
    check_file(path, MAX_TEXT_FILE_BYTES)
    head = read_head(path, _HEAD)
    if head.startswith(codecs.BOM_UTF8):
        attempts = [("utf-8-sig", "strict", None), ("utf-8-sig", "replace", "utf-8-sig")]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        attempts = [("utf-16", "strict", None), ("utf-16", "replace", "utf-16")]
    else:
        check_text_bytes(path, head)
        attempts = [("utf-8", "strict", None), ("cp1252", "strict", None), ("cp1252", "replace", "cp1252")]
    warnings: list[str] = []
    for encoding, errors, replaced in attempts:
        if encoding == "cp1252" and errors == "strict":
            warnings.append(CP1252_WARNING)
        if replaced is not None:
            warnings.append(f"some bytes are not valid {replaced} and were replaced by '\ufffd'")
        try:
            text, turns, visible = _read_normalised(path, encoding, errors, speaker_patterns)
            break
        except UnicodeDecodeError:
            continue
    else:  # the last attempt replaces what it cannot decode
        raise AssertionError("unreachable")
    if not visible:
        raise FileImportError(path, say("contains no text"))
    return ParsedDocument(
        text=text,
        source_format=source_format,
        encoding=encoding,
        turns=turns,
        pages=(),
        warnings=tuple(warnings),
    )


def _read_normalised(
    path: Path, encoding: str, errors: str, patterns: Sequence[str] | None
) -> tuple[EncodedText, tuple[ParsedTurn, ...], bool]:
    scanner = TurnScanner(patterns)
    out = io.BytesIO()
    length = 0
    visible = False
    for number, raw in enumerate(_decoded_pieces(path, encoding, errors)):
        piece = normalise_text(raw, start=number == 0)
        del raw
        scanner.feed(piece)
        visible = visible or has_visible_text(piece)
        out.write(piece.encode("utf-8"))
        length += len(piece)
    return EncodedText(out.getvalue(), length), scanner.finish(), visible


def _decoded_pieces(path: Path, encoding: str, errors: str) -> Iterator[str]:
    """The file decoded a block at a time, cut right after a line break (``\\n``, or ``\\r``
    not followed by ``\\n``), so each piece can be normalised on its own."""
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    carried: list[str] = []
    try:
        with path.open("rb") as handle:
            while True:
                block = handle.read(_BLOCK)
                decoded = decoder.decode(block, final=not block)
                if not block:
                    if carried or decoded:
                        yield "".join([*carried, decoded])
                    return
                cut = max(decoded.rfind("\n"), decoded.rfind("\r", 0, len(decoded) - 1)) + 1
                if cut == 0:
                    carried.append(decoded)
                    continue
                yield "".join([*carried, decoded[:cut]])
                carried = [decoded[cut:]]
    except OSError as exc:
        raise FileImportError(path, say("cannot be read ({value})", value=exc.strerror or exc)) from None


def has_visible_text(text: str) -> bool:
    """False for text of only white space and invisible format characters (BOM, ZWSP …)."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)
