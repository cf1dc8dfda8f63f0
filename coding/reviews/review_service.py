"""The supervisor's review of quotes: agreed / question / disagree, with a comment, per reviewer."""

from __future__ import annotations

from coding.core.context import ProjectContext
from coding.core.ids import CodingId, ReviewId
from coding.reviews.review_commands import SetReview
from models import REVIEW_STATUSES

STATUSES = REVIEW_STATUSES


class ReviewService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context

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
