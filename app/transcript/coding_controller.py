"""Coding the open transcript: every way of coding, uncoding and adjusting a passage ends up here.

The controller turns a user gesture (a click on a code, a number key, a drop, the picker, a stripe
drag, a key press) into one call of the coding service, reports in the status bar through
``app.widgets.operations``, and keeps the view's current coding in step. Qt-free rules (snapping, word steps) live in ``coding``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.codebook.code_picker import CodePicker
from app.shell.workspace import Workspace
from app.transcript.coding_margin import code_label
from app.transcript.transcript_view import TranscriptView
from app.widgets import operations
from app.widgets.long_operation import Progress
from app.widgets.mime import Passage
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.records import CodingInfo, TurnInfo
from coding.core.text import trim_span
from coding.passages import snapping
from coding.speakers.speaker_service import PassageResult

_T = TypeVar("_T")


class _Abandoned(Exception):
    """A create-and-apply group whose second part failed (already reported): roll it all back."""


class CodingController(QObject):
    def __init__(self, view: TranscriptView, window: QWidget) -> None:
        super().__init__(window)
        self.view = view
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.pick_code: Callable[[CodePicker], None] = lambda picker: picker.open()
        view.margin.spanRequested.connect(self.set_span)
        view.spanRequested.connect(self.set_span)
        view.menu_builder = self.context_menu
        #: While a create-and-apply group is built: what to show once it is committed.
        self._after: list[Callable[[], None]] | None = None

    @property
    def workspace(self) -> Workspace | None:
        return self.view.workspace

    # -- coding ---------------------------------------------------------------------------
    def code_selection(self, code_id: CodeId) -> CodingInfo | None:
        """Code the selected passage of the open transcript."""
        span = self.view.selection_span()
        if span is None or self.view.document_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController", "Select a passage in the transcript first, then choose a code"
                ),
            )
            return None
        return self.code_passage(Passage(self.view.document_id, *span), code_id)

    def code_passage(self, passage: Passage, code_id: CodeId) -> CodingInfo | None:
        workspace = self.workspace
        if workspace is None:
            return None
        project = workspace.project
        coding = workspace.attempt(
            lambda: project.codings.code(passage.document_id, code_id, passage.start, passage.end)
        )
        if coding is not None:
            if coding.document_id == self.view.document_id:
                self._show(lambda: self._current(coding.id))
            name = project.codes.get(code_id).name
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController", "Coded “{text}” with {code}  (Ctrl+Z undoes)"
                ).format(text=_short(coding.text), code=name),
            )
        return coding

    def code_with_key(self, key: int) -> CodingInfo | None:
        workspace = self.workspace
        if workspace is None:
            return None
        # The favourites are a project setting, read from the project: a team project's server
        # that went away is reported like any other failed action (nothing coded).
        found = workspace.attempt(lambda: (workspace.favourites.on_key(key),))
        if found is None:
            return None
        code_id = found[0]
        if code_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController",
                    "No favourite code on key {key}: select a code in the Codebook and press Ctrl+D",
                ).format(key=key),
            )
            return None
        return self.code_selection(code_id)

    def code_in_vivo(self) -> CodingInfo | None:
        workspace = self.workspace
        span = self.view.selection_span()
        if workspace is None or span is None or self.view.document_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController", "Select the words to use as the new code's name first"
                ),
            )
            return None
        document_id = self.view.document_id
        coding = workspace.attempt(lambda: workspace.project.codings.code_in_vivo(document_id, *span))
        if coding is not None:
            self.view.set_current_coding(coding.id)
            self.view.clear_selection()
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController", "In-vivo code “{code}” created and applied"
                ).format(code=workspace.project.codes.get(coding.code_id).name),
            )
        return coding

    def open_picker(self) -> CodePicker | None:
        """The searchable code picker for the selection (Ctrl+K and the context menu)."""
        workspace = self.workspace
        if workspace is None:
            return None
        if self.view.selection_span() is None:
            operations.tell(
                self.window,
                QCoreApplication.translate("CodingController", "Select a passage in the transcript first"),
            )
            return None
        picker = CodePicker(workspace.project.codes.tree(), self.view)
        picker.picked.connect(self.code_selection)
        picker.createRequested.connect(self.create_and_code)
        self.pick_code(picker)
        return picker

    def create_and_code(self, name: str) -> CodingInfo | None:
        """Create an inductive top-level code and code the selection with it: one undo step."""
        return self._create_then(
            name, QCoreApplication.translate("CodingController", "code passage"), self.code_selection
        )

    def _create_then(self, name: str, what: str, action: Callable[[CodeId], _T | None]) -> _T | None:
        """Create an inductive top-level code and apply it with ``action``: one undo group, so
        when applying fails (reported by ``action``) the new code goes too."""
        workspace = self.workspace
        if workspace is None:
            return None
        project = workspace.project
        self._after = []
        result: _T | None = None
        try:
            with project.group(
                QCoreApplication.translate("CodingController", "Create code {name} and {what}").format(
                    name=name, what=what
                )
            ):
                code = workspace.attempt(lambda: project.codes.create(name))
                result = action(code.id) if code is not None else None
                if result is None:
                    raise _Abandoned
        except _Abandoned:
            result = None
        finally:
            after, self._after = self._after, None
        if result is not None:
            for step in after:  # what shows the result, now that the group is committed and announced
                step()
        return result

    def _current(self, coding_id: CodingId) -> None:
        """Make the new coding the view's current one (the selection it came from is done)."""
        self.view.set_current_coding(coding_id)
        self.view.clear_selection()

    def _show(self, step: Callable[[], None]) -> None:
        """Show a result in the view now, or when the group being built is committed."""
        if self._after is None:
            step()
        else:
            self._after.append(step)

    def _picker(
        self,
        title: str,
        picked: Callable[[CodeId], object],
        what: str,
        created: Callable[[str], object] | None = None,
    ) -> CodePicker | None:
        """A code picker: ``picked(code_id)``; a new code's name typed is created and applied as one
        undo group (``_create_then``), or handed to ``created(name)`` to do that itself."""
        workspace = self.workspace
        if workspace is None:
            return None
        picker = CodePicker(workspace.project.codes.tree(), self.view, title=title)
        picker.picked.connect(picked)
        picker.createRequested.connect(created or (lambda name: self._create_then(name, what, picked)))
        self.pick_code(picker)
        return picker

    # -- coding by speaker ----------------------------------------------------------------
    def turn_at(self, offset: int) -> TurnInfo | None:
        """The speaker turn of the open transcript that holds ``offset`` (with a speaker), or None."""
        return next(
            (t for t in self.view.turns if t.speaker and t.start <= offset <= t.end),
            None,
        )

    def open_turns_picker(
        self, speaker: str | None = None, *, all_documents: bool = False
    ) -> CodePicker | None:
        """Pick a code for every turn of a speaker (default: the one at the cursor), in the open
        document or in all documents (Code → Code all turns of the speaker…, the context menu)."""
        if self.workspace is None or self.view.document_id is None:
            return None
        if speaker is None:
            turn = self.turn_at(self.cursor_or_selection_start())
            if turn is None:
                operations.tell(
                    self.window,
                    QCoreApplication.translate(
                        "CodingController",
                        "Put the cursor in a speaker's turn first (a line that starts with R5: or the like)",
                    ),
                )
                return None
            speaker = turn.speaker
        where = (
            QCoreApplication.translate("CodingController", "in all documents")
            if all_documents
            else QCoreApplication.translate("CodingController", "in this document")
        )
        documents = None if all_documents else [self.view.document_id]
        chosen = speaker
        return self._picker(
            QCoreApplication.translate(
                "CodingController", "Code all turns of {speaker} {where} with…"
            ).format(speaker=speaker, where=where),
            lambda code_id: self.code_turns(code_id, chosen, documents),
            QCoreApplication.translate("CodingController", "code all turns of {speaker}").format(
                speaker=speaker
            ),
            lambda name: self.code_turns(None, chosen, documents, new_code=name),
        )

    def code_turns(
        self,
        code_id: CodeId | None,
        speaker: str,
        documents: list[DocumentId] | None = None,
        *,
        new_code: str | None = None,
    ) -> WriteOperation | None:
        """Code the words of every turn of ``speaker`` (in ``documents``, or all) with a code, or with
        a top-level code ``new_code`` created for it (one undo group): one undo step, written in a worker
        thread (all documents' turns of the interviewer: 200,000 codings at ten times the corpus), a
        busy bar with Cancel in the status line; what was coded is told when it lands."""
        workspace = self.workspace
        if workspace is None:
            return None
        project = workspace.project
        what = QCoreApplication.translate("CodingController", "turn(s) of {speaker}").format(speaker=speaker)
        if new_code is None:
            assert code_id is not None
            code = project.codes.get(code_id).name
            chosen = code_id

            def work(_progress: Progress) -> PassageResult:
                return project.speakers.code_turns(chosen, speaker, documents=documents)

        else:
            code = new_code
            group = QCoreApplication.translate("CodingController", "Create code {name} and {what}").format(
                name=new_code,
                what=QCoreApplication.translate("CodingController", "code all turns of {speaker}").format(
                    speaker=speaker
                ),
            )

            def work(_progress: Progress) -> PassageResult:
                with project.group(group):  # the new code goes too when coding fails or is undone
                    created = project.codes.create(new_code)
                    return project.speakers.code_turns(created.id, speaker, documents=documents)

        def coded(result: PassageResult | None) -> None:
            if result is not None:  # None: cancelled, nothing was coded
                operations.tell(self.window, _passages_told(result, what, code))

        return write_in_worker(
            self.window,
            project,
            work,
            title=QCoreApplication.translate(
                "CodingController", "Code all turns of {speaker} with {code}"
            ).format(speaker=speaker, code=code),
            success=coded,
            show="status",
            cancellable=True,
        )

    def open_respondent_picker(self) -> CodePicker | None:
        """Pick a code for the selection without the interviewer's turns in it (Code menu)."""
        if self.workspace is None:
            return None
        if self.view.selection_span() is None or self.view.document_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate("CodingController", "Select a passage in the transcript first"),
            )
            return None
        return self._picker(
            QCoreApplication.translate(
                "CodingController", "Code the respondent's words in the selection with…"
            ),
            self.code_respondent_words,
            QCoreApplication.translate("CodingController", "code the respondent's words"),
        )

    def code_respondent_words(self, code_id: CodeId) -> PassageResult | None:
        """Code each part of the selection that is not the interviewer's: one undo step."""
        workspace = self.workspace
        span = self.view.selection_span()
        document_id = self.view.document_id
        if workspace is None or span is None or document_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate("CodingController", "Select a passage in the transcript first"),
            )
            return None
        project = workspace.project
        result = workspace.attempt(
            lambda: project.speakers.code_respondent_words(document_id, code_id, *span)
        )
        if result is not None:
            operations.tell(
                self.window,
                _passages_told(
                    result,
                    QCoreApplication.translate("CodingController", "respondent part(s)"),
                    project.codes.get(code_id).name,
                ),
            )
            if result.codings:
                first = result.codings[0]
                self._show(lambda: self._current(first))
        return result

    def cursor_or_selection_start(self) -> int:
        span = self.view.selection_span()
        return span[0] if span is not None else self.view.cursor_offset()

    # -- extending the selection ----------------------------------------------------------
    def _selection_or_cursor(self) -> tuple[int, int]:
        span = self.view.selection_span()
        if span is not None:
            return span
        offset = self.view.cursor_offset()
        return offset, offset

    def snap_to_sentence(self) -> None:
        if self.view.document_id is None:
            return
        start, end = snapping.sentence_span(self.view.text, *self._selection_or_cursor(), self.view.turns)
        if start < end:
            self.view.select_span(start, end)

    def snap_to_turn(self) -> None:
        if self.view.document_id is None:
            return
        start, end = snapping.turn_span(self.view.text, *self._selection_or_cursor(), self.view.turns)
        if start < end:
            self.view.select_span(start, end)

    # -- adjusting a coded passage --------------------------------------------------------
    def set_span(self, passage_id: PassageId, start: int, end: int) -> bool:
        workspace = self.workspace
        if workspace is None:
            return False
        start, end = trim_span(self.view.text, start, end)
        passage = self.view.index.get(passage_id)
        if start >= end or (passage is not None and (passage.start, passage.end) == (start, end)):
            return False
        done = workspace.perform(lambda: workspace.project.codings.set_span(passage_id, start, end))
        if done:
            self.view.clear_selection()
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController", "Passage now {start}–{end}  (Ctrl+Z undoes)"
                ).format(start=start, end=end),
            )
        return done

    def nudge(self, boundary: str, later: bool) -> bool:
        """Move the current passage's start or end by one word."""
        passage = self.view.current_passage()
        if passage is None:
            operations.tell(
                self.window,
                QCoreApplication.translate("CodingController", "Click a coded passage or its stripe first"),
            )
            return False
        text = self.view.text
        start, end = passage.start, passage.end
        if boundary == "start":
            start = (snapping.start_later if later else snapping.start_earlier)(text, start, end)
        else:
            end = (snapping.end_later if later else snapping.end_earlier)(text, start, end)
        return self.set_span(passage.id, start, end)

    def span_to_selection(self) -> bool:
        """Give the current passage the boundaries of the selection."""
        passage = self.view.current_passage()
        span = self.view.selection_span()
        if passage is None or span is None:
            operations.tell(
                self.window,
                QCoreApplication.translate(
                    "CodingController",
                    "Click a coded passage first, then select its new extent and press Ctrl+B",
                ),
            )
            return False
        current = self.view.current_coding
        done = self.set_span(passage.id, *span)
        self.view.set_current_coding(current)
        return done

    def uncode(self, coding_id: CodingId | None = None) -> bool:
        workspace = self.workspace
        coding_id = coding_id if coding_id is not None else self.view.current_coding
        if workspace is None or coding_id is None:
            operations.tell(
                self.window,
                QCoreApplication.translate("CodingController", "Click a coded passage or its stripe first"),
            )
            return False
        done = workspace.perform(lambda: workspace.project.codings.uncode(coding_id))
        if done:
            operations.tell(
                self.window, QCoreApplication.translate("CodingController", "Coding removed  (Ctrl+Z undoes)")
            )
        return done

    # -- the context menu -----------------------------------------------------------------
    def context_menu(self, point: QPoint) -> QMenu:
        view = self.view
        menu = QMenu(view)
        menu.setObjectName("transcriptMenu")
        has_selection = view.selection_span() is not None
        workspace = self.workspace
        if workspace is not None and view.document_id is not None:
            if "pick" in self.actions:
                menu.addAction(self.actions["pick"])
            favourites = workspace.favourites.list()[:9]
            if favourites:
                sub = menu.addMenu(QCoreApplication.translate("CodingController", "Code with favourite"))
                tree = workspace.project.codes.tree()
                for key, code_id in enumerate(favourites, start=1):
                    action = sub.addAction(f"&{key}  {code_label(tree.get(code_id))}")
                    action.setEnabled(has_selection)
                    action.triggered.connect(lambda _c=False, c=code_id: self.code_selection(c))
            for name in ("respondent_words", "in_vivo", "snap_sentence", "snap_turn"):
                if name in self.actions:
                    menu.addAction(self.actions[name])
            turn = self.turn_at(view.offset_at(point))
            if turn is not None:
                menu.addSeparator()
                here = menu.addAction(
                    QCoreApplication.translate(
                        "CodingController", "Code all turns of {speaker} in this document with…"
                    ).format(speaker=_short(turn.speaker, 30))
                )
                here.setObjectName("codeTurnsHere")
                here.triggered.connect(lambda _c=False, s=turn.speaker: self.open_turns_picker(s))
                everywhere = menu.addAction(
                    QCoreApplication.translate(
                        "CodingController", "Code all turns of {speaker} in all documents with…"
                    ).format(speaker=_short(turn.speaker, 30))
                )
                everywhere.setObjectName("codeTurnsEverywhere")
                everywhere.triggered.connect(
                    lambda _c=False, s=turn.speaker: self.open_turns_picker(s, all_documents=True)
                )
            passages = view.index.at(view.offset_at(point))
            if passages:
                menu.addSeparator()
                tree = workspace.project.codes.tree()
                for passage in passages:
                    for application in passage.codings:
                        if application.code_id not in tree:
                            continue
                        label = code_label(tree.get(application.code_id))
                        select = menu.addAction(
                            QCoreApplication.translate("CodingController", "Select passage “{label}”").format(
                                label=_short(label, 40)
                            )
                        )
                        select.triggered.connect(
                            lambda _c=False, c=application.coding_id: view.set_current_coding(c, select=True)
                        )
                        remove = menu.addAction(
                            QCoreApplication.translate("CodingController", "Remove coding “{label}”").format(
                                label=_short(label, 40)
                            )
                        )
                        remove.triggered.connect(lambda _c=False, c=application.coding_id: self.uncode(c))
            menu.addSeparator()
        copy = menu.addAction(QCoreApplication.translate("CodingController", "Copy"))
        copy.setEnabled(has_selection)
        copy.triggered.connect(view.copy)
        return menu


def _passages_told(result: PassageResult, what: str, code: str) -> str:
    """``Coded 4 turn(s) of R5 with Vertrouwen (1 already had it)  (Ctrl+Z undoes)``."""
    if not result.codings:
        return QCoreApplication.translate(
            "CodingController", "Nothing to do: all {count} {what} already have {code}"
        ).format(count=result.already_coded, what=what, code=code)
    already = (
        QCoreApplication.translate("CodingController", " ({count} already had it)").format(
            count=result.already_coded
        )
        if result.already_coded
        else ""
    )
    return QCoreApplication.translate(
        "CodingController", "Coded {count} {what} with {code}{already}  (Ctrl+Z undoes)"
    ).format(count=len(result.codings), what=what, code=code, already=already)


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
