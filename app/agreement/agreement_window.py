"""Analysis → Intercoder agreement (Ctrl+Shift+A): two coders compared per code, the method in
words, and every disagreement to look at and resolve into the consensus layer.

The figures are computed by :class:`~coding.agreement.agreement_service.AgreementService`; the
window recomputes when the choices change and after every change of codings (the consensus
column follows the resolutions, the figures any recoding).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.agreement.agreement_models import AgreementTableModel, DisagreementTableModel
from app.exporting.export_folder import ask_export_file
from app.shell.workspace import Workspace
from app.widgets import operations
from app.widgets.combo_fill import fill_combo
from app.widgets.tool_window import ToolWindow
from app.widgets.translated import QT_TRANSLATE_NOOP, number
from coding import Aspect, Change
from coding.agreement.report import AgreementReport, Disagreement
from coding.agreement.units import UNIT_LEVELS
from coding.core.coder_rows import CONSENSUS

UNIT_NAMES = {
    "segment": QT_TRANSLATE_NOOP("AgreementWindow", "Coded segment"),
    "sentence": QT_TRANSLATE_NOOP("AgreementWindow", "Sentence"),
    "turn": QT_TRANSLATE_NOOP("AgreementWindow", "Speaker turn"),
    "document": QT_TRANSLATE_NOOP("AgreementWindow", "Document"),
    "character": QT_TRANSLATE_NOOP("AgreementWindow", "Character"),
}


class AgreementWindow(ToolWindow):
    """Two coders' agreement; ``showRequested(disagreement)`` asks the main window to show a unit."""

    showRequested = Signal(object)  # Disagreement

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementWindow")
        self.setWindowTitle(self.tr("Intercoder agreement — {name}").format(name=workspace.project.path.name))
        self.workspace = workspace
        self.report: AgreementReport | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)

        choices = QHBoxLayout()
        self.coder_a = QComboBox(body)
        self.coder_a.setObjectName("coderA")
        self.coder_b = QComboBox(body)
        self.coder_b.setObjectName("coderB")
        self.unit = QComboBox(body)
        self.unit.setObjectName("agreementUnit")
        for key in UNIT_LEVELS:
            self.unit.addItem(QCoreApplication.translate("AgreementWindow", UNIT_NAMES[key]), key)
        self.unit.setCurrentIndex(self.unit.findData("segment"))  # what the command line defaults to
        self.overlap = QDoubleSpinBox(body)
        self.overlap.setObjectName("agreementOverlap")
        self.overlap.setRange(0.05, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.5)
        self.overlap.setToolTip(
            self.tr(
                "Segments match when they overlap by this share of the shorter one; a sentence or turn "
                "counts as coded when passages cover this share of it"
            )
        )
        self.export_button = QPushButton(self.tr("Export to Excel…"), body)
        for label, widget in (
            (self.tr("Coder A"), self.coder_a),
            (self.tr("Coder B"), self.coder_b),
            (self.tr("Unit"), self.unit),
            (self.tr("Overlap"), self.overlap),
        ):
            choices.addWidget(QLabel(label, body))
            choices.addWidget(widget)
        choices.addStretch(1)
        choices.addWidget(self.export_button)
        layout.addLayout(choices)

        split = QSplitter(Qt.Orientation.Vertical, body)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.figures = AgreementTableModel(self)
        self.table = QTableView(top)
        self.table.setObjectName("agreementTable")
        self.table.setModel(self.figures)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # the figures as wide as their header and values ("Overeenstemming", "[−0,600; 0,000]"), a handful
        # of rows; the code's name takes what is left and is cut with "…" when it must be
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.method = QLabel(top)
        self.method.setObjectName("agreementMethod")
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top_layout.addWidget(self.table)
        top_layout.addWidget(self.method)

        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.count = QLabel(bottom)
        self.disagreements = DisagreementTableModel(self._consensus_text)
        self.list = QTableView(bottom)
        self.list.setObjectName("disagreementList")
        self.list.setModel(self.disagreements)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the document, unit and the coders' codes as wide as they are (up to 230 pixels of a laptop's
        # screen: a long code path is cut with "…"), the text takes the rest
        self.list.horizontalHeader().setMaximumSectionSize(230)
        self.list.horizontalHeader().setResizeContentsPrecision(100)  # thousands of units: the first 100
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().hide()
        self.list.doubleClicked.connect(self._show)
        buttons = QHBoxLayout()
        self.keep_buttons: dict[str, QPushButton] = {}
        for keep, text in (
            ("a", self.tr("Keep A")),
            ("b", self.tr("Keep B")),
            ("both", self.tr("Keep both")),
            ("neither", self.tr("Keep neither")),
        ):
            button = QPushButton(text, bottom)
            button.setObjectName(f"keep_{keep}")
            button.setToolTip(
                self.tr("{keep}: the consensus layer gets these codes on the unit (Ctrl+Z undoes)").format(
                    keep=text
                )
            )
            button.clicked.connect(lambda _checked=False, k=keep: self.resolve(k))
            self.keep_buttons[keep] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        bottom_layout.addWidget(self.count)
        bottom_layout.addWidget(self.list)
        bottom_layout.addLayout(buttons)
        split.addWidget(top)
        split.addWidget(bottom)
        layout.addWidget(split)
        self.setCentralWidget(body)
        self.statusBar()
        self.addActions(shared_actions)
        self.resize_within_screen(1200, 760)

        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.recompute)
        for combo in (self.coder_a, self.coder_b, self.unit):
            combo.currentIndexChanged.connect(self._pending.start)
        self.overlap.valueChanged.connect(self._pending.start)
        self.export_button.clicked.connect(self.export)
        workspace.changed.connect(self._on_change)
        self._fill_coders()
        self.recompute()

    # -- choices and figures ----------------------------------------------------------------
    def _fill_coders(self) -> None:
        coders = self.workspace.project.agreement.coders()
        me = self.workspace.project.coder
        people = [c for c in coders if c != CONSENSUS]  # compared first; the consensus layer on request
        pair = self._best_pair(people, me)
        # Two coders chosen stay chosen; one coder twice (the window was opened before a second coder's
        # work came in, e.g. by a merge) gives way to the pair that coded most in the same documents.
        kept = (self.coder_a.currentData(), self.coder_b.currentData())
        if kept[0] == kept[1]:
            kept = (None, None)
        fill_combo(self.coder_a, [(c, c) for c in coders], choose=(kept[0], *pair, me, *people))
        chosen_a = self.coder_a.currentData()
        fill_combo(
            self.coder_b,
            [(c, c) for c in coders],
            choose=(
                kept[1],
                *[c for c in pair if c != chosen_a],
                *[c for c in people if c not in (me, chosen_a)],
            ),
        )

    def _best_pair(self, people: list[str], me: str) -> tuple[str, ...]:
        """The two people who coded most in the same documents (``AgreementService.overlap``; the user
        first when the user is one of the pairs with the most): a login name with a stray coding is not
        compared with the second coder. Empty when no two people coded in one document."""
        shared = {
            pair: count
            for pair, count in self.workspace.project.agreement.overlap().items()
            if CONSENSUS not in pair
        }
        if not shared:
            return ()
        most = max(shared.values())
        best = sorted(pair for pair, count in shared.items() if count == most)
        mine = next((pair for pair in best if me in pair), None)
        if mine is not None:
            return (me, mine[1] if mine[0] == me else mine[0])
        return best[0]

    def recompute(self) -> None:
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        self.disagreements.set_coders(f"A: {a or ''}", f"B: {b or ''}")  # the choice, even before figures
        if not a or not b or a == b:
            self.report = None
            self.figures.set_records([])
            self.disagreements.set_records([])
            self.method.setText(
                self.tr("Choose two different coders: at least two people must have coded in this project.")
            )
            self.count.setText("")
            return
        project = self.workspace.project
        report = operations.attempt(
            self,
            lambda: project.agreement.report(
                a, b, unit=self.unit.currentData(), overlap=round(self.overlap.value(), 4)
            ),
        )
        if report is None:
            return
        self.report = report
        self.figures.set_records(report.rows)
        self.disagreements.set_records(report.disagreements)
        self.method.setText(report.method)
        self.count.setText(
            self.tr("{count} disagreement(s): double-click one to see it in its transcript").format(
                count=number(len(report.disagreements))
            )
        )

    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.CODINGS, Aspect.CODES, Aspect.DOCUMENTS, Aspect.CODERS):
            self._fill_coders()
            self._pending.start()

    # -- disagreements ------------------------------------------------------------------------
    def _consensus_text(self, disagreement: Disagreement) -> str:
        project = self.workspace.project
        codes = project.agreement.consensus(disagreement.document_id, disagreement.start, disagreement.end)
        if not codes:
            return ""
        tree = project.codes.tree()
        return "; ".join(tree.get(c).path_text for c in codes if c in tree)

    def current(self) -> Disagreement | None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return None
        record: Disagreement = self.disagreements.record(rows[0].row())
        return record

    def resolve(self, keep: str) -> None:
        disagreement = self.current()
        if disagreement is None:
            operations.tell(self, self.tr("Select a disagreement first"))
            return
        row = self.list.currentIndex().row()
        if operations.perform(self, lambda: self.workspace.project.agreement.resolve(disagreement, keep)):
            operations.tell(
                self,
                self.tr("Resolved: the consensus layer keeps {keep}").format(
                    keep={"both": self.tr("both"), "neither": self.tr("neither")}.get(keep, keep.upper())
                ),
            )
            QTimer.singleShot(0, lambda: self._select(row))

    def _select(self, row: int) -> None:
        if 0 <= row < self.disagreements.rowCount():
            self.list.selectRow(row)

    def _show(self, index: QModelIndex) -> None:
        if index.isValid():
            self.showRequested.emit(self.disagreements.record(index.row()))

    def export(self) -> None:
        if self.report is None:
            operations.tell(self, self.tr("Nothing to export yet: choose two coders"))
            return
        name = ask_export_file(
            self,
            self.tr("Export agreement"),
            self.workspace.project.path,
            QCoreApplication.translate("AgreementWindow", "agreement.xlsx"),  # the file name proposed
            "Excel (*.xlsx)",
        )
        if name is None:
            return
        from coding.exporting.agreement_xlsx import write_agreement_xlsx  # openpyxl: loaded when used

        report = self.report
        path = operations.attempt(
            self,
            lambda: write_agreement_xlsx(report, Path(name), overwrite=True),
            notice=True,
            title=self.tr("Export"),
        )
        if path is not None:
            operations.tell(self, self.tr("Exported {name}").format(name=path.name))
