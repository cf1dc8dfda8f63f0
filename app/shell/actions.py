"""The window's actions, menus and toolbar, with the usual shortcuts.

Actions are created here and connected by the main window. Hooks for features built elsewhere
(import, export, compare, search) are named actions whose slots live on the main window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from coding.core.coder_layers import LAYERS

Shortcut = str | QKeySequence | QKeySequence.StandardKey


class WindowActions:
    """Every action of the main window, by attribute name."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup) -> None:
        self.window = window

        def make(text: str, shortcut: Shortcut | Sequence[Shortcut] | None = None, tip: str = "") -> QAction:
            action = QAction(text, window)
            if shortcut is not None:
                keys = (
                    [shortcut]
                    if isinstance(shortcut, str | QKeySequence | QKeySequence.StandardKey)
                    else shortcut
                )
                sequences: list[QKeySequence] = []
                for key in keys:
                    sequences.extend(
                        QKeySequence.keyBindings(key)
                        if isinstance(key, QKeySequence.StandardKey)
                        else [QKeySequence(key)]
                    )
                action.setShortcuts(sequences)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            return action

        # File
        self.new_project = make("&New project…", QKeySequence.StandardKey.New, "Create a new project file")
        self.open_project = make("&Open…", QKeySequence.StandardKey.Open, "Open a project file")
        self.open_demo = make(
            "Open &demo project", tip="Open the bundled demo project (six Dutch interviews)"
        )
        self.import_files = make(
            "&Import documents…", "Ctrl+Shift+I", "Import transcripts with their metadata"
        )
        self.export = make("&Export…", "Ctrl+E", "Export quotes and judgements")
        self.save_copy = make(
            "Save a &copy…", "Ctrl+Shift+S", "Copy the project file (a backup; you go on working in this one)"
        )
        self.import_review = make(
            "Import supervisor's &review…",
            tip="Read a review workbook or Word document back: the supervisor's marks and comments",
        )
        self.close_project = make("&Close project", QKeySequence.StandardKey.Close)
        self.quit = make("&Quit", QKeySequence.StandardKey.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit
        self.undo = undo_group.createUndoAction(window, "&Undo")
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo = undo_group.createRedoAction(window, "&Redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Fixed labels on the tool bar (the buttons never shift); what would be undone is in the
        # menu and in the button's tooltip.
        self.undo.setIconText("Undo")
        self.redo.setIconText("Redo")
        # The group keeps their text and enabled state; triggering goes through the workspace
        # (Workspace.undo/redo), so the stack moves only when the project took the step.
        self.undo.triggered.disconnect()
        self.redo.triggered.disconnect()
        self.find = make(
            "&Find in transcript…", QKeySequence.StandardKey.Find, "Find words in the open transcript"
        )
        self.find_next = make("Find &next", QKeySequence.StandardKey.FindNext)
        self.find_previous = make("Find &previous", QKeySequence.StandardKey.FindPrevious)
        self.coder_name = make("Your &name as coder…", tip="The name stored with your codings and reviews")

        # Code
        self.pick = make("&Code with…", "Ctrl+K", "Code the selection: search the codebook (Ctrl+K)")
        self.in_vivo = make(
            "&In-vivo code", "Ctrl+I", "Code the selection with a new code named after its words"
        )
        self.respondent_words = make(
            "Code &respondent's words only…",
            "Ctrl+Shift+K",
            "Code the selection without the interviewer's turns in it (each answer its own passage)",
        )
        self.speaker_turns = make(
            "Code all turns of this &speaker…",
            tip="Code every turn of the speaker at the cursor, in this document, with one code",
        )
        self.speaker_turns_everywhere = make(
            "Code all turns of this speaker in all &documents…",
            tip="Code every turn of the speaker at the cursor, in every document, with one code",
        )
        self.click_to_code = make(
            "Click-to-code &mode",
            tip="While on, clicking a code in the Codebook codes the selected passage "
            "(off: clicking a code only shows its quotes)",
        )
        self.click_to_code.setCheckable(True)
        self.click_to_code.setChecked(False)
        self.snap_sentence = make("Snap to &sentence", "Alt+S", "Extend the selection to whole sentences")
        self.snap_turn = make("Snap to speaker &turn", "Alt+T", "Extend the selection to whole speaker turns")
        self.start_earlier = make("Passage start one word earlier", "Alt+Shift+Left")
        self.start_later = make("Passage start one word later", "Alt+Shift+Right")
        self.end_earlier = make("Passage end one word earlier", "Alt+Left")
        self.end_later = make("Passage end one word later", "Alt+Right")
        self.span_to_selection = make(
            "Passage &boundaries to selection", "Ctrl+B", "Give the clicked passage the selected extent"
        )
        self.edit_memo = make("Edit &memo", "Ctrl+M", "Write a memo on the clicked coding")
        self.uncode = make("&Remove coding", QKeySequence.StandardKey.Delete, "Remove the clicked coding")
        self.uncode.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.favourite_keys: list[QAction] = []
        for key in range(1, 10):
            action = make(f"Code with favourite {key}", str(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.favourite_keys.append(action)

        # View
        self.compare = make("&Compare regions…", "Ctrl+Shift+C", "Judge every concept per region")
        self.cooccurrence = make(
            "&Co-occurrence…",
            tip="Which codes apply together: codes × codes per passage, sentence, turn or document",
        )
        self.code_matrix = make(
            "Code × case &matrix…", tip="Codes × documents or attribute values, as counts or presence (0/1)"
        )
        self.search = make(
            "&Search and suggestions…", "Ctrl+Shift+F", "Search all transcripts and get coding suggestions"
        )
        self.paragraph_numbers = make(
            "&Paragraph numbers", tip="Number the transcript's paragraphs in the margin, for citing (R12 ¶14)"
        )
        self.paragraph_numbers.setCheckable(True)
        self.paragraph_numbers.setChecked(True)
        self.reset_layout = make("Reset &layout", tip="Put the panels back where they started")
        # View → Coder layer: whose codings the transcript paints (issue 15)
        self.layer_group = QActionGroup(window)
        self.layers: dict[str, QAction] = {}
        for layer, text in LAYERS.items():
            action = make(text, tip=f"The transcript shows the codings of: {text.lower()}")
            action.setCheckable(True)
            action.setChecked(layer == "all")
            action.setData(layer)
            self.layer_group.addAction(action)
            self.layers[layer] = action
        self.agreement = make(
            "Intercoder &agreement…",
            "Ctrl+Shift+A",
            "Compare two coders: κ, α and percent agreement per code, and every disagreement to resolve",
        )
        self.prepare_package = make(
            "&Prepare package…",
            tip="A project file for a second coder: the documents and codebook, no codings",
        )
        self.merge_coder = make(
            "&Merge a coder's project…",
            tip="Bring a second coder's codings, memos and judgements in as theirs",
        )

        # Tools
        self.speakers = make("&Speakers…", tip="Detected speakers: rename, mark interviewers, label patterns")
        self.anonymise = make("&Anonymise names…", tip="Replace names of people, places and organisations")
        self.memos = make("&Memos…", tip="Every memo of the project, filterable, and the project memo")
        self.attribute_table = make(
            "Documents × a&ttributes…",
            tip="Every document's attributes in one table, edited like a spreadsheet",
        )

        # Help
        self.shortcuts = make("&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents)
        self.about = make("&About Codewerk")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        # Keys that work wherever the focus is, in every window of Codewerk (a text field, the Compare
        # or Search window), unless a dialog is open.
        self.application_wide = [
            self.new_project, self.open_project, self.import_files, self.export, self.save_copy, self.quit,
            self.compare, self.search, self.shortcuts,
        ]  # fmt: skip
        for action in self.application_wide:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        self.project_actions = [
            self.import_files, self.export, self.save_copy, self.close_project, self.find, self.find_next, self.find_previous,
            self.pick, self.in_vivo, self.respondent_words, self.speaker_turns, self.speaker_turns_everywhere,
            self.snap_sentence, self.snap_turn, self.start_earlier, self.start_later,
            self.end_earlier, self.end_later, self.span_to_selection, self.edit_memo, self.uncode,
            self.compare, self.cooccurrence, self.code_matrix, self.search, self.reset_layout, self.speakers,
            self.anonymise, self.import_review, *self.favourite_keys, *self.layers.values(), self.agreement,
            self.prepare_package, self.merge_coder,
        ]  # fmt: skip

    def set_project_open(self, open_: bool) -> None:
        for action in self.project_actions:
            action.setEnabled(open_)

    def install_in_view(self, view: QWidget) -> None:
        """Keys that only make sense in the transcript: 1–9 and Delete."""
        view.addActions([*self.favourite_keys, self.uncode])

    def build_menus(self, window: QMainWindow, docks: Sequence[QAction]) -> QMenu:
        """Menus and toolbar; returns the Open recent menu (filled when shown)."""
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_project, self.open_project, self.open_demo])
        recent = file_menu.addMenu("Open &recent")
        recent.setObjectName("recentMenu")
        file_menu.addSeparator()
        file_menu.addActions([self.import_files, self.export, self.import_review, self.save_copy])
        self.exchange_menu = file_menu.addMenu("E&xchange with other QDA tools (REFI-QDA)")
        self.exchange_menu.setObjectName("exchangeMenu")
        second = file_menu.addMenu("&Second coder")
        second.setObjectName("secondCoderMenu")
        second.addActions([self.prepare_package, self.merge_coder])
        file_menu.addSeparator()
        file_menu.addActions([self.close_project, self.quit])

        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addAction(self.coder_name)

        code = bar.addMenu("&Code")
        code.addActions([self.pick, self.in_vivo])
        favourites = code.addMenu("Code with &favourite")
        favourites.addActions(self.favourite_keys)
        code.addAction(self.click_to_code)
        code.addSeparator()
        code.addActions([self.respondent_words, self.speaker_turns, self.speaker_turns_everywhere])
        code.addSeparator()
        code.addActions([self.snap_sentence, self.snap_turn])
        code.addSeparator()
        code.addActions(
            [self.start_earlier, self.start_later, self.end_earlier, self.end_later, self.span_to_selection]
        )
        code.addSeparator()
        code.addActions([self.edit_memo, self.uncode])

        view = bar.addMenu("&View")
        view.addActions(list(docks))
        view.addSeparator()
        view.addActions([self.compare, self.search])
        layers = view.addMenu("Coder &layer")
        layers.setObjectName("coderLayerMenu")
        layers.addActions(list(self.layers.values()))
        view.addSeparator()
        view.addAction(self.paragraph_numbers)
        view.addAction(self.reset_layout)

        analysis = bar.addMenu("&Analysis")
        analysis.addActions([self.cooccurrence, self.code_matrix])
        analysis.addSeparator()
        analysis.addAction(self.agreement)

        tools = bar.addMenu("T&ools")  # Alt+T is "snap to speaker turn"
        tools.addActions([self.speakers, self.anonymise, self.attribute_table, self.memos])

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.about])

        toolbar = QToolBar("Main toolbar", window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        toolbar.addActions([self.open_project, self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.pick, self.in_vivo, self.snap_sentence, self.snap_turn])
        toolbar.addSeparator()
        toolbar.addActions([self.find, self.compare])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return recent
