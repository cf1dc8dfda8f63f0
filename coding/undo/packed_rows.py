"""What redo needs of a large insert while it is undone: its rows as SQLite stored them, packed.

Undo of an import deletes its 2,000 documents with their texts, 400,000 turns, 200,000 passages and
200,000 codings, and redo must put back exactly what was stored. Before they are deleted the rows
are read back as the driver gives them (SQLite's own values: text, integers, reals, blobs, NULL; a
time is the text SQLAlchemy wrote), a block of rows at a time, and each block is kept as one
compressed ``marshal`` string: at ten times the large corpus ≈ 60 MB, where the rows as Python
objects stood at ≈ 200 MB on top of the project's own memory. Redo inserts each block as it was read,
ids included, through no type's processor: the rows are those that were deleted, value for value.
SQLite only (a team server's values are the driver's Python objects: :class:`InsertRows` reads them
back as rows there).
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Table

from coding.undo.bulk_rows import insert_many_rows
from coding.undo.id_runs import id_runs, joined_runs

#: Rows read back, and inserted again, at a time at most (:func:`spans_of`, :func:`_block_rows`).
_BLOCK = 8192
#: About the text a block of rows holds at most: a document's text is ≈ 50 KB (2,000 documents
#: read at once stood at ≈ 500 MB while they were packed, and the C library kept the pages).
_BLOCK_BYTES = 4 * 1024 * 1024
#: Rows read first, to learn how long a table's rows are.
_PROBE = 64
#: zlib's fastest level: the documents' and passages' texts shrink to about a third of their size.
_LEVEL = 1


def spans_of(runs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """``runs`` of ids (first, last) cut into spans of at most :data:`_BLOCK` ids."""
    for first, last in runs:
        for start in range(first, last + 1, _BLOCK):
            yield start, min(last, start + _BLOCK - 1)


class PackedRows:
    """The rows of a table with the ids of ``runs``, read back as stored (:meth:`read`)."""

    def __init__(
        self, table: Table, names: list[str], blocks: list[bytes], ids: list[tuple[int, int]]
    ) -> None:
        self.table = table
        self.names = names
        self.blocks = blocks
        #: The ids of the rows read back, as runs of consecutive ids.
        self.runs = ids

    @classmethod
    def read(
        cls, connection: Connection, table: Table, key: str, runs: Sequence[tuple[int, int]]
    ) -> PackedRows:
        """The rows whose ``key`` (the table's single integer primary key) is in ``runs``, in the
        order of their ids."""
        quote = connection.dialect.identifier_preparer.quote
        names = [column.name for column in table.columns]
        at = names.index(key)
        sql = (
            f"SELECT {', '.join(map(quote, names))} FROM {quote(table.name)} "
            f"WHERE {quote(key)} BETWEEN ? AND ? ORDER BY {quote(key)}"
        )
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        blocks: list[bytes] = []
        found: list[tuple[int, int]] = []
        size = _PROBE
        try:
            for first, last in runs:
                cursor.execute(sql, (first, last))
                while rows := cursor.fetchmany(size):
                    if size == _PROBE:  # as many rows a block as make about _BLOCK_BYTES of text
                        size = _block_rows(rows)
                    columns = list(zip(*rows, strict=True))
                    del rows
                    ids = columns[at]  # in order and distinct: one run when they follow on
                    if ids[-1] - ids[0] == len(ids) - 1:
                        found.append((ids[0], ids[-1]))
                    else:
                        found.extend(id_runs(ids))
                    blocks.append(zlib.compress(marshal.dumps(columns), _LEVEL))
        finally:
            cursor.close()
        return cls(table, names, blocks, joined_runs(found))

    @property
    def row_count(self) -> int:
        return sum(last - first + 1 for first, last in self.runs)

    def ids(self) -> list[int]:
        return list(chain.from_iterable(range(first, last + 1) for first, last in self.runs))

    def insert(
        self, connection: Connection, present: dict[int, tuple[Any, ...]] | None = None, *, many: bool = False
    ) -> None:
        """Insert the rows again, block by block. ``present``: rows of a shared table that are still
        there by id (kept by undo: another coder's coding hangs on them), with the values of
        :meth:`shared_columns`; those are left as they are when they hold the same span, and
        :class:`ValueError` is raised when one does not. ``many``: many rows a statement
        (:func:`~coding.undo.bulk_rows.insert_many_rows`, as the import inserted them: redoing the huge
        import's 400,000 turns took 1.0 s CPU a row a statement), when none is present."""
        quote = connection.dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(self.table.name)} ({', '.join(map(quote, self.names))}) "
            f"VALUES ({', '.join('?' * len(self.names))})"
        )
        key = self.names.index(next(iter(self.table.primary_key.columns)).name)
        compared = [self.names.index(name) for name in self.shared_columns()]
        for block in self.blocks:
            columns = marshal.loads(zlib.decompress(block))
            if many and not present:
                insert_many_rows(connection, sql, columns)
                continue
            rows = list(zip(*columns, strict=True))
            del columns
            if present:
                kept = [row for row in rows if row[key] in present]
                for row in kept:
                    if tuple(row[i] for i in compared) != present[row[key]]:
                        raise ValueError(self.table.name)
                rows = [row for row in rows if row[key] not in present]
            if rows:  # through SQLAlchemy: a row that is there again since is its IntegrityError
                connection.exec_driver_sql(sql, rows)

    def shared_columns(self) -> list[str]:
        """The columns compared with a shared row kept by undo (its span)."""
        return [name for name in ("document_id", "start", "end") if name in self.names]

    def present(self, connection: Connection) -> dict[int, tuple[Any, ...]]:
        """The rows of these ids that are in the table now, by id, with :meth:`shared_columns`."""
        quote = connection.dialect.identifier_preparer.quote
        key = next(iter(self.table.primary_key.columns)).name
        sql = (
            f"SELECT {', '.join(map(quote, [key, *self.shared_columns()]))} FROM {quote(self.table.name)} "
            f"WHERE {quote(key)} BETWEEN ? AND ?"
        )
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        found: dict[int, tuple[Any, ...]] = {}
        try:
            for first, last in spans_of(self.runs):
                found.update((row[0], tuple(row[1:])) for row in cursor.execute(sql, (first, last)))
        finally:
            cursor.close()
        return found


def _block_rows(rows: Sequence[Sequence[Any]]) -> int:
    """How many rows like ``rows`` make about :data:`_BLOCK_BYTES` of text (1 to :data:`_BLOCK`)."""
    text = sum(len(value) for row in rows for value in row if isinstance(value, str | bytes))
    return max(1, min(_BLOCK, _BLOCK_BYTES * len(rows) // max(1, text)))
