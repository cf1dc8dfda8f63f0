"""Saved code queries: a named query that re-runs on demand."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import new_guid, utcnow


class SavedQuery(Base):
    """``query`` (e.g. ``Vertrouwen AND Coördinatie``) evaluated in ``unit``, over the documents
    whose attributes match ``filters``, in the turns of ``speaker`` if given."""

    __tablename__ = "saved_query"
    __table_args__ = (
        CheckConstraint("unit IN ('turn', 'sentence', 'document')", name="unit"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(16), default="turn")
    filters: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    speaker: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
