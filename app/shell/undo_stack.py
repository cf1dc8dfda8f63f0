"""The window's undo history: a QUndoStack whose commands wrap the domain's commands.

The project keeps executing commands itself (one transaction each); this recorder only receives
each committed command and pushes a wrapper, so the Edit menu, Ctrl+Z and Ctrl+Shift+Z drive
``Project.undo_command`` / ``Project.redo_command``.

The stack's index moves only when the domain's undo (or redo) committed. A QUndoStack moves its
index whatever its command's ``undo`` does, so :meth:`UndoStackRecorder.undo` puts the index back
when the domain refused (the project stayed busy, someone else changed the same rows since) and
raises the refusal for the window to report; an undo step of several commands that failed half
way re-applies the part it had already taken back.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from coding import Project
from coding.undo.command import Command


class DomainUndoCommand(QUndoCommand):
    def __init__(self, recorder: UndoStackRecorder, command: Command) -> None:
        super().__init__(command.shown_text)
        self._recorder = recorder
        self._command = command
        self._done = True  # pushed after the project already executed and committed it

    @property
    def command(self) -> Command:
        return self._command

    def redo(self) -> None:
        if self._done or self._recorder.failure is not None:
            return
        try:
            self._recorder.project.redo_command(self._command)
        except Exception as exc:  # reported by UndoStackRecorder.redo, after the index is back
            self._recorder.failure = exc
            return
        self._done = True

    def undo(self) -> None:
        if not self._done or self._recorder.failure is not None:
            return
        try:
            self._recorder.project.undo_command(self._command)
        except Exception as exc:  # reported by UndoStackRecorder.undo, after the index is back
            self._recorder.failure = exc
            return
        self._done = False


class UndoStackRecorder:
    """Records the project's commands on a QUndoStack (install with ``Project.set_undo_recorder``)."""

    def __init__(self, project: Project, stack: QUndoStack) -> None:
        self.project = project
        self.stack = stack
        #: What the domain refused during the current undo or redo.
        self.failure: Exception | None = None
        project.set_undo_recorder(self)

    def record(self, command: Command) -> None:
        self.stack.push(DomainUndoCommand(self, command))

    def undo(self) -> None:
        """Undo the last step; raises (with the stack as it was) when the project refused."""
        self._move(self.stack.undo)

    def redo(self) -> None:
        self._move(self.stack.redo)

    def _move(self, move: object) -> None:
        before = self.stack.index()
        self.failure = None
        move()  # type: ignore[operator]
        failure, self.failure = self.failure, None
        if failure is not None:
            self.stack.setIndex(before)  # re-does (or re-undoes) only what did move
            self.failure = None
            raise failure

    def long_step(self, *, undo: bool) -> DomainUndoCommand | None:
        """The step Edit → Undo (``undo``) or Redo would take, when it takes seconds: its command was
        written in a worker thread (``Command.in_worker``), so its undo and redo are run there too."""
        index = self.stack.index() - 1 if undo else self.stack.index()
        if not 0 <= index < self.stack.count():
            return None
        step = self.stack.command(index)
        return step if isinstance(step, DomainUndoCommand) and step.command.in_worker else None

    def took(self, step: DomainUndoCommand, *, undo: bool) -> None:
        """The project took ``step`` back (``undo``) or again elsewhere (in a worker thread): the stack's
        index follows without taking it once more."""
        index = self.stack.index() - 1 if undo else self.stack.index()
        if not 0 <= index < self.stack.count() or self.stack.command(index) is not step:
            return
        step._done = not undo  # the wrapper's own undo/redo then does nothing
        (self.stack.undo if undo else self.stack.redo)()

    def clear(self) -> None:
        self.stack.clear()

    def detach(self) -> None:
        self.project.set_undo_recorder(None)
