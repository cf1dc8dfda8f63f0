"""Undo groups: several commands as one user action.

A :class:`Group` plans its children one after the other on one :class:`Writer`, so they run in
one transaction, are undone and redone as one record and announce one :class:`Change`. A child
may be given as a factory that receives the result of the child before it (create a code, then
code a passage with the new code's id)::

    Group("Create code Vertrouwen and code passage", [
        CreateCode(None, "Vertrouwen"),
        lambda code_id: ApplyCoding(document_id, code_id, 10, 42, coder="anne"),
    ])

``Project.group(text)`` builds a group from the commands that services execute inside a
``with`` block: what the window uses when one gesture takes several service calls. Either way
it is all or nothing: when a child fails, nothing of the others is written, recorded or
announced.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

from coding.core.errors import ProjectBusyError
from coding.core.store import Store
from coding.core.write_lane import checkpoint
from coding.undo.command import Command, Writer
from coding.undo.steps import ChangedSince

#: A child of a group: a command, or a function of the previous child's result that makes one.
Child = Command | Callable[[Any], Command]


class Group(Command):
    """A composite command: its children, planned in order on one writer (one transaction)."""

    def __init__(self, text: str, children: Iterable[Child] = ()) -> None:
        super().__init__()
        self.text = text
        self._planned: list[Child] = list(children)
        #: The children as planned (factories replaced by the commands they made).
        self.children: list[Command] = []

    def plan(self, writer: Writer) -> list[Any]:
        self.children = []  # planned afresh when a first attempt was given up
        previous: Any = None
        for item in self._planned:
            child = item if isinstance(item, Command) else item(previous)
            previous = self.add(writer, child)
        return [child.result for child in self.children]

    def add(self, writer: Writer, child: Command) -> Any:
        """Plan ``child`` on ``writer`` as the group's next child and return its result.

        The child runs in a savepoint: when it raises, what it wrote is rolled back and dropped
        from the writer's record, and the exception propagates (whoever holds the group decides
        whether the whole group fails, which is the rule, or goes on without that child).
        """
        mark = len(writer.steps)
        documents, located, all_documents = set(writer.documents), set(writer.located), writer.all_documents
        try:
            with writer.session.begin_nested():
                child.result = child.plan(writer)
        except BaseException:
            del writer.steps[mark:]
            writer.documents, writer.located, writer.all_documents = documents, located, all_documents
            raise
        # Steps write with Core statements: ORM objects a later child loads must be read afresh.
        writer.session.expire_all()
        self.children.append(child)
        return child.result

    def begin(self, writer: Writer) -> None:
        """Start collecting children executed one by one (``Project.group``) on ``writer``."""
        self._writer = writer

    @property
    def writer(self) -> Writer:
        """The writer given to :meth:`begin`."""
        return self._writer

    def execute(self, child: Command) -> Any:
        """Plan one more child on the writer given to :meth:`begin`."""
        return self.add(self._writer, child)

    def finish(self) -> None:
        """Seal the children collected since :meth:`begin`: the group can now be undone."""
        self.adopt(self._writer)
        self.result = [child.result for child in self.children]


class GroupScope:
    """An open group: the commands a thread executes until :meth:`commit` become its children.

    ``Project.group(text)`` makes one; use it as a context manager (committed when the block ends,
    rolled back when it raises), or call :meth:`open`, then :meth:`commit` or :meth:`abort` (an
    import the window stores file by file between events). Committing records the group for undo
    and announces its change once; aborting leaves the project exactly as it was.

    When the database gives up the transaction because others wrote at the same time (a team
    server's serialization failure, in a child or at the commit), the group begins a fresh one,
    applies what its children wrote so far again (the same rows and ids, as redo does: refused
    when someone else changed those rows meanwhile) and goes on, with the store's pauses between
    attempts; the block holding the group does not notice. Other database errors reach the block
    as the store's one message (an unreachable server), never as a driver's error.
    """

    def __init__(
        self,
        store: Store,
        group: Group,
        *,
        opened: Callable[[GroupScope | None], None],
        committed: Callable[[Group], None],
    ) -> None:
        self._store = store
        self.group = group
        self._opened = opened
        self._committed = committed
        self.is_open = False

    def open(self) -> Group:
        self.group.begin(Writer(self._store.begin_held()))
        self.is_open = True
        self._opened(self)
        return self.group

    def execute(self, command: Command) -> Any:
        delays = iter(self._store.retry_delays)
        while True:
            try:
                return self.group.execute(command)
            except DBAPIError as exc:
                problem = self._store.problem(exc)
                if problem is None:
                    raise
                if not isinstance(problem, ProjectBusyError):
                    raise problem from exc
                self._store.end_held(commit=False)
                self._begin_again(delays, problem)

    def _begin_again(self, delays: Iterator[float], busy: ProjectBusyError) -> None:
        """After the given-up transaction was let go: pause, begin a fresh one and apply the
        children's steps in it again (the same ids); when someone's rows are in the way since (a
        passage another coder made for the same span), plan the children afresh instead. Tried
        again while the server gives it up too; raises ``busy`` when the pauses ran out, holding
        nothing."""
        for delay in delays:
            time.sleep(delay * random.uniform(0.5, 1.5))
            try:
                self._apply_again()
            except DBAPIError as exc:
                self._let_go()
                problem = self._store.problem(exc)
                if not isinstance(problem, ProjectBusyError):
                    raise (problem or busy) from exc
                busy = problem
                continue
            except BaseException:
                self._let_go()
                raise
            return
        raise busy

    def _let_go(self) -> None:
        if self._store.holding:
            self._store.end_held(commit=False)

    def _apply_again(self) -> None:
        writer = self.group.writer
        writer.session = self._store.begin_held()
        try:
            with writer.session.begin_nested():
                for step in writer.steps:
                    step.apply(writer.session)
        except (ChangedSince, IntegrityError):
            children, self.group.children = self.group.children, []
            self.group.begin(Writer(writer.session))
            try:
                for child in children:
                    self.group.add(self.group.writer, child)
            except BaseException:  # as they were, for the next attempt or the rollback
                self.group.begin(writer)
                self.group.children = children
                raise
        self.group.writer.session.expire_all()

    def commit(self) -> None:
        if not self.is_open:
            return
        self._close()
        delays = iter(self._store.retry_delays)
        while True:
            try:
                self.group.finish()  # reads what the children coded: the server may give up here too
                checkpoint()  # written in a worker thread: a cancel before the commit rolls it back
                self._store.end_held(commit=True)
                break
            except ProjectBusyError as busy:  # at the commit: nothing held any more
                self._begin_again(delays, busy)
            except DBAPIError as exc:
                self._let_go()
                problem = self._store.problem(exc)
                if not isinstance(problem, ProjectBusyError):
                    raise (problem or exc) from exc
                self._begin_again(delays, problem)
            except BaseException:
                self._let_go()
                raise
        if not self.group.is_empty:
            self._committed(self.group)

    def abort(self) -> None:
        if not self.is_open:
            return
        self._close()
        self._let_go()  # nothing is held when trying the transaction again ran out

    def _close(self) -> None:
        self.is_open = False
        self._opened(None)

    def __enter__(self) -> Group:
        return self.open()

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


class JoinedScope(GroupScope):
    """A group opened while one is already open on the thread: its commands join the outer one."""

    def __init__(self, outer: GroupScope) -> None:
        self.group = outer.group
        self.is_open = False

    def open(self) -> Group:
        return self.group

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass  # the exception reaches the outer group, which rolls everything back
