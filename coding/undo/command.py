"""The command: one user action, planned once inside its transaction, then undoable and redoable."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coding.core.changes import CODING_TABLE, Change, Coded, Located
from coding.core.errors import UndoConflictError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodingId, DocumentId
from coding.core.write_lane import checkpoint
from coding.undo.delta import coded_by, written_codings
from coding.undo.steps import ChangedSince, DeleteRows, InsertRows, Step, UpdateRow
from models import Base

#: What a write names: the ORM class of its table (``Passage``), so mypy checks it.
Target = type[Base]


def table_of(target: Target) -> Table:
    found = target.__table__
    assert isinstance(found, Table)
    return found


#: What a refused undo says someone else changed, per table.
_ROWS = {
    "setting": marked("settings"),
    "coder": marked("coders"),
    "document": marked("documents"),
    "document_attribute": marked("document attributes"),
    "turn": marked("turns"),
    "page": marked("pages"),
    "saved_query": marked("saved queries"),
    "text_index": marked("text index entries"),
    "sentence": marked("sentences"),
    "term": marked("terms"),
    "token": marked("tokens"),
    "suggestion": marked("suggestions"),
    "respondent": marked("respondents"),
    "media": marked("recordings"),
    "passage": marked("passages"),
    "coding": marked("codings"),
    "review": marked("reviews"),
    "guide_match": marked("guide matches"),
    "code": marked("codes"),
    "code_set": marked("code sets"),
    "code_set_member": marked("code set members"),
    "memo": marked("memos"),
    "judgement": marked("judgements"),
    "judgement_review": marked("judgement reviews"),
    "review_message": marked("review replies"),
    "judgement_evidence": marked("judgement evidence"),
}


class Writer:
    """What a command's plan writes through: every write becomes a recorded step.

    Writes name their table by its ORM class: ``writer.insert(Passage, {...})``,
    ``writer.update(Code, code_id, {"name": name})``, ``writer.delete(Coding, "id", ids)``.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.steps: list[Step] = []
        #: Documents touched as a whole (their text, structure, or codings anywhere in them).
        self.documents: set[DocumentId] = set()
        #: Places touched in documents (a coded passage, a moved boundary): see ``Change.spans``.
        self.located: set[Located] = set()
        self.all_documents = False

    def _run(self, step: Step) -> None:
        checkpoint()  # written in a worker thread: a cancel rolls back from here
        step.apply(self.session)
        self.steps.append(step)

    def insert(self, target: Target, values: Mapping[str, Any]) -> int:
        """Insert one row and return its id."""
        row = dict(values)
        tbl = table_of(target)
        self._run(InsertRows(tbl, [row]))
        pk = next(iter(tbl.primary_key.columns)).name
        return int(row[pk])

    def insert_many(
        self, target: Target, rows: Iterable[Mapping[str, Any]], *, once: bool = False
    ) -> list[dict[str, Any]]:
        """Insert rows; returns them with their primary keys filled in. ``once`` (only where
        :meth:`commits_once`): a large insert keeps only its rows' ids from now on, not until commit."""
        # Rows built for this call are taken as they are (an import's 200,000 codings are not copied);
        # the step keeps them column by column once inserted, so later changes to them are not its.
        materialised = [row if type(row) is dict else dict(row) for row in rows]
        if materialised:
            self._run(InsertRows(table_of(target), materialised, once=once))
        return materialised

    def insert_columns(
        self,
        target: Target,
        columns: Mapping[str, Sequence[Any]],
        *,
        once: bool = False,
        many: bool | None = None,
    ) -> Sequence[int]:
        """Insert rows given column by column (every column as long, no primary key, every column
        with a default given); returns their ids, in order. ``once`` as for :meth:`insert_many`;
        ``many``: many rows a statement on SQLite (:func:`~coding.undo.bulk_rows.insert_columns`)."""
        step = InsertRows.of_columns(table_of(target), columns, once=once, many=many)
        self._run(step)
        if step.compact:
            assert step._runs is not None
            first, last = step._runs[0]
            return range(first, last + 1)
        return step.column(next(iter(step.table.primary_key.columns)).name)

    def commits_once(self) -> bool:
        """Whether this transaction's plan is never applied a second time before it commits: a
        project file in WAL mode, whose write transaction holds the write lock from ``BEGIN
        IMMEDIATE`` on, so neither its statements nor its ``COMMIT`` can find the file busy and be
        tried again (:meth:`coding.core.store.Store.transact`). A team server may retry; a file in
        another journal mode may be busy at ``COMMIT``."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return False
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        return str(mode).lower() == "wal"

    def update(self, target: Target, pk: Mapping[str, Any] | int, values: Mapping[str, Any]) -> None:
        key = {"id": pk} if isinstance(pk, int) else pk
        checkpoint()
        step = UpdateRow(table_of(target), key, values)
        step.apply(self.session)
        if step.old != step.values:  # an update that changes nothing is not an action to undo
            self.steps.append(step)

    def delete(self, target: Target, column: str, values: Iterable[Any]) -> None:
        """Delete rows where ``column`` is one of ``values``, with their cascade."""
        keys = list(values)
        if keys:
            self._run(DeleteRows(table_of(target), {column: keys}))

    def delete_row(self, target: Target, pk: Mapping[str, Any]) -> None:
        """Delete the row with primary key ``pk`` (a mapping of column to value), with its cascade."""
        self._run(DeleteRows(table_of(target), pk))

    def touch(self, *document_ids: DocumentId) -> None:
        """The documents changed as a whole (views re-read all of them)."""
        self.documents.update(document_ids)

    def touch_span(self, document_id: DocumentId, start: int, end: int) -> None:
        """The document changed only within ``[start, end)`` (views re-read just that)."""
        self.located.add((document_id, start, end))

    def touch_all(self) -> None:
        self.all_documents = True

    def table(self, target: Target) -> Table:
        return table_of(target)

    def change(self) -> tuple[frozenset[DocumentId] | None, frozenset[Located]]:
        """The documents and places touched so far, as a change names them."""
        if self.all_documents:
            return None, frozenset()
        located = frozenset(p for p in self.located if p[0] not in self.documents)
        return frozenset(self.documents | {p[0] for p in located}), located


class Command(ABC):
    """A reversible change of the project.

    Subclasses implement :meth:`plan`, which validates against the current state and writes
    through the :class:`Writer`. Its return value becomes :attr:`result`. The project runs
    ``apply``/``revert`` each inside one transaction and announces the returned change.
    """

    #: Shown in the Edit menu: "Undo <text>". A message id marked for the catalogue (a class's fixed
    #: text) or a text already said with its fields (``say("Create code {name}", name=…)``): show it
    #: through :attr:`shown_text`.
    text: str = marked("Change")
    #: Committed in a worker thread (``Project.write_in_worker``): a step that takes seconds, whose undo
    #: and redo the window runs in a worker thread too.
    in_worker: bool = False

    def __init__(self) -> None:
        self._steps: list[Step] | None = None
        self._documents: frozenset[DocumentId] | None = frozenset()
        self._located: frozenset[Located] = frozenset()
        self._coded: tuple[Coded, ...] | None = None  # what the last apply, redo or undo did to codings
        self._codings: frozenset[CodingId] | None = None  # the codings whose rows the steps write
        self._settled = False  # committed once (settle): applying again from now on is a redo
        self.result: Any = None

    @abstractmethod
    def plan(self, writer: Writer) -> Any: ...

    def apply(self, session: Session) -> Change:
        if self._steps is not None and not self._settled and not self._again(session):
            self._steps = None  # planned again below, against what the others committed meanwhile
        if self._steps is None:
            writer = Writer(session)
            self.result = self.plan(writer)
            self.adopt(writer)
        elif self._settled:
            with self._refusing_conflicts(undo=False):
                for step in self._steps:
                    step.apply(session)
            self._coded = self._coded_by(session)
        checkpoint()  # the last moment a cancel rolls it back: the commit follows
        return self.change

    def _again(self, session: Session) -> bool:
        """The first apply tried again (its transaction was given up at the commit, as a team
        server does when another coder wrote at the same time): its steps again, the same ids, when
        they still fit; ``False`` (nothing written) when someone's rows are in the way since — a
        passage another coder made for the same span — so that the command is planned afresh."""
        try:
            with session.begin_nested():
                for step in self._steps or ():
                    step.apply(session)
        except (ChangedSince, IntegrityError):
            return False
        self._coded = self._coded_by(session)
        return True

    def adopt(self, writer: Writer) -> None:
        """Take what ``writer`` recorded as this command's steps (planned: undo and redo now work)."""
        self._steps = writer.steps
        self._documents, self._located = writer.change()
        self._coded = self._coded_by(writer.session)
        self._codings = written_codings(self._steps)

    def _coded_by(self, session: Session, *, undone: bool = False) -> tuple[Coded, ...] | None:
        steps = self._steps or []
        if not any(CODING_TABLE in step.tables for step in steps):
            return ()
        return coded_by(steps, session, undone=undone)

    def settle(self) -> None:
        """The transaction that applied (or redid) the command has committed: its steps may let go
        of what the database now holds (:meth:`coding.undo.steps.Step.settle`)."""
        self._settled = True
        for step in self._steps or ():
            step.settle()

    def revert(self, session: Session) -> Change:
        if self._steps is None:
            raise RuntimeError("cannot undo a command that was never applied")
        with self._refusing_conflicts(undo=True):
            for step in self._steps:
                step.before_revert(session)
            for step in reversed(self._steps):
                step.revert(session)
            self._coded = self._coded_by(session, undone=True)
        return self.change

    @contextmanager
    def _refusing_conflicts(self, *, undo: bool) -> Iterator[None]:
        """Undo and redo never overwrite what someone else (another window, program or coder
        on the team server) changed since: they refuse, and the transaction is rolled back."""
        try:
            yield
        except ChangedSince as exc:
            rows = say(_ROWS.get(exc.table_name, "rows"))
            raise UndoConflictError(self._refusal(undo, rows)) from exc
        except IntegrityError as exc:
            raise UndoConflictError(self._refusal(undo, say("rows"))) from exc

    def _refusal(self, undo: bool, rows: str) -> str:
        if undo:
            return say(
                "cannot undo “{text}”: someone else has changed the same {rows} since; their work is kept "
                "and nothing was changed",
                text=self.shown_text,
                rows=rows,
            )
        return say(
            "cannot redo “{text}”: someone else has changed the same {rows} since; their work is kept "
            "and nothing was changed",
            text=self.shown_text,
            rows=rows,
        )

    @property
    def shown_text(self) -> str:
        """:attr:`text` in the current language (saying a text already said leaves it as it is)."""
        return say(self.text)

    @property
    def change(self) -> Change:
        tables: set[str] = set()
        for step in self._steps or ():
            tables |= step.tables
        return Change(
            frozenset(tables), self._documents, self._located, coded=self._coded, codings=self._codings
        )

    @property
    def is_empty(self) -> bool:
        return not self._steps
