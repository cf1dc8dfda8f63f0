"""The Quotes dock: the quote list per code the supervisor reviews, with filters and review marks."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.analysis.query_bar import QueryBar
from app.quotes.quote_filter_bar import QuoteFilterBar
from app.quotes.quote_table_model import (
    CODE,
    CODER,
    COMMENT,
    DOCUMENT,
    MEMO,
    REGION,
    RESPONDENT,
    REVIEW,
    REVIEW_LABELS,
    ROLE,
    TEXT,
    TIME,
    QuoteTableModel,
)
from app.quotes.review_delegate import ReviewDelegate
from app.reviews.discussion_panel import DiscussionPanel
from app.shell import settings
from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from app.widgets import operations
from coding import Aspect, Change
from coding.core.errors import ServerUnreachableError
from coding.core.ids import CodeId, CodingId
from coding.core.records import Quote
from coding.quotes.quote_filter import QuoteFilter
from coding.quotes.quote_service import TO_ANSWER
from coding.reviews.review_service import STATUSES

SORT_KEY = "quotes/sort"  # the column the user last sorted the quotes by, kept between sessions


def _comment_key(coding_id: CodingId) -> tuple[str, int]:
    """Which review comment a save kept while an action is written writes (``TypedSaves``)."""
    return ("comment", coding_id)


class QuotesDock(QDockWidget):
    jumpRequested = Signal(object)  # Quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("QuotesDock", "Quotes"), parent)
        self.setObjectName("quotesDock")
        self.workspace: Workspace | None = None
        self.model: QuoteTableModel | None = None
        self._code_names = QCoreApplication.translate("QuotesDock", "all codes")
        body = QWidget(self)

        self.query_bar = QueryBar(body)
        self.query_bar.queryRequested.connect(self.run_query)
        self.filters = QuoteFilterBar(body)
        # the bar's fields, as the dock's own (tests and the window reach them here)
        self.attribute, self.value = self.filters.attribute, self.filters.value
        self.coder, self.review, self.text = self.filters.coder, self.filters.review, self.filters.text

        self.table = QTableView(body)
        self.table.setObjectName("quoteTable")
        self.table.setAccessibleName(QCoreApplication.translate("QuotesDock", "Quotes"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegate(ReviewDelegate(self.table))
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)

        self.count = QLabel(body)
        self.count.setObjectName("quoteCount")
        self.comment = QLineEdit(body)
        self.comment.setObjectName("reviewComment")
        self.comment.setAccessibleName(QCoreApplication.translate("QuotesDock", "Review comment"))
        self.comment.setPlaceholderText(
            QCoreApplication.translate("QuotesDock", "Review comment on the current quote (Enter saves)")
        )
        self.comment.setToolTip(
            QCoreApplication.translate(
                "QuotesDock",
                "Your comment on the current quote: Enter or leaving the field saves it "
                "(a quote without your mark gets the mark “question”)",
            )
        )
        self._comment_for: CodingId | None = None  # the quote whose comment the field shows
        self._comment_quote: Quote | None = None  # as it was read then (if a filter hides it later)
        self.review_actions: dict[str, QAction] = {}
        review_buttons: list[QToolButton] = []
        review_row = QHBoxLayout()
        review_row.addWidget(self.count)
        review_row.addStretch(1)
        review_row.addWidget(QLabel(QCoreApplication.translate("QuotesDock", "Your review:"), body))
        for number, status in enumerate((*STATUSES, None), start=1):
            label = (
                REVIEW_LABELS[status].capitalize()
                if status
                else QCoreApplication.translate("QuotesDock", "Clear")
            )
            action = QAction(label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number if status else 0}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                QCoreApplication.translate("QuotesDock", "Mark the selected quotes: {mark} ({key})").format(
                    mark=label.lower(), key=action.shortcut().toString()
                )
            )
            action.triggered.connect(lambda _checked=False, s=status: self.mark_selected(s))
            self.addAction(action)
            button = QToolButton(body)
            button.setDefaultAction(action)
            review_row.addWidget(button)
            review_buttons.append(button)
            self.review_actions[status or "clear"] = action
        # the comment on a line of its own, full width: beside the marks it was a sliver on a laptop
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment, 1)
        self.discussion_button = QToolButton(body)
        self.discussion_button.setObjectName("discussionToggle")
        self.discussion_button.setText(QCoreApplication.translate("QuotesDock", "Discussion"))
        self.discussion_button.setCheckable(True)
        self.discussion_button.setToolTip(
            QCoreApplication.translate(
                "QuotesDock",
                "Show the conversation about the current quote (every reviewer's mark and comment, "
                "your replies) and reply",
            )
        )
        comment_row.addWidget(self.discussion_button)
        # Tab as the eye reads: the quotes, the marks under them, then the comment line (the comment field,
        # made first, came before the marks)
        order = (self.table, *review_buttons, self.comment, self.discussion_button)
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_bar)
        layout.addWidget(self.filters)
        # the quotes and their review above, the Discussion below a handle the user may drag; at
        # 1366×768 the Discussion left the table one and a half rows: the table keeps four
        quotes = QWidget(body)
        quotes_layout = QVBoxLayout(quotes)
        quotes_layout.setContentsMargins(0, 0, 0, 0)
        quotes_layout.addWidget(self.table, 1)
        quotes_layout.addLayout(review_row)
        quotes_layout.addLayout(comment_row)
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        header_and_rows = 5 * vertical.defaultSectionSize() + 4  # the header as tall as a row, or a bit more
        self.table.setMinimumHeight(header_and_rows + scroll_bar + 2 * self.table.frameWidth())
        self.discussion = DiscussionPanel(body)
        self.discussion.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.splitter.setObjectName("quotesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(quotes)
        self.splitter.addWidget(self.discussion)
        self.splitter.setStretchFactor(0, 1)  # a taller panel gives the quotes the room
        self.splitter.setStretchFactor(1, 0)
        layout.addWidget(self.splitter, 1)
        self.setWidget(body)
        self.discussion_button.toggled.connect(self._show_discussion)

        self.filters.changed.connect(self._apply_filter)
        self.table.doubleClicked.connect(self._double_clicked)
        self.comment.returnPressed.connect(self.save_comment)
        self.comment.editingFinished.connect(self.save_comment)
        self._list_all_when_painted = False
        self._sorting_myself = False  # setting the header's sort indicator, not the user
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_chosen)
        self.table.viewport().installEventFilter(self)
        self._changes = DeferredChanges(self._project_changed, self)
        self.set_workspace(None)

    def _show_discussion(self, shown: bool) -> None:
        """Open (or close) the Discussion under the quotes, as tall as it asks, the quotes the rest."""
        self.discussion.setVisible(shown)
        if shown:
            total = sum(self.splitter.sizes())
            least = self.discussion.minimumSizeHint().height()  # three lines of it and the reply field
            wanted = max(least, min(self.discussion.sizeHint().height(), total // 3))
            self.splitter.setSizes([total - wanted, wanted])

    # -- project --------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        if self.workspace is not None:
            self.workspace.changed.disconnect(self._changes.add)
        if workspace is not None:
            workspace.changed.connect(self._changes.add)
        self.save_comment()
        self._comment_for = None
        self._comment_quote = None
        self.comment.clear()
        self.discussion.set_source(workspace)
        old = self.model
        self.workspace = workspace
        self.query_bar.set_workspace(workspace)
        self.filters.set_workspace(workspace)
        self.model = QuoteTableModel(workspace, self) if workspace is not None else None
        self.table.setModel(self.model)
        if old is not None:
            old.workspace.changed.disconnect(old.on_change)
            old.deleteLater()
        self.widget().setEnabled(workspace is not None)
        self._list_all_when_painted = False
        if self.model is None:
            self.count.setText("")
            return
        self.model.countsChanged.connect(self._counts)
        self.model.codersChanged.connect(self.filters.fill_coders)
        self.model.layoutChanged.connect(self._current_in_view)  # after a sort: where it went
        self.filters.fill_coders(self.model.coders())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {
            TEXT: 360, CODE: 165, REVIEW: 92, COMMENT: 150, RESPONDENT: 46, REGION: 110, ROLE: 110,
            DOCUMENT: 150, MEMO: 160, CODER: 64, TIME: 64,
        }  # fmt: skip
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.filters.fill_attributes()  # (a filter or sort set before anything is listed reads nothing)
        # The column the user sorted by last time, or none. Enabling sorting sorts by the header's
        # indicator at once (column 0 in a new window): the model, nothing listed yet, only notes
        # the order, and lists every quote in it after the first paint (sorting reads every quote's
        # text or facts: ≈ 0.4 s at 200,000).
        saved = settings.table_sort(SORT_KEY)
        column, descending = (
            saved if saved is not None and saved[0] < self.model.columnCount() else (-1, False)
        )
        self._sorting_myself = True
        try:
            header.setSortIndicator(
                column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            )
            self.table.setSortingEnabled(True)
        finally:
            self._sorting_myself = False
        # Every quote of the project, right after the list is first painted: the window shows
        # without waiting for the 20,000 quotes of a large project (≈ 0.2 s), and a hidden dock
        # reads nothing until it is shown. Choosing codes first lists theirs at once instead.
        self._list_all_when_painted = True
        self.table.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._list_all_when_painted
            and event.type() == QEvent.Type.Paint
            and watched is self.table.viewport()
        ):
            self._list_all_when_painted = False
            model = self.model
            QTimer.singleShot(0, lambda: self._list_all(model))
        return super().eventFilter(watched, event)

    def _list_all(self, model: QuoteTableModel | None, again: bool = False) -> None:
        """List every quote (right after the first paint); tried again each second while a team
        server is away (the model counts as listed from the first try: ``again`` lists anyway,
        unless codes or a query were chosen meanwhile)."""
        if model is None or model is not self.model:
            return
        if model.loaded and not (again and model.codes is None and model.query is None):
            return
        try:
            model.set_codes(None)
        except ServerUnreachableError:  # a team server away: list them when it is back
            QTimer.singleShot(1000, lambda: self._list_all(model, again=True))

    def _current_in_view(self) -> None:
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())

    def _sort_chosen(self, column: int, order: Qt.SortOrder) -> None:
        """The user sorted by a column (a header click): kept for the next start."""
        if self._sorting_myself or self.model is None or column < 0:
            return
        settings.save_table_sort(SORT_KEY, column, order == Qt.SortOrder.DescendingOrder)

    def _project_changed(self, change: Change) -> None:
        """Attributes added, renamed or imported: the attribute and value choices follow at once."""
        if change.touches(Aspect.ATTRIBUTES, Aspect.DOCUMENTS) and self.workspace is not None:
            self.refill_attributes()

    def refill_attributes(self) -> None:
        """The attribute keys and the chosen key's values, keeping both choices where they still exist."""
        self.filters.refill_attributes()

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> QuoteFilter:
        return self.filters.current_filter(
            self.model.workspace.project.coder if self.model is not None else ""
        )

    def _apply_filter(self, *_args: object) -> None:
        if self.review.currentData() == TO_ANSWER:
            self.discussion_button.setChecked(True)  # answering needs the conversation
        if self.model is not None:
            self.model.set_filter(self.current_filter())

    def set_attribute_filter(self, key: str, value: str) -> None:
        self.filters.set_attribute_filter(key, value)

    def show_codes(self, code_ids: Sequence[CodeId], names: str) -> None:
        if self.model is None:
            return
        self._code_names = names or QCoreApplication.translate("QuotesDock", "all codes")
        self.model.set_codes(list(code_ids) or None)
        self.setWindowTitle(
            QCoreApplication.translate("QuotesDock", "Quotes — {codes}").format(codes=self._code_names)
        )

    def run_query(self, query: str, unit: str) -> None:
        """The query bar's Enter: list what the code query finds (empty: the codes' quotes again)."""
        model = self.model
        if model is None:
            return
        if not query:
            if model.query is not None:
                model.set_codes(model.codes)
                self.setWindowTitle(
                    QCoreApplication.translate("QuotesDock", "Quotes — {codes}").format(
                        codes=self._code_names
                    )
                )
            return
        if operations.perform(self, lambda: model.set_query(query, unit)):
            self.setWindowTitle(
                QCoreApplication.translate("QuotesDock", "Quotes — {query} ({unit})").format(
                    query=query, unit=unit
                )
            )

    def _counts(self, shown: int, retrieved: int) -> None:
        if self.model is not None and not self.model.loaded:
            self.count.setText(QCoreApplication.translate("QuotesDock", "Listing quotes …"))
        elif shown == retrieved:
            self.count.setText(
                QCoreApplication.translate("QuotesDock", "{count} quote(s)").format(count=shown)
            )
        else:
            self.count.setText(
                QCoreApplication.translate("QuotesDock", "{count} of {total} quote(s)").format(
                    count=shown, total=retrieved
                )
            )

    # -- reviewing and jumping ------------------------------------------------------------
    def selected_quotes(self) -> list[Quote]:
        if self.model is None:
            return []
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return self.model.quotes_at(rows)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.model is None or not current.isValid():
            return
        self.save_comment()  # what was typed for the previous quote is kept, never dropped
        quote = self.model.quote_at(current.row())
        if quote is None:
            return
        if quote.coding_id == self._comment_for:
            return
        short = " ".join(quote.text.split())
        self.discussion.show_target(
            coding_id=quote.coding_id,
            title=f"‘{short[:60]}{'…' if len(short) > 60 else ''}’ ({quote.document})",
        )
        review = quote.review_by(self.model.reviewer)
        self._comment_for = quote.coding_id
        self._comment_quote = quote
        kept = (
            self.workspace.typed.kept(_comment_key(quote.coding_id)) if self.workspace is not None else None
        )
        self.comment.setText(kept if kept is not None else review.comment if review else "")

    def _quote_of(self, coding_id: CodingId) -> Quote | None:
        if self.model is None:
            return None
        row = self.model.row_of(coding_id)
        return self.model.quote_at(row) if row is not None else None

    def save_comment(self) -> bool:
        """Save the comment field for the quote it belongs to, when it differs from the stored one
        (Enter, leaving the field, choosing another quote). Keeps the reviewer's mark, or marks
        “question” when there is none. Returns whether something was saved."""
        model, coding_id = self.model, self._comment_for
        text = self.comment.text()
        if model is None or coding_id is None:
            if text.strip() and self.workspace is not None and self.comment.hasFocus():
                self.workspace.tell(
                    QCoreApplication.translate(
                        "QuotesDock", "Choose a quote first: the comment is kept in the field until then"
                    )
                )
            return False
        quote = self._quote_of(coding_id) or self._comment_quote
        if quote is None or quote.coding_id != coding_id:
            return False
        review = quote.review_by(model.reviewer)
        if text == (review.comment if review else ""):
            return False
        if review is None and not text.strip():
            return False
        status = review.status if review is not None else "question"
        selected = {q.coding_id for q in self.selected_quotes()}
        if self.workspace is None:
            return False
        reviews = self.workspace.project.reviews
        saved = QCoreApplication.translate("QuotesDock", "Comment saved with your mark “{mark}”").format(
            mark=REVIEW_LABELS[status]
        )
        if not self.workspace.typed.save(  # kept while an action is written in a worker, never dropped
            _comment_key(coding_id),
            text,
            lambda: reviews.mark(coding_id, status, text),
            where=self,
            saved=saved,
        ):
            return False
        if self.workspace.typed.kept(_comment_key(coding_id)) is None:  # saved now: the rows show it
            model.flush()
            self._reselect(selected or {coding_id}, current=coding_id)
        return True

    def mark_selected(self, status: str | None) -> None:
        if self.model is None:
            return
        quotes = self.selected_quotes()
        if not quotes and self.table.currentIndex().isValid():
            found = self.model.quote_at(self.table.currentIndex().row())
            quotes = [found] if found is not None else []
        if not quotes:
            return
        selected = {q.coding_id for q in quotes}
        index = self.table.currentIndex()
        at = self.model.quote_at(index.row()) if index.isValid() else None
        current = at.coding_id if at is not None else None
        if status is None:
            self.comment.clear()  # a cleared mark has no comment; the field must not bring it back
        self.model.mark([q.coding_id for q in quotes], status, self.comment.text() if status else "")
        self.model.flush()
        self._reselect(selected, current=current)
        if self.workspace is not None:
            what = (
                REVIEW_LABELS[status] if status else QCoreApplication.translate("QuotesDock", "not reviewed")
            )
            self.workspace.tell(
                QCoreApplication.translate(
                    "QuotesDock", "Marked {count} quote(s) {mark} as {reviewer}"
                ).format(count=len(quotes), mark=what, reviewer=self.model.reviewer)
            )

    def _reselect(self, coding_ids: set[CodingId], current: CodingId | None = None) -> None:
        if self.model is None:
            return
        selection = self.table.selectionModel()
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                selection.setCurrentIndex(self.model.index(row, 0), selection.SelectionFlag.NoUpdate)
        for coding_id in coding_ids:
            row = self.model.row_of(coding_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model is None or not index.isValid():
            return
        if index.column() in (REVIEW, COMMENT):
            self.table.edit(index)
            return
        quote = self.model.quote_at(index.row())
        if quote is not None:
            self.jumpRequested.emit(quote)
