"""What a feature service gets from the project, instead of the whole :class:`~coding.project.Project`.

A service reads through ``context.store``, changes the project only through
``context.execute(command)`` (the one path of every change: one transaction, undo, one
announcement), names the current coder with ``context.coder()`` and turns what a user types
into typed ids with ``context.resolve``. Other services it needs are passed to it by name when
the project builds it; ``Project`` stays the front door for scripts, the CLI and the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo, CodeTree, DocumentInfo
from coding.core.store import Store

if TYPE_CHECKING:
    from coding.undo.command import Command
    from coding.undo.group import GroupScope

#: A document as a user or a script names it: its id, its name (with or without extension),
#: its original file name, or its record.
DocumentRef = DocumentId | int | str | DocumentInfo
#: A code as a user or a script names it: its id, a path (``Vertrouwen/Betrouwbaarheid``), a
#: unique name or label, a question reference (``4a``), or its record.
CodeRef = CodeId | int | str | CodeInfo

#: Runs a command: one transaction, recorded for undo, announced; returns the command's result.
Execute = Callable[["Command"], Any]


@dataclass(frozen=True)
class Resolver:
    """Names to typed ids, answered by the features that own the names.

    ``document`` by the documents (:meth:`DocumentService.id_of`), ``code`` and ``code_tree``
    by the codebook (:meth:`CodeService.id_of`, :meth:`CodeService.tree`, cached until the
    codes change). An unknown or ambiguous name raises ``NotFoundError`` / ``AmbiguousError``.
    """

    document: Callable[[DocumentRef], DocumentId]
    code: Callable[[CodeRef], CodeId]
    code_tree: Callable[[], CodeTree]


@dataclass(frozen=True)
class ProjectContext:
    """The store, the one path of change, the current coder and the resolver of one open project."""

    store: Store
    execute: Execute
    #: The name of the coder now at work (the window can change it while the project is open).
    coder: Callable[[], str]
    resolve: Resolver
    #: Opens an undo group (``Project.group``): the commands executed inside are one action.
    group: Callable[[str], GroupScope]
