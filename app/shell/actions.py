"""The window's actions, menus and toolbar, with the usual shortcuts.

Actions are created here and connected by the main window. Hooks for features built elsewhere
(import, export, compare, search) are named actions whose slots live on the main window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from app.widgets.translated import layer_name
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
        self.new_project = make(
            QCoreApplication.translate("WindowActions", "&New project…"),
            QKeySequence.StandardKey.New,
            QCoreApplication.translate("WindowActions", "Create a new project file"),
        )
        self.open_project = make(
            QCoreApplication.translate("WindowActions", "&Open…"),
            QKeySequence.StandardKey.Open,
            QCoreApplication.translate("WindowActions", "Open a project file"),
        )
        self.open_demo = make(
            QCoreApplication.translate("WindowActions", "Open &demo project"),
            tip=QCoreApplication.translate(
                "WindowActions", "Open the bundled demo project (six Dutch interviews)"
            ),
        )
        self.import_files = make(
            QCoreApplication.translate("WindowActions", "&Import documents…"),
            "Ctrl+Shift+I",
            QCoreApplication.translate("WindowActions", "Import transcripts with their metadata"),
        )
        self.export = make(
            QCoreApplication.translate("WindowActions", "&Export…"),
            "Ctrl+E",
            QCoreApplication.translate("WindowActions", "Export quotes and judgements"),
        )
        self.save_copy = make(
            QCoreApplication.translate("WindowActions", "Save a &copy…"),
            "Ctrl+Shift+S",
            QCoreApplication.translate(
                "WindowActions", "Copy the project file (a backup; you go on working in this one)"
            ),
        )
        self.import_review = make(
            QCoreApplication.translate("WindowActions", "Import supervisor's &review…"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "Read a review workbook or Word document back: the supervisor's marks and comments",
            ),
        )
        self.import_guide = make(
            QCoreApplication.translate("WindowActions", "Import interview &guide…"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "Attach the numbered questions of a guide document (.docx, .txt) to the codes with those references",
            ),
        )
        self.close_project = make(
            QCoreApplication.translate("WindowActions", "&Close project"), QKeySequence.StandardKey.Close
        )
        self.quit = make(QCoreApplication.translate("WindowActions", "&Quit"), QKeySequence.StandardKey.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit
        self.undo = undo_group.createUndoAction(window, QCoreApplication.translate("WindowActions", "&Undo"))
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo = undo_group.createRedoAction(window, QCoreApplication.translate("WindowActions", "&Redo"))
        # Qt puts the prefix before the step ("Undo Rename code"); Dutch puts the verb after it
        # ("Code hernoemen ongedaan maken"), so the text is set from a template per language,
        # after Qt's own update (connected later, so it runs later).
        undo_group.undoTextChanged.connect(self._name_undo)
        undo_group.redoTextChanged.connect(self._name_redo)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Fixed labels on the tool bar (the buttons never shift); what would be undone is in the
        # menu and in the button's tooltip.
        self.undo.setIconText(QCoreApplication.translate("WindowActions", "Undo"))
        self.redo.setIconText(QCoreApplication.translate("WindowActions", "Redo"))
        # The group keeps their text and enabled state; triggering goes through the workspace
        # (Workspace.undo/redo), so the stack moves only when the project took the step.
        self.undo.triggered.disconnect()
        self.redo.triggered.disconnect()
        self.find = make(
            QCoreApplication.translate("WindowActions", "&Find in transcript…"),
            QKeySequence.StandardKey.Find,
            QCoreApplication.translate("WindowActions", "Find words in the open transcript"),
        )
        self.find_next = make(
            QCoreApplication.translate("WindowActions", "Find &next"), QKeySequence.StandardKey.FindNext
        )
        self.find_previous = make(
            QCoreApplication.translate("WindowActions", "Find &previous"),
            QKeySequence.StandardKey.FindPrevious,
        )
        self.coder_name = make(
            QCoreApplication.translate("WindowActions", "Your &name as coder…"),
            tip=QCoreApplication.translate("WindowActions", "The name stored with your codings and reviews"),
        )

        self.preferences = make(
            QCoreApplication.translate("WindowActions", "&Preferences…"),
            QKeySequence.StandardKey.Preferences,
            QCoreApplication.translate("WindowActions", "The language of the window and of exports"),
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        # Code
        self.pick = make(
            QCoreApplication.translate("WindowActions", "&Code with…"),
            "Ctrl+K",
            QCoreApplication.translate("WindowActions", "Code the selection: search the codebook (Ctrl+K)"),
        )
        self.in_vivo = make(
            QCoreApplication.translate("WindowActions", "&In-vivo code"),
            "Ctrl+I",
            QCoreApplication.translate(
                "WindowActions", "Code the selection with a new code named after its words"
            ),
        )
        self.respondent_words = make(
            QCoreApplication.translate("WindowActions", "Code &respondent's words only…"),
            "Ctrl+Shift+K",
            QCoreApplication.translate(
                "WindowActions",
                "Code the selection without the interviewer's turns in it (each answer its own passage)",
            ),
        )
        self.speaker_turns = make(
            QCoreApplication.translate("WindowActions", "Code all turns of this &speaker…"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "Code every turn of the speaker at the cursor, in this document, with one code",
            ),
        )
        self.speaker_turns_everywhere = make(
            QCoreApplication.translate("WindowActions", "Code all turns of this speaker in all &documents…"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "Code every turn of the speaker at the cursor, in every document, with one code",
            ),
        )
        self.click_to_code = make(
            QCoreApplication.translate("WindowActions", "Click-to-code &mode"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "While on, clicking a code in the Codebook codes the selected passage "
                "(off: clicking a code only shows its quotes)",
            ),
        )
        self.click_to_code.setCheckable(True)
        self.click_to_code.setChecked(False)
        self.snap_sentence = make(
            QCoreApplication.translate("WindowActions", "Snap to &sentence"),
            "Alt+S",
            QCoreApplication.translate("WindowActions", "Extend the selection to whole sentences"),
        )
        self.snap_turn = make(
            QCoreApplication.translate("WindowActions", "Snap to speaker &turn"),
            "Alt+T",
            QCoreApplication.translate("WindowActions", "Extend the selection to whole speaker turns"),
        )
        self.start_earlier = make(
            QCoreApplication.translate("WindowActions", "Passage start one word earlier"),
            "Alt+Shift+Left",
        )
        self.start_later = make(
            QCoreApplication.translate("WindowActions", "Passage start one word later"),
            "Alt+Shift+Right",
        )
        self.end_earlier = make(
            QCoreApplication.translate("WindowActions", "Passage end one word earlier"),
            "Alt+Left",
        )
        self.end_later = make(
            QCoreApplication.translate("WindowActions", "Passage end one word later"),
            "Alt+Right",
        )
        self.span_to_selection = make(
            QCoreApplication.translate("WindowActions", "Passage &boundaries to selection"),
            "Ctrl+B",
            QCoreApplication.translate("WindowActions", "Give the clicked passage the selected extent"),
        )
        self.edit_memo = make(
            QCoreApplication.translate("WindowActions", "Edit &memo"),
            "Ctrl+M",
            QCoreApplication.translate("WindowActions", "Write a memo on the clicked coding"),
        )
        self.uncode = make(
            QCoreApplication.translate("WindowActions", "&Remove coding"),
            QKeySequence.StandardKey.Delete,
            QCoreApplication.translate("WindowActions", "Remove the clicked coding"),
        )
        self.uncode.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.favourite_keys: list[QAction] = []
        for key in range(1, 10):
            action = make(
                QCoreApplication.translate("WindowActions", "Code with favourite {key}").format(key=key),
                str(key),
            )
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.favourite_keys.append(action)

        # View
        self.compare = make(
            QCoreApplication.translate("WindowActions", "&Compare regions…"),
            "Ctrl+Shift+C",
            QCoreApplication.translate("WindowActions", "Judge every concept per region"),
        )
        self.cooccurrence = make(
            QCoreApplication.translate("WindowActions", "&Co-occurrence…"),
            tip=QCoreApplication.translate(
                "WindowActions",
                "Which codes apply together: codes × codes per passage, sentence, turn or document",
            ),
        )
        self.code_matrix = make(
            QCoreApplication.translate("WindowActions", "Code × case &matrix…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Codes × documents or attribute values, as counts or presence (0/1)"
            ),
        )
        self.search = make(
            QCoreApplication.translate("WindowActions", "&Search and suggestions…"),
            "Ctrl+Shift+F",
            QCoreApplication.translate("WindowActions", "Search all transcripts and get coding suggestions"),
        )
        self.paragraph_numbers = make(
            QCoreApplication.translate("WindowActions", "&Paragraph numbers"),
            tip=QCoreApplication.translate(
                "WindowActions", "Number the transcript's paragraphs in the margin, for citing (R12 ¶14)"
            ),
        )
        self.paragraph_numbers.setCheckable(True)
        self.paragraph_numbers.setChecked(True)
        self.reset_layout = make(
            QCoreApplication.translate("WindowActions", "Reset &layout"),
            tip=QCoreApplication.translate("WindowActions", "Put the panels back where they started"),
        )
        # View → Coder layer: whose codings the transcript paints (issue 15)
        self.layer_group = QActionGroup(window)
        self.layers: dict[str, QAction] = {}
        for layer, english in LAYERS.items():
            text = layer_name(layer, english)
            action = make(
                text,
                tip=QCoreApplication.translate(
                    "WindowActions", "The transcript shows the codings of: {layer}"
                ).format(layer=text.lower()),
            )
            action.setCheckable(True)
            action.setChecked(layer == "all")
            action.setData(layer)
            self.layer_group.addAction(action)
            self.layers[layer] = action
        self.agreement = make(
            QCoreApplication.translate("WindowActions", "Intercoder &agreement…"),
            "Ctrl+Shift+A",
            QCoreApplication.translate(
                "WindowActions",
                "Compare two coders: κ, α and percent agreement per code, and every disagreement to resolve",
            ),
        )
        self.guide = make(
            QCoreApplication.translate("WindowActions", "Interview &guide…"),
            "Ctrl+Alt+G",
            QCoreApplication.translate(
                "WindowActions",
                "Every answer under its guide question, per interview; review the matched questions",
            ),
        )
        self.prepare_package = make(
            QCoreApplication.translate("WindowActions", "&Prepare package…"),
            tip=QCoreApplication.translate(
                "WindowActions", "A project file for a second coder: the documents and codebook, no codings"
            ),
        )
        self.merge_coder = make(
            QCoreApplication.translate("WindowActions", "&Merge a coder's project…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Bring a second coder's codings, memos and judgements in as theirs"
            ),
        )

        # Tools
        self.speakers = make(
            QCoreApplication.translate("WindowActions", "&Speakers…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Detected speakers: rename, mark interviewers, label patterns"
            ),
        )
        self.anonymise = make(
            QCoreApplication.translate("WindowActions", "&Anonymise names…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Replace names of people, places and organisations"
            ),
        )
        self.memos = make(
            QCoreApplication.translate("WindowActions", "&Memos…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Every memo of the project, filterable, and the project memo"
            ),
        )
        self.attribute_table = make(
            QCoreApplication.translate("WindowActions", "Documents × a&ttributes…"),
            tip=QCoreApplication.translate(
                "WindowActions", "Every document's attributes in one table, edited like a spreadsheet"
            ),
        )

        # Help
        self.shortcuts = make(
            QCoreApplication.translate("WindowActions", "&Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents,
        )
        self.about = make(QCoreApplication.translate("WindowActions", "&About Codewerk"))
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
            self.anonymise, self.import_review, self.import_guide, *self.favourite_keys, *self.layers.values(), self.agreement,
            self.guide, self.prepare_package, self.merge_coder,
        ]  # fmt: skip

    def _name_undo(self, step: str) -> None:
        if step:
            text = QCoreApplication.translate("WindowActions", "&Undo {step}").format(step=_shown(step))
        else:
            text = QCoreApplication.translate("WindowActions", "&Undo")
        self.undo.setText(text)

    def _name_redo(self, step: str) -> None:
        if step:
            text = QCoreApplication.translate("WindowActions", "&Redo {step}").format(step=_shown(step))
        else:
            text = QCoreApplication.translate("WindowActions", "&Redo")
        self.redo.setText(text)

    def set_project_open(self, open_: bool) -> None:
        for action in self.project_actions:
            action.setEnabled(open_)

    def install_in_view(self, view: QWidget) -> None:
        """Keys that only make sense in the transcript: 1–9 and Delete."""
        view.addActions([*self.favourite_keys, self.uncode])

    def build_menus(self, window: QMainWindow, docks: Sequence[QAction]) -> QMenu:
        """Menus and toolbar; returns the Open recent menu (filled when shown)."""
        bar = window.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("WindowActions", "&File"))
        file_menu.addActions([self.new_project, self.open_project, self.open_demo])
        recent = file_menu.addMenu(QCoreApplication.translate("WindowActions", "Open &recent"))
        recent.setObjectName("recentMenu")
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_files, self.export, self.import_review, self.import_guide, self.save_copy]
        )
        self.exchange_menu = file_menu.addMenu(
            QCoreApplication.translate("WindowActions", "E&xchange with other QDA tools (REFI-QDA)")
        )
        self.exchange_menu.setObjectName("exchangeMenu")
        second = file_menu.addMenu(QCoreApplication.translate("WindowActions", "&Second coder"))
        second.setObjectName("secondCoderMenu")
        second.addActions([self.prepare_package, self.merge_coder])
        file_menu.addSeparator()
        file_menu.addActions([self.close_project, self.quit])

        edit = bar.addMenu(QCoreApplication.translate("WindowActions", "&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addActions([self.coder_name, self.preferences])

        code = bar.addMenu(QCoreApplication.translate("WindowActions", "&Code"))
        code.addActions([self.pick, self.in_vivo])
        favourites = code.addMenu(QCoreApplication.translate("WindowActions", "Code with &favourite"))
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

        view = bar.addMenu(QCoreApplication.translate("WindowActions", "&View"))
        view.addActions(list(docks))
        view.addSeparator()
        view.addActions([self.compare, self.search])
        layers = view.addMenu(QCoreApplication.translate("WindowActions", "Coder &layer"))
        layers.setObjectName("coderLayerMenu")
        layers.addActions(list(self.layers.values()))
        view.addSeparator()
        view.addAction(self.paragraph_numbers)
        view.addAction(self.reset_layout)

        analysis = bar.addMenu(QCoreApplication.translate("WindowActions", "&Analysis"))
        analysis.addActions([self.cooccurrence, self.code_matrix])
        analysis.addSeparator()
        analysis.addAction(self.agreement)
        analysis.addAction(self.guide)

        tools = bar.addMenu(
            QCoreApplication.translate("WindowActions", "T&ools")
        )  # Alt+T is "snap to speaker turn"
        tools.addActions([self.speakers, self.anonymise, self.attribute_table, self.memos])

        help_menu = bar.addMenu(QCoreApplication.translate("WindowActions", "&Help"))
        help_menu.addActions([self.shortcuts, self.about])

        toolbar = QToolBar(QCoreApplication.translate("WindowActions", "Main toolbar"), window)
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


def _shown(step: str) -> str:
    """A step's name inside a menu text: its own ampersands doubled, so they show and are no access key."""
    return step.replace("&", "&&")
