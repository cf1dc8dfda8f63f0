"""One way for the window to act: run a user action, report what went wrong one way, say who acted.

The idea is Anki's ``CollectionOp``/``QueryOp``; this is smaller and keeps Codewerk's rule that the
undo stack and the views hear of every change on the GUI thread.

A quick action (code a passage, rename a speaker, save a judgement) runs at once on the GUI thread::

    code = attempt(self, lambda: project.codes.create(name), initiator=self)

A long action (importing, indexing, exporting, REFI-QDA exchange, finding suggestions) runs its
``work`` in a worker thread, with progress and, where the domain can stop, a Cancel button::

    LongOperation(self, work, title="Exporting", apply=..., success=..., cancellable=True).start()

``work(progress)`` reads and prepares only (parses files, builds the search index, writes an
export file); it never executes a command (a long action whose command takes seconds is a
``WriteOperation``, :mod:`app.widgets.worker_write`, which commits in the worker), so the undo
stack and the change notifications stay on the GUI thread. What it prepared reaches the GUI thread as its return
value (given to ``apply``, which may write through the services) or, when ``work`` is a generator,
item by item (each given to ``each``, the worker at most ``lookahead`` items ahead). It reports
progress by calling ``progress(done, total, text)``, which returns ``False`` once the user
cancelled. ``success`` and ``failure`` are called on the GUI thread.

Where messages show (the rule)
------------------------------
* What an action did, or why it was refused, goes to the status line nearest to where the user
  acted: a panel's or dialog's own status line, else the status bar of its window (the workbench,
  the search window, the compare window); see :func:`status_line`.
* A refusal is a :class:`~coding.core.errors.CodewerkError`: its one line (the thing and the
  reason), marked ⚠, for 10 seconds; the project is as it was. It is shown in a message box as
  well when the user cannot be expected to be watching that line: the action was **long** (the user
  waited on a progress display, or turned to other work meanwhile), or it was an action **on a
  file the user chose** (opening or creating a project, saving a chart, exporting a list:
  ``notice=True``), or there is no status line to show it in. A quick action on what is on screen
  never interrupts with a box: nothing changed, and the line below says why.
* Anything else raised (a bug, a full disk) shows a message box with the details, whatever the
  action, and goes to the log; the action is not applied (its transaction was rolled back).
* A note next to a field that says why a button is disabled (a metadata sheet that cannot be read,
  a cell that cannot be judged) is state, not a message: it stays by its field.

The initiator
-------------
An action may name its initiator (the widget or model that acted). The changes it announces carry
it (:func:`stamped`, ``Change.initiator``; :func:`current_initiator` also tells a listener during
the announcement), so a view can tell its own changes from those made elsewhere (Anki's ``handler``).
"""

from __future__ import annotations

import dataclasses
import inspect
import logging
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import Any, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QStatusBar,
    QToolButton,
    QWidget,
)

from coding import Change, CodewerkError

log = logging.getLogger(__name__)

T = TypeVar("T")

TOLD_MS = 6000
REFUSED_MS = 10000
#: The property of a window that holds the last refusal shown there (the smoke run, tests).
PROBLEM = "lastProblem"
#: How progress shows: a progress dialog over the window, a bar in the status line, or (``none``)
#: only through :attr:`LongOperation.progressed`, for a caller that shows it itself.
ProgressDisplay = Literal["dialog", "status", "none"]


