"""The guide reference in the transcript's margin beside each interviewer turn that asks a guide
question: matched when the document opens (just after its first paint) and again after a change of
the guide, the codes or the speakers.

The matching waits for the view's next paint, not only for a short delay: opening a large project
took longer than the delay before the window's first paint, so the guide was matched (and its
modules imported, ≈ 25 ms) before the window showed. It is matched in a worker thread: over 2,000
interviews with their decisions the matcher and the decisions took 0.05-0.12 s of the GUI thread on
opening a document and after every change of the codes (a merge, a delete, their undo)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.shell.latest_read import LatestRead
from app.transcript.transcript_view import TranscriptView
from app.widgets.after_paint import after_first_paint
from coding import Aspect, Change, CodewerkError
from coding.core.ids import DocumentId

if TYPE_CHECKING:
    from coding.guide.guide_service import GuideMatching

# After the document is shown: its matching waits for its first paint, and this long after it.
DELAY_MS = 30


class GuideMarks(QObject):
    """Keeps ``view.margin.guide_marks`` to the open document's matched guide questions."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.setObjectName("guideMarks")
        self.view = view
        self._workspace: QObject | None = None
        #: The open document's matching under way in a worker (``None`` with no project).
        self.reading: LatestRead | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        view.documentChanged.connect(self._document_changed)

    def _document_changed(self, document_id: DocumentId | None) -> None:
        workspace = self.view.workspace
        if workspace is not self._workspace:
            if self._workspace is not None:
                with contextlib.suppress(RuntimeError, TypeError):  # already gone with its project
                    self._workspace.changed.disconnect(self._on_change)  # type: ignore[attr-defined]
            self._workspace = workspace
            if self.reading is not None:
                self.reading.drop()
            self.reading = None
            if workspace is not None:
                workspace.changed.connect(self._on_change)
                title = QCoreApplication.translate("GuideWindow", "Matching the guide …")  # its Dutch
                self.reading = LatestRead(self, workspace, title=title)
        if self.reading is not None:
            self.reading.drop()  # the previous document's marks are not shown on this one
        self.view.margin.guide_marks = []
        if document_id is not None:
            after_first_paint(self.view.viewport(), self._timer.start)

    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.GUIDE, Aspect.CODES, Aspect.SPEAKERS, Aspect.DOCUMENTS):
            self._timer.start()

    def refresh(self) -> None:
        """Match the open document in a worker; its marks show when it is in (if it is still open)."""
        workspace, document_id, reading = self.view.workspace, self.view.document_id, self.reading
        if workspace is None or document_id is None or reading is None:
            return
        project = workspace.project

        def match() -> GuideMatching | None:
            try:  # the guide's service built here on first use: its modules imported off the GUI thread
                return project.guide.match([document_id])
            except CodewerkError:
                return None  # no marks rather than a message: the margin is a hint

        def arrived(matching: GuideMatching | None) -> None:
            if matching is None or self.view.document_id != document_id:
                return
            self.view.margin.guide_marks = [(m.start, m.question, m.confirmed) for m in matching.matches]
            self.view.margin.update()

        reading.start(match, arrived)
