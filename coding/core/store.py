"""The project's database access: one engine, one session per action.

Several programs may write one project at once (the window, a script, the CLI). A write
transaction takes the write lock at its start (``BEGIN IMMEDIATE``), waits up to the busy
timeout for it, and :meth:`Store.transact` tries again a few times with growing pauses; when
the project stays busy it raises :class:`ProjectBusyError` with nothing applied. A project that
cannot be written (read-only file, folder or media) opens for reading; a write raises
:class:`ProjectReadOnlyError` before anything is attempted.

While a thread holds a transaction open (:meth:`Store.hold`, what an undo group runs in), that
thread's reads see it and its writes join it (each in a savepoint); other threads keep their own
sessions and see the file as last committed.
"""

from __future__ import annotations

import errno
import functools
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from coding.core.changes import Change
from coding.core.errors import CodewerkError, DiskFullError, ProjectBusyError, ProjectReadOnlyError
from coding.core.i18n import text
from coding.core.log_copy import COPY_LATER, LogCopier, hold_back, restore_on_return
from coding.core.write_lane import WriteLane
from models import Base
from models.database import BUSY_TIMEOUT_MS, SYNCHRONOUS, WRITES, is_writable, make_engine

T = TypeVar("T")
P = ParamSpec("P")

#: Pauses (seconds, ±50 % jitter) between the attempts of one write, each attempt waiting up to
#: the busy timeout for the lock: about 20 s in all before a write gives up.
RETRY_DELAYS = (0.05, 0.2, 0.5)

