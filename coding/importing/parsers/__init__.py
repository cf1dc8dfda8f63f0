"""Parsing of transcript files into text, speaker turns and pages (no Qt, no database).

``parse_file`` dispatches on the file extension (case-insensitive). Every problem with a
file raises :class:`coding.core.errors.FileImportError` with a reason the user can act on.

The parsers of binary formats (python-docx, pypdf, defusedxml) are imported when a file of
their type is parsed, not with this package: opening a project parses nothing, and those
libraries would cost the window's start a tenth of a second.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text
from coding.core.parsed import EncodedText, ParsedDocument, ParsedPage, ParsedTurn, plain
from coding.importing.parsers.plain_text import has_visible_text, read_plain_text
from coding.importing.parsers.subtitles import parse_subtitles
from coding.speakers.turns import DEFAULT_SPEAKER_PATTERNS, detect_turns, speakers

__all__ = [
    "DEFAULT_SPEAKER_PATTERNS",
    "SUPPORTED_EXTENSIONS",
    "EncodedText",
    "ParsedDocument",
    "ParsedPage",
    "ParsedTurn",
    "detect_turns",
    "parse_file",
    "speakers",
]


def _lazy(module: str, name: str) -> Callable[[Path], ParsedDocument]:
    """A parser imported from ``coding.importing.parsers.<module>`` on its first use."""

    def parse(path: Path) -> ParsedDocument:
        parser: Callable[[Path], ParsedDocument] = getattr(
            importlib.import_module(f"coding.importing.parsers.{module}"), name
        )
        return parser(path)

    parse.__name__ = parse.__qualname__ = name
    return parse


_PARSERS: dict[str, tuple[str, Callable[[Path], ParsedDocument]]] = {
    ".docx": ("docx", _lazy("word", "parse_docx")),
    ".odt": ("odt", _lazy("opendocument", "parse_odt")),
    ".pdf": ("pdf", _lazy("pdf", "parse_pdf")),
}
_SUBTITLES = {".vtt": "vtt", ".srt": "srt"}
# Plain text, read in pieces with its turns (a text file may be a 45 MB transcript).
_PLAIN = {".txt": "txt", ".md": "md"}
# Formats whose text is searched for speaker labels (subtitles have turns from their cues).
_TURN_FORMATS = frozenset({"docx", "odt"})

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({*_PARSERS, *_SUBTITLES, *_PLAIN})


def parse_file(
    path: Path, *, speaker_patterns: Sequence[str] | None = None, encoded: bool = False
) -> ParsedDocument:
    """Parse one transcript file.

    ``speaker_patterns`` (regular expressions, see :mod:`coding.speakers.turns`) replace
    ``DEFAULT_SPEAKER_PATTERNS``; an invalid pattern raises ``InvalidInputError``. With
    ``encoded``, the text of a plain text file comes as an :class:`EncodedText` (its UTF-8 bytes:
    what an import stores), otherwise every text is a string.
    """
    path = Path(path)
    extension = path.suffix.lower()
    if extension in _PLAIN:
        document = read_plain_text(path, _PLAIN[extension], speaker_patterns)
        if encoded or not isinstance(document.text, EncodedText):
            return document
        return replace(document, text=document.text.decode())
    if extension in _SUBTITLES:
        document = parse_subtitles(path, _SUBTITLES[extension], speaker_patterns)
    elif extension in _PARSERS:
        source_format, parser = _PARSERS[extension]
        document = parser(path)
        if source_format in _TURN_FORMATS:
            turns = detect_turns(plain(document.text), speaker_patterns)
            document = ParsedDocument(
                text=document.text,
                source_format=document.source_format,
                encoding=document.encoding,
                turns=turns,
                pages=document.pages,
                warnings=document.warnings,
            )
    else:
        shown = extension or "(none)"
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        raise FileImportError(
            path,
            text(
                "unsupported file type '{shown}' (supported: {supported})", shown=shown, supported=supported
            ),
        )
    if not has_visible_text(plain(document.text)):
        raise FileImportError(path, text("contains no text"))
    return document
