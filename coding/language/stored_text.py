"""A long stored text read forward a window at a time, never held whole as a string.

A document's text comes from the database as its UTF-8 bytes (a quarter of the string's size
for a text with emoji, which Python stores at four bytes a character); :class:`TextWindows`
decodes only the windows asked for. Offsets are code points, as everywhere.
"""

from __future__ import annotations

import io

import numpy as np

_SKIP = 1 << 20  # characters decoded at most at once while skipping
#: A text of at most this many UTF-8 bytes is decoded whole at once (a string of at most four times
#: as many bytes): its windows are slices, not reads of a decoder (a transcript asks for one
#: window per turn).
WHOLE_BYTES = 1 << 20


class TextWindows:
    """``window(start, end)`` is ``text[start:end]`` of the text whose UTF-8 bytes are given.
    Read forward: a window starting before the end of the one before reads from the start again
    (only turns that overlap ask for that). A text of at most ``whole`` bytes is decoded at once."""

    def __init__(self, data: bytes, whole: int = WHOLE_BYTES) -> None:
        self._data = data
        self._text = data.decode("utf-8") if len(data) <= whole else None
        self._rewind()

    @property
    def whole(self) -> str | None:
        """The text, when it was decoded at once."""
        return self._text

    def _rewind(self) -> None:
        if self._text is not None:
            return
        self._reader = io.TextIOWrapper(io.BytesIO(self._data), encoding="utf-8", newline="")
        self._position = 0

    def __call__(self, start: int, end: int) -> str:
        if self._text is not None:
            return self._text[start : max(start, end)]
        if start < self._position:
            self._rewind()
        while self._position < start:
            skipped = self._reader.read(min(start - self._position, _SKIP))
            if not skipped:
                break
            self._position += len(skipped)
        window = self._reader.read(max(end - start, 0))
        self._position += len(window)
        return window


def character_count(data: bytes) -> int:
    """The number of characters (code points) of UTF-8 ``data``: its bytes that do not continue
    a character."""
    count = 0
    for start in range(0, len(data), _SKIP):
        chunk = np.frombuffer(data, dtype=np.uint8, count=min(_SKIP, len(data) - start), offset=start)
        count += int(np.count_nonzero((chunk & 0xC0) != 0x80))
    return count
