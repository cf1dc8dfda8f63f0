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

    def codes(self) -> list[CodeId]:
        """The codes with passages, each once (in order of their ids)."""
        return [CodeId(code) for code in np.unique(self._keys & ((1 << _SHIFT) - 1)).tolist()]

    def items_of_codes(self, codes: Iterable[int]) -> Iterator[tuple[Key, Spans]]:
        """:meth:`items` of the keys whose code is among ``codes`` only, in order (the others passed over by
        arrays: ten times the corpus has 88,000 keys, a find of one concept asks for a few codes' passages)."""
        wanted = np.fromiter(codes, dtype=np.int64)
        numbers = np.flatnonzero(np.isin(self._keys & ((1 << _SHIFT) - 1), wanted)).tolist()
        keys, mask = self._keys.tolist(), (1 << _SHIFT) - 1
        for number in numbers:
            key = keys[number]
            yield (DocumentId(key >> _SHIFT), CodeId(key & mask)), self._spans(number)

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


def overlapping(
    coded: Mapping[Key, Spans],
    document: npt.NDArray[np.int64],
    code: npt.NDArray[np.int64],
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
) -> npt.NDArray[np.bool_]:
    """Per row: whether a passage coded with its code in its document (``coded``) overlaps ``start``–``end``
    (``s < end and start < e and s < e``), each row paired with those passages by arrays (a list made per row
    and a Python step per passage was most of the turns' source at ten times the corpus). Ids below 2**31."""
    count = len(document)
    found = np.zeros(count, dtype=bool)
    if not count or not len(coded):
        return found
    mine = (document.astype(np.int64) << _SHIFT) | code.astype(np.int64)
    if isinstance(coded, CodedSpans):
        keys, bounds = coded._keys, np.asarray(coded._bounds, dtype=np.int64)
        coded_start, coded_end = coded._start.astype(np.int64), coded._end.astype(np.int64)
    else:  # a mapping of lists: only the keys of these rows
        wanted = set(np.unique(mine).tolist())
        chosen = [key for key in coded if (key[0] << _SHIFT) | key[1] in wanted]
        keys = np.array([(d << _SHIFT) | c for d, c in chosen], dtype=np.int64)
        lengths = [len(coded[key]) for key in chosen]
        bounds = np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.int64))]).astype(np.int64)
        flat = np.array(
            [value for key in chosen for span in coded[key] for value in span], dtype=np.int64
        ).reshape(-1, 2)
        coded_start, coded_end = flat[:, 0], flat[:, 1]
    if not len(keys):
        return found
    by_key = np.argsort(keys, kind="stable")
    sorted_keys = keys[by_key]
    at = np.minimum(np.searchsorted(sorted_keys, mine), len(keys) - 1)
    number = by_key[at]  # each row's key's number, where it has one
    has = sorted_keys[at] == mine
    low = np.where(has, bounds[number], 0)
    pairs = np.where(has, bounds[number + 1] - bounds[number], 0)
    row = np.repeat(np.arange(count), pairs)
    passage = np.repeat(low, pairs) + (np.arange(len(row)) - np.repeat(np.cumsum(pairs) - pairs, pairs))
    s, e = coded_start[passage], coded_end[passage]
    found[row[(s < end[row]) & (start[row] < e) & (s < e)]] = True
    return found
