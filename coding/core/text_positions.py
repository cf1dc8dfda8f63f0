"""The one place where code-point offsets meet UTF-16 offsets.

Codewerk stores positions as Unicode code points; Qt's text classes count UTF-16 code units,
where every character outside the Basic Multilingual Plane (emoji, some CJK) takes two units.
The UI converts every position it exchanges with Qt through a :class:`Utf16Index`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Offset conversion for one text; O(log n) per conversion, identity for BMP-only text."""

    __slots__ = ("_astral", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [position + index for index, position in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """Code-point offset of UTF-16 ``offset``; an offset inside a surrogate pair snaps to its start."""
        if not 0 <= offset <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {offset} outside 0..{self.utf16_length}")
        return offset - bisect_left(self._astral_utf16, offset)
