"""Filtering a retrieved quote list in memory, fast enough to run on every keystroke.

The quote service retrieves the quotes of the chosen codes once; narrowing that list by attribute,
coder, text and review status then happens here, over keys folded once per quote (case- and
accent-insensitive, like the service's own filters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from coding.core.coder_layers import in_layer
from coding.core.records import Quote
from coding.core.text import fold
from coding.quotes.quote_service import TO_ANSWER, UNREVIEWED


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base and base != chr(code):
            table[code] = base
    return table


_ACCENTS = _accent_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _strip_accents(match: re.Match[str]) -> str:
    return match.group().translate(_ACCENTS)


def quick_fold(text: str) -> str:
    """:func:`coding.core.text.fold` at C speed for Latin text (what filtering thousands of quotes needs):
    case folded, accents of Latin letters dropped, whitespace runs made one space."""
    folded = text.casefold()
    if not folded.isascii():
        folded = _NON_ASCII.sub(_strip_accents, folded)
    return " ".join(folded.split())


@dataclass(frozen=True)
class QuoteFilter:
    """``where`` maps attribute keys to wanted values; ``without`` names attribute keys the quote's
    document has no value for (the "(no value)" group); ``review`` is a status, ``"unreviewed"`` or
    ``"to-answer"``."""

    where: Mapping[str, str] = field(default_factory=dict)
    without: tuple[str, ...] = ()
    coder: str | None = None
    text: str = ""
    review: str | None = None
    #: A coder layer ("mine", "others", "consensus"; see :mod:`coding.core.coder_layers`) and who
    #: "mine" is: the coder now at work.
    layer: str | None = None
    me: str = ""

    @property
    def empty(self) -> bool:
        return (
            not self.where
            and not self.without
            and self.coder is None
            and not self.text.strip()
            and self.review is None
            and self.layer in (None, "all")
        )


def attribute_tests(rule: QuoteFilter) -> list[tuple[str, str]]:
    """The (key, folded value) pairs a quote's document must have for ``rule``; a key of ``without``
    must have the empty value (a document without the attribute has it as "")."""
    wanted = [(key.strip().lower(), fold(value)) for key, value in rule.where.items() if value]
    return wanted + [(key.strip().lower(), "") for key in rule.without]


class FilterableQuotes:
    """A quote list with its filter keys prepared.

    Attribute values are folded once per document; quote texts are folded on the first text filter
    (most lists are never searched by text).
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self._text: list[str] | None = None
        self._attributes: dict[int, dict[str, str]] = {}
        for quote in self.quotes:
            if quote.document_id not in self._attributes:
                self._attributes[quote.document_id] = {k: fold(v) for k, v in quote.attributes.items()}

    def __len__(self) -> int:
        return len(self.quotes)

    def prepare(self) -> None:
        """Fold the texts now (a window does this right after showing a new list)."""
        self._texts()

    def _texts(self) -> list[str]:
        if self._text is None:
            self._text = [quick_fold(f"{q.text}\n{q.memo}") for q in self.quotes]
        return self._text

    def insert(self, position: int, quote: Quote) -> None:
        """Put one quote into the list at ``position`` (a view keeping up with a change)."""
        self.quotes.insert(position, quote)
        if quote.document_id not in self._attributes:
            self._attributes[quote.document_id] = {k: fold(v) for k, v in quote.attributes.items()}
        if self._text is not None:
            self._text.insert(position, quick_fold(f"{quote.text}\n{quote.memo}"))

    def pop(self, position: int) -> Quote:
        """Take the quote at ``position`` out of the list."""
        if self._text is not None:
            del self._text[position]
        return self.quotes.pop(position)

    def accepts(self, rule: QuoteFilter, position: int) -> bool:
        """Whether the quote at ``position`` passes ``rule`` (as :meth:`matching` decides)."""
        if rule.empty:
            return True
        quote = self.quotes[position]
        attributes = self._attributes.get(quote.document_id, {})
        if any(attributes.get(key, "") != value for key, value in attribute_tests(rule)):
            return False
        if rule.coder is not None and quote.coder != rule.coder:
            return False
        if rule.layer is not None and not in_layer(quote.coder, rule.layer, rule.me):
            return False
        if rule.text.strip() and quick_fold(rule.text) not in self._texts()[position]:
            return False
        return rule.review is None or _reviewed(quote, rule.review)

    def matching(self, rule: QuoteFilter) -> list[int]:
        """Indexes of the quotes that pass ``rule``, in list order."""
        if rule.empty:
            return list(range(len(self.quotes)))
        wanted = attribute_tests(rule)
        allowed = None
        if wanted:
            allowed = {
                document
                for document, attributes in self._attributes.items()
                if all(attributes.get(key, "") == value for key, value in wanted)
            }
        needle = quick_fold(rule.text) if rule.text.strip() else None
        texts = self._texts() if needle is not None else []
        out = []
        for index, quote in enumerate(self.quotes):
            if allowed is not None and quote.document_id not in allowed:
                continue
            if rule.coder is not None and quote.coder != rule.coder:
                continue
            if rule.layer is not None and not in_layer(quote.coder, rule.layer, rule.me):
                continue
            if needle is not None and needle not in texts[index]:
                continue
            if rule.review is not None and not _reviewed(quote, rule.review):
                continue
            out.append(index)
        return out


def _reviewed(quote: Quote, review: str) -> bool:
    """Whether the quote passes the review filter ``review`` (a status, unreviewed, to answer)."""
    if review == TO_ANSWER:
        return quote.open_question
    if review == UNREVIEWED:
        return not quote.reviews
    return any(r.status == review for r in quote.reviews)
