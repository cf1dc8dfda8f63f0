"""Commands of the supervisor's review: marks with a comment on quotes and judgements, per reviewer,
and the messages of the conversation about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from coding.core.coder_rows import ensure_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CoderId, CodingId, DocumentId, JudgementId, ReviewId, ReviewMessageId
from coding.undo.command import Command, Writer
from models import REVIEW_STATUSES, Coding, Judgement, JudgementReview, Passage, Review, ReviewMessage
from models.clock import utcnow

QUOTE = "quote"
JUDGEMENT = "judgement"


@dataclass(frozen=True)
class MarkWrite:
    """One mark to set: on a quote (``kind`` "quote", ``target`` a coding id) or a judgement;
    ``status=None`` clears the reviewer's mark."""

    kind: str
    target: int
    status: str | None
    comment: str = ""


def _check_status(status: str | None) -> None:
    if status is not None and status not in REVIEW_STATUSES:
        raise InvalidInputError(
            say("review status must be one of {REVIEW_STATUSES}", REVIEW_STATUSES=", ".join(REVIEW_STATUSES))
        )


def write_mark(writer: Writer, mark: MarkWrite, coder_id: CoderId) -> int | None:
    """Insert, update or delete one reviewer's mark; a changed comment keeps the previous one as a
    message of the conversation, so nothing a reviewer wrote is lost. Returns the mark's row id."""
    session = writer.session
    model: type[Review] | type[JudgementReview]
    if mark.kind == QUOTE:
        model, column = Review, "coding_id"
        document_id = session.execute(
            select(Passage.document_id)
            .join(Coding, Coding.passage_id == Passage.id)
            .where(Coding.id == mark.target)
        ).scalar_one_or_none()
        if document_id is None:
            raise NotFoundError(say("coding {target} does not exist", target=mark.target))
        writer.touch(DocumentId(document_id))
        target_column = Review.coding_id
    else:
        model, column = JudgementReview, "judgement_id"
        if session.get(Judgement, mark.target) is None:
            raise NotFoundError(say("judgement {target} does not exist", target=mark.target))
        target_column = JudgementReview.judgement_id
    existing = session.execute(
        select(model.id, model.comment, model.updated_at).where(
            target_column == mark.target, model.coder_id == coder_id
        )
    ).one_or_none()
    comment = mark.comment.strip()
    if existing is not None and existing.comment and existing.comment != comment:
        _keep_comment(writer, mark.kind, mark.target, coder_id, existing.comment, existing.updated_at)
    if mark.status is None:
        if existing is not None:
            writer.delete(model, "id", [existing.id])
        return None
    values = {"status": mark.status, "comment": comment, "updated_at": utcnow()}
    if existing is None:
        return writer.insert(model, {column: mark.target, "coder_id": coder_id, **values})
    writer.update(model, existing.id, values)
    return int(existing.id)


def _keep_comment(
    writer: Writer, kind: str, target: int, coder_id: CoderId, text: str, when: datetime
) -> None:
    column = "coding_id" if kind == QUOTE else "judgement_id"
    writer.insert(ReviewMessage, {column: target, "coder_id": coder_id, "text": text, "created_at": when})


class SetReview(Command):
    """A reviewer marks a quote agreed / question / disagree with a comment (``status=None`` clears it)."""

    def __init__(self, coding_id: CodingId, status: str | None, comment: str = "", *, reviewer: str) -> None:
        super().__init__()
        _check_status(status)
        self.mark = MarkWrite(QUOTE, coding_id, status, comment)
        self.reviewer = reviewer
        self.text = marked("Review quote") if status else marked("Clear review")

    def plan(self, writer: Writer) -> ReviewId | None:
        result = write_mark(writer, self.mark, ensure_coder(writer, self.reviewer))
        return None if result is None else ReviewId(result)


class SetJudgementReview(Command):
    """A reviewer marks a judgement agreed / question / disagree with a comment."""

    def __init__(
        self, judgement_id: JudgementId, status: str | None, comment: str = "", *, reviewer: str
    ) -> None:
        super().__init__()
        _check_status(status)
        self.mark = MarkWrite(JUDGEMENT, judgement_id, status, comment)
        self.reviewer = reviewer
        self.text = marked("Review judgement") if status else marked("Clear judgement review")

    def plan(self, writer: Writer) -> int | None:
        return write_mark(writer, self.mark, ensure_coder(writer, self.reviewer))


