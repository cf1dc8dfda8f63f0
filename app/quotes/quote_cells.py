"""What a quote row shows: the columns, each cell's text, tooltip and colour, and the review
columns' editing (the current reviewer's own mark, ``project.coder``)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.transcript.coding_margin import code_label
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.attributes import known_value
from coding.core.ids import CodingId
from coding.core.records import Quote, ReviewInfo

if TYPE_CHECKING:
    from app.shell.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1

TEXT, CODE, REVIEW, COMMENT, RESPONDENT, REGION, ROLE, DOCUMENT, MEMO, CODER, TIME = range(11)

HEADERS = (
    QT_TRANSLATE_NOOP("Column", "Quote"),
    QT_TRANSLATE_NOOP("Column", "Code"),
    QT_TRANSLATE_NOOP("Column", "Review"),
    QT_TRANSLATE_NOOP("Column", "Comment"),
    QT_TRANSLATE_NOOP("Column", "Resp."),
    QT_TRANSLATE_NOOP("Column", "Region"),
    QT_TRANSLATE_NOOP("Column", "Role"),
    QT_TRANSLATE_NOOP("Column", "Document"),
    QT_TRANSLATE_NOOP("Column", "Memo"),
    QT_TRANSLATE_NOOP("Column", "Coder"),
    QT_TRANSLATE_NOOP("Column", "Time"),
)
EDITABLE = (REVIEW, COMMENT)


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


class QuoteCells(QAbstractTableModel):
    """The cells of the quote table: a model of rows whose quotes :meth:`quote` gives."""

    workspace: Workspace

    @property
    def reviewer(self) -> str:
        return self.workspace.project.coder

    def quote(self, row: int) -> Quote:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("Column", HEADERS[section])
        if horizontal and role == Qt.ItemDataRole.ToolTipRole and section in (REVIEW, COMMENT):
            return QCoreApplication.translate(
                "QuoteTableModel", "Your review ({reviewer}); double-click to change it"
            ).format(reviewer=self.reviewer)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _my_review(self, quote: Quote) -> ReviewInfo | None:
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
            return known_value(quote.attributes, "respondent")
        if column == REGION:  # a Dutch sheet's "regio" too
            return known_value(quote.attributes, "region")
        if column == ROLE:
            return known_value(quote.attributes, "role")
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
            others = sorted(
                {r.status for r in quote.reviews}
            )  # other reviewers' marks, in the window's words
            return f"({', '.join(REVIEW_LABELS[s] for s in others)})" if others else ""
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
