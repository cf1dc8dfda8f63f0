"""Documents as a Qt item model, grouped by one attribute (region by default), with coding counts.

Top-level rows are the groups (attribute values, in natural order, then "(no value)"); their
children are the documents. Without a grouping attribute the documents are the top-level rows.
An index's internal id is 0 for a top-level row, ``group row + 1`` for a document in a group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont
from shiboken6 import isValid

from app.shell import deferred_changes
from app.shell.deferred_changes import RETRY_MS, DeferredChanges
from app.shell.workspace import Workspace
from app.widgets.record_table_model import header_text
from app.widgets.translated import NO_VALUE, QT_TRANSLATE_NOOP, no_value, number
from coding import Aspect, Change
from coding.core.attributes import attribute_label
from coding.core.errors import ServerUnreachableError
from coding.core.ids import DocumentId
from coding.core.records import DocumentInfo
from coding.core.text import fold, natural_key

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

NAME, CODINGS = range(2)
#: A change moving the counts of more documents than this adjusts them all at once and announces every
#: row once (row by row, each announcement made the dock measure the largest count again: coding the
#: answers to one guide question in 2,000 interviews took 21 s of GUI CPU).
ADJUST_ROWS_UP_TO = 50
HEADERS = (QT_TRANSLATE_NOOP("Column", "Document"), QT_TRANSLATE_NOOP("Column", "Codings"))
#: What the list shows: documents grouped by their attributes, with their number of codings.
SHOWN = (Aspect.DOCUMENTS, Aspect.ATTRIBUTES, Aspect.SPEAKERS, Aspect.CODINGS)

AnyIndex = QModelIndex | QPersistentModelIndex

#: Every row's flags, combined once: the view asks for each of 2,000 rows as it lays them out, and
#: combining Qt's flags in Python makes a new enum value each time.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DocumentListModel(QAbstractItemModel):
    def __init__(
        self,
        workspace: Workspace,
        group_by: str | None = "region",
        parent: QObject | None = None,
        *,
        counts_later: bool = False,
        list_later: bool = False,
    ) -> None:
        """With ``counts_later`` the first listing leaves the coding counts to :meth:`load_counts`
        (a view calls it after its first paint: one pass over every coding, ≈ 0.1 s over 200,000);
        with ``list_later`` (and the counts later) the model starts empty and :meth:`list_in_worker`
        lists the documents (a view calls it after its first paint)."""
        super().__init__(parent)
        self.workspace = workspace
        self.group_by = group_by
        self.current: DocumentId | None = None
        self._documents: list[DocumentInfo] = []
        self._groups: list[tuple[str, list[DocumentInfo]]] = []
        #: Per document, its name and attributes and the folded text the filter matches: the filter asks
        #: every row again on each keystroke (folding 2,000 documents' texts each time was most of it).
        self._folded: dict[DocumentId, tuple[str, Mapping[str, str], str]] = {}
        #: Whether the documents carry their coding counts (False until :meth:`load_counts`).
        self._counted = not counts_later
        #: A count under way in a worker (:meth:`count_in_worker`), and whether a change of the
        #: documents or codings arrived since it began (then it counts again: it may have read before).
        self._counting = False
        self._stale = False
        #: Whether the documents are listed (False until :meth:`list_in_worker` took them in, with
        #: ``list_later``); a count asked for meanwhile waits for the listing.
        self._listed = False
        self._count_when_listed = False
        #: Raised by each listing, so that a listing read in a worker before it is dropped.
        self._listings = 0
        self._pending = DeferredChanges(self._apply_change, self)
        if not (list_later and counts_later):
            self.reload()
        workspace.changed.connect(self.on_change)

    # -- data from the services -------------------------------------------------------------
    def reload(self) -> None:
        self._listings += 1  # (a listing under way in a worker is older)
        self.beginResetModel()
        self._documents = self.workspace.project.documents.list(with_counts=self._counted)
        self._listed = True
        self._build_groups()
        self.endResetModel()
        self._count_waiting()

    @property
    def listed(self) -> bool:
        """Whether the documents are listed yet (see ``list_later``)."""
        return self._listed

    def list_in_worker(self) -> None:
        """List the documents the model was made without (``list_later``) in a worker thread (2,000
        documents with their attributes: ≈ 0.02–0.05 s of the GUI thread before the first paint of the
        huge project); the GUI thread takes them in at once (one reset). A change of the documents
        meanwhile lists them on the GUI thread (:meth:`reload`) and this read's result is dropped; a
        team server away: again a second later. Nothing to do once listed."""
        if self._listed:
            return
        self._listings += 1
        listing = self._listings
        documents = self.workspace.project.documents

        def read() -> list[DocumentInfo] | None:
            try:
                return documents.list(with_counts=False)
            except ServerUnreachableError:
                return None

        def arrived(listed: list[DocumentInfo] | None) -> None:
            if not isValid(self) or listing != self._listings:
                return  # the model went, or listed since (a change of the documents)
            if listed is None:
                QTimer.singleShot(RETRY_MS, self, self.list_in_worker)
                return
            self._pending.flush()  # a change of the documents waiting lists them at once
            if self._listed:
                return
            self.beginResetModel()
            self._documents = listed
            self._listed = True
            self._build_groups()
            self.endResetModel()
            self._count_waiting()

        self.workspace.read_in_worker(read, arrived, title="Listing the documents")

    def _count_waiting(self) -> None:
        """A count asked for before the documents were listed, now that they are."""
        if self._count_when_listed:
            self._count_when_listed = False
            self.count_in_worker()

    @property
    def counted(self) -> bool:
        """Whether the Codings column shows the counts yet (see ``counts_later``)."""
        return self._counted

    def load_counts(self) -> None:
        """Count the codings now if the first listing left them for later; the column follows.
        Changes waiting are taken in first: the count includes them, so they are not added again."""
        self._pending.flush()
        if self._counted:
            return
        if not self._listed:
            self._count_when_listed = False
            self.reload()
        self._take_counts(self.workspace.project.documents.coding_counts())

    def count_in_worker(self) -> None:
        """Count the codings the first listing left for later in a worker thread (one pass over
        every coding, ≈ 0.1–0.25 s that froze the window right after its first paint); the GUI
        thread takes them in. A change of the documents or codings meanwhile makes it count again;
        a team server away: again a second later. Nothing to do once counted."""
        if self._counted or self._counting:
            return
        if not self._listed:  # counted once they are listed
            self._count_when_listed = True
            return
        self._counting, self._stale = True, False
        documents = self.workspace.project.documents

        def read() -> dict[DocumentId, int] | None:
            try:
                return documents.coding_counts()
            except ServerUnreachableError:
                return None

        def arrived(counts: dict[DocumentId, int] | None) -> None:
            if not isValid(self):
                return
            self._counting = False
            if self._counted:
                return  # counted at once meanwhile
            if counts is None:
                QTimer.singleShot(RETRY_MS, self, self.count_in_worker)
            elif self._stale:
                self.count_in_worker()
            else:
                self._pending.flush()  # a reload waiting: its documents get the counts
                if not self._counted:
                    self._take_counts(counts)

        self.workspace.read_in_worker(read, arrived, title="Counting the documents' codings")

    def _take_counts(self, counts: dict[DocumentId, int]) -> None:
        self._counted = True
        self._documents = [replace(d, coding_count=counts.get(d.id, 0)) for d in self._documents]
        self._build_groups()
        self._emit_counts_changed()

    def _build_groups(self) -> None:
        if not self.group_by:
            self._groups = []
            return
        groups: dict[str, list[DocumentInfo]] = {}
        for document in self._documents:
            groups.setdefault(document.attributes.get(self.group_by, ""), []).append(document)
        ordered = sorted((k for k in groups if k), key=natural_key)
        self._groups = [(key, groups[key]) for key in ordered]
        if "" in groups:
            self._groups.append((NO_VALUE, groups[""]))

    def set_group_by(self, key: str | None) -> None:
        self.group_by = key or None
        self.beginResetModel()
        self._build_groups()
        self.endResetModel()

    def on_change(self, change: Change) -> None:
        """Counts follow after the current event, so the transcript paints first."""
        if not change.touches(*SHOWN):
            return
        if self._counting and change.touches(Aspect.DOCUMENTS, Aspect.CODINGS):
            self._stale = True
        self._pending.add(change)

    def flush(self) -> None:
        self._pending.flush()

    def _apply_change(self, change: Change) -> None:
        if change.touches(Aspect.DOCUMENTS, Aspect.ATTRIBUTES, Aspect.SPEAKERS):
            self.reload()
        elif change.touches(Aspect.CODINGS):
            if not self._counted:  # not counted yet: the count, when made, includes the change
                return
            coded = change.coding_delta()
            if coded is not None:  # adjust the counts of the documents the change lists
                moved: Counter[DocumentId] = Counter()
                for _code, _passage, document_id, sign in coded:
                    moved[document_id] += sign
                moved = Counter({document_id: by for document_id, by in moved.items() if by})
                if len(moved) > ADJUST_ROWS_UP_TO:  # one pass, one signal (2,000 rows one by one: 21 s)
                    self._documents = [
                        replace(d, coding_count=(d.coding_count or 0) + moved[d.id]) if d.id in moved else d
                        for d in self._documents
                    ]
                    self._build_groups()
                    self._emit_counts_changed()
                    return
                for document_id, by in moved.items():
                    self._adjust(document_id, by)
                return
            if sum(d.coding_count or 0 for d in self._documents) > deferred_changes.COUNT_IN_WORKER_OVER:
                self._counted = False  # counted again in a worker: the old counts shown meanwhile
                self.count_in_worker()
                return
            fresh = self.workspace.project.documents.list()
            if [(d.id, d.attributes) for d in fresh] != [(d.id, d.attributes) for d in self._documents]:
                self.reload()
                return
            self._documents = fresh
            self._build_groups()
            self._emit_all_changed()

    def _adjust(self, document_id: DocumentId, by: int) -> None:
        """One document's count moved by ``by``: its row and its group's row show it."""
        position = next((row for row, d in enumerate(self._documents) if d.id == document_id), None)
        if position is None:
            return
        document = self._documents[position]
        adjusted = replace(document, coding_count=(document.coding_count or 0) + by)
        self._documents[position] = adjusted
        for _key, documents in self._groups:
            for row, grouped in enumerate(documents):
                if grouped is document:
                    documents[row] = adjusted
        self._row_changed(document_id)

    def _row_changed(self, document_id: DocumentId | None) -> None:
        """Announce new values in one document's row and in its group's row."""
        if document_id is None:
            return
        index = self.index_of(document_id)
        if not index.isValid():
            return
        self.dataChanged.emit(index, index.siblingAtColumn(CODINGS))
        group = index.parent()
        if group.isValid():
            self.dataChanged.emit(group, group.siblingAtColumn(CODINGS))

    def _emit_all_changed(self) -> None:
        """Announce new values in every row (the filter stays as it was)."""
        top = self.rowCount()
        if top:
            self.dataChanged.emit(self.index(0, NAME), self.index(top - 1, CODINGS))
        for row in range(len(self._groups)):
            count = len(self._groups[row][1])
            parent = self.index(row, NAME)
            self.dataChanged.emit(self.index(0, NAME, parent), self.index(count - 1, CODINGS, parent))

    def _emit_counts_changed(self) -> None:
        """Announce new counts: the Codings column of every row only. A range over the names made the
        dock's filter map every row again (7,000 calls of :meth:`index`, 0.03-0.3 s for 2,000
        documents); a name's tooltip, which says its count too, is asked for when it shows."""
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
        top = self.rowCount()
        if top:
            self.dataChanged.emit(self.index(0, CODINGS), self.index(top - 1, CODINGS), roles)
        for row in range(len(self._groups)):
            count = len(self._groups[row][1])
            parent = self.index(row, NAME)
            self.dataChanged.emit(
                self.index(0, CODINGS, parent), self.index(count - 1, CODINGS, parent), roles
            )

    def set_current(self, document_id: DocumentId | None) -> None:
        previous, self.current = self.current, document_id
        self._row_changed(previous)  # the bold name moves
        self._row_changed(document_id)

    # -- structure ------------------------------------------------------------------------
    def document_at(self, index: AnyIndex) -> DocumentInfo | None:
        if not index.isValid():
            return None
        if not self.group_by:
            return self._documents[index.row()]
        group = index.internalId()
        return self._groups[group - 1][1][index.row()] if group else None

    def group_at(self, index: AnyIndex) -> tuple[str, list[DocumentInfo]] | None:
        if not index.isValid() or not self.group_by or index.internalId():
            return None
        return self._groups[index.row()]

    def index_of(self, document_id: DocumentId) -> QModelIndex:
        if not self.group_by:
            for row, document in enumerate(self._documents):
                if document.id == document_id:
                    return self.createIndex(row, NAME, 0)
            return QModelIndex()
        for group_row, (_key, documents) in enumerate(self._groups):
            for row, document in enumerate(documents):
                if document.id == document_id:
                    return self.createIndex(row, NAME, group_row + 1)
        return QModelIndex()

    def document(self, document_id: DocumentId) -> DocumentInfo | None:
        """One document as listed, with its count, changes taken in first; ``None`` when it is not
        listed or the counts are not made yet (``counts_later``: ask the service for that one)."""
        self.flush()
        if not self._counted:
            return None
        return next((d for d in self._documents if d.id == document_id), None)

    def largest_count(self) -> int:
        """The largest number the Codings column shows (a group's or a document's)."""
        counts = [d.coding_count or 0 for d in self._documents]
        counts += [sum(d.coding_count or 0 for d in documents) for _key, documents in self._groups]
        return max(counts, default=0)

    def documents(self) -> list[DocumentInfo]:
        """The documents as listed, with their counts (counted now if they were left for later)."""
        self.load_counts()
        return list(self._documents)

    def name_of(self, document_id: DocumentId) -> str:
        """A listed document's name ("" when not listed), without counting anything."""
        return next((d.name for d in self._documents if d.id == document_id), "")

    def document_ids(self) -> list[DocumentId]:
        """The documents' ids in the order listed, without counting anything."""
        return [d.id for d in self._documents]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            count = len(self._groups) if self.group_by else len(self._documents)
            return self.createIndex(row, column, 0) if row < count else QModelIndex()
        if self.group_by and not parent.internalId() and row < len(self._groups[parent.row()][1]):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008  (the stubs overload parent() of QObject)
        if not index.isValid() or not self.group_by or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, NAME, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups) if self.group_by else len(self._documents)
        if self.group_by and not parent.internalId() and parent.column() == NAME:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    # -- data -----------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group_at(index)
        if group is not None:
            return self._group_data(group, index.column(), role)
        document = self.document_at(index)
        if document is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return document.name
            return "" if document.coding_count is None else str(document.coding_count)
        if role == DOCUMENT_ID_ROLE:
            return document.id
        if role == FILTER_ROLE:
            return self._filter_text(document)
        if role == Qt.ItemDataRole.ToolTipRole:
            rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in document.attributes.items())
            counts = QCoreApplication.translate(
                "DocumentListModel", "{characters} characters · {codings} coding(s)"
            )
            codings = "…" if document.coding_count is None else document.coding_count
            counts = counts.format(characters=number(document.length), codings=codings)
            return f"<b>{document.name}</b><br>{counts}<table>{rows}</table>"
        if role == Qt.ItemDataRole.FontRole and document.id == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def matches(self, row: int, parent: AnyIndex, needle: str) -> bool:
        """Whether row ``row`` under ``parent`` (a group or a document) holds ``needle`` (folded) in its
        name, attributes or group value: what the Documents filter keeps."""
        if not parent.isValid():
            if self.group_by:
                return 0 <= row < len(self._groups) and needle in fold(self._groups[row][0])
            return 0 <= row < len(self._documents) and needle in self._filter_text(self._documents[row])
        if self.group_by and not parent.internalId() and 0 <= parent.row() < len(self._groups):
            documents = self._groups[parent.row()][1]
            return 0 <= row < len(documents) and needle in self._filter_text(documents[row])
        return False

    def _filter_text(self, document: DocumentInfo) -> str:
        known = self._folded.get(document.id)
        if known is not None and known[0] == document.name and known[1] is document.attributes:
            return known[2]  # a counts change replaces the record, not its attributes
        folded = fold(" ".join((document.name, *document.attributes.values())))
        self._folded[document.id] = (document.name, document.attributes, folded)
        return folded

    def _group_data(self, group: tuple[str, list[DocumentInfo]], column: int, role: int) -> Any:
        key, documents = group
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                shown = no_value() if key == NO_VALUE else key
                return f"{shown}  ({len(documents)})"
            return str(sum(d.coding_count or 0 for d in documents)) if self._counted else ""
        if role == FILTER_ROLE:
            return fold(key)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "DocumentListModel", "{key} = {value}: {count} document(s)"
            ).format(
                key=attribute_label(self.group_by or ""),
                value=no_value() if key == NO_VALUE else key,
                count=len(documents),
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(
            tuple(QCoreApplication.translate("Column", h) for h in HEADERS), section, orientation, role
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS
