"""The state one REFI-QDA import shares while it merges: what was matched, added and skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coding.core.coder_rows import UNKNOWN_CODER, ensure_coder
from coding.core.parsed import EncodedText
from coding.refi.elements import Skipped
from coding.refi.project_reader import RefiProject
from coding.refi.report import ExchangeReport
from coding.undo.command import Writer
from models.clock import utcnow

Span = tuple[int, int, int]  # document id, start, end

#: Rows of one kind (turns, passages, codings) the merge inserts at a time, in the order planned.
BATCH = 20_000


@dataclass
class MergedDocument:
    id: int
    text: str | EncodedText
    same_text: bool
    #: Added by this import (from one source), not the project's own.
    new: bool = False


class MergeState:
    def __init__(self, writer: Writer, data: RefiProject, report: ExchangeReport) -> None:
        self.w = writer
        self.s = writer.session
        self.data = data
        self.report = report
        self.added: Counter[str] = report.added
        self.existing: Counter[str] = report.existing
        self.users: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.docs: dict[str, MergedDocument] = {}
        #: Selection GUID → passage id, of the selections a judgement gives as evidence.
        self.selections: dict[str, int] = {}
        #: Coding GUID → coding id, of the codings with review marks (:attr:`reviewed`).
        self.codings: dict[str, int] = {}
        self.reviewed: set[str] = set()
        self.now = utcnow()
        #: Large inserts keep only their ids once applied (:meth:`Writer.commits_once`): at ten times
        #: the large corpus the turns', passages' and codings' rows held until commit were ≈ 135 MB.
        self.once = writer.commits_once()
        self._unknown: int | None = None

    def skip(self, element: str, reason: str) -> None:
        self.report.skipped.append(Skipped(element, reason))

    def adjust(self, element: str, reason: str) -> None:
        self.report.adjusted.append(Skipped(element, reason))

    def user(self, *guids: str | None) -> int | None:
        users = self.users
        for guid in guids:  # a loop, not a generator: called for each of 200,000 codings
            if guid in users:
                return users[guid]
        return None

    def coding_user(self, *guids: str | None) -> int:
        """The coder of a coding: every coding has one (``unknown coder`` when the file names none)."""
        found = self.user(*guids)
        if found is None:
            if self._unknown is None:
                self._unknown = ensure_coder(self.w, UNKNOWN_CODER)
            found = self._unknown
        return found
