"""A heat-map table above the quotes of the cell clicked; the base of both analysis tabs.

A subclass adds its controls to :attr:`controls`, says how to read its table in :meth:`reader`,
shows what was read in :meth:`present` and lists a cell's quotes in :meth:`cell_quotes`. The view
recomputes when a control changes and, while it is shown, after every change to the project
(coalesced to one recomputation per event loop turn). The table is read in a worker thread (over
a research group's 200,000 codings that takes seconds), with a busy bar in the window's status
line; the table shown stays until the new one is in, and a read overtaken by a newer one is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.analysis.cell_quotes_model import CellQuotesModel
from app.analysis.heat_table_model import CELL_ROLE
from app.exporting.export_folder import ask_export_file
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Change
from coding.core.records import Quote

CLICK_A_CELL = QT_TRANSLATE_NOOP(
    "HeatView", "Click a cell to list its quotes; double-click a quote to open it"
)


class HeatView(QWidget):
    jumpRequested = Signal(object)  # Quote

    def __init__(
        self, workspace: Workspace, model: QAbstractItemModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = model
        self.controls = QHBoxLayout()
        self.controls.setSpacing(6)
        self.export_button = QPushButton(QCoreApplication.translate("HeatView", "Export…"), self)
        self.export_button.setObjectName("analysisExport")
        self.export_button.setToolTip(
            QCoreApplication.translate(
                "HeatView", "Save the table as an Excel workbook (with the heat map) or as CSV"
            )
        )
        # Whose codings are counted: a second coder's work merged in would be counted with the
        # first's (each passage twice); shown once a project has more than one coder.
        self.coder_label = QLabel(QCoreApplication.translate("HeatView", "Coder:"), self)
        self.coder = QComboBox(self)
        self.coder.setObjectName("analysisCoder")
        self.coder.setAccessibleName(self.coder_label.text().rstrip(":"))
        self.coder.setToolTip(
            QCoreApplication.translate(
                "HeatView", "Count every coder's codings, or only one coder's (or the consensus layer's)"
            )
        )
        self.coder.currentIndexChanged.connect(self.schedule)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        # a title wider than its column (a document's name) is cut at its end, not at both
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.note = QLabel(self)
        self.note.setObjectName("analysisNote")
        self.note.setWordWrap(True)
        self.quotes = CellQuotesModel(self)
        self.quote_table = QTableView(self)
        self.quote_table.setObjectName("cellQuotes")
        self.quote_table.setModel(self.quotes)
        self.quote_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quote_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quote_table.verticalHeader().setVisible(False)
        self.quote_table.setWordWrap(False)
        header = self.quote_table.horizontalHeader()
        header.resizeSection(0, 190)
        header.resizeSection(1, 260)
        header.setStretchLastSection(True)
        self.quotes_title = QLabel(QCoreApplication.translate("HeatView", CLICK_A_CELL), self)
        self.quotes_title.setObjectName("cellQuotesTitle")

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.quotes_title)
        lower_layout.addWidget(self.quote_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)

        self._dirty = True
        #: The last export of the table (written in a worker thread), if any.
        self.exporting: long_operation.LongOperation | None = None
        self._read = LatestRead(
            self, workspace, title=QCoreApplication.translate("HeatView", "Counting …"), shown_in=self
        )
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.table.clicked.connect(self._cell_clicked)
        self.quote_table.doubleClicked.connect(self._quote_double_clicked)
        workspace.changed.connect(self._on_change)

    # -- whose codings ---------------------------------------------------------------------------
    def add_coder_choice(self) -> None:
        """Put the coder choice into :attr:`controls` (a subclass calls it after its own controls)."""
        self.controls.addWidget(self.coder_label)
        self.controls.addWidget(self.coder)
        self._fill_coders()

    def _fill_coders(self) -> None:
        coders = sorted(self.workspace.project.quote_service.coders(), key=str.casefold)
        fill_combo(
            self.coder,
            [(name, name) for name in coders],
            first=(QCoreApplication.translate("HeatView", "All coders"), ""),
            choose=(self.coder.currentData(),),
        )
        several = len(coders) > 1
        self.coder_label.setVisible(several)
        self.coder.setVisible(several)

    def chosen_coder(self) -> str | None:
        """The coder whose codings are counted, or None for every coder's."""
        return self.coder.currentData() or None

    # -- computing -----------------------------------------------------------------------------
    @property
    def computing(self) -> long_operation.LongOperation | None:
        """The read of the table under way in a worker thread, if any."""
        return self._read.operation

    def reader(self) -> Callable[[], Any]:
        """On the GUI thread: the controls as they are now, in a read of the table that runs in a
        worker thread (it reads the project only)."""
        raise NotImplementedError

    def present(self, table: Any) -> str:
        """On the GUI thread: show the table :meth:`reader`'s read returned; the note above it."""
        raise NotImplementedError

    def cell_quotes(self, cell: Any) -> tuple[str, list[Quote]]:
        """The title and quotes for the cell whose ``CELL_ROLE`` is ``cell``."""
        raise NotImplementedError

    #: The file name the export dialog proposes (translated when proposed).
    export_name = QT_TRANSLATE_NOOP("HeatView", "analysis.xlsx")

    def export(self) -> None:
        chosen = ask_export_file(
            self,
            QCoreApplication.translate("HeatView", "Export table"),
            self.workspace.project.path,
            QCoreApplication.translate("HeatView", self.export_name),
            QCoreApplication.translate("HeatView", "Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if chosen is None:
            return
        path = chosen
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        write = operations.attempt(
            self,
            lambda: self.writer(path),  # the table shown now, written in a worker thread
            notice=True,
            title=QCoreApplication.translate("HeatView", "Export"),
        )
        if write is None:
            return

        def done(written: Path) -> None:
            operations.tell(
                self, QCoreApplication.translate("HeatView", "Exported {name}").format(name=written.name)
            )

        self.exporting = long_operation.LongOperation(
            self,
            lambda _progress: write(),
            title=QCoreApplication.translate("HeatView", "Export"),
            success=done,
            show="status",
        ).start()

    def writer(self, path: Path) -> Callable[[], Path]:
        """On the GUI thread: the table shown now, in a write of it to ``path`` (.xlsx or .csv, replacing
        it: the dialog asked) that runs in a worker thread (it reads nothing of the project); refused at
        once when there is nothing to export."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the table again in a worker; shown when it is in (:attr:`computing` meanwhile)."""
        self._dirty = False
        self._fill_coders()
        read = operations.attempt(self, self.reader)
        if read is None:
            return

        def arrived(table: Any) -> None:
            note = operations.attempt(self, lambda: self.present(table))
            self.note.setText(note or "")
            self.fit_columns()
            self.quotes.set_records([])
            self.quotes_title.setText(QCoreApplication.translate("HeatView", CLICK_A_CELL))

        self._read.start(read, arrived)

    def fit_columns(self) -> None:
        """Columns wide enough for their header (a group's or code's name), within bounds."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(56, min(170, metrics.horizontalAdvance(title) + 24)))

    def schedule(self, *_args: object) -> None:
        self._refresh.start()

    def _on_change(self, _change: Change) -> None:
        self._dirty = True
        if self.isVisible():
            self._refresh.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh.start()

    # -- cells and quotes ----------------------------------------------------------------------
    def _cell_clicked(self, index: QModelIndex) -> None:
        cell = index.data(CELL_ROLE)
        if cell is None:
            return
        found = operations.attempt(self, lambda: self.cell_quotes(cell))
        if found is None:
            return
        title, quotes = found
        self.quotes.set_records(quotes)
        self.quotes_title.setText(
            QCoreApplication.translate("HeatView", "{title}: {count} quote(s)").format(
                title=title, count=len(quotes)
            )
        )

    def _quote_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jumpRequested.emit(self.quotes.record(index.row()))
