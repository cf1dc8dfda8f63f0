"""A view's read in a worker thread where a newer read overtakes an older one.

A view that lists or computes in a worker (a grid, a table, a list of memos or speakers) starts a
read whenever what it shows is out of date; a read started while an older one is still under way
replaces it. :class:`LatestRead` is that rule, once::

    self._read = LatestRead(self, workspace, title=self.tr("Counting …"), shown_in=self)
    ...
    self._read.start(lambda: project.comparison.grid(attribute), self._show_grid)

Only the newest read's result reaches ``arrived`` (on the GUI thread), and only while the owner is
alive; an older read still running is cancelled and its result, or its error, dropped. The newest
read's error is reported the one way (``operations.report``, titled ``title``, in ``shown_in``'s
status line and a box). :attr:`operation` is the newest read until its result was shown (a failed
read stays: it was not shown); views keep it as their ``reading``/``building`` attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.widgets import long_operation, operations

if TYPE_CHECKING:
    from app.shell.workspace import Workspace

T = TypeVar("T")


class LatestRead:
    """The newest of ``owner``'s reads in a worker thread (see the module).

    With a ``workspace`` the read runs through :meth:`Workspace.read_in_worker` (stopped when the
    project closes); without one, as a long operation of its own (:meth:`shutdown` stops it).
    ``shown_in``: the widget whose status line shows a busy bar while it reads (``None``: silent).
    """

    def __init__(
        self,
        owner: QObject,
        workspace: Workspace | None,
        *,
        title: str,
        shown_in: QWidget | None = None,
    ) -> None:
        self._owner = owner
        self._workspace = workspace
        self._title = title
        self._shown_in = shown_in
        self._generation = 0
        self._operation: long_operation.LongOperation | None = None

    @property
    def operation(self) -> long_operation.LongOperation | None:
        """The newest read until its result was shown (``None`` then, or before the first read)."""
        return self._operation

    @property
    def busy(self) -> bool:
        """A read is under way whose result will be shown."""
        return self._operation is not None and self._operation.running

    def start(self, work: Callable[[], T], arrived: Callable[[T], object]) -> None:
        """Read with ``work`` in a worker thread (it reads only); ``arrived`` takes in what it
        returned, on the GUI thread, unless a newer read started (or :meth:`drop`) meanwhile or the
        owner is gone."""
        self.drop()
        generation = self._generation

        def read() -> tuple[T | None, Exception | None]:
            try:
                return work(), None
            except Exception as error:  # reported on the GUI thread, if this read is still the newest
                return None, error

        def done(outcome: tuple[T | None, Exception | None]) -> None:
            if generation != self._generation or not shiboken6.isValid(self._owner):
                return  # overtaken, or the view went
            value, error = outcome
            if error is not None:  # the operation stays: a failed read was not shown
                operations.report(self._shown_in, error, notice=True, title=self._title)
                return
            self._operation = None
            arrived(value)  # type: ignore[arg-type]  # None only with an error

        if self._workspace is not None:
            self._operation = self._workspace.read_in_worker(
                read, done, title=self._title, shown_in=self._shown_in
            )
        else:
            self._operation = long_operation.LongOperation(
                self._shown_in,
                lambda _progress: read(),
                title=self._title,
                success=done,
                show="none" if self._shown_in is None else "status",
            ).start()

    def drop(self) -> None:
        """The read under way (if any) is not shown: a newer one, or rows at hand, replace it."""
        self._generation += 1
        if self._operation is not None and self._operation.running:
            self._operation.cancel()
        self._operation = None

    def after(self, milliseconds: int, begin: Callable[[], object]) -> None:
        """Call ``begin`` (which starts a read) after ``milliseconds``, unless a read started or was
        dropped meanwhile, or the owner went (a read deferred until after the paint, or retried)."""
        generation = self._generation

        def due() -> None:
            if generation == self._generation and shiboken6.isValid(self._owner):
                begin()

        QTimer.singleShot(milliseconds, due)

    def shutdown(self) -> None:
        """Stop the read under way and wait for its worker (the view closes): nothing more arrives."""
        self._generation += 1
        if self._operation is not None and self._operation.running:
            self._operation.shutdown()
        self._operation = None
