"""Documents (transcripts, policy texts), their attributes and detected structure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, TypeDecorator, cast
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from models.base import Base
from models.clock import new_guid, utcnow


class DocumentText(TypeDecorator[str]):
    """A document's text, TEXT in the database. A value may also be given as its UTF-8 bytes (a
    long transcript is read and kept that way: a quarter of the string's size when it holds an
    emoji): SQLite gets them as they are, cast to TEXT, other databases the decoded string."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes | bytearray | memoryview) and dialect.name != "sqlite":
            return bytes(value).decode("utf-8")
        return value

    def bind_expression(self, bindvalue: Any) -> ColumnElement[str]:
        return cast(bindvalue, Text)


#: The document list's columns, in the order of its covering index (see ``Document``).
LISTED = (
    "position",
    "id",
    "name",
    "guid",
    "length",
    "source_format",
    "original_filename",
    "sha256",
    "encoding",
    "imported_at",
)


class Document(Base):
    """One imported text. ``text`` is NFC with ``\\n`` line endings; all offsets point into it."""

    __tablename__ = "document"
    #: The documents in their order without reading their rows (which hold the whole text):
    #: the quote list's order, and (with every column but the text) the document list: a column
    #: stored after the text is read through the text's overflow pages (≈ 100 MB at 2,000 documents).
    __table_args__ = (
        Index("ix_document_position", "position", "id"),
        Index("ix_document_listing", *LISTED),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    text: Mapped[str] = mapped_column(DocumentText, deferred=True)
    length: Mapped[int] = mapped_column(default=0)
    source_format: Mapped[str] = mapped_column(String(16))
    original_filename: Mapped[str | None] = mapped_column(String(1024))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    encoding: Mapped[str | None] = mapped_column(String(32))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    position: Mapped[int] = mapped_column(default=0)


class DocumentAttribute(Base):
    """A free key/value on a document: respondent, region, role, date, organisation …"""

    __tablename__ = "document_attribute"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    #: The attribute's place among its document's: a metadata sheet's columns' order, not A-Z, on a
    #: project file and a team server alike (migration 0020).
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    __table_args__ = (Index("ix_document_attribute_key_value", "key", "value"),)


class Turn(Base):
    """A speaker turn detected in a document: ``[00:12:31] R5: …``."""

    __tablename__ = "turn"
    __table_args__ = (
        CheckConstraint('start >= 0 AND body_start >= start AND "end" >= body_start', name="span"),
        Index("ix_turn_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    speaker: Mapped[str] = mapped_column(String(200))
    start: Mapped[int]
    end: Mapped[int]
    body_start: Mapped[int]
    timestamp: Mapped[float | None]


class Page(Base):
    """A page of a paginated source (PDF): lets a quote be cited with its page number."""

    __tablename__ = "page"
    __table_args__ = (CheckConstraint('start >= 0 AND "end" >= start', name="span"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]
