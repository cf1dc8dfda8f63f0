"""Selection positions in a source file as another tool stored it, mapped onto Codewerk's text.

REFI-QDA positions count the characters of the plain-text source file as it is stored
(ATLAS.ti and MAXQDA count Unicode characters of the file's text: a CRLF is two, a
decomposed ``é`` is two). Codewerk stores that text in its normal form (NFC, ``\\n`` line
endings, no BOM or NUL; :func:`coding.core.text.normalise_text`), so every position is mapped:

1. the BOM is not a character of the text and is not counted;
2. removing the ``\\r`` of a CRLF (and any NUL) shifts later positions; a position between
   ``\\r`` and ``\\n`` means the line break: a start there keeps it, an end there includes it;
3. NFC composition merges characters: positions are mapped exactly where the composed text
   has a matching boundary; a boundary inside a composed character widens the selection to
   the whole character (starts move left, ends move right).

Some tools count UTF-16 code units or count in already-normalised text. When a source's
selections carry their text in ``name``, :func:`choose_counting` picks the interpretation
under which most names match the selected text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from enum import Enum

from coding.core.text_positions import Utf16Index

# Characters below U+0300 are NFC-stable starters that never compose with a preceding
# character, so NFC can only change runs that contain characters from U+0300 upwards,
# together with the one character before such a run.
_UNSTABLE_RUN = re.compile("[\x00-\u02ff]?[^\x00-\u02ff]+")
_REMOVED = re.compile("\r(?=\n)|\x00")


class Counting(Enum):
    """How a tool counted positions."""

    STORED = "characters of the stored file"
    UTF16 = "UTF-16 units of the stored file"
    NORMALISED = "characters of the normalised text"


class _Composition:
    """Offsets of a text before and after NFC (the text has no CR or NUL)."""

    def __init__(self, text: str) -> None:
        self.text = unicodedata.normalize("NFC", text)
        self.chunks: list[tuple[int, int, str, int]] = []  # (start, end, nfc, shift before)
        self.starts: list[int] = []
        if self.text is text or self.text == text:  # already normal (no second scan to ask)
            return
        shift = 0
        pieces: list[str] = []
        previous = 0
        for match in _UNSTABLE_RUN.finditer(text):
            composed = unicodedata.normalize("NFC", match.group())
            if composed == match.group():
                continue
            pieces.append(text[previous : match.start()])
            pieces.append(composed)
            previous = match.end()
            self.chunks.append((match.start(), match.end(), composed, shift))
            shift += len(composed) - (match.end() - match.start())
        pieces.append(text[previous:])
        if "".join(pieces) != self.text:  # cannot happen for valid Unicode; stay correct anyway
            self.chunks = [(0, len(text), self.text, 0)]
        self.starts = [chunk[0] for chunk in self.chunks]
        self._source = text

    def to_text(self, offset: int, *, end: bool) -> int:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        start, stop, composed, shift = self.chunks[index]
        if offset >= stop:
            return offset + shift + len(composed) - (stop - start)
        if offset == start:
            return start + shift
        chunk = self._source[start:stop]
        step = 1 if end else -1
        relative = offset - start
        while True:
            prefix = unicodedata.normalize("NFC", chunk[:relative])
            if prefix + unicodedata.normalize("NFC", chunk[relative:]) == composed:
                return start + shift + len(prefix)
            relative += step


#: The first bytes of UTF-8's four-byte sequences (the characters outside the BMP).
_FOUR_BYTE_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


class SourceText:
    """A source text as stored (``raw``, already decoded) and its normal form ``text``."""

    def __init__(self, raw: str, utf8: bytes | None = None) -> None:
        """``utf8``: the bytes ``raw`` was decoded from as UTF-8, if it was (they tell quicker
        whether it has characters outside the BMP)."""
        if raw.startswith("\ufeff"):
            raw = raw[1:]
            utf8 = None
        self.raw = raw
        self._utf8 = utf8
        if "\r" in raw or "\x00" in raw:  # (most texts have neither: no scan by the pattern)
            self.removed = [m.start() for m in _REMOVED.finditer(raw)]
            stage = _REMOVED.sub("", raw).replace("\r", "\n")
        else:
            self.removed, stage = [], raw
        self._composition = _Composition(stage)
        #: ``normalise_text(raw)`` (``tests/coding/refi/test_positions.py`` holds it to that).
        self.text = self._composition.text
        self.identity = not self.removed and not self._composition.chunks
        self._utf16: Utf16Index | None = None

    @property
    def astral(self) -> bool:
        """Whether the text has characters outside the BMP (two UTF-16 units each): its UTF-16
        length says so at once, where the index would scan it for them."""
        if self._utf16 is None:
            if self._utf8 is not None:  # a character outside the BMP is four bytes, led by F0–F4
                return any(lead in self._utf8 for lead in _FOUR_BYTE_LEADS)
            return len(self.raw.encode("utf-16-le", "surrogatepass")) != 2 * len(self.raw)
        return not self._utf16.identity

    @property
    def utf16(self) -> Utf16Index:
        if self._utf16 is None:
            self._utf16 = Utf16Index(self.raw)
        return self._utf16

    def to_text(self, offset: int, *, end: bool = False) -> int:
        """The offset in :attr:`text` of ``offset`` in :attr:`raw` (a start, or with ``end`` an end)."""
        if self.identity:
            return offset
        index = bisect_left(self.removed, offset)
        stage = offset - index
        if end and index and self.removed[index - 1] == offset - 1 and self.raw[offset - 1] == "\r":
            stage += 1  # an end between CR and LF includes the line break
        return self._composition.to_text(stage, end=end)

    def span(self, start: int, end: int, counting: Counting = Counting.STORED) -> tuple[int, int] | None:
        """The selection ``start``–``end`` in :attr:`text`, or ``None`` if it is not a passage of the source."""
        if counting is Counting.NORMALISED:
            limit = len(self.text)
            return (start, end) if 0 <= start < end <= limit else None
        if counting is Counting.UTF16:
            if not 0 <= start < end <= self.utf16.utf16_length:
                return None
            units = end
            start, end = self.utf16.from_utf16(start), self.utf16.from_utf16(end)
            if self.utf16.to_utf16(end) < units:  # an end inside a surrogate pair includes it
                end += 1
        if not 0 <= start < end <= len(self.raw):
            return None
        mapped = self.to_text(start), self.to_text(end, end=True)
        return mapped if mapped[0] < mapped[1] else None


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_matches(name: str, selected: str) -> bool:
    """Whether a selection's ``name`` is its text (whole, or a truncated beginning)."""
    if name == selected and not name.isspace():  # as Codewerk writes it: no need to squash both
        return bool(name)
    wanted = _squash(name)
    if not wanted:
        return False
    found = _squash(selected)
    if wanted == found:
        return True
    stem = wanted.removesuffix("…").removesuffix("...").rstrip()
    return len(stem) >= 5 and stem != wanted and found.startswith(stem)


