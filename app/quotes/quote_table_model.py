"""The Quotes dock's model: the quotes of the chosen codes, one row per coding, listed lazily
(:mod:`app.quotes.quote_list`), each cell as :mod:`app.quotes.quote_cells` shows it, kept up to
date with every change to the project without listing again.

After a coding (its undo and redo, a memo) the codings the change names are re-read by id
(``Change.quotes_changed``, ``QuoteService.quotes_of``); after a change that cannot name them (a
moved passage, a review) the rows overlapping its spans are found through a per-document index of
the facts and re-read with ``query(within=…)``. Either way they are taken out or put in their place
row by row (a quote whose place and filtering stay is only ``dataChanged``); many at once are
merged and the list filtered and sorted once. The review columns show the current reviewer's own mark
(``project.coder``) and are editable.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject

from app.quotes.quote_cells import (
    CODE,
    CODER,
    COMMENT,
    DOCUMENT,
    EDITABLE,
    HEADERS,
    MEMO,
    QUOTE_ROLE,
    REGION,
    RESPONDENT,
    REVIEW,
    REVIEW_COLOURS,
    REVIEW_LABELS,
    ROLE,
    TEXT,
    TIME,
)
from app.quotes.quote_list import KEPT, WINDOW, QuoteList
from app.quotes.quote_rows import find, place
from app.quotes.quote_sort_keys import NO_KEY, READ_KEYS, quote_key
from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from coding import Aspect, Change
from coding.core.ids import CodingId
from coding.core.records import Quote
from coding.core.text import fold

#: Up to this many quotes re-read after a change, rows are taken out and put in one by one;
#: more (a large import into listed codes) and the rows are filtered and sorted again at once.
IN_PLACE = 200

#: More codings changed than this (a bulk coding: every turn of a speaker, 200,000 at ten times the
#: corpus) and the list is read again as on opening (its first rows at once, the rest in a worker
#: thread), instead of the changed quotes being read and put in place on the GUI thread.
READ_AGAIN_OVER = 500
#: What a document changed anywhere (its quotes all read again) counts against ``READ_AGAIN_OVER``:
#: accepting 15,000 suggestions in 2,000 documents read their 215,000 quotes on the GUI thread.
READ_WHOLE = 100

#: What a quote shows or is filtered by: its passage and code, its document's name, pages,
#: attributes and speakers, its reviews.
SHOWN = (
    Aspect.CODINGS,
    Aspect.REVIEWS,
    Aspect.CODES,
    Aspect.DOCUMENTS,
    Aspect.ATTRIBUTES,
    Aspect.SPEAKERS,
)
#: Changes after which the whole list is read again (else only the quotes of the documents touched).
WHOLE_LIST = (Aspect.CODES, Aspect.DOCUMENTS, Aspect.ATTRIBUTES, Aspect.SPEAKERS)

__all__ = [
    "CODE",
    "CODER",
    "COMMENT",
    "DOCUMENT",
    "EDITABLE",
    "KEPT",
    "MEMO",
    "QUOTE_ROLE",
    "REGION",
    "RESPONDENT",
    "REVIEW",
    "REVIEW_COLOURS",
    "REVIEW_LABELS",
    "ROLE",
    "TEXT",
    "TIME",
    "WINDOW",
    "QuoteTableModel",
]


class QuoteTableModel(QuoteList):
    """The lazy quote list, kept up to date with the project's changes (coalesced, after the event)."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, parent)
        self._pending = DeferredChanges(self._apply_change, self)
        workspace.changed.connect(self.on_change)

    # -- keeping up with changes ----------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Coalesce changes and refresh after the event, so the transcript paints first."""
        if not change.touches(*SHOWN):
            return
        self._pending.add(change)

    def flush(self) -> None:
        """Apply a pending refresh now (tests, and before reading the list)."""
        self._pending.flush()

    def _apply_change(self, change: Change) -> None:
        if change.touches(*WHOLE_LIST) or change.document_ids is None or self.query is not None:
            self._reload()
            return
        touched = set(change.document_ids)
        if not touched or not self.loaded:
            return
        named = change.quotes_changed()
        spans = {d: change.spans(d) for d in touched}
        if (
            self._unread
            or self._first_unread  # still being read in a worker: read again (the read under way is overtaken)
            or (named is not None and len(named) > READ_AGAIN_OVER)
            or (
                named is None
                and sum(len(located) if located else READ_WHOLE for located in spans.values())
                > READ_AGAIN_OVER
            )
        ):
            self._reload()
            return
        facts = self._ensure_facts()
        if named is not None:
            # The change names every coding whose quote it changed (added, took away, a memo):
            # those are read again by id, nothing else.
            try:
                codes = self._listed_codes()
            except LookupError:
                return
            fresh = self.workspace.project.quote_service.quotes_of(named, codes)
            current = {q.coding_id for q in fresh}
            self._take_in({i for i in named if i in facts.rows and i not in current}, fresh)
            return
        # Where the change says where it was (a coding applied, removed, moved), only the quotes
        # overlapping those spans are re-read; a document changed anywhere is re-read whole.
        whole = sorted(d for d, located in spans.items() if located is None)
        places = [(d, start, end) for d, located in spans.items() if located for start, end in located]
        fresh = (self._query(within=places) if places else []) + (self._query(whole) if whole else [])
        stale: set[CodingId] = set()
        for document, located in spans.items():
            stale |= facts.around(document, located)
        self._take_in(stale - {q.coding_id for q in fresh}, fresh)

    def _take_in(self, gone: set[CodingId], fresh: list[Quote]) -> None:
        """Take the codings ``gone`` out and the quotes ``fresh`` (read again) in: row by row, or
        when they are many, filtered and sorted once."""
        if len(fresh) + len(gone) > IN_PLACE:
            self._merge(gone, fresh)
            return
        coders = set(self._coder_counts or ())
        for coding_id in sorted(gone):
            self._take_out(coding_id)
        for quote in fresh:
            self._put_in(quote)
        if self._coder_counts is not None:
            self._coder_counts = +self._coder_counts
            if set(self._coder_counts) != coders:
                self._coders = sorted(self._coder_counts, key=fold)
                self.codersChanged.emit(list(self._coders))
        self.countsChanged.emit(self.rowCount(), self.listed())

    def _merge(self, stale: set[CodingId], fresh: list[Quote]) -> None:
        """Many quotes re-read: take the stale out and the fresh in, then filter and sort once."""
        facts = self._ensure_facts()
        texts = self._texts
        for coding_id in stale:
            self._forget(coding_id)
        current = {q.coding_id for q in fresh}
        kept = [i for i in self._all if i not in stale and i not in current]
        for quote in fresh:
            facts.learn(quote)
            if texts is not None:
                texts.learn(quote)
            self._learn_quote(quote)
        key = self._list_key()
        self._all = sorted(kept + [q.coding_id for q in fresh], key=key)
        self._coder_counts = facts.coder_counts(self._all)
        self._coders = sorted(self._coder_counts, key=fold)
        self._refilter()
        self.codersChanged.emit(list(self._coders))

    def _learn_quote(self, quote: Quote) -> None:
        """Keep a quote just read: built, and its keys of the columns only built quotes have."""
        if self._pinned is not None:
            self._pinned[quote.coding_id] = quote
        else:
            self._built[quote.coding_id] = quote
        if self._sort is not None and self._sort[0] in READ_KEYS and self._column_keys is not None:
            self._column_keys[quote.coding_id] = quote_key(self._sort[0], quote, self.reviewer)

    def _forget(self, coding_id: CodingId) -> None:
        self._built.pop(coding_id, None)
        if self._column_keys is not None:
            self._column_keys.pop(coding_id, None)
        if self._coder_counts is not None and self._facts is not None and coding_id in self._facts.rows:
            coder = self._facts.coder(coding_id)
            if coder:
                self._coder_counts[coder] -= 1
        if self._facts is not None:
            self._facts.forget(coding_id)
        if self._texts is not None:
            self._texts.forget(coding_id)

    def _take_out(self, coding_id: CodingId) -> None:
        """Take a listed coding out of the list and, when shown, its row out of the view."""
        facts = self._ensure_facts()
        if coding_id not in facts.rows:
            return
        key = self._list_key()
        at = find(self._all, coding_id, key)
        row = self.row_of(coding_id)
        if at is not None:
            del self._all[at]
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._forget(coding_id)

    def _put_in(self, quote: Quote) -> None:
        """Put a quote just read in its place; one listed already is updated where it is when
        nothing of its place or filtering changed (only its cells), else taken out and put in again."""
        facts = self._ensure_facts()
        coding_id = quote.coding_id
        if coding_id in facts.rows:
            if self._update_in_place(quote):
                return
            self._take_out(coding_id)
        facts.learn(quote)
        if self._texts is not None:
            self._texts.learn(quote)
        self._learn_quote(quote)
        if quote.coder and self._coder_counts is not None:
            self._coder_counts[quote.coder] += 1
        key = self._list_key()
        self._all.insert(place(self._all, key(coding_id), key, False, after=True), coding_id)
        if not self._accepts(quote):
            return
        shown, descending = self._shown_key()
        row = place(self._rows, shown(coding_id), shown, descending, after=True)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, coding_id)
        self.endInsertRows()

    def _update_in_place(self, quote: Quote) -> bool:
        """Take in a listed quote read again where it is, when its place and filtering stay."""
        facts = self._ensure_facts()
        coding_id = quote.coding_id
        if facts.row_of(quote) != facts.rows[coding_id]:
            return False
        column = self._sort[0] if self._sort is not None else None
        keys = self._column_keys
        if column in READ_KEYS and keys is not None:
            was = keys.get(coding_id, NO_KEY[column])
            if quote_key(column, quote, self.reviewer) != was:
                return False
        if column in (TEXT, MEMO) and self._ensure_texts().texts.get(coding_id) != (quote.text, quote.memo):
            return False
        row = self.row_of(coding_id)
        if (row is not None) != self._accepts(quote):
            return False
        self._learn_quote(quote)
        if self._texts is not None:
            self._texts.learn(quote)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True
