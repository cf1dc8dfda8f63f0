"""The Documents dock: documents grouped by an attribute (region by default), with counts and a filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.documents.document_list_model import CODINGS, DOCUMENT_ID_ROLE, NAME, DocumentListModel
from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from app.widgets.after_paint import after_first_paint
from app.widgets.combo_fill import fill_combo
from coding import Aspect, Change
from coding.core.attributes import REGION_KEYS, attribute_label
from coding.core.ids import DocumentId
from coding.core.text import fold

NO_GROUPING = ""


class DocumentFilter(QSortFilterProxyModel):
    """The documents (and groups) whose name, attributes or group value hold the filter text, matched in
    Python: Qt's own filter asked the model for each row's index and filter text, ≈ 60,000 calls into
    Python per keystroke over 2,000 documents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setRecursiveFilteringEnabled(True)  # a group stays when one of its documents matches
        self.setAutoAcceptChildRows(True)  # a matching group keeps all its documents

    def set_needle(self, needle: str) -> None:
        if needle == self.needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 on; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self.needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = needle
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not self.needle or not isinstance(model, DocumentListModel):
            return True
        return model.matches(source_row, source_parent, self.needle)


class DocumentsDock(QDockWidget):
    documentActivated = Signal(object)  # DocumentId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("DocumentsDock", "Documents"), parent)
        self.setObjectName("documentsDock")
        self.workspace: Workspace | None = None
        self.model: DocumentListModel | None = None
        self._count_digits = -1  # the Codings column is wide enough for numbers of this many digits
        body = QWidget(self)
        self.group_by = QComboBox(body)
        self.group_by.setObjectName("documentGroupBy")
        self.filter = QLineEdit(body)
        self.filter.setObjectName("documentFilter")
        self.filter.setAccessibleName(QCoreApplication.translate("DocumentsDock", "Filter documents"))
        self.filter.setPlaceholderText(
            QCoreApplication.translate("DocumentsDock", "Filter: name or attribute …")
        )
        self.filter.setClearButtonEnabled(True)
        self.proxy = DocumentFilter(self)
        self.tree = QTreeView(body)
        self.tree.setObjectName("documentTree")
        self.tree.setAccessibleName(QCoreApplication.translate("DocumentsDock", "Documents"))
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("DocumentsDock", "Group by"), body))
        top.addWidget(self.group_by, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.group_by.currentIndexChanged.connect(self._group_changed)
        self.filter.textChanged.connect(self._filter)
        self.tree.clicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        body.setEnabled(False)
        self._changes = DeferredChanges(self._project_changed, self)

    def _project_changed(self, change: Change) -> None:
        """Attributes added, renamed or imported: the grouping choices follow at once."""
        if change.touches(Aspect.ATTRIBUTES, Aspect.DOCUMENTS) and self.workspace is not None:
            self.refill_group_by()

    def refill_group_by(self) -> None:
        """The attribute keys as grouping choices; the current choice is kept (region when
        there was nothing to choose before)."""
        if self.workspace is None:
            return
        keys = self.workspace.project.documents.attribute_keys()
        before = self.group_by.currentData() or NO_GROUPING
        first_choice = self.group_by.count() <= 1
        fill_combo(
            self.group_by,
            [(attribute_label(key), key) for key in keys],
            first=(QCoreApplication.translate("DocumentsDock", "(no grouping)"), NO_GROUPING),
            choose=(*REGION_KEYS, before) if first_choice else (before,),
        )
        if (self.group_by.currentData() or NO_GROUPING) != before:
            self._group_changed()

    def set_workspace(self, workspace: Workspace | None) -> None:
        old = self.model
        if self.workspace is not None:
            self.workspace.changed.disconnect(self._changes.add)
        self.workspace = workspace
        if workspace is not None:
            workspace.changed.connect(self._changes.add)
        self.widget().setEnabled(workspace is not None)
        self.group_by.blockSignals(True)
        self.model = None
        if workspace is None:
            self.group_by.clear()
        else:
            keys = workspace.project.documents.attribute_keys()
            fill_combo(
                self.group_by,
                [(attribute_label(key), key) for key in keys],
                first=(QCoreApplication.translate("DocumentsDock", "(no grouping)"), NO_GROUPING),
                choose=REGION_KEYS,
            )
            # The documents and their coding counts follow the first paint, each read in a worker: the
            # window shows without waiting for them.
            self.model = DocumentListModel(
                workspace, self.group_by.currentData() or None, self, counts_later=True, list_later=True
            )
        self.group_by.blockSignals(False)
        self.proxy.setSourceModel(self.model)  # type: ignore[arg-type]  # stubs omit None; Qt takes it (no source)
        if old is not None:
            old.workspace.changed.disconnect(old.on_change)
            old.deleteLater()
        if self.model is not None:
            self.model.modelReset.connect(self.tree.expandAll)
            self.model.modelReset.connect(self._mark_current)  # a reload (an import) kept no current row
            self._count_digits = -1
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
            # Sized to the widest number, not to its contents: Qt would ask every row's count
            # again after each change of one.
            header.setSectionResizeMode(CODINGS, QHeaderView.ResizeMode.Fixed)
            for signal in (self.model.modelReset, self.model.dataChanged, self.model.layoutChanged):
                signal.connect(self._fit_counts)
            self._fit_counts()
            self.tree.expandAll()
            model = self.model
            after_first_paint(self.tree.viewport(), lambda: self._load_counts(model))

    def _load_counts(self, model: DocumentListModel) -> None:
        """The documents and their coding counts, left for after the paint, read in workers (the counts
        once the documents are listed)."""
        if model is self.model:
            model.list_in_worker()
            model.count_in_worker()

    def _fit_counts(self, *_args: object) -> None:
        if self.model is None:
            return
        digits = len(f"{self.model.largest_count()}")
        if digits == self._count_digits:
            return
        self._count_digits = digits
        font = QFont(self.tree.font())
        font.setBold(True)  # group rows are bold
        width = QFontMetrics(font).horizontalAdvance("8" * digits) + 16
        header = self.tree.header()
        header.resizeSection(CODINGS, max(width, header.sectionSizeHint(CODINGS)))

    def _group_changed(self, *_args: object) -> None:
        if self.model is not None:
            self.model.set_group_by(self.group_by.currentData() or None)
            self.tree.expandAll()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(fold(text))
        self.expand_groups()

    def expand_groups(self) -> None:
        """Open the group rows left after filtering (a group filtered out and back comes back closed):
        only the top-level rows, the documents have nothing to open. ``expandAll`` asked each of 2,000
        documents for its children on every keystroke."""
        if self.model is None or self.group_by.currentData() in (None, NO_GROUPING):
            return
        for row in range(self.proxy.rowCount()):
            self.tree.expand(self.proxy.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        document_id = index.data(DOCUMENT_ID_ROLE)
        if document_id is not None:
            self.documentActivated.emit(document_id)

    def set_current(self, document_id: DocumentId | None) -> None:
        if self.model is None:
            return
        self.model.set_current(document_id)
        self._mark_current()

    def _mark_current(self) -> None:
        """The row of the document shown in the transcript is the list's current row again."""
        if self.model is not None and self.model.current is not None:
            index = self.proxy.mapFromSource(self.model.index_of(self.model.current))
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def select_group_by(self, key: str | None) -> None:
        self.group_by.setCurrentIndex(max(self.group_by.findData(key or NO_GROUPING), 0))
