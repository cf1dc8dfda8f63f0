"""An action whose commands run and commit in a worker thread, announced on the thread that began it.

The one path of every change stays one path: a command executed through ``Project.execute``
(through any service) inside :meth:`WorkerWrite.run` plans, writes and commits in its one
transaction on the worker thread exactly as it would anywhere; only what follows the commit waits.
Recording it for undo and announcing its change happen in :meth:`WorkerWrite.finish`, on the
thread that began the action (the window's GUI thread, where its undo stack and views live).

Meanwhile the store's :class:`~coding.core.write_lane.WriteLane` is taken: the beginning thread's
own writes are refused at once (it stays free to answer), other threads' writes wait their turn.
``run(..., stop=)`` lets the user cancel: checked between the writes and before the commit, a
cancel rolls the transaction back (:class:`~coding.core.errors.WriteCancelled`), leaving the
project exactly as it was. Usage (the window's ``app.widgets.worker_write`` does this)::

    write = project.write_in_worker("Import study.qdpx")      # GUI thread; refused while one runs
    report = write.run(lambda: apply_import(project, data, path), stop=cancelled)  # worker thread
    write.finish()                                            # GUI thread: undo record, change
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from coding.core.changes import Change
from coding.core.write_lane import WriteLane
from coding.undo.command import Command

T = TypeVar("T")

_here = threading.local()


def current_worker_write() -> WorkerWrite | None:
    """The action this thread is writing for another (inside :meth:`WorkerWrite.run`), if any."""
    found: WorkerWrite | None = getattr(_here, "write", None)
    return found


class WorkerWrite:
    """One action written in a worker thread (see the module)."""

    def __init__(
        self,
        text: str,
        lane: WriteLane,
        name: str,
        publish: Callable[[Command | None, Change], None],
        over: Callable[[], None] | None = None,
    ) -> None:
        lane.take(text, name)  # refused while another action is written elsewhere
        self.text = text
        self._lane = lane
        self._publish = publish
        self._over = over
        #: What committed in the worker, waiting to be recorded (a command; ``None`` for an undo or
        #: redo) and announced by :meth:`finish`.
        self.committed: list[tuple[Command | None, Change]] = []
        self._lock = threading.Lock()
        self.finished = False

    def run(self, work: Callable[[], T], *, stop: Callable[[], bool] | None = None) -> T:
        """Run ``work`` here (the worker thread): every command it executes commits on this thread
        and waits for :meth:`finish` to be recorded and announced. ``stop()`` is asked between the
        writes and before each commit; once it says so the command rolls back
        (:class:`~coding.core.errors.WriteCancelled`)."""
        self._lane.enter(stop)
        _here.write = self
        try:
            return work()
        finally:
            _here.write = None
            self._lane.leave()

    def keep(self, command: Command | None, change: Change) -> None:
        """A command (``None``: an undo or redo) committed on the worker thread (called by the project)."""
        if command is not None:
            command.in_worker = True  # its undo and redo take as long: the window runs them in a worker too
        with self._lock:
            self.committed.append((command, change))

    def finish(self, *, publish: bool = True) -> None:
        """On the thread that began it, after the worker ended (also after a failure or a cancel):
        the lane is given back, then what committed is recorded for undo and announced, in order,
        and last ``over()`` is called (what waited for the write, a save kept meanwhile, goes ahead).
        ``publish=False`` when the project is closing: nothing is announced any more."""
        if self.finished:
            return
        self.finished = True
        with self._lock:
            committed, self.committed = self.committed, []
        self._lane.give_back()  # first: a view answering the change may write
        if publish:
            for command, change in committed:
                self._publish(command, change)
        if self._over is not None:
            self._over()