_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_FULL = 13


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says there is no room left: SQLite's "database or disk is full" (a full disk,
    a quota, or the file's page limit), an ``OSError`` ENOSPC/EDQUOT, or our :class:`DiskFullError`."""
    if isinstance(exc, DiskFullError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", None)  # sqlite3's own error
    if code is None:
        code = getattr(getattr(exc, "orig", None), "sqlite_errorcode", None)  # wrapped by SQLAlchemy
    return code is not None and code & 0xFF == _SQLITE_FULL


class Store:
    """Sessions on one project file. Writes run in exactly one transaction each."""

    #: The file's damage check, while it has not passed (:meth:`check_before_writing`).
    _pending_check: Callable[[], None] | None = None
    #: What the damage check found, raised again by every later write.
    _check_failure: CodewerkError | None = None
    _check_lock: threading.Lock | None = None
    _lane: WriteLane | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        self._held = threading.local()
        self.read_only = not is_writable(path)
        self._watch: Any = None
        self._seen_version: int | None = None
        self._outside_pending = False
        self._watch_lock = threading.Lock()
        #: This program's writes under way (any thread), and the lock that counts them: a look for others'
        #: commits (:meth:`others_committed`) while one of them commits would take that commit for another
        #: program's (it lands before the writer's :meth:`mark_seen`).
        self._writing = 0
        self._writing_lock = threading.Lock()
        #: Copies the log into the file after a commit that left it to a thread (:mod:`coding.core.log_copy`).
        self._log_copier = LogCopier()
        self._snapshot_hooks: list[Callable[[], None]] = []
        self.set_patience(BUSY_TIMEOUT_MS, RETRY_DELAYS)

    def set_patience(self, busy_timeout_ms: int, retry_delays: tuple[float, ...]) -> None:
        """How long a write waits for a busy project: each attempt up to ``busy_timeout_ms``, with
        the pauses ``retry_delays`` between attempts (tests wait less)."""
        if getattr(self, "engine", None) is not None:
            self.close()
        self.busy_timeout_ms = busy_timeout_ms
        self.retry_delays = retry_delays
        self.engine = make_engine(self.path, read_only=self.read_only, busy_timeout_ms=busy_timeout_ms)
        restore_on_return(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITES: True}), expire_on_commit=False
        )

    @property
    def table_names(self) -> frozenset[str]:
        return frozenset(Base.metadata.tables)

    @property
    def lane(self) -> WriteLane:
        """Whether an action is being written in a worker thread (:mod:`coding.core.write_lane`):
        every write of this program asks it first."""
        if self._lane is None:
            self._lane = WriteLane()
        return self._lane

    @property
    def name(self) -> str:
        """How messages name the project."""
        return self.path.name

    def _translated(self, exc: BaseException) -> CodewerkError | None:
        code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
        if code is None:
            return None
        if code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
            waited = round(self.busy_timeout_ms / 1000 * (len(self.retry_delays) + 1))
            return ProjectBusyError(
                text(
                    (
                        "{name}: the project is busy (another program kept writing to it for about "
                        "{waited} s); nothing was changed, try again in a moment"
                    ),
                    name=self.name,
                    waited=waited,
                )
            )
        if code & 0xFF == _SQLITE_READONLY:
            return ProjectReadOnlyError(
                text("{name}: the project is read-only; nothing was changed", name=self.name)
            )
        if code & 0xFF == _SQLITE_FULL:
            return self.disk_full()
        return None

    def problem(self, exc: BaseException) -> CodewerkError | None:
        """What a database error raised inside a held transaction (:meth:`hold`) means for the user:
        busy (try the transaction again), read-only, full, unreachable …; ``None`` for anything else."""
        return self._translated(exc)

    def disk_full(self, what: str | None = None) -> DiskFullError:
        """The one message for a write that found no room left on the project's disk."""
        if what is None:
            what = text("nothing was changed")
        return DiskFullError(
            text(
                "{name}: not enough space on the disk of {parent}; {what}",
                name=self.name,
                parent=self.path.parent,
                what=what,
            )
        )

    # -- the damage check of a file opened before it was checked ---------------------------
    def check_before_writing(self, check: Callable[[], None]) -> None:
        """Let no write begin until ``check`` (the file's damage check, raising a
        :class:`CodewerkError` naming the file when it is damaged) has passed. Reading goes on
        meanwhile; a write waits for the check under way, or runs it itself when nobody has yet,
        so nothing is written into a file with damaged pages."""
        self._check_lock = threading.Lock()
        self._check_failure = None
        self._pending_check = check

    @property
    def check_pending(self) -> bool:
        """Whether the damage check has yet to pass (:meth:`check_before_writing`)."""
        return self._pending_check is not None

    def settle_check(self) -> None:
        """Run the damage check if it has not run (any thread; one at a time: a second caller waits
        for the first and gets its outcome). Raises what the check found, again on every call."""
        lock = self._check_lock
        if lock is None:
            return
        with lock:
            if self._check_failure is not None:
                raise self._check_failure
            check = self._pending_check
            if check is None:
                return
            try:
                check()
            except CodewerkError as exc:
                self._check_failure = exc
                raise
            self._pending_check = None

    def _before_writing(self) -> None:
        if self._lane is not None:
            self._lane.wait_turn(self.name)
        if self.read_only:
            raise ProjectReadOnlyError(
                text("{name}: the project is read-only; nothing was changed", name=self.name)
            )
        if self._pending_check is not None or self._check_failure is not None:
            self.settle_check()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session inside one write transaction: committed on success, rolled back on error.

        One attempt; :meth:`transact` is the one that waits for a busy project. A write into a
        file whose damage check is pending waits for it (:meth:`check_before_writing`).
        """
        self._before_writing()
        shared = self._shared()
        if shared is not None:
            shared.expire_all()
            with shared.begin_nested():
                yield shared
            return
        sessions = getattr(self._held, "unchecked", None) or self._write_sessions
        with self._own_write():
            try:
                with sessions() as session, session.begin():
                    yield session
                    later = hold_back(session)  # the log copied into the file by a thread (log_copy)
            except (DBAPIError, sqlite3.Error) as exc:  # the latter from a raw connection's bulk writes
                translated = self._translated(exc)
                if translated is None:
                    raise
                raise translated from exc
            self.mark_seen()  # our own commit is not news (others_committed)
        if later:
            self._log_copier.start(self.engine)

    @contextmanager
    def _own_write(self) -> Iterator[None]:
        """A write of this program's under way, until its commit is marked seen: :meth:`others_committed` does
        not look meanwhile. (A worker storing Find's state commits part after part; the window's look every
        500 ms landed between a commit and its ``mark_seen`` and announced every table changed: every view
        read everything again on the GUI thread, 0.8–2.5 s each at ten times the corpus.)"""
        with self._writing_lock:
            self._writing += 1
        try:
            yield
        finally:
            with self._writing_lock:
                self._writing -= 1

    def transact(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` in one write transaction, trying again while the project is busy.

        ``work`` must leave nothing behind when it fails (a command's apply and revert do not),
        since a failed attempt is rolled back and ``work`` runs again from the start.
        """
        for delay in (*self.retry_delays, None):
            try:
                with self.write() as session:
                    self._look_before_writing(session)
                    return work(session)
            except ProjectBusyError:
                if delay is None:
                    raise
                time.sleep(delay * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    @contextmanager
    def unchecked(self, *, derived: bool = False) -> Iterator[None]:
        """This thread's writes inside the block skip SQLite's foreign-key checks: they run on one
        connection of their own with ``PRAGMA foreign_keys=OFF`` (each write still its own
        transaction), which gets its checks back when the block ends. Only for a writer that makes
        sure of every parent row in the same transaction (the word index: 15 million rows, two
        checks each). In a transaction held open, inside another such block, on a read-only file or
        a team server the checks stay.

        ``derived``: the block's writes store only data derived from the rest of the project, which
        its stale check makes again (the word index): their commits do not wait for the log to be
        synced (``PRAGMA synchronous=NORMAL``; the write-ahead log keeps the file consistent, so a
        power loss can lose only the last of them, and the next commit of anything else, synced,
        syncs them with it). The connection is back at :data:`~models.database.SYNCHRONOUS` when the
        block ends, before it returns to the pool."""
        if (
            self.engine.dialect.name != "sqlite"
            or self.read_only
            or self._shared() is not None
            or getattr(self._held, "unchecked", None) is not None
        ):
            yield
            return
        with self.engine.connect() as connection:
            driver = connection.connection.dbapi_connection
            assert driver is not None
            driver.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it does nothing
            if derived:
                driver.execute("PRAGMA synchronous=NORMAL")
            self._held.unchecked = sessionmaker(
                connection.execution_options(**{WRITES: True}), expire_on_commit=False
            )
            try:
                yield
            finally:
                self._held.unchecked = None
                try:
                    if connection.in_transaction():
                        connection.rollback()
                    driver.execute("PRAGMA foreign_keys=ON")
                    if derived:
                        driver.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
                except BaseException:
                    connection.invalidate()  # never back into the pool without its checks
                    raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot (this thread's held transaction or
        :meth:`snapshot` if there is one)."""
        shared = self._shared() or getattr(self._held, "snapshot", None)
        if shared is not None:
            shared.expire_all()
            yield shared
            return
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read of this thread inside the block (each :meth:`read`, whichever service makes
        it) sees one state of the project, whatever others commit meanwhile: what an export that
        reads in many statements needs. One read transaction: on a file SQLite's (the write-ahead
        log keeps its snapshot until it ends), on a team server REPEATABLE READ, READ ONLY. Inside
        a held transaction (:meth:`hold`) or another snapshot, the reads already share one."""
        if self._shared() is not None or getattr(self._held, "snapshot", None) is not None:
            yield
            return
        with self._snapshot_session() as session, session.begin():
            self._held.snapshot = session
            try:
                for forget in self._snapshot_hooks:
                    forget()
                yield
            finally:
                self._held.snapshot = None

    def on_snapshot(self, forget: Callable[[], None]) -> None:
        """Call ``forget`` on the thread that begins a :meth:`snapshot`, inside it: what a service keeps of
        the project for that thread (the code tree, the last document's turns) is read again in the
        snapshot, not taken from before it, when another program or coder may have changed it unnoticed
        yet (an export of codings of a code the kept tree lacked raised KeyError)."""
        self._snapshot_hooks.append(forget)

    def _snapshot_session(self) -> Session:
        return self._sessions()

    # -- a transaction held open for an undo group ---------------------------------------
    def _shared(self) -> Session | None:
        session: Session | None = getattr(self._held, "session", None)
        return session

    @contextmanager
    def hold(self) -> Iterator[Session]:
        """One write transaction that this thread's reads and writes share until the block ends:
        committed when it ends normally, rolled back when it raises."""
        session = self.begin_held()
        try:
            yield session
        except BaseException:
            self.end_held(commit=False)
            raise
        self.end_held(commit=True)

    def begin_held(self) -> Session:
        """Open the transaction :meth:`hold` holds (for a holder that is not one block of code)."""
        self._before_writing()
        if self._shared() is not None:
            raise RuntimeError("this thread already holds a transaction")
        session = self._write_sessions()
        session.begin()
        self._held.session = session
        return session

    def end_held(self, *, commit: bool) -> None:
        """Commit or roll back the transaction :meth:`begin_held` opened, and let it go."""
        session = self._shared()
        if session is None:
            raise RuntimeError("this thread holds no transaction")
        self._held.session = None
        later = False
        with self._own_write():
            try:
                if commit:
                    self._look_before_writing(session)
                    later = hold_back(session)  # the log copied into the file by a thread (log_copy)
                    session.commit()
                else:
                    session.info.pop(COPY_LATER, None)
                    session.rollback()
            except DBAPIError as exc:
                translated = self._translated(exc)
                if translated is None:
                    raise
                raise translated from exc
            finally:
                session.close()
            if commit:
                self.mark_seen()
        if later:
            self._log_copier.start(self.engine)

    @property
    def holding(self) -> bool:
        """Whether this thread holds a transaction open (see :meth:`hold`)."""
        return self._shared() is not None

    # -- noticing what other programs commit ---------------------------------------------
    def _data_version(self) -> int:
        with self._watch_lock:  # the GUI thread polls, a worker's write marks
            if self._watch is None:
                self._watch = self.engine.raw_connection()
            cursor = self._watch.cursor()
            try:
                cursor.execute("PRAGMA data_version")
                return int(cursor.fetchone()[0])
            finally:
                cursor.close()

    def checkpoint(self) -> None:
        """Copy the finished transactions the write-ahead log holds into the project file (a PASSIVE
        checkpoint: it waits for no one and stops where a reader still needs the log). A copy of the
        file alone, made while the project is open (a file manager, a mail attachment), then holds
        every finished action, not only those before SQLite's own checkpoint (every 1,000 pages)."""
        if self.engine.dialect.name != "sqlite" or self.read_only:
            return
        if self._log_copier.busy:  # a copy under way (log_copy): another after it, in its thread
            self._log_copier.start(self.engine)
            return
        with self._watch_lock:  # the watch connection: outside any transaction, as a checkpoint must be
            try:
                if self._watch is None:
                    self._watch = self.engine.raw_connection()
                cursor = self._watch.cursor()
                try:
                    cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                    cursor.fetchall()
                finally:
                    cursor.close()
            except (sqlite3.Error, DBAPIError):
                return  # nothing is lost: the log keeps it, and the next write reports what is wrong

    def _look_before_writing(self, session: Session) -> None:
        # Holding the write lock now: whatever others committed is committed before ours, and
        # mark_seen after our commit would take it for ours; remember that there was some.
        session.connection()  # BEGIN IMMEDIATE
        if self._seen_version is not None and self._data_version() != self._seen_version:
            self._outside_pending = True

    def mark_seen(self) -> None:
        """Everything committed until now is known (called after this program's own commits)."""
        self._seen_version = self._data_version()

    def others_committed(self) -> bool:
        """Whether another connection committed since :meth:`mark_seen` or the last call.

        SQLite's ``PRAGMA data_version`` on a connection of its own: it changes when any other
        connection (another program, or another connection of this one) commits.
        """
        with self._writing_lock:  # no write of ours begins while this looks
            if self._writing:
                return False  # one of ours may be committing: looked at again after it (its mark_seen)
            version = self._data_version()
            changed = self._outside_pending or (
                self._seen_version is not None and version != self._seen_version
            )
            self._seen_version = version
            self._outside_pending = False
            return changed

    def others_change(self) -> Change | None:
        """What other programs committed since the last look, or ``None``. A file does not tell
        what changed: the change names every table and every document."""
        return Change.of(self.table_names, None) if self.others_committed() else None

    def tell_others(self, change: Change) -> None:
        """After a commit: let the others know (a file's others notice by themselves)."""

    @property
    def role(self) -> str:
        """What the user may change: a file's user is its owner (team projects have roles)."""
        return "owner"

    def allows(self, tables: frozenset[str]) -> bool:
        return True

    def refusal(self) -> str:
        return f"{self.name}: not allowed; nothing was changed"

    @property
    def user_name(self) -> str | None:
        """Who the project knows the user as (a team project's login), if anyone."""
        return None

    def close(self) -> None:
        """Close every connection (any thread: the window closes a file in a thread of its own); the last one to
        close copies the write-ahead log into the file."""
        self._log_copier.wait()  # the copy under way first (log_copy)
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()


class _Reading(Protocol):
    _store: Store


R = TypeVar("R", bound=_Reading)


def one_snapshot(method: Callable[Concatenate[R, P], T]) -> Callable[Concatenate[R, P], T]:
    """A service method all of whose reads see one state of the project (:meth:`Store.snapshot` on
    the service's ``_store``): a report that reads in several statements while others write."""

    @functools.wraps(method)
    def read_as_one(self: R, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with self._store.snapshot():
            return method(self, *args, **kwargs)

    return read_as_one
