"""Capture the rows a delete will remove (its cascade), so that undo can put them back.

The database does the deleting (``ON DELETE CASCADE`` and the orphan-passage trigger); this
module only reads beforehand what will go, following the same foreign keys.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, exists, insert, or_, select
from sqlalchemy.orm import Session

from coding.undo.id_runs import id_runs
from models import Base, Coding, Passage

_CHUNK = 5000


def _table(model: type[Base]) -> Table:
    found = model.__table__
    assert isinstance(found, Table)
    return found


#: :func:`cascading_children` of each table, while the metadata has as many tables as then.
_CHILDREN: dict[tuple[Table, int], list[tuple[Table, Column[Any], Column[Any]]]] = {}


def cascading_children(parent: Table) -> list[tuple[Table, Column[Any], Column[Any]]]:
    """(child table, child column, parent column) for every ON DELETE CASCADE key to ``parent``
    (the metadata's tables are walked once per table: an import's undo asks ≈ 200 times)."""
    key = (parent, len(Base.metadata.tables))
    known = _CHILDREN.get(key)
    if known is None:
        known = []
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is parent and (fk.ondelete or "").upper() == "CASCADE":
                    known.append((child, fk.parent, fk.column))
        _CHILDREN[key] = known
    return list(known)


def _pk_key(tbl: Table, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[col.name] for col in tbl.primary_key.columns)


@dataclass
class Captured:
    """Rows per table, each list in the order they must be re-inserted."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(name for name, rows in self.rows.items() if rows)

    def values(self, table_name: str, column: str) -> list[Any]:
        return [row[column] for row in self.rows.get(table_name, [])]

    def restore(self, session: Session) -> None:
        for tbl in Base.metadata.sorted_tables:
            rows = self.rows.get(tbl.name)
            if rows:
                session.execute(insert(tbl), rows)


def _select(
    session: Session, tbl: Table, clause: ColumnElement[bool], *, keys_only: bool = False
) -> list[dict[str, Any]]:
    columns = _key_columns(tbl) if keys_only else list(tbl.c)
    query = select(*columns).where(clause)
    if "id" in tbl.c:
        query = query.order_by(tbl.c.id)
    names = [column.name for column in columns]
    # (Core rows on the session's connection: no ORM execution around a read of keys)
    return [dict(zip(names, row, strict=True)) for row in session.connection().execute(query)]


def _key_columns(tbl: Table) -> list[Column[Any]]:
    """What following the cascade of ``tbl``'s rows needs: their keys, the columns other tables'
    keys point at, and a coding's passage (the orphan-passage trigger)."""
    names = [column.name for column in tbl.primary_key.columns]
    names += [parent.name for _child, _column, parent in cascading_children(tbl)]
    if tbl.name == "coding":
        names.append("passage_id")
    return [tbl.c[name] for name in dict.fromkeys(names)]


def in_chunks(
    column: Column[Any], values: Sequence[Any], *, by_runs: bool = False
) -> list[ColumnElement[bool]]:
    """Conditions that together match ``values`` of ``column``: ``IN`` lists of :data:`_CHUNK`
    values, or with ``by_runs`` (where the rows' order does not matter) runs of consecutive integer
    values as ``BETWEEN``, when they are few (an import's ids: each ``IN`` list's 5,000 parameters
    were most of the time an undo took to follow the cascade)."""
    if by_runs and values and all(type(value) is int for value in values):
        runs = id_runs(sorted(set(values)))
        if len(runs) * _FEW_RUNS <= len(values):
            return [
                or_(*(column.between(first, last) for first, last in runs[i : i + _CHUNK_RUNS]))
                for i in range(0, len(runs), _CHUNK_RUNS)
            ]
    return [column.in_(values[i : i + _CHUNK]) for i in range(0, len(values), _CHUNK)]


#: Runs of values in one condition, and how many values a run must hold on average to be used.
_CHUNK_RUNS = 200
_FEW_RUNS = 8


