"""The passages' and codings' unique GUID indexes built again after an import's many rows (issue 19).

Each GUID is random, so each inserted row took a page anywhere in its table's GUID index: at ten times the
large corpus (189,000 passages and 200,000 codings into an empty project) ≈ 0.7 s of SQLite's inserts, where
building both indexes after the rows takes ≈ 0.3 s. So an import that adds at least :data:`MIN_ROWS` rows to a
table, and at least as many as the table holds, drops that table's index before its rows and makes it again,
with the very statement it had, right after them (before the reviews, memos and judgements are merged).

Why that is safe, on SQLite only:

* it happens inside the import's one write transaction (``BEGIN IMMEDIATE``, schema changes are
  transactional): a cancel or an error rolls the drop back with the rows, and the commit has the index;
* no other connection sees the table without its index: another program's (or thread's) reader reads the
  last committed state (WAL) and a writer waits for the lock; after the commit their statements are
  prepared again against the new schema (SQLite does that by itself);
* the import's rows are unique by GUID before they are written (the file's ``GuidRegistry``, the project's
  own GUIDs left out of the new rows), and making the index again checks it: a duplicate would fail the
  import as an insert would have, with nothing written;
* undo and redo are the import's recorded row steps; when they delete or insert as many rows (at least
  :data:`MIN_ROWS`, and at least as many as the table keeps besides) they drop and make the index again too
  (:func:`around_steps`), in their one transaction: undoing the huge import deleted 200,000 codings, and
  their passages by the orphan-passage trigger, each from a page anywhere in its GUID index (≈ 1.2 s of
  the codings' 2.4 s delete at ten times the large corpus).

A team server (PostgreSQL) keeps its indexes: dropping one there locks the table against every other
member's reads until the commit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.undo.steps import InsertRows, Step
from models import Coding, Passage

#: The fewest rows an import adds to a table before its GUID index is built after them instead of kept up.
MIN_ROWS = 10_000


class GuidIndexes:
    """The GUID indexes one import dropped, to make again (:meth:`build`) with the statements they had."""

    def __init__(self, session: Session) -> None:
        self._connection = session.connection()
        self.usable = self._connection.dialect.name == "sqlite"
        #: The ``CREATE UNIQUE INDEX`` statements of the dropped indexes, as ``sqlite_master`` had them.
        self.dropped: list[str] = []
        self._tables: set[str] = set()

    def worth(self, rows: int) -> bool:
        """Whether an import of at most ``rows`` new rows to a table may drop its index."""
        return self.usable and rows >= MIN_ROWS

    def drop(self, table: type[Passage] | type[Coding], new: int, present: int) -> None:
        """Drop ``table``'s GUID index when the import adds ``new`` rows, at least :data:`MIN_ROWS` and at least
        as many as the ``present`` rows the table holds (building the index again reads those too)."""
        if not self.worth(new) or new < present:
            return
        name = f"ix_{table.__tablename__}_guid"
        statement = self._connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).scalar()
        if statement is None:  # not the schema this was written for: kept up as before
            return
        self._connection.exec_driver_sql(f'DROP INDEX "{name}"')
        self.dropped.append(statement)
        self._tables.add(table.__tablename__)

    def without(self, table: type[Passage] | type[Coding]) -> bool | None:
        """``True`` while ``table``'s GUID index is dropped: its other unique indexes take the import's rows in
        order, so many rows a statement (:func:`coding.undo.bulk_rows.insert_columns`) cost half as much as a
        row a statement; else ``None`` (as the table's constraints say)."""
        return True if table.__tablename__ in self._tables else None

    def build(self) -> None:
        """Make the dropped indexes again (in the import's transaction, after its rows)."""
        while self.dropped:
            self._connection.exec_driver_sql(self.dropped.pop(0))
        self._tables.clear()


@contextmanager
def around_steps(session: Session, steps: Sequence[Step] | None, *, undo: bool) -> Iterator[None]:
    """The passages' and codings' GUID indexes dropped while an import's recorded ``steps`` are undone
    (``undo``: their rows deleted) or redone (inserted again), where they are many rows of the table
    (:meth:`GuidIndexes.drop`: the rows the table keeps besides are read when it is made again), and
    made again after them, in the same transaction; an error rolls back the drop with the rest."""
    indexes = GuidIndexes(session)
    if indexes.usable:
        for table in (Passage, Coding):
            rows = sum(
                step.row_count
                for step in steps or ()
                if isinstance(step, InsertRows) and step.table.name == table.__tablename__
            )
            if not indexes.worth(rows):
                continue
            present = int(session.execute(select(func.count()).select_from(table)).scalar_one())
            indexes.drop(table, rows, present - rows if undo else present)
    yield
    indexes.build()
