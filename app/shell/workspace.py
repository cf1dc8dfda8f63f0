"""One open project in the window: the project, its change signal, its undo stack, its favourites."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.language.indexing import Indexing
from app.shell import closed_checks
from app.shell.project_bridge import ProjectBridge
from app.shell.typed_saves import TypedSaves
from app.shell.undo_stack import UndoStackRecorder
from app.widgets import long_operation, operations
from app.widgets.worker_write import abandon_writes, write_in_worker
from coding import CodewerkError, Project
from coding.core.collector import collector_paused
from coding.core.errors import ServerUnreachableError

T = TypeVar("T")

#: How often the window looks whether other programs changed the project (ms).
LOOK_OUTSIDE_MS = 500
#: After the last change, how long the user pauses before the project file is brought up to date.
CHECKPOINT_AFTER_MS = 2000


class Workspace(QObject):
    """Everything the views share about the open project.

    ``changed(Change)`` fires once per committed action, undo and redo. ``attempt``, ``perform``,
    ``tell`` and ``refuse`` act and report through ``app.widgets.operations`` in the window the
    workspace belongs to (for models and controllers, which have no window of their own).
    """

    #: A team project's server stopped (False) or started again (True) answering.
    reachability = Signal(bool)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = parent if isinstance(parent, QWidget) else None
        self.project = project
        self.bridge = ProjectBridge(project, self)
        self.changed = self.bridge.changed
        self.undo_stack = QUndoStack(self)
        self.recorder = UndoStackRecorder(project, self.undo_stack)
        self.favourites = project.favourites
        self.indexer = Indexing(project, self.window, self)  # the search index, built in a worker thread
        #: Saves of typed text (memos, justifications, comments), kept while an action writes in a worker.
        self.typed: TypedSaves = self.bridge.typed
        #: Reads under way in a worker thread for a view (see :meth:`read_in_worker`).
        self._reads: set[long_operation.LongOperation] = set()
        # Changes that other programs (a script, the CLI, another window) commit reach the views
        # the way our own do: as a change notification.
        self.reachable = True
        self._outside = QTimer(self)
        self._outside.setInterval(LOOK_OUTSIDE_MS)
        self._outside.timeout.connect(self.look_outside)
        self._outside.start()
        # The file itself follows the work when the user pauses: a copy made meanwhile (a file
        # manager, a mail attachment) holds every finished action, not what the log still holds.
        self._checkpoint = QTimer(self)
        self._checkpoint.setSingleShot(True)
        self._checkpoint.setInterval(CHECKPOINT_AFTER_MS)
        self._checkpoint.timeout.connect(self.checkpoint)
        self.changed.connect(self._checkpoint.start)

    def checkpoint(self) -> None:
        """The project file brought up to date with its log (``Project.checkpoint``)."""
        self.project.checkpoint()

    def look_outside(self) -> bool:
        """Announce what other programs (or other people on a team server) committed since the
        last look; whether they did. A team server that cannot be reached turns
        ``reachability(False)`` once, and ``reachability(True)`` when it answers again."""
        try:
            noticed = self.project.notice_others()
        except ServerUnreachableError:
            self._set_reachable(False)
            return False  # the next look tries again
        except CodewerkError:
            return False
        self._set_reachable(True)
        return noticed

    def _set_reachable(self, reachable: bool) -> None:
        if reachable != self.reachable:
            self.reachable = reachable
            self.reachability.emit(reachable)

    def undo(self) -> None:
        """Edit → Undo: the stack moves only when the project took the step back; else reported.
        The status bar says what was undone (it may still say "Coded … (Ctrl+Z undoes)"). A step
        written in a worker thread (an import, a merge, stored suggestions) is undone in one too."""
        step = self.undo_stack.undoText()
        if self.recorder.long_step(undo=True) is not None:
            self._step_in_worker(undo=True)
        elif self.perform(self.recorder.undo) and step:
            self.tell(QCoreApplication.translate("Workspace", "Undone: {step}").format(step=step))

    def redo(self) -> None:
        step = self.undo_stack.redoText()
        if self.recorder.long_step(undo=False) is not None:
            self._step_in_worker(undo=False)
        elif self.perform(self.recorder.redo) and step:
            self.tell(QCoreApplication.translate("Workspace", "Redone: {step}").format(step=step))

    def _step_in_worker(self, *, undo: bool) -> None:
        """Undo or redo a long step in a worker thread (``write_in_worker``: the window answers, its
        other writes are refused meanwhile); the stack's index follows when the project took it."""
        step = self.recorder.long_step(undo=undo)
        assert step is not None
        command = step.command
        if undo:
            title = QCoreApplication.translate("Workspace", "Undo {step}").format(step=step.text())
            done = QCoreApplication.translate("Workspace", "Undone: {step}").format(step=step.text())
        else:
            title = QCoreApplication.translate("Workspace", "Redo {step}").format(step=step.text())
            done = QCoreApplication.translate("Workspace", "Redone: {step}").format(step=step.text())

        def take(_progress: long_operation.Progress) -> None:  # in the worker thread
            (self.project.undo_command if undo else self.project.redo_command)(command)

        def took(_value: object) -> None:
            self.recorder.took(step, undo=undo)
            self.tell(done)

        write_in_worker(self.window, self.project, take, title=title, success=took, show="status")

    def attempt(self, action: Callable[[], T], *, initiator: object | None = None) -> T | None:
        """Run a quick user action; its result, or ``None`` when it failed (reported)."""
        return operations.attempt(self.window, action, initiator=initiator)

    def perform(self, action: Callable[[], object], *, initiator: object | None = None) -> bool:
        """Run a quick user action; ``False`` when it failed (reported)."""
        return operations.perform(self.window, action, initiator=initiator)

    @staticmethod
    def settle() -> None:
        """Move what is loaded now out of the cyclic garbage collector's way.

        A window holds tens of thousands of long-lived records (quotes, passages); a full
        collection walking them all takes 100+ ms and would land in the middle of some later
        keystroke. Frozen objects are still freed by reference counting when dropped.
        """
        gc.freeze()

    @staticmethod
    @contextmanager
    def loading() -> Iterator[None]:
        """Build many long-lived records (a quote list) without the cyclic garbage collector, then
        settle them: records hold no cycles, and the collections a burst of 20,000 new objects
        would trigger are a quarter of the time of listing them. The domain's pause
        (``coding.core.collector``), which counts the pauses open in every thread: on its own, this one
        turned the collector back on while a worker's (a Find's) was still open, and that one then
        ended without freezing what it made."""
        with collector_paused(settle=True):
            yield

    def read_in_worker(
        self,
        work: Callable[[], T],
        success: Callable[[T], object],
        *,
        title: str,
        shown_in: QWidget | None = None,
    ) -> long_operation.LongOperation:
        """Read for a view in a worker thread (a long list's every row, after its first rows are
        shown; a table computed over every coding): ``work`` reads only and returns what
        ``success`` takes in on the GUI thread. Silent (no progress display), or with ``shown_in``
        a busy bar titled ``title`` in that widget's status line while it reads; stopped,
        ``success`` not called, when the project closes."""
        held: list[long_operation.LongOperation] = []

        def done(value: T) -> None:
            try:
                success(value)
            finally:  # what was read goes with its reader: not kept as the operation's value
                held[0].value = None
                self._reads.discard(held[0])
                held.clear()

        operation = long_operation.LongOperation(
            shown_in,
            lambda _progress: work(),
            title=title,
            success=done,
            failure=lambda _error: self._reads.discard(held.pop()),
            show="none" if shown_in is None else "status",
        )
        held.append(operation)
        self._reads = {read for read in self._reads if read.running}
        self._reads.add(operation)
        return operation.start()

    def tell(self, text: str) -> None:
        """What an action did, in the window's status bar."""
        operations.tell(self.window, text)

    def refuse(self, text: str) -> None:
        """An action refused before it reached the project (nothing changed)."""
        operations.refuse(self.window, text)

    def close(self, *, ending: bool = False) -> None:
        """Close the project; its file's connections are closed and the file checked after, in a thread of
        its own (``closed_checks``). ``ending``: the program ends (the window closes), so what was frozen while the
        project was open stays frozen: handing it back made the collector walk all of it once more
        (3–5 s on the huge project), for memory the system frees anyway."""
        self._outside.stop()
        self._checkpoint.stop()
        abandon_writes(self.project)  # cancelled (rolled back unless committed), announced no more
        self.typed.flush()  # what the user typed meanwhile is saved now
        self.indexer.shutdown()
        for read in list(self._reads):
            read.shutdown()
        self._reads.clear()
        self.recorder.detach()
        self.bridge.detach()
        self.undo_stack.clear()
        if self.project.is_team_project:
            self.project.close(release=not ending)
        else:  # closed and checked once more in a thread: the next opening spares the check while unchanged
            closed_checks.check_closed(self.project.close_later(release=not ending))
