"""Building the search index in the background: one long operation at a time per project.

The window shares one :class:`Indexing` per project (the workspace's), so two indexing threads
never run at once; it starts after an import, before a search or a suggestion run needs the index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.widgets.long_operation import LongOperation, Progress, ProgressDisplay
from coding import Project

if TYPE_CHECKING:  # the indexer loads when indexing first runs, not at start-up
    from coding.language.indexer import IndexReport


class Indexing(QObject):
    """Indexes what needs it with ``project.assist.index`` in a worker thread.

    ``progress(percent, name)`` and ``finished(report)`` (also after a cancel: ``report.cancelled``)
    or ``failed(error)`` arrive on the GUI thread; a failure is reported by the operation (see
    ``app.widgets.operations``) in or over ``window``.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        project: Project,
        window: QWidget | None,
        parent: QObject | None = None,
        *,
        show: ProgressDisplay = "status",
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._window = window
        self._show = show
        self.operation: LongOperation | None = None
        self._after: list[Callable[[], object]] = []

    @property
    def running(self) -> bool:
        return self.operation is not None

    def needs_indexing(self) -> bool:
        if self._project.is_team_project:  # search and suggestions work on project files only
            return False
        return bool(self._project.assist.stale())

    def start(self) -> bool:
        """Start indexing the documents that need it; ``False`` if it is already running."""
        if self.operation is not None:
            return False
        assist = self._project.assist  # created here, on the GUI thread, not in the worker

        def work(progress: Progress) -> IndexReport:
            return assist.index(progress)

        self.operation = LongOperation(
            self._window,
            work,
            title=QCoreApplication.translate("Indexing", "Indexing for search"),
            show=self._show,
            cancellable=True,
            success=self._on_finished,
            failure=self._on_failed,
        )
        self.operation.progressed.connect(self._on_progress)
        self.operation.start()
        return True

    def after(self, then: Callable[[], object]) -> None:
        """Call ``then`` once the documents are indexed: at once when none needs it, else when the
        indexing (started here if need be) has finished without being cancelled."""
        if self.operation is None and not self.needs_indexing():
            then()
            return
        self._after.append(then)
        self.start()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the worker thread ends (closing the window, tests)."""
        operation = self.operation
        return operation is None or operation.wait(milliseconds)

    def shutdown(self) -> None:
        """Stop indexing and forget it (the project closes)."""
        operation, self.operation = self.operation, None
        self._after.clear()
        if operation is not None:
            operation.shutdown()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.emit(int(100 * done / total) if total else 100, name)

    def _on_finished(self, report: IndexReport) -> None:
        self.operation = None
        waiting, self._after = self._after, []
        self.finished.emit(report)
        if not report.cancelled:
            for then in waiting:
                then()

    def _on_failed(self, error: BaseException) -> None:
        self.operation = None
        self._after.clear()
        self.failed.emit(error)
