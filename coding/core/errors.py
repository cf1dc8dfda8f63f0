"""Errors the domain raises. Every message is one line a user can act on."""

from __future__ import annotations

from pathlib import Path


class CodewerkError(Exception):
    """Base class: a problem the user caused or can fix, reported as one clear line."""


class NotFoundError(CodewerkError):
    """A document, code, coding … that the user named does not exist."""


class AmbiguousError(CodewerkError):
    """A name or passage matched more than one thing."""


class InvalidInputError(CodewerkError):
    """A value the user gave is not acceptable (a score outside a scale, an empty name …)."""


class ProjectFileError(CodewerkError):
    """A project file cannot be created or opened."""


class CodebookError(CodewerkError):
    """A codebook file is malformed or inconsistent. Nothing of it was loaded."""


class FileImportError(CodewerkError):
    """One input file could not be imported; names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class ProjectBusyError(CodewerkError):
    """Another program kept the project busy (writing) for longer than we wait; nothing was changed."""


class ProjectReadOnlyError(CodewerkError):
    """The project cannot be written (read-only file, folder or media); nothing was changed."""


class DiskFullError(CodewerkError):
    """The disk holding the project (or the file being written) is full; nothing was changed."""


class UndoConflictError(CodewerkError):
    """Undo or redo would overwrite what someone else changed since; nothing was changed."""


class PasswordNeededError(ProjectFileError):
    """A team project's server asks for a password that was not given (or refused it)."""


class ServerUnreachableError(CodewerkError):
    """The team server cannot be reached; the action in flight was not applied."""


class NotAllowedError(CodewerkError):
    """The user's role in a team project does not allow this action; nothing was changed."""


class WriteUnderWayError(CodewerkError):
    """Another action of this program is being written in a worker thread; nothing was changed."""


class WriteCancelled(CodewerkError):
    """The user cancelled an action being written in a worker thread: rolled back, nothing changed."""
