"""The supervisor's review of quotes and judgements: agreed / question / disagree, with a comment, per
reviewer, and the conversation about each (the student's replies)."""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.core.context import ProjectContext
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId, JudgementId, ReviewId, ReviewMessageId
from coding.core.records import Discussion, MarkInfo, ReviewMessageInfo
from coding.reviews.review_commands import (
    AddReviewMessage,
    MarkWrite,
    SetJudgementReview,
    SetReview,
    SetReviewMarks,
)
from models import (
    REVIEW_STATUSES,
    Coder,
    Coding,
    Document,
    Judgement,
    JudgementReview,
    Passage,
    Review,
    ReviewMessage,
)

if TYPE_CHECKING:  # a review file's reading loads when one is imported, not with the project
    from coding.reviews.review_import import ReviewImportReport, Target

STATUSES = REVIEW_STATUSES


@dataclass(frozen=True)
class ReviewRecord:
    """One reviewer's mark on one quote, as ``codewerk reviews`` lists it."""

    id: ReviewId
    coding_id: CodingId
    document_id: DocumentId
    document: str
    code_id: CodeId
    code: str
    start: int
    end: int
    quote: str
    reviewer: str
    mark: str
    comment: str
    when: datetime


class ReviewService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context
        self._store = context.store

    # -- marks -----------------------------------------------------------------------------
    def mark(
        self, coding_id: CodingId, status: str, comment: str = "", *, reviewer: str | None = None
    ) -> ReviewId:
        """Mark a quote; each reviewer has one mark per quote, which a new mark replaces."""
        result: ReviewId = self._context.execute(
            SetReview(coding_id, status, comment, reviewer=reviewer or self._context.coder())
        )
        return result

    def clear(self, coding_id: CodingId, *, reviewer: str | None = None) -> None:
        self._context.execute(SetReview(coding_id, None, reviewer=reviewer or self._context.coder()))

    def mark_judgement(
        self, judgement_id: JudgementId, status: str | None, comment: str = "", *, reviewer: str | None = None
    ) -> None:
        """Mark a judgement (``status=None`` clears the reviewer's mark)."""
        self._context.execute(
            SetJudgementReview(judgement_id, status, comment, reviewer=reviewer or self._context.coder())
        )

    def apply_marks(
        self, marks: Sequence[MarkWrite], *, reviewer: str, text: str = marked("Import review")
    ) -> int:
        """Set many marks of one reviewer in one undoable step."""
        count: int = self._context.execute(SetReviewMarks(marks, reviewer=reviewer, text=text))
        return count

    def reply(
        self,
        text: str,
        *,
        coding_id: CodingId | None = None,
        judgement_id: JudgementId | None = None,
        author: str | None = None,
    ) -> ReviewMessageId:
        """Answer the reviewers about a quote or a judgement; the reply travels in the next review file."""
        result: ReviewMessageId = self._context.execute(
            AddReviewMessage(
                author=author or self._context.coder(),
                message=text,
                coding_id=coding_id,
                judgement_id=judgement_id,
            )
        )
        return result

    # -- a supervisor's review file -------------------------------------------------------
    def import_file(
        self,
        path: Path,
        *,
        project_guid: str,
        project_name: str,
        reviewer: str | None = None,
        apply: bool = True,
    ) -> ReviewImportReport:
        """Read a review workbook or Word document back: the marks become the reviewer's marks,
        matched by the hidden ids, in one undoable step (``apply=False`` only reports)."""
        from coding.reviews.review_file import read_review_file
        from coding.reviews.review_import import check_project, plan_import

        review = read_review_file(path)
        check_project(review, project_guid, project_name)
        name = " ".join((reviewer or review.reviewer or self._context.coder()).split())
        quotes, judgements = self._targets(name)
        report = plan_import(review, reviewer=name, quotes=quotes, judgements=judgements)
        if apply and report.marks:
            self.apply_marks(report.marks, reviewer=name, text=say("Import review by {name}", name=name))
        return report

    def _targets(self, reviewer: str) -> tuple[dict[str, Target], dict[str, Target]]:
        from coding.reviews.review_import import Target, judgement_check, quote_check

        with self._store.read() as session:
            coder_id = session.execute(select(Coder.id).where(Coder.name == reviewer)).scalar_one_or_none()
            quote_marks: dict[int, tuple[str, str]] = {}
            judgement_marks: dict[int, tuple[str, str]] = {}
            if coder_id is not None:
                for target, status, comment in session.execute(
                    select(Review.coding_id, Review.status, Review.comment).where(Review.coder_id == coder_id)
                ):
                    quote_marks[target] = (status, comment)
                for target, status, comment in session.execute(
                    select(
                        JudgementReview.judgement_id, JudgementReview.status, JudgementReview.comment
                    ).where(JudgementReview.coder_id == coder_id)
                ):
                    judgement_marks[target] = (status, comment)
            quotes = {
                guid: Target(cid, quote_check(text), quote_marks.get(cid))
                for cid, guid, text in session.execute(
                    select(Coding.id, Coding.guid, Passage.text).join(
                        Passage, Passage.id == Coding.passage_id
                    )
                )
            }
            judgements = {
                guid: Target(jid, judgement_check(score, justification), judgement_marks.get(jid))
                for jid, guid, score, justification in session.execute(
                    select(Judgement.id, Judgement.guid, Judgement.score, Judgement.justification)
                )
            }
        return quotes, judgements

    # -- reading ---------------------------------------------------------------------------
    def list(self, *, reviewer: str | None = None, mark: str | None = None) -> list[ReviewRecord]:
        """Every reviewer's marks on quotes, in document order, then position, then reviewer."""
        tree = self._context.resolve.code_tree()
        statement = (
            select(
                Review.id,
                Review.coding_id,
                Passage.document_id,
                Document.name,
                Coding.code_id,
                Passage.start,
                Passage.end,
                Passage.text,
                Coder.name,
                Review.status,
                Review.comment,
                Review.updated_at,
            )
            .join(Coding, Coding.id == Review.coding_id)
            .join(Passage, Passage.id == Coding.passage_id)
            .join(Document, Document.id == Passage.document_id)
            .join(Coder, Coder.id == Review.coder_id)
            .order_by(Document.position, Document.id, Passage.start, Passage.end, Coder.name)
        )
        if reviewer is not None:
            statement = statement.where(Coder.name == " ".join(reviewer.split()))
        if mark is not None:
            statement = statement.where(Review.status == mark)
        with self._store.read() as session:
            rows = session.execute(statement).all()
        return [
            ReviewRecord(
                id=ReviewId(row[0]),
                coding_id=CodingId(row[1]),
                document_id=DocumentId(row[2]),
                document=row[3],
                code_id=CodeId(row[4]),
                code=tree.get(CodeId(row[4])).path_text if CodeId(row[4]) in tree else "",
                start=row[5],
                end=row[6],
                quote=row[7],
                reviewer=row[8],
                mark=row[9],
                comment=row[10],
                when=row[11],
            )
            for row in rows
        ]

    def quote_discussions(self) -> dict[CodingId, Discussion]:
        """Every coding's guid, marks and conversation (codings without any have only their guid)."""
        with self._store.read() as session:
            guids = {row[0]: row[1] for row in session.execute(select(Coding.id, Coding.guid))}
            marks = self._marks(session, judgements=False)
            messages = self._messages(session, judgements=False)
        return {
            CodingId(cid): Discussion(guid, tuple(marks.get(cid, ())), tuple(messages.get(cid, ())))
            for cid, guid in guids.items()
        }

    def judgement_discussions(self) -> dict[JudgementId, Discussion]:
        with self._store.read() as session:
            guids = {row[0]: row[1] for row in session.execute(select(Judgement.id, Judgement.guid))}
            marks = self._marks(session, judgements=True)
            messages = self._messages(session, judgements=True)
        return {
            JudgementId(jid): Discussion(guid, tuple(marks.get(jid, ())), tuple(messages.get(jid, ())))
            for jid, guid in guids.items()
        }

    def discussion(
        self, *, coding_id: CodingId | None = None, judgement_id: JudgementId | None = None
    ) -> Discussion:
        """One quote's or judgement's marks and conversation (read for that one only)."""
        judgements = judgement_id is not None
        target = judgement_id if judgements else coding_id
        if target is None:
            return Discussion("")
        with self._store.read() as session:
            model = Judgement if judgements else Coding
            guid = session.execute(select(model.guid).where(model.id == target)).scalar_one_or_none()
            if guid is None:
                return Discussion("")
            marks = self._marks(session, judgements=judgements, target=target)
            messages = self._messages(session, judgements=judgements, target=target)
        return Discussion(guid, tuple(marks.get(target, ())), tuple(messages.get(target, ())))

    @staticmethod
    def _marks(
        session: Session, *, judgements: bool, target: int | None = None
    ) -> dict[int, builtins.list[MarkInfo]]:
        out: dict[int, builtins.list[MarkInfo]] = defaultdict(list)
        if judgements:
            statement = select(
                JudgementReview.judgement_id,
                Coder.name,
                JudgementReview.status,
                JudgementReview.comment,
                JudgementReview.updated_at,
            ).join(Coder, Coder.id == JudgementReview.coder_id)
            if target is not None:
                statement = statement.where(JudgementReview.judgement_id == target)
        else:
            statement = select(
                Review.coding_id, Coder.name, Review.status, Review.comment, Review.updated_at
            ).join(Coder, Coder.id == Review.coder_id)
            if target is not None:
                statement = statement.where(Review.coding_id == target)
        for key, name, status, comment, updated in session.execute(statement):
            out[key].append(MarkInfo(name, status, comment, updated))
        for marks in out.values():
            marks.sort(key=lambda m: m.updated_at)
        return out

    @staticmethod
    def _messages(
        session: Session, *, judgements: bool, target: int | None = None
    ) -> dict[int, builtins.list[ReviewMessageInfo]]:
        out: dict[int, builtins.list[ReviewMessageInfo]] = defaultdict(list)
        column = ReviewMessage.judgement_id if judgements else ReviewMessage.coding_id
        statement = (
            select(column, ReviewMessage.id, Coder.name, ReviewMessage.text, ReviewMessage.created_at)
            .outerjoin(Coder, Coder.id == ReviewMessage.coder_id)
            .where(column.is_not(None))
            .order_by(ReviewMessage.created_at, ReviewMessage.id)
        )
        if target is not None:
            statement = statement.where(column == target)
        rows = session.execute(statement)
        for key, mid, name, text, created in rows:
            if key is not None:
                out[key].append(ReviewMessageInfo(ReviewMessageId(mid), name, text, created))
        return out
