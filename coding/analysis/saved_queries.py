"""Saved code queries: named, stored in the project, re-run on demand; saving and deleting undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text
from coding.core.ids import SavedQueryId
from coding.core.store import Store
from coding.core.text import fold
from coding.undo.command import Command, Writer
from models import SavedQuery
from models.clock import utcnow


@dataclass(frozen=True)
class SavedQueryInfo:
    id: SavedQueryId
    name: str
    query: str
    unit: str
    speaker: str | None
    updated_at: datetime
    filters: Mapping[str, str] = field(default_factory=dict)

    @property
    def description(self) -> str:
        """``Vertrouwen AND Coördinatie — in one turn, region=Zwolle, speaker R5``."""
        parts = [f"in one {self.unit}"]
        parts += [f"{key}={value}" for key, value in self.filters.items()]
        if self.speaker:
            parts.append(f"speaker {self.speaker}")
        return f"{self.query} — {', '.join(parts)}"


def saved_queries(store: Store) -> list[SavedQueryInfo]:
    """Every saved query, by name."""
    with store.read() as session:
        rows = session.execute(select(SavedQuery)).scalars().all()
        found = [
            SavedQueryInfo(
                SavedQueryId(row.id),
                row.name,
                row.query,
                row.unit,
                row.speaker,
                row.updated_at,
                dict(row.filters),
            )
            for row in rows
        ]
    return sorted(found, key=lambda q: fold(q.name))


def find_saved(store: Store, name: str) -> SavedQueryInfo:
    wanted = fold(name)
    queries = saved_queries(store)
    for query in queries:
        if fold(query.name) == wanted:
            return query
    known = ", ".join(q.name for q in queries) or "none saved yet"
    raise NotFoundError(text("no saved query '{name}' (saved: {known})", name=name, known=known))


class SaveQuery(Command):
    """Save a query under a name; a query of that name (compared case-insensitively) is replaced."""

    def __init__(
        self,
        name: str,
        query: str,
        *,
        unit: str,
        filters: Mapping[str, str] | None = None,
        speaker: str | None = None,
        replaces: SavedQueryId | None = None,
    ) -> None:
        super().__init__()
        self.name = " ".join(name.split())
        if not self.name:
            raise InvalidInputError(text("a saved query needs a name"))
        if len(self.name) > 200:
            raise InvalidInputError(text("query name '{name}…' is too long", name=self.name[:30]))
        self.values = {
            "name": self.name,
            "query": query.strip(),
            "unit": unit,
            "filters": dict(filters or {}),
            "speaker": speaker or None,
        }
        self.replaces = replaces
        self.text = text("Save query {name}", name=self.name)

    def plan(self, writer: Writer) -> SavedQueryId:
        if self.replaces is not None:
            if writer.session.get(SavedQuery, self.replaces) is None:
                raise NotFoundError(text("saved query {replaces} does not exist", replaces=self.replaces))
            writer.update(SavedQuery, self.replaces, {**self.values, "updated_at": utcnow()})
            return self.replaces
        return SavedQueryId(writer.insert(SavedQuery, self.values))


class DeleteQuery(Command):
    def __init__(self, query_id: SavedQueryId, name: str) -> None:
        super().__init__()
        self.query_id = query_id
        self.text = text("Delete query {name}", name=name)

    def plan(self, writer: Writer) -> None:
        if writer.session.get(SavedQuery, self.query_id) is None:
            raise NotFoundError(text("saved query {query_id} does not exist", query_id=self.query_id))
        writer.delete(SavedQuery, "id", [self.query_id])
