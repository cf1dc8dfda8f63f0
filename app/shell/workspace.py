"""One open project in the window: the project, its change signal, its undo stack, its favourites."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.language.index_worker import BackgroundIndexer
from app.shell.project_bridge import ProjectBridge
from app.shell.undo_stack import UndoStackRecorder
from coding import Project
from coding.core.errors import CodewerkError

T = TypeVar("T")


class Workspace(QObject):
    """Everything the views share about the open project.

    ``changed(Change)`` fires once per committed action, undo and redo; ``problem(str)`` carries
    the one-line message of an action the project refused (nothing was changed then).
    """

    problem = Signal(str)
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.bridge = ProjectBridge(project, self)
        self.changed = self.bridge.changed
        self.undo_stack = QUndoStack(self)
        self.recorder = UndoStackRecorder(project, self.undo_stack)
        self.favourites = project.favourites
        self.indexer = BackgroundIndexer(project, self)  # the search index, built in a worker thread

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a user action; a refusal is reported through ``problem`` instead of raised."""
        try:
            return action()
        except CodewerkError as exc:
            self.problem.emit(str(exc))
            return None

    def perform(self, action: Callable[[], object]) -> bool:
        """Run a user action; ``False`` (and a ``problem``) when the project refused it."""
        try:
            action()
        except CodewerkError as exc:
            self.problem.emit(str(exc))
            return False
        return True

    @contextmanager
    def undo_group(self, text: str) -> Iterator[None]:
        """Everything the project commits inside the block is one undo step named ``text``: one
        user action, one Ctrl+Z, however many commands it took."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

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
        would trigger are a quarter of the time of listing them."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            if enabled:
                gc.enable()

    def tell(self, text: str) -> None:
        self.message.emit(text)

    def close(self) -> None:
        self.indexer.cancel()
        self.indexer.wait()
        self.recorder.detach()
        self.bridge.detach()
        self.undo_stack.clear()
        self.project.close()
