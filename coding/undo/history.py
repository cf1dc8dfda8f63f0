"""Undo history without Qt: what scripts use, and what the UI replaces with its QUndoStack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from coding.undo.command import Command


class UndoRecorder(Protocol):
    """Receives every command the project has executed and committed."""

    def record(self, command: Command) -> None: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class History:
    """A linear undo/redo history: a new command discards what was undone."""

    def __init__(self, undo: Callable[[Command], None], redo: Callable[[Command], None]) -> None:
        self._undo = undo
        self._redo = redo
        self._commands: list[Command] = []
        self._index = 0

    def record(self, command: Command) -> None:
        del self._commands[self._index :]
        self._commands.append(command)
        self._index = len(self._commands)

    @property
    def undo_count(self) -> int:
        """How many commands can be undone."""
        return self._index

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    @property
    def undo_text(self) -> str:
        return self._commands[self._index - 1].shown_text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._commands[self._index].shown_text if self.can_redo else ""

    def undo(self) -> None:
        if not self.can_undo:
            return
        command = self._commands[self._index - 1]
        self._undo(command)
        self._index -= 1

    def redo(self) -> None:
        if not self.can_redo:
            return
        command = self._commands[self._index]
        self._redo(command)
        self._index += 1

    def clear(self) -> None:
        self._commands.clear()
        self._index = 0
