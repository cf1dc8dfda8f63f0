"""A source's selections and their codings read column by column (issue 19): the shape Codewerk and
most tools write (each selection holding only ``Coding`` elements, each coding only its ``CodeRef``,
every GUID canonical and new, every time ``2026-12-05T21:00:10.881973Z``) is checked for all of a
source's selections at once by calls in C, and its GUIDs, references and times are read a column at a
time instead of a Python turn of a loop per element and attribute (400,000 selections and codings at
ten times the large corpus). Anything else is read one element at a time by
:class:`coding.refi.source_reader.SourceReader` as before: these functions give ``None`` then, and
have changed nothing (the GUIDs seen, the report) when they do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import chain, islice, repeat
from operator import attrgetter, methodcaller
from typing import cast
from xml.etree.ElementTree import Element

from coding.refi.elements import RCoding, RSelection
from coding.refi.names import local_name

_GUID = methodcaller("get", "guid")
_USER = methodcaller("get", "creatingUser")
_TIME = methodcaller("get", "creationDateTime")
_TARGET = methodcaller("get", "targetGUID")
_TAG = attrgetter("tag")

#: Where a canonical GUID has its dashes (it is 36 characters: 32 lower-case hex digits and these).
_DASHES = (8, 13, 18, 23)
_HEX = b"0123456789abcdef"
#: A time as Codewerk and most tools write it, ``2026-12-05T21:00:10.881973Z``: 27 characters, these
#: separators where they stand, ASCII digits elsewhere.
_TIME_LENGTH = 27
_TIME_SEPARATORS = ((4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (26, "Z"))
_DIGITS = b"0123456789"


def canonical_new_guids(guids: Sequence[object], seen: set[str]) -> bool:
    """Whether every one of ``guids`` is a canonical GUID (as :data:`~coding.refi.names.CANONICAL_GUID`
    matches), none twice and none in ``seen``; if so they are added to ``seen`` (as
    :meth:`~coding.refi.elements.GuidRegistry.take` of each would), else ``seen`` is left as it was."""
    count = len(guids)
    if not count:
        return True
    if set(map(type, guids)) != {str} or set(map(len, guids)) != {36}:  # type: ignore[arg-type]
        return False
    joined = "".join(guids)  # type: ignore[arg-type]
    dashes = "-" * count
    if any(joined[at::36] != dashes for at in _DASHES):
        return False
    digits = joined.replace("-", "")
    if len(digits) != 32 * count or not digits.isascii():
        return False
    if digits.encode("ascii").translate(None, _HEX):  # anything but 0-9 a-f
        return False
    batch = set(guids)
    if len(batch) != count or not seen.isdisjoint(batch):
        return False
    seen.update(batch)  # type: ignore[arg-type]
    return True


def stored_times(
    values: Sequence[str | None], one: Callable[[str | None], datetime | str | None]
) -> list[datetime | str | None]:
    """``one`` (:func:`~coding.refi.names.stored_time`) of each of ``values``: when all are written as
    ``2026-12-05T21:00:10.881973Z``, checked at once (their separators by slices of the joined text,
    their digits by one translation, each distinct date and second by the C parser) and cut from the
    joined text, as ``one`` cuts each; otherwise one at a time."""
    count = len(values)
    if not count:
        return []
    if set(map(type, values)) == {str} and set(map(len, values)) == {_TIME_LENGTH}:  # type: ignore[arg-type]
        joined = "".join(values)  # type: ignore[arg-type]
        if (
            joined.isascii()
            and all(joined[at::_TIME_LENGTH] == mark * count for at, mark in _TIME_SEPARATORS)
            and len(joined.encode("ascii").translate(None, _DIGITS)) == len(_TIME_SEPARATORS) * count
            and _real_times({value[:20] for value in values})  # type: ignore[index]
        ):
            cut = "\n".join(values).replace("T", " ").replace("Z", "")  # type: ignore[arg-type]
            return list(cut.split("\n"))
    return list(map(one, values))


def _real_times(seconds: set[str]) -> bool:
    """Whether each ``2026-12-05T21:00:10.`` is a real date and time (the fraction's six ASCII digits
    are one in any case)."""
    try:
        for second in seconds:
            _from_iso(second + "000000Z")
    except ValueError:
        return False
    return True


_from_iso = datetime.fromisoformat

Ref = Callable[[Sequence[str | None]], list[str | None]]


def read_selections(
    kept: Sequence[tuple[Element, int, int]],
    seen: set[str],
    refs: Ref,
    one_time: Callable[[str | None], datetime | str | None],
    no_notes: list[str],
) -> list[RSelection] | None:
    """The selections ``kept`` (element, start and end in the normalised text) read as
    :meth:`~coding.refi.source_reader.SourceReader._selection` reads each, when all have the common
    shape (module docstring); ``None`` (and nothing changed) when not. ``refs``: references
    resolved a column at a time; ``no_notes``: the list shared by all that refer to no note."""
    selections = [item[0] for item in kept]
    codings = list(chain.from_iterable(selections))  # (an element iterates over its children)
    if codings and {local_name(tag) for tag in set(map(_TAG, codings))} != {"Coding"}:
        return None  # a NoteRef, a Description, …: one at a time
    if codings and set(map(len, codings)) != {1}:
        return None
    code_refs = list(chain.from_iterable(codings))
    if code_refs and {local_name(tag) for tag in set(map(_TAG, code_refs))} != {"CodeRef"}:
        return None
    targets = refs(list(map(_TARGET, code_refs)))
    if None in targets:  # a CodeRef without a usable target: reported one at a time
        return None
    guids = list(map(_GUID, selections))
    coding_guids = list(map(_GUID, codings))
    if not canonical_new_guids(guids + coding_guids, seen):
        return None
    read = list(
        map(
            RCoding,
            coding_guids,
            cast("list[str]", targets),
            refs(list(map(_USER, codings))),
            stored_times(list(map(_TIME, codings)), one_time),
            repeat(no_notes),
        )
    )
    remaining = iter(read)
    return list(
        map(
            RSelection,
            guids,
            [item[1] for item in kept],
            [item[2] for item in kept],
            refs(list(map(_USER, selections))),
            stored_times(list(map(_TIME, selections)), one_time),
            [list(islice(remaining, size)) for size in map(len, selections)],
            repeat(no_notes),
            repeat(""),
        )
    )
