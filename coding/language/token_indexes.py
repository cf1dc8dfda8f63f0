"""The token table's own indexes (by term) while a large part of the index is built.

Every word stored is one row in ``token`` and one entry in each index on it; the term index is
written at random places (a word's term decides where), which costs more than the row itself.
When a run writes at least as many rows as the project keeps from before (a first index, another
pipeline), the indexes are dropped before the run and built again after it from the rows, in one
sorted pass: the same indexes, about 6 s for 15 million words instead of about 50 s of inserts.

While they are away, a search in another program reads the token table without them (slower,
the same hits). If the process ends in between, :func:`restore_token_indexes` (called before any
use of the index) builds them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Index, Table

from coding.core.ids import DocumentId
from coding.core.store import Store
from coding.language.sql import raw_connection
from models.language import Token

#: Below this many characters to index, rows go into the indexes as they are inserted.
DEFERRED_FROM_CHARACTERS = 200_000
#: SQLite's page cache (KiB, as ``PRAGMA cache_size`` takes a negative number) while it builds the
#: indexes again. Its sorter sorts runs of this size in memory (of at least 250 pages: 1 MiB) and
#: merges them: runs that fit the processor's cache sort faster than the default 2 MiB (15 million
#: entries: ≈ 11.6 s user against ≈ 15.9 s; 8 MiB ≈ 19 s).
SORT_CACHE_KIB = 1024


def _indexes() -> list[Index]:
    table: Table = Token.__table__  # type: ignore[assignment]  # a mapped class's Table
    return sorted(table.indexes, key=lambda index: str(index.name))


def _present_in(raw: sqlite3.Connection) -> set[str]:
    rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'token'")
    return {name for (name,) in rows}


def _present(store: Store) -> set[str]:
    with store.read() as session:
        return _present_in(raw_connection(session))


def restore_token_indexes(store: Store) -> bool:
    """Build the token table's indexes that are missing (a run that ended before it built them
    again). Returns whether any was missing; a read-only project is left as it is."""
    present = _present(store)
    missing = [index for index in _indexes() if index.name not in present]
    if not missing or store.read_only:
        return bool(missing)
    with store.write() as session, _sort_cache(raw_connection(session)):
        for index in missing:
            index.create(session.connection(), checkfirst=True)
    return True


def worth_deferring(store: Store, documents: Iterable[tuple[DocumentId, int]]) -> bool:
    """Whether indexing ``documents`` (id, characters) writes at least as many rows as the
    index keeps from its other documents, and enough to matter (:data:`DEFERRED_FROM_CHARACTERS`)."""
    todo = dict(documents)
    new = sum(todo.values())
    if new < DEFERRED_FROM_CHARACTERS or not todo:
        return False
    with store.read() as session:
        rows = raw_connection(session).execute(
            "SELECT d.id, d.length FROM document d JOIN text_index x ON x.document_id = d.id"
        )
        kept = sum(length for doc_id, length in rows if doc_id not in todo)
    return bool(new >= kept)


@contextmanager
def deferred_token_indexes(store: Store, defer: bool) -> Iterator[None]:
    """With ``defer``: the token table's indexes dropped for the block and built again after it
    from the statements that made them (also when it raises); without: made sure they are all
    there."""
    if not defer:
        restore_token_indexes(store)
        yield
        return
    with store.write() as session:
        raw = raw_connection(session)
        made = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'token' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in made:
            raw.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with store.write() as session:
            raw = raw_connection(session)
            present = _present_in(raw)
            with _sort_cache(raw):
                for name, sql in made:
                    if name not in present:  # another program's run may have built it already
                        raw.execute(sql)
        restore_token_indexes(store)


@contextmanager
def _sort_cache(raw: sqlite3.Connection) -> Iterator[None]:
    """The connection's page cache at :data:`SORT_CACHE_KIB` for the block, as it was after it."""
    (before,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute(f"PRAGMA cache_size={-SORT_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size={int(before)}")
