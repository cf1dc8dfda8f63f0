"""The sqlite3 connection under a session's transaction, for bulk reads and ``executemany``."""

from __future__ import annotations

import sqlite3
from typing import cast

from sqlalchemy.orm import Session


def raw_connection(session: Session) -> sqlite3.Connection:
    return cast("sqlite3.Connection", session.connection().connection.driver_connection)
