"""Analysis → Co-occurrence: codes × codes as a heat map, per unit, overall or per group value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from app.analysis.heat_table_model import CooccurrenceModel
from app.analysis.heat_view import HeatView
from app.shell.workspace import Workspace
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP, group_label, no_value
from coding.analysis.analysis_service import (
    NO_VALUE as NO_GROUP,  # the table's group of the documents without one
)
from coding.analysis.cooccurrence import CooccurrenceTable
from coding.core.attributes import attribute_label
from coding.core.errors import InvalidInputError
from coding.core.records import Quote
from coding.exporting.matrix_export import export_cooccurrence

UNIT_LABELS = (
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Overlapping passages"), "overlap"),
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Same sentence"), "sentence"),
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Same speaker turn"), "turn"),
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Same document"), "document"),
)
MEASURE_LABELS = (
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Count"), "count"),
    (QT_TRANSLATE_NOOP("CooccurrenceView", "c-coefficient"), "c"),
)
CODE_CHOICES = (
    (QT_TRANSLATE_NOOP("CooccurrenceView", "Concepts"), "concepts"),
    (QT_TRANSLATE_NOOP("CooccurrenceView", "All codes"), "all"),
)
ALL = ""
SEPARATOR = "\x1f"  # between attribute and value in the documents box's data


class CooccurrenceView(HeatView):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        self.cooccurrence = CooccurrenceModel()
        super().__init__(workspace, self.cooccurrence, parent)
        self.cooccurrence.setParent(self)
        self.table_data: CooccurrenceTable | None = None
        self.unit = self._combo(
            "cooccurrenceUnit", UNIT_LABELS, self.tr("Where two codes count as applying together")
        )
        self.codes = self._combo(
            "cooccurrenceCodes", CODE_CHOICES, self.tr("The codes compared (each with its subcodes)")
        )
        self.measure = self._combo(
            "cooccurrenceMeasure", MEASURE_LABELS, self.tr("Count of units, or n12/(n1+n2−n12)")
        )
        self.by = QComboBox(self)
        self.by.setObjectName("cooccurrenceBy")
        self.by.setToolTip(self.tr("All documents, or one value of an attribute"))
        # about twelve characters wide, not as wide as its longest entry (an organisation's name kept
        # the window wider than a laptop's screen at 125 %); the open list shows every entry whole
        self.by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.by.setMinimumContentsLength(12)
        self.subcodes = QCheckBox(self.tr("With subcodes"), self)
        self.subcodes.setObjectName("cooccurrenceSubcodes")
        self.subcodes.setChecked(True)
        self.subcodes.setToolTip(self.tr("A code applies where it or one of its subcodes is coded"))
        for label, widget in (
            (self.tr("Unit:"), self.unit),
            (self.tr("Codes:"), self.codes),
            (self.tr("Documents:"), self.by),
            (self.tr("Show:"), self.measure),
        ):
            self.controls.addWidget(QLabel(label, self))
            self.controls.addWidget(widget)
        self.controls.addWidget(self.subcodes)
        self.add_coder_choice()
        self.controls.addStretch(1)
        self.controls.addWidget(self.export_button)
        self._fill_groups()
        for combo in (self.unit, self.codes, self.by):
            combo.currentIndexChanged.connect(self.schedule)
        self.subcodes.toggled.connect(self.schedule)
        self.measure.currentIndexChanged.connect(self._show)

    def _combo(self, name: str, items: tuple[tuple[str, str], ...], tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        for label, value in items:
            combo.addItem(QCoreApplication.translate("CooccurrenceView", label), value)
        return combo

    def _fill_groups(self) -> None:
        """ "All documents", then ``attribute = value`` for every attribute value, and ``attribute = (no
        value)`` where some documents have none (the table's group of those, as the Documents panel's)."""
        documents = self.workspace.project.documents
        items: list[tuple[str, Any]] = []
        for key in documents.attribute_keys():
            items += [
                (f"{attribute_label(key)} = {value}", f"{key}{SEPARATOR}{value}")
                for value in documents.attribute_values(key)
                if value
            ]
            if documents.count_without_value(key):
                items.append((f"{attribute_label(key)} = {no_value()}", f"{key}{SEPARATOR}{NO_GROUP}"))
        fill_combo(self.by, items, first=(self.tr("All documents"), ALL), choose=(self.by.currentData(),))

    def _choice(self) -> tuple[str | None, str | None]:
        chosen = self.by.currentData()
        if not chosen:
            return None, None
        key, _sep, value = str(chosen).partition(SEPARATOR)
        return key, value

    def reader(self) -> Callable[[], CooccurrenceTable]:
        by, _group = self._choice()
        codes = None
        if self.codes.currentData() == "all":
            codes = [c.id for c in self.workspace.project.codes.tree()]
        analysis = self.workspace.project.analysis
        unit, subcodes, coder = self.unit.currentData(), self.subcodes.isChecked(), self.chosen_coder()
        return lambda: analysis.cooccurrence(
            unit=unit, by=by, codes=codes, include_subcodes=subcodes, coder=coder
        )

    def present(self, table: CooccurrenceTable) -> str:
        by, group = self._choice()
        self.table_data = table
        self._show()
        where = (
            self.tr(" in documents with {key} = {value}").format(key=by, value=group_label(group or ""))
            if by
            else ""
        )
        return self.tr(
            "Each cell: in how many units ({unit}) both codes apply{where}; "
            "the diagonal (in brackets): in how many the code applies."
        ).format(unit=self.unit.currentText().lower(), where=where)

    def _show(self, *_args: object) -> None:
        _by, group = self._choice()
        self.cooccurrence.set_table(self.table_data, self.measure.currentData(), group)

    def cell_quotes(self, cell: Any) -> tuple[str, list[Quote]]:
        a, b = cell
        by, group = self._choice()
        tree = self.workspace.project.codes.tree()
        quotes = self.workspace.project.analysis.cooccurrence_quotes(
            a,
            b,
            unit=self.unit.currentData(),
            by=by,
            group=group,
            include_subcodes=self.subcodes.isChecked(),
            coder=self.chosen_coder(),
        )
        title = tree.get(a).name if a == b else f"{tree.get(a).name} × {tree.get(b).name}"
        return title, quotes

    export_name = QT_TRANSLATE_NOOP("HeatView", "co-occurrence.xlsx")

    def writer(self, path: Path) -> Callable[[], Path]:
        table, measure = self.table_data, self.measure.currentData()
        if table is None:
            raise InvalidInputError(QCoreApplication.translate("ExportTable", "nothing to export yet"))
        return lambda: export_cooccurrence(table, path, measure=measure, overwrite=True)

    def refresh(self) -> None:
        self._fill_groups()
        super().refresh()
