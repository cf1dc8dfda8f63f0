"""Project changes gathered and handed on after the current event, merged into one.

The transcript repaints as soon as a change is announced; the docks' models take it a moment
later (a zero timer), so a coding is visible before counts and lists catch up, and a burst of
changes costs one refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from coding import Change
from coding.core.errors import ServerUnreachableError

#: How long a refresh waits before trying again while a team server cannot be reached (ms).
RETRY_MS = 1000

#: Above this many codings in the project, a view whose counts a change does not say how to adjust (a
#: bulk coding of 200,000 turns, merging codes, another program's change) counts afresh in a worker
#: thread (0.4-0.5 s each over 200,000 codings), showing the old counts until the new ones arrive.
COUNT_IN_WORKER_OVER = 20_000


class DeferredChanges(QObject):
    """Calls ``apply`` with the merged changes after the current event (or at once on :meth:`flush`)."""

    def __init__(self, apply: Callable[[Change], None], parent: QObject) -> None:
        super().__init__(parent)
        self._apply = apply
        self._change: Change | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def add(self, change: Change) -> None:
        self._change = change if self._change is None else self._change.merge(change)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Hand on what is waiting now (tests, and before reading a model's rows)."""
        self._timer.stop()
        change, self._change = self._change, None
        if change is None:
            return
        try:
            self._apply(change)
        except ServerUnreachableError:
            # A team server that went away: refresh when it answers again (the banner says so).
            self._change = change if self._change is None else change.merge(self._change)
            self._timer.start(RETRY_MS)
            return
        self._timer.setInterval(0)
