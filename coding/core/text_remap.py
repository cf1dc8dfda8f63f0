"""Carry spans (codings, turns, pages …) over when a document's text changes.

``remap_spans`` works from the old and new text alone, with a diff: by lines first
(``difflib.SequenceMatcher(autojunk=False)`` on the lines, blank lines attached to the line
before them), then by characters inside each changed block of lines. A changed block too
large for a character diff is refined first: line by line when it spans many lines (lines
equal apart from white space and case, or at the same place in equally long runs, are
paired), else by words. A block that is too large even for that counts as changed.

A span is kept when its text is unchanged:

* both its ends lie in unchanged regions of the diff and the text between the mapped ends
  is the same as before (it is, trivially, when the span lies in one unchanged region);
* otherwise, when its exact text appears at the mapped place: in the new text between the
  nearest *anchors* around it (unchanged regions longer than the span and than 8
  characters), plus the span's length. This recovers spans that the diff attributed to a
  neighbouring edit, as happens in repeated text. The occurrence closest to the mapped
  start wins.

Anything else (a span whose text was changed, cut or deleted) maps to ``None``. A kept
span always has exactly its old text. In very repetitive text a span that the edit did not
touch can still map to ``None`` (never to other text) if the diff paired its characters
with a copy beyond the anchors.

``apply_replacements`` applies known, non-overlapping replacements (anonymisation) and
returns an exact span mapper; its rules are documented on the function.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from itertools import accumulate

Span = tuple[int, int]
# Two changed blocks are diffed by characters when len(a) * len(b) is at most
# CHAR_DIFF_LIMIT, else refined by lines or words first; a word diff is only run when the
# product of the word counts is at most WORD_DIFF_LIMIT (else the block counts as changed).
CHAR_DIFF_LIMIT = 250_000
WORD_DIFF_LIMIT = 400_000_000
_LINE = re.compile(r"[^\n]*\n(?:[ \t]*\n)*|[^\n]+")
_WORD = re.compile(r"\w+|\s+|[^\w\s]")
_ANCHOR = 8  # matching blocks longer than this (and than the span) bound a search
_MAX_WIDENING = 64


def remap_spans(old: str, new: str, spans: Sequence[Span]) -> list[Span | None]:
    """Map each ``(start, end)`` of ``old`` to where the same passage is in ``new`` (or None)."""
    for start, end in spans:
        _check_span(start, end, len(old))
    if old == new:
        return [(start, end) for start, end in spans]
    skipped: list[tuple[int, int]] = []
    mapper = _BlockMap(old, new, _matching_blocks(old, new, skipped), skipped)
    return [mapper.map(start, end) for start, end in spans]


def _check_span(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise ValueError(f"span ({start}, {end}) is not within a text of length {length}")


def _common_prefix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # binary search on slices: C-speed comparisons
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def _matching_blocks(old: str, new: str, skipped: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Unchanged regions as (old start, new start, length), ascending in both texts.
    Changed regions too large to diff are added to ``skipped`` (old start, old end)."""
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old[prefix:], new[prefix:])
    blocks: list[tuple[int, int, int]] = [(0, 0, prefix)]
    _diff(old, new, (prefix, len(old) - suffix, prefix, len(new) - suffix), _LINE, blocks, skipped)
    blocks.append((len(old) - suffix, len(new) - suffix, suffix))
    merged: list[tuple[int, int, int]] = []
    for a, b, size in blocks:
        if size == 0:
            continue
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((a, b, size))
    return merged


