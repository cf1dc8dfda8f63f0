"""Primitive, reversible writes. Every domain command is a recorded list of these.

A step is applied once while its command is planned; redo re-applies the same steps with
the same primary keys, undo reverts them in reverse order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    DateTime,
    Table,
    UniqueConstraint,
    and_,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from coding.core.changes import ASPECT_OF_TABLE, Aspect
from coding.core.in_steps import let_go
from coding.undo.bulk_rows import alike, bindable, insert_columns, insert_rows, lacks
from coding.undo.capture import Captured, capture_delete, cascading_children, in_chunks, nothing_hangs_on
from coding.undo.id_runs import id_runs, joined_runs
from coding.undo.packed_rows import PackedRows


def _pk_clause(tbl: Table, pk: Mapping[str, Any]) -> ColumnElement[bool]:
    return and_(*(tbl.c[name] == value for name, value in pk.items()))


#: Inserts of more rows than this (an import) are not compared value by value before undo.
_CHECKED_ROWS = 500

#: Rows several commands (and coders) share: a passage is the span that codings hang on. Undoing
#: the command that created one keeps it while codings of others still hang on it.
SHARED_TABLES = frozenset({"passage"})
#: Rows derived from a document (its search index) belong to no one: deleting them with the
#: document is no one's loss, and the index is built again when needed.
DERIVED_TABLES = frozenset(name for name, aspect in ASPECT_OF_TABLE.items() if aspect is Aspect.INDEX)


#: How many rows :meth:`InsertRows._pack` turns into columns in one C call (see there).
PACK_BLOCK = 4_096


class ChangedSince(Exception):
    """Undo or redo of a step would overwrite or delete what someone else wrote since."""

    def __init__(self, table_name: str) -> None:
        super().__init__(table_name)
        self.table_name = table_name


class Step(ABC):
    tables: frozenset[str]

    @abstractmethod
    def apply(self, session: Session) -> None: ...

    @abstractmethod
    def revert(self, session: Session) -> None: ...

    def before_revert(self, session: Session) -> None:  # noqa: B027 (most steps need nothing)
        """Called for every step of a command before any of them is reverted (the database still
        holds everything the command wrote)."""

    def settle(self) -> None:  # noqa: B027
        """Called once the transaction that applied the step has committed."""


#: A column a row of an insert has no value for (the table's default applies).
_ABSENT = object()


#: Runs of ids in one condition.
_CHUNK_RUNS = 200

#: An insert of more rows than this (an import's passages, codings, turns) keeps only the ids of
#: its rows once applied (:class:`InsertRows`).
COMPACT_ROWS = 5000
#: So does an insert of more than ``_CHECKED_ROWS`` rows whose texts hold more characters than this
#: (an import's 2,000 documents: ≈ 100 MB of texts at ten times the large corpus).
COMPACT_TEXT = 8_000_000


def _refers_to_itself(tbl: Table) -> bool:
    """Whether a foreign key of ``tbl`` points at ``tbl`` (a code's parent)."""
    return any(key.column.table is tbl for key in tbl.foreign_keys)


class InsertRows(Step):
    """Insert rows; the first apply learns their primary keys, later applies reuse them.

    Once applied, the rows are kept column by column (a list of values per column, not a dict per
    row): an import of 400,000 turns is a third of the memory for its undo record. :attr:`rows`
    gives them back as dicts.

    An insert of more than :data:`COMPACT_ROWS` rows with a single-column key and no JSON keeps only
    its rows' ids (runs of consecutive ids: a few numbers) once the transaction that applied it has
    committed (:meth:`settle`): the rows are in the database. Until then it holds them column by
    column as above (a transaction tried again applies them again). Before its command is undone
    (:meth:`before_revert`, while every row the command wrote is still there) it reads them back as
    they are stored, for redo to insert again (on SQLite, when more than ``_CHECKED_ROWS``, packed as
    SQLite stored them: :class:`PackedRows`; else column by column as above); once redone it keeps
    only the ids again. So an undo record of an import holds no copy of what it imported, and undo
    and redo put back exactly what was stored. So does an insert of many rows with long texts (an
    import's documents: :data:`COMPACT_TEXT`).

    ``once``: a plan that is never tried again (:meth:`Writer.commits_once`) lets such an insert
    keep only the ids as soon as it is first applied, not at commit: an import's 200,000 passages
    with their text and 400,000 turns no longer stand until then. Applying it again before it
    settled then raises (redo keeps its rows until commit, as every insert)."""

    def __init__(self, tbl: Table, rows: list[dict[str, Any]], *, once: bool = False) -> None:
        self.table = tbl
        self._once = once
        #: Many rows a statement (:func:`insert_columns`), when first applied by column.
        self._many: bool | None = None
        self._rows: list[dict[str, Any]] | None = rows
        self._columns: dict[str, Sequence[Any]] = {}
        #: While applied and compact: the ids of the rows, as runs (see :func:`~coding.undo.id_runs.id_runs`); while
        #: undone with its rows packed (:attr:`_packed`): theirs.
        self._runs: list[tuple[int, int]] | None = None
        #: While undone, on SQLite: the rows read back before they were deleted, for redo.
        self._packed: PackedRows | None = None
        self.row_count = len(rows)
        self.tables = frozenset({tbl.name})
        # Fill client-side defaults (guid, created_at …) now, so that a redo inserts the same values.
        given = rows[0].keys() if rows and alike(rows) else frozenset()  # what every row has
        for column in tbl.columns:
            default = column.default
            if default is None or not hasattr(default, "arg") or column.name in given:
                continue
            for row in rows:
                if column.name not in row:
                    row[column.name] = default.arg if default.is_scalar else default.arg(None)

    @classmethod
    def of_columns(
        cls,
        tbl: Table,
        columns: Mapping[str, Sequence[Any]],
        *,
        once: bool = False,
        many: bool | None = None,
    ) -> InsertRows:
        """Rows given column by column (every column as long; none of the single-column primary key,
        which the insert assigns; no column with a client-side default left out): an import's
        400,000 turns go in without a dict per row (:func:`insert_columns` on SQLite, ``many`` as it
        takes it when first applied)."""
        pk = [column.name for column in tbl.primary_key.columns]
        if len(pk) != 1 or pk[0] in columns or not columns:
            raise ValueError(f"rows of {tbl.name} by column: without their single-column key")
        missing = [c.name for c in tbl.columns if c.default is not None and c.name not in columns]
        if missing:
            raise ValueError(f"rows of {tbl.name} by column: without {missing}")
        step = cls(tbl, [], once=once)
        step._many = many
        step._rows = None
        step._columns = dict(columns)
        step.row_count = len(next(iter(columns.values())))
        if any(len(values) != step.row_count for values in columns.values()):
            raise ValueError(f"rows of {tbl.name} by column: columns of different lengths")
        return step

    @property
    def compact(self) -> bool:
        """Whether only the rows' ids are kept (applied, and large): :attr:`rows` is not at hand."""
        return self._runs is not None

    @property
    def rows(self) -> list[dict[str, Any]]:
        if self._runs is not None:
            raise RuntimeError(
                f"the {self.row_count} rows inserted into {self.table.name} are in the database"
            )
        if self._rows is not None:
            return self._rows
        names = list(self._columns)
        return [
            {name: value for name, value in zip(names, values, strict=True) if value is not _ABSENT}
            for values in zip(*self._columns.values(), strict=True)
        ]

    def column(self, name: str) -> Sequence[Any]:
        """The values of one column of the rows, in their order (what :attr:`rows` gives, without
        building a dict per row); read only. Of a compact step only its key."""
        if self._runs is None and self._rows is None and name in self._columns:
            return self._columns[name]
        if self._runs is not None and name == self._key():
            return [key for first, last in self._runs for key in range(first, last + 1)]
        return [row[name] for row in self.rows]

    def _pack(self, rows: list[dict[str, Any]]) -> None:
        if len(rows) > 1 and len(rows[0]) > 1 and alike(rows):
            names = list(rows[0])
            take = itemgetter(*names)
            # One tuple per row taken in C, turned into one tuple per column, a block of rows at a time: each
            # block is one C call holding the GIL (a few ms; blocks of 16,384 held it 0.06 s at load 5), so the
            # window's thread has it between blocks; all at once, the 255,136 suggestions a Find stores held it
            # 0.34–0.40 s CPU while the window waited.
            blocks = [
                list(zip(*map(take, rows[start : start + PACK_BLOCK]), strict=True))
                for start in range(0, len(rows), PACK_BLOCK)
            ]
            self._columns = {
                name: tuple(chain.from_iterable(block[i] for block in blocks)) for i, name in enumerate(names)
            }
        else:
            names = list(dict.fromkeys(name for row in rows for name in row))
            self._columns = {name: [row.get(name, _ABSENT) for row in rows] for name in names}
        self._rows = None

    def _key(self) -> str | None:
        """The name of the table's single-column primary key."""
        pk = list(self.table.primary_key.columns)
        return pk[0].name if len(pk) == 1 else None

    def _compactable(self) -> bool:
        if len(self.table.primary_key.columns) != 1 or any(
            isinstance(column.type, JSON) for column in self.table.columns
        ):
            return False
        return self.row_count > COMPACT_ROWS or (
            self.row_count > _CHECKED_ROWS and self._text_size() > COMPACT_TEXT
        )

    def _text_size(self) -> int:
        """How many characters (or bytes) the rows' texts hold."""
        values: Iterable[Sequence[Any]] = (
            self._columns.values() if self._rows is None else [list(row.values()) for row in self._rows]
        )
        return sum(len(value) for column in values for value in column if isinstance(value, str | bytes))

    def _packable(self, session: Session) -> bool:
        """Whether undo keeps the rows packed for redo (:class:`PackedRows`): on SQLite, rows not
        compared value by value before undo (more than ``_CHECKED_ROWS``), an integer key."""
        key = self._key()
        return (
            key is not None
            and self.row_count > _CHECKED_ROWS
            and session.get_bind().dialect.name == "sqlite"
            and self.table.c[key].type.python_type is int
        )

    def apply(self, session: Session) -> None:
        if self._packed is not None:
            self._apply_packed(session, self._packed)
            return
        if self._once and self._runs is not None:
            raise RuntimeError(f"the rows inserted into {self.table.name} were let go: not applied again")
        if self._by_column(session):
            return
        rows = self.rows
        first = self._insert(session, rows)
        if self._once and self._compactable():
            pk = next(iter(self.table.primary_key.columns)).name
            if first is not None:  # the ids that follow the first's
                self._runs = [(first, first + len(rows) - 1)]
            else:
                self._runs = id_runs(row[pk] for row in rows)
            self._rows = None
            return
        self._once = False
        # Kept column by column until settled (a transaction tried again applies them again), not
        # as the caller's dicts: an import that inserts in batches lets go of each batch's dicts.
        self._pack(rows)

    def _by_column(self, session: Session) -> bool:
        """First applied on SQLite with its rows by column (:meth:`of_columns`): the first row
        learns its id, as in :meth:`_insert`, and the others take the ids that follow."""
        pk = next(iter(self.table.primary_key.columns))
        if self._rows is not None or pk.name in self._columns or session.get_bind().dialect.name != "sqlite":
            return False
        columns = self._columns
        first_row = bindable(self.table, {name: values[0] for name, values in columns.items()})
        first = int(session.execute(insert(self.table).returning(pk), first_row).scalar_one())
        if self.row_count > 1:
            insert_columns(session, self.table, columns, 1, many=self._many)
        if self._once and self._compactable():
            self._runs = [(first, first + self.row_count - 1)]
            self._columns = {}
            return True
        self._once = False
        self._columns = {pk.name: range(first, first + self.row_count), **columns}
        return True

    def _apply_packed(self, session: Session, packed: PackedRows) -> None:
        """Redo on SQLite: the rows read back before undo, inserted as they were stored; kept until
        the redo commits (a transaction tried again applies them again)."""
        connection = session.connection()
        present = packed.present(connection) if self.table.name in SHARED_TABLES else None
        try:
            packed.insert(connection, present, many=self._many_a_statement())
        except ValueError as exc:  # a shared row kept by undo holds another span since
            raise ChangedSince(self.table.name) from exc
        self._runs = packed.runs

    def _sorted_runs(self) -> list[tuple[int, int]] | None:
        """The rows' ids as sorted runs when only those are kept (compact, or packed by undo): what
        ``id_runs(sorted(keys))`` gives, without an id at a time; else ``None``."""
        return None if self._runs is None else joined_runs(sorted(self._runs))

    def _many_a_statement(self) -> bool:
        """Whether redo inserts many rows a statement, as the first apply did by column
        (:func:`~coding.undo.bulk_rows.insert_columns`): where it was told so, else into a table
        without a unique column besides its key (an import's turns; never its documents)."""
        if self._many is not None:
            return self._many
        return not any(isinstance(constraint, UniqueConstraint) for constraint in self.table.constraints)

    def settle(self) -> None:
        self._once = False  # redone later: kept until that commit, as every insert
        self._packed = None  # redone and committed: the rows are in the database again
        if self._runs is None and self._columns and self._compactable():
            pk = next(iter(self.table.primary_key.columns)).name
            self._runs = id_runs(self._columns[pk])
            let_go(
                self._columns
            )  # a column at a time: all at once held the GIL 0.1–0.16 s (255,136 suggestions)

    def before_revert(self, session: Session) -> None:
        if self._runs is None:
            return
        pk = next(iter(self.table.primary_key.columns))
        if self._packable(session):
            self._packed = PackedRows.read(session.connection(), self.table, pk.name, self._runs)
            self._runs = self._packed.runs
            return
        columns = list(self.table.c)
        found: list[Any] = []
        for first, last in self._runs:
            query = select(*columns).where(pk.between(first, last)).order_by(pk)
            found.extend(session.execute(query))
        self._runs = None
        # Straight into columns: no dict per row (an import's 200,000 codings).
        values = list(zip(*found, strict=True)) if found else [() for _column in columns]
        self._columns = dict(zip((column.name for column in columns), values, strict=True))
        self._rows = None

    def _insert(self, session: Session, rows: list[dict[str, Any]]) -> int | None:
        """Insert ``rows``; the first one's id when the others took the ids that follow it."""
        pk_columns = list(self.table.primary_key.columns)
        pk = pk_columns[0]
        sqlite = session.get_bind().dialect.name == "sqlite"
        if sqlite and len(pk_columns) == 1 and lacks(rows, pk.name):
            # SQLite cannot tie the ids of a many-row INSERT … RETURNING to its rows (SQLAlchemy
            # then inserts one row per statement). Instead the first row learns its id, and since
            # that insert holds the file's write lock until commit and its id is above every id in
            # use, the others take the ids that follow and go in as one executemany.
            first = session.execute(
                insert(self.table).returning(pk), bindable(self.table, rows[0])
            ).scalar_one()
            for offset, row in enumerate(rows):
                row[pk.name] = first + offset
            if len(rows) > 1:
                insert_rows(session, self.table, rows, 1)
            return int(first)
        if len(pk_columns) == 1 and any(pk.name not in row for row in rows):
            result = session.execute(insert(self.table).returning(pk, sort_by_parameter_order=True), rows)
            for row, new_id in zip(rows, result.scalars(), strict=True):
                row[pk.name] = new_id
        elif self.table.name in SHARED_TABLES:
            # Redo: a shared row kept by undo (another coder's coding holds the passage) stays.
            present = self._present(session)
            missing = [row for row in rows if row[pk.name] not in present]
            for row in rows:
                kept = present.get(row[pk.name])
                if kept is not None and any(kept[k] != row[k] for k in kept):
                    raise ChangedSince(self.table.name)
            if missing:
                insert_rows(session, self.table, missing)
        else:
            insert_rows(session, self.table, rows)
        return None

    def _present(self, session: Session) -> dict[Any, dict[str, Any]]:
        pk = next(iter(self.table.primary_key.columns))
        columns = [self.table.c[name] for name in ("document_id", "start", "end") if name in self.table.c]
        ids = [row[pk.name] for row in self.rows]
        rows = session.execute(select(pk, *columns).where(pk.in_(ids))).mappings()
        return {row[pk.name]: {c.name: row[c.name] for c in columns} for row in rows}

    def revert(self, session: Session) -> None:
        pk_names = [col.name for col in self.table.primary_key.columns]
        if len(pk_names) == 1:
            self._revert_by_key(session, pk_names[0])
            return
        rows = self.rows
        if self.table.name in SHARED_TABLES:
            used = self._still_used(session, [row[pk_names[0]] for row in rows])
            rows = [row for row in rows if row[pk_names[0]] not in used]
        else:
            self._refuse_changed_since(session, pk_names)
            self._refuse_foreign_cascade(session, pk_names)
        if not rows:
            return
        clause = and_(*(self.table.c[name] == bindparam(f"pk_{name}") for name in pk_names))
        keys = [{f"pk_{name}": row[name] for name in pk_names} for row in reversed(rows)]
        session.execute(delete(self.table).where(clause), keys)  # one executemany, last row first

    def _revert_by_key(self, session: Session, name: str) -> None:
        """:meth:`revert` of rows with a single-column key, from their keys alone (an import's
        400,000 turns: no dict per row), deleted a run of ids at a time where the keys are integers
        and the table has no key into itself (whose rows one statement would delete in another
        order than the last row first)."""
        pk = self.table.c[name]
        runs = self._sorted_runs()
        if runs is not None and self.table.name not in SHARED_TABLES and not _refers_to_itself(self.table):
            # Only the ids are kept (an import's 400,000 turns): by their runs, not an id at a time.
            self._refuse_changed_since(session, [name])
            self._refuse_foreign_cascade(session, [name], runs)
            for start in range(0, len(runs), _CHUNK_RUNS):  # SQLite binds at most 32,766 values
                chunk = runs[start : start + _CHUNK_RUNS]
                session.execute(delete(self.table).where(or_(*(pk.between(a, b) for a, b in chunk))))
            return
        keys = list(self.column(name))
        if self.table.name in SHARED_TABLES:
            used = self._still_used(session, keys)
            if used:
                keys = [key for key in keys if key not in used]
        else:
            self._refuse_changed_since(session, [name])
            self._refuse_foreign_cascade(session, [name])
        if not keys:
            return
        if len(keys) > 1 and all(type(key) is int for key in keys) and not _refers_to_itself(self.table):
            runs = id_runs(sorted(keys))
            for start in range(0, len(runs), _CHUNK_RUNS):  # SQLite binds at most 32,766 values
                chunk = runs[start : start + _CHUNK_RUNS]
                session.execute(delete(self.table).where(or_(*(pk.between(a, b) for a, b in chunk))))
            return
        rows = [{f"pk_{name}": key} for key in reversed(keys)]
        session.execute(delete(self.table).where(pk == bindparam(f"pk_{name}")), rows)  # last row first

    def _still_used(self, session: Session, keys: list[Any]) -> set[Any]:
        """The rows of ``keys`` that rows of other tables still hang on (deleting one would take
        them with it), looked up in batches: an import's 200,000 passages one by one took minutes."""
        used: set[Any] = set()
        ordered = sorted(keys)
        for _child, child_column, _parent_column in cascading_children(self.table):
            # An import's passages are runs of ids: a few BETWEENs instead of 40 IN lists of 5,000
            # (0.48 s CPU at ten times the large corpus)
            for condition in in_chunks(child_column, ordered, by_runs=True):
                found = session.execute(select(child_column).where(condition).distinct())
                used.update(found.scalars())
        return used

    def _refuse_changed_since(self, session: Session, pk_names: list[str]) -> None:
        """Our rows must still hold what we wrote (plain values; times, also given as their stored
        text, and JSON are not compared)."""
        if len(pk_names) != 1 or self.row_count > _CHECKED_ROWS:
            return
        pk = self.table.c[pk_names[0]]
        plain = [
            name
            for name, value in self.rows[0].items()
            if name in self.table.c
            and isinstance(value, str | int | float | bool)
            and not isinstance(self.table.c[name].type, DateTime)
        ]
        if not plain:
            return
        query = select(pk, *(self.table.c[name] for name in plain))
        current = {
            row[pk.name]: row
            for row in session.execute(query.where(pk.in_([r[pk.name] for r in self.rows]))).mappings()
        }
        for row in self.rows:
            now = current.get(row[pk.name])
            if now is not None and any(now[name] != row.get(name) for name in plain):
                raise ChangedSince(self.table.name)

    def _refuse_foreign_cascade(
        self, session: Session, pk_names: list[str], runs: list[tuple[int, int]] | None = None
    ) -> None:
        """Deleting our rows must not take rows with it that were added since (someone else's
        review of a coding we made): those rows are theirs, and undo refuses.

        A passage that goes with its last coding (the schema's trigger) is not such a row; what
        hangs on that passage is."""
        if len(pk_names) != 1:
            return
        if not cascading_children(self.table) and self.table.name != "coding":
            return  # what the delete takes is only the rows of its condition: ours
        pk = self.table.c[pk_names[0]]
        if runs is None:
            ours = set(self.column(pk_names[0]))
            runs = id_runs(sorted(ours))
            if not all(type(key) is int for key in ours):
                runs = None
        if runs is not None and nothing_hangs_on(session, self.table, runs):
            return  # nothing but ours would go (asked of the database, not read back)
        ours = set(self.column(pk_names[0]))
        runs = id_runs(sorted(ours))
        for start in range(0, len(runs), _CHUNK_RUNS):  # SQLite binds at most 32,766 values
            clause = or_(*(pk.between(first, last) for first, last in runs[start : start + _CHUNK_RUNS]))
            captured = capture_delete(session, self.table, clause, keys_only=True)
            for name, rows in captured.rows.items():
                if name == self.table.name:
                    if any(row[pk_names[0]] not in ours for row in rows):
                        raise ChangedSince(name)
                elif (
                    rows
                    and name not in DERIVED_TABLES
                    and not (name == "passage" and self.table.name == "coding")
                ):
                    raise ChangedSince(name)


class UpdateRow(Step):
    """Set columns of one row; remembers the old values for undo."""

    def __init__(self, tbl: Table, pk: Mapping[str, Any], values: Mapping[str, Any]) -> None:
        self.table = tbl
        self.pk = dict(pk)
        self.values = dict(values)
        self.old: dict[str, Any] = {}
        self.tables = frozenset({tbl.name})

    def _current(self, session: Session) -> dict[str, Any] | None:
        columns = [self.table.c[name] for name in self.values]
        row = session.execute(select(*columns).where(_pk_clause(self.table, self.pk))).mappings().first()
        return None if row is None else dict(row)

    def apply(self, session: Session) -> None:
        current = self._current(session)
        if current is None:
            if self.old:  # redo: the row is gone since
                raise ChangedSince(self.table.name)
            raise LookupError(f"no {self.table.name} row {self.pk}")
        if self.old and current != self.old:  # redo over a value someone else wrote since
            raise ChangedSince(self.table.name)
        self.old = current
        session.execute(update(self.table).where(_pk_clause(self.table, self.pk)).values(self.values))

    def revert(self, session: Session) -> None:
        if self._current(session) != self.values:  # someone else changed (or deleted) the row since
            raise ChangedSince(self.table.name)
        session.execute(update(self.table).where(_pk_clause(self.table, self.pk)).values(self.old))


class DeleteRows(Step):
    """Delete rows matching ``where`` and, through the schema, their cascade; undo restores all.

    ``where`` maps column names to a value, or to a list of values (``IN``).
    """

    def __init__(self, tbl: Table, where: Mapping[str, Any]) -> None:
        self.table = tbl
        self.where = dict(where)
        self.captured = Captured()
        self.tables = frozenset({tbl.name})

    def _clause(self) -> ColumnElement[bool]:
        parts = []
        for name, value in self.where.items():
            column = self.table.c[name]
            parts.append(
                column.in_(list(value)) if isinstance(value, list | tuple | set) else column == value
            )
        return and_(*parts)

    def apply(self, session: Session) -> None:
        clause = self._clause()
        self.captured = capture_delete(session, self.table, clause)
        self.tables = self.captured.tables | {self.table.name}
        session.execute(delete(self.table).where(clause))

    def revert(self, session: Session) -> None:
        self.captured.restore(session)
