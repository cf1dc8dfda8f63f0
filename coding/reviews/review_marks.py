"""The words of a review: the three marks in English and Dutch, and how a typed mark is read back.

A supervisor types or picks a mark in Excel or Word; on import ``agreed``, ``Agreed``, ``akkoord``,
``eens``, ``?`` … all read as the same mark. Anything else is an unknown value, listed, never guessed.
"""

from __future__ import annotations

import unicodedata

from models import REVIEW_STATUSES

MARKS = REVIEW_STATUSES  # ("agreed", "question", "disagree")
LANGUAGES = ("en", "nl")

#: The label a review file offers for each mark, per interface language.
LABELS: dict[str, dict[str, str]] = {
    "en": {"agreed": "agreed", "question": "question", "disagree": "disagree"},
    "nl": {"agreed": "akkoord", "question": "vraag", "disagree": "oneens"},
}

_SYNONYMS: dict[str, str] = {
    "agreed": "agreed",
    "agree": "agreed",
    "ok": "agreed",
    "akkoord": "agreed",
    "eens": "agreed",
    "mee eens": "agreed",
    "goed": "agreed",
    "question": "question",
    "?": "question",
    "vraag": "question",
    "disagree": "disagree",
    "disagreed": "disagree",
    "oneens": "disagree",
    "niet mee eens": "disagree",
    "niet akkoord": "disagree",
}


def labels(language: str | None) -> dict[str, str]:
    return LABELS.get(language or "en", LABELS["en"])


def read_mark(value: object) -> str | None:
    """The mark a cell holds (``None`` for an empty cell); raises ``ValueError`` for anything else."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value))
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .!").casefold()
    if not text:
        return None
    if text in _SYNONYMS:
        return _SYNONYMS[text]
    raise ValueError(text)
