"""The passage to code around a hit: the hit itself, its sentence, or the speaker's turn."""

from __future__ import annotations

import re

from coding.core.ids import DocumentId
from coding.language.corpus import Corpus

CODING_UNITS = ("hit", "sentence", "turn")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraph_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between blank lines) holding ``start:end``."""
    before = [m.end() for m in _BLANK_LINE.finditer(text, 0, start)]
    first = before[-1] if before else 0
    after = _BLANK_LINE.search(text, end)
    last = after.start() if after else len(text)
    return first, max(last, end)


def unit_span(corpus: Corpus, document_id: DocumentId, start: int, end: int, unit: str) -> tuple[int, int]:
    """``unit`` is ``hit``, ``sentence`` (the indexed sentence, or the paragraph if there is
    none) or ``turn`` (the body of the speaker's turn, without its label; the paragraph outside
    turns)."""
    if unit == "hit":
        return start, end
    if unit == "sentence":
        sentence = corpus.sentences(document_id).around(start, end)
        if sentence is not None:
            return min(sentence[0], start), max(sentence[1], end)
    if unit == "turn":
        turn = corpus.turn_map(document_id).at(start)
        if turn is not None and turn.body_start <= start:
            return turn.body_start, max(turn.end, end)
    return paragraph_at(corpus.text(document_id), start, end)
