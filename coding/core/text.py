"""The one normal form of document text.

Every stored document text is NFC-normalised and uses ``\\n`` line endings; all
positions in Codewerk are Unicode code-point offsets (end exclusive) into that text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_NUL = "\x00"


def normalise_text(text: str, *, start: bool = True) -> str:
    """Return ``text`` in Codewerk's normal form: NFC, ``\\n`` line endings, no BOM or NUL.

    A text read in pieces cut right after a line break is normalised piece by piece (a line break
    neither combines nor reorders with what is around it); ``start=False`` for every piece but the
    first, where a byte-order mark is a character of the text, not a mark."""
    if start and text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NUL in text:
        text = text.replace(_NUL, "")
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Coördinatie`` and ``coordinatie`` fold alike."""
    decomposed = text.casefold() if text.isascii() else unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # nothing to strip (most of a transcript's words): the same, faster
        return " ".join(decomposed.split())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def natural_key(text: str) -> list[Any]:
    """Sort key that puts ``R2`` before ``R10``, case- and accent-insensitively."""
    return [int(part) if part.isdigit() else fold(part) for part in re.split(r"(\d+)", text)]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace (may become empty: ``start == end``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def name_from_file(name: str) -> str:
    """A file name as text a project can store and print.

    A name whose bytes are not UTF-8 (an old zip, a USB stick from Windows) reaches Python with the bad bytes as
    lone surrogates, which no database or terminal accepts; its bytes are read as Windows-1252 instead, the
    likeliest origin, with anything left over as U+FFFD.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            name = raw.decode("cp1252")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", name)
