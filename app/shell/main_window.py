"""The main window: start screen or the workbench (transcript, Documents, Codebook, Quotes, details).

Every view refreshes from the workspace's ``changed`` signal; the transcript view is connected first,
so a new coding is painted before the docks catch up. Hook points for features built elsewhere:
``import_files`` (File → Import), ``export`` (File → Export), ``compare`` (View → Compare regions),
``search`` (View → Search and suggestions).

Kept beside it: opening and closing projects (``project_files``), the windows beside this one
(``extra_windows``: Compare, Analysis, Agreement, Search, attributes, memos) and the actions connected
to what they do (``window_wiring``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.codebook.codebook_dock import CodebookDock
from app.details.details_dock import DetailsDock
from app.documents.documents_dock import DocumentsDock
from app.exporting import refi_actions
from app.media.player_dock import PlayerDock
from app.media.transcript_editing import TranscriptEditor
from app.quotes.quotes_dock import QuotesDock
from app.shell import extra_windows, field_shortcuts, project_files, settings, window_wiring
from app.shell.actions import WindowActions
from app.shell.connection_banner import ConnectionBanner
from app.shell.start_screen import StartScreen
from app.shell.workspace import Workspace
from app.transcript.coding_controller import CodingController
from app.transcript.transcript_panel import TranscriptPanel
from app.widgets import operations
from app.widgets.file_drop import FileDropTarget
from app.widgets.long_operation import LongOperation
from coding.core.errors import NotFoundError, ServerUnreachableError
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.records import Quote

if TYPE_CHECKING:  # each loads when first used (their slots import them), not at start-up
    from app.agreement.agreement_window import AgreementWindow
    from app.analysis.analysis_window import AnalysisWindow
    from app.documents.attribute_table import AttributeTableWindow
    from app.importing.import_dialog import ImportDialog
    from app.judgements.compare_dock import CompareDock
    from app.judgements.compare_window import CompareWindow
    from app.language.language_window import LanguageWindow
    from app.memos.memo_list import MemoListWindow
    from app.shell.shortcuts_dialog import ShortcutsDialog
    from coding.importing.import_service import ImportReport

#: The window's least first size: a screen without room for it (and a frame) gets a maximised window.
DEFAULT_SIZE = QSize(1440, 900)
#: The share of a larger screen's available area a first start takes (the rest shows the desktop).
FIRST_SHARE = 0.9
#: The screen width from which the default layout runs Memo and details down the whole right side.
WIDE_SCREEN = 1200


def first_size(area: QRect) -> QSize | None:
    """The window's size at a first start on a screen with ``area`` available: 90 % of it on a screen
    with room for :data:`DEFAULT_SIZE` and a frame (1728×945 of a 1920×1050 desktop), ``None`` for a
    maximised window on a smaller one (a 1366×768 laptop: all of it; a window manager's frame is not
    known before the window shows)."""
    if DEFAULT_SIZE.width() > area.width() - 40 or DEFAULT_SIZE.height() > area.height() - 60:
        return None
    return QSize(
        max(round(area.width() * FIRST_SHARE), DEFAULT_SIZE.width()),
        max(round(area.height() * FIRST_SHARE), DEFAULT_SIZE.height()),
    )


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Codewerk")
        self.setDockNestingEnabled(True)
        self.workspace: Workspace | None = None
        #: The document a project just opened shows right after the window's first paint, until then.
        self.first_document: DocumentId | None = None
        self.compare_window: CompareWindow | None = None
        self.compare_dock: CompareDock | None = None
        self.analysis_window: AnalysisWindow | None = None
        self.agreement_window: AgreementWindow | None = None
        self.language_window: LanguageWindow | None = None
        self.attribute_window: AttributeTableWindow | None = None
        self.memo_window: MemoListWindow | None = None
        self.undo_group = QUndoGroup(self)

        self._start: StartScreen | None = None  # built when first shown or asked for (``start``)
        self.panel = TranscriptPanel(self)
        self.view = self.panel.view
        self.pages = QStackedWidget(self)
        self._start_place = QWidget(self.pages)  # the start screen's place until it is built
        self.pages.addWidget(self._start_place)
        self.pages.addWidget(self.panel)
        self.setCentralWidget(self.pages)

        self.documents_dock = DocumentsDock(self)
        self.codebook_dock = CodebookDock(self)
        self.quotes_dock = QuotesDock(self)
        self.details_dock = DetailsDock(self)
        self.docks: list[QDockWidget] = [
            self.documents_dock,
            self.codebook_dock,
            self.quotes_dock,
            self.details_dock,
        ]
        # The player shows when the user asks (View menu) and when a document with a recording opens.
        self.player_dock = PlayerDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.player_dock)
        self.player_dock.hide()
        self.transcript_editor = TranscriptEditor(self.view, self.player_dock, self)  # its edit mode
        self._default_state: QByteArray | None = None
        self.default_layout()
        self.import_dialog: ImportDialog | None = None
        self.file_drop = FileDropTarget(self.documents_dock.tree)  # files dropped on the document list
        self.file_drop.filesDropped.connect(self.import_paths)

        self.controller = CodingController(self.view, self)
        self.window_actions = WindowActions(self, self.undo_group)
        self.recent_menu = self.window_actions.build_menus(
            self, [d.toggleViewAction() for d in (*self.docks, self.player_dock)]
        )
        self.window_actions.install_in_view(self.view)
        field_shortcuts.install()  # Ctrl+E, Ctrl+K … reach the window from a text field on Linux too
        refi_actions.install(
            self.window_actions.exchange_menu,
            self.window_actions.exchange_menu,
            self,
            lambda: self.workspace.project if self.workspace is not None else None,
        )
        self.controller.actions = {
            "pick": self.window_actions.pick,
            "in_vivo": self.window_actions.in_vivo,
            "respondent_words": self.window_actions.respondent_words,
            "snap_sentence": self.window_actions.snap_sentence,
            "snap_turn": self.window_actions.snap_turn,
        }
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(0)
        self._header_timer.timeout.connect(self._refresh_header)
        self.selection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.selection_label)
        self.connection_banner = ConnectionBanner(self)
        self.statusBar().addPermanentWidget(self.connection_banner)
        self.connection_banner.hide()  # adding it showed it; shown only while a server is away
        self.mode_label = QLabel(QCoreApplication.translate("MainWindow", "Click-to-code mode"), self)
        self.mode_label.setObjectName("clickToCodeHint")
        self.mode_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Clicking a code codes the selected passage (Code → Click-to-code mode)"
            )
        )
        self.mode_label.setStyleSheet("QLabel { font-weight: bold; padding: 0 6px; }")
        self.mode_label.hide()
        self.statusBar().addPermanentWidget(self.mode_label)
        window_wiring.connect(self)
        self.window_actions.click_to_code.setChecked(settings.click_to_code())
        self.mode_label.setVisible(self.window_actions.click_to_code.isChecked())
        project_files.show_start(self)
        geometry, _state = settings.window_state()
        first = first_size(self.available_area())
        self.resize(first or DEFAULT_SIZE)
        if geometry is not None:  # the size and place the user left it at win
            self.restoreGeometry(geometry)
        self.fit_to_screen(centre=geometry is None)
        if geometry is None and first is None:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    @property
    def start(self) -> StartScreen:
        """The start screen, built the first time it shows or is asked for: a window started on a
        project (``codewerk gui PROJECT``, a double-clicked file) builds it only when that closes."""
        if self._start is None:
            screen = StartScreen(self)
            current = self.pages.currentIndex()
            self.pages.insertWidget(project_files.START, screen)
            self.pages.removeWidget(self._start_place)
            self._start_place.deleteLater()
            self.pages.setCurrentIndex(current)
            self._start = screen
            window_wiring.connect_start(self)
        return self._start

    # -- the screen -----------------------------------------------------------------------
    def available_area(self) -> QRect:
        """The part of the window's screen it may use (without panels and task bars)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_screen(self, *, centre: bool = False) -> None:
        """Keep the whole window, frame included, on its screen's available area: never wider or
        taller (a saved size from a larger monitor, a fixed default on a laptop)."""
        if self.isMaximized() or self.isFullScreen():
            return
        area = self.available_area()
        frame = self.frameGeometry()
        extra_width = max(frame.width() - self.width(), 0)
        extra_height = max(frame.height() - self.height(), 0)
        width = min(self.width(), area.width() - extra_width)
        height = min(self.height(), area.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        if centre:
            frame.moveCenter(area.center())
        left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
        top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
        if (left, top) != (frame.left(), frame.top()) or centre:
            self.move(left, top)

    def showEvent(self, event: QShowEvent) -> None:
        if self.pages.currentIndex() == project_files.START:  # a window shown without a project
            built = self._start is not None
            screen = self.start  # (building it reads the recent projects)
            if built:
                screen.reload()
        super().showEvent(event)
        for delay in (0, 300):  # the frame's size is known once shown (a window manager adds it later)
            QTimer.singleShot(delay, self.fit_to_screen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.available_area()
        if self.isVisible() and (
            event.size().width() > area.width() or event.size().height() > area.height()
        ):
            QTimer.singleShot(0, self.fit_to_screen)  # something asked for more room than the screen has

    # -- layout ---------------------------------------------------------------------------
    def default_layout(self) -> None:
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        # Memo and details the whole height on the right (a document's facts, attributes and memo need it
        # on a 1366×768 laptop), the quotes under the transcript; on a narrower screen the quotes span
        # the bottom, so that the window's least width (the quote bar's) stays within the screen.
        wide = self.available_area().width() >= WIDE_SCREEN
        self.setCorner(
            Qt.Corner.BottomRightCorner,
            Qt.DockWidgetArea.RightDockWidgetArea if wide else Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        for dock in self.docks:
            dock.setFloating(False)
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.documents_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.codebook_dock)
        self.splitDockWidget(self.documents_dock, self.codebook_dock, Qt.Orientation.Vertical)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.quotes_dock)
        for dock in self.docks:
            dock.show()
        self._size_docks()
        QTimer.singleShot(0, self._size_docks)  # again once the window has its final size

    def _size_docks(self) -> None:
        height = max(self.height(), 600)
        self.resizeDocks(
            [self.documents_dock, self.codebook_dock],
            [int(height * 0.4), int(height * 0.6)],
            Qt.Orientation.Vertical,
        )
        self.resizeDocks([self.documents_dock, self.details_dock], [370, 300], Qt.Orientation.Horizontal)
        # the quotes table shows six rows or more under its filter and review bars on a 1366×768 laptop
        self.resizeDocks([self.quotes_dock], [int(height * 0.44)], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        self.default_layout()

    # -- projects -------------------------------------------------------------------------
    @property
    def last_problem(self) -> str:
        """The last refusal or failure shown in this window (the smoke run prints it)."""
        return operations.last_problem(self)

    def open_project(self, path: Path | str, *, showing: bool = False) -> bool:
        return project_files.open_project(self, path, showing=showing)

    def new_project(self, path: Path | str, codebook: str | None = "rwb") -> bool:
        return project_files.new_project(self, path, codebook)

    def open_demo(self, path: Path | None = None) -> bool:
        return project_files.open_demo(self, path)

    def close_project(self) -> None:
        project_files.close_project(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window goes at once (its layout and size are the same hidden), then its project closes behind
        it as the program ends (``Workspace.close``: what was frozen stays frozen, the file's check runs in a
        thread of its own); it stood on screen 0.25–15 s on the huge project while the file was checked."""
        self.hide()  # unmapped at once (the xcb platform flushes its request)
        project_files.close_project(self, ending=True)
        _geometry, state = settings.window_state()
        settings.save_window_state(self.saveGeometry(), state or QByteArray())
        super().closeEvent(event)

    # -- dialogs --------------------------------------------------------------------------
    def show_preferences(self) -> None:
        """Edit → Preferences…: the language of the window and of exports."""
        from app.shell.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: every shortcut, read from the actions themselves."""
        from app.shell.shortcuts_dialog import ShortcutsDialog, shortcuts_html  # loaded when first used

        text = shortcuts_html(
            self.menuBar(),
            [
                (
                    QCoreApplication.translate("MainWindow", "Codebook panel"),
                    self.codebook_dock.tree.actions(),
                ),
                (
                    QCoreApplication.translate("MainWindow", "Quotes panel"),
                    self.quotes_dock.review_actions.values(),
                ),
            ],
        )
        dialog = ShortcutsDialog(text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About Codewerk"),
            "<b>Codewerk</b><br>{}<br>{}".format(
                QCoreApplication.translate(
                    "MainWindow", "A workbench for qualitative coding of interview transcripts."
                ),
                QCoreApplication.translate(
                    "MainWindow",
                    "Your project is one SQLite file on this computer; Codewerk never uses the network.",
                ),
            ),
        )

    # -- hooks for features built elsewhere ------------------------------------------------
    def import_files(self, *_args: object) -> None:
        """File → Import documents…: the import dialog."""
        self.import_paths([])

    def import_paths(self, paths: list[Path]) -> None:
        """The import dialog with these files and folders chosen (dropped on the document list)."""
        if self.workspace is None:
            operations.tell(
                self,
                QCoreApplication.translate(
                    "MainWindow", "Open or create a project first, then import into it"
                ),
            )
            return
        if self.import_dialog is not None:  # the last one (window-modal: never two at a time)
            self.import_dialog.deleteLater()
        from app.importing.import_dialog import ImportDialog  # parsers and the metadata sheet: on first use

        self.import_dialog = ImportDialog(self.workspace.project, self, paths=paths, workspace=self.workspace)
        self.import_dialog.importFinished.connect(self._imported)
        self.import_dialog.open()

    def _imported(self, report: ImportReport) -> None:
        """After an import: the first document it stored opens in the transcript (as other QDA tools do),
        then the new documents are indexed in the background."""
        stored = [d.id for d in report.imported] + [r.document.id for r in report.replaced]
        if stored:
            self.open_document(stored[0])
            self.index_in_background()

    def export(self) -> None:
        """File → Export…: quotes and judgements to Excel, Word or CSV."""
        if self.workspace is not None:
            from app.exporting.export_dialog import export_project  # loaded when first used, not at start-up

            export_project(self, self.workspace.project)

    def import_review(self, *_args: object, path: Path | None = None) -> LongOperation | None:
        """File → Import supervisor's review…: a review workbook or Word document read back."""
        if self.workspace is None:
            return None
        from app.reviews.review_actions import import_review_file  # loaded when first used

        return import_review_file(self, self.workspace.project, path)

    # -- the windows beside this one (app/shell/extra_windows.py) ---------------------------
    def show_attribute_table(self) -> None:
        extra_windows.show_attribute_table(self)

    def show_memos(self) -> None:
        extra_windows.show_memos(self)

    def compare(self) -> None:
        extra_windows.compare(self)

    def dock_compare(self, docked: bool) -> None:
        extra_windows.dock_compare(self, docked)

    def show_agreement(self) -> None:
        extra_windows.show_agreement(self)

    def analyse(self, tab: str = "cooccurrence") -> None:
        extra_windows.analyse(self, tab)

    def search(self) -> None:
        extra_windows.search(self)

    def index_in_background(self) -> None:
        """Build the search index of new or changed documents in a worker thread, progress in the status bar
        (which documents need it is judged there too: every text hashed, 1.9 s over 2,000 interviews)."""
        if self.workspace is None or self.workspace.project.is_team_project:
            return  # search and suggestions work on project files only
        self.workspace.indexer.start()

    def show_passage(self, document_id: DocumentId, start: int, end: int) -> None:
        """Show a passage in the transcript, selected and centred (from search hits and suggestions)."""
        self.open_document(document_id)
        self.view.select_span(start, end, centre=True)
        self.raise_()
        self.activateWindow()
        self.view.setFocus()

    # -- wiring between the views ---------------------------------------------------------
    def open_document(self, document_id: DocumentId) -> None:
        self.first_document = None  # (a project's first, due after the paint, is not opened after this one)
        if self.workspace is None:
            return
        if self.view.document_id != document_id and not self.workspace.perform(
            lambda: self.view.show_document(document_id)  # reads it all before showing any of it
        ):
            self.documents_dock.set_current(self.view.document_id)  # the list marks what is shown

    def _document_changed(self, document_id: DocumentId | None) -> None:
        self.documents_dock.set_current(document_id)
        if self.workspace is None or document_id is None:
            empty = self.workspace is not None and not self.workspace.project.documents.order()
            self.panel.set_header(None, no_documents=empty)
            return
        model = self.documents_dock.model  # as listed, its count following every change: not counted again
        try:
            document = (model.document(document_id) if model is not None else None) or (
                self.workspace.project.documents.get(document_id)
            )
        except NotFoundError:
            return
        self.panel.set_header(document)
        self.details_dock.show_document(document_id, document)
        self.player_dock.show_document(document_id)
        if self.player_dock.media is not None:
            self.player_dock.show()

    def _after_change(self, _change: object) -> None:
        if not self._header_timer.isActive():
            self._header_timer.start()

    def _refresh_header(self) -> None:
        if self.workspace is not None and self.view.document_id is not None:
            model = self.documents_dock.model  # its counts follow every change already
            listed = model.document(self.view.document_id) if model is not None else None
            try:
                self.panel.set_header(listed or self.workspace.project.documents.get(self.view.document_id))
            except NotFoundError:
                self.panel.set_header(None)
            except ServerUnreachableError:
                pass  # the header stays as it was; the connection banner says the server is away

    def _codes_selected(self, code_ids: list[CodeId]) -> None:
        if self.workspace is None:
            return
        tree = self.workspace.project.codes.tree()
        names = ", ".join(tree.get(c).name for c in code_ids[:3] if c in tree)
        if len(code_ids) > 3:
            names += QCoreApplication.translate("MainWindow", " and {count} more").format(
                count=len(code_ids) - 3
            )
        self.quotes_dock.show_codes(code_ids, names)
        tree_model = self.codebook_dock.model
        if len(code_ids) == 1 and self.view.current_coding is None and tree_model is not None:
            self.details_dock.show_code(code_ids[0], tree_model.total(code_ids[0]))

    def _code_clicked(self, code_id: CodeId) -> None:
        if self.window_actions.click_to_code.isChecked() and self.view.selection_span() is not None:
            self.controller.code_selection(code_id)

    def _current_coding_changed(self, coding_id: CodingId | None) -> None:
        passage = self.view.current_passage()
        if coding_id is None or passage is None:
            if self.view.document_id is not None:
                self.details_dock.show_document(self.view.document_id)
            else:
                self.details_dock.show_nothing()
            return
        model = self.documents_dock.model
        document = model.name_of(passage.document_id) if model is not None else ""
        self.details_dock.show_coding(passage, coding_id, document)

    def _selection_changed(self) -> None:
        span = self.view.selection_span()
        if span is None:
            self.selection_label.setText("")
        else:
            self.selection_label.setText(
                QCoreApplication.translate(
                    "MainWindow", "Selection {start}–{end} ({count} characters)"
                ).format(start=span[0], end=span[1], count=span[1] - span[0])
            )

    def jump_to_quote(self, quote: Quote) -> None:
        """Show a quote in its transcript, centred, with its coding current (outlined, not selected:
        a selection left behind would be coded by the next click on a code in click-to-code mode)."""
        self.open_document(quote.document_id)
        self.view.select_span(quote.start, quote.end, centre=True)
        self.view.clear_selection()
        self.view.set_current_coding(quote.coding_id)
        self.view.setFocus()

    def edit_memo(self) -> None:
        if self.view.current_coding is None:
            operations.tell(
                self, QCoreApplication.translate("MainWindow", "Click a coded passage or its stripe first")
            )
            return
        self.details_dock.show()
        self.details_dock.raise_()
        self.details_dock.memo.setFocus()
