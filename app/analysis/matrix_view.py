"""Analysis → Code × case matrix: codes × documents or attribute values, counts or presence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from app.analysis.heat_table_model import CodeMatrixModel
from app.analysis.heat_view import HeatView
from app.shell.workspace import Workspace
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.analysis.code_matrix import CodeMatrix
from coding.core.attributes import attribute_label
from coding.core.errors import InvalidInputError
from coding.core.records import Quote
from coding.exporting.matrix_export import export_matrix

MEASURE_LABELS = (
    (QT_TRANSLATE_NOOP("MatrixView", "Coded passages"), "count"),
    (QT_TRANSLATE_NOOP("MatrixView", "Presence (0/1)"), "presence"),
)


class MatrixView(HeatView):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        self.matrix_model = CodeMatrixModel()
        super().__init__(workspace, self.matrix_model, parent)
        self.matrix_model.setParent(self)
        self.matrix: CodeMatrix | None = None
        self.columns = QComboBox(self)
        self.columns.setObjectName("matrixColumns")
        self.columns.setToolTip(self.tr("The columns: one per document, or one per value of an attribute"))
        self.measure = QComboBox(self)
        self.measure.setObjectName("matrixMeasure")
        for label, value in MEASURE_LABELS:
            self.measure.addItem(QCoreApplication.translate("MatrixView", label), value)
        self.subcodes = QCheckBox(self.tr("With subcodes"), self)
        self.subcodes.setObjectName("matrixSubcodes")
        self.subcodes.setChecked(True)
        self.subcodes.setToolTip(self.tr("A code's row counts its subcodes' passages too"))
        for label, widget in ((self.tr("Columns:"), self.columns), (self.tr("Show:"), self.measure)):
            self.controls.addWidget(QLabel(label, self))
            self.controls.addWidget(widget)
        self.controls.addWidget(self.subcodes)
        self.add_coder_choice()
        self.controls.addStretch(1)
        self.controls.addWidget(self.export_button)
        self._fill_columns()
        self.columns.currentIndexChanged.connect(self.schedule)
        self.subcodes.toggled.connect(self.schedule)
        self.measure.currentIndexChanged.connect(self._show)

    def _fill_columns(self) -> None:
        keys = self.workspace.project.documents.attribute_keys()
        fill_combo(
            self.columns,
            [(attribute_label(key), key) for key in keys],
            first=(self.tr("Documents"), "document"),
            choose=(self.columns.currentData(),),
        )

    def reader(self) -> Callable[[], CodeMatrix]:
        analysis = self.workspace.project.analysis
        columns, subcodes = self.columns.currentData() or "document", self.subcodes.isChecked()
        coder = self.chosen_coder()
        return lambda: analysis.matrix(columns=columns, include_subcodes=subcodes, coder=coder)

    def present(self, matrix: CodeMatrix) -> str:
        self.matrix = matrix
        self._show()
        return self.tr(
            "Each cell: the coded passages of the code (and its subcodes) in the column's documents."
        )

    def _show(self, *_args: object) -> None:
        self.matrix_model.set_matrix(self.matrix, self.measure.currentData())

    def cell_quotes(self, cell: Any) -> tuple[str, list[Quote]]:
        code, column = cell
        quotes = self.workspace.project.analysis.matrix_quotes(
            code,
            column,
            columns=self.columns.currentData() or "document",
            include_subcodes=self.subcodes.isChecked(),
            coder=self.chosen_coder(),
        )
        return f"{self.workspace.project.codes.tree().get(code).name} × {column}", quotes

    export_name = QT_TRANSLATE_NOOP("HeatView", "code-matrix.xlsx")

    def writer(self, path: Path) -> Callable[[], Path]:
        table, measure = self.matrix, self.measure.currentData()
        if table is None:
            raise InvalidInputError(QCoreApplication.translate("ExportTable", "nothing to export yet"))
        return lambda: export_matrix(table, path, measure=measure, overwrite=True)

    def refresh(self) -> None:
        self._fill_columns()
        super().refresh()
