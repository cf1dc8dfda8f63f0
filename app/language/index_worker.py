"""Indexing in the background: a worker thread with progress, so the window stays responsive."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coding import Project
from coding.core.errors import CodewerkError


class IndexWorker(QObject):
    """Runs ``project.assist.index`` in its thread; ``progress(done, total, name)`` in characters."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # IndexReport
    failed = Signal(str)

    def __init__(self, project: Project) -> None:
        super().__init__()
        self._project = project
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int, name: str) -> bool:
        self.progress.emit(done, total, name)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            report = self._project.assist.index(self._report)
        except CodewerkError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker thread must not die silently
            self.failed.emit(f"indexing failed: {exc}")
        else:
            self.finished.emit(report)


class BackgroundIndexer(QObject):
    """Starts and tracks one indexing thread at a time.

    ``progress(percent, name)`` and ``finished(report)`` arrive in the GUI thread.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._thread: QThread | None = None
        self._worker: IndexWorker | None = None

    def needs_indexing(self) -> bool:
        return bool(self._project.assist.stale())

    def start(self) -> bool:
        """Start indexing the documents that need it; ``False`` if it is already running."""
        if self._thread is not None:
            return False
        thread = QThread(self)
        worker = IndexWorker(self._project)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the thread ends (closing the window, tests)."""
        thread = self._thread
        return thread is None or thread.wait(milliseconds)

    def _stop(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.emit(int(100 * done / total) if total else 100, name)

    @Slot(object)
    def _on_finished(self, report: Any) -> None:
        self._stop()
        self.finished.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
