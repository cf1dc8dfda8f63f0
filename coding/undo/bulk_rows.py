"""Inserting many rows on SQLite as the driver's tuples: each column's values bound by its type's
own processor a batch at a time, no parameter dict per row (what :class:`InsertRows` inserts)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime, Table, UniqueConstraint, insert
from sqlalchemy.dialects.sqlite import DATETIME
from sqlalchemy.orm import Session

#: Rows bound and handed to the driver at a time by :func:`insert_rows` (its tuples are transient).
_BATCH = 8192


def alike(rows: list[dict[str, Any]]) -> bool:
    """Whether every row has the first row's columns (in any order)."""
    return all(map(rows[0].keys().__eq__, map(dict.keys, rows)))


def lacks(rows: list[dict[str, Any]], name: str) -> bool:
    """Whether no row has a value for ``name``."""
    if rows and alike(rows):
        return name not in rows[0]
    return all(name not in row for row in rows)


def insert_rows(session: Session, tbl: Table, rows: list[dict[str, Any]], skip: int = 0) -> None:
    """Insert ``rows[skip:]`` as one executemany. On SQLite, when the rows have the same columns, the
    statement SQLAlchemy compiles for them gets the driver's tuples, each column's values bound by
    its type's own bind processor (a time as SQLAlchemy writes it, JSON, a document's UTF-8 text)
    a batch at a time: for an import's 200,000 codings SQLAlchemy built and processed a parameter
    dict per row, most of the time and memory of the insert. Otherwise SQLAlchemy binds them."""
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or not alike(rows):
        connection.execute(insert(tbl), rows[skip:] if skip else rows)
        return
    compiled = insert(tbl).compile(dialect=dialect, column_keys=list(rows[0]))
    names = list(compiled.positiontup or ())
    if not rows[0].keys() >= set(names):  # a default SQLAlchemy computes itself: let it
        connection.execute(insert(tbl), rows[skip:] if skip else rows)
        return
    processors = [_processor(tbl.c[name].type.dialect_impl(dialect), dialect) for name in names]
    sql = str(compiled)
    # Each row's values in the statement's order, one C call per row (a comprehension per column
    # was ≈ 1 s of an import's 800,000 rows); then only the columns with a bind processor mapped.
    getter = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    for start in range(skip, len(rows), _BATCH):
        values = list(map(getter, rows[start : start + _BATCH]))
        if any(process is not None for process in processors):
            values = list(zip(*_processed(list(zip(*values, strict=True)), processors), strict=True))
        connection.exec_driver_sql(sql, values)


def _processed(
    columns: Sequence[Sequence[Any]], processors: Sequence[Callable[[Any], Any] | None]
) -> list[Sequence[Any]]:
    return [
        values
        if process is None
        else process.column(values)
        if isinstance(process, _Times)
        else list(map(process, values))
        for values, process in zip(columns, processors, strict=True)
    ]


