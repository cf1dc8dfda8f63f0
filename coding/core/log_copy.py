"""A large write's log copied into the project file by a thread of its own, after its commit (issue 19).

SQLite writes a transaction into the project's write-ahead log; once the log holds 1,000 pages or more, the
commit itself goes on to copy the log into the file (its automatic checkpoint) before it returns. After a
``.qdpx`` import at ten times the large corpus that is 209 MB copied and synced: ≈ 0.3 s CPU, 0.9–1.1 s wall
on a busy machine, at the end of the import, while the window's progress still shows it. A write that asks for
it (:func:`copy_later`, an import and its undo and redo) commits without that copy instead, and the store
copies the log right after the commit in a thread of its own (:class:`LogCopier`): the command returns, the
window announces it and reads its rows again meanwhile.

Nothing is at risk: the commit has synced the log (``synchronous=FULL``, ``models.database``), which holds
every committed transaction until it is copied (the same PASSIVE checkpoint
SQLite would have made, on another connection: it waits for no reader or writer and copies what it can); the
connection that committed gets SQLite's automatic checkpoint back when it returns to the pool (whatever
happened to the write); closing the store waits for the copy under way, and the window's own checkpoint
(:meth:`coding.core.store.Store.checkpoint`, two seconds after a change) follows it in the same thread then,
so that the window's thread never waits for it.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

#: A write session's ``info`` key: its commit leaves copying the log into the file to :class:`LogCopier`.
COPY_LATER = "codewerk.copy_log_later"
#: A pooled connection's ``info`` key: its automatic checkpoint (pages) while one commit goes without it.
_HELD_BACK = "codewerk.autocheckpoint"


def copy_later(session: Session) -> None:
    """Ask that the commit of ``session``'s write transaction leave copying the log into the file to a thread
    of its own (SQLite; elsewhere, or inside a held transaction's savepoint, nothing changes)."""
    session.info[COPY_LATER] = True


def hold_back(session: Session) -> bool:
    """Right before the commit of ``session``'s transaction: whether it asked to leave the copy to a thread
    (:func:`copy_later`); if so, its connection's automatic checkpoint is off until the connection goes back
    to the pool (:func:`restore_on_return`). Always takes the request back."""
    if not session.info.pop(COPY_LATER, False):
        return False
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return False
    pages = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
    if not pages:  # no automatic checkpoint to hold back
        return False
    connection.connection.info[_HELD_BACK] = int(pages)
    connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    return True


def restore_on_return(engine: Engine) -> None:
    """Give each of ``engine``'s connections whose automatic checkpoint was held back (:func:`hold_back`) its
    checkpoint again as it returns to the pool, whether its transaction committed or not."""
    if engine.dialect.name == "sqlite":
        event.listen(engine.pool, "checkin", _restore)


def _restore(dbapi_connection: Any, record: Any) -> None:
    pages = record.info.pop(_HELD_BACK, None)
    if pages is None or dbapi_connection is None:
        return
    try:
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={int(pages)}")
    except sqlite3.Error:
        record.invalidate()  # never back into the pool without it


class LogCopier:
    """The thread that copies the log into the file after a commit that left it (:func:`hold_back`); one copy
    at a time, each after the one before."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self, engine: Engine) -> None:
        """Copy what the log holds into the file in a thread of its own (a PASSIVE checkpoint)."""
        with self._lock:
            thread = threading.Thread(
                target=_copy, args=(engine, self._thread), name="codewerk-log-copy", daemon=True
            )
            self._thread = thread
            thread.start()

    @property
    def busy(self) -> bool:
        """Whether a copy is under way."""
        with self._lock:
            return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        """Until the copy under way, if any, is done."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()


def _copy(engine: Engine, before: threading.Thread | None) -> None:
    if before is not None:
        before.join()
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                cursor.fetchall()
            finally:
                cursor.close()
        finally:
            connection.close()
    except (sqlite3.Error, DBAPIError):
        return  # nothing is lost: the log keeps it, and the next checkpoint copies it
