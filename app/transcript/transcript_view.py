"""The transcript: read-only text with coded passages painted in their codes' colours.

Highlights are painted beneath the text for the visible lines only, straight from a
:class:`PassageIndex`; nothing is written into the document, so there is no format undo history and
a change of codings costs one query plus a repaint, however long the transcript.
All positions exchanged with the services are code points; Qt's UTF-16 positions are converted with
the document's :class:`Utf16Index` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from app.shell.workspace import Workspace
from app.transcript.coding_margin import CodingMargin
from app.transcript.speaker_highlighter import SpeakerHighlighter
from app.transcript.transcript_pointer import TranscriptPointer
from coding import Aspect, Change
from coding.core.coder_layers import passages_in_layer
from coding.core.errors import NotFoundError
from coding.core.ids import CodingId, DocumentId, PassageId
from coding.core.records import PassageInfo, TurnInfo
from coding.core.text import normalise_text
from coding.core.text_positions import Utf16Index
from coding.passages.lazy_stripes import LazyStripes
from coding.passages.passage_index import PassageIndex
from coding.passages.stripe_layout import line_starts

#: What the transcript paints: the document's text, its coded passages and their codes' colours.
PAINTED = (Aspect.DOCUMENTS, Aspect.CODINGS, Aspect.CODES)
#: More places than this in one change: the whole document is read again at once.
SPLICE_LIMIT = 50


class TranscriptView(TranscriptPointer):
    """Shows one document; emits the coding the user points at."""

    documentChanged = Signal(object)  # DocumentId | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setAccessibleName(QCoreApplication.translate("TranscriptView", "Transcript"))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        self.setFont(font)
        self.viewport().setMouseTracking(True)
        self.workspace: Workspace | None = None
        self.document_id: DocumentId | None = None
        self.text = ""
        self.utf16 = Utf16Index("")
        self.turns: list[TurnInfo] = []
        self.index = PassageIndex()
        #: The stripes beside the text, laid out as the margin shows them.
        self.stripes = LazyStripes(self.index, [0])
        self.current_coding: CodingId | None = None
        #: The turn the player is in while it plays (tinted), else None.
        self.playing_turn: TurnInfo | None = None
        #: Whose codings are painted: "all", "mine", "others" or "consensus" (View → Coder layer).
        self.layer = "all"
        #: The user is correcting the text (the edit mode, ``app/media/transcript_editing.py``).
        self.editing = False
        self._line_starts = [0]
        self._fills: dict[PassageId, QColor] = {}
        self._boundary_drag: tuple[PassageInfo, str] | None = None
        self._drag_preview: tuple[int, int] | None = None
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self.menu_builder: Callable[[QPoint], QMenu] | None = None
        self._highlighter = SpeakerHighlighter(self.document())
        self.margin = CodingMargin(self)
        self.updateRequest.connect(self.margin.follow)

    # -- project and document ---------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.clear_document()

    def clear_document(self) -> None:
        self.document_id = None
        self.text = ""
        self.utf16 = Utf16Index("")
        self.turns = []
        self.playing_turn = None
        self._highlighter.set_turns("", [], self.utf16)
        self.setPlainText("")
        self._set_passages([])
        self.documentChanged.emit(None)

    def show_document(self, document_id: DocumentId) -> None:
        """Load a document with its speaker labels, highlights and stripes."""
        assert self.workspace is not None
        documents = self.workspace.project.documents
        with self.workspace.loading():  # tens of thousands of turns and passages in a long one
            text = documents.text(document_id)
            turns = documents.turns(document_id)
            passages = self.workspace.project.codings.passages(document_id, text=text)
        self.document_id = document_id
        self.text = text
        self.utf16 = Utf16Index(text)
        self.turns = turns
        self._line_starts = line_starts(text)
        self.current_coding = None
        self.playing_turn = None
        self._highlighter.set_turns(text, self.turns, self.utf16)
        self.setPlainText(text)
        self._set_passages(passages)
        self.documentChanged.emit(document_id)

    def on_change(self, change: Change) -> None:
        """Refresh from one committed change (the project bridge's signal): only the places of
        the open document the change names (:meth:`Change.spans`), else the whole document."""
        if self.workspace is None or self.document_id is None or self.editing:
            return  # while correcting, the text is shown as typed; it is read again afterwards
        if not change.touches(*PAINTED):
            return  # reviews, memos, judgements, attributes, settings: nothing to repaint here
        if not change.affects_document(self.document_id) and not change.touches(Aspect.CODES):
            return
        if not change.touches(Aspect.CODES, Aspect.DOCUMENTS):
            spans = change.spans(self.document_id)
            if spans is not None and len(spans) <= SPLICE_LIMIT:
                self._splice(spans)
                return
        if change.touches(Aspect.DOCUMENTS):
            try:
                text = self.workspace.project.documents.text(self.document_id)
            except NotFoundError:
                self.clear_document()
                return
            if text != self.text:
                self.show_document(self.document_id)
                return
        if change.touches(Aspect.CODINGS, Aspect.CODES):
            self._set_passages(self.workspace.project.codings.passages(self.document_id, text=self.text))

    def _splice(self, spans: Iterable[tuple[int, int]]) -> None:
        """Re-read only the passages overlapping the spans and put them in place; lay out again
        only the stripes of the paragraphs around them."""
        assert self.workspace is not None and self.document_id is not None
        project = self.workspace.project
        places = [(start, max(end, start + 1)) for start, end in spans]
        # A passage there now either was shown there before or lies in a span the change names:
        # none starts before the earliest of those (the read then skips the passages before it).
        shown = [p.start for place in places for p in self.index.overlapping(*place)[:1]]
        earliest = min([start for start, _end in places] + shown, default=0)
        for start, end in places:
            fresh = passages_in_layer(
                project.codings.passages(
                    self.document_id, start, end, text=self.text, starting_from=earliest
                ),
                self.layer,
                project.coder,
            )
            for passage in self.stripes.replace(start, end, fresh):
                self._fills.pop(passage.id, None)
            self.index = self.stripes.index
        self.margin.set_lanes(self.stripes.lanes)
        self.viewport().update()
        self.margin.update()
        if self.current_coding is not None and self.index.passage_of(self.current_coding) is None:
            self.current_coding = None
            self.currentCodingChanged.emit(None)

    def set_layer(self, layer: str) -> None:
        """Paint only the codings of one coder layer (mine, other coders', all, consensus)."""
        if layer != self.layer:
            self.layer = layer
            if self.workspace is not None and self.document_id is not None:
                self._set_passages(self.workspace.project.codings.passages(self.document_id, text=self.text))

    def _set_passages(self, passages: list[PassageInfo]) -> None:
        if self.workspace is not None:
            passages = passages_in_layer(passages, self.layer, self.workspace.project.coder)
        self.index = PassageIndex(passages)
        self._relayout()
        if self.current_coding is not None and self.index.passage_of(self.current_coding) is None:
            self.current_coding = None
            self.currentCodingChanged.emit(None)

    def _relayout(self) -> None:
        rank = self.code_tree().order() if self.workspace is not None else {}
        self.stripes = LazyStripes(self.index, self._line_starts, rank)
        self._fills = {}
        self.margin.set_lanes(self.stripes.lanes)
        self.viewport().update()
        self.margin.update()

    # -- correcting (the edit mode) ----------------------------------------------------------
    def set_editing(self, editing: bool) -> None:
        """Let the user type in the transcript, or stop and show the stored text again. While
        editing, nothing painted from stored positions is shown (they move as the user types),
        changes are not read in, and Ctrl+Z undoes typing."""
        if editing == self.editing:
            return
        self.editing = editing
        self.setReadOnly(not editing)
        self.setUndoRedoEnabled(editing)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextEditorInteraction
            if editing
            else Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        if editing:  # plain text while it changes: labels and passages are painted again afterwards
            self.playing_turn = None
            self._set_passages([])
            self._highlighter.clear()
        elif self.workspace is not None and self.document_id is not None:
            cursor = self.cursor_offset()
            self.show_document(self.document_id)
            self.select_span(cursor, cursor)

    def edited_text(self) -> str:
        """The text as typed, in Codewerk's normal form (NFC, ``\n`` line breaks)."""
        raw = self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
        return normalise_text(raw)

    def set_search_matches(self, matches: list[tuple[int, int]]) -> None:
        """Outline these ranges (the find bar's hits)."""
        self._matches = matches
        self._match_starts = [m[0] for m in matches]
        self.viewport().update()

    def refresh_palette(self) -> None:
        self._fills = {}
        self._highlighter.refresh_palette()
        self.viewport().update()
        self.margin.update()
