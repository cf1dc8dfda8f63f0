"""Coders by name: created on first use, inside the action that needs them."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.core.ids import CoderId
from coding.undo.command import Writer
from models import Coder

#: The coder of codings that came without one (older files, REFI-QDA files without users).
UNKNOWN_CODER = "unknown coder"
#: The coder of the consensus layer: disagreements of two coders resolved (keep A, B, both, neither).
CONSENSUS = "consensus"


def clean_coder_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInputError(text("a coder needs a name"))
    return cleaned


@cache
def _by_name() -> Select[int]:
    return select(Coder.id).where(Coder.name == bindparam("name"))


def find_coder(session: Session, name: str) -> CoderId | None:
    """The id of the coder of this name, or ``None`` when nobody of that name has coded yet."""
    found = session.connection().execute(_by_name(), {"name": clean_coder_name(name)}).scalar_one_or_none()
    return None if found is None else CoderId(found)


def ensure_coder(writer: Writer, name: str) -> CoderId:
    cleaned = clean_coder_name(name)
    existing = find_coder(writer.session, cleaned)
    if existing is not None:
        return existing
    return CoderId(writer.insert(Coder, {"name": cleaned}))
