"""The researcher's decisions on guide matches: a turn confirmed as asking a guide question, or cleared."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import utcnow

GUIDE_MATCH_STATUSES = ("confirmed", "cleared")


class GuideMatch(Base):
    """Interviewer turn ``start``–``end`` of a document asks (``confirmed``) or does not ask (``cleared``)
    guide question ``question`` (a code's question reference, e.g. ``4a``)."""

    __tablename__ = "guide_match"
    __table_args__ = (
        CheckConstraint("status IN ('confirmed', 'cleared')", name="status"),
        Index("ix_guide_match_document_start", "document_id", "start", "question", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    question: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
