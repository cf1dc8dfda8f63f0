"""Memos and judgements (judgements) written while analysing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import new_guid, utcnow


class Memo(Base):
    """A memo on the project (no target), on a document, or on a code."""

    __tablename__ = "memo"
    __table_args__ = (
        CheckConstraint("document_id IS NULL OR code_id IS NULL", name="one_target"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Judgement(Base):
    """A judgement of one code for one group (attribute value), e.g. region Zwolle × Vertrouwen → ``+``."""

    __tablename__ = "judgement"
    __table_args__ = (
        UniqueConstraint("attribute", "value", "code_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    attribute: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    score: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class JudgementReview(Base):
    """A reviewer's mark on one judgement: agreed / question / disagree, with a comment."""

    __tablename__ = "judgement_review"
    __table_args__ = (
        CheckConstraint("status IN ('agreed', 'question', 'disagree')", name="status"),
        UniqueConstraint("judgement_id", "coder_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    judgement_id: Mapped[int] = mapped_column(ForeignKey("judgement.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewMessage(Base):
    """One message of the conversation about a quote (a coding) or a judgement: a student's reply,
    or a reviewer's earlier comment kept when a new one replaced it."""

    __tablename__ = "review_message"
    __table_args__ = (
        CheckConstraint("(coding_id IS NULL) != (judgement_id IS NULL)", name="one_target"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("coding.id", ondelete="CASCADE"), index=True)
    judgement_id: Mapped[int | None] = mapped_column(
        ForeignKey("judgement.id", ondelete="CASCADE"), index=True
    )
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class JudgementEvidence(Base):
    """A quote (passage) linked to a judgement as evidence."""

    __tablename__ = "judgement_evidence"

    judgement_id: Mapped[int] = mapped_column(
        ForeignKey("judgement.id", ondelete="CASCADE"), primary_key=True
    )
    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passage.id", ondelete="CASCADE"), primary_key=True, index=True
    )
