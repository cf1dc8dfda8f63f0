"""Correcting the transcript while listening: the transcript's edit mode.

*Correct transcript* (the Player dock's button, or Ctrl+Shift+E) makes the open transcript
editable: typing changes the text, **F8** types the player's current time as ``[hh:mm:ss]``, and
every pause of the recording jumps back 2 seconds so the words just heard can be heard again.
Leaving the mode (the same button or shortcut, or opening another document) saves the whole
session as one undoable action through the documents' text correction
(:meth:`coding.documents.document_service.DocumentService.correct_text`), which keeps every
coding on its passage, and detects the speakers' turns again so a typed ``[00:12:31] R5:`` times
its turn. If saving is refused (the document changed meanwhile), the message names why and the
mode stays on, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from app.widgets import operations
from coding.core.ids import DocumentId
from coding.media.transcription import stamp

if TYPE_CHECKING:
    from app.media.player_dock import PlayerDock
    from app.shell.workspace import Workspace
    from app.transcript.transcript_view import TranscriptView
    from coding.documents.text_edits import CorrectionResult

# How far every pause jumps back while correcting, in milliseconds.
REWIND_MS = 2000
SHORTCUT = "Ctrl+Shift+E"


class TranscriptEditor(QObject):
    """The edit mode of one transcript view, driven by the player beside it."""

    def __init__(self, view: TranscriptView, player: PlayerDock, window: QWidget) -> None:
        super().__init__(window)
        self.view = view
        self.player = player
        self._document: DocumentId | None = None
        self._workspace: Workspace | None = None  # the project being corrected (kept while it closes)
        self._start = ""  # the stored text the session started from
        self._typed = ""  # the text as typed, kept for saving when another document opens
        self.action = QAction(QCoreApplication.translate("TranscriptEditor", "Correct transcript"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(
            QCoreApplication.translate(
                "TranscriptEditor",
                "Type corrections in the transcript while listening; F8 types the current time, "
                "every pause jumps back 2 s ({shortcut})",
            ).format(shortcut=SHORTCUT)
        )
        self.action.toggled.connect(self._toggled)
        window.addAction(self.action)
        self.button = QToolButton(player)
        self.button.setDefaultAction(self.action)
        self.button.setAccessibleName(QCoreApplication.translate("TranscriptEditor", "Correct transcript"))
        player.controls.addWidget(self.button)
        view.installEventFilter(self)
        view.textChanged.connect(self._text_changed)
        view.documentChanged.connect(self._document_changed)

    @property
    def editing(self) -> bool:
        return self._document is not None

    # -- the session ------------------------------------------------------------------------
    def start(self) -> bool:
        """Enter the edit mode for the open document."""
        view = self.view
        if self.editing:
            return True
        if view.workspace is None or view.document_id is None:
            self._set_checked(False)
            return False
        self._document = view.document_id
        self._workspace = view.workspace
        self._start = self._typed = view.text
        view.set_editing(True)
        self.player.rewind_on_pause = REWIND_MS
        self._set_checked(True)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._workspace is not None:
            self._workspace.tell(
                QCoreApplication.translate(
                    "TranscriptEditor",
                    "Correcting the transcript: type, F8 types the time, Ctrl+Space plays and pauses "
                    "(2 s back); {shortcut} again saves",
                ).format(shortcut=SHORTCUT)
            )
        return True

    def finish(self) -> bool:
        """Save the session (one undoable action) and leave the edit mode; False if saving was
        refused (the mode then stays on)."""
        if not self.editing:
            return True
        if not self._save(self._workspace, self._document, self._start, self.view.edited_text()):
            self._set_checked(True)
            return False
        self._end()
        self.view.set_editing(False)
        return True

    def _end(self) -> None:
        self._document = None
        self._workspace = None
        self.player.rewind_on_pause = 0
        self._set_checked(False)

    def _save(
        self, workspace: Workspace | None, document_id: DocumentId | None, start: str, typed: str
    ) -> bool:
        if workspace is None or document_id is None or typed == start:
            return True
        project = workspace.project

        def correct() -> CorrectionResult:
            name = project.documents.get(document_id).name
            with project.group(
                QCoreApplication.translate("TranscriptEditor", "Correct transcript {name}").format(name=name)
            ):
                result = project.documents.correct_text(document_id, typed, expected=start)
                project.speakers.redetect(document_id)  # a typed label or time makes a turn
            return result

        result = operations.attempt(
            self.view, correct, title=QCoreApplication.translate("TranscriptEditor", "Correct transcript")
        )
        if result is None:
            return False
        if result.lost:
            removed = "; ".join(f"“{p.text}” ({', '.join(p.codes)})" for p in result.lost)
            workspace.tell(
                QCoreApplication.translate(
                    "TranscriptEditor", "Deleted with their words: {count} coded passage(s): {removed}"
                ).format(count=len(result.lost), removed=removed)
            )
        return True

    def _toggled(self, checked: bool) -> None:
        if checked != self.editing:
            if checked:
                self.start()
            else:
                self.finish()

    def _set_checked(self, checked: bool) -> None:
        self.action.blockSignals(True)
        self.action.setChecked(checked)
        self.action.blockSignals(False)

    def _text_changed(self) -> None:
        if self.editing and self.view.document_id == self._document:
            self._typed = self.view.edited_text()

    def _document_changed(self, document_id: DocumentId | None) -> None:
        """Another document (or none) was opened while correcting: save what was typed."""
        if not self.editing or document_id == self._document:
            return
        workspace, edited, start, typed = self._workspace, self._document, self._start, self._typed
        self._end()
        self._save(workspace, edited, start, typed)
        self.view.set_editing(False)  # shows the document now open, read-only again

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and self.editing
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F8
        ):
            self.insert_time()
            return True
        return super().eventFilter(watched, event)

    def insert_time(self) -> None:
        """Type the player's current time at the cursor: ``[00:12:31] ``."""
        self.view.insertPlainText(f"[{stamp(self.player.position() / 1000)}] ")
