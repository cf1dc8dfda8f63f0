"""The rows of the Quotes dock, listed lazily: the codings of the chosen codes by id, their quotes
built only for the rows in view, filtered and sorted on what is kept of every row.

Listing every quote shows its first rows at once (:meth:`QuoteService.first`, read code by code,
and the count of the rest), and reads the whole list with what filtering, sorting and keeping up
with a change need of every row (:meth:`QuoteService.facts` in the list's order) in a worker
thread after the first paint. Until it arrives the rows past the first are placeholders; filtering,
sorting or finding a row meanwhile reads the list at once. The view asks for the rows it shows and
the list builds their quotes a window at a time, keeping a few windows. What the workers read is in
:mod:`app.quotes.quote_reads`, the filter bar above the list in :mod:`app.quotes.quote_filter_bar`.
"""

from __future__ import annotations

import gc
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from shiboken6 import isValid

from app.quotes.quote_cells import HEADERS, QUOTE_ROLE, TEXT, AnyIndex, QuoteCells
from app.quotes.quote_reads import FirstRows, read_first, read_listing, read_texts
from app.quotes.quote_rows import DocumentFacts, Facts, Texts, list_key, place
from app.quotes.quote_sort_keys import READ_KEYS, column_key, quote_key, read_keys
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from coding.core.errors import CodewerkError, ServerUnreachableError
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.records import Quote
from coding.core.text import fold
from coding.quotes.quote_facts import QuoteFacts
from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter, _reviewed

#: The quotes built at once when the view asks for a row not built yet (around it), and how many
#: built quotes are kept. Listing shows this many rows before the rest is read.
WINDOW = 128
KEPT = 4096
#: A team server away while the list is read in the background: tried again after this (ms).
RETRY_MS = 1000
#: From this many listed quotes, the texts and memos the first text filter needs are read and
#: folded in a worker (0.7 s at 200,000), the rows shown staying until they arrive.
TEXTS_IN_WORKER = 50_000

#: The roles a cell answers (any other is answered without building the row's quote).
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        QUOTE_ROLE,
    }
)


