"""The query bar above the Quotes dock: a code query with completion of code names.

Typing completes the code name under the cursor (names, paths and question references of the
codebook); choosing a completion puts the name in, in quotes when it holds an operator word or
a bracket. Enter runs the query: :attr:`QueryBar.queryRequested` carries the text and the unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QToolButton,
    QWidget,
)

from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import operations
from app.widgets.after_paint import after_first_paint
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Aspect, Change
from coding.analysis.query import OPERATORS
from coding.core.errors import ServerUnreachableError
from coding.core.records import CodeTree

if TYPE_CHECKING:
    from coding.analysis.saved_queries import SavedQueryInfo

#: How soon the saved queries are asked for again while a team server is away.
RETRY_MS = 1000

UNIT_LABELS = (
    (QT_TRANSLATE_NOOP("QueryBar", "in one turn"), "turn"),
    (QT_TRANSLATE_NOOP("QueryBar", "in one sentence"), "sentence"),
    (QT_TRANSLATE_NOOP("QueryBar", "in one document"), "document"),
)
_BOUNDARY = re.compile(r'(?:^|[()"]|\b(?:' + "|".join(OPERATORS) + r")\b)\s*")


def fragment_start(text: str, cursor: int) -> int:
    """Where the code name being typed at ``cursor`` begins: after the last operator, bracket or quote."""
    start = 0
    for match in _BOUNDARY.finditer(text, 0, cursor):
        start = match.end()
    return min(start, cursor)


def as_query_name(name: str) -> str:
    """A code name as a query writes it: quoted when it holds an operator word or a bracket."""
    words = name.split()
    if any(word in OPERATORS for word in words) or any(ch in name for ch in '()"') or not words:
        return '"' + name.replace('"', "") + '"'
    return name


class QueryEdit(QLineEdit):
    """A line edit that completes the code name under the cursor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The codebook now (read when the field takes focus, so renamed codes complete as renamed).
        self.code_tree: Callable[[], CodeTree] | None = None
        self.names = QStringListModel(self)
        self.completer_ = QCompleter(self.names, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self.insert_completion)
        self.textEdited.connect(self._complete)

    def set_codes(self, tree: CodeTree) -> None:
        names: list[str] = []
        for code in tree:
            names.append(code.name)
            if code.depth:
                names.append(code.path_text)
        self.names.setStringList(list(dict.fromkeys(names)))

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.code_tree is not None:
            self.set_codes(self.code_tree())
        super().focusInEvent(event)

    def _fragment(self) -> tuple[int, str]:
        cursor = self.cursorPosition()
        start = fragment_start(self.text(), cursor)
        return start, self.text()[start:cursor]

    def _complete(self, _text: str) -> None:
        _start, typed = self._fragment()
        popup = self.completer_.popup()
        if len(typed.strip()) < 2:
            if popup is not None:
                popup.hide()
            return
        self.completer_.setCompletionPrefix(typed.strip())
        if self.completer_.completionCount():
            self.completer_.complete()
        elif popup is not None:
            popup.hide()

    def insert_completion(self, name: str) -> None:
        start, _typed = self._fragment()
        cursor = self.cursorPosition()
        text = self.text()
        inserted = as_query_name(name) + " "
        self.setText(text[:start] + inserted + text[cursor:].lstrip())
        self.setCursorPosition(start + len(inserted))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_.popup()
        if popup is not None and popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
        ):  # fmt: skip
            event.ignore()  # the completer's popup takes them
            return
        super().keyPressEvent(event)


