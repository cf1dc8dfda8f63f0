"""One write at a time while an action is written in a worker thread.

The window writes on its GUI thread, except a long action (a ``.qdpx`` import, a coder's merge,
storing a Find's suggestions), whose command runs and commits in a worker thread
(:class:`coding.undo.worker_write.WorkerWrite`). While it does, the store's lane is taken:

* the thread that began it (the GUI thread, which must stay free to answer) is refused at once
  when it tries to write (:class:`WriteUnderWayError`, one line naming the action), instead of
  waiting seconds for the database's lock;
* any other thread's write (the indexer's worker) waits its turn here, then goes on;
* the worker thread itself writes, and its writes check between steps whether the user
  cancelled (:func:`checkpoint`): a cancel before the commit rolls the transaction back.

Nothing of this reaches across programs: another program on the same file still meets SQLite's
lock (``BEGIN IMMEDIATE``, busy timeout), as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from coding.core.errors import WriteCancelled, WriteUnderWayError
from coding.core.i18n import text as say

_here = threading.local()


class WriteLane:
    """Whether an action is being written in a worker thread, and who may write meanwhile."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        #: The action being written in a worker thread (its undo text), or ``None``.
        self.what: str | None = None
        self._starter: int | None = None
        self._writer: int | None = None

    @property
    def taken(self) -> bool:
        return self.what is not None

    def take(self, what: str, name: str) -> None:
        """The calling thread begins an action to be written elsewhere; refused while one is."""
        with self._turn:
            if self.what is not None:
                raise self._refusal(name)
            self.what, self._starter, self._writer = what, threading.get_ident(), None

    def enter(self, stop: Callable[[], bool] | None) -> None:
        """The calling thread (the worker) writes the action; ``stop()`` says whether to cancel."""
        with self._turn:
            self._writer = threading.get_ident()
        _here.stop = stop

    def leave(self) -> None:
        """The worker is done writing (its commands committed or rolled back)."""
        _here.stop = None
        with self._turn:
            self._writer = None

    def give_back(self) -> None:
        """The action is over (its commands announced or let go): anyone may write again."""
        with self._turn:
            self.what = self._starter = self._writer = None
            self._turn.notify_all()

    def wait_turn(self, name: str) -> None:
        """Before any write of this program: go on when nothing is written elsewhere or this thread
        writes it; refuse on the thread that began it; wait on any other thread."""
        if self.what is None:
            return
        me = threading.get_ident()
        with self._turn:
            while self.what is not None and me != self._writer:
                if me == self._starter:
                    raise self._refusal(name)
                self._turn.wait()

    def _refusal(self, name: str) -> WriteUnderWayError:
        return WriteUnderWayError(
            say(
                "{name}: “{what}” is still being written; nothing else was changed, try again when it is done",
                name=name,
                what=self.what,
            )
        )


def checkpoint() -> None:
    """Between the writes of a command written in a worker thread: raise :class:`WriteCancelled`
    once the user cancelled (the transaction then rolls back). Does nothing on other threads."""
    stop: Callable[[], bool] | None = getattr(_here, "stop", None)
    if stop is not None and stop():
        raise WriteCancelled(say("cancelled; nothing was changed"))
