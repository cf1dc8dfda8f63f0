"""Coded passages: a passage is a span of a document; codings attach codes to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import new_guid, utcnow

REVIEW_STATUSES = ("agreed", "question", "disagree")


class Passage(Base):
    """A passage ``document.text[start:end]`` (code points, end exclusive); ``text`` caches it."""

    __tablename__ = "passage"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        UniqueConstraint("document_id", "start", "end"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Unique by the index ``ix_passage_guid`` (not a table constraint): an import of many rows builds it
    #: again after them (``coding.refi.guid_indexes``).
    guid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Coding(Base):
    """A code applied to a passage by a coder, with an optional memo.

    Each coder has their own layer: two coders may code one passage with one code, the same coder
    only once (the key is passage, code and coder).
    """

    __tablename__ = "coding"
    __table_args__ = (
        UniqueConstraint("passage_id", "code_id", "coder_id"),
        Index("ix_coding_code_id", "code_id"),
        Index("ix_coding_coder_id", "coder_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Unique by the index ``ix_coding_guid``, as the passage's.
    guid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_guid)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passage.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Review(Base):
    """A reviewer's mark on one coded quote: agreed / question / disagree, with a comment."""

    __tablename__ = "review"
    __table_args__ = (
        CheckConstraint("status IN ('agreed', 'question', 'disagree')", name="status"),
        UniqueConstraint("coding_id", "coder_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    coding_id: Mapped[int] = mapped_column(ForeignKey("coding.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
