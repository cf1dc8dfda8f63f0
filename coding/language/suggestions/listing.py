"""A stored suggestion as the queue lists it (:class:`SuggestionInfo`), and how its rows are read."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from coding.core.collector import collector_paused
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeTree
from coding.language.suggestions.commands import SuggestionId
from models import Document, Suggestion


@dataclass(frozen=True)
class SuggestionInfo:
    id: SuggestionId
    document_id: DocumentId
    document: str
    code_id: CodeId
    code_path: str
    start: int
    end: int
    text: str
    score: float
    sources: tuple[str, ...]
    reason: str
    status: str
    created_at: datetime
    decided_at: datetime | None


#: A listing of at least this many rows is frozen out of later collections when built (:func:`suggestion_records`).
SETTLE_ROWS = 10_000

#: The columns of a :class:`SuggestionInfo` (columns: no ORM object per row).
SUGGESTION_INFO = select(
    Suggestion.id,
    Suggestion.document_id,
    Document.name,
    Suggestion.code_id,
    Suggestion.start,
    Suggestion.end,
    Suggestion.text,
    Suggestion.score,
    Suggestion.sources,
    Suggestion.reason,
    Suggestion.status,
    Suggestion.created_at,
    Suggestion.decided_at,
).join(Document, Document.id == Suggestion.document_id)


def suggestion_records(rows: Sequence[tuple[Any, ...]], tree: CodeTree) -> list[SuggestionInfo]:
    """The driver's rows of :data:`SUGGESTION_INFO` as records: 245,600 rows built through SQLAlchemy's
    rows took seconds of the window's thread at 10×. Each code's path is looked up once."""
    paths = {int(info.id): info.path_text for info in tree}
    kinds: dict[str, tuple[str, ...]] = {}  # a few distinct ``sources`` values, each split once
    out: list[SuggestionInfo] = []
    append = out.append
    # hundreds of thousands of new objects, no cycles among them: the cyclic collector walking them again
    # and again was a third of the time. A long listing is kept out of later collections when built (the
    # queue keeps it until its next listing; reference counting frees it then): the young collection when
    # the pause ended walked it all once more, holding the GIL (every open suggestion after a Find for all
    # codes at 10×, 255,136 rows: 1.6 s of a frozen window at load 11), then the middle and full ones.
    # What was young garbage before is collected first (generations 0 and 1: a few thousand objects).
    settle = len(rows) >= SETTLE_ROWS and gc.isenabled()
    if settle:
        gc.collect(1)
    with collector_paused(settle=settle):
        for row in rows:
            code_id, sources, created, decided = row[3], row[8], row[11], row[12]
            kind = kinds.get(sources)
            if kind is None:
                kind = kinds[sources] = tuple(x for x in sources.split(",") if x)
            path = paths.get(code_id)
            append(
                SuggestionInfo(
                    row[0],
                    row[1],
                    row[2],
                    code_id,
                    path if path is not None else str(code_id),
                    row[4],
                    row[5],
                    row[6],
                    float(row[7]),
                    kind,
                    row[9],
                    row[10],
                    _moment(created),
                    None if decided is None else _moment(decided),
                )
            )
    return out


def _moment(value: datetime | str) -> datetime:
    """A stored time as the driver gives it: a ``datetime`` on a team server, SQLite's text here."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)
