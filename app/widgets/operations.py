"""One way for the window to act: run a user action, report what went wrong one way, say who acted.

The idea is Anki's ``CollectionOp``/``QueryOp``; this is smaller and keeps Codewerk's rule that the
undo stack and the views hear of every change on the GUI thread.

A quick action (code a passage, rename a speaker, save a judgement) runs at once on the GUI thread::

    code = attempt(self, lambda: project.codes.create(name), initiator=self)

A long action (importing, indexing, exporting, REFI-QDA exchange, finding suggestions) runs its
``work`` in a worker thread, with progress and, where the domain can stop, a Cancel button
(:mod:`app.widgets.long_operation`)::

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
import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStatusBar, QWidget

from coding import Change, CodewerkError

log = logging.getLogger(__name__)

T = TypeVar("T")

TOLD_MS = 6000
REFUSED_MS = 10000
#: The property of a window that holds the last refusal shown there (the smoke run, tests).
PROBLEM = "lastProblem"


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
