"""Judging one cell of the grid: its quotes (check a quote to link it as evidence) beside the score
(only the code's scale values; an open code takes free text) and the justification.

Saving goes through the judgement service, so it is one undoable command like every other change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.judgements.cell_passages_model import CellPassagesModel
from app.reviews.discussion_panel import DiscussionPanel
from app.shell.project_bridge import ProjectBridge
from app.widgets import operations
from app.widgets.translated import QT_TRANSLATE_NOOP, group_label
from coding.core.attributes import attribute_word
from coding.core.records import CodeInfo
from coding.judgements.comparison import GridCell

NO_SCORE = QT_TRANSLATE_NOOP("JudgementEditor", "(no score)")


def _key(attribute: str, code: CodeInfo, cell: GridCell) -> tuple[str, str, int, str]:
    """The cell's kept save (``TypedSaves``): a judgement typed while an action is written."""
    return ("judgement", attribute, code.id, cell.value)


class JudgementEditor(QWidget):
    """Shows one cell; ``saved`` fires after a judgement was stored or cleared."""

    saved = Signal()

    def __init__(self, bridge: ProjectBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._attribute = "region"
        self._code: CodeInfo | None = None
        self._cell: GridCell | None = None
        self._dirty = False
        #: Whose codings the cell's quotes are (the Compare view's Coder choice; ``None``: every coder's).
        self.coder: str | None = None

        self.title = QLabel(
            QCoreApplication.translate(
                "JudgementEditor", "Click a cell of the grid to see its quotes and judge it."
            )
        )
        self.title.setObjectName("cellTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.passages = CellPassagesModel(self)
        self.passage_list = QListView()
        self.passage_list.setObjectName("passageList")
        self.passage_list.setAccessibleName(
            QCoreApplication.translate("JudgementEditor", "Quotes of this cell")
        )
        self.passage_list.setModel(self.passages)
        self.passage_list.setWordWrap(True)
        self.passage_list.setUniformItemSizes(False)
        self.passage_list.setSpacing(3)
        self.passage_list.setAlternatingRowColors(True)
        self.passages.evidenceChanged.connect(self._mark_dirty)

        self.score_box = QComboBox()
        self.score_box.setObjectName("scoreBox")
        self.score_box.setAccessibleName(QCoreApplication.translate("JudgementEditor", "Score"))
        self.score_edit = QLineEdit()
        self.score_edit.setObjectName("scoreEdit")
        self.score_edit.setPlaceholderText(
            QCoreApplication.translate("JudgementEditor", "Open code: describe in a few words")
        )
        self.score_stack = QStackedWidget()
        self.score_stack.addWidget(self.score_box)
        self.score_stack.addWidget(self.score_edit)
        self.score_stack.setMaximumHeight(self.score_box.sizeHint().height() + 4)
        self.score_box.currentIndexChanged.connect(self._mark_dirty)
        self.score_edit.textEdited.connect(self._mark_dirty)

        self.justification = QPlainTextEdit()
        self.justification.setObjectName("justificationEdit")
        self.justification.setAccessibleName(QCoreApplication.translate("JudgementEditor", "Justification"))
        self.justification.setPlaceholderText(
            QCoreApplication.translate(
                "JudgementEditor", "Justification: one or two lines that explain the score"
            )
        )
        self.justification.setMaximumHeight(90)
        self.justification.textChanged.connect(self._mark_dirty)

        self.save_button = QPushButton(QCoreApplication.translate("JudgementEditor", "Save judgement"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(QCoreApplication.translate("JudgementEditor", "Clear"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(
            QCoreApplication.translate("JudgementEditor", "Remove this judgement (undoable)")
        )
        self.clear_button.clicked.connect(self.clear)
        #: Why the cell cannot be judged (a note on the cell; what saving did goes the one way,
        #: ``app.widgets.operations``).
        self.message = QLabel()
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020")

        score_row = QHBoxLayout()
        score_row.addWidget(QLabel(QCoreApplication.translate("JudgementEditor", "Score")))
        score_row.addWidget(self.score_stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "JudgementEditor", "Quotes — check those that support the judgement:"
                )
            )
        )
        layout.addWidget(self.passage_list, 1)
        layout.addLayout(score_row)
        layout.addWidget(self.justification)
        layout.addLayout(buttons)
        #: The supervisors' marks on this judgement and the conversation about it.
        self.discussion = DiscussionPanel(self)
        self.discussion.set_source(bridge)
        layout.addWidget(self.discussion)
        self._set_enabled(False)

    # -- showing a cell ------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True while the user has edits that are not saved."""
        return self._dirty

    @property
    def current(self) -> tuple[CodeInfo, GridCell] | None:
        return (self._code, self._cell) if self._code and self._cell else None

    def show_cell(self, attribute: str, code: CodeInfo, cell: GridCell) -> None:
        self._attribute, self._code, self._cell = attribute, code, cell
        project = self._bridge.project
        passages = project.comparison.cell_passages(code.id, cell.value, attribute, coder=self.coder)
        documents = len({p.document_id for p in passages})
        self.title.setText(
            QCoreApplication.translate(
                "JudgementEditor", "{code} × {value}: {quotes} quote(s) in {documents} document(s)"
            ).format(
                code=code.path_text, value=group_label(cell.value), quotes=len(passages), documents=documents
            )
        )
        # A save of this cell kept while an action is written in a worker: what was typed, not what is stored.
        kept = self._bridge.typed.kept_value(_key(attribute, code, cell))
        score, note, evidence = (
            kept if isinstance(kept, tuple) else (cell.score, cell.justification, cell.evidence)
        )
        self.passages.set_passages(passages, evidence, checkable=cell.assessable)
        self._fill_score(code, score)
        self.justification.setPlainText(note)
        self.message.setText(
            ""
            if cell.assessable
            else QCoreApplication.translate(
                "JudgementEditor", "Quotes without a value for {attribute} cannot be judged."
            ).format(attribute=attribute_word(attribute))
        )
        self._set_enabled(cell.assessable)
        self.clear_button.setEnabled(cell.assessable and cell.judgement is not None)
        self.discussion.show_target(
            judgement_id=cell.judgement.id if cell.judgement is not None else None,
            title=f"{code.name} × {group_label(cell.value)}",
        )
        self._dirty = False

    def _fill_score(self, code: CodeInfo, score: str) -> None:
        blocked = self.score_box.blockSignals(True)
        self.score_box.clear()
        if code.is_open:
            self.score_stack.setCurrentWidget(self.score_edit)
            self.score_edit.setText(score)
        else:
            self.score_stack.setCurrentWidget(self.score_box)
            self.score_box.addItem(QCoreApplication.translate("JudgementEditor", NO_SCORE), "")
            for value in code.scale or ():
                self.score_box.addItem(value, value)
            if score and score not in (code.scale or ()):
                self.score_box.addItem(
                    QCoreApplication.translate("JudgementEditor", "{score} (not on the scale)").format(
                        score=score
                    ),
                    score,
                )
            self.score_box.setCurrentIndex(max(self.score_box.findData(score), 0))
        self.score_box.blockSignals(blocked)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.score_stack, self.justification, self.save_button, self.clear_button):
            widget.setEnabled(enabled)

    def _mark_dirty(self) -> None:
        self._dirty = self._cell is not None

    def score(self) -> str:
        if self._code is not None and self._code.is_open:
            return self.score_edit.text().strip()
        return str(self.score_box.currentData() or "")

    # -- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        if self._code is None or self._cell is None or not self._cell.assessable:
            return False
        was_dirty, self._dirty = self._dirty, False  # the change notification may reload this editor
        cell, code, attribute = self._cell, self._code, self._attribute
        score, note, evidence = self.score(), self.justification.toPlainText(), self.passages.evidence()
        judgements = self._bridge.project.judgements
        if not self._bridge.typed.save(  # kept while an action is written in a worker, never dropped
            _key(attribute, code, cell),
            note,
            lambda: judgements.assess(cell.value, code.id, score, by=attribute, note=note, evidence=evidence),
            where=self,
            initiator=self,
            value=(score, note, tuple(evidence)),
        ):
            self._dirty = was_dirty
            return False
        self.saved.emit()
        return True

    def clear(self) -> bool:
        if self._cell is None or self._cell.judgement is None:
            return False
        was_dirty, self._dirty = self._dirty, False
        judgement_id, judgements = self._cell.judgement.id, self._bridge.project.judgements
        if not operations.perform(self, lambda: judgements.clear(judgement_id), initiator=self):
            self._dirty = was_dirty
            return False
        self.saved.emit()
        return True
