"""How candidates' passages compared with the codes' profiles, kept for the next find under the same profiles.

A find compares tens of thousands of candidates with every code's profile
(:func:`~coding.language.suggestions.resemblance.resemblances`: their vectors, then a table of cosines); the next
find under the same profiles (the codings unchanged: :mod:`~coding.language.suggestions.kept`) finds mostly the same
passages for the same codes. Each comparison depends only on the passage, its code and the profiles (a block's
spans are each their own, to the last bit), so what was compared once is looked up, not compared again. Kept as
arrays (16 bytes of key and 24 of figures per passage and code), sorted by key; let go with the profiles. Stored
for the next session under the profiles' stamp (:mod:`.stored_state`, piece :data:`NAME`) after each find that
compared something new, and read by the first find of the next session under the same profiles.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from coding.language.suggestions import stored_state
from coding.language.suggestions.data import BoolArray, IntArray
from coding.language.suggestions.vectors import FloatArray

if TYPE_CHECKING:
    from coding.language.suggestions.candidates import Candidate
    from coding.language.suggestions.data import CorpusData
    from coding.language.suggestions.resemblance import Profiles

#: At most this many comparisons are kept (40 bytes each); past it, those kept are let go and kept anew.
MOST_KEPT = 2_000_000
#: The piece the comparisons are stored as.
NAME = "seen_resemblances"
_FIELDS = ("keys", "known", "similarity", "rank", "margin")

_KEY = np.dtype((np.void, 16))
KeyArray = npt.NDArray[np.void]  # 1-D, of :data:`_KEY`


def passage_keys(candidates: Sequence[Candidate]) -> KeyArray | None:
    """Each candidate's (document, code, start, end) as one 16-byte key (big-endian: the keys sort as the numbers);
    ``None`` when one is beyond 32 bits (then nothing is kept)."""
    from coding.language.suggestions.candidate_columns import CandidateColumns

    count = len(candidates)
    if isinstance(candidates, CandidateColumns):  # its columns, not a pass over the candidates
        flat = np.stack([candidates.document, candidates.code, candidates.start, candidates.end], axis=1)
    else:
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

    def __init__(self, stamp: str | None = None) -> None:
        #: The profiles' stamp the comparisons are stored under (``None``: not stored).
        self.stamp = stamp
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

    def arrays(self) -> dict[str, np.ndarray]:
        """What is kept, as the piece stores it."""
        return {name: getattr(self, name) for name in _FIELDS}

    def load(self, arrays: dict[str, np.ndarray]) -> None:
        """Keep what :meth:`arrays` gave (``ValueError`` for arrays that are not such)."""
        keys, known, similarity, rank, margin = (arrays[name] for name in _FIELDS)
        if keys.dtype != _KEY or known.dtype != bool or rank.dtype != np.int64:
            raise ValueError("comparisons of another kind")
        if similarity.dtype != np.float64 or margin.dtype != np.float64 or keys.ndim != 1:
            raise ValueError("comparisons of another kind")
        if not len(keys) == len(known) == len(similarity) == len(rank) == len(margin):
            raise ValueError("comparisons of another shape")
        pairs = keys.view(">u8").reshape(-1, 2)  # as the numbers they are, to check their order
        later = (pairs[1:, 0] > pairs[:-1, 0]) | (
            (pairs[1:, 0] == pairs[:-1, 0]) & (pairs[1:, 1] > pairs[:-1, 1])
        )
        if not bool(later.all()):
            raise ValueError("comparisons not in order")
        self.keys, self.known, self.similarity, self.rank, self.margin = keys, known, similarity, rank, margin


def kept_seen(data: CorpusData, profiles: Profiles) -> SeenResemblances:
    """The comparisons kept under ``profiles`` (the very object): at first those stored under their stamp, if any."""
    found: SeenResemblances = data.derive_for(
        "resemblances", profiles, lambda: _recalled(data, profiles), same=True
    )
    return found


def _recalled(data: CorpusData, profiles: Profiles) -> SeenResemblances:
    from coding.language.suggestions.kept import profiles_stamp  # it imports what imports this

    seen = SeenResemblances(profiles_stamp(data, profiles))
    if seen.stamp is not None and data.store is not None:
        arrays = stored_state.read(data.store, NAME, seen.stamp)
        if arrays is not None:
            try:
                seen.load(arrays)
            except (ValueError, KeyError, TypeError) as exc:
                stored_state.log_unread(NAME, exc)
    return seen


def remember(data: CorpusData, seen: SeenResemblances) -> None:
    """Store ``seen`` after the find (it compared something new)."""
    if seen.stamp is not None and data.store is not None:
        data.unsaved[NAME] = (seen.stamp, seen.arrays)