def _diff(
    old: str,
    new: str,
    region: tuple[int, int, int, int],
    tokens: re.Pattern[str] | None,
    out: list[tuple[int, int, int]],
    skipped: list[tuple[int, int]],
) -> None:
    """Append the matching blocks of old[a_lo:a_hi] and new[b_lo:b_hi] to ``out``."""
    a_lo, a_hi, b_lo, b_hi = region
    if a_lo >= a_hi or b_lo >= b_hi:
        return
    if tokens is None:  # characters
        if (a_hi - a_lo) * (b_hi - b_lo) > CHAR_DIFF_LIMIT:
            skipped.append((a_lo, a_hi))
            return
        matcher = SequenceMatcher(None, old[a_lo:a_hi], new[b_lo:b_hi], autojunk=False)
        out.extend((a_lo + a, b_lo + b, size) for a, b, size in matcher.get_matching_blocks())
        return
    a_tokens = tokens.findall(old, a_lo, a_hi)
    b_tokens = tokens.findall(new, b_lo, b_hi)
    if tokens is _WORD and len(a_tokens) * len(b_tokens) > WORD_DIFF_LIMIT:
        skipped.append((a_lo, a_hi))
        return
    a_offsets = list(accumulate((len(t) for t in a_tokens), initial=a_lo))
    b_offsets = list(accumulate((len(t) for t in b_tokens), initial=b_lo))
    # Lines: every line may start a match. Words: frequent words may not (fast enough for
    # a rewritten document), but matches still extend over them.
    matcher = SequenceMatcher(None, a_tokens, b_tokens, autojunk=tokens is _WORD)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1, a2, b1, b2 = a_offsets[i1], a_offsets[i2], b_offsets[j1], b_offsets[j2]
        if tag == "equal":
            out.append((a1, b1, a2 - a1))
        elif tag == "replace":
            if (a2 - a1) * (b2 - b1) <= CHAR_DIFF_LIMIT:
                _diff(old, new, (a1, a2, b1, b2), None, out, skipped)
            elif tokens is _LINE:
                _pair_lines(old, new, (a_tokens[i1:i2], a_offsets[i1:i2]), (b_tokens[j1:j2], b_offsets[j1:j2]),
                            out, skipped)  # fmt: skip
            else:
                skipped.append((a1, a2))


def _pair_lines(
    old: str,
    new: str,
    a_lines: tuple[list[str], list[int]],
    b_lines: tuple[list[str], list[int]],
    out: list[tuple[int, int, int]],
    skipped: list[tuple[int, int]],
) -> None:
    """A large block of changed lines (e.g. a change on every line): pair the lines that are
    alike (equal apart from white space and case, or at the same place in equally long runs)
    and diff each pair; diff the remaining runs by words."""
    (a_text, a_starts), (b_text, b_starts) = a_lines, b_lines
    a_keys = [" ".join(line.split()).casefold() for line in a_text]
    b_keys = [" ".join(line.split()).casefold() for line in b_text]
    matcher = SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                pair = (a_starts[i], a_starts[i] + len(a_text[i]), b_starts[j], b_starts[j] + len(b_text[j]))
                small = len(a_text[i]) * len(b_text[j]) <= CHAR_DIFF_LIMIT
                _diff(old, new, pair, None if small else _WORD, out, skipped)
        elif tag == "replace":
            a_end = a_starts[i2 - 1] + len(a_text[i2 - 1])
            b_end = b_starts[j2 - 1] + len(b_text[j2 - 1])
            _diff(old, new, (a_starts[i1], a_end, b_starts[j1], b_end), _WORD, out, skipped)


