"""The command: one user action, planned once inside its transaction, then undoable and redoable."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coding.core.changes import Change
from coding.core.errors import UndoConflictError
from coding.core.ids import DocumentId
from coding.undo.capture import table
from coding.undo.steps import ChangedSince, DeleteRows, InsertRows, Step, UpdateRow


class Writer:
    """What a command's plan writes through: every write becomes a recorded step."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.steps: list[Step] = []
        self.documents: set[DocumentId] = set()
        self.all_documents = False

    def _run(self, step: Step) -> None:
        step.apply(self.session)
        self.steps.append(step)

    def insert(self, table_name: str, values: Mapping[str, Any]) -> int:
        """Insert one row and return its id."""
        row = dict(values)
        tbl = table(table_name)
        self._run(InsertRows(tbl, [row]))
        pk = next(iter(tbl.primary_key.columns)).name
        return int(row[pk])

    def insert_many(self, table_name: str, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Insert rows; returns them with their primary keys filled in."""
        materialised = [dict(row) for row in rows]
        if materialised:
            self._run(InsertRows(table(table_name), materialised))
        return materialised

    def update(self, table_name: str, pk: Mapping[str, Any] | int, values: Mapping[str, Any]) -> None:
        key = {"id": pk} if isinstance(pk, int) else pk
        step = UpdateRow(table(table_name), key, values)
        step.apply(self.session)
        if step.old != step.values:  # an update that changes nothing is not an action to undo
            self.steps.append(step)

    def delete(self, table_name: str, column: str, values: Iterable[Any]) -> None:
        """Delete rows where ``column`` is one of ``values``, with their cascade."""
        keys = list(values)
        if keys:
            self._run(DeleteRows(table(table_name), {column: keys}))

    def delete_row(self, table_name: str, pk: Mapping[str, Any]) -> None:
        """Delete the row with primary key ``pk`` (a mapping of column to value), with its cascade."""
        self._run(DeleteRows(table(table_name), pk))

    def touch(self, *document_ids: DocumentId) -> None:
        self.documents.update(document_ids)

    def touch_all(self) -> None:
        self.all_documents = True

    def table(self, name: str) -> Table:
        return table(name)


class Command(ABC):
    """A reversible change of the project.

    Subclasses implement :meth:`plan`, which validates against the current state and writes
    through the :class:`Writer`. Its return value becomes :attr:`result`. The project runs
    ``apply``/``revert`` each inside one transaction and announces the returned change.
    """

    #: Shown in the Edit menu: "Undo <text>".
    text: str = "Change"

    def __init__(self) -> None:
        self._steps: list[Step] | None = None
        self._documents: frozenset[DocumentId] | None = frozenset()
        self.result: Any = None

    @abstractmethod
    def plan(self, writer: Writer) -> Any: ...

    def apply(self, session: Session) -> Change:
        if self._steps is None:
            writer = Writer(session)
            self.result = self.plan(writer)
            self.adopt(writer)
        else:
            with self._refusing_conflicts("redo"):
                for step in self._steps:
                    step.apply(session)
        return self.change

    def adopt(self, writer: Writer) -> None:
        """Take what ``writer`` recorded as this command's steps (planned: undo and redo now work)."""
        self._steps = writer.steps
        self._documents = None if writer.all_documents else frozenset(writer.documents)

    def revert(self, session: Session) -> Change:
        if self._steps is None:
            raise RuntimeError("cannot undo a command that was never applied")
        with self._refusing_conflicts("undo"):
            for step in reversed(self._steps):
                step.revert(session)
        return self.change

    @contextmanager
    def _refusing_conflicts(self, verb: str) -> Iterator[None]:
        """Undo and redo never overwrite what someone else (another window, program or coder
        on the team server) changed since: they refuse, and the transaction is rolled back."""
        try:
            yield
        except ChangedSince as exc:
            raise UndoConflictError(
                f"cannot {verb} “{self.text}”: someone else has changed the same "
                f"{exc.table_name.replace('_', ' ')}s since; their work is kept and nothing was changed"
            ) from exc
        except IntegrityError as exc:
            raise UndoConflictError(
                f"cannot {verb} “{self.text}”: someone else has changed the same rows since; "
                "their work is kept and nothing was changed"
            ) from exc

    @property
    def change(self) -> Change:
        tables: set[str] = set()
        for step in self._steps or ():
            tables |= step.tables
        return Change(frozenset(tables), self._documents)

    @property
    def is_empty(self) -> bool:
        return not self._steps
