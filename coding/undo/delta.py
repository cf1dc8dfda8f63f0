"""Which codings a command's recorded steps added and took away: what counts are adjusted by; and
which codings' rows they wrote at all: what a list of quotes re-reads.

A command's steps hold the rows they wrote (inserted rows, captured deletes), so after an apply,
redo or undo the codings that came and went are known without counting again. A coding moved to
another code or passage (an update), or more codings than ``MAX_CODED``, make the list unknown:
views then count afresh.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.core.changes import CODING_TABLE, MAX_CODED, Coded
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.undo.steps import DeleteRows, InsertRows, Step, UpdateRow
from models import Coder, Passage

PASSAGE_TABLE = Passage.__tablename__
#: Tables a step may write beside codings without changing any coding's quote: a new passage has
#: no coding yet, a new coder is no coding's until one names it.
_QUIET = frozenset({PASSAGE_TABLE, Coder.__tablename__})


def written_codings(steps: Sequence[Step]) -> frozenset[CodingId] | None:
    """The codings whose rows ``steps`` inserted, deleted (with their cascade: their reviews,
    messages …) or updated, when no other coding's quote can have changed; ``None`` when one may
    have (a passage moved or deleted under a coding, a review written, a code renamed, any other
    table) or when there are more than ``MAX_CODED``. The same for apply, undo and redo."""
    found: set[int] = set()
    for step in steps:
        name = step.table.name if isinstance(step, InsertRows | UpdateRow | DeleteRows) else None
        if isinstance(step, InsertRows):
            if name == CODING_TABLE:
                if step.compact:
                    return None
                found.update(step.column("id"))
            elif name not in _QUIET:
                return None
        elif isinstance(step, UpdateRow):
            if name != CODING_TABLE:
                return None
            found.add(step.pk["id"])
        elif isinstance(step, DeleteRows):
            if name not in (CODING_TABLE, PASSAGE_TABLE):
                return None
            found.update(row["id"] for row in step.captured.rows.get(CODING_TABLE, ()))
        else:
            return None
        if len(found) > MAX_CODED:
            return None
    return frozenset(CodingId(int(coding)) for coding in found)


def coded_by(steps: Sequence[Step], session: Session, *, undone: bool = False) -> tuple[Coded, ...] | None:
    """The codings ``steps`` added (+1) and took away (−1), each with its passage's document, in
    the order they happened; ``undone`` when the steps were just reverted (signs and order turned).
    ``None`` when they cannot be listed exactly."""
    entries: list[tuple[int, int, int]] = []  # code, passage, sign as applied
    documents: dict[int, int] = {}
    for step in steps:
        if isinstance(step, InsertRows):
            if step.table.name == CODING_TABLE:
                if step.compact or len(entries) + step.row_count > MAX_CODED:
                    return None  # an import: not listed (counted afresh), not walked either
                entries.extend(
                    (code, passage, 1)
                    for code, passage in zip(step.column("code_id"), step.column("passage_id"), strict=True)
                )
            elif step.table.name == PASSAGE_TABLE and not step.compact:  # else looked up below
                documents.update(zip(step.column("id"), step.column("document_id"), strict=True))
        elif isinstance(step, DeleteRows):
            rows = step.captured.rows
            if len(entries) + len(rows.get(CODING_TABLE, ())) > MAX_CODED:
                return None
            entries.extend((row["code_id"], row["passage_id"], -1) for row in rows.get(CODING_TABLE, ()))
            documents.update((row["id"], row["document_id"]) for row in rows.get(PASSAGE_TABLE, ()))
        elif (
            isinstance(step, UpdateRow)
            and step.table.name == CODING_TABLE
            and not step.values.keys().isdisjoint(("code_id", "passage_id"))
        ):
            return None  # a coding moved to another code or passage
        if len(entries) > MAX_CODED:
            return None
    missing = sorted({passage for _code, passage, _sign in entries} - documents.keys())
    if missing:
        found = session.execute(select(Passage.id, Passage.document_id).where(Passage.id.in_(missing)))
        documents.update((int(passage), int(document)) for passage, document in found)
        if len(documents.keys() & set(missing)) < len(missing):
            return None  # a passage that went with its last coding and that these steps did not write
    if undone:
        entries = [(code, passage, -sign) for code, passage, sign in reversed(entries)]
    return tuple(
        (CodeId(code), int(passage), DocumentId(documents[passage]), sign) for code, passage, sign in entries
    )
