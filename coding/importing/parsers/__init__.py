"""Parsing of transcript files into text, speaker turns and pages (no Qt, no database).

``parse_file`` dispatches on the file extension (case-insensitive). Every problem with a
file raises :class:`coding.core.errors.FileImportError` with a reason the user can act on.

The parsers of binary formats (python-docx, pypdf, defusedxml) are imported when a file of
their type is parsed, not with this package: opening a project parses nothing, and those
libraries would cost the window's start a tenth of a second.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedDocument, ParsedPage, ParsedTurn
from coding.importing.parsers.plain_text import parse_plain_text
from coding.importing.parsers.subtitles import parse_subtitles
from coding.speakers.turns import DEFAULT_SPEAKER_PATTERNS, detect_turns, speakers

__all__ = [
    "DEFAULT_SPEAKER_PATTERNS",
    "SUPPORTED_EXTENSIONS",
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
    ".txt": ("txt", lambda path: parse_plain_text(path, "txt")),
    ".md": ("md", lambda path: parse_plain_text(path, "md")),
    ".pdf": ("pdf", _lazy("pdf", "parse_pdf")),
}
_SUBTITLES = {".vtt": "vtt", ".srt": "srt"}
# Formats whose text is searched for speaker labels (subtitles have turns from their cues).
_TURN_FORMATS = frozenset({"docx", "odt", "txt", "md"})

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({*_PARSERS, *_SUBTITLES})


def parse_file(path: Path, *, speaker_patterns: Sequence[str] | None = None) -> ParsedDocument:
    """Parse one transcript file.

    ``speaker_patterns`` (regular expressions, see :mod:`coding.speakers.turns`) replace
    ``DEFAULT_SPEAKER_PATTERNS``; an invalid pattern raises ``InvalidInputError``.
    """
    path = Path(path)
    extension = path.suffix.lower()
    if extension in _SUBTITLES:
        document = parse_subtitles(path, _SUBTITLES[extension], speaker_patterns)
    elif extension in _PARSERS:
        source_format, parser = _PARSERS[extension]
        document = parser(path)
        if source_format in _TURN_FORMATS:
            turns = detect_turns(document.text, speaker_patterns)
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
            say("unsupported file type '{shown}' (supported: {supported})", shown=shown, supported=supported),
        )
    if not _has_visible_text(document.text):
        raise FileImportError(path, say("contains no text"))
    return document


def _has_visible_text(text: str) -> bool:
    """False for text of only white space and invisible format characters (BOM, ZWSP …)."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)