class SetReviewMarks(Command):
    """Many marks of one reviewer at once (a supervisor's review file): one undoable step.

    Written in bulk — the targets and the reviewer's current marks are read once, new marks go in as
    one insert, cleared ones as one delete — so 20,000 marks take a second, not minutes."""

    def __init__(
        self, marks: Sequence[MarkWrite], *, reviewer: str, text: str = marked("Import review")
    ) -> None:
        super().__init__()
        for mark in marks:
            _check_status(mark.status)
        self.marks = tuple(marks)
        self.reviewer = reviewer
        self.text = text

    def plan(self, writer: Writer) -> int:
        if not self.marks:
            return 0
        coder_id = ensure_coder(writer, self.reviewer)
        kept: list[dict[str, object]] = []
        for kind in (QUOTE, JUDGEMENT):
            marks = [m for m in self.marks if m.kind == kind]
            if marks:
                kept += self._write(writer, kind, marks, coder_id)
        if kept:
            writer.insert_many(ReviewMessage, kept)
        return len(self.marks)

    @staticmethod
    def _write(
        writer: Writer, kind: str, marks: list[MarkWrite], coder_id: CoderId
    ) -> list[dict[str, object]]:
        session = writer.session
        targets = sorted({m.target for m in marks})
        model: type[Review] | type[JudgementReview]
        if kind == QUOTE:
            column, model, target_column = "coding_id", Review, Review.coding_id
            documents: dict[int, int] = {}
            for chunk in _chunks(targets):
                for coding_id, document_id in session.execute(
                    select(Coding.id, Passage.document_id)
                    .join(Passage, Passage.id == Coding.passage_id)
                    .where(Coding.id.in_(chunk))
                ):
                    documents[coding_id] = document_id
            missing = [t for t in targets if t not in documents]
            writer.touch(*(DocumentId(d) for d in set(documents.values())))
        else:
            column, model, target_column = (
                "judgement_id",
                JudgementReview,
                JudgementReview.judgement_id,
            )
            present: set[int] = set()
            for chunk in _chunks(targets):
                present.update(session.execute(select(Judgement.id).where(Judgement.id.in_(chunk))).scalars())
            missing = [t for t in targets if t not in present]
        if missing:
            raise NotFoundError(say("{kind} {missing} does not exist", kind=say(kind), missing=missing[0]))
        existing = {
            target: (mark_id, comment, updated)
            for target, mark_id, comment, updated in session.execute(
                select(target_column, model.id, model.comment, model.updated_at).where(
                    model.coder_id == coder_id
                )
            )
        }
        now = utcnow()
        inserts: list[dict[str, object]] = []
        deletes: list[int] = []
        kept: list[dict[str, object]] = []
        for mark in marks:
            comment = mark.comment.strip()
            current = existing.get(mark.target)
            if current is not None and current[1] and current[1] != comment:
                kept.append(
                    {column: mark.target, "coder_id": coder_id, "text": current[1], "created_at": current[2]}
                )
            if mark.status is None:
                if current is not None:
                    deletes.append(current[0])
            elif current is None:
                inserts.append(
                    {
                        column: mark.target,
                        "coder_id": coder_id,
                        "status": mark.status,
                        "comment": comment,
                        "updated_at": now,
                    }
                )
            else:
                writer.update(
                    model, current[0], {"status": mark.status, "comment": comment, "updated_at": now}
                )
        if inserts:
            writer.insert_many(model, inserts)
        if deletes:
            writer.delete(model, "id", deletes)
        return [
            {"coding_id": None, "judgement_id": None, **row} for row in kept
        ]  # one insert for both kinds: same keys in every row


def _chunks(values: list[int], size: int = 5000) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


class AddReviewMessage(Command):
    """A message in the conversation about a quote or a judgement (a student's reply)."""

    text = marked("Reply to review")

    def __init__(
        self,
        *,
        author: str,
        message: str,
        coding_id: CodingId | None = None,
        judgement_id: JudgementId | None = None,
    ) -> None:
        super().__init__()
        if (coding_id is None) == (judgement_id is None):
            raise InvalidInputError(say("a reply belongs to one quote or one judgement"))
        if not message.strip():
            raise InvalidInputError(say("a reply needs some text"))
        self.author = author
        self.message = message.strip()
        self.coding_id = coding_id
        self.judgement_id = judgement_id

    def plan(self, writer: Writer) -> ReviewMessageId:
        session = writer.session
        if self.coding_id is not None:
            document_id = session.execute(
                select(Passage.document_id)
                .join(Coding, Coding.passage_id == Passage.id)
                .where(Coding.id == self.coding_id)
            ).scalar_one_or_none()
            if document_id is None:
                raise NotFoundError(say("coding {coding_id} does not exist", coding_id=self.coding_id))
            writer.touch(DocumentId(document_id))
        elif session.get(Judgement, self.judgement_id) is None:
            raise NotFoundError(
                say("judgement {judgement_id} does not exist", judgement_id=self.judgement_id)
            )
        coder_id = ensure_coder(writer, self.author)
        return ReviewMessageId(
            writer.insert(
                ReviewMessage,
                {
                    "coding_id": self.coding_id,
                    "judgement_id": self.judgement_id,
                    "coder_id": coder_id,
                    "text": self.message,
                    "created_at": utcnow(),
                },
            )
        )
