"""A recording (audio or video) attached to a document: where it lies and what it holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import utcnow


class Media(Base):
    """The recording of one document. ``path`` is relative to the project's folder when the file lies
    in or below it, else absolute; ``sha256`` and ``size`` find the file again when it moved."""

    __tablename__ = "media"
    __table_args__ = (CheckConstraint("kind IN ('audio', 'video')", name="kind"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    attached_at: Mapped[datetime] = mapped_column(default=utcnow)
