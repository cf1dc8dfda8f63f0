"""The window's undo history: a QUndoStack whose commands wrap the domain's commands.

The project keeps executing commands itself (one transaction each); this recorder only receives
each committed command and pushes a wrapper, so the Edit menu, Ctrl+Z and Ctrl+Shift+Z drive
``Project.undo_command`` / ``Project.redo_command``.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from coding import Project
from coding.undo.command import Command


class DomainUndoCommand(QUndoCommand):
    def __init__(self, project: Project, command: Command) -> None:
        super().__init__(command.text)
        self._project = project
        self._command = command
        self._done = True  # pushed after the project already executed and committed it

    def redo(self) -> None:
        if self._done:
            return
        self._project.redo_command(self._command)
        self._done = True

    def undo(self) -> None:
        self._project.undo_command(self._command)
        self._done = False


class UndoStackRecorder:
    """Records the project's commands on a QUndoStack (install with ``Project.set_undo_recorder``)."""

    def __init__(self, project: Project, stack: QUndoStack) -> None:
        self.project = project
        self.stack = stack
        project.set_undo_recorder(self)

    def record(self, command: Command) -> None:
        self.stack.push(DomainUndoCommand(self.project, command))

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    def detach(self) -> None:
        self.project.set_undo_recorder(None)
