"""The main window: start screen or the workbench (transcript, Documents, Codebook, Quotes, details).

Every view refreshes from the workspace's ``changed`` signal; the transcript view is connected first,
so a new coding is painted before the docks catch up. Hook points for features built elsewhere:
``import_files`` (File → Import), ``export`` (File → Export), ``compare`` (View → Compare regions),
``search`` (View → Search and suggestions).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
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
from app.quotes.quotes_dock import QuotesDock
from app.shell import project_copy, settings
from app.shell.actions import WindowActions
from app.shell.connection_banner import ConnectionBanner
from app.shell.start_screen import StartScreen
from app.shell.workspace import Workspace
from app.transcript.coding_controller import CodingController
from app.transcript.transcript_panel import TranscriptPanel
from app.widgets import operations
from app.widgets.file_drop import FileDropTarget
from app.widgets.operations import LongOperation
from coding import Project
from coding.core.errors import NotFoundError
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.records import Quote
from coding.demo import build_demo_project
from coding.project import PROJECT_SUFFIX

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
    from coding.agreement.report import Disagreement

START, WORKBENCH = 0, 1
#: The window's first size, made smaller to fit a smaller screen.
DEFAULT_SIZE = QSize(1440, 900)


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Codewerk")
        self.setDockNestingEnabled(True)
        self.workspace: Workspace | None = None
        self.compare_window: CompareWindow | None = None
        self.compare_dock: CompareDock | None = None
        self.analysis_window: AnalysisWindow | None = None
        self.agreement_window: AgreementWindow | None = None
        self.language_window: LanguageWindow | None = None
        self.attribute_window: AttributeTableWindow | None = None
        self.memo_window: MemoListWindow | None = None
        self.undo_group = QUndoGroup(self)

        self.start = StartScreen(self)
        self.panel = TranscriptPanel(self)
        self.view = self.panel.view
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start)
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
        self._connect()
        self.window_actions.click_to_code.setChecked(settings.click_to_code())
        self.mode_label.setVisible(self.window_actions.click_to_code.isChecked())
        self._show_start()
        self.resize(DEFAULT_SIZE)
        geometry, _state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.fit_to_screen(centre=geometry is None)
        area = self.available_area()
        if geometry is None and (
            DEFAULT_SIZE.width() > area.width() - 40 or DEFAULT_SIZE.height() > area.height() - 60
        ):  # a laptop screen: the whole of it, frame included (a window manager's frame is not known yet)
            self.setWindowState(Qt.WindowState.WindowMaximized)

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
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
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
            [int(height * 0.26), int(height * 0.74)],
            Qt.Orientation.Vertical,
        )
        self.resizeDocks([self.documents_dock, self.details_dock], [370, 300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.quotes_dock], [int(height * 0.3)], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        self.default_layout()

    def _connect(self) -> None:
        a = self.window_actions
        a.new_project.triggered.connect(self.ask_new_project)
        a.open_project.triggered.connect(self.ask_open_project)
        a.open_demo.triggered.connect(lambda: self.open_demo())
        a.import_files.triggered.connect(self.import_files)
        a.export.triggered.connect(self.export)
        a.save_copy.triggered.connect(self.save_copy)
        a.attribute_table.triggered.connect(self.show_attribute_table)
        a.memos.triggered.connect(self.show_memos)
        a.import_review.triggered.connect(self.import_review)
        a.close_project.triggered.connect(self.close_project)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.panel.find_bar.open_bar)
        a.find_next.triggered.connect(self.panel.find_bar.next)
        a.find_previous.triggered.connect(self.panel.find_bar.previous)
        a.coder_name.triggered.connect(self.ask_coder_name)
        a.preferences.triggered.connect(self.show_preferences)
        a.layer_group.triggered.connect(lambda action: self.view.set_layer(action.data()))
        a.agreement.triggered.connect(self.show_agreement)
        a.prepare_package.triggered.connect(lambda: self.second_coder("prepare_package"))
        a.merge_coder.triggered.connect(lambda: self.second_coder("merge_coder"))
        a.undo.triggered.connect(lambda: self.workspace.undo() if self.workspace is not None else None)
        a.redo.triggered.connect(lambda: self.workspace.redo() if self.workspace is not None else None)
        a.pick.triggered.connect(self.controller.open_picker)
        a.in_vivo.triggered.connect(self.controller.code_in_vivo)
        a.respondent_words.triggered.connect(self.controller.open_respondent_picker)
        a.speaker_turns.triggered.connect(lambda: self.controller.open_turns_picker())
        a.speaker_turns_everywhere.triggered.connect(
            lambda: self.controller.open_turns_picker(all_documents=True)
        )
        a.click_to_code.toggled.connect(settings.set_click_to_code)
        a.paragraph_numbers.setChecked(settings.flag("transcript/numbers", True))
        self.view.margin.set_numbers(a.paragraph_numbers.isChecked())
        a.paragraph_numbers.toggled.connect(self.view.margin.set_numbers)
        a.paragraph_numbers.toggled.connect(lambda shown: settings.set_flag("transcript/numbers", shown))
        a.click_to_code.toggled.connect(self.mode_label.setVisible)
        a.snap_sentence.triggered.connect(self.controller.snap_to_sentence)
        a.snap_turn.triggered.connect(self.controller.snap_to_turn)
        a.start_earlier.triggered.connect(lambda: self.controller.nudge("start", later=False))
        a.start_later.triggered.connect(lambda: self.controller.nudge("start", later=True))
        a.end_earlier.triggered.connect(lambda: self.controller.nudge("end", later=False))
        a.end_later.triggered.connect(lambda: self.controller.nudge("end", later=True))
        a.span_to_selection.triggered.connect(self.controller.span_to_selection)
        a.edit_memo.triggered.connect(self.edit_memo)
        a.uncode.triggered.connect(lambda: self.controller.uncode())
        for key, action in enumerate(a.favourite_keys, start=1):
            action.triggered.connect(lambda _checked=False, k=key: self.controller.code_with_key(k))
        a.compare.triggered.connect(self.compare)
        a.cooccurrence.triggered.connect(lambda: self.analyse("cooccurrence"))
        a.code_matrix.triggered.connect(lambda: self.analyse("matrix"))
        a.search.triggered.connect(self.search)
        a.reset_layout.triggered.connect(self.reset_layout)
        a.speakers.triggered.connect(self.show_speakers)
        a.anonymise.triggered.connect(self.anonymise)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.start.newRequested.connect(self.ask_new_project)
        self.start.openRequested.connect(self.ask_open_project)
        self.start.demoRequested.connect(lambda: self.open_demo())
        self.start.connectRequested.connect(self.connect_team)
        self.start.recentRequested.connect(self.open_project)

        self.documents_dock.documentActivated.connect(self.open_document)
        self.codebook_dock.codesSelected.connect(self._codes_selected)
        self.codebook_dock.codeClicked.connect(self._code_clicked)
        self.codebook_dock.passageDropped.connect(self.controller.code_passage)
        self.quotes_dock.jumpRequested.connect(self.jump_to_quote)
        self.quotes_dock.jumpRequested.connect(self.player_dock.play_quote)  # after the jump: its document
        self.details_dock.codingChosen.connect(self.view.set_current_coding)
        self.details_dock.uncodeRequested.connect(self.controller.uncode)
        self.view.currentCodingChanged.connect(self._current_coding_changed)
        self.view.documentChanged.connect(self._document_changed)
        self.view.turnClicked.connect(self.player_dock.play_turn)
        self.player_dock.playingTurnChanged.connect(
            lambda turn: self.view.set_playing_turn(turn, follow=self.player_dock.follow.isChecked())
        )
        self.view.selectionChanged.connect(self._selection_changed)

    # -- projects -------------------------------------------------------------------------
    @property
    def last_problem(self) -> str:
        """The last refusal or failure shown in this window (the smoke run prints it)."""
        return operations.last_problem(self)

    def open_project(self, path: Path | str) -> bool:
        project = operations.attempt(
            self,
            lambda: _open_as_coder(path),
            notice=True,
            title=QCoreApplication.translate("MainWindow", "Open project"),
        )
        if project is None:
            settings.forget_project(Path(path))
            self.start.reload()
            return False
        self._set_project(project)
        return True

    def connect_team(self) -> bool:
        """Start screen → Connect to a team project…: where the server is, who the user is."""
        from app.shell.team_connect import TeamConnectDialog

        dialog = TeamConnectDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if not self.open_project(dialog.url()):
            return False
        dialog.keep()
        return True

    def new_project(self, path: Path | str, codebook: str | None = "rwb") -> bool:
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        project = operations.attempt(
            self,
            lambda: Project.create(path, codebook=codebook, coder=settings.coder_name()),
            notice=True,
            title=QCoreApplication.translate("MainWindow", "New project"),
        )
        if project is None:
            return False
        self._set_project(project)
        return True

    def open_demo(self, path: Path | None = None) -> bool:
        path = path or settings.demo_path()
        if path.exists():
            return self.open_project(path)
        project = operations.attempt(
            self,
            lambda: build_demo_project(path, coder=settings.coder_name() or "demo"),
            notice=True,
            title=QCoreApplication.translate("MainWindow", "Demo project"),
        )
        if project is None:
            return False
        self._set_project(project)
        return True

    def _set_project(self, project: Project) -> None:
        self.close_project()
        workspace = Workspace(project, self)
        self.workspace = workspace
        workspace.changed.connect(self.view.on_change)  # first: the transcript paints before the docks
        workspace.changed.connect(self._after_change)
        self.undo_group.addStack(workspace.undo_stack)
        self.undo_group.setActiveStack(workspace.undo_stack)
        workspace.indexer.finished.connect(
            lambda report: (
                None
                if report.cancelled
                else workspace.tell(QCoreApplication.translate("MainWindow", "Search index ready"))
            )
        )
        self.view.set_workspace(workspace)
        for dock in (self.documents_dock, self.codebook_dock, self.quotes_dock, self.details_dock):
            dock.set_workspace(workspace)
        self.player_dock.set_workspace(workspace)
        if project.is_team_project:  # the recent list keeps files (an address may hold a password)
            self.setWindowTitle(f"Codewerk — {project.path.name} (team project, {project.role})")
            workspace.reachability.connect(self.connection_banner.show_reachable)
        else:
            settings.remember_project(project.path)
            self.setWindowTitle(f"Codewerk — {project.path.name}")
        self.pages.setCurrentIndex(WORKBENCH)
        self.window_actions.set_project_open(True)
        _geometry, state = settings.window_state()
        if state is None or not self.restoreState(state):
            self.default_layout()
        for dock_widget in self.docks:
            dock_widget.toggleViewAction().setEnabled(True)
        model = self.documents_dock.model
        documents = model.documents() if model is not None else project.documents.list()
        if documents:  # the first document with codings, else the first: one document loaded
            self.open_document(next((d for d in documents if d.coding_count), documents[0]).id)
        workspace.tell(
            QCoreApplication.translate(
                "MainWindow", "Opened {location} — every action is saved at once"
            ).format(location=project.location)
        )
        workspace.settle()

    def close_project(self) -> None:
        if self.workspace is None:
            return
        self.details_dock.save_memo()
        self._save_layout()
        workspace = self.workspace
        self.workspace = None
        if self.compare_dock is not None and self.compare_window is not None:
            view = self.compare_dock.give_back()  # the view goes with its window
            if view is not None:
                self.compare_window.take_back(view)
            self.compare_dock.hide()
        if self.attribute_window is not None:
            self.attribute_window.model.detach()
        if self.memo_window is not None:
            self.memo_window.detach()
        for extra in (
            self.compare_window,
            self.analysis_window,
            self.language_window,
            self.agreement_window,
            self.attribute_window,
            self.memo_window,
        ):
            if extra is not None:
                extra.close()
                extra.deleteLater()
        self.compare_window = None
        self.analysis_window = None
        self.agreement_window = None
        self.language_window = None
        self.attribute_window = None
        self.memo_window = None
        for dock in (self.documents_dock, self.codebook_dock, self.quotes_dock, self.details_dock):
            dock.set_workspace(None)
        self.player_dock.set_workspace(None)
        self.view.set_workspace(None)
        self.undo_group.removeStack(workspace.undo_stack)
        workspace.close()
        workspace.deleteLater()
        self._show_start()

    def _show_start(self) -> None:
        self.setWindowTitle("Codewerk")
        self.start.reload()
        self.pages.setCurrentIndex(START)
        self.window_actions.set_project_open(False)
        self.player_dock.hide()
        for dock in self.docks:
            dock.hide()
            dock.toggleViewAction().setEnabled(False)
        self.panel.set_header(None)

    def _save_layout(self) -> None:
        if self.workspace is not None:
            settings.save_window_state(self.saveGeometry(), self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_project()
        _geometry, state = settings.window_state()
        settings.save_window_state(self.saveGeometry(), state or QByteArray())
        super().closeEvent(event)

    # -- dialogs --------------------------------------------------------------------------
    def ask_new_project(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "New project"),
            str(Path.home() / f"studie{PROJECT_SUFFIX}"),
            f"Codewerk projects (*{PROJECT_SUFFIX})",
        )
        if not name:
            return
        choices = ["Regionale Werkbedrijven (built-in codebook “rwb”)", "Empty code tree"]
        choice, ok = QInputDialog.getItem(
            self,
            QCoreApplication.translate("MainWindow", "New project"),
            QCoreApplication.translate("MainWindow", "Start with:"),
            choices,
            0,
            False,
        )
        if ok:
            self.new_project(name, "rwb" if choice == choices[0] else None)

    def ask_open_project(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Open project"),
            str(Path.home()),
            f"Codewerk projects (*{PROJECT_SUFFIX});;All files (*)",
        )
        if name:
            self.open_project(name)

    def show_preferences(self) -> None:
        """Edit → Preferences…: the language of the window and of exports."""
        from app.shell.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    def ask_coder_name(self) -> None:
        current = self.workspace.project.coder if self.workspace else (settings.coder_name() or "")
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Your name"),
            QCoreApplication.translate("MainWindow", "Name stored with your codings and reviews:"),
            text=current,
        )
        if ok and name.strip():
            settings.set_coder_name(name.strip())
            if self.workspace is not None:
                self.workspace.project.coder = name.strip()
                if self.quotes_dock.model is not None:
                    self.quotes_dock.model.set_codes(self.quotes_dock.model.codes)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = settings.recent_projects()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_project(p))
        if not paths:
            empty = self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "No recent projects"))
            empty.setEnabled(False)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: every shortcut, read from the actions themselves."""
        from app.shell.shortcuts_dialog import ShortcutsDialog, shortcuts_html  # loaded when first used

        text = shortcuts_html(
            self.menuBar(),
            [
                ("Codebook panel", self.codebook_dock.tree.actions()),
                ("Quotes panel", self.quotes_dock.review_actions.values()),
            ],
        )
        dialog = ShortcutsDialog(text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Codewerk",
            "<b>Codewerk</b><br>A workbench for qualitative coding of interview transcripts.<br>"
            "Your project is one SQLite file on this computer; Codewerk never uses the network.",
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

        self.import_dialog = ImportDialog(self.workspace.project, self, paths=paths)
        self.import_dialog.importFinished.connect(lambda _report: self.index_in_background())
        self.import_dialog.open()

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

    def show_attribute_table(self) -> None:
        """Tools → Documents × attributes…: the attributes of every document, edited like a spreadsheet."""
        if self.workspace is None:
            return
        if self.attribute_window is None:
            from app.documents.attribute_table import AttributeTableWindow  # loaded when first used

            self.attribute_window = AttributeTableWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
        self.attribute_window.show()
        self.attribute_window.raise_()
        self.attribute_window.activateWindow()

    def show_memos(self) -> None:
        """Tools → Memos…: every memo, filterable, double-click goes to its object; the project memo."""
        if self.workspace is None:
            return
        if self.memo_window is None:
            from app.memos.memo_list import MemoListWindow  # loaded when first used

            self.memo_window = MemoListWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
            self.memo_window.documentRequested.connect(self._show_from_memos)
            self.memo_window.codeRequested.connect(self.codebook_dock.select_code)
            self.memo_window.codingRequested.connect(self._coding_from_memos)
        self.memo_window.show()
        self.memo_window.raise_()
        self.memo_window.activateWindow()

    def _show_from_memos(self, document_id: DocumentId) -> None:
        self.open_document(document_id)
        self.raise_()
        self.activateWindow()

    def _coding_from_memos(self, coding_id: CodingId) -> None:
        if self.workspace is not None:
            quote = next((q for q in self.workspace.project.quotes() if q.coding_id == coding_id), None)
            if quote is not None:
                self.jump_to_quote(quote)
                self.raise_()
                self.activateWindow()

    def save_copy(self) -> None:
        """File → Save a copy…: the project file copied elsewhere (a backup)."""
        if self.workspace is not None:
            project_copy.save_copy(self, self.workspace.project)

    def compare(self) -> None:
        """View → Compare regions…: the judgement grid in its own window."""
        if self.workspace is None:
            return
        if self.compare_window is None:
            from app.judgements.compare_window import CompareWindow  # Qt Charts: loaded when first used

            self.compare_window = CompareWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
            self.compare_window.dockRequested.connect(lambda: self.dock_compare(True))
        if settings.flag("compare/docked"):
            self.dock_compare(True)
            return
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()

    def dock_compare(self, docked: bool) -> None:
        """Compare regions as a panel of this window (``True``) or in its own window (``False``)."""
        window = self.compare_window
        if window is None:
            return
        from app.judgements.compare_dock import CompareDock  # with the Compare window, on first use

        if self.compare_dock is None:
            self.compare_dock = CompareDock(self)
            self.compare_dock.undockRequested.connect(lambda: self.dock_compare(False))
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
            self.tabifyDockWidget(self.quotes_dock, self.compare_dock)
        settings.set_flag("compare/docked", docked)
        window.view.save_pending()
        if docked:
            if self.compare_dock.view is None:
                window.remember()
                self.compare_dock.take(window.view)
            window.hide()
            self.compare_dock.show()
            self.compare_dock.raise_()
        else:
            view = self.compare_dock.give_back()
            if view is not None:
                window.take_back(view)
            self.compare_dock.hide()
            window.show()
            window.raise_()
            window.activateWindow()

    def show_agreement(self) -> None:
        """Analysis → Intercoder agreement (Ctrl+Shift+A): figures, method and disagreements."""
        if self.workspace is None:
            return
        if self.agreement_window is None:
            from app.agreement.agreement_window import AgreementWindow  # loaded when first used

            self.agreement_window = AgreementWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
            self.agreement_window.showRequested.connect(self.show_unit)
        self.agreement_window.show()
        self.agreement_window.raise_()
        self.agreement_window.activateWindow()

    def show_unit(self, unit: Disagreement) -> None:
        """A disagreement in its transcript, with every coder's stripes."""
        self.window_actions.layers["all"].setChecked(True)
        self.view.set_layer("all")
        self.open_document(unit.document_id)
        self.view.select_span(unit.start, unit.end, centre=True)

    def second_coder(self, action: str) -> None:
        """File → Second coder → Prepare package… / Merge a coder's project…"""
        if self.workspace is not None:
            from app.agreement import second_coder  # loaded when first used

            getattr(second_coder, action)(self, self.workspace.project)

    def analyse(self, tab: str = "cooccurrence") -> None:
        """Analysis → Co-occurrence… / Code × case matrix…: the heat maps in their own window."""
        if self.workspace is None:
            return
        if self.analysis_window is None:
            from app.analysis.analysis_window import AnalysisWindow  # loaded when first used

            self.analysis_window = AnalysisWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
            self.analysis_window.cooccurrence.jumpRequested.connect(self.jump_to_quote)
            self.analysis_window.matrix.jumpRequested.connect(self.jump_to_quote)
        self.analysis_window.show_tab(tab)
        self.analysis_window.show()
        self.analysis_window.raise_()
        self.analysis_window.activateWindow()

    def search(self) -> None:
        """View → Search and suggestions…: search, suggestion queue and frequencies in their own window."""
        if self.workspace is None:
            return
        if self.language_window is None:
            from app.language.language_window import (
                LanguageWindow,
            )  # search, suggestions, charts: on first use

            self.language_window = LanguageWindow(
                self.workspace, [self.window_actions.undo, self.window_actions.redo], self
            )
            self.language_window.passageRequested.connect(self.show_passage)
        self.language_window.show()
        self.language_window.raise_()
        self.language_window.activateWindow()

    def index_in_background(self) -> None:
        """Build the search index of new or changed documents in a worker thread, progress in the status bar."""
        if self.workspace is None or not self.workspace.indexer.needs_indexing():
            return
        self.workspace.indexer.start()

    def show_speakers(self) -> None:
        """Tools → Speakers…: detected speakers, renaming, interviewer marks, label patterns."""
        if self.workspace is not None:
            from app.speakers.speakers_dialog import SpeakersDialog  # loaded when first used

            dialog = SpeakersDialog(self.workspace.project, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exec()

    def anonymise(self) -> None:
        """Tools → Anonymise names…: the respondent register and confirmed replacements."""
        if self.workspace is not None:
            from app.language.anonymise_dialog import AnonymiseDialog  # loaded when first used

            AnonymiseDialog(self.workspace.bridge, self).exec()

    def show_passage(self, document_id: DocumentId, start: int, end: int) -> None:
        """Show a passage in the transcript, selected and centred (from search hits and suggestions)."""
        self.open_document(document_id)
        self.view.select_span(start, end, centre=True)
        self.raise_()
        self.activateWindow()
        self.view.setFocus()

    # -- wiring between the views ---------------------------------------------------------
    def open_document(self, document_id: DocumentId) -> None:
        if self.workspace is None:
            return
        if self.view.document_id != document_id:
            self.view.show_document(document_id)

    def _document_changed(self, document_id: DocumentId | None) -> None:
        self.documents_dock.set_current(document_id)
        if self.workspace is None or document_id is None:
            self.panel.set_header(None)
            return
        try:
            document = self.workspace.project.documents.get(document_id)
        except NotFoundError:
            return
        self.panel.set_header(document)
        self.details_dock.show_document(document_id)
        self.player_dock.show_document(document_id)
        if self.player_dock.media is not None:
            self.player_dock.show()

    def _after_change(self, _change: object) -> None:
        if not self._header_timer.isActive():
            self._header_timer.start()

    def _refresh_header(self) -> None:
        if self.workspace is not None and self.view.document_id is not None:
            try:
                self.panel.set_header(self.workspace.project.documents.get(self.view.document_id))
            except NotFoundError:
                self.panel.set_header(None)

    def _codes_selected(self, code_ids: list[CodeId]) -> None:
        if self.workspace is None:
            return
        tree = self.workspace.project.codes.tree()
        names = ", ".join(tree.get(c).name for c in code_ids[:3] if c in tree)
        if len(code_ids) > 3:
            names += f" and {len(code_ids) - 3} more"
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
        documents = self.documents_dock.model.documents() if self.documents_dock.model else []
        document = next((d.name for d in documents if d.id == passage.document_id), "")
        self.details_dock.show_coding(passage, coding_id, document)

    def _selection_changed(self) -> None:
        span = self.view.selection_span()
        if span is None:
            self.selection_label.setText("")
        else:
            self.selection_label.setText(f"Selection {span[0]}–{span[1]} ({span[1] - span[0]} characters)")

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


def _open_as_coder(path: Path | str) -> Project:
    """Open a project under the window's coder name, unless it is a package made for a coder."""
    project = Project.open(path)
    name = settings.coder_name()
    if project.preset_coder is None and name and not project.is_team_project:  # a team knows its logins
        project.coder = name
    return project
