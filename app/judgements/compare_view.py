"""The Compare view: codes × group values, with judgements or heat-mapped frequencies.

Left: the grid (concepts expand to dimensions and indicators) and, in the frequency modes, a bar chart;
in the scores mode the judgements of the concepts as a spider (radar) chart or grouped bars
(``-/-`` = 1 … ``+/+`` = 5). Either chart can be saved as PNG or SVG. Right: the editor for the cell
clicked, with its quotes. The view refreshes from the project's change notifications, so undo and
redo show at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.exporting.export_folder import ask_export_file
from app.judgements.frequency_chart import FrequencyChart
from app.judgements.judgement_editor import JudgementEditor
from app.judgements.judgement_grid_model import JudgementGridModel
from app.judgements.score_chart import KINDS, ScoreChart
from app.shell import settings
from app.shell.latest_read import LatestRead
from app.shell.project_bridge import ProjectBridge
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Aspect, Change
from coding.core.attributes import attribute_label
from coding.core.ids import CodeId, JudgementId
from coding.core.records import Discussion
from coding.judgements.comparison import FrequencyTable, JudgementGrid, score_series

if TYPE_CHECKING:
    from app.shell.workspace import Workspace

MODE_LABELS = (
    (QT_TRANSLATE_NOOP("CompareView", "Judgements"), "judgements"),
    (QT_TRANSLATE_NOOP("CompareView", "Judgements and scores chart"), "scores"),
    (QT_TRANSLATE_NOOP("CompareView", "Quotes (heat map)"), "quotes"),
    (QT_TRANSLATE_NOOP("CompareView", "Documents (heat map)"), "documents"),
)
#: Modes whose grid shows the judgements (the others show counts as a heat map).
JUDGEMENT_MODES = ("judgements", "scores")
#: What the comparison shows: quotes per code and group, judgements with their evidence and reviews.
SHOWN = (
    Aspect.CODES,
    Aspect.CODINGS,
    Aspect.REVIEWS,
    Aspect.DOCUMENTS,
    Aspect.ATTRIBUTES,
    Aspect.SPEAKERS,
    Aspect.JUDGEMENTS,
    Aspect.SETTINGS,
)


#: What a refresh reads: the grid, the frequency table of the heat map modes, the judgements' discussions.
Read = tuple[JudgementGrid, FrequencyTable | None, Mapping[JudgementId, Discussion]]


class CompareView(QWidget):
    def __init__(
        self, bridge: ProjectBridge, parent: QWidget | None = None, *, workspace: Workspace | None = None
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._workspace = workspace
        # The grid's read in a worker thread (only with a workspace); a newer read overtakes it.
        self._read = LatestRead(
            self,
            workspace,
            title=QCoreApplication.translate("CompareView", "Counting the grid …"),
            shown_in=self,
        )
        self._restoring = False
        self.model = JudgementGridModel(self)

        self.attribute_box = QComboBox()
        self.attribute_box.setObjectName("attributeBox")
        self.attribute_box.setToolTip(
            QCoreApplication.translate("CompareView", "The attribute whose values form the columns")
        )
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("modeBox")
        for label, mode in MODE_LABELS:
            self.mode_box.addItem(QCoreApplication.translate("CompareView", label), mode)
        # Whose codings are counted: a second coder's work merged in is counted with the first's (a
        # passage each coded apart, twice); the choice shows once the project has more than one coder.
        self.coder_label = QLabel(QCoreApplication.translate("CompareView", "Coder:"))
        self.coder_box = QComboBox()
        self.coder_box.setObjectName("compareCoder")
        self.coder_box.setAccessibleName(QCoreApplication.translate("CompareView", "Coder"))
        self.coder_box.setToolTip(
            QCoreApplication.translate(
                "CompareView", "Count every coder's codings, or only one coder's (or the consensus layer's)"
            )
        )
        self.chart_kind_box = QComboBox()
        self.chart_kind_box.setObjectName("chartKindBox")
        for kind, label in KINDS:
            self.chart_kind_box.addItem(QCoreApplication.translate("ScoreChart", label), kind)
        self.save_chart_button = QPushButton(QCoreApplication.translate("CompareView", "Save chart…"))
        self.save_chart_button.setObjectName("saveChartButton")
        self.save_chart_button.clicked.connect(self.ask_save_chart)

        self.tree = QTreeView()
        self.tree.setObjectName("grid")
        self.tree.setAccessibleName(
            QCoreApplication.translate("CompareView", "Judgement grid: concepts by group")
        )
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectItems)
        self.tree.setAllColumnsShowFocus(False)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.selectionModel().currentChanged.connect(self._on_current)

        self.chart = FrequencyChart()
        self.chart.setMinimumHeight(220)
        self.score_chart = ScoreChart()
        self.score_chart.setMinimumHeight(260)
        self.editor = JudgementEditor(bridge)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(QCoreApplication.translate("CompareView", "Columns:")))
        toolbar.addWidget(self.attribute_box)
        toolbar.addSpacing(12)
        toolbar.addWidget(QLabel(QCoreApplication.translate("CompareView", "Show:")))
        toolbar.addWidget(self.mode_box)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.coder_label)
        toolbar.addWidget(self.coder_box)
        toolbar.addStretch(1)
        toolbar.addWidget(self.chart_kind_box)
        toolbar.addWidget(self.save_chart_button)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.tree)
        self.left.addWidget(self.chart)
        self.left.addWidget(self.score_chart)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.left.setStretchFactor(2, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The columns follow the grid's own width: the window, the splitter dragged or restored.
        self.tree.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)

        self._fill_attributes()
        self._fill_coders()
        self.attribute_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.coder_box.currentIndexChanged.connect(lambda _i: self._coder_chosen())
        self.mode_box.currentIndexChanged.connect(lambda _i: self._apply_mode())
        self.chart_kind_box.currentIndexChanged.connect(
            lambda _i: self.score_chart.set_kind(str(self.chart_kind_box.currentData()))
        )
        bridge.changed.connect(self._on_change)
        self.refresh()
        self._apply_mode()

    # -- state ---------------------------------------------------------------------------
    @property
    def reading(self) -> long_operation.LongOperation | None:
        """The grid's read under way in a worker thread, if any (only with a workspace)."""
        return self._read.operation

    @property
    def attribute(self) -> str:
        return str(self.attribute_box.currentData() or "region")

    @property
    def mode(self) -> str:
        return str(self.mode_box.currentData())

    @property
    def coder(self) -> str | None:
        """The coder whose codings are counted, or ``None`` for every coder's."""
        return str(self.coder_box.currentData() or "") or None

    def set_attribute(self, attribute: str) -> None:
        index = self.attribute_box.findData(attribute)
        if index >= 0:
            self.attribute_box.setCurrentIndex(index)

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(self.mode_box.findData(mode))

    def set_chart_kind(self, kind: str) -> None:
        """``"radar"`` (spider) or ``"bars"`` for the scores chart."""
        self.chart_kind_box.setCurrentIndex(self.chart_kind_box.findData(kind))

    def _fill_attributes(self) -> None:
        current = self.attribute_box.currentData()
        attributes = self._bridge.project.comparison.attributes() or ["region"]
        blocked = self.attribute_box.blockSignals(True)
        self.attribute_box.clear()
        for attribute in attributes:
            self.attribute_box.addItem(attribute_label(attribute), attribute)
        index = self.attribute_box.findData(current or "region")
        self.attribute_box.setCurrentIndex(max(index, 0))
        self.attribute_box.blockSignals(blocked)

    def _fill_coders(self) -> None:
        """The project's coders to choose from; shown only when there are more than one."""
        coders = sorted(self._bridge.project.quote_service.coders(), key=str.casefold)
        fill_combo(
            self.coder_box,
            [(name, name) for name in coders],
            first=(QCoreApplication.translate("CompareView", "All coders"), ""),
            choose=(self.coder_box.currentData(),),
        )
        several = len(coders) > 1
        self.coder_label.setVisible(several)
        self.coder_box.setVisible(several)
        self.editor.coder = self.coder

    def _coder_chosen(self) -> None:
        self.editor.coder = self.coder  # the cell's quotes shown again with the grid read anew
        self.refresh()

    # -- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the grid again, keeping expanded rows and the current cell.

        With a workspace (the Compare window, its dock) the grid is read in a worker thread (seconds
        over a research group's 200,000 codings), with a busy bar in the status line; the grid shown
        stays until the new one is in, and a read overtaken by a newer one is dropped."""
        project = self._bridge.project
        mode, attribute, coder = self.mode, self.attribute, self.coder

        def read() -> Read:  # reads only: in a worker thread when there is a workspace
            table: FrequencyTable | None = None
            if mode in JUDGEMENT_MODES:
                grid = project.comparison.grid(attribute, coder=coder)
            else:  # the heat map and its chart: one count for both
                grid, table = project.comparison.grid_and_frequencies(attribute, measure=mode, coder=coder)  # type: ignore[arg-type]
            return grid, table, project.reviews.judgement_discussions()

        if self._workspace is None:
            self._show_grid(*read())
            return
        self._read.start(read, lambda found: self._show_grid(*found))

    def _show_grid(
        self,
        grid: JudgementGrid,
        table: FrequencyTable | None,
        discussions: Mapping[JudgementId, Discussion],
    ) -> None:
        expanded = self._expanded()
        current = self.tree.currentIndex()
        current_code = self.model.code_id(current)
        current_value = self.model.grid.values[current.column() - 1] if current.column() > 0 else None
        self.model.set_grid(grid, discussions)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._column_widths()
        for code_id in expanded:
            self.tree.setExpanded(self.model.index_of(code_id), True)
        if self.mode == "scores":
            self.score_chart.set_series(score_series(grid))
        elif table is not None:
            self.chart.set_table(table)
        if current_code is not None and current_code in {r.code.id for r in grid.rows}:
            value = current_value if current_value in grid.values else None
            index = self.model.index_of(current_code, value)
            self._restoring = True
            try:
                self.tree.setCurrentIndex(index)
            finally:
                self._restoring = False
            self._show(index, reload_editor=not self.editor.dirty)

    def _expanded(self) -> list[CodeId]:
        out = []
        for row in self.model.grid.rows:
            index = self.model.index_of(row.code.id)
            if index.isValid() and self.tree.isExpanded(index):
                out.append(row.code.id)
        return out

    def _apply_mode(self) -> None:
        frequencies = self.mode not in JUDGEMENT_MODES
        scores = self.mode == "scores"
        self.model.set_mode("judgements" if scores else self.mode)
        self.chart.setVisible(frequencies)
        self.score_chart.setVisible(scores)
        self.chart_kind_box.setVisible(scores)
        self.save_chart_button.setVisible(frequencies or scores)
        self._column_widths()
        if frequencies or scores:
            self.refresh()  # the grid read again brings its chart (in a worker with a workspace)
        if scores:
            sizes = self.left.sizes()
            if sizes[2] < self.score_chart.minimumHeight():  # give the chart room beside the grid
                total = sum(sizes)
                self.left.setSizes([total // 2, 0, total - total // 2])

    def _column_widths(self) -> None:
        """Every group's column in view when there is room: the columns share the grid's width
        (at least wide enough for a score and a few words, or in the heat map for the group's
        name), else the grid scrolls."""
        metrics = self.tree.header().fontMetrics()
        columns = range(1, self.model.columnCount())
        if not columns:
            return
        judging = self.mode in JUDGEMENT_MODES
        least = {
            column: max(
                110 if judging else 70,
                min(
                    metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
                    + 24,
                    200,
                ),
            )
            for column in columns
        }
        first = min(280, max(160, self.tree.viewport().width() // 3))
        room = self.tree.viewport().width() - first
        share = room // len(least)
        self.tree.setColumnWidth(0, first)
        for column, width in least.items():
            self.tree.setColumnWidth(column, max(width, min(share, 320 if judging else 160)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree.viewport()
            and event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self._column_widths()
        return super().eventFilter(watched, event)

    # -- layout remembered ----------------------------------------------------------------
    def save_layout(self) -> None:
        settings.save_state("compare/splitter", QByteArray(self.splitter.saveState()))
        settings.save_state("compare/left", QByteArray(self.left.saveState()))

    def restore_layout(self) -> None:
        for key, splitter in (("compare/splitter", self.splitter), ("compare/left", self.left)):
            state = settings.saved_state(key)
            if state is not None:
                splitter.restoreState(state)

    def save_pending(self) -> None:
        """Save the judgement being typed (the window closes or moves)."""
        if self.editor.dirty:
            self.editor.save()

    def _on_change(self, change: Change) -> None:
        if change.touches(*SHOWN):
            if change.touches(Aspect.DOCUMENTS, Aspect.ATTRIBUTES, Aspect.SPEAKERS):  # regions, groups
                self._fill_attributes()
            if change.touches(Aspect.CODINGS):  # a coder's work merged in, or the last of it taken out
                self._fill_coders()
            self.refresh()

    # -- cells ---------------------------------------------------------------------------
    def _on_clicked(self, index: QModelIndex) -> None:
        shown = self.editor.current
        cell = self.model.cell(index)
        if (
            shown is None
            or cell is None
            or (shown[0].id, shown[1].value) != (self.model.code_id(index), cell.value)
        ):
            self._show(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self._show(current)

    def _show(self, index: QModelIndex, *, reload_editor: bool = True) -> None:
        cell = self.model.cell(index)
        code_id = self.model.code_id(index)
        if cell is None or code_id is None or not reload_editor:
            return
        shown = self.editor.current
        if (
            shown is not None
            and shown[0].id == code_id
            and shown[1].value == cell.value
            and self.editor.dirty
        ):
            return
        attribute, code = self.model.grid.attribute, self.model.grid.row(code_id).code
        if self.editor.dirty:
            self.editor.save()  # what was typed for the cell left is saved, never dropped
        self.editor.show_cell(attribute, code, cell)

    def select_cell(self, code_id: CodeId, value: str) -> QModelIndex:
        """Make a cell current (expanding its parents) and show it in the editor."""
        index = self.model.index_of(code_id, value)
        parent = index.parent()
        while parent.isValid():
            self.tree.setExpanded(parent.siblingAtColumn(0), True)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._show(index)
        return index

    # -- chart ---------------------------------------------------------------------------
    def ask_save_chart(self) -> Path | None:
        """Save the chart shown: the scores chart in the scores mode, else the frequency chart."""
        stem = f"scores-{self.attribute}" if self.mode == "scores" else f"chart-{self.attribute}"
        chosen = ask_export_file(
            self,
            QCoreApplication.translate("CompareView", "Save chart"),
            self._bridge.project.path,
            f"{stem}.png",
            QCoreApplication.translate("CompareView", "PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if chosen is None:
            return None
        name = str(chosen)
        chart = self.score_chart if self.mode == "scores" else self.chart
        return operations.attempt(
            self,
            lambda: chart.save(name),
            notice=True,
            title=QCoreApplication.translate("CompareView", "Save chart"),
        )
