"""Commands of the supervisor's review: a mark with a comment on a quote, per reviewer."""

from __future__ import annotations

from sqlalchemy import select

from coding.core.coder_rows import ensure_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.ids import CodingId, DocumentId, ReviewId
from coding.undo.command import Command, Writer
from models import REVIEW_STATUSES, Coding, Passage, Review
from models.clock import utcnow


class SetReview(Command):
    """A reviewer marks a quote agreed / question / disagree with a comment (``status=None`` clears it)."""

    def __init__(self, coding_id: CodingId, status: str | None, comment: str = "", *, reviewer: str) -> None:
        super().__init__()
        if status is not None and status not in REVIEW_STATUSES:
            raise InvalidInputError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
        self.coding_id = coding_id
        self.status = status
        self.comment = comment.strip()
        self.reviewer = reviewer
        self.text = "Review quote" if status else "Clear review"

    def plan(self, writer: Writer) -> ReviewId | None:
        session = writer.session
        document_id = session.execute(
            select(Passage.document_id)
            .join(Coding, Coding.passage_id == Passage.id)
            .where(Coding.id == self.coding_id)
        ).scalar_one_or_none()
        if document_id is None:
            raise NotFoundError(f"coding {self.coding_id} does not exist")
        coder_id = ensure_coder(writer, self.reviewer)
        existing = session.execute(
            select(Review.id).where(Review.coding_id == self.coding_id, Review.coder_id == coder_id)
        ).scalar_one_or_none()
        writer.touch(DocumentId(document_id))
        if self.status is None:
            if existing is not None:
                writer.delete("review", "id", [existing])
            return None
        values = {"status": self.status, "comment": self.comment, "updated_at": utcnow()}
        if existing is None:
            return ReviewId(
                writer.insert("review", {"coding_id": self.coding_id, "coder_id": coder_id, **values})
            )
        writer.update("review", existing, values)
        return ReviewId(existing)
