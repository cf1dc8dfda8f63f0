"""Keyword in context: a search hit with the words before and after it, sortable and exportable."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coding.core.attributes import attribute_label
from coding.core.ids import DocumentId
from coding.core.text import fold, natural_key
from coding.exporting import write_atomically
from coding.exporting.quote_rows import neutralise

DEFAULT_CONTEXT = 60
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class KwicLine:
    """One hit: ``text[start:end]`` of a document, with its left and right context on one line."""

    document_id: DocumentId
    document: str
    start: int
    end: int
    left: str
    hit: str
    right: str
    respondent: str
    speaker: str
    sentence: tuple[int, int] | None
    attributes: Mapping[str, str] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _flat(text: str) -> str:
    return " ".join(text.split())


def context(text: str, start: int, end: int, width: int = DEFAULT_CONTEXT) -> tuple[str, str, str]:
    """``(left, hit, right)``: up to ``width`` characters either side, cut at a word boundary,
    line breaks shown as spaces."""
    left_start = max(0, start - width)
    left = text[left_start:start]
    if left_start > 0 and not text[left_start - 1].isspace():
        cut = _SPACE.search(left.rstrip())
        if cut is not None:
            left = left[cut.end() :]  # drop the partial first word
    right_end = min(len(text), end + width)
    right = text[end:right_end]
    if right_end < len(text) and not text[right_end].isspace():
        cuts = list(_SPACE.finditer(right.lstrip()))
        if cuts:
            right = right[: len(right) - len(right.lstrip()) + cuts[-1].start()]
    left_flat = _flat(left)
    right_flat = _flat(right)
    if left[-1:].isspace() and left_flat:
        left_flat += " "
    if right[:1].isspace() and right_flat:
        right_flat = " " + right_flat
    return left_flat, _flat(text[start:end]), right_flat


#: Sort keys by column name, as the KWIC table and the CLI offer them.
SORT_KEYS: dict[str, Callable[[KwicLine], Any]] = {
    "document": lambda line: (natural_key(line.document), line.start),
    "respondent": lambda line: (natural_key(line.respondent), natural_key(line.document), line.start),
    "left": lambda line: (fold(line.left).split()[::-1], line.start),
    "hit": lambda line: (fold(line.hit), natural_key(line.document), line.start),
    "right": lambda line: (fold(line.right).lstrip(), line.start),
    "position": lambda line: (line.start, natural_key(line.document)),
}


def sort_lines(
    lines: Sequence[KwicLine], by: str = "document", *, descending: bool = False
) -> list[KwicLine]:
    """Sort by ``document``, ``respondent``, ``left`` (by the word just before the hit, then the
    one before it, as a concordance does), ``hit``, ``right`` or ``position``."""
    try:
        key = SORT_KEYS[by]
    except KeyError:
        raise ValueError(f"cannot sort by '{by}' (choose from {', '.join(SORT_KEYS)})") from None
    return sorted(lines, key=key, reverse=descending)


KWIC_HEADER = ("Document", "Respondent", "Speaker", "Left", "Hit", "Right", "Start", "End")


def kwic_row(line: KwicLine) -> tuple[Any, ...]:
    return (
        line.document,
        line.respondent,
        line.speaker,
        line.left,
        line.hit,
        line.right,
        line.start,
        line.end,
    )


def write_kwic_csv(
    lines: Sequence[KwicLine], path: Path, *, delimiter: str = ",", overwrite: bool = False
) -> Path:
    """The lines as CSV (UTF-8 with BOM for Excel; formula-like cells neutralised), written whole or
    not at all; an existing file is replaced only with ``overwrite``."""
    attribute_keys = sorted({key for line in lines for key in line.attributes if key != "respondent"})

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow((*KWIC_HEADER, *(attribute_label(key) for key in attribute_keys)))
            for line in lines:
                values = (*kwic_row(line), *(line.attributes.get(key, "") for key in attribute_keys))
                writer.writerow([neutralise(v) if isinstance(v, str) else v for v in values])

    return write_atomically(path, write, overwrite=overwrite)
