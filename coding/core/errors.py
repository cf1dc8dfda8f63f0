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
