"""What the lazy quote list keeps of every row without building its quote (Qt-free helpers).

The Quotes dock lists codings by id (:meth:`coding.quotes.quote_service.QuoteService.listing`) and
builds the quotes of the rows in view only. Filtering, sorting by a column and putting a new coding
in its place work on these facts instead: per coding its document, code, start, end and coder
(:class:`Facts`), the documents' names, places and attributes (:class:`DocumentFacts`), and, read on
the first text filter or text sort, the passages' texts and memos (:class:`Texts`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import compress, repeat
from operator import contains
from typing import Any

from coding.core.coder_layers import in_layer
from coding.core.ids import CodingId, DocumentId
from coding.core.records import DocumentInfo, Quote
from coding.core.text import fold, natural_key
from coding.quotes.quote_facts import CODE, CODER, DOCUMENT, END, START, FactRow, QuoteFacts
from coding.quotes.quote_filter import QuoteFilter, attribute_tests, quick_fold


class DocumentFacts:
    """The documents' order, names and attributes (folded for filters, natural keys for sorting)."""

    def __init__(self, documents: Iterable[DocumentInfo]) -> None:
        self.position: dict[int, int] = {}
        self.name: dict[int, str] = {}
        self.attributes: dict[int, Mapping[str, str]] = {}
        self.folded: dict[int, dict[str, str]] = {}
        for rank, document in enumerate(documents):
            self.position[document.id] = rank
            self.name[document.id] = document.name
            self.attributes[document.id] = document.attributes
            self.folded[document.id] = {k: fold(v) for k, v in document.attributes.items()}
        self._natural: dict[str, Any] = {}

    def natural(self, value: str) -> Any:
        key = self._natural.get(value)
        if key is None:
            key = self._natural[value] = natural_key(value)
        return key

    def matching(self, rule: QuoteFilter) -> set[int] | None:
        """The documents whose attributes pass ``rule``'s attribute filters (None: there are none)."""
        wanted = attribute_tests(rule)
        if not wanted:
            return None
        return {
            document
            for document, attributes in self.folded.items()
            if all(attributes.get(key, "") == value for key, value in wanted)
        }


class Facts:
    """The facts of every coding listed, kept up to date as rows come and go."""

    def __init__(self, facts: QuoteFacts) -> None:
        #: The codings in the list's order as they were read (not kept up to date).
        self.ids: tuple[CodingId, ...] = facts.ids
        self.rows: dict[CodingId, FactRow] = dict(facts.rows)
        self.coder_names: dict[int, str] = dict(facts.coder_names)
        self._coder_ids = {name: coder for coder, name in self.coder_names.items()}
        self._by_document: dict[int, _Places] | None = None
        #: One field of every row by coding (document, coder), built when a filter first needs it.
        self._columns: dict[int, dict[CodingId, int]] = {}

    @staticmethod
    def of_quotes(quotes: Iterable[Quote]) -> Facts:
        facts = Facts(QuoteFacts({}, {}))
        for quote in quotes:
            facts.learn(quote)
        return facts

    def coder(self, coding_id: CodingId) -> str | None:
        return self.coder_names.get(self.rows[coding_id][CODER])

    def coder_counts(self, ids: Iterable[CodingId]) -> Counter[str]:
        rows = self.rows
        counts = Counter(rows[i][CODER] for i in ids if i in rows)
        return Counter({self.coder_names[c]: n for c, n in counts.items() if c in self.coder_names})

    def row_of(self, quote: Quote) -> FactRow:
        coder = -1
        if quote.coder is not None:
            known = self._coder_ids.get(quote.coder)
            if known is None:  # a coder who joined since the facts were read
                known = min(self.coder_names, default=0) - 1 if self.coder_names else -1
                known = min(known, -1)
                self.coder_names[known] = quote.coder
                self._coder_ids[quote.coder] = known
            coder = known
        return (quote.coding_id, quote.document_id, quote.code_id, quote.start, quote.end, coder)

    def learn(self, quote: Quote) -> FactRow:
        """Take in (or update) the facts of one quote; returns its row."""
        row = self.row_of(quote)
        old = self.rows.get(quote.coding_id)
        if old != row:
            if old is not None:
                self._unplace(old)
            self.rows[quote.coding_id] = row
            for field, values in self._columns.items():
                values[quote.coding_id] = row[field]
            if self._by_document is not None:
                self._by_document.setdefault(row[DOCUMENT], _Places([])).add(row)
        return row

    def forget(self, coding_id: CodingId) -> None:
        old = self.rows.pop(coding_id, None)
        if old is not None:
            self._unplace(old)
            for values in self._columns.values():
                values.pop(coding_id, None)

    def column(self, field: int) -> dict[CodingId, int]:
        """One field of every row, by coding (filters test it at C speed)."""
        values = self._columns.get(field)
        if values is None:
            values = self._columns[field] = {i: row[field] for i, row in self.rows.items()}
        return values

    def _unplace(self, row: FactRow) -> None:
        if self._by_document is not None and row[DOCUMENT] in self._by_document:
            self._by_document[row[DOCUMENT]].remove(row)

    def around(self, document: DocumentId, spans: tuple[tuple[int, int], ...] | None) -> set[CodingId]:
        """The codings in ``document`` overlapping or touching any of ``spans`` (None: all of them)."""
        if self._by_document is None:
            grouped: dict[int, list[FactRow]] = {}
            for row in self.rows.values():
                grouped.setdefault(row[DOCUMENT], []).append(row)
            self._by_document = {d: _Places(rows) for d, rows in grouped.items()}
        places = self._by_document.get(document)
        if places is None:
            return set()
        if spans is None:
            return {CodingId(row[0]) for row in places.rows}
        return {CodingId(row[0]) for start, end in spans for row in places.around(start, end)}

    def matching(
        self,
        ids: list[CodingId],
        rule: QuoteFilter,
        documents: set[int] | None,
        texts: Texts | None,
        reviewed: Callable[[CodingId], bool] | None,
    ) -> list[CodingId]:
        """The listed codings of ``ids`` that pass ``rule``, in their order (``documents``: those the
        attribute filter allows; ``reviewed``: whether one passes the review filter): one pass per
        condition, each a comprehension."""
        out = ids
        if documents is not None:
            of = self.column(DOCUMENT).__getitem__
            out = list(compress(out, map(documents.__contains__, map(of, out))))
        if rule.coder is not None or rule.layer is not None:
            names = {**self.coder_names, -1: None}
            allowed = {
                coder
                for coder, name in names.items()
                if (rule.coder is None or name == rule.coder)
                and (rule.layer is None or in_layer(name, rule.layer, rule.me))
            }
            of = self.column(CODER).__getitem__
            out = list(compress(out, map(allowed.__contains__, map(of, out))))
        if texts is not None and rule.text.strip():
            needle = quick_fold(rule.text)
            folded = texts.all_folded(ids)
            out = list(compress(out, map(contains, map(folded.get, out, repeat("")), repeat(needle))))
        if reviewed is not None:
            out = [i for i in out if reviewed(i)]
        return out if out is not ids else list(ids)