class QuoteList(QuoteCells):
    """The listed codings and the rows shown (filtered, sorted), with their quotes built in view."""

    countsChanged = Signal(int, int)  # shown, retrieved
    codersChanged = Signal(list)  # the coders of every quote listed, when the list is replaced

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.codes: list[CodeId] | None = None
        #: The code query listed instead of the codes' quotes, and its unit.
        self.query: tuple[str, str] | None = None
        self.rule = QuoteFilter()
        self.loaded = False
        self._sort: tuple[int, Qt.SortOrder] | None = None
        #: Every coding listed, in the list's order, and the rows shown (filtered, sorted).
        self._all: list[CodingId] = []
        self._rows: list[CodingId] = []
        #: Rows shown after ``_rows`` whose codings are still being read (the list is incomplete).
        self._unread = 0
        #: The first rows are being read in a worker (the rows shown are the last list's until then).
        self._first_unread = False
        #: Quotes built for rows in view, the most recently asked last.
        self._built: OrderedDict[CodingId, Quote] = OrderedDict()
        #: A code query's quotes (built already: the query builds them).
        self._pinned: dict[CodingId, Quote] | None = None
        self._facts: Facts | None = None
        self._documents: DocumentFacts | None = None
        self._order: dict[CodeId, int] | None = None
        self._texts: Texts | None = None
        #: Sort keys of the column sorted by when it is one of READ_KEYS, per coding that has one
        #: (None: not read yet).
        self._column_keys: dict[CodingId, Any] | None = None
        self._coders: list[str] = []
        self._coder_counts: Counter[str] | None = None
        #: What the last list kept, freed on idle.
        self._dropped: list[object] = []
        #: Rows shown empty while a team server was away (painted again when it answers).
        self._unpainted = False
        # The whole list, and its texts for a first text filter, read in a worker thread (silently);
        # listing again drops both reads.
        self._listing = LatestRead(self, workspace, title="Listing quotes")
        self._text_read = LatestRead(self, workspace, title="Reading the quotes' texts")
        workspace.reachability.connect(self._on_reachability)

    # -- what is listed -------------------------------------------------------------------
    def set_codes(self, codes: Sequence[CodeId] | None) -> None:
        """List the quotes of these codes and their subcodes (``None``: every quote)."""
        self.codes = list(codes) if codes else None
        self.query = None
        self._reload()

    def set_query(self, query: str, unit: str) -> None:
        """List the quotes a code query finds (``coding.analysis.query``); raises on a mistake in it,
        leaving the list as it was."""
        quotes = self.workspace.project.analysis.query(query, unit=unit).quotes
        self.query = (query, unit)
        self.loaded = True
        self._replace_quotes(list(quotes))

    def _listed_codes(self) -> list[CodeId] | None:
        """The chosen codes that still exist (None: every code); raises LookupError when none does."""
        if not self.codes:
            return None
        tree = self.workspace.project.codes.tree()
        codes = [c for c in self.codes if c in tree]
        if not codes:
            raise LookupError("no chosen code is left")
        return codes

    def _query(
        self,
        documents: Sequence[int] | None = None,
        within: Sequence[tuple[DocumentId, int, int]] | None = None,
    ) -> list[Quote]:
        try:
            codes = self._listed_codes()
        except LookupError:
            return []
        return self.workspace.project.quote_service.query(codes, documents=documents, within=within)

    def _reload(self) -> None:
        listed, self.loaded = self.loaded, True
        if self.query is not None:
            try:
                found = list(self.workspace.project.analysis.query(self.query[0], unit=self.query[1]).quotes)
            except CodewerkError:  # a code of the query was deleted or renamed meanwhile
                found = []
            self._replace_quotes(found)
            return
        self._pinned = None
        try:
            codes = self._listed_codes()
        except LookupError:
            self._replace([], [], Facts(QuoteFacts({}, {})))
            return
        if not self.rule.empty or self._sort is not None:  # every row is needed to show any
            self._list_now(codes)
            return
        self.loaded = listed  # nothing listed before: listed when the first rows arrive
        self._read_first(codes)

    def _list_now(self, codes: list[CodeId] | None) -> None:
        """List every quote of ``codes`` at once (a filter, a sort or a finder needs every row)."""
        self._first_unread = False
        coders = sorted(self.workspace.project.quote_service.coders(codes), key=fold)
        self._replace([], coders, self._read_facts(codes))

    def _read_first(self, codes: list[CodeId] | None) -> None:
        """Read the first rows, their quotes, the count and the coders in a worker (0.2–0.4 s on
        the GUI thread with a huge project, while other views read the same file); the rows shown
        stay until they arrive, then the rest is read in a worker after the paint."""
        service = self.workspace.project.quote_service

        def arrived(listed: FirstRows | None) -> None:
            if listed is None:  # a team server away: asked again later
                self._listing.after(RETRY_MS, lambda: self._read_first(codes))
                return
            self.loaded = True
            if self._sort is not None:  # sorted meanwhile (the saved sort): every row is needed
                self._list_now(codes)
                return
            self._first_unread = False
            self._replace(listed.first, listed.coders, unread=listed.count - len(listed.first))
            self._built.update((q.coding_id, q) for q in listed.quotes)
            if self._unread:
                self._listing.after(0, lambda: self._read_in_worker(codes))  # after the paint
            else:
                self._finish_listing_when_reachable()

        self._first_unread = True
        self._listing.start(lambda: read_first(service, codes, WINDOW), arrived)

    def _read_facts(self, codes: list[CodeId] | None) -> Facts:
        with self.workspace.loading():
            return Facts(self.workspace.project.quote_service.facts(codes, listed=True))

    def _read_in_worker(self, codes: list[CodeId] | None) -> None:
        """Read the whole list and its facts in a worker; a team server away: try again later."""
        if not self._unread:
            return
        service = self.workspace.project.quote_service

        def arrived(listed: tuple[Facts, Counter[str]] | None) -> None:
            if not self._unread:
                return  # read at once meanwhile
            if listed is None:
                self._listing.after(RETRY_MS, lambda: self._read_in_worker(codes))
                return
            gc.freeze()  # long-lived rows without cycles: out of the collector's way (Workspace.loading)
            self._take_listing(*listed)

        self._listing.start(lambda: read_listing(service, codes), arrived)

    def _finish_listing_when_reachable(self) -> None:
        """:meth:`_finish_listing`, and with a team server away, again a while later (a change or a filter that
        needs every row meanwhile finishes it itself, or waits for the server as it does)."""
        try:
            self._finish_listing()
        except ServerUnreachableError:
            self._listing.after(RETRY_MS, self._finish_listing_when_reachable)

    def _finish_listing(self) -> None:
        """Read the rest of an incomplete list now (a filter, a sort or a change needs every row).

        Nothing listed yet: nothing to finish (a filter or sort set now applies when it is listed);
        the first rows still being read: every row is read at once instead."""
        if self._first_unread:
            try:
                self._list_now(self._listed_codes())
            except LookupError:
                self._list_now([])
            return
        if self.loaded and (self._unread or self._facts is None):
            try:
                codes = self._listed_codes()
            except LookupError:
                codes = []
            self._take_listing(self._read_facts(codes))

    def _take_listing(self, facts: Facts, coder_counts: Counter[str] | None = None) -> None:
        """Take in the whole list: the placeholder rows get their codings (or, when the first rows
        are not those of the list any more, the rows are listed again). ``coder_counts``: counted
        already (in the worker that read the facts)."""
        known, total = len(self._rows), len(self._rows) + self._unread
        self._facts = facts
        self._all = list(facts.ids)
        self._coder_counts = coder_counts if coder_counts is not None else facts.coder_counts(self._all)
        self._unread = 0
        if len(self._all) == total and self._all[:known] == self._rows and self.rule.empty and not self._sort:
            self._rows = list(self._all)
            if total > known:
                self.dataChanged.emit(self.index(known, 0), self.index(total - 1, len(HEADERS) - 1))
        else:
            self._refilter()

    def _replace_quotes(self, quotes: list[Quote]) -> None:
        """List these quotes, built already (a code query's)."""
        self._pinned = {q.coding_id: q for q in quotes}
        facts = Facts.of_quotes(quotes)
        facts.ids = tuple(q.coding_id for q in quotes)
        self._replace(
            [],
            sorted({q.coder for q in quotes if q.coder}, key=fold),
            facts,
            Texts({q.coding_id: (q.text, q.memo) for q in quotes}),
        )

    def _replace(
        self,
        ids: list[CodingId],
        coders: list[str],
        facts: Facts | None = None,
        texts: Texts | None = None,
        unread: int = 0,
    ) -> None:
        """List these codings (``facts``: every listed coding's, in the list's order; else ``ids`` are
        the first rows and ``unread`` more follow), filtered and sorted as now; what was kept of the
        last list goes."""
        self._listing.drop()
        self._text_read.drop()
        self._first_unread = False
        if self._facts is not None or self._texts is not None:  # freed after the paint (0.04 s at 200,000)
            self._dropped.append((self._facts, self._texts, self._built))
            QTimer.singleShot(0, self._dropped.clear)
        self._built = OrderedDict()
        self._facts, self._texts = facts, texts
        self._documents = None
        self._order = None
        self._column_keys = None
        self._all = ids if facts is None else list(facts.ids)
        self._unread = unread if facts is None else 0
        self._coder_counts = None if facts is None else facts.coder_counts(self._all)
        self._refilter()
        self._coders = coders
        self.codersChanged.emit(list(self._coders))

    def _ensure_facts(self) -> Facts:
        self._finish_listing()
        assert self._facts is not None
        return self._facts

    def _ensure_texts(self) -> Texts:
        if self._texts is None:
            try:
                codes = self._listed_codes()
            except LookupError:
                codes = []
            with self.workspace.loading():
                self._texts = Texts(self.workspace.project.quote_service.texts(codes))
        return self._texts

    def _ensure_documents(self) -> DocumentFacts:
        if self._documents is None:
            self._documents = DocumentFacts(self.workspace.project.documents.list(with_counts=False))
        return self._documents

    def _code_order(self) -> dict[CodeId, int]:
        if self._order is None:
            self._order = self.workspace.project.codes.tree().order()
        return self._order

    def _list_key(self) -> Callable[[CodingId], tuple[int, int, int, int, int]]:
        order = cast("Mapping[int, int]", self._code_order())
        return list_key(self._ensure_facts(), self._ensure_documents(), order)

    # -- filtering ------------------------------------------------------------------------
    def set_filter(self, rule: QuoteFilter) -> None:
        """Show the rows that pass ``rule``; a first text filter over a long list is applied when
        the texts, read and folded in a worker, arrive (the rows shown stay until then)."""
        self.rule = rule
        if rule.text.strip() and self._texts is None and self.listed() >= TEXTS_IN_WORKER:
            self._read_texts_in_worker()
            return
        if not rule.empty:
            self._finish_listing()
        self._refilter()

    def _read_texts_in_worker(self) -> None:
        if self._texts is not None:
            return
        if self._text_read.busy:  # under way: the filter of the time applies when they arrive
            return
        try:
            codes = self._listed_codes()
        except LookupError:
            codes = []
        service = self.workspace.project.quote_service
        order = list(self._all)

        def arrived(texts: Texts | None) -> None:
            if texts is None:  # a team server away: asked again later
                self._text_read.after(RETRY_MS, self._read_texts_in_worker)
                return
            if self._texts is None:
                self._texts = texts
            self.set_filter(self.rule)

        self._text_read.start(lambda: read_texts(service, codes, order), arrived)

    def _refilter(self) -> None:
        if not self.rule.empty or self._sort is not None:
            self._finish_listing()
        self.beginResetModel()
        self._rows = self._sorted(self._matching()) if self.loaded else []
        self.endResetModel()
        self.countsChanged.emit(self.rowCount(), self.listed())

    def _matching(self) -> list[CodingId]:
        """The codings listed that pass the filter, in the list's order."""
        rule = self.rule
        if rule.empty:
            return list(self._all)
        facts = self._ensure_facts()
        documents = self._ensure_documents().matching(rule)
        texts = self._ensure_texts() if rule.text.strip() else None
        reviewed = self._review_test(rule.review)
        return facts.matching(self._all, rule, documents, texts, reviewed)

    def _review_test(self, review: str | None) -> Callable[[CodingId], bool] | None:
        if review is None:
            return None
        if self._pinned is not None:
            pinned = self._pinned
            return lambda i: _reviewed(pinned[i], review)
        try:
            codes = self._listed_codes()
        except LookupError:
            return lambda _i: False
        passing = set(self.workspace.project.quote_service.listing(codes, review=review).ids)
        return passing.__contains__

    def _accepts(self, quote: Quote) -> bool:
        """Whether a quote just read passes the filter (as :meth:`_matching` decides)."""
        return self.rule.empty or FilterableQuotes([quote]).accepts(self.rule, 0)

    # -- the rows -------------------------------------------------------------------------
    def quote(self, row: int) -> Quote:
        """The quote of a row (built with the rows around it when not built yet)."""
        found = self.quote_at(row)
        if found is None:
            raise LookupError(f"the quote of row {row} is gone")
        return found

    def quote_at(self, row: int) -> Quote | None:
        """The quote of a row, None when its coding is gone (another program deleted it just now)."""
        if (row >= len(self._rows) and self._unread) or self._first_unread:
            self._finish_listing()
        if not 0 <= row < len(self._rows):
            return None
        return self._quote_of(self._rows[row], row)

    def quotes(self) -> list[Quote]:
        """Every row's quote, built now (a short list, or a test): the rows in view build their own."""
        self._finish_listing()
        return self.quotes_at(range(len(self._rows)))

    def quotes_at(self, rows: Sequence[int]) -> list[Quote]:
        """The quotes of these rows (a selection), those not built yet built together, in chunks."""
        if (self._unread and any(row >= len(self._rows) for row in rows)) or self._first_unread:
            self._finish_listing()
        ids = [self._rows[row] for row in rows if 0 <= row < len(self._rows)]
        wanted = [i for i in ids if i not in self._built]
        fresh: dict[CodingId, Quote] = {}
        if self._pinned is None:
            service = self.workspace.project.quote_service
            for first in range(0, len(wanted), 5000):
                for read in service.records(wanted[first : first + 5000]):
                    fresh[read.coding_id] = read
        shown = []
        for coding_id in ids:
            found = self._built.get(coding_id) or fresh.get(coding_id)
            if found is None and self._pinned is not None:
                found = self._pinned.get(coding_id)
            if found is not None:
                shown.append(found)
        return shown

    @property
    def complete(self) -> bool:
        """Whether every listed coding has been read (not only the first rows)."""
        return not self._unread and not self._first_unread

    def listed(self) -> int:
        """How many quotes are listed (before filtering)."""
        return len(self._all) + self._unread

    def coding_ids(self) -> list[CodingId]:
        """The codings of the rows, in their order."""
        self._finish_listing()
        return list(self._rows)

    def built(self, coding_id: CodingId) -> Quote | None:
        """The quote of a listed coding when it has been built (or is pinned), else None."""
        if self._pinned is not None:
            return self._pinned.get(coding_id)
        return self._built.get(coding_id)

    def _quote_of(self, coding_id: CodingId, row: int) -> Quote | None:
        if self._pinned is not None:
            return self._pinned.get(coding_id)
        found = self._built.get(coding_id)
        if found is not None:
            self._built.move_to_end(coding_id)
            return found
        first = max(0, row - WINDOW // 4)
        wanted = [i for i in self._rows[first : first + WINDOW] if i not in self._built]
        try:
            read = self.workspace.project.quote_service.records(wanted)
        except ServerUnreachableError:  # a team server away: shown empty, painted again when it is back
            self._unpainted = True
            return None
        for quote in read:
            self._built[quote.coding_id] = quote
        while len(self._built) > KEPT:
            self._built.popitem(last=False)
        return self._built.get(coding_id)

    def row_of(self, coding_id: CodingId) -> int | None:
        """The row showing this coding (None: not shown)."""
        if self._unread and coding_id in self._rows:  # among the first rows, the rest still unread
            return self._rows.index(coding_id)
        facts = self._ensure_facts()
        if not self._rows or coding_id not in facts.rows:
            return None
        key, descending = self._shown_key()
        row = place(self._rows, key(coding_id), key, descending, after=False)
        if row < len(self._rows) and self._rows[row] == coding_id:
            return row
        try:  # its key changed since it was placed (taken out after a change): look it up
            return self._rows.index(coding_id)
        except ValueError:
            return None

    def coders(self) -> list[str]:
        """The coders of every quote listed (before filtering), in folded order."""
        return list(self._coders)

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column; the selection and the current row stay on their quotes."""
        sort = (column, order) if column >= 0 else None
        if sort == self._sort or not self.loaded:  # nothing listed yet: listed in this order
            self._sort = sort
            return
        self._finish_listing()
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in kept]
        self._sort = sort
        self._column_keys = None
        self._rows = self._sorted(self._matching() if self._sort is None else self._rows)
        if kept:
            row_of = {coding_id: row for row, coding_id in enumerate(self._rows)}
            moved = [
                self.index(row_of[coding_id], index.column())
                if coding_id is not None and coding_id in row_of
                else QModelIndex()
                for index, coding_id in zip(kept, kept_ids, strict=True)
            ]
            self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _sorted(self, ids: list[CodingId]) -> list[CodingId]:
        """``ids`` (in the list's order) in the order shown: by the column sorted by, then the list's
        (ties reversed with the column)."""
        if self._sort is None:
            return ids
        key, descending = self._shown_key()
        return sorted(ids, key=key, reverse=descending)

    def _shown_key(self) -> tuple[Callable[[CodingId], Any], bool]:
        """The order of the rows shown (the column sorted by, then the list's), and whether descending."""
        list_order = self._list_key()
        if self._sort is None:
            return list_order, False
        column, order = self._sort
        if column in READ_KEYS and self._column_keys is None:
            self._column_keys = self._read_column_keys(column)
        key = column_key(
            column,
            self._ensure_facts(),
            self._ensure_documents(),
            self._code_order(),
            self._ensure_texts,
            self._column_keys or {},
        )
        return (lambda i: (key(i), list_order(i))), order == Qt.SortOrder.DescendingOrder

    def _read_column_keys(self, column: int) -> dict[CodingId, Any]:
        """The keys of a READ_KEYS column, per coding that has one (a code query's from its quotes)."""
        if self._pinned is not None:
            return {i: quote_key(column, quote, self.reviewer) for i, quote in self._pinned.items()}
        try:
            codes = self._listed_codes()
        except LookupError:
            return {}
        return read_keys(column, self.workspace.project.quote_service, codes, self.reviewer)

    def _on_reachability(self, reachable: bool) -> None:
        if reachable and self._unpainted and isValid(self):
            self._unpainted = False
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(HEADERS) - 1))

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + self._unread

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ANSWERED:
            return None
        row = index.row()
        if row >= len(self._rows):  # still being read
            if row < len(self._rows) + self._unread and index.column() == TEXT:
                return "…" if role == Qt.ItemDataRole.DisplayRole else None
            return None
        quote = self._quote_of(self._rows[row], row)
        if quote is None:
            return None
        if role == QUOTE_ROLE:
            return quote
        return self.cell(quote, index, role)
