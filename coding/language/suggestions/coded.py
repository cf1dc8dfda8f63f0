"""The coded passages per document and code, as a find of suggestions reads them: held as arrays.

A find looks at what is coded by document and code (``coded[(document, code)]``: the passages, in the order read)
and passes over all of it a few times (the codings' stamp, the profiles). Ten times the large corpus has 200,000
codings: as a dict of lists of ``(start, end)`` tuples that was ≈ 40 MB held through the find; as arrays it is a
few, and each list is made when it is asked for.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, Mapping, ValuesView
from itertools import chain
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from coding.core.ids import CodeId, DocumentId

Key = tuple[DocumentId, CodeId]
Spans = list[tuple[int, int]]
_SHIFT = 32


class CodedSpans(Mapping[Key, Spans]):
    """Per document and code, the coded passages ``(start, end)``: the keys in the order they first occur in the
    rows read, each key's passages in the order read (as a dict filled row by row gives them). Each list is made
    when asked for (a new list each time: changing it changes nothing here)."""

    def __init__(
        self,
        document: npt.NDArray[np.int64],
        code: npt.NDArray[np.int64],
        start: npt.NDArray[np.int64],
        end: npt.NDArray[np.int64],
    ) -> None:
        keys = (document.astype(np.int64) << _SHIFT) | code.astype(np.int64)
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        in_order = np.argsort(first, kind="stable")  # the keys in the order they first occur
        rank = np.empty(len(unique), dtype=np.int64)
        rank[in_order] = np.arange(len(unique))
        rows = np.argsort(
            rank[inverse.reshape(-1)], kind="stable"
        )  # grouped by key, the rows' order kept within
        self._start = start[rows]
        self._end = end[rows]
        counts = np.bincount(inverse.reshape(-1), minlength=len(unique))[in_order]
        self._bounds: list[int] = [0, *np.cumsum(counts).tolist()]
        self._keys = unique[in_order]
        #: Per key (``document << 32 | code``): its number.
        self._numbers: dict[int, int] = {key: number for number, key in enumerate(self._keys.tolist())}

    @classmethod
    def of_rows(cls, rows: Iterable[tuple[int, int, int, int]]) -> CodedSpans:
        """Of ``(document, code, start, end)`` rows, in the order given (their values chained in C: a generator
        over the 800,000 values of ten times the corpus's codings was twice as long)."""
        flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64)
        table = flat.reshape(-1, 4)
        return cls(table[:, 0], table[:, 1], table[:, 2], table[:, 3])

    def _spans(self, number: int) -> Spans:
        low, high = self._bounds[number], self._bounds[number + 1]
        return list(zip(self._start[low:high].tolist(), self._end[low:high].tolist(), strict=True))

    def __getitem__(self, key: Key) -> Spans:
        number = self._numbers.get((key[0] << _SHIFT) | key[1])
        if number is None:
            raise KeyError(key)
        return self._spans(number)

    @overload
    def get(self, key: Key, /) -> Spans | None: ...

    @overload
    def get(self, key: Key, default: Spans | Any, /) -> Spans | Any: ...

    def get(self, key: Key, default: Any = None, /) -> Any:
        number = self._numbers.get((key[0] << _SHIFT) | key[1])
        return default if number is None else self._spans(number)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 2:
            return False
        return (key[0] << _SHIFT) | key[1] in self._numbers

    def __iter__(self) -> Iterator[Key]:
        for key in self._keys.tolist():
            yield DocumentId(key >> _SHIFT), CodeId(key & ((1 << _SHIFT) - 1))

    def __len__(self) -> int:
        return len(self._numbers)

    def items(self) -> ItemsView[Key, Spans]:
        return _Items(self)

    def values(self) -> ValuesView[Spans]:
        return _Values(self)

    def _each(self) -> Iterator[tuple[Key, Spans]]:
        """Every key with its passages, in order: the lists made from the arrays' values a block at a time."""
        keys = self._keys.tolist()
        bounds = self._bounds
        mask = (1 << _SHIFT) - 1
        for low in range(0, len(keys), _KEYS_AT_ONCE):
            high = min(len(keys), low + _KEYS_AT_ONCE)
            first, last = bounds[low], bounds[high]
            pairs = list(zip(self._start[first:last].tolist(), self._end[first:last].tolist(), strict=True))
            for number in range(low, high):
                key = keys[number]
                yield (
                    (DocumentId(key >> _SHIFT), CodeId(key & mask)),
                    pairs[bounds[number] - first : bounds[number + 1] - first],
                )

    def passages(self) -> int:
        """How many passages there are in all."""
        return self._bounds[-1]

    def flat(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Each key's document, code and number of passages, and each passage's start and end, in order, each
        as one flat array (int64): what ``chain(*((document, code, len(spans)) for …))`` and the spans' numbers
        chained give, without a tuple per passage."""
        lengths = np.diff(np.asarray(self._bounds, dtype=np.int64))
        keys = np.stack([self._keys >> _SHIFT, self._keys & ((1 << _SHIFT) - 1), lengths], axis=1)
        spans = np.stack([self._start, self._end], axis=1).astype(np.int64)
        return keys.reshape(-1), spans.reshape(-1)


#: Keys whose lists :meth:`CodedSpans.items` makes at once.
_KEYS_AT_ONCE = 4096


class _Items(ItemsView[Key, Spans]):
    _mapping: CodedSpans

    def __iter__(self) -> Iterator[tuple[Key, Spans]]:
        return self._mapping._each()


class _Values(ValuesView[Spans]):
    _mapping: CodedSpans

    def __iter__(self) -> Iterator[Spans]:
        return (spans for _, spans in self._mapping._each())