class _BlockMap:
    """Maps old positions to new ones through the matching blocks of a diff."""

    def __init__(
        self, old: str, new: str, blocks: list[tuple[int, int, int]], skipped: list[tuple[int, int]]
    ) -> None:
        self.old, self.new, self.blocks = old, new, blocks
        self.starts = [a for a, _, _ in blocks]
        self.skipped = skipped  # ascending, not overlapping
        self.skipped_ends = [end for _, end in skipped]

    def _block(self, position: int) -> int | None:
        """Index of the block that holds the character at ``position``."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.starts[index] + self.blocks[index][2]:
            return index
        return None

    def _exact(self, index: int, position: int) -> int:
        a, b, _ = self.blocks[index]
        return b + position - a

    def _low(self, position: int) -> int:
        """New position of ``position``, or of the start of the changed region holding it."""
        index = bisect_right(self.starts, position) - 1
        if index < 0:
            return 0
        a, b, size = self.blocks[index]
        return b + min(position - a, size)

    def _high(self, position: int) -> int:
        """New position of ``position``, or of the end of the changed region holding it."""
        index = bisect_left(self.starts, position)
        if index > 0:
            a, b, size = self.blocks[index - 1]
            if position <= a + size:
                return b + position - a
        return self.blocks[index][1] if index < len(self.blocks) else len(self.new)

    def map(self, start: int, end: int) -> Span | None:
        if start == end:
            index = self._block(start) if start < len(self.old) else None
            if index is not None:
                return (self._exact(index, start),) * 2
            before = self._block(start - 1) if start > 0 else None
            return (self._exact(before, start - 1) + 1,) * 2 if before is not None else None
        first, last = self._block(start), self._block(end - 1)
        text = self.old[start:end]
        if first is not None and last is not None:
            mapped_start, mapped_end = self._exact(first, start), self._exact(last, end - 1) + 1
            if first == last or self.new[mapped_start:mapped_end] == text:
                return (mapped_start, mapped_end)
        if self._touches_skipped(start, end):
            return None  # in a changed region too large to diff: nothing to compare with
        return self._search(text, *self._window(start, end), estimate=self._low(start))

    def _touches_skipped(self, start: int, end: int) -> bool:
        index = bisect_right(self.skipped_ends, start)  # the first skipped region ending after start
        return index < len(self.skipped) and self.skipped[index][0] < end

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """Where in ``new`` an intact span old[start:end] may be: between the nearest
        *anchors* (matching blocks longer than the span and than 8 characters) around it.
        Shorter matching blocks near a change are often coincidences of the diff."""
        low, high = self._low(start), self._high(end)
        tiny = max(end - start, _ANCHOR)
        index = bisect_right(self.starts, start) - 1  # the block at or before the start
        for _ in range(_MAX_WIDENING):
            if index < 0 or self.blocks[index][2] > tiny:
                break
            index -= 1
            low = self.blocks[index][1] + self.blocks[index][2] if index >= 0 else 0
        index = bisect_left(self.starts, end)  # the first block after the span …
        if index > 0 and end <= self.starts[index - 1] + self.blocks[index - 1][2]:
            index -= 1  # … or the one holding its last character
        for _ in range(_MAX_WIDENING):
            if index >= len(self.blocks) or self.blocks[index][2] > tiny:
                break
            index += 1
            high = self.blocks[index][1] if index < len(self.blocks) else len(self.new)
        return low, high

    def _search(self, text: str, low: int, high: int, estimate: int) -> Span | None:
        """The occurrence of ``text`` in new[low - len : high + len] closest to ``estimate``."""
        size = len(text)
        window_end = min(len(self.new), high + size)
        found = self.new.find(text, max(0, low - size), window_end)
        best: int | None = None
        while found != -1:
            if best is None or abs(found - estimate) < abs(best - estimate):
                best = found
            if found > estimate:
                break
            found = self.new.find(text, found + 1, window_end)
        return None if best is None else (best, best + size)


def apply_replacements(
    text: str, replacements: Sequence[tuple[int, int, str]]
) -> tuple[str, Callable[[int, int], Span | None]]:
    """Apply non-overlapping ``(start, end, replacement)`` edits; return the new text and a
    mapper from old spans to new spans.

    Rules of the mapper (``R`` = a replaced region ``[rs, re)`` of the old text):

    * a span that does not overlap any R keeps its text and is shifted;
    * a span that contains a whole R (``s <= rs`` and ``re <= e``) is kept; it stretches or
      shrinks with the replacement (a span equal to R maps to the replacement);
    * a span with an end strictly inside an R is *extended* at that end to the
      replacement's boundary, so it covers the whole replacement;
    * a span entirely inside an R (but not equal to it) maps to ``None``;
    * insertions (``rs == re``) at a span's start or end stay outside the span; an empty
      span strictly inside an R maps to ``None``.

    Raises ValueError for regions outside the text or overlapping regions.
    """
    ordered = sorted(replacements, key=lambda item: (item[0], item[1]))
    previous_end = 0
    for start, end, _ in ordered:
        _check_span(start, end, len(text))
        if start < previous_end:
            raise ValueError(f"replacement ({start}, {end}) overlaps another replacement")
        previous_end = end
    pieces: list[str] = []
    position = 0
    for start, end, replacement in ordered:
        pieces.extend((text[position:start], replacement))
        position = end
    pieces.append(text[position:])
    new_text = "".join(pieces)

    starts = [start for start, _, _ in ordered]
    ends = [end for _, end, _ in ordered]
    shift = list(accumulate((len(r) - (e - s) for s, e, r in ordered), initial=0))
    new_starts = [start + shift[index] for index, start in enumerate(starts)]

    def inside(position: int) -> int | None:
        index = bisect_left(starts, position) - 1  # the last region starting before position
        return index if index >= 0 and position < ends[index] else None

    def map_span(start: int, end: int) -> Span | None:
        _check_span(start, end, len(text))
        first, last = inside(start), inside(end)
        if start == end:
            return None if first is not None else (start + shift[bisect_right(ends, start)],) * 2
        region = bisect_right(starts, start) - 1
        while region >= 0 and starts[region] == ends[region]:  # skip insertions
            region -= 1
        if region >= 0 and end <= ends[region] and (starts[region], ends[region]) != (start, end):
            return None  # entirely inside one replaced region
        new_start = new_starts[first] if first is not None else start + shift[bisect_right(ends, start)]
        if last is not None:
            new_end = new_starts[last] + len(ordered[last][2])
        else:
            new_end = end + shift[min(bisect_right(ends, end), bisect_left(starts, end))]
        return (new_start, new_end)

    return new_text, map_span