def choose_counting(source: SourceText, selections: Sequence[tuple[int, int, str | None]]) -> Counting:
    """The counting under which most selection names match their text; the standard's if no better."""
    candidates = [Counting.STORED]
    if not source.identity:
        candidates.append(Counting.NORMALISED)
    if source.astral:
        candidates.append(Counting.UTF16)
    named = [(s, e, n) for s, e, n in selections if n and not n.isspace()]
    if len(candidates) == 1 or not named:
        return Counting.STORED
    scores: dict[Counting, int] = {}
    for counting in candidates:
        if counting is not Counting.STORED and scores[Counting.STORED] == len(named):
            return Counting.STORED  # every name matches as stored: nothing can do better
        scores[counting] = _score(source, named, counting)
    best = max(candidates, key=lambda c: scores[c])
    return best if scores[best] > scores[Counting.STORED] else Counting.STORED


def _score(source: SourceText, named: Sequence[tuple[int, int, str]], counting: Counting) -> int:
    """How many of the ``named`` selections' names match their text counted as ``counting``."""
    text = source.text
    if counting is Counting.STORED and source.identity:  # (a text with an emoji, as Codewerk writes
        # it: every name compared as stored, a slice each, :meth:`SourceText.span` not called)
        limit = len(text)
        return sum(
            1
            for start, end, name in named
            if 0 <= start < end <= limit
            and ((name == (selected := text[start:end])) or name_matches(name, selected))
        )
    score = 0
    for start, end, name in named:
        span = source.span(start, end, counting)
        if span is not None and name_matches(name, text[span[0] : span[1]]):
            score += 1
    return score