class QueryBar(QWidget):
    """The query line and the unit in which the codes must meet."""

    queryRequested = Signal(str, str)  # query (empty: back to the codes' quotes), unit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QueryEdit(self)
        self.edit.setObjectName("quoteQuery")
        self.edit.setAccessibleName(QCoreApplication.translate("QueryBar", "Quote query"))
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "QueryBar", "Code query: Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef"
            )
        )
        self.edit.setToolTip(
            QCoreApplication.translate(
                "QueryBar",
                "Quotes where codes apply together: AND, OR, NOT, NEAR n (units apart), FOLLOWS [n], "
                "brackets; Enter runs it, an empty query lists the chosen codes' quotes again",
            )
        )
        self.edit.setClearButtonEnabled(True)
        self.unit = QComboBox(self)
        self.unit.setObjectName("quoteQueryUnit")
        self.unit.setToolTip(QCoreApplication.translate("QueryBar", "Where the codes of the query must meet"))
        for label, unit in UNIT_LABELS:
            self.unit.addItem(QCoreApplication.translate("QueryBar", label), unit)
        self.saved = QComboBox(self)
        self.saved.setObjectName("savedQueries")
        self.saved.setToolTip(
            QCoreApplication.translate("QueryBar", "Run a saved query again on what is coded now")
        )
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("saveQuery")
        self.save_button.setText(QCoreApplication.translate("QueryBar", "Save…"))
        self.save_button.setToolTip(
            QCoreApplication.translate(
                "QueryBar", "Save this query under a name, to run again later (undoable)"
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unit)
        layout.addWidget(self.save_button)
        layout.addWidget(self.saved)
        self.workspace: Workspace | None = None
        #: The saved queries read in a worker after the bar's first paint (``None`` with no project).
        self._saved_read: LatestRead | None = None
        self.edit.returnPressed.connect(self.run)
        self.unit.currentIndexChanged.connect(lambda _i: self.run() if self.edit.text().strip() else None)
        self.saved.activated.connect(self._saved_chosen)
        self.save_button.clicked.connect(self.save)
        self.set_workspace(None)

    def set_workspace(self, workspace: Workspace | None) -> None:
        if self.workspace is not None:
            self.workspace.changed.disconnect(self._on_change)
        self.workspace = workspace
        self.edit.code_tree = workspace.project.codes.tree if workspace is not None else None
        if self._saved_read is not None:
            self._saved_read.drop()
        self._saved_read = (
            LatestRead(self, workspace, title=QCoreApplication.translate("QueryBar", "Saved queries"))
            if workspace is not None
            else None
        )
        if workspace is not None:
            workspace.changed.connect(self._on_change)
            # The list waits for the bar's first paint: the analyses load with it (≈ 10 ms of a start).
            self._fill_header()
            after_first_paint(self.saved, lambda: self._fill_later(workspace))
        else:
            self.fill_saved()

    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.QUERIES):  # saved queries change by save, delete, undo and redo
            self.fill_saved()

    def fill_saved(self) -> None:
        """The saved queries, by name, after a first entry that says what the list is."""
        if self._saved_read is not None:
            self._saved_read.drop()  # read now: a read under way would show an older list
        self._show_saved(
            self.workspace.project.analysis.saved_queries() if self.workspace is not None else []
        )

    def _show_saved(self, queries: Sequence[SavedQueryInfo]) -> None:
        self._fill_header()
        self.saved.blockSignals(True)
        for query in queries:
            self.saved.addItem(query.name, query.name)
            self.saved.setItemData(self.saved.count() - 1, query.description, Qt.ItemDataRole.ToolTipRole)
        self.saved.setEnabled(self.saved.count() > 1)
        self.saved.blockSignals(False)

    def _fill_later(self, workspace: Workspace) -> None:
        """The saved queries of the workspace still shown, read in a worker (the analyses' modules load
        with them: 0.1 s of the GUI thread right after a huge project's first paint); a team server
        away: again when it is back."""
        reading = self._saved_read
        if self.workspace is not workspace or reading is None:
            return
        project = workspace.project

        def read() -> list[SavedQueryInfo] | None:
            try:
                return list(project.analysis.saved_queries())
            except ServerUnreachableError:
                return None

        def arrived(queries: list[SavedQueryInfo] | None) -> None:
            if self.workspace is not workspace:
                return
            if queries is None:
                self._fill_header()
                reading.after(RETRY_MS, lambda: self._fill_later(workspace))
                return
            self._show_saved(queries)

        reading.start(read, arrived)

    def _fill_header(self) -> None:
        """The list's first entry alone, which says what the list is (disabled until more follow)."""
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(QCoreApplication.translate("QueryBar", "Saved queries"), None)
        self.saved.setEnabled(False)
        self.saved.blockSignals(False)

    def run(self) -> None:
        self.queryRequested.emit(self.edit.text().strip(), self.unit.currentData())

    def _saved_chosen(self, index: int) -> None:
        name = self.saved.itemData(index)
        if name is None or self.workspace is None:
            return
        analysis = self.workspace.project.analysis
        saved = operations.attempt(self, lambda: analysis.saved_query(name))
        self.saved.setCurrentIndex(0)
        if saved is None:
            return
        self.edit.setText(saved.query)
        self.unit.blockSignals(True)
        self.unit.setCurrentIndex(max(0, self.unit.findData(saved.unit)))
        self.unit.blockSignals(False)
        self.run()

    def save(self) -> None:
        text = self.edit.text().strip()
        workspace = self.workspace
        if workspace is None:
            return
        if not text:
            operations.refuse(
                self, QCoreApplication.translate("QueryBar", "Type a query first, then save it")
            )
            return
        name, accepted = QInputDialog.getText(
            self,
            QCoreApplication.translate("QueryBar", "Save query"),
            QCoreApplication.translate("QueryBar", "Name of the query:"),
        )
        if not accepted or not name.strip():
            return
        unit = self.unit.currentData()
        saved = operations.attempt(self, lambda: workspace.project.analysis.save_query(name, text, unit=unit))
        if saved is not None:
            operations.tell(
                self, QCoreApplication.translate("QueryBar", "Saved query {name}").format(name=saved.name)
            )
