"""A long action: its ``work`` in a worker thread, with progress and, where the domain can stop, a Cancel
button; what it prepared reaches the GUI thread, where it is applied (see :mod:`app.widgets.operations`, the one
way for the window to act, for the rules)::

    LongOperation(self, work, title="Exporting", apply=..., success=..., cancellable=True).start()

The operations under way are kept alive until they end (:func:`running_operations`); the application stops them
when it quits (:func:`install_stop_on_quit`).
"""

from __future__ import annotations

import inspect
import threading
from collections import deque
from collections.abc import Callable, Generator
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QProgressDialog, QToolButton, QWidget

from app.widgets.operations import acting, report, status_line

#: How progress shows: a progress dialog over the window, a bar in the status line, or (``none``)
#: only through :attr:`LongOperation.progressed`, for a caller that shows it itself.
ProgressDisplay = Literal["dialog", "status", "none"]


class Progress:
    """What ``work`` sees in its worker thread: ``progress(done, total, text)`` reports (throttled
    to changes of the percentage or the text) and returns ``False`` once cancelled."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last: tuple[int, str] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _set_cancelled(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int, text: str = "") -> bool:
        key = (100 * done // total if total > 0 else -1, text)
        if key != self._last:
            self._last = key
            self._relay.progressed.emit(done, total, text)
        return not self._cancel.is_set()


class _Relay(QObject):
    """Carries what the worker thread has to say to the GUI thread (queued signals)."""

    progressed = Signal(int, int, str)
    item = Signal(object)
    ended = Signal(object, object)  # result, error


class _Thread(QThread):
    def __init__(self, job: Callable[[], None], name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._job = job

    def run(self) -> None:
        self._job()

    def let_go(self) -> None:
        self._job = _nothing


def _nothing() -> None:
    return None


#: Operations under way: kept alive until they end, whoever holds them.
_running: set[LongOperation] = set()


class LongOperation(QObject):
    """A long action: ``work`` in a worker thread, the rest on the GUI thread (see the module).

    ``progressed(done, total, text)`` on the GUI thread; ``finished(value)`` once when it ended
    (also when cancelled: ``apply`` and ``success`` then see :attr:`cancelled`), or ``failed(error)``
    once it failed (after the error was reported). With ``apply`` the value is what ``apply``
    returned, else what ``work`` returned.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        title: str,
        apply: Callable[[Any], Any] | None = None,
        each: Callable[[Any], object] | None = None,
        success: Callable[[Any], object] | None = None,
        failure: Callable[[BaseException], object] | None = None,
        show: ProgressDisplay = "dialog",
        cancellable: bool = False,
        lookahead: int = 2,
        initiator: object | None = None,
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.title = title
        self.cancellable = cancellable
        self.initiator = initiator
        self.value: Any = None
        self.error: BaseException | None = None
        self._work = work
        self._apply = apply
        self._each = each
        self._success = success
        self._failure = failure
        self._show = show
        self._relay = _Relay()
        self._progress = Progress(self._relay)
        self._slots = threading.Semaphore(lookahead)
        self._items: deque[Any] = deque()
        self._busy = False
        self._ended: tuple[Any, BaseException | None] | None = None
        self._over = False
        self._abandoned = False
        self._display: QWidget | None = None
        self._bar: QProgressBar | None = None
        self._label: QLabel | None = None
        self._thread = _Thread(self._in_worker, title)
        self._relay.progressed.connect(self._on_progress)
        self._relay.item.connect(self._on_item)
        self._relay.ended.connect(self._on_ended)

    # -- state ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return not self._over

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled

    # -- control -------------------------------------------------------------------------
    def start(self) -> LongOperation:
        _running.add(self)
        self._open_display()
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop (it stops where the domain can: after the current file or chunk)."""
        if self._over or self._progress.cancelled:
            return
        self._progress._set_cancelled()
        self._slots.release()  # a worker waiting for its turn wakes up and sees it
        if self._label is not None:
            self._label.setText(
                QCoreApplication.translate("Operations", "{title}: cancelling …").format(title=self.title)
            )

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the worker thread ended (closing a window, tests)."""
        return self._thread.wait(milliseconds)

    def shutdown(self) -> None:
        """Stop and forget: cancel, wait for the worker, call nothing more (the owner goes away)."""
        self._abandoned = True
        self.cancel()
        self._thread.wait()
        self._end()

    def advance(self, done: int, total: int, text: str = "") -> None:
        """Progress made on the GUI thread (by ``each``): shown and signalled like the worker's."""
        self._on_progress(done, total, text)

    # -- the worker thread ---------------------------------------------------------------
    def _in_worker(self) -> None:
        try:
            produced = self._work(self._progress)
            result = self._hand_over(produced) if inspect.isgenerator(produced) else produced
        except Exception as error:
            self._relay.ended.emit(None, error)
        else:
            self._relay.ended.emit(result, None)

    def _hand_over(self, items: Generator[Any, Any, Any]) -> Any:
        while True:
            self._slots.acquire()
            if self._progress.cancelled:
                items.close()
                return None
            try:
                item = next(items)
            except StopIteration as stop:
                return stop.value
            self._relay.item.emit(item)

    # -- the GUI thread ------------------------------------------------------------------
    @Slot(object)
    def _on_item(self, item: Any) -> None:
        self._items.append(item)
        self._take_items()

    def _take_items(self) -> None:
        if self._busy:  # ``each`` opened a question: its event loop delivered this; the loop below takes it
            return
        self._busy = True
        try:
            while self._items and not self._over:
                item = self._items.popleft()
                if not self.cancelled and self.error is None:
                    self._call(self._each, item)
                self._slots.release()
        finally:
            self._busy = False
        if self._ended is not None:
            self._finish()

    @Slot(object, object)
    def _on_ended(self, result: Any, error: BaseException | None) -> None:
        self._thread.wait()  # it returns right after saying so
        self._ended = (result, error)
        if not self._busy:
            self._finish()

    def _call(self, function: Callable[[Any], Any] | None, argument: Any) -> Any:
        if function is None or self.error is not None:
            return argument
        with acting(self.initiator):
            try:
                return function(argument)
            except Exception as error:
                self.error = error
                self._progress._set_cancelled()
                self._slots.release()
                return None

    def _finish(self) -> None:
        if self._over or self._ended is None:
            return
        result, error = self._ended
        self._ended = (None, error)  # the result is handed on (and kept as ``value``), not held twice
        self.error = self.error or error
        self._end()
        if self._abandoned:
            return
        value = self._call(self._apply, result) if self._apply is not None else result
        if self.error is not None:
            report(self.parent_widget, self.error, notice=True, title=self.title)
            if self._failure is not None:
                self._failure(self.error)
            self.failed.emit(self.error)
            return
        self.value = value
        if self._success is not None:
            self._success(value)
        self.finished.emit(value)

    def _end(self) -> None:
        self._over = True
        self._close_display()
        _running.discard(self)
        self._thread.let_go()  # the worker ended: no cycle through it keeps this operation alive

    # -- showing progress ----------------------------------------------------------------
    def _open_display(self) -> None:
        parent = self.parent_widget if self.parent_widget and shiboken6.isValid(self.parent_widget) else None
        if self._show == "dialog":
            dialog = QProgressDialog(
                f"{self.title} …",
                QCoreApplication.translate("Operations", "Cancel"),
                0,
                0,
                parent.window() if parent else None,
            )
            dialog.setObjectName("operationProgress")
            dialog.setWindowTitle(self.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(400)
            if self.cancellable:
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            self._display = dialog
        elif self._show == "status":
            bar = status_line(parent)
            if bar is None:
                return
            box = QWidget(bar)
            box.setObjectName("operationProgress")
            layout = QHBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            self._label = QLabel(self.title, box)
            self._bar = QProgressBar(box)
            self._bar.setRange(0, 0)
            self._bar.setMaximumWidth(160)
            layout.addWidget(self._label)
            layout.addWidget(self._bar)
            if self.cancellable:
                cancel = QToolButton(box)
                cancel.setText(QCoreApplication.translate("Operations", "Cancel"))
                cancel.clicked.connect(self.cancel)
                layout.addWidget(cancel)
            bar.addPermanentWidget(box)
            self._display = box

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._over:
            return
        percent = min(100, 100 * done // total) if total > 0 else -1
        display = self._display
        if isinstance(display, QProgressDialog):
            if percent >= 0:
                display.setMaximum(100)
                display.setValue(percent)
            display.setLabelText(f"{self.title} … {text}".rstrip())
        elif self._bar is not None and self._label is not None:
            if percent >= 0:
                self._bar.setMaximum(100)
                self._bar.setValue(percent)
            if not self.cancelled:
                self._label.setText(f"{self.title} {text}".rstrip())
        self.progressed.emit(done, total, text)

    def _close_display(self) -> None:
        display, self._display, self._bar, self._label = self._display, None, None, None
        if display is not None and shiboken6.isValid(display):
            display.hide()
            display.deleteLater()


def running_operations() -> list[LongOperation]:
    """The long operations under way (the window waits for them when it closes)."""
    return list(_running)


def stop_all() -> None:
    """Cancel and wait for every long operation (the application quits). Those that write
    (``worker_write.WriteOperation``) stop first, announcing nothing more: another worker (the
    indexer's) may be waiting for its turn to write until they are over."""
    for operation in sorted(running_operations(), key=lambda op: not hasattr(op, "abandon")):
        getattr(operation, "abandon", operation.shutdown)()


def install_stop_on_quit() -> None:
    """Stop the long operations before the application's objects go (called once at start-up)."""
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_all)
