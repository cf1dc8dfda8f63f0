"""Timestamps and identifiers shared by the tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite stores no time zone; every stored time is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_guid() -> str:
    """A stable identifier for exchange (REFI-QDA): lowercase UUID4."""
    return str(uuid.uuid4())
