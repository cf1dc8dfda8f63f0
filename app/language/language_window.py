"""View → Search and suggestions: search with keyword in context, the suggestion queue and word
frequencies, in a window of its own beside the workbench. Double-clicking a hit or a suggestion
shows the passage in the workbench's transcript."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from app.language.frequency_view import FrequencyView
from app.language.search_panel import SearchPanel
from app.language.suggestion_queue import SuggestionQueue
from app.shell.workspace import Workspace
from app.widgets.tool_window import ToolWindow
from coding.language.kwic import KwicLine

SEARCH, SUGGESTIONS, FREQUENCIES = 0, 1, 2


class LanguageWindow(ToolWindow):
    """``passageRequested(document_id, start, end)`` when the user asks to see a passage."""

    passageRequested = Signal(object, int, int)

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("languageWindow")
        self.setWindowTitle(
            self.tr("Search and suggestions — {name}").format(name=workspace.project.path.name)
        )
        self.search = SearchPanel(workspace.bridge, self, indexer=workspace.indexer)
        self.suggestions = SuggestionQueue(workspace, self)
        self.frequencies = FrequencyView(workspace.bridge, self, indexer=workspace.indexer)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Search, suggestions and frequencies"))
        self.tabs.addTab(self.search, self.tr("Search"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.addTab(self.frequencies, self.tr("Frequencies"))
        self.setCentralWidget(self.tabs)
        self.addActions(shared_actions)
        self.search.lineActivated.connect(self._show_line)
        self.suggestions.passageActivated.connect(self.passageRequested)
        self.resize_within_screen(1200, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.suggestions.shutdown()  # a search or measurement under way stores nothing in a closing project
        self.frequencies.shutdown()
        super().closeEvent(event)

    def _show_line(self, line: KwicLine) -> None:
        self.passageRequested.emit(line.document_id, line.start, line.end)
