"""Reading the project's settings (JSON values by key) inside a session that is already open."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Setting


def read_settings(session: Session, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """The stored settings (only ``keys`` when given); an absent setting has no entry."""
    query = select(Setting.key, Setting.value)
    if keys is not None:
        query = query.where(Setting.key.in_(list(keys)))
    return {key: value for key, value in session.execute(query)}
