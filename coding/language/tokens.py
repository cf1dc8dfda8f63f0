"""What counts as a word of a parsed text, and its lemma (spaCy tokens, duck-typed)."""

from __future__ import annotations

from typing import Any


def is_word(token: Any) -> bool:
    """Words are stored and searched; spaces and punctuation are not."""
    return not (token.is_space or token.is_punct)


def lemma_of(token: Any) -> str:
    lemma = token.lemma_ or token.text
    return lemma.lower().strip() or token.lower_
