"""The project's change notifications as a Qt signal: every view refreshes from ``changed``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.shell.typed_saves import TypedSaves
from app.widgets.operations import stamped
from coding import Change, Project


class ProjectBridge(QObject):
    """Owns the open project for the window and re-emits its changes on the Qt side.

    ``changed(Change)`` fires once per committed action, undo and redo, with the initiator of the
    operation that made it (``app.widgets.operations``). A bridge stops listening when it is
    detached or destroyed (a dialog that made its own bridge goes away).
    """

    changed = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        #: Saves of typed text (memos, justifications, comments), kept while an action writes in a worker.
        self.typed = TypedSaves(project, self)
        self._unsubscribe = project.subscribe(self._on_change)
        self.destroyed.connect(self._unsubscribe)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(stamped(change))

    def detach(self) -> None:
        self._unsubscribe()
