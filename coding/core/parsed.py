"""The result of parsing one input file: normalised text, speaker turns and pages.

All positions are Unicode code-point offsets into ``ParsedDocument.text`` (which is in
Codewerk's normal form, see :func:`coding.core.text.normalise_text`), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParsedTurn:
    """One speaker turn.

    ``start`` is the start of the turn's first line (including a timestamp or label),
    ``end`` the end of its last non-blank character, ``body_start`` the first character
    of the spoken words (after the label and the spaces that follow it; never past ``end``).
    """

    speaker: str
    start: int
    end: int
    body_start: int
    timestamp: float | None = None


@dataclass(frozen=True)
class ParsedPage:
    """The span of one page's text (PDF); ``number`` is 1-based."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class EncodedText:
    """A text in Codewerk's normal form held as its UTF-8 bytes: a long transcript with one emoji
    is four bytes a character as a Python string, one here. ``length`` counts code points.

    Only a reader that normalised the text builds one (see
    :func:`coding.importing.parsers.plain_text.read_plain_text`); the database stores the bytes
    as the text they encode."""

    utf8: bytes
    length: int

    def decode(self) -> str:
        return self.utf8.decode("utf-8")


def encoded(text: str) -> EncodedText:
    """``text`` (in Codewerk's normal form) as an :class:`EncodedText`."""
    return EncodedText(text.encode("utf-8"), len(text))


def plain(text: str | EncodedText) -> str:
    """``text`` as a string (an :class:`EncodedText` decoded)."""
    return text.decode() if isinstance(text, EncodedText) else text


@dataclass(frozen=True)
class ParsedDocument:
    """``text`` is an :class:`EncodedText` only where the caller asked for one
    (:func:`coding.importing.parsers.parse_file` with ``encoded=True``)."""

    text: str | EncodedText
    source_format: str
    encoding: str | None
    turns: tuple[ParsedTurn, ...]
    pages: tuple[ParsedPage, ...]
    warnings: tuple[str, ...] = ()
