"""Anonymisation: the respondent register, the names found in the documents, and replacing the
confirmed ones in one undoable action that keeps every coding on its passage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.exporting.export_folder import ask_export_file
from app.shell.project_bridge import ProjectBridge
from app.widgets import operations
from app.widgets.combo_fill import fill_combo
from app.widgets.record_table_model import Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Aspect, Change
from coding.language.anonymise import NameMention
from coding.language.register import RespondentInfo

AnyIndex = QModelIndex | QPersistentModelIndex
KIND_LABELS = {
    "respondent": QT_TRANSLATE_NOOP("AnonymiseDialog", "respondent"),
    "person": QT_TRANSLATE_NOOP("AnonymiseDialog", "person"),
    "place": QT_TRANSLATE_NOOP("AnonymiseDialog", "place"),
    "organisation": QT_TRANSLATE_NOOP("AnonymiseDialog", "organisation"),
}


class RegisterTableModel(RecordTableModel[RespondentInfo]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Code"), lambda e: e.code),
        Column(QT_TRANSLATE_NOOP("Column", "Name"), lambda e: e.name),
        Column(QT_TRANSLATE_NOOP("Column", "Also written as"), lambda e: "; ".join(e.aliases)),
    )

    def set_entries(self, entries: Sequence[RespondentInfo]) -> None:
        self.set_records(entries)

    def entry(self, row: int) -> RespondentInfo:
        return self.record(row)


def _context(m: NameMention) -> str:
    return f"…{m.left[-40:]} [{m.text}] {m.right[:40]}…"


class MentionTableModel(RecordTableModel[NameMention]):
    """Candidate names with a check box each; the replacement is editable."""

    CHECK, DOCUMENT, NAME, CONTEXT, REPLACEMENT, WHY = range(6)
    COLUMNS = (
        Column("", lambda _m: "", checkable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Document"), lambda m: m.document),
        Column(QT_TRANSLATE_NOOP("Column", "Name"), lambda m: m.text),
        Column(QT_TRANSLATE_NOOP("Column", "Context"), _context),
        Column(QT_TRANSLATE_NOOP("Column", "Replace by"), lambda m: m.replacement, editable=True),
        Column(
            QT_TRANSLATE_NOOP("Column", "Why"),
            lambda m: f"{QCoreApplication.translate('AnonymiseDialog', KIND_LABELS[m.kind])}: {m.reason}",
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checked: list[bool] = []

    def set_mentions(self, mentions: Sequence[NameMention]) -> None:
        # Names from the register and organisations are almost always right; the rest is checked too,
        # but the researcher reviews every line before replacing.
        self._checked = [True] * len(mentions)
        self.set_records(mentions)

    def mentions(self) -> list[NameMention]:
        return self.records()

    def checked(self) -> list[NameMention]:
        return [m for m, on in zip(self._records, self._checked, strict=True) if on]

    def set_all(self, on: bool) -> None:
        self._checked = [on] * len(self._records)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0))

    def cell(self, m: NameMention, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.CHECK:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{m.document} {m.start}:{m.end} — {m.reason}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = index.row()
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.CHECK:
            self._checked[row] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.REPLACEMENT:
            replacement = str(value).strip()
            if not replacement:
                return False
            self._records[row] = replace(self._records[row], replacement=replacement)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class AnonymiseDialog(QDialog):
    def __init__(self, bridge: ProjectBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("AnonymiseDialog", "Anonymise transcripts"))
        self.bridge = bridge
        self.project = bridge.project
        self.register = self.project.assist.register

        self.register_model = RegisterTableModel(self)
        self.register_table = QTableView()
        self.register_table.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Names register"))
        self.register_table.setModel(self.register_model)
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register_table.verticalHeader().setVisible(False)
        self.register_table.horizontalHeader().setStretchLastSection(True)
        self.code_edit = QLineEdit(placeholderText="R5")
        self.code_edit.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Replacement code"))
        self.code_edit.setMaximumWidth(70)
        self.name_edit = QLineEdit(placeholderText=QCoreApplication.translate("AnonymiseDialog", "Full name"))
        self.name_edit.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Full name"))
        self.aliases_edit = QLineEdit(
            placeholderText=QCoreApplication.translate("AnonymiseDialog", "Other spellings; separated by ;")
        )
        self.aliases_edit.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Other spellings"))
        self.add_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Add"))
        self.remove_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Remove"))
        self.export_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Export register…"))
        self.export_button.setToolTip(
            QCoreApplication.translate(
                "AnonymiseDialog", "Keep this file apart from the analysis: it links codes to names"
            )
        )

        self.document = QComboBox()
        self.document.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Document"))
        self.find_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Find names"))
        self.mention_model = MentionTableModel(self)
        self.mention_table = QTableView()
        self.mention_table.setAccessibleName(QCoreApplication.translate("AnonymiseDialog", "Mentions found"))
        self.mention_table.setModel(self.mention_model)
        self.mention_table.verticalHeader().setVisible(False)
        self.mention_table.setWordWrap(False)
        header = self.mention_table.horizontalHeader()
        header.setSectionResizeMode(MentionTableModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        for column in (
            MentionTableModel.CHECK,
            MentionTableModel.DOCUMENT,
            MentionTableModel.NAME,
            MentionTableModel.REPLACEMENT,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.all_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Check all"))
        self.none_button = QPushButton(QCoreApplication.translate("AnonymiseDialog", "Check none"))
        self.replace_button = QPushButton(
            QCoreApplication.translate("AnonymiseDialog", "Replace checked names")
        )
        self.replace_button.setDefault(True)
        self.status = operations.add_status_line(self)
        self.summary = QLabel(
            QCoreApplication.translate(
                "AnonymiseDialog", "Names are only replaced after you check them and press Replace."
            )
        )
        self.summary.setWordWrap(True)
        self.status.addWidget(self.summary, 1)

        register_box = QGroupBox(QCoreApplication.translate("AnonymiseDialog", "Respondent register"))
        register_layout = QVBoxLayout(register_box)
        register_layout.addWidget(self.register_table)
        form = QHBoxLayout()
        form.addWidget(self.code_edit)
        form.addWidget(self.name_edit, 2)
        form.addWidget(self.aliases_edit, 2)
        form.addWidget(self.add_button)
        register_layout.addLayout(form)
        register_buttons = QHBoxLayout()
        register_buttons.addWidget(self.remove_button)
        register_buttons.addStretch(1)
        register_buttons.addWidget(self.export_button)
        register_layout.addLayout(register_buttons)

        names_box = QGroupBox(QCoreApplication.translate("AnonymiseDialog", "Names found"))
        names_layout = QVBoxLayout(names_box)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("AnonymiseDialog", "Document")))
        top.addWidget(self.document, 1)
        top.addWidget(self.find_button)
        names_layout.addLayout(top)
        names_layout.addWidget(self.mention_table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_button)
        bottom.addWidget(self.none_button)
        bottom.addStretch(1)
        bottom.addWidget(self.replace_button)
        names_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(register_box)
        splitter.addWidget(names_box)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.add_button.clicked.connect(self.add_respondent)
        self.name_edit.returnPressed.connect(self.add_respondent)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self._ask_export)
        self.find_button.clicked.connect(self.find_names)
        self.all_button.clicked.connect(lambda: self.mention_model.set_all(True))
        self.none_button.clicked.connect(lambda: self.mention_model.set_all(False))
        self.replace_button.clicked.connect(self.replace_checked)
        bridge.changed.connect(self._on_change)
        self._reload_register()
        self._fill_documents()
        self.resize(1000, 700)

    # -- the register --------------------------------------------------------------------
    def _reload_register(self) -> None:
        self.register_model.set_entries(self.register.list())

    @Slot()
    def add_respondent(self) -> None:
        aliases = [a.strip() for a in self.aliases_edit.text().split(";") if a.strip()]
        entry = operations.attempt(
            self,
            lambda: self.register.add(self.code_edit.text(), self.name_edit.text(), aliases=aliases),
            initiator=self,
        )
        if entry is None:
            return
        for edit in (self.code_edit, self.name_edit, self.aliases_edit):
            edit.clear()
        operations.tell(
            self,
            self.tr("Added {code}. Find names again to see where {name} occurs.").format(
                code=entry.code, name=entry.name
            ),
        )

    @Slot()
    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.register_table.selectionModel().selectedRows()})
        for code in [self.register_model.entry(row).code for row in rows]:
            if not operations.perform(self, partial(self.register.remove, code), initiator=self):
                return

    def export_register(self, path: Path) -> Path | None:
        target = operations.attempt(self, lambda: self.register.export_csv(path, overwrite=True), notice=True)
        if target is not None:
            operations.tell(
                self,
                self.tr("Exported the register to {name}. Keep it apart from the analysis.").format(
                    name=target.name
                ),
            )
        return target

    def _ask_export(self) -> None:
        name = ask_export_file(
            self, self.tr("Export respondent register"), self.project.path, "register.csv", "CSV (*.csv)"
        )
        if name is not None:
            self.export_register(name)

    # -- names ---------------------------------------------------------------------------
    def _fill_documents(self) -> None:
        fill_combo(
            self.document,
            [(doc.name, doc.id) for doc in self.project.documents.list(with_counts=False)],
            first=(QCoreApplication.translate("AnonymiseDialog", "All documents"), None),
            choose=(self.document.currentData(),),
            quiet=False,
        )

    @Slot()
    def find_names(self) -> None:
        doc_id = self.document.currentData()
        mentions = operations.attempt(
            self, lambda: self.project.assist.anonymiser.mentions(None if doc_id is None else [doc_id])
        )
        if mentions is None:
            return
        self.mention_model.set_mentions(mentions)
        documents = len({m.document_id for m in mentions})
        self.summary.setText(
            self.tr(
                "{count} possible name(s) in {documents} document(s). Uncheck what is not a name, "
                "edit a replacement if needed, then replace."
            ).format(count=len(mentions), documents=documents)
        )

    @Slot()
    def replace_checked(self) -> None:
        chosen = self.mention_model.checked()
        if not chosen:
            operations.refuse(self, QCoreApplication.translate("AnonymiseDialog", "Nothing is checked."))
            return
        report = operations.attempt(
            self, lambda: self.project.assist.anonymiser.replace(chosen), initiator=self
        )
        if report is None:
            return
        merged = (
            self.tr("; {count} coded passage(s) merged").format(count=report.merged_passages)
            if report.merged_passages
            else ""
        )
        self.mention_model.set_mentions([])
        operations.tell(
            self,
            self.tr(
                "Replaced {count} name(s) in {documents} document(s); every coding kept its passage{merged}. "
                "Undo restores the names."
            ).format(count=report.replacements, documents=report.documents, merged=merged),
        )

    @Slot(object)
    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.RESPONDENTS):
            self._reload_register()
        if change.touches(Aspect.DOCUMENTS):
            self._fill_documents()
