"""The code tree: concepts, dimensions, indicators and inductive codes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import new_guid, utcnow

CODE_KINDS = ("concept", "dimension", "indicator", "code")


class Code(Base):
    """A code. ``scale`` is the ordered list of allowed scores, or ``None`` for open text."""

    __tablename__ = "code"
    __table_args__ = (
        CheckConstraint("kind IN ('concept', 'dimension', 'indicator', 'code')", name="kind"),
        CheckConstraint("parent_id IS NULL OR parent_id != id", name="not_own_parent"),
        Index("ix_code_parent_position", "parent_id", "position"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#9e9e9e")
    question: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(16), default="code")
    category: Mapped[str] = mapped_column(String(200), default="")
    scale: Mapped[list[str] | None] = mapped_column(JSON)
    search_terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    inductive: Mapped[bool] = mapped_column(default=False)
    #: ``False`` for a category: it groups codes and cannot itself be applied to a passage.
    codable: Mapped[bool] = mapped_column(default=True, server_default=true())
    #: The interview-guide question that asks for this code, as the interviewer's guide words it.
    guide_question: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: Follow-up prompts under that question ("Kunt u een voorbeeld geven?").
    guide_prompts: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CodeSet(Base):
    """A named group of codes across the tree (REFI-QDA ``Set``), e.g. "factors of the network"."""

    __tablename__ = "code_set"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class CodeSetMember(Base):
    __tablename__ = "code_set_member"

    set_id: Mapped[int] = mapped_column(ForeignKey("code_set.id", ondelete="CASCADE"), primary_key=True)
    code_id: Mapped[int] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), primary_key=True, index=True
    )