class Texts:
    """The passages' texts and memos of the codings listed, folded for the text filter when first asked."""

    def __init__(self, texts: Mapping[CodingId, tuple[str, str]]) -> None:
        self.texts: dict[CodingId, tuple[str, str]] = dict(texts)
        self._folded: dict[CodingId, str] = {}

    def all_folded(self, order: Iterable[CodingId] = ()) -> dict[CodingId, str]:
        """Every coding's text and memo folded (done once; a coding read again is folded again),
        those in ``order`` first, in it: the list's order, so that a filter pass reads the folded
        texts where they lie one after the other in memory (three times quicker at 200,000)."""
        folded = self._folded
        if len(folded) != len(self.texts):
            texts = self.texts
            for coding_id in order:
                if coding_id not in folded and coding_id in texts:
                    text, memo = texts[coding_id]
                    folded[coding_id] = quick_fold(f"{text}\n{memo}")
            for coding_id, (text, memo) in texts.items():
                if coding_id not in folded:
                    folded[coding_id] = quick_fold(f"{text}\n{memo}")
        return folded

    def learn(self, quote: Quote) -> None:
        if self.texts.get(quote.coding_id) != (quote.text, quote.memo):
            self.texts[quote.coding_id] = (quote.text, quote.memo)
            self._folded.pop(quote.coding_id, None)

    def forget(self, coding_id: CodingId) -> None:
        self.texts.pop(coding_id, None)
        self._folded.pop(coding_id, None)


class _Places:
    """One document's codings by start, to find those overlapping a span without a scan."""

    def __init__(self, rows: list[FactRow]) -> None:
        self.rows = sorted(rows, key=lambda r: (r[START], r[0]))
        self.starts = [(r[START], r[0]) for r in self.rows]
        #: No coding is longer (it may once have been: only an upper bound is needed).
        self.longest = max((r[END] - r[START] for r in self.rows), default=0)

    def around(self, start: int, end: int) -> list[FactRow]:
        first = bisect.bisect_left(self.starts, (start - self.longest, -1))
        last = bisect.bisect_right(self.starts, (end, float("inf")))
        return [r for r in self.rows[first:last] if r[END] >= start]

    def add(self, row: FactRow) -> None:
        at = bisect.bisect_left(self.starts, (row[START], row[0]))
        self.starts.insert(at, (row[START], row[0]))
        self.rows.insert(at, row)
        self.longest = max(self.longest, row[END] - row[START])

    def remove(self, row: FactRow) -> None:
        at = bisect.bisect_left(self.starts, (row[START], row[0]))
        if at < len(self.rows) and self.rows[at][0] == row[0]:
            del self.starts[at], self.rows[at]


def list_key(
    facts: Facts, documents: DocumentFacts, order: Mapping[int, int]
) -> Callable[[CodingId], tuple[int, int, int, int, int]]:
    """The list's own order, as the quote service lists: codebook, document, start, end, coding."""
    rows, position = facts.rows, documents.position

    def key(coding_id: CodingId) -> tuple[int, int, int, int, int]:
        row = rows[coding_id]
        return (order.get(row[CODE], 0), position.get(row[DOCUMENT], 0), row[START], row[END], row[0])

    return key


def place(
    ids: list[CodingId], target: Any, key: Callable[[CodingId], Any], descending: bool, *, after: bool
) -> int:
    """Where a row with sort key ``target`` goes among ``ids`` (ordered by ``key``, ``descending``
    or not): before (or ``after``) the rows ordered as it."""
    low, high = 0, len(ids)
    while low < high:
        middle = (low + high) // 2
        found = key(ids[middle])
        ahead = found > target if descending else found < target
        if ahead or (after and found == target):
            low = middle + 1
        else:
            high = middle
    return low


def find(ids: list[CodingId], coding_id: CodingId, key: Callable[[CodingId], Any]) -> int | None:
    """The index of ``coding_id`` in ``ids`` (ordered by ``key``, ascending), None when absent."""
    at = place(ids, key(coding_id), key, False, after=False)
    if at < len(ids) and ids[at] == coding_id:
        return at
    try:  # its key changed since it was placed: look it up
        return ids.index(coding_id)
    except ValueError:
        return None
