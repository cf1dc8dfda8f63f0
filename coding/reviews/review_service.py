"""The supervisor's review of quotes: agreed / question / disagree, with a comment, per reviewer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coding.core.ids import CodingId, ReviewId
from coding.reviews.review_commands import SetReview
from models import REVIEW_STATUSES

if TYPE_CHECKING:
    from coding.project import Project

STATUSES = REVIEW_STATUSES


class ReviewService:
    def __init__(self, project: Project) -> None:
        self._project = project

    def mark(
        self, coding_id: CodingId, status: str, comment: str = "", *, reviewer: str | None = None
    ) -> ReviewId:
        """Mark a quote; each reviewer has one mark per quote, which a new mark replaces."""
        result: ReviewId = self._project.execute(
            SetReview(coding_id, status, comment, reviewer=reviewer or self._project.coder)
        )
        return result

    def clear(self, coding_id: CodingId, *, reviewer: str | None = None) -> None:
        self._project.execute(SetReview(coding_id, None, reviewer=reviewer or self._project.coder))
