"""The sqlite3 connection under a session's transaction, for bulk reads and ``executemany``."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import cast

import numpy as np
from sqlalchemy.orm import Session


def raw_connection(session: Session) -> sqlite3.Connection:
    return cast("sqlite3.Connection", session.connection().connection.driver_connection)


#: Rows bound to one ``INSERT … VALUES (…), (…), …`` at most (SQLite runs one statement for them
#: instead of one per row: about half the CPU time of ``executemany`` row by row).
ROWS_PER_STATEMENT = 500


def insert_columns(raw: sqlite3.Connection, insert: str, columns: Sequence[np.ndarray]) -> None:
    """Insert the rows whose values are ``columns`` (integer arrays of one length) with ``insert``
    (``INSERT INTO table (a, b, …)``, one name per column), in order, many rows per statement."""
    width, count = len(columns), len(columns[0]) if columns else 0
    if not count:
        return
    values = np.column_stack([np.asarray(column, dtype=np.int64) for column in columns]).ravel().tolist()
    row = "(" + ", ".join("?" * width) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    whole = count // per * per
    if whole:
        size = per * width
        raw.executemany(
            f"{insert} VALUES {', '.join([row] * per)}",
            (values[at : at + size] for at in range(0, whole * width, size)),
        )
    if whole < count:
        raw.execute(f"{insert} VALUES {', '.join([row] * (count - whole))}", values[whole * width :])
