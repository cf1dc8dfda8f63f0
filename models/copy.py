"""Copy every row of one project database into another, empty one at the same schema revision.

Used by ``codewerk copy`` to move a project from a file to a team server and back, and by
*Save a copy…* of a team project (:func:`copy_into_file`): every table,
every id and GUID as they were. Tables go in the order of their foreign keys, and the rows of a
table that refers to itself (codes under codes) parents first. On PostgreSQL the id sequences are
then set past the copied ids, so new rows continue where the source left off.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Integer, Table, func, insert, select, text

from models.base import Base

CHUNK = 2000


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    own = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not own or len(table.primary_key.columns) != 1:
        return rows
    pk = next(iter(table.primary_key.columns)).name
    ordered: list[dict[str, Any]] = []
    placed: set[Any] = set()
    pending = rows
    while pending:
        rest = []
        for row in pending:
            parents = [row[fk.parent.name] for fk in own]
            if all(parent is None or parent in placed or parent == row[pk] for parent in parents):
                ordered.append(row)
                placed.add(row[pk])
            else:
                rest.append(row)
        if len(rest) == len(pending):  # a cycle: cannot happen in a tree; keep the rest as they are
            ordered.extend(rest)
            break
        pending = rest
    return ordered


def tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]


def copy_rows(
    source: Connection, dest: Connection, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table's rows from ``source`` into ``dest`` (whose tables must be empty)."""
    counts: dict[str, int] = {}
    for table in tables():
        order = list(table.primary_key.columns) or list(table.columns)
        rows = [dict(row) for row in source.execute(select(table).order_by(*order)).mappings()]
        rows = _parents_first(table, rows)
        for start in range(0, len(rows), CHUNK):
            dest.execute(insert(table), rows[start : start + CHUNK])
        counts[table.name] = len(rows)
        if progress is not None:
            progress(table.name, len(rows))
    if dest.dialect.name == "postgresql":
        for table in tables():
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and isinstance(pk[0].type, Integer):
                sequence = dest.execute(
                    text("SELECT pg_get_serial_sequence(:table, :column)"),
                    {"table": table.name, "column": pk[0].name},
                ).scalar_one()
                if sequence:
                    highest = dest.execute(select(func.max(pk[0]))).scalar_one()
                    dest.execute(
                        text("SELECT setval(:sequence, :value, :called)"),
                        {"sequence": sequence, "value": highest or 1, "called": highest is not None},
                    )
    return counts


def nonempty_tables(connection: Connection) -> list[str]:
    return [t.name for t in tables() if connection.execute(select(func.count()).select_from(t)).scalar_one()]


def copy_into_file(source: Engine, target: Path) -> dict[str, int]:
    """Every row of the project behind ``source`` (a team server) into a new project file at
    ``target``: one consistent snapshot of the server (REPEATABLE READ), written beside the target
    first and moved into place (replacing a file there), so a failed copy leaves no half file."""
    from models.database import create_file, make_engine

    partial = target.with_name(f"{target.name}.partial")
    leftovers = [partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        create_file(partial)
        engine = make_engine(partial)
        try:
            snapshot = source.connect().execution_options(isolation_level="REPEATABLE READ")
            with snapshot as reading, reading.begin(), engine.begin() as writing:
                counts = copy_rows(reading, writing)
        finally:
            engine.dispose()  # the last connection closed: SQLite folds the WAL into the file
        os.replace(partial, target)
        return counts
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
