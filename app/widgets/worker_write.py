"""A long action that writes: its command runs and commits in a worker thread (issue 19).

A :class:`~app.widgets.long_operation.LongOperation` whose ``work`` may execute commands: a ``.qdpx``
import, a coder's merge, storing a Find's suggestions — seconds of planning and inserting on a
research group's project, which used to freeze the window on the GUI thread. ``work(progress)``
reads, prepares and executes through the services as anywhere; the project
(``Project.write_in_worker``, :mod:`coding.undo.worker_write`) commits each command in its one
transaction on the worker thread (its own connection, a project file or a team server alike) and
keeps it; when the worker ended, the GUI thread records it on the undo stack and announces its
change (stamped with the initiator), before ``success`` runs. Meanwhile:

* the window answers (progress in a dialog or a busy bar in the status line);
* every other write of the window is refused at once with one line naming the action under way
  ("“Import study.qdpx” is still being written …"), undo and redo too; a second write in a
  worker is refused the same way, before it starts; the indexer's writes wait their turn;
* Cancel (``cancellable``) stops the reading where it can and, until the commit, rolls the
  transaction back: the project is exactly as before and ``success`` gets ``None``; a cancel after
  the commit comes too late and the action stands (recorded, announced) as if not cancelled;
* a failure rolls back as on the GUI thread: reported once (a box for a long action), ``failure``
  called, the project as it was;
* the committed command is marked ``in_worker``: Edit → Undo and Redo of it run the same way
  (``Workspace.undo``/``redo``), since taking back 200,000 codings takes as long as writing them.

Usage::

    write_in_worker(window, project, lambda progress: apply_import(project, data, path),
                    title="Import", success=show_report, cancellable=True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.widgets import long_operation, operations
from coding import CodewerkError, Project
from coding.core.errors import WriteCancelled


class WriteOperation(long_operation.LongOperation):
    """A long operation whose ``work`` writes (see the module); made by :func:`write_in_worker`."""

    def __init__(
        self,
        parent: QWidget | None,
        project: Project,
        work: Callable[[long_operation.Progress], Any],
        *,
        title: str,
        success: Callable[[Any], object] | None = None,
        failure: Callable[[BaseException], object] | None = None,
        show: long_operation.ProgressDisplay = "dialog",
        cancellable: bool = False,
        initiator: object | None = None,
    ) -> None:
        self.project = project
        self.write = project.write_in_worker(title)  # refused while another write is under way

        def in_worker(progress: long_operation.Progress) -> Any:
            try:
                return self.write.run(lambda: work(progress), stop=lambda: progress.cancelled)
            except WriteCancelled:
                return None  # rolled back: the project is as it was

        def publish(value: Any) -> Any:  # the GUI thread, acting for the initiator
            self.write.finish()  # recorded on the undo stack, announced; the lane is free again
            return value  # None when cancelled before the commit

        def failed(error: BaseException) -> None:
            self.write.finish()  # nothing committed (rolled back); the lane is free again
            if failure is not None:
                failure(error)

        super().__init__(
            parent,
            in_worker,
            title=title,
            apply=publish,
            success=success,
            failure=failed,
            show=show,
            cancellable=cancellable,
            initiator=initiator,
        )

    def shutdown(self) -> None:
        """Stop (cancel, wait for the worker) and announce what committed before the cancel."""
        super().shutdown()
        self.write.finish()

    def abandon(self) -> None:
        """The project closes: stop, and announce nothing any more (the views go with it)."""
        super().shutdown()
        self.write.finish(publish=False)


def write_in_worker(
    parent: QWidget | None,
    project: Project,
    work: Callable[[long_operation.Progress], Any],
    *,
    title: str,
    success: Callable[[Any], object] | None = None,
    failure: Callable[[BaseException], object] | None = None,
    show: long_operation.ProgressDisplay = "dialog",
    cancellable: bool = False,
    initiator: object | None = None,
) -> WriteOperation | None:
    """Start ``work(progress)`` in a worker thread, its commands committed there (see the module).
    ``None`` when refused at once (another write under way: reported where the user acted)."""
    try:
        operation = WriteOperation(
            parent,
            project,
            work,
            title=title,
            success=success,
            failure=failure,
            show=show,
            cancellable=cancellable,
            initiator=initiator,
        )
    except CodewerkError as error:
        operations.report(parent, error, title=title)
        if failure is not None:
            failure(error)
        return None
    operation.start()
    return operation


def abandon_writes(project: Project) -> None:
    """The project closes: stop its writes in workers without announcing anything more."""
    for operation in long_operation.running_operations():
        if isinstance(operation, WriteOperation) and operation.project is project:
            operation.abandon()
