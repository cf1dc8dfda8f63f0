"""Numbers written into text in the language of the output: Dutch writes a decimal comma and groups
thousands with a point ("gelijkenis 0,83", "83,5%", "1.840 sprekers"), English the other way round.

One helper for every number of ours shown inside words: a label, a report line, a Word paragraph, a
header of an Excel sheet. Numbers stored as numbers (an Excel cell, a CSV or JSON column) are not
formatted here: they stay numbers for the program that reads them.

:func:`coding.core.i18n.text` uses it for the fields of a template (``{similarity:.2f}``), so a message
with a number formats it right without a call of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coding.core.i18n import Language

#: English marks to Dutch marks: the decimal point becomes a comma, the thousands comma a point.
_TO_DUTCH = str.maketrans({".": ",", ",": "."})


def number(value: float, spec: str = "", *, lang: Language | None = None) -> str:
    """``format(value, spec)`` with the decimal mark and the digit grouping of ``lang`` (default: the
    output's language): ``number(0.83, ".2f")`` is ``0,83`` in Dutch, ``number(1840, ",")`` ``1.840``."""
    shown = format(value, spec)
    if lang is None:
        from coding.core.i18n import language  # i18n formats its fields with this module

        lang = language()
    if lang == "nl":
        return shown.translate(_TO_DUTCH)
    return shown


def percent(fraction: float, decimals: int = 0, *, lang: Language | None = None) -> str:
    """A fraction as a percentage: ``percent(0.835, 1)`` is ``83,5%`` in Dutch, ``83.5%`` in English."""
    return number(fraction, f".{decimals}%", lang=lang)


def count(value: int, *, lang: Language | None = None) -> str:
    """A count with its thousands grouped: ``1.840`` in Dutch, ``1,840`` in English."""
    return number(value, ",", lang=lang)


def is_number(value: object) -> bool:
    """A number to format (``True``/``False`` are words, not numbers)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True)
class Figure:
    """A number in a row that goes both to a table a person reads and to CSV: ``str()`` writes it in
    the program's way (``0.83``, for the CSV), :func:`said` in the language's (``0,83`` in a Dutch
    table)."""

    value: float
    spec: str = ""

    def __str__(self) -> str:
        return format(self.value, self.spec)

    def said(self) -> str:
        return number(self.value, self.spec)
