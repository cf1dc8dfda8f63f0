"""Running an import without freezing the window.

The slow part of an import, reading and parsing the files, happens in a worker thread that never
touches the project (``coding.importing.import_service.prepare_file``). Every prepared file comes back to the
UI thread through a queued signal and is stored there, in its own transaction: the project's
database connections never leave the UI thread, and change notifications reach the views on the
thread they live on. The worker works at most ``LOOKAHEAD`` files ahead of what has been stored.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coding.importing.import_service import (
    Duplicate,
    ImportBatch,
    ImportProblem,
    ImportReport,
    PreparedFile,
    prepare_file,
)

log = logging.getLogger(__name__)

LOOKAHEAD = 2

#: Asked on the UI thread for a file that is already in the project: replace it?
ReplaceQuestion = Callable[[Path, Duplicate], bool]


class PrepareWorker(QObject):
    """Reads and parses files one after another in a worker thread."""

    prepared = Signal(int, object)  # index, PreparedFile
    done = Signal()

    def __init__(self, paths: Sequence[Path], patterns: Sequence[str] | None) -> None:
        super().__init__()
        self._paths = list(paths)
        self._patterns = None if patterns is None else list(patterns)
        self._slots = threading.Semaphore(LOOKAHEAD)
        self._stop = threading.Event()

    @Slot()
    def run(self) -> None:
        for index, path in enumerate(self._paths):
            self._slots.acquire()
            if self._stop.is_set():
                break
            self.prepared.emit(index, prepare_file(path, self._patterns))
        self.done.emit()

    def consumed(self) -> None:
        """One prepared file was stored: the worker may prepare one more."""
        self._slots.release()

    def stop(self) -> None:
        self._stop.set()
        self._slots.release()


class ImportRun(QObject):
    """One import in progress: prepares in a worker thread, stores on the UI thread, can be cancelled.

    ``fileDone(name, stored, outcome)`` and ``progressed(done, total, name)`` after every file;
    ``finished(ImportReport)`` once.
    """

    progressed = Signal(int, int, str)
    fileDone = Signal(str, bool, str)  # file name, stored?, what happened
    finished = Signal(object)

    def __init__(
        self, batch: ImportBatch, replace: bool | ReplaceQuestion, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.batch = batch
        self.replace = replace
        self.total = len(batch.files)
        self.done = 0
        self.report: ImportReport | None = None
        self._queue: deque[PreparedFile] = deque()
        self._storing = False
        self._cancelled = False
        self._thread = QThread()
        self._thread.setObjectName("import-prepare")
        self._worker = PrepareWorker(batch.files, batch.patterns)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.prepared.connect(self._on_prepared)
        self._worker.done.connect(self._thread.quit)

    @property
    def running(self) -> bool:
        return self.report is None

    def start(self) -> None:
        if self.total == 0:
            self._finish()
            return
        self._thread.start()

    def cancel(self) -> None:
        """Stop after the file being stored now; what was stored stays imported."""
        if self.report is not None:
            return
        self._cancelled = True
        if not self._storing:
            self._finish()

    def _on_prepared(self, _index: int, prepared: PreparedFile) -> None:
        self._queue.append(prepared)
        if self._storing:  # a question is open (its event loop delivers this): the loop below takes it
            return
        self._storing = True
        try:
            while self._queue and not self._cancelled and self.report is None:
                item = self._queue.popleft()
                self._store(item)
                self.done += 1
                self._worker.consumed()
                self.progressed.emit(self.done, self.total, item.path.name)
        finally:
            self._storing = False
        if self._cancelled or self.done == self.total:
            self._finish()

    def _store(self, item: PreparedFile) -> None:
        report = self.batch.report
        skipped, replaced = len(report.skipped), len(report.replaced)
        try:
            self.batch.store(item, self.replace)
        except Exception as exc:  # the project refused in an unforeseen way: report it, go on
            log.exception("storing %s failed", item.path)
            report.skipped.append(ImportProblem(item.path.name, f"could not be stored ({exc})"))
        if len(report.skipped) > skipped:
            self.fileDone.emit(item.path.name, False, report.skipped[-1].reason)
        elif len(report.replaced) > replaced:
            lost = len(report.replaced[-1].lost)
            self.fileDone.emit(
                item.path.name, True, f"replaced; {lost} coded passage(s) lost" if lost else "replaced"
            )
        else:
            self.fileDone.emit(item.path.name, True, "imported")

    def _finish(self) -> None:
        if self.report is not None:
            return
        self._worker.stop()
        self._thread.quit()
        self._thread.wait()
        self.report = self.batch.finish(cancelled=self._cancelled and self.done < self.total)
        self.finished.emit(self.report)

    def shutdown(self) -> None:
        """Stop the worker thread (the dialog closes)."""
        self._cancelled = True
        self._worker.stop()
        self._thread.quit()
        self._thread.wait()
