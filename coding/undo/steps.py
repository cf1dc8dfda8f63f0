"""Primitive, reversible writes. Every domain command is a recorded list of these.

A step is applied once while its command is planned; redo re-applies the same steps with
the same primary keys, undo reverts them in reverse order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from coding.undo.capture import Captured, capture_delete


def _pk_clause(tbl: Table, pk: Mapping[str, Any]) -> ColumnElement[bool]:
    return and_(*(tbl.c[name] == value for name, value in pk.items()))


class Step(ABC):
    tables: frozenset[str]

    @abstractmethod
    def apply(self, session: Session) -> None: ...

    @abstractmethod
    def revert(self, session: Session) -> None: ...


class InsertRows(Step):
    """Insert rows; the first apply learns their primary keys, later applies reuse them."""

    def __init__(self, tbl: Table, rows: list[dict[str, Any]]) -> None:
        self.table = tbl
        self.rows = rows
        self.tables = frozenset({tbl.name})
        # Fill client-side defaults (guid, created_at …) now, so that a redo inserts the same values.
        for column in tbl.columns:
            default = column.default
            if default is None or not hasattr(default, "arg"):
                continue
            for row in rows:
                if column.name not in row:
                    row[column.name] = default.arg if default.is_scalar else default.arg(None)

    def apply(self, session: Session) -> None:
        pk_columns = list(self.table.primary_key.columns)
        pk = pk_columns[0]
        if len(pk_columns) == 1 and all(pk.name not in row for row in self.rows):
            # SQLite cannot tie the ids of a many-row INSERT … RETURNING to its rows (SQLAlchemy
            # then inserts one row per statement). Instead the first row learns its id, and since
            # that insert holds the file's write lock until commit and its id is above every id in
            # use, the others take the ids that follow and go in as one executemany.
            first = session.execute(insert(self.table).returning(pk), self.rows[0]).scalar_one()
            for offset, row in enumerate(self.rows):
                row[pk.name] = first + offset
            if len(self.rows) > 1:
                session.execute(insert(self.table), self.rows[1:])
        elif len(pk_columns) == 1 and any(pk.name not in row for row in self.rows):
            result = session.execute(
                insert(self.table).returning(pk, sort_by_parameter_order=True), self.rows
            )
            for row, new_id in zip(self.rows, result.scalars(), strict=True):
                row[pk.name] = new_id
        else:
            session.execute(insert(self.table), self.rows)

    def revert(self, session: Session) -> None:
        pk_names = [col.name for col in self.table.primary_key.columns]
        clause = and_(*(self.table.c[name] == bindparam(f"pk_{name}") for name in pk_names))
        keys = [{f"pk_{name}": row[name] for name in pk_names} for row in reversed(self.rows)]
        session.execute(delete(self.table).where(clause), keys)  # one executemany, last row first


class UpdateRow(Step):
    """Set columns of one row; remembers the old values for undo."""

    def __init__(self, tbl: Table, pk: Mapping[str, Any], values: Mapping[str, Any]) -> None:
        self.table = tbl
        self.pk = dict(pk)
        self.values = dict(values)
        self.old: dict[str, Any] = {}
        self.tables = frozenset({tbl.name})

    def apply(self, session: Session) -> None:
        columns = [self.table.c[name] for name in self.values]
        row = session.execute(select(*columns).where(_pk_clause(self.table, self.pk))).mappings().one()
        self.old = dict(row)
        session.execute(update(self.table).where(_pk_clause(self.table, self.pk)).values(self.values))

    def revert(self, session: Session) -> None:
        session.execute(update(self.table).where(_pk_clause(self.table, self.pk)).values(self.old))


class DeleteRows(Step):
    """Delete rows matching ``where`` and, through the schema, their cascade; undo restores all.

    ``where`` maps column names to a value, or to a list of values (``IN``).
    """

    def __init__(self, tbl: Table, where: Mapping[str, Any]) -> None:
        self.table = tbl
        self.where = dict(where)
        self.captured = Captured()
        self.tables = frozenset({tbl.name})

    def _clause(self) -> ColumnElement[bool]:
        parts = []
        for name, value in self.where.items():
            column = self.table.c[name]
            parts.append(
                column.in_(list(value)) if isinstance(value, list | tuple | set) else column == value
            )
        return and_(*parts)

    def apply(self, session: Session) -> None:
        clause = self._clause()
        self.captured = capture_delete(session, self.table, clause)
        self.tables = self.captured.tables | {self.table.name}
        session.execute(delete(self.table).where(clause))

    def revert(self, session: Session) -> None:
        self.captured.restore(session)