# -- where messages show ----------------------------------------------------------------------
def status_line(widget: QWidget | None) -> QStatusBar | None:
    """The status line nearest to ``widget``: its own or an ancestor's (a direct child status bar),
    or the status bar of the main window it sits in. ``None`` when there is none."""
    while widget is not None and shiboken6.isValid(widget):
        if isinstance(widget, QMainWindow):
            return widget.statusBar()
        own = widget.findChildren(QStatusBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if own:
            return own[0]
        widget = widget.parentWidget()
    return None


def add_status_line(widget: QWidget) -> QStatusBar:
    """A status line for a panel or dialog (put it at the bottom of its layout)."""
    bar = QStatusBar(widget)
    bar.setObjectName("statusLine")
    bar.setSizeGripEnabled(False)
    return bar


def tell(widget: QWidget | None, text: str) -> None:
    """What an action did, in the nearest status line."""
    bar = status_line(widget)
    if bar is not None:
        bar.showMessage(text, TOLD_MS)


def refuse(widget: QWidget | None, text: str, *, notice: bool = False, title: str = "") -> None:
    """A refusal (nothing was changed): ⚠ and the line in the nearest status line; in a message box
    as well with ``notice`` (see the rule above) or when there is no status line. ``title`` names the
    action in the box's title ("Import refused")."""
    bar = status_line(widget)
    if bar is not None:
        bar.showMessage(f"⚠ {text}", REFUSED_MS)
    _remember(widget, bar, text)
    if notice or bar is None:
        heading = (
            QCoreApplication.translate("Operations", "{title} refused").format(title=title)
            if title
            else "Codewerk"
        )
        _box(widget, QMessageBox.Icon.Warning, text, heading)


def fail(widget: QWidget | None, error: BaseException, title: str = "") -> None:
    """Something unforeseen went wrong: a message box with the details, and the log.

    The error also goes to ``sys.excepthook`` (it prints it; under pytest-qt it fails the test),
    so a bug is never hidden behind a dialog."""
    what = title or QCoreApplication.translate("Operations", "The action")
    text = QCoreApplication.translate("Operations", "{what} failed: {error}").format(what=what, error=error)
    log.error("%s failed", what, exc_info=error)
    bar = status_line(widget)
    if bar is not None:
        bar.showMessage(f"⚠ {text}", REFUSED_MS)
    _remember(widget, bar, text)
    heading = (
        QCoreApplication.translate("Operations", "{title} failed").format(title=title)
        if title
        else "Codewerk"
    )
    box = _box(widget, QMessageBox.Icon.Critical, text, heading)
    box.setInformativeText(
        QCoreApplication.translate(
            "Operations", "It was not carried out. The details below help to report the problem."
        )
    )
    box.setDetailedText("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    sys.excepthook(type(error), error, error.__traceback__)


def report(widget: QWidget | None, error: BaseException, *, notice: bool = False, title: str = "") -> None:
    """The one way an error of an action is shown: a refusal by its line, anything else in full."""
    if isinstance(error, CodewerkError):
        refuse(widget, str(error), notice=notice, title=title)
    else:
        fail(widget, error, title)


def last_problem(window: QWidget) -> str:
    """The last refusal or failure shown in ``window``'s status line (or over it)."""
    return str(window.property(PROBLEM) or "")


def _remember(widget: QWidget | None, bar: QStatusBar | None, text: str) -> None:
    holder = bar.window() if bar is not None else widget.window() if widget is not None else None
    if holder is not None and shiboken6.isValid(holder):
        holder.setProperty(PROBLEM, text)


def _box(widget: QWidget | None, icon: QMessageBox.Icon, text: str, title: str) -> QMessageBox:
    parent = widget.window() if widget is not None and shiboken6.isValid(widget) else None
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("problemBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# -- who acted --------------------------------------------------------------------------------
_initiators: list[object] = []


@contextmanager
def acting(initiator: object | None) -> Iterator[None]:
    """Changes announced inside the block were initiated by ``initiator`` (GUI thread only)."""
    if initiator is None:
        yield
        return
    _initiators.append(initiator)
    try:
        yield
    finally:
        _initiators.pop()


def current_initiator() -> object | None:
    """The initiator of the action running now on the GUI thread, if it named one."""
    return _initiators[-1] if _initiators else None


def stamped(change: Change) -> Change:
    """``change`` with the initiator of the action running now (the window's project bridge calls this
    for every change it hands on).

    The one place where an operation's initiator meets the domain's change (``Change.initiator``);
    a change that names its initiator already keeps it.
    """
    initiator = current_initiator()
    if initiator is None or change.initiator is not None:
        return change
    return dataclasses.replace(change, initiator=initiator)


# -- quick actions ----------------------------------------------------------------------------
def attempt(
    parent: QWidget | None,
    action: Callable[[], T],
    *,
    initiator: object | None = None,
    notice: bool = False,
    title: str = "",
    success: Callable[[T], object] | None = None,
    failure: Callable[[BaseException], object] | None = None,
) -> T | None:
    """Run a quick action on the GUI thread: its result, or ``None`` when it failed (reported)."""
    done, result = _run(parent, action, initiator, notice, title, failure)
    if done and success is not None:
        success(result)  # type: ignore[arg-type]
    return result


def perform(
    parent: QWidget | None,
    action: Callable[[], object],
    *,
    initiator: object | None = None,
    notice: bool = False,
    title: str = "",
) -> bool:
    """Run a quick action on the GUI thread; ``False`` when it failed (reported)."""
    return _run(parent, action, initiator, notice, title, None)[0]


def _run(
    parent: QWidget | None,
    action: Callable[[], T],
    initiator: object | None,
    notice: bool,
    title: str,
    failure: Callable[[BaseException], object] | None,
) -> tuple[bool, T | None]:
    with acting(initiator):
        try:
            return True, action()
        except Exception as error:
            report(parent, error, notice=notice, title=title)
            if failure is not None:
                failure(error)
            return False, None


# -- long actions -----------------------------------------------------------------------------
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
