"""How candidates' passages compared with the codes' profiles, kept for the next find under the same profiles.

A find compares tens of thousands of candidates with every code's profile
(:func:`~coding.language.suggestions.resemblance.resemblances`: their vectors, then a table of cosines); the next
find under the same profiles (the codings unchanged: :mod:`~coding.language.suggestions.kept`) finds mostly the same
passages for the same codes. Each comparison depends only on the passage, its code and the profiles (a block's
spans are each their own, to the last bit), so what was compared once is looked up, not compared again. Kept as
arrays (16 bytes of key and 24 of figures per passage and code), sorted by key; let go with the profiles.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from coding.language.suggestions.data import BoolArray, IntArray
from coding.language.suggestions.vectors import FloatArray

if TYPE_CHECKING:
    from coding.language.suggestions.candidates import Candidate

#: At most this many comparisons are kept (40 bytes each); past it, those kept are let go and kept anew.
MOST_KEPT = 2_000_000

_KEY = np.dtype((np.void, 16))
KeyArray = npt.NDArray[np.void]  # 1-D, of :data:`_KEY`


def passage_keys(candidates: Sequence[Candidate]) -> KeyArray | None:
    """Each candidate's (document, code, start, end) as one 16-byte key (big-endian: the keys sort as the numbers);
    ``None`` when one is beyond 32 bits (then nothing is kept)."""
    count = len(candidates)
    flat = np.fromiter(
        chain.from_iterable((c.document_id, c.code_id, c.start, c.end) for c in candidates),
        dtype=np.int64,
        count=4 * count,
    ).reshape(count, 4)
    if count and (flat.min() < 0 or flat[:, 2:].max() >= 1 << 32 or flat[:, :2].max() >= 1 << 32):
        return None
    packed = np.empty((count, 2), dtype=">u8")
    packed[:, 0] = (flat[:, 0] << 32) | flat[:, 1]
    packed[:, 1] = (flat[:, 2] << 32) | flat[:, 3]
    return packed.view(_KEY).reshape(count)


class SeenResemblances:
    """Per passage and code compared before: whether its code has a profile, its cosine with it, how many codes
    it resembles more, and its margin over the best other (the fields of ``resemblance.Resemblance``)."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.keys: KeyArray = np.zeros(0, dtype=_KEY)
        self.known: BoolArray = np.zeros(0, dtype=bool)
        self.similarity: FloatArray = np.zeros(0)
        self.rank: IntArray = np.zeros(0, dtype=np.int64)
        self.margin: FloatArray = np.zeros(0)

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, keys: KeyArray) -> IntArray:
        """Where each of ``keys`` is kept, −1 for those not compared yet."""
        if not len(self.keys) or not len(keys):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        found: IntArray = np.where(self.keys[at] == keys, at, -1)
        return found

    def add(
        self, keys: KeyArray, known: BoolArray, similarity: FloatArray, rank: IntArray, margin: FloatArray
    ) -> None:
        """Keep the comparisons of ``keys`` (none of them kept yet; a key twice is kept once)."""
        keys, first = np.unique(keys, return_index=True)
        if len(self.keys) + len(keys) > MOST_KEPT:
            self._clear()
        merged = np.concatenate([self.keys, keys])
        order = np.argsort(merged, kind="stable")
        self.keys = merged[order]
        self.known = np.concatenate([self.known, known[first]])[order]
        self.similarity = np.concatenate([self.similarity, similarity[first]])[order]
        self.rank = np.concatenate([self.rank, rank[first]])[order]
        self.margin = np.concatenate([self.margin, margin[first]])[order]
