"""The sqlite3 connection under a session's transaction, for bulk reads and ``executemany``."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import numpy as np
from sqlalchemy.orm import Session


def raw_connection(session: Session) -> sqlite3.Connection:
    return cast("sqlite3.Connection", session.connection().connection.driver_connection)


#: Rows bound to one ``INSERT … VALUES (…), (…), …`` at most (SQLite runs one statement for them
#: instead of one per row: about half the CPU time of ``executemany`` row by row).
ROWS_PER_STATEMENT = 500
#: Rows made Python objects at once (the rest of a batch waits as an array).
_ROWS_AS_OBJECTS = 8_192


@dataclass(frozen=True)
class Counting:
    """A column of ``first``, ``first + 1``, … (a word's position): bound once per statement."""

    first: int


def counted(values: np.ndarray) -> np.ndarray | Counting:
    """``values`` as :class:`Counting` when they run on by one (a batch's positions and sentence
    numbers do), else as they are."""
    values = np.asarray(values, dtype=np.int64)
    if (
        len(values)
        and int(values[-1]) - int(values[0]) == len(values) - 1
        and bool((np.diff(values) == 1).all())
    ):
        return Counting(int(values[0]))
    return values


#: A column of :func:`insert_columns`: a value per row, one value for every row, or :class:`Counting`.
Column = np.ndarray | int | Counting


@lru_cache(maxsize=64)
def _statement(insert: str, kinds: tuple[str, ...], rows: int) -> str:
    """``insert VALUES (…), …`` for ``rows`` rows of columns of ``kinds`` (``"shared"``, ``"counting"``,
    ``"rows"``), every parameter numbered: the shared values first (a counting column ``?n + k`` in
    row ``k``), then each row's own values in order. Made once: a run stores thousands of batches."""
    numbers: dict[int, int] = {}
    for index, kind in enumerate(kinds):
        if kind != "rows":
            numbers[index] = len(numbers) + 1
    number = len(numbers)
    values = []
    for k in range(rows):
        row = []
        for index, kind in enumerate(kinds):
            if kind == "counting":
                row.append(f"?{numbers[index]} + {k}")
            elif kind == "shared":
                row.append(f"?{numbers[index]}")
            else:
                number += 1
                row.append(f"?{number}")
        values.append("(" + ", ".join(row) + ")")
    return f"{insert} VALUES {', '.join(values)}"


def _sizes(count: int, per: int) -> list[int]:
    """``count`` rows as statements of ``per`` rows, the rest as statements of powers of two: a
    handful of statements SQLite keeps prepared, not one prepared anew for each rest."""
    sizes = [per] * (count // per)
    rest = count % per
    size = 1 << max(0, per.bit_length() - 1)
    while rest:
        while size > rest:
            size >>= 1
        sizes.append(size)
        rest -= size
    return sizes


def insert_columns(raw: sqlite3.Connection, insert: str, columns: Sequence[Column]) -> None:
    """Insert the rows whose values are ``columns`` with ``insert`` (``INSERT INTO table (a, b, …)``,
    one name per column), in order, many rows per statement. A column is an integer array (a value
    per row), an ``int`` (the same value in every row) or :class:`Counting`; those two are bound
    once per statement, not once per row (15 million words: 90 million values bound otherwise).
    At least one column is an array: it gives the count."""
    varying = [np.asarray(column, dtype=np.int64) for column in columns if isinstance(column, np.ndarray)]
    count = len(varying[0]) if varying else 0
    if not count:
        return
    shared = [column for column in columns if isinstance(column, int | Counting)]
    width = len(varying)
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, (limit - len(shared)) // width))
    table = np.column_stack(varying)
    kinds = tuple(
        "counting" if isinstance(column, Counting) else "shared" if isinstance(column, int) else "rows"
        for column in columns
    )
    done = 0
    sizes = _sizes(count, per)
    position = 0
    while position < len(sizes):
        size = sizes[position]
        run = 1  # statements of one size in a row, made Python objects together
        while (
            position + run < len(sizes)
            and sizes[position + run] == size
            and (run + 1) * size <= _ROWS_AS_OBJECTS
        ):
            run += 1
        values = table[done : done + run * size].ravel().tolist()
        step = size * width
        raw.executemany(
            _statement(insert, kinds, size),
            (
                [*_bound(shared, done + at // width), *values[at : at + step]]
                for at in range(0, len(values), step)
            ),
        )
        done += run * size
        position += run


def _bound(shared: Sequence[int | Counting], row: int) -> list[int]:
    """The shared parameters of a statement whose first row is ``row``."""
    return [column.first + row if isinstance(column, Counting) else column for column in shared]
