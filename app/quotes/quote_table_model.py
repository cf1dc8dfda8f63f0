"""The retrieval list as a table model: quotes of the chosen codes, filtered and sorted in memory.

The quote service is asked once per code choice (and per change, for the touched documents only);
filtering and sorting then work on the list already in memory, so 20,000 quotes stay quick.
The review columns show the current reviewer's own mark (``project.coder``) and are editable.
"""

from __future__ import annotations

import bisect
import html
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from app.transcript.coding_margin import code_label
from app.widgets.record_table_model import AnyIndex, Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Aspect, Change
from coding.core.errors import CodewerkError
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.records import Quote
from coding.core.text import fold, natural_key
from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter
from coding.reviews.review_service import STATUSES

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Up to this many quotes re-read after a change, rows are taken out and put in one by one;
#: more (a large import into listed codes) and the list is rebuilt and sorted once.
IN_PLACE = 200

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

TEXT, CODE, REVIEW, COMMENT, RESPONDENT, REGION, ROLE, DOCUMENT, MEMO, CODER, TIME = range(11)


class _Translated(dict[str, str]):
    """Labels marked for translation where defined and translated when looked up (after the
    translator is installed, whenever the module was imported)."""

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate("QuoteTableModel", super().__getitem__(key))


REVIEW_LABELS = _Translated(
    agreed=QT_TRANSLATE_NOOP("QuoteTableModel", "✓ agreed"),
    question=QT_TRANSLATE_NOOP("QuoteTableModel", "? question"),
    disagree=QT_TRANSLATE_NOOP("QuoteTableModel", "✗ disagree"),
)
REVIEW_COLOURS = {"agreed": "#2e8b57", "question": "#c88a00", "disagree": "#c0392b"}


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Places:
    """One document's listed quotes by start, to find those overlapping a span without a scan."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        #: No quote is longer (it may once have been: only an upper bound is needed).
        self.longest = max((q.end - q.start for q in self.quotes), default=0)

    def around(self, start: int, end: int) -> list[Quote]:
        """The quotes overlapping or touching ``[start, end]``."""
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_right(self.starts, end)
        return [q for q in self.quotes[first:last] if q.end >= start]

    def add(self, quote: Quote) -> None:
        at = bisect.bisect_right(self.starts, quote.start)
        self.starts.insert(at, quote.start)
        self.quotes.insert(at, quote)
        self.longest = max(self.longest, quote.end - quote.start)

    def remove(self, quote: Quote) -> None:
        at = bisect.bisect_left(self.starts, quote.start)
        while self.quotes[at] is not quote:
            at += 1
        del self.starts[at], self.quotes[at]


class QuoteTableModel(RecordTableModel[Quote]):
    """What a cell shows depends on the code tree and on who reviews: every column answers in cell()."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Quote")),
        Column(QT_TRANSLATE_NOOP("Column", "Code")),
        Column(QT_TRANSLATE_NOOP("Column", "Review"), editable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Comment"), editable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Resp.")),
        Column(QT_TRANSLATE_NOOP("Column", "Region")),
        Column(QT_TRANSLATE_NOOP("Column", "Role")),
        Column(QT_TRANSLATE_NOOP("Column", "Document")),
        Column(QT_TRANSLATE_NOOP("Column", "Memo")),
        Column(QT_TRANSLATE_NOOP("Column", "Coder")),
        Column(QT_TRANSLATE_NOOP("Column", "Time")),
    )
    RECORD_ROLE = QUOTE_ROLE
    countsChanged = Signal(int, int)  # shown, retrieved
    codersChanged = Signal(list)  # the coders of every quote listed, when the list is replaced

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.codes: list[CodeId] | None = None
        #: The code query listed instead of the codes' quotes, and its unit.
        self.query: tuple[str, str] | None = None
        self.rule = QuoteFilter()
        self._all = FilterableQuotes([])
        self._coders: list[str] = []
        self._coder_counts: Counter[str] = Counter()
        #: The quotes listed per document, built on the first change that needs it.
        self._by_document: dict[DocumentId, _Places] | None = None
        #: The list's own order (codebook, document, position), built when first needed.
        self._list_key: Callable[[Quote], tuple[int, int, int, int]] | None = None
        self.loaded = False
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._pending = DeferredChanges(self._apply_change, self)
        workspace.changed.connect(self.on_change)

    # -- what is listed -------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        return self.workspace.project.coder

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
        self._replace_all(list(quotes))

    def _query(
        self,
        documents: Sequence[int] | None = None,
        within: Sequence[tuple[DocumentId, int, int]] | None = None,
    ) -> list[Quote]:
        project = self.workspace.project
        if self.query is not None:
            try:
                found = project.analysis.query(self.query[0], unit=self.query[1]).quotes
            except CodewerkError:  # a code of the query was deleted or renamed meanwhile
                return []
            return [q for q in found if documents is None or q.document_id in documents]
        codes = [c for c in self.codes if c in project.codes.tree()] if self.codes else None
        if self.codes and not codes:
            return []
        return project.quote_service.query(codes, documents=documents, within=within)

    def _reload(self) -> None:
        self.loaded = True
        with self.workspace.loading():
            quotes = self._query()
        self._replace_all(quotes)
        prepared = self._all
        QTimer.singleShot(0, prepared.prepare)  # text keys ready before the first keystroke

    def _replace_all(self, quotes: list[Quote]) -> None:
        """List these quotes (filtered and sorted as now); the coders are read here, not per filter."""
        self._all = FilterableQuotes(quotes)
        self._by_document = None
        self._list_key = None
        self._refilter()
        self._coder_counts = Counter(q.coder for q in quotes if q.coder)
        self._coders = sorted(self._coder_counts, key=fold)
        self.codersChanged.emit(list(self._coders))

    def set_filter(self, rule: QuoteFilter) -> None:
        self.rule = rule
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._sort_rows()
        self.endResetModel()
        self.countsChanged.emit(len(self._records), len(self._all))

    def quote(self, row: int) -> Quote:
        return self.record(row)

    def quotes(self) -> list[Quote]:
        return self.records()

    def coders(self) -> list[str]:
        """The coders of every quote listed (before filtering), in folded order."""
        return list(self._coders)

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
        if not touched:
            return
        # Where the change says where it was (a coding applied, removed, moved), only the quotes
        # overlapping those spans are re-read; a document changed anywhere is re-read whole.
        spans = {d: change.spans(d) for d in touched}
        whole = sorted(d for d, located in spans.items() if located is None)
        places = [(d, start, end) for d, located in spans.items() if located for start, end in located]
        fresh = self._query(within=places) if places else []
        if not whole and self.loaded and len(fresh) <= IN_PLACE:
            self._update_in_place(spans, fresh)
            return

        def stale(q: Quote) -> bool:
            located = spans[q.document_id]
            return located is None or any(q.start <= end and q.end >= start for start, end in located)

        # the document test inline: one call per quote of the touched documents only
        kept = [q for q in self._all.quotes if q.document_id not in touched or not stale(q)]
        fresh = (self._query(whole) if whole else []) + fresh
        key = self._key()
        if len(fresh) <= 64:  # the list is in this order already: insert the few in their places
            for quote in fresh:
                bisect.insort(kept, quote, key=key)
            merged = kept
        else:
            merged = sorted(kept + fresh, key=key)
        self._replace_all(merged)

    def _places(self, document_id: DocumentId) -> _Places:
        """The quotes listed of one document by position (gathered when the document first changes)."""
        if self._by_document is None:
            self._by_document = {}
        places = self._by_document.get(document_id)
        if places is None:
            places = self._by_document[document_id] = _Places(
                [q for q in self._all.quotes if q.document_id == document_id]
            )
        return places

    def _key(self) -> Callable[[Quote], tuple[int, int, int, int]]:
        """The list's own order, as the quote service sorts: codebook, document, position."""
        if self._list_key is None:
            order = self.workspace.project.codes.tree().order()
            positions = {d: rank for rank, d in enumerate(self.workspace.project.documents.order())}

            def key(q: Quote) -> tuple[int, int, int, int]:
                return (order.get(q.code_id, 0), positions.get(q.document_id, 0), q.start, q.end)

            self._list_key = key
        return self._list_key

    def _update_in_place(
        self, spans: dict[DocumentId, tuple[tuple[int, int], ...] | None], fresh: list[Quote]
    ) -> None:
        """Take out the quotes the change touched and put the fresh ones in their places, row by
        row (the view keeps its selection and scroll position; nothing else is read or sorted)."""
        stale: dict[CodingId, Quote] = {}
        for document_id, located in spans.items():
            for start, end in located or ():
                for quote in self._places(document_id).around(start, end):
                    stale[quote.coding_id] = quote
        added = []
        for quote in fresh:
            old = stale.get(quote.coding_id)
            if old is not None and old == quote:
                del stale[quote.coding_id]  # unchanged: it stays where it is
            else:
                added.append(quote)
        if not stale and not added:
            return
        coders = set(self._coder_counts)
        for quote in stale.values():
            self._take_out(quote)
        for quote in added:
            self._put_in(quote)
        self._coder_counts = +self._coder_counts
        if set(self._coder_counts) != coders:
            self._coders = sorted(self._coder_counts, key=fold)
            self.codersChanged.emit(list(self._coders))
        self.countsChanged.emit(len(self._records), len(self._all))

    def _take_out(self, quote: Quote) -> None:
        key = self._key()
        quotes = self._all.quotes
        position = bisect.bisect_left(quotes, key(quote), key=key)
        while quotes[position] is not quote:
            position += 1
        self._all.pop(position)
        self._places(quote.document_id).remove(quote)
        if quote.coder:
            self._coder_counts[quote.coder] -= 1
        row = self._row_of(quote)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self.endRemoveRows()

    def _put_in(self, quote: Quote) -> None:
        key = self._key()
        position = bisect.bisect_right(self._all.quotes, key(quote), key=key)
        self._all.insert(position, quote)
        self._places(quote.document_id).add(quote)
        if quote.coder:
            self._coder_counts[quote.coder] += 1
        if not self._all.accepts(self.rule, position):
            return
        row = self._row_place(quote, after=True)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, quote)
        self.endInsertRows()

    def _shown_key(self) -> tuple[Callable[[Quote], Any], bool]:
        """The order of the rows shown (the column sorted by, then the list's own), and whether descending."""
        key = self._key()
        if self._sort is None:
            return key, False
        column, order = self._sort
        by_column = self._sort_key(column)
        return (lambda q: (by_column(q), key(q))), order == Qt.SortOrder.DescendingOrder

    def _row_place(self, quote: Quote, *, after: bool) -> int:
        """Where ``quote`` goes among the rows shown: before (or ``after``) the rows ordered as it."""
        key, descending = self._shown_key()
        target = key(quote)
        low, high = 0, len(self._records)
        while low < high:
            middle = (low + high) // 2
            found = key(self._records[middle])
            ahead = found > target if descending else found < target
            if ahead or (after and found == target):
                low = middle + 1
            else:
                high = middle
        return low

    def _row_of(self, quote: Quote) -> int | None:
        row = self._row_place(quote, after=False)
        key, _descending = self._shown_key()
        target = key(quote)
        while row < len(self._records) and key(self._records[row]) == target:
            if self._records[row] is quote:
                return row
            row += 1
        return None

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        """The rows shown: the quotes passing the filter, in the list's order or sorted by a column
        (ties in the list's order, reversed with the column)."""
        quotes = self._all.quotes
        rows = self._all.matching(self.rule)
        if self._sort is not None:
            column, order = self._sort
            key = self._sort_key(column)
            rows.sort(key=lambda i: (key(quotes[i]), i), reverse=order == Qt.SortOrder.DescendingOrder)
        self._records = [quotes[i] for i in rows]

    def _sort_key(self, column: int) -> Callable[[Quote], Any]:
        attribute = {RESPONDENT: "respondent", REGION: "region", ROLE: "role"}.get(column)
        if attribute is not None:
            keys: dict[str, Any] = {}

            def by_attribute(q: Quote) -> Any:
                value = q.attributes.get(attribute, "")
                if value not in keys:
                    keys[value] = natural_key(value)
                return keys[value]

            return by_attribute
        if column == TEXT:
            return lambda q: q.text.casefold()
        if column == CODE:
            order = self.workspace.project.codes.tree().order()
            return lambda q: order.get(q.code_id, 0)
        if column == DOCUMENT:
            names: dict[str, Any] = {}

            def by_document(q: Quote) -> Any:
                if q.document not in names:
                    names[q.document] = natural_key(q.document)
                return names[q.document], q.start

            return by_document
        if column == MEMO:
            return lambda q: q.memo.casefold()
        if column == CODER:
            return lambda q: fold(q.coder or "")
        if column == TIME:  # quotes without a time last
            return lambda q: (q.time is None, q.time or 0.0, q.document, q.start)
        if column == REVIEW:
            rank = {status: n for n, status in enumerate(STATUSES)}
            return lambda q: rank.get(self._my_status(q) or "", len(rank))
        return lambda q: fold(self._my_comment(q))

    # -- table data -----------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.ToolTipRole and section in (REVIEW, COMMENT):
            return QCoreApplication.translate(
                "QuoteTableModel", "Your review ({reviewer}); double-click to change it"
            ).format(reviewer=self.reviewer)
        return None

    def _my_review(self, quote: Quote) -> Any:
        return quote.review_by(self.reviewer)

    def _my_status(self, quote: Quote) -> str | None:
        review = self._my_review(quote)
        return review.status if review else None

    def _my_comment(self, quote: Quote) -> str:
        review = self._my_review(quote)
        return review.comment if review else ""

    def cell(self, quote: Quote, index: AnyIndex, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(quote, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == REVIEW:
                return self._my_status(quote) or ""
            if column == COMMENT:
                return self._my_comment(quote)
            return self._display(quote, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(quote, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == REVIEW:
            status = self._my_status(quote)
            return QColor(REVIEW_COLOURS[status]) if status else None
        return None

    def _display(self, quote: Quote, column: int) -> str:
        if column == TEXT:
            return _one_line(quote.text)
        if column == CODE:
            tree = self.workspace.project.codes.tree()
            if quote.code_id in tree:
                return code_label(tree.get(quote.code_id))
            return quote.code_path.rsplit("/", 1)[-1]
        if column == RESPONDENT:
            return quote.attributes.get("respondent", "")
        if column == REGION:
            return quote.attributes.get("region", "")
        if column == ROLE:
            return quote.attributes.get("role", "")
        if column == DOCUMENT:
            return quote.document
        if column == MEMO:
            return _one_line(quote.memo)
        if column == CODER:
            return quote.coder or ""
        if column == TIME:
            return quote.time_label
        if column == REVIEW:
            status = self._my_status(quote)
            if status:
                return REVIEW_LABELS[status]
            others = sorted({r.status for r in quote.reviews})
            return f"({', '.join(others)})" if others else ""
        return _one_line(self._my_comment(quote))

    def _tooltip(self, quote: Quote, column: int) -> str:
        if column in (REVIEW, COMMENT):
            if not quote.reviews:
                return QCoreApplication.translate("QuoteTableModel", "Not reviewed yet")
            return "<br>".join(
                f"<b>{html.escape(r.reviewer)}</b>: {REVIEW_LABELS[r.status]}"
                + (f" — {html.escape(r.comment)}" if r.comment else "")
                for r in quote.reviews
            )
        text = f"<p style='white-space:pre-wrap'>{html.escape(quote.text)}</p>"
        text += f"<p style='color:gray'>{html.escape(quote.code_path)} · {html.escape(quote.document)} {quote.start}–{quote.end}</p>"
        if quote.memo:
            text += f"<p><i>{html.escape(quote.memo)}</i></p>"
        return text

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in (REVIEW, COMMENT):
            return False
        quote = self.quote(index.row())
        if index.column() == REVIEW:
            status = str(value or "") or None
            comment = self._my_comment(quote)
        else:
            status = self._my_status(quote)
            comment = str(value or "")
            if status is None:
                status = "question" if comment.strip() else None
        return self.mark([quote.coding_id], status, comment)

    def mark(self, coding_ids: Sequence[CodingId], status: str | None, comment: str = "") -> bool:
        """Review quotes as the current reviewer; ``status=None`` clears the mark. Marking several
        quotes is one undo step."""
        project = self.workspace.project
        reviews = project.reviews
        text = (
            QCoreApplication.translate("QuoteTableModel", "Review {count} quotes").format(
                count=len(coding_ids)
            )
            if status
            else QCoreApplication.translate("QuoteTableModel", "Clear {count} reviews").format(
                count=len(coding_ids)
            )
        )

        def mark_all() -> None:  # several: one undo group, all of them or, when one fails, none
            with project.group(text) if len(coding_ids) > 1 else nullcontext():
                for coding_id in coding_ids:
                    if status is None:
                        reviews.clear(coding_id)
                    else:
                        reviews.mark(coding_id, status, comment)

        return self.workspace.perform(mark_all)
