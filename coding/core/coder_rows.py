"""Coders by name: created on first use, inside the action that needs them."""

from __future__ import annotations

from sqlalchemy import select

from coding.core.errors import InvalidInputError
from coding.core.ids import CoderId
from coding.undo.command import Writer
from models import Coder


def ensure_coder(writer: Writer, name: str) -> CoderId:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInputError("a coder needs a name")
    existing = writer.session.execute(select(Coder.id).where(Coder.name == cleaned)).scalar_one_or_none()
    if existing is not None:
        return CoderId(existing)
    return CoderId(writer.insert("coder", {"name": cleaned}))
