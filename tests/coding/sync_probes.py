"""What ``PRAGMA synchronous`` a project's connections run at: at each commit, and in the pool (FULL = 2 syncs
the write-ahead log at every commit; NORMAL = 1 leaves the sync to the next checkpoint)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from coding import Project

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


def synchronous_at_each_commit(project: Project) -> list[int]:
    """``PRAGMA synchronous`` of the connection of every commit from now on, read right before it."""
    seen: list[int] = []

    def before_commit(connection: Any) -> None:
        seen.append(int(connection.exec_driver_sql("PRAGMA synchronous").scalar()))

    event.listen(project.store.engine, "commit", before_commit)
    return seen


def synchronous_of_pooled(project: Project) -> set[int]:
    """The setting of every connection the pool holds (each taken out once, then given back)."""
    engine = project.store.engine
    taken = [engine.raw_connection() for _ in range(max(1, engine.pool.checkedin()))]  # type: ignore[attr-defined]
    try:
        return {int(c.cursor().execute("PRAGMA synchronous").fetchone()[0]) for c in taken}
    finally:
        for connection in taken:
            connection.close()
