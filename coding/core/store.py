"""The project's database access: one engine, one session per action."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from models.database import make_engine


class Store:
    """Sessions on one project file. Writes run in exactly one transaction each.

    While a thread holds a transaction open (:meth:`hold`, what an undo group runs in), that
    thread's reads see it and its writes join it (each in a savepoint); other threads keep their
    own sessions and see the file as last committed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._held = threading.local()

    def _shared(self) -> Session | None:
        session: Session | None = getattr(self._held, "session", None)
        return session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        shared = self._shared()
        if shared is not None:
            shared.expire_all()
            with shared.begin_nested():
                yield shared
            return
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot."""
        shared = self._shared()
        if shared is not None:
            shared.expire_all()
            yield shared
            return
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def hold(self) -> Iterator[Session]:
        """One transaction that this thread's reads and writes share until the block ends:
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
        if self._shared() is not None:
            raise RuntimeError("this thread already holds a transaction")
        session = self._sessions()
        session.begin()
        self._held.session = session
        return session

    def end_held(self, *, commit: bool) -> None:
        """Commit or roll back the transaction :meth:`begin_held` opened, and let it go."""
        session = self._shared()
        if session is None:
            raise RuntimeError("this thread holds no transaction")
        self._held.session = None
        try:
            if commit:
                session.commit()
            else:
                session.rollback()
        finally:
            session.close()

    @property
    def holding(self) -> bool:
        """Whether this thread holds a transaction open (see :meth:`hold`)."""
        return self._shared() is not None

    def close(self) -> None:
        self.engine.dispose()