def insert_columns(
    session: Session,
    tbl: Table,
    columns: Mapping[str, Sequence[Any]],
    skip: int = 0,
    *,
    many: bool | None = None,
) -> None:
    """Insert the rows given column by column (every column as long, each value of its column
    bound by its type's processor, as :func:`insert_rows` binds them), from row ``skip`` on, as one
    executemany of the driver's tuples a batch at a time (many rows a statement where the table has
    no unique column besides its key, or where ``many`` says so: :func:`insert_many_rows`): no dict per
    row is ever built. SQLite only."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(tbl).compile(dialect=dialect, column_keys=list(columns))
    names = list(compiled.positiontup or ())
    if set(names) != set(columns):
        raise ValueError(
            f"the columns of {tbl.name} to insert are {sorted(columns)}, the statement's {names}"
        )
    processors = [_processor(tbl.c[name].type.dialect_impl(dialect), dialect) for name in names]
    sql = str(compiled)
    count = len(columns[names[0]])
    if many is None:
        many = not any(isinstance(constraint, UniqueConstraint) for constraint in tbl.constraints)
    for start in range(skip, count, _BATCH):
        batch = _processed([columns[name][start : start + _BATCH] for name in names], processors)
        if many:
            insert_many_rows(connection, sql, batch)
        else:
            connection.exec_driver_sql(sql, list(zip(*batch, strict=True)))


#: Rows bound to one ``INSERT … VALUES (…), (…), …`` at most (as :mod:`coding.language.sql`): SQLite
#: runs one statement for them, not one per row (an import's 400,000 turns: 0.4 s CPU instead of
#: 0.8 s), and the driver steps it once with the GIL released, not once per row. Only into a table
#: without a unique column besides its key (:func:`insert_columns`), or one whose unique indexes take
#: the rows in order (``many``): a statement of many rows that may fail on one keeps a statement
#: journal of the pages it changes, and with the random GUIDs' index each row changes a page anywhere
#: (an import's passages and codings took 10-20 % longer so; with that index built after the rows,
#: :mod:`coding.refi.guid_indexes`, half as long as a row a statement). The statement keeps its last rows' values bound: short rows only,
#: never a document's text (500 of them held 25 MB).
_ROWS_PER_STATEMENT = 500
#: Parameters one statement binds at most (SQLite's default limit before 3.32).
_MAX_PARAMETERS = 32_766


@lru_cache(maxsize=16)
def _many_rows(sql: str, rows: int) -> str:
    """``sql`` (one row's ``INSERT … VALUES (…)``) for ``rows`` rows."""
    head, _values, one = sql.rpartition(" VALUES ")
    return f"{head} VALUES {', '.join([one] * rows)}"


def insert_many_rows(connection: Connection, sql: str, columns: Sequence[Sequence[Any]]) -> None:
    """Insert the rows whose values are ``columns`` (every column as long) with ``sql`` (one row's
    ``INSERT … VALUES (…)``), in order: :data:`_ROWS_PER_STATEMENT` rows a statement, the rest one
    row a statement (one statement of each size kept prepared would be as many as batches)."""
    width = len(columns)
    count = len(columns[0]) if columns else 0
    spread: list[Any] = [None] * (count * width)
    for index, values in enumerate(columns):
        spread[index::width] = values
    flat = tuple(spread)  # its slices are the tuples the driver binds
    del spread
    per = max(1, min(_ROWS_PER_STATEMENT, _MAX_PARAMETERS // max(1, width)))
    whole = (count - count % per) * width
    if whole:
        step = per * width
        connection.exec_driver_sql(
            _many_rows(sql, per), [flat[at : at + step] for at in range(0, whole, step)]
        )
    if whole < len(flat):
        connection.exec_driver_sql(sql, [flat[at : at + width] for at in range(whole, len(flat), width)])


#: How SQLAlchemy stores a time in SQLite (``2026-12-05 21:00:10.881973``): what
#: ``datetime.isoformat(" ", "microseconds")`` writes, in C.
_SQLITE_TIME = "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"


def is_stored_time(value: Any) -> bool:
    """Whether ``value`` is a time given as the text SQLAlchemy stores for it in SQLite
    (``2026-12-05 21:00:10.881973``, naive UTC): what an import reads from a file that wrote it so
    (:func:`coding.refi.names.stored_time`), inserted as it is. Only code gives a time column a
    ``str`` (SQLAlchemy refuses one), so its shape is all that is looked at."""
    return type(value) is str and len(value) == 26 and value[10] == " " and value[19] == "."


def bindable(tbl: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` for SQLAlchemy to bind itself: a time given as its stored text (:func:`is_stored_time`)
    as the ``datetime`` it is the text of (SQLAlchemy writes the same text for it again)."""
    return {
        name: as_datetime(value) if isinstance(tbl.c[name].type, DateTime) else value
        for name, value in row.items()
    }


def as_datetime(value: Any) -> Any:
    """``value``, or the ``datetime`` it is the stored text of (:func:`is_stored_time`)."""
    return datetime.fromisoformat(value) if is_stored_time(value) else value


def _processor(impl: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The type's bind processor; for SQLite's times in SQLAlchemy's own format one that gives the
    same text from ``isoformat`` (its processor builds a dict per value: 0.6 s of an import's
    400,000 times), a time given as that text (:func:`is_stored_time`) as it is, any other value left
    to SQLAlchemy's."""
    process: Callable[[Any], Any] | None = impl.bind_processor(dialect)
    if process is None or not isinstance(impl, DATETIME) or impl._storage_format != _SQLITE_TIME:
        return process
    return _Times(process)


class _Times:
    """SQLite's time processor for SQLAlchemy's own format (:func:`_processor`): a value at a time,
    or a column at once (:meth:`column`)."""

    def __init__(self, slow: Callable[[Any], Any]) -> None:
        self.slow = slow

    def __call__(self, value: Any) -> Any:
        if type(value) is datetime:  # the fields as they stand, any time zone left out, as SQLAlchemy
            return value.isoformat(" ", "microseconds")[:26]
        if is_stored_time(value):
            return value
        return self.slow(value)

    def column(self, values: Sequence[Any]) -> list[Any]:
        """Each of ``values`` as :meth:`__call__` gives it; a column of times without a time zone
        (an import's 400,000) by calls in C, without a Python call per value; a column of stored
        texts (:func:`is_stored_time`: an import of a file that wrote its times as Codewerk does) as
        it is."""
        kinds = set(map(type, values))
        if kinds == {datetime}:
            texts = list(map(datetime.isoformat, values, repeat(" "), repeat("microseconds")))
            if set(map(len, texts)) == {26}:  # none had a time zone
                return texts
        elif kinds == {str} and set(map(len, values)) == {26}:
            joined = "\n".join(values)  # each one's shape (is_stored_time) by slices of the whole
            if set(joined[10::27]) == {" "} and set(joined[19::27]) == {"."}:
                return list(values)
        return list(map(self, values))
