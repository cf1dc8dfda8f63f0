"""Many rows straight from the database driver, for the hot read paths of a large project."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session


def plain_rows(
    session: Session, statement: Select[*tuple[Any, ...]], parameters: Mapping[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """The rows of a Core ``statement`` as the driver's own tuples: no SQLAlchemy row objects and
    no type processing (two to three times quicker for 100,000 rows). Integers, text and floats come
    as they are; dates and times, JSON and booleans come as the driver gives them, and the caller
    converts them: on SQLite a time is ISO text, JSON its text and a boolean 0 or 1, on a team server
    (psycopg) a ``datetime``, parsed JSON and a ``bool`` (``suggestion_records`` in
    ``coding/language/suggestions/listing.py`` parses both kinds of time).
    ``parameters``: values of the statement's bound parameters (a statement built once)."""
    connection = session.connection()
    result = connection.execute(statement, parameters)
    try:
        return list(result.cursor.fetchall())
    except connection.dialect.loaded_dbapi.Error as exc:
        raise _wrapped(connection, exc) from exc
    finally:
        result.close()


def plain_row_stream(
    session: Session, statement: Select[*tuple[Any, ...]], at_once: int = 2048
) -> Iterator[Sequence[Any]]:
    """The rows of ``statement``, ``at_once`` fetched at a time so that memory stays at one batch.
    On SQLite the driver's own tuples as :func:`plain_rows` gives them (its cursor steps through
    the rows as they are fetched); on a team server SQLAlchemy's rows from a server-side cursor
    (values converted: a time is a ``datetime`` there, SQLite's text here). Several streams may be
    open on one session at once; each is closed when exhausted or let go."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        streamed = connection.execute(statement.execution_options(yield_per=at_once))
        try:
            for partition in streamed.partitions():
                yield from partition
        finally:
            streamed.close()
        return
    result = connection.execute(statement)
    cursor = result.cursor
    try:
        while True:
            try:
                rows = cursor.fetchmany(at_once)
            except connection.dialect.loaded_dbapi.Error as exc:
                raise _wrapped(connection, exc) from exc
            if not rows:
                return
            yield from rows
    finally:
        result.close()


def _wrapped(connection: Connection, exc: Exception) -> StatementError:
    """A driver's error wrapped as SQLAlchemy wraps it, so that the stores translate it as ever."""
    return DBAPIError.instance(
        None, None, exc, connection.dialect.loaded_dbapi.Error, dialect=connection.dialect
    )
