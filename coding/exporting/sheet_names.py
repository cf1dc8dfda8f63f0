"""Worksheet names Excel accepts: at most 31 characters, none of ``[]:*?/\\``, not starting or ending
with an apostrophe, not empty, not ``History``, and unique regardless of case."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_LENGTH = 31
_REPLACEMENTS = str.maketrans({"/": "-", "\\": "-", ":": "", "*": "", "?": "", "[": "(", "]": ")"})
_RESERVED = ("history",)


def clean_sheet_name(value: str) -> str:
    """``Noord/Zuid: [test]*?`` → ``Noord-Zuid (test)``; control characters and runs of spaces go."""
    text = "".join(ch for ch in value.translate(_REPLACEMENTS) if ch.isprintable())
    text = " ".join(text.split()).strip("'").strip()
    return text[:MAX_LENGTH].rstrip().rstrip("'") or "Sheet"


def unique_sheet_names(values: Sequence[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """A valid, unique sheet name for each value, in order; names in ``taken`` are not used again.

    A clash gets `` (2)``, `` (3)`` … with the name shortened so the whole stays within 31 characters.
    """
    used = {name.casefold() for name in taken} | set(_RESERVED)
    names: dict[str, str] = {}
    for value in values:
        base = clean_sheet_name(value)
        name = base
        number = 2
        while name.casefold() in used:
            suffix = f" ({number})"
            name = base[: MAX_LENGTH - len(suffix)].rstrip() + suffix
            number += 1
        used.add(name.casefold())
        names[value] = name
    return names