def _orphaned_passages(session: Session, coding_ids: set[int], passage_ids: set[int]) -> list[int]:
    """Passages whose every coding is among ``coding_ids``: the trigger deletes them too."""
    coding = _table(Coding)
    candidates = sorted(passage_ids)
    alive: set[int] = set()
    for condition in in_chunks(coding.c.passage_id, candidates, by_runs=True):
        rows = session.execute(select(coding.c.passage_id, coding.c.id).where(condition))
        alive.update(passage for passage, coding_id in rows if coding_id not in coding_ids)
    return [passage for passage in candidates if passage not in alive]


def capture_delete(
    session: Session, tbl: Table, clause: ColumnElement[bool], *, keys_only: bool = False
) -> Captured:
    """Everything that deleting the rows of ``tbl`` matching ``clause`` removes, in restore order.
    ``keys_only``: only which rows (each row with its key columns, see :func:`_key_columns`), for a
    check that reads no text (undoing an import of 200,000 codings read every passage back)."""
    captured = Captured()
    seen: dict[str, set[tuple[Any, ...]]] = {}
    queue: deque[tuple[Table, ColumnElement[bool]]] = deque([(tbl, clause)])
    while queue:
        current, condition = queue.popleft()
        fresh = []
        bucket = seen.setdefault(current.name, set())
        for row in _select(session, current, condition, keys_only=keys_only):
            key = _pk_key(current, row)
            if key not in bucket:
                bucket.add(key)
                fresh.append(row)
        if not fresh:
            continue
        captured.rows.setdefault(current.name, []).extend(fresh)
        for child, child_column, parent_column in cascading_children(current):
            keys = [row[parent_column.name] for row in fresh]
            queue.extend((child, chunk) for chunk in in_chunks(child_column, keys, by_runs=keys_only))
        if current.name == "coding":
            coding_ids = {row["id"] for row in captured.rows["coding"]}
            orphans = _orphaned_passages(session, coding_ids, {row["passage_id"] for row in fresh})
            passage = _table(Passage)
            queue.extend((passage, chunk) for chunk in in_chunks(passage.c.id, orphans, by_runs=keys_only))
    return captured


def nothing_hangs_on(session: Session, tbl: Table, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether deleting the rows of ``tbl`` whose integer keys are exactly ``runs`` (see
    :func:`~coding.undo.id_runs.id_runs`) deletes nothing but them and, for codings, their passages:
    no row of a table that cascades from them, nor from any of those codings' passages (which the
    orphan-passage trigger may delete with them) but those codings themselves. Asked of the database,
    one ``EXISTS`` per such table, without reading the rows: :func:`capture_delete` with ``keys_only``
    would find ``tbl``'s own rows and such passages, nothing else (undoing an import of 200,000
    codings read each and each passage back into Python, ≈ 2 s CPU at ten times the large corpus).
    ``False`` when something may go with them or it cannot tell (a table cascading from itself, a key
    into another column than the key): then capture them to see."""
    pk = list(tbl.primary_key.columns)
    if len(pk) != 1 or not runs:
        return False
    key = pk[0]
    chunks = [runs[i : i + _CHUNK_RUNS] for i in range(0, len(runs), _CHUNK_RUNS)]
    connection = session.connection()

    def any_row(condition: ColumnElement[bool]) -> bool:
        return bool(connection.execute(select(exists().where(condition))).scalar())

    for child, child_column, parent_column in cascading_children(tbl):
        if child is tbl or parent_column is not key:
            return False
        if any(any_row(or_(*(child_column.between(a, b) for a, b in chunk))) for chunk in chunks):
            return False
    if tbl.name != "coding":
        return True
    passage = _table(Passage)
    for child, child_column, parent_column in cascading_children(passage):
        if child is tbl:  # the passages' codings: those that go with them are ours (orphaned)
            continue
        if parent_column is not passage.c.id:
            return False
        for chunk in chunks:
            ours = select(tbl.c.passage_id).where(or_(*(key.between(a, b) for a, b in chunk)))
            if any_row(child_column.in_(ours)):
                return False
    return True
