"""A team project's database access: the same sessions as a file's :class:`Store`, on PostgreSQL.

* Writes run SERIALIZABLE, so two coders' commands behave as if one ran after the other; a
  serialization failure or deadlock is tried again (like a busy file), a server that cannot be
  reached raises :class:`ServerUnreachableError` with nothing written (the transaction never
  committed), and the next action reconnects by itself (``pool_pre_ping``).
* After each commit the change is announced to the others on the channel ``codewerk_changes``
  (``NOTIFY`` with the tables and documents it touched); :meth:`ServerStore.others_change` reads
  what the others announced on a connection of its own that ``LISTEN``\\s.
* The user's team role (owner, coder, reviewer) decides which tables their commands may write;
  the server's grants say the same.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from coding.core.changes import Change
from coding.core.errors import (
    CodewerkError,
    NotAllowedError,
    PasswordNeededError,
    ProjectBusyError,
    ProjectFileError,
    ServerUnreachableError,
)
from coding.core.i18n import reason_of
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.store import Store
from models import Base
from models.server import (
    CHANNEL,
    WRITABLE,
    ServerProblem,
    apply_grants,
    current_revision,
    display,
    make_server_engine,
    parse,
    role_of,
    upgrade_server,
)

T = TypeVar("T")

#: Pauses (seconds, ±50 % jitter) between the attempts of one write on the server.
SERVER_RETRY_DELAYS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0)

_RETRY_STATES = {"40001", "40P01"}  # serialization failure, deadlock
_DENIED_STATES = {"42501"}  # insufficient privilege


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _unreachable(exc: BaseException) -> bool:
    import psycopg

    orig = getattr(exc, "orig", exc)
    return isinstance(orig, psycopg.OperationalError) and _sqlstate(exc) in (
        None,
        "08000",
        "08003",
        "08006",
        "57P01",
    )


class ServerStore(Store):
    """Sessions on one team project (a PostgreSQL database)."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.location = display(url)
        self.path = Path.home() / str(url.database)
        self._held = threading.local()
        self._writing, self._writing_lock = 0, threading.Lock()  # Store.write counts its writes
        self._snapshot_hooks: list[Callable[[], None]] = []
        self.read_only = False
        #: The schema holding the copy made before this opening upgraded the database, if it did.
        self.upgrade_backup: str | None = None
        # A serialization failure shows at once (no lock waits as on a file), so more, shorter
        # pauses: five coders at once on a busy machine ran out of the file's four attempts.
        self.retry_delays = SERVER_RETRY_DELAYS
        self.busy_timeout_ms = 0
        self.instance = uuid.uuid4().hex  # tells our own notifications from the others'
        self.engine = make_server_engine(url)
        writes = self.engine.execution_options(isolation_level="SERIALIZABLE")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(writes, expire_on_commit=False)
        # a snapshot's statements all see the state of its first (READ COMMITTED: each its own)
        snapshots = self.engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        self._snapshot_sessions = sessionmaker(snapshots, expire_on_commit=False)
        self._listener: Any = None
        self._listen_lock = threading.Lock()
        self._told = threading.local()
        self._role = "owner"

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, location: str, *, create: bool = False) -> ServerStore:
        """Connect, check (or, with ``create``, make) the Codewerk schema, learn the user's role.

        An older schema is upgraded in place (one transaction); a newer one is refused.
        """
        try:
            url = parse(location)
        except ServerProblem as exc:
            raise ProjectFileError(say("{location}: {exc}", location=location, exc=reason_of(exc))) from exc
        store = cls(url)
        try:
            store._check(create=create)
            store.others_change()  # LISTEN from now on
        except BaseException:
            store.close()
            raise
        return store

    def _check(self, *, create: bool) -> None:
        from models.database import head_revision, known_revisions

        try:
            revision = current_revision(self.engine)
            if revision is None:
                if not create:
                    raise ServerProblem(
                        "the database is empty, not a Codewerk project yet; "
                        "prepare it with `codewerk server init URL` or create a project in it"
                    )
                upgrade_server(self.engine)
                apply_grants(self.engine, str(self.url.database))
            elif create:
                raise ServerProblem("the database already holds a Codewerk project; open it instead")
            elif revision not in known_revisions():
                raise ServerProblem(
                    "was written by a newer Codewerk (schema {revision}); update Codewerk to open it",
                    revision=revision,
                )
            elif revision != head_revision():
                self.upgrade_backup = upgrade_server(self.engine, backup_of=revision)
                apply_grants(self.engine, str(self.url.database))
            self._role = role_of(self.engine, str(self.url.database))
        except ServerProblem as exc:
            raise ProjectFileError(
                say("{location}: {exc}", location=self.location, exc=reason_of(exc))
            ) from exc
        except DBAPIError as exc:
            raise self._connection_problem(exc) from exc

    def _connection_problem(self, exc: DBAPIError) -> CodewerkError:
        message = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
        if "password authentication failed" in message:
            return PasswordNeededError(
                say("{location}: the server refused the user name or password", location=self.location)
            )
        if "no password supplied" in message:
            return PasswordNeededError(
                say(
                    (
                        "{location}: the server asks for a password (give it when asked, or in "
                        "PGPASSWORD or ~/.pgpass for scripts)"
                    ),
                    location=self.location,
                )
            )
        if "does not exist" in message and "database" in message:
            return ProjectFileError(
                say("{location}: the server has no such database", location=self.location)
            )
        if _unreachable(exc):
            return ServerUnreachableError(
                say(
                    "{location}: the server cannot be reached ({message})",
                    location=self.location,
                    message=message,
                )
            )
        return ProjectFileError(say("{location}: {message}", location=self.location, message=message))

    # -- what messages and the window show --------------------------------------------------
    @property
    def name(self) -> str:
        return f"{self.url.database} on {self.url.host or self.url.query.get('host') or 'localhost'}"

    @property
    def role(self) -> str:
        return self._role

    def refusal(self) -> str:
        what = {"reviewer": "review marks and comments", "coder": "codings, memos and judgements"}
        return (
            f"{self.name}: you are a {self._role} in this team project and may change only "
            f"{what.get(self._role, 'nothing')}; nothing was changed"
        )

    @property
    def user_name(self) -> str | None:
        return self.url.username

    def allows(self, tables: frozenset[str]) -> bool:
        return self._role == "owner" or tables <= WRITABLE.get(self._role, frozenset())

    @property
    def table_names(self) -> frozenset[str]:
        return frozenset(Base.metadata.tables)

    # -- writing ----------------------------------------------------------------------------
    def _translated(self, exc: BaseException) -> CodewerkError | None:
        state = _sqlstate(exc)
        if state in _RETRY_STATES:
            return ProjectBusyError(
                say(
                    (
                        "{name}: others kept changing the same part of the project; nothing was changed, "
                        "try again in a moment"
                    ),
                    name=self.name,
                )
            )
        if state in _DENIED_STATES:
            return NotAllowedError(self.refusal())
        if _unreachable(exc):
            return ServerUnreachableError(
                say(
                    (
                        "{name}: the server cannot be reached; your last action was not saved (nothing "
                        "half-written), try again when it is back"
                    ),
                    name=self.name,
                )
            )
        return None

    def transact(self, work: Callable[[Any], T]) -> T:
        """As :meth:`Store.transact`; a command's change is announced (NOTIFY) inside its own
        transaction, so the others hear of it exactly when it commits."""

        def announced(session: Session) -> T:
            result = work(session)
            if isinstance(result, Change) and result.tables:
                session.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": CHANNEL, "payload": self._payload(result)},
                )
                self._told.announced = True
            return result

        self._told.announced = False
        try:
            return super().transact(announced)
        except BaseException as exc:
            # An announcement made inside a transaction that did not commit went with it: the
            # next change after commit (a group's, tell_others) must not take it as made.
            self._told.announced = False
            translated = self._translated(exc) if isinstance(exc, DBAPIError) else None  # connecting
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """As :meth:`Store.read`; a server that cannot be reached raises ServerUnreachableError."""
        try:
            with super().read() as session:
                yield session
        except DBAPIError as exc:
            translated = self._translated(exc)
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """As :meth:`Store.snapshot`; a server that cannot be reached raises ServerUnreachableError."""
        try:
            with super().snapshot():
                yield
        except DBAPIError as exc:
            translated = self._translated(exc)
            if translated is None:
                raise
            raise translated from exc

    def _snapshot_session(self) -> Session:
        return self._snapshot_sessions()

    def _look_before_writing(self, session: Any) -> None:
        pass

    def mark_seen(self) -> None:
        pass

    def set_patience(self, busy_timeout_ms: int, retry_delays: tuple[float, ...]) -> None:
        self.retry_delays = retry_delays

    def copy_into_file(self, target: Path) -> None:
        """The whole project as it is on the server now, into a new project file at ``target``
        (replacing one there); nothing is left behind when it fails."""
        from models.copy import copy_into_file
        from models.database import ProjectFileProblem

        try:
            copy_into_file(self.engine, target)
        except ProjectFileProblem as exc:
            raise ProjectFileError(say("{name}: {exc}", name=target.name, exc=reason_of(exc))) from exc
        except DBAPIError as exc:
            translated = self._translated(exc)
            if translated is None:
                raise
            raise translated from exc

    # -- the others' changes ------------------------------------------------------------------
    def tell_others(self, change: Change) -> None:
        """NOTIFY the others what we committed (tables, documents), unless the transaction did
        already; best effort: a lost notification only delays their refresh until the next one."""
        if getattr(self._told, "announced", False):
            self._told.announced = False
            return
        try:
            with self.engine.connect() as connection:
                connection.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": CHANNEL, "payload": self._payload(change)},
                )
                connection.commit()
        except DBAPIError:
            pass

    def _payload(self, change: Change) -> str:
        payload = json.dumps(
            {
                "by": self.instance,
                "tables": sorted(change.tables),
                "documents": None if change.document_ids is None else sorted(change.document_ids),
            }
        )
        if len(payload) > 7000:  # NOTIFY payloads stay under 8000 bytes
            payload = json.dumps({"by": self.instance, "tables": sorted(change.tables), "documents": None})
        return payload

    def _listen(self) -> Any:
        import psycopg

        if self._listener is None or self._listener.closed:
            url = self.url
            self._listener = psycopg.connect(
                host=url.host or str(url.query.get("host") or "") or None,
                port=url.port or (str(url.query["port"]) if "port" in url.query else None),
                dbname=url.database,
                user=url.username,
                password=url.password,
                autocommit=True,
                connect_timeout=5,
                application_name="codewerk-listen",
            )
            self._listener.execute(f"LISTEN {CHANNEL}")
        return self._listener

    def others_change(self) -> Change | None:
        """What the others announced since the last look (merged), or ``None``.

        Raises :class:`ServerUnreachableError` when the server cannot be reached; the next call
        reconnects (notifications sent meanwhile are lost: then everything is re-read).
        """
        import psycopg

        with self._listen_lock:
            fresh = self._listener is None or self._listener.closed
            try:
                listener = self._listen()
                listener.execute("SELECT 1")  # a round trip: tells a dead server, brings what arrived
                arrived = list(listener.notifies(timeout=0, stop_after=None))
            except psycopg.OperationalError as exc:
                if self._listener is not None:
                    self._listener.close()
                self._listener = None
                raise ServerUnreachableError(
                    say("{name}: the server cannot be reached; Codewerk keeps trying", name=self.name)
                ) from exc
        merged: Change | None = None
        if fresh and getattr(self, "_was_listening", False):
            merged = Change.of(self.table_names, None)  # reconnected: what was missed is unknown
        self._was_listening = True
        for note in arrived:
            try:
                data = json.loads(note.payload)
            except ValueError:
                continue
            if data.get("by") == self.instance:
                continue
            documents = data.get("documents")
            change = Change.of(
                data.get("tables", ()), None if documents is None else [DocumentId(d) for d in documents]
            )
            merged = change if merged is None else merged.merge(change)
        return merged

    def others_committed(self) -> bool:
        return self.others_change() is not None

    def close(self) -> None:
        with self._listen_lock:
            if self._listener is not None:
                self._listener.close()
                self._listener = None
        self.engine.dispose()
