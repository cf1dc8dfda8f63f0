"""Word and lemma frequencies per group (region): a table and a bar chart per 1,000 words."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.exporting.export_folder import ask_export_file
from app.language.indexing import Indexing
from app.shell.project_bridge import ProjectBridge
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.record_table_model import ALIGN_RIGHT, Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP, group_label
from coding import Aspect, Change
from coding.core.attributes import REGION_KEYS, attribute_label
from coding.core.numbers import count, number
from coding.language.frequencies import FrequencyRow, FrequencyTable, write_frequencies_csv

GROUP_COLOURS = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb")
CHART_TERMS = 12


def _group_column(group: str, totals: Mapping[str, int]) -> Column[FrequencyRow]:
    return Column(
        group_label(group),  # the documents without a value: "(no value)"
        lambda row: row.counts[group],
        tooltip=lambda row: QCoreApplication.translate(
            "FrequencyView", "{share} per 1,000 words in {group}"
        ).format(share=number(row.share(group, totals), ".1f"), group=group_label(group)),
        align=ALIGN_RIGHT,
    )


class FrequencyTableModel(RecordTableModel[FrequencyRow]):
    """Rows: lemmas (or words); columns: total, then each group's count (per 1,000 words as tooltip)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: FrequencyTable | None = None
        self._columns: tuple[Column[FrequencyRow], ...] = ()

    def set_table(self, table: FrequencyTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._records = list(table.rows) if table is not None else []
        self._columns = (
            ()
            if table is None
            else (
                Column(table.unit.capitalize(), lambda row: row.term),
                Column(QT_TRANSLATE_NOOP("Column", "Total"), lambda row: row.total, align=ALIGN_RIGHT),
                *(_group_column(group, table.totals) for group in table.groups),
            )
        )
        self.endResetModel()

    def columns(self) -> tuple[Column[FrequencyRow], ...]:
        return self._columns


class FrequencyView(QWidget):
    def __init__(
        self, bridge: ProjectBridge, parent: QWidget | None = None, *, indexer: Indexing | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.project = bridge.project
        self.indexer = indexer
        #: The count under way in a worker thread, if any.
        self.counting: long_operation.LongOperation | None = None
        self.by = QComboBox()
        self.by.setAccessibleName(QCoreApplication.translate("FrequencyView", "Frequencies by"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(QCoreApplication.translate("FrequencyView", "Count"))
        self.unit.addItem(QCoreApplication.translate("FrequencyView", "Lemmas"), "lemma")
        self.unit.addItem(QCoreApplication.translate("FrequencyView", "Words"), "word")
        self.top = QSpinBox()
        self.top.setAccessibleName(QCoreApplication.translate("FrequencyView", "Number of words shown"))
        self.top.setRange(5, 500)
        self.top.setValue(30)
        self.answers_only = QCheckBox(QCoreApplication.translate("FrequencyView", "Answers only"))
        self.answers_only.setChecked(True)
        self.refresh_button = QPushButton(QCoreApplication.translate("FrequencyView", "Count"))
        self.export_button = QPushButton(QCoreApplication.translate("FrequencyView", "Export CSV…"))
        self.model = FrequencyTableModel(self)
        self.table_view = QTableView()
        self.table_view.setAccessibleName(QCoreApplication.translate("FrequencyView", "Word frequencies"))
        self.table_view.setModel(self.model)
        self.table_view.verticalHeader().setVisible(False)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setAccessibleName(
            QCoreApplication.translate("FrequencyView", "Word frequencies chart")
        )
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(420)
        self.status = operations.add_status_line(self)
        self.summary = QLabel()
        self.status.addWidget(self.summary, 1)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(QCoreApplication.translate("FrequencyView", "Per")))
        controls.addWidget(self.by)
        controls.addWidget(self.unit)
        controls.addWidget(QLabel(QCoreApplication.translate("FrequencyView", "Top")))
        controls.addWidget(self.top)
        controls.addWidget(self.answers_only)
        controls.addWidget(self.refresh_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table_view)
        splitter.addWidget(self.chart_view)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._ask_export)
        bridge.changed.connect(self._on_change)
        self._fill_attributes()

    def _fill_attributes(self) -> None:
        current = self.by.currentData()
        keys = self.project.documents.attribute_keys() or ["region"]
        # first by region ("regio" when the metadata sheet was Dutch; it showed "Datum", the first key)
        choose = (current,) if current else REGION_KEYS
        fill_combo(self.by, [(attribute_label(key), key) for key in keys], choose=choose, quiet=False)

    @Slot()
    def refresh(self) -> None:
        """Count in a worker thread (over a research group's 15 million words that takes a minute),
        with a busy bar in the status line; the documents that need it are indexed first, in the
        background too. The table and the chart show when the count is in."""
        if self.counting is not None and self.counting.running:
            return
        self.refresh_button.setEnabled(False)
        self._count(check=self.indexer is not None)

    def _count(self, *, check: bool) -> None:
        """Count in a worker; with ``check`` it first looks (there too) whether documents need indexing,
        and if so has the window's indexer index them, then counts."""
        assist = self.project.assist  # created on the GUI thread, not in the worker
        by, unit = self.by.currentData() or "region", self.unit.currentData()
        top, answers_only = self.top.value(), self.answers_only.isChecked()
        index = self.indexer is None  # without the window's indexer: index in the worker first

        def count_words(
            _progress: long_operation.Progress,
        ) -> FrequencyTable | None:  # reads (and indexes) only
            if check and assist.stale():
                return None
            return assist.frequencies(by=by, unit=unit, top=top, answers_only=answers_only, index=index)

        def counted(table: FrequencyTable | None) -> None:
            if table is not None:
                self._show_table(table)
            elif self.indexer is not None and isValid(self):  # index first (in the background), then count
                self.refresh_button.setEnabled(True)  # indexing may be cancelled: Count stays at hand
                self.indexer.start()
                self.indexer.after(lambda: self._count(check=False))

        self.counting = long_operation.LongOperation(
            self,
            count_words,
            title=QCoreApplication.translate("FrequencyView", "Counting words"),
            success=counted,
            failure=lambda _error: self.refresh_button.setEnabled(True),
            show="status",
        ).start()

    def _show_table(self, table: FrequencyTable) -> None:
        if not isValid(self):
            return
        self.refresh_button.setEnabled(True)
        self.model.set_table(table)
        self.table_view.resizeColumnsToContents()
        self._draw(table)
        words = ", ".join(f"{g}: {count(n)}" for g, n in table.totals.items())
        self.summary.setText(
            self.tr(
                "Words counted (stop words left out) — {words}. The chart shows occurrences per 1,000 words."
            ).format(words=words)
        )

    def shutdown(self) -> None:
        """Stop counting (the window closes with the project): nothing more is shown."""
        if self.counting is not None and self.counting.running:
            self.counting.shutdown()

    def _draw(self, table: FrequencyTable) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        rows = table.rows[:CHART_TERMS]
        series = QBarSeries()
        top = 0.0
        for place, group in enumerate(table.groups):
            bars = QBarSet(group_label(group))
            bars.setColor(QColor(GROUP_COLOURS[place % len(GROUP_COLOURS)]))
            for row in rows:
                value = row.share(group, table.totals)
                top = max(top, value)
                bars.append(value)
            series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([row.term for row in rows])
        categories.setLabelsAngle(-90)
        categories.setTruncateLabels(False)
        values = QValueAxis()
        values.setRange(0, max(1.0, top * 1.1))
        values.setTitleText(self.tr("per 1,000 words"))
        values.setLabelFormat("%.0f")
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(
            self.tr("Most frequent {unit} per {by}").format(
                unit=self.tr("lemmas") if table.unit == "lemma" else self.tr("words"), by=table.by
            )
        )

    def series(self) -> list[QBarSeries]:
        return [s for s in self.chart.series() if isinstance(s, QBarSeries)]

    def export_csv(self, path: Path) -> Path | None:
        table = self.model.table
        if table is None:
            return None
        if not operations.perform(
            self, lambda: write_frequencies_csv(table, path, overwrite=True), notice=True
        ):
            return None
        operations.tell(self, self.tr("Exported {name}.").format(name=path.name))
        return path

    def _ask_export(self) -> None:
        name = ask_export_file(
            self,
            self.tr("Export frequencies"),
            self.project.path,
            QCoreApplication.translate("FrequencyView", "frequencies.csv"),  # the file name proposed
            "CSV (*.csv)",
        )
        if name is not None:
            self.export_csv(name)

    @Slot(object)
    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.ATTRIBUTES, Aspect.DOCUMENTS):
            self._fill_attributes()
