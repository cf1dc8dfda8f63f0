"""The search panel: find words, lemmas, phrases or patterns, read them in context, code them.

Searches read the stored index; documents that are not indexed yet are indexed in a worker
thread (with a progress bar) and the search runs again when it is done. "Code hits" codes the
selected lines (or all lines) as hits, sentences or speaker turns in one undoable action.
The status line shows what the table holds; messages of actions pass over it for a while
(``app.widgets.operations``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codebook.code_combo import CodeComboBox
from app.exporting.export_folder import ask_export_file
from app.language.indexing import Indexing
from app.language.kwic_table_model import HIT, LEFT, RIGHT, KwicTableModel, LeftContextDelegate
from app.shell.latest_read import LatestRead
from app.shell.project_bridge import ProjectBridge
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP, WITHOUT_VALUE, no_value
from coding import Aspect, Change, CodewerkError
from coding.core.attributes import attribute_label
from coding.language.kwic import KwicLine, write_kwic_csv
from coding.language.search import SearchMode, SearchResult
from coding.language.units import CODING_UNITS

MODE_LABELS = {
    SearchMode.LEMMA: QT_TRANSLATE_NOOP("SearchPanel", "Lemma (all forms)"),
    SearchMode.WORD: QT_TRANSLATE_NOOP("SearchPanel", "Word (* wildcard)"),
    SearchMode.PHRASE: QT_TRANSLATE_NOOP("SearchPanel", "Phrase"),
    SearchMode.STEM: QT_TRANSLATE_NOOP("SearchPanel", "Stem (broad)"),
    SearchMode.REGEX: QT_TRANSLATE_NOOP("SearchPanel", "Regular expression"),
}
UNIT_LABELS = {
    "hit": QT_TRANSLATE_NOOP("SearchPanel", "the hit"),
    "sentence": QT_TRANSLATE_NOOP("SearchPanel", "the sentence"),
    "turn": QT_TRANSLATE_NOOP("SearchPanel", "the speaker turn"),
}


class SearchPanel(QWidget):
    """``searched(result)`` after every search; ``lineActivated(line)`` on a double click."""

    searched = Signal(object)
    lineActivated = Signal(object)

    def __init__(
        self,
        bridge: ProjectBridge,
        parent: QWidget | None = None,
        *,
        indexer: Indexing | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.project = bridge.project
        self.result: SearchResult | None = None
        self._search_after_index = False
        self._rerun = False
        self._search_read = LatestRead(self, None, title=self.tr("Searching"), shown_in=self)
        # The window shares one indexer per project, so two indexing threads never run at once.
        self.indexer = indexer if indexer is not None else Indexing(self.project, self, self, show="none")

        self.query = QLineEdit(placeholderText=self.tr("Search, e.g. vertrouwen"))
        self.query.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search all transcripts"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search mode"))
        for mode, label in MODE_LABELS.items():
            self.mode.addItem(QCoreApplication.translate("SearchPanel", label), mode.value)
        self.attribute = QComboBox()
        self.attribute.setAccessibleName(QCoreApplication.translate("SearchPanel", "Limit to attribute"))
        self.value = QComboBox()
        self.value.setAccessibleName(QCoreApplication.translate("SearchPanel", "Attribute value"))
        # as wide as the chosen attribute's longest value: sized at its first showing (empty, before an
        # attribute was chosen) it cut every value ("Midden-(", "(no valu")
        self.value.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.answers_only = QCheckBox(QCoreApplication.translate("SearchPanel", "Answers only"))
        self.answers_only.setToolTip(
            QCoreApplication.translate("SearchPanel", "Leave out the interviewer's turns")
        )
        self.search_button = QPushButton(QCoreApplication.translate("SearchPanel", "Search"))
        self.search_button.setDefault(True)

        self.model = KwicTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search hits in context"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(LEFT, LeftContextDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HIT, QHeaderView.ResizeMode.ResizeToContents)
        # Sizing columns to their contents reads the rows it measures, which builds their lines:
        # the visible ones and a hundred more, not Qt's default of a thousand.
        header.setResizeContentsPrecision(100)

        self.status = operations.add_status_line(self)
        self.summary = QLabel()
        self.status.addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat(self.tr("Indexing %p%"))
        self.progress.hide()

        self.code = CodeComboBox()
        self.unit = QComboBox()
        self.unit.setAccessibleName(QCoreApplication.translate("SearchPanel", "Context unit"))
        for unit in CODING_UNITS:
            self.unit.addItem(QCoreApplication.translate("SearchPanel", UNIT_LABELS[unit]), unit)
        self.code_button = QPushButton(QCoreApplication.translate("SearchPanel", "Code"))
        self.code_button.setToolTip(
            QCoreApplication.translate(
                "SearchPanel", "Code the selected lines (or all lines when none is selected)"
            )
        )
        self.export_button = QPushButton(QCoreApplication.translate("SearchPanel", "Export CSV…"))

        top = QHBoxLayout()
        top.addWidget(self.query, 3)
        top.addWidget(self.mode)
        top.addWidget(QLabel(QCoreApplication.translate("SearchPanel", "where")))
        top.addWidget(self.attribute)
        top.addWidget(self.value)
        top.addWidget(self.answers_only)
        top.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(QCoreApplication.translate("SearchPanel", "Code")))
        bottom.addWidget(self.unit)
        bottom.addWidget(QLabel(QCoreApplication.translate("SearchPanel", "with")))
        bottom.addWidget(self.code, 2)
        bottom.addWidget(self.code_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self.query.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.attribute.currentIndexChanged.connect(self._fill_values)
        self.code_button.clicked.connect(self.code_lines)
        self.export_button.clicked.connect(self._ask_export)
        self.model.sortWaits.connect(self._sort_after_building)
        self.sorting: long_operation.LongOperation | None = None
        self.table.doubleClicked.connect(lambda index: self.lineActivated.emit(self.model.line(index.row())))
        self.indexer.progress.connect(self._on_index_progress)
        self.indexer.finished.connect(self._on_indexed)
        self.indexer.failed.connect(self._on_index_failed)
        bridge.changed.connect(self._on_change)
        self._reload_filters()
        self.code.set_tree(self.project.codes.tree())
        self._update_buttons()

    # -- filters -------------------------------------------------------------------------
    def _reload_filters(self) -> None:
        keys = self.project.documents.attribute_keys()
        fill_combo(
            self.attribute,
            [(attribute_label(key), key) for key in keys],
            first=(QCoreApplication.translate("SearchPanel", "all documents"), None),
            choose=(self.attribute.currentData(),),
        )
        self._fill_values()

    def _fill_values(self) -> None:
        """The chosen attribute's values, then "(no value)" when some documents have none (as the Documents
        panel groups them and the Quotes dock filters them)."""
        key = self.attribute.currentData()
        documents = self.project.documents
        values: list[tuple[str, str]] = (
            [(value, value) for value in documents.attribute_values(key) if value] if key is not None else []
        )
        if key is not None and documents.count_without_value(key):
            values.append((no_value(), WITHOUT_VALUE))
        self.value.setEnabled(key is not None)
        current = self.value.currentData()
        fill_combo(self.value, values, choose=(current,), quiet=False)

    def set_filter(self, key: str | None, value: str | None = None) -> None:
        self.attribute.setCurrentIndex(max(0, self.attribute.findData(key)))
        if value is not None:
            self.value.setCurrentIndex(max(0, self.value.findData(value)))

    def set_mode(self, mode: SearchMode | str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(SearchMode(mode).value))

    # -- searching -----------------------------------------------------------------------
    @Slot()
    def run_search(self) -> None:
        text = self.query.text().strip()
        if not text:
            operations.tell(
                self, QCoreApplication.translate("SearchPanel", "Type a word, a phrase or a pattern.")
            )
            return
        key, value = self.attribute.currentData(), self.value.currentData()
        wanted = "" if value == WITHOUT_VALUE else value  # "(no value)": the corpus matches those by ""
        where = {key: wanted} if key is not None and value else None
        self._search(text, where)

    def _search(self, text: str, where: dict[str, str] | None) -> None:
        """Search in a worker thread (the first search of a session loads the language pipeline and
        checks the index: seconds on a big project), with a busy bar in the status line; the hits
        show when they are in. A search overtaken by a newer one is dropped."""
        assist = self.project.assist  # created here, on the GUI thread, not in the worker
        mode, answers_only, rerun = self.mode.currentData(), self.answers_only.isChecked(), self._rerun

        def find() -> SearchResult | CodewerkError:  # reads only
            try:
                with Workspace.loading():  # tens of thousands of hits: no collections walking them meanwhile
                    return assist.search(text, mode, where=where, answers_only=answers_only, index=False)
            except CodewerkError as error:  # a bad pattern: refused by its line, as a quick action is
                return error

        def found(result: SearchResult | CodewerkError) -> None:
            if isinstance(result, CodewerkError):
                operations.refuse(self, str(result))
                return
            with Workspace.loading():
                self._show_result(result, rerun=rerun)

        self._search_read.start(find, found)

    @property
    def searching(self) -> long_operation.LongOperation | None:
        """The search under way in a worker thread, if any."""
        return self._search_read.operation

    def _show_result(self, result: SearchResult, *, rerun: bool) -> None:
        self.result = result
        self.model.set_lines(result.lines)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.resizeColumnToContents(0)
        self._show_status(result)
        self._update_buttons()
        if result.unindexed and not rerun:
            self.start_indexing(search_after=True)
        self.searched.emit(result)

    @Slot(int, Qt.SortOrder)
    def _sort_after_building(self, column: int, order: Qt.SortOrder) -> None:
        """A sort by context over many hits: their lines are built in a worker, then sorted."""
        if self.sorting is not None and self.sorting.running:
            self.sorting.cancel()
        model = self.model
        lines = model.all_lines()

        def build(progress: long_operation.Progress) -> None:
            lines.build(lambda done, total: progress(done, total, self.tr("Building the lines in context")))

        def sort(_value: object) -> None:
            if self.sorting is not None and self.sorting.cancelled:
                return
            if model.all_lines() is lines:  # still the same hits shown
                model.sort_now(column, order)

        self.sorting = long_operation.LongOperation(
            self, build, title=self.tr("Sorting the hits"), success=sort, show="status", cancellable=True
        ).start()

    def _show_status(self, result: SearchResult) -> None:
        documents = len(result.hit_documents())
        parts = [
            self.tr("{hits} hit(s) in {documents} of {searched} document(s)").format(
                hits=len(result.lines), documents=documents, searched=result.documents_searched
            )
        ]
        if result.forms and result.query.mode in (SearchMode.LEMMA, SearchMode.STEM, SearchMode.WORD):
            parts.append(self.tr("forms: {forms}").format(forms=", ".join(result.forms[:10])))
        if result.unindexed:
            parts.append(
                self.tr("{count} document(s) are being indexed; results follow").format(
                    count=len(result.unindexed)
                )
            )
        if result.truncated:
            parts.append(self.tr("only the first hits are shown"))
        self.summary.setText(" · ".join(parts))

    # -- indexing ------------------------------------------------------------------------
    def start_indexing(self, *, search_after: bool = False) -> None:
        """Index what needs it in the background; with ``search_after`` search again when done."""
        self._search_after_index = self._search_after_index or search_after
        if self.indexer.start():
            self.progress.setValue(0)
            self.progress.show()

    @Slot(int, str)
    def _on_index_progress(self, percent: int, name: str) -> None:
        self.progress.setValue(percent)
        self.progress.setFormat(self.tr("Indexing %p% {name}").format(name=name).rstrip())

    @Slot(object)
    def _on_indexed(self, _report: object) -> None:
        self.progress.hide()
        if self._search_after_index:
            self._search_after_index = False
            self._rerun = True  # no second round if a document still could not be indexed
            try:
                self.run_search()
            finally:
                self._rerun = False

    @Slot(object)
    def _on_index_failed(self, _error: object) -> None:
        self.progress.hide()  # the indexing operation has reported it

    # -- coding and export ---------------------------------------------------------------
    def selected_lines(self) -> list[KwicLine]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.line(row) for row in rows]

    @Slot()
    def code_lines(self) -> list[int]:
        lines = self.selected_lines() or self.model.lines()
        code_id = self.code.code_id()
        if not lines or code_id is None:
            operations.refuse(
                self, QCoreApplication.translate("SearchPanel", "Choose a code and search first.")
            )
            return []
        unit = self.unit.currentData()
        created = operations.attempt(
            self, lambda: self.project.assist.code_lines(lines, code_id, unit=unit), initiator=self
        )
        if created is None:
            return []
        name = self.project.codes.get(code_id).name
        skipped = len(lines) - len(created)
        note = self.tr(" ({count} already coded)").format(count=skipped) if skipped else ""
        operations.tell(
            self,
            self.tr("Coded {count} passage(s) ({unit}) with {code}{note}.").format(
                count=len(created), unit=self.tr(UNIT_LABELS[unit]), code=name, note=note
            ),
        )
        return list(created)

    def export_csv(self, path: Path) -> Path | None:
        if not operations.perform(
            self, lambda: write_kwic_csv(self.model.lines(), path, overwrite=True), notice=True
        ):
            return None
        operations.tell(
            self,
            self.tr("Exported {count} line(s) to {name}.").format(
                count=len(self.model.lines()), name=path.name
            ),
        )
        return path

    def _ask_export(self) -> None:
        name = ask_export_file(
            self,
            self.tr("Export hits"),
            self.project.path,
            QCoreApplication.translate("SearchPanel", "hits.csv"),  # the file name proposed
            "CSV (*.csv)",
        )
        if name is not None:
            self.export_csv(name)

    def _update_buttons(self) -> None:
        has_lines = self.model.rowCount() > 0
        self.code_button.setEnabled(has_lines)
        self.export_button.setEnabled(has_lines)

    @Slot(object)
    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.CODES):
            self.code.set_tree(self.project.codes.tree())
        if change.touches(Aspect.ATTRIBUTES, Aspect.DOCUMENTS):
            self._reload_filters()
        if change.touches(Aspect.DOCUMENTS, Aspect.SPEAKERS) and self.result is not None:
            self.start_indexing(search_after=True)  # changed texts: index them again, then search again

    def closeEvent(self, event: QCloseEvent) -> None:
        self._search_read.shutdown()
        if self.indexer.parent() is self:  # its own; the window's shared one stops with the project
            self.indexer.shutdown()
        super().closeEvent(event)
