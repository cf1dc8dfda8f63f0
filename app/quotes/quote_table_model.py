"""The retrieval list as a lazy table model: the quotes of the chosen codes, one row per coding,
built only for the rows in view.

The quote service lists the codings (ids in the list's order, :meth:`QuoteService.listing`); the
view asks for the rows it shows and the model builds their quotes a window at a time, keeping a few
windows. Filtering, sorting by a column and keeping up with a coding work on what the model keeps
of every row (:mod:`app.quotes.quote_rows`), read once on idle after listing. 200,000 quotes list as
quickly as their ids are read. The review columns show the current reviewer's own mark
(``project.coder``) and are editable.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)

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
    AnyIndex,
    QuoteCells,
)
from app.quotes.quote_rows import DocumentFacts, Facts, Texts, find, list_key, place
from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from coding import Aspect, Change
from coding.core.errors import CodewerkError, ServerUnreachableError
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.records import Quote
from coding.core.text import fold
from coding.quotes import quote_facts as fact
from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter, _reviewed
from coding.reviews.review_service import STATUSES

#: Up to this many quotes re-read after a change, rows are taken out and put in one by one;
#: more (a large import into listed codes) and the rows are filtered and sorted again at once.
IN_PLACE = 200
#: The quotes built at once when the view asks for a row not built yet (around it), and how many
#: built quotes are kept.
WINDOW = 128
KEPT = 4096

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

#: The columns sorted by what only a built quote has (time, reviews): every row is built.
BUILT_KEYS = (TIME, REVIEW, COMMENT)

#: The roles a cell answers (any other is answered without building the row's quote).
__all__ = [
    "CODE",
    "CODER",
    "COMMENT",
    "DOCUMENT",
    "EDITABLE",
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
    "QuoteTableModel",
]
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        QUOTE_ROLE,
    }
)


class QuoteTableModel(QuoteCells, QAbstractTableModel):
    """What a cell shows depends on the code tree and on who reviews: every column answers in cell()."""

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
        #: Quotes built for rows in view, the most recently asked last.
        self._built: OrderedDict[CodingId, Quote] = OrderedDict()
        #: A code query's quotes (built already: the query builds them).
        self._pinned: dict[CodingId, Quote] | None = None
        self._facts: Facts | None = None
        self._documents: DocumentFacts | None = None
        self._order: dict[CodeId, int] | None = None
        self._texts: Texts | None = None
        #: Sort keys of the columns only built quotes have (time, reviews), per coding.
        self._column_keys: dict[CodingId, Any] = {}
        self._coders: list[str] = []
        self._coder_counts: Counter[str] | None = None
        #: What the last list kept, freed on idle.
        self._dropped: list[object] = []
        self._generation = 0
        self._pending = DeferredChanges(self._apply_change, self)
        workspace.changed.connect(self.on_change)

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
        self.loaded = True
        if self.query is not None:
            try:
                found = list(self.workspace.project.analysis.query(self.query[0], unit=self.query[1]).quotes)
            except CodewerkError:  # a code of the query was deleted or renamed meanwhile
                found = []
            self._replace_quotes(found)
            return
        service = self.workspace.project.quote_service
        try:
            codes = self._listed_codes()
        except LookupError:
            ids: list[CodingId] = []
            coders: list[str] = []
        else:
            ids = list(service.listing(codes).ids)
            coders = service.coders(codes)
        self._pinned = None
        self._replace(ids, sorted(coders, key=fold))
        generation = self._generation
        QTimer.singleShot(0, lambda: self._prepare(generation))  # ready before the first filter

    def _replace_quotes(self, quotes: list[Quote]) -> None:
        """List these quotes, built already (a code query's)."""
        self._pinned = {q.coding_id: q for q in quotes}
        self._replace(
            [q.coding_id for q in quotes],
            sorted({q.coder for q in quotes if q.coder}, key=fold),
            Facts.of_quotes(quotes),
            Texts({q.coding_id: (q.text, q.memo) for q in quotes}),
        )

    def _replace(
        self, ids: list[CodingId], coders: list[str], facts: Facts | None = None, texts: Texts | None = None
    ) -> None:
        """List these codings (filtered and sorted as now); what was kept of the last list goes."""
        self._generation += 1
        if self._facts is not None or self._texts is not None:  # freed after the paint (0.04 s at 200,000)
            self._dropped.append((self._facts, self._texts, self._built))
            QTimer.singleShot(0, self._dropped.clear)
        self._built = OrderedDict()
        self._facts, self._texts = facts, texts
        self._documents = None
        self._order = None
        self._column_keys = {}
        self._all = ids if facts is None else sorted(ids, key=self._list_key())
        self._coder_counts = None if facts is None else facts.coder_counts(self._all)
        self._refilter()
        self._coders = coders
        self.codersChanged.emit(list(self._coders))

    def _prepare(self, generation: int) -> None:
        """Read what filtering, sorting and keeping up with changes need (right after listing)."""
        if generation == self._generation and self.loaded:
            try:
                self._ensure_facts()
            except ServerUnreachableError:  # a team server away: read them when it is back
                QTimer.singleShot(1000, lambda: self._prepare(generation))

    def _ensure_facts(self) -> Facts:
        if self._facts is None:
            try:
                codes = self._listed_codes()
            except LookupError:
                codes = []
            service = self.workspace.project.quote_service
            with self.workspace.loading():
                facts = Facts(service.facts(codes))
            # Codings another program deleted between the listing and now: kept in place as rows
            # without a quote until its change arrives (its announcement re-reads the list).
            for gone in set(self._all).difference(facts.rows):
                facts.rows[gone] = (gone, -1, -1, 0, 0, -1)
            self._facts = facts
            self._coder_counts = facts.coder_counts(self._all)
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

    def set_filter(self, rule: QuoteFilter) -> None:
        self.rule = rule
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._sorted(self._matching())
        self.endResetModel()
        self.countsChanged.emit(len(self._rows), len(self._all))

    def _matching(self) -> list[CodingId]:
        """The codings listed that pass the filter, in the list's order."""
        rule = self.rule
        if rule.empty:
            return list(self._all)
        facts = self._ensure_facts()
        documents = self._ensure_documents().matching(rule.where)
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

    def quote(self, row: int) -> Quote:
        """The quote of a row (built with the rows around it when not built yet)."""
        found = self._quote_of(self._rows[row], row)
        if found is None:
            raise LookupError(f"the quote of row {row} is gone")
        return found

    def quote_at(self, row: int) -> Quote | None:
        """The quote of a row, None when its coding is gone (another program deleted it just now)."""
        if not 0 <= row < len(self._rows):
            return None
        return self._quote_of(self._rows[row], row)

    def quotes(self) -> list[Quote]:
        """Every row's quote, built now (a short list, or a test): the rows in view build their own."""
        return self.quotes_at(range(len(self._rows)))

    def quotes_at(self, rows: Sequence[int]) -> list[Quote]:
        """The quotes of these rows (a selection), those not built yet built together, in chunks."""
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

    def listed(self) -> int:
        """How many quotes are listed (before filtering)."""
        return len(self._all)

    def coding_ids(self) -> list[CodingId]:
        """The codings of the rows, in their order."""
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
        for quote in self.workspace.project.quote_service.records(wanted):
            self._built[quote.coding_id] = quote
        while len(self._built) > KEPT:
            self._built.popitem(last=False)
        return self._built.get(coding_id)

    def row_of(self, coding_id: CodingId) -> int | None:
        """The row showing this coding (None: not shown)."""
        if not self._rows:
            return None
        if self._sort is None and self.rule.empty and self._facts is None:
            try:
                return self._rows.index(coding_id)
            except ValueError:
                return None
        facts = self._ensure_facts()
        if coding_id not in facts.rows:
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
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._column_keys = {}
        self._rows = self._sorted(self._matching() if self._sort is None else self._rows)
        self.layoutChanged.emit()

    def _sorted(self, ids: list[CodingId]) -> list[CodingId]:
        """``ids`` (in the list's order) in the order shown: by the column sorted by, then the list's
        (ties reversed with the column)."""
        if self._sort is None:
            return ids
        column, order = self._sort
        if column in BUILT_KEYS:
            self._build_column_keys(ids, column)
        key = self._sort_key(column)
        list_order = self._list_key()
        return sorted(
            ids, key=lambda i: (key(i), list_order(i)), reverse=order == Qt.SortOrder.DescendingOrder
        )

    def _shown_key(self) -> tuple[Callable[[CodingId], Any], bool]:
        """The order of the rows shown (the column sorted by, then the list's), and whether descending."""
        list_order = self._list_key()
        if self._sort is None:
            return list_order, False
        column, order = self._sort
        key = self._sort_key(column)
        return (lambda i: (key(i), list_order(i))), order == Qt.SortOrder.DescendingOrder

    def _build_column_keys(self, ids: list[CodingId], column: int) -> None:
        """The keys of a column only built quotes have, for every row (each row built once)."""
        wanted = [i for i in ids if i not in self._column_keys]
        service = self.workspace.project.quote_service
        for first in range(0, len(wanted), 5000):
            chunk = wanted[first : first + 5000]
            pinned = self._pinned
            quotes = [pinned[i] for i in chunk] if pinned is not None else service.records(chunk)
            for quote in quotes:
                self._column_keys[quote.coding_id] = self._built_key(column, quote)

    def _built_key(self, column: int, quote: Quote) -> Any:
        if column == TIME:  # quotes without a time last
            return (quote.time is None, quote.time or 0.0)
        if column == REVIEW:
            rank = {status: n for n, status in enumerate(STATUSES)}
            return rank.get(self._my_status(quote) or "", len(rank))
        return fold(self._my_comment(quote))

    def _sort_key(self, column: int) -> Callable[[CodingId], Any]:
        rows = self._ensure_facts().rows
        documents = self._ensure_documents()
        attribute = {RESPONDENT: "respondent", REGION: "region", ROLE: "role"}.get(column)
        if attribute is not None:
            attributes, natural = documents.attributes, documents.natural
            return lambda i: natural(attributes.get(rows[i][fact.DOCUMENT], {}).get(attribute, ""))
        if column in (TEXT, MEMO):
            texts, part = self._ensure_texts().texts, 0 if column == TEXT else 1
            return lambda i: texts.get(i, ("", ""))[part].casefold()
        if column == CODE:
            order = self._code_order()
            return lambda i: order.get(CodeId(rows[i][fact.CODE]), 0)
        if column == DOCUMENT:
            names, natural = documents.name, documents.natural
            return lambda i: (natural(names.get(rows[i][fact.DOCUMENT], "")), rows[i][fact.START])
        if column == CODER:
            facts = self._ensure_facts()
            folded: dict[str | None, str] = {}

            def by_coder(i: CodingId) -> str:
                name = facts.coder(i)
                if name not in folded:
                    folded[name] = fold(name or "")
                return folded[name]

            return by_coder
        keys = self._column_keys
        if column == TIME:
            names, starts = documents.name, rows
            return lambda i: (
                *keys.get(i, (True, 0.0)),
                names.get(starts[i][fact.DOCUMENT], ""),
                starts[i][fact.START],
            )
        return lambda i: keys.get(i, "")

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
        facts = self._ensure_facts()
        # Where the change says where it was (a coding applied, removed, moved), only the quotes
        # overlapping those spans are re-read; a document changed anywhere is re-read whole.
        spans = {d: change.spans(d) for d in touched}
        whole = sorted(d for d, located in spans.items() if located is None)
        places = [(d, start, end) for d, located in spans.items() if located for start, end in located]
        fresh = (self._query(within=places) if places else []) + (self._query(whole) if whole else [])
        stale: set[CodingId] = set()
        for document, located in spans.items():
            stale |= facts.around(document, located)
        if len(fresh) + len(stale) > IN_PLACE:
            self._merge(stale, fresh)
            return
        coders = set(self._coder_counts or ())
        current = {q.coding_id for q in fresh}
        for coding_id in sorted(stale - current):
            self._take_out(coding_id)
        for quote in fresh:
            self._put_in(quote)
        if self._coder_counts is not None:
            self._coder_counts = +self._coder_counts
            if set(self._coder_counts) != coders:
                self._coders = sorted(self._coder_counts, key=fold)
                self.codersChanged.emit(list(self._coders))
        self.countsChanged.emit(len(self._rows), len(self._all))

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
        if self._sort is not None and self._sort[0] in BUILT_KEYS:
            self._column_keys[quote.coding_id] = self._built_key(self._sort[0], quote)

    def _forget(self, coding_id: CodingId) -> None:
        self._built.pop(coding_id, None)
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
        if column in BUILT_KEYS and self._built_key(column, quote) != self._column_keys.get(coding_id):
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

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role not in _ANSWERED:
            return None
        quote = self._quote_of(self._rows[index.row()], index.row())
        if quote is None:
            return None
        if role == QUOTE_ROLE:
            return quote
        return self.cell(quote, index, role)
