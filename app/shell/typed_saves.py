"""What the user typed is never lost: saves of typed text kept while an action writes in a worker.

Typed text is saved implicitly: a memo when its editor loses focus or the details show something
else, a judgement's justification when the grid moves to another cell, a quote's review comment
when the user leaves the field, a memo in the memo list. While a long action is written in a worker
thread (``Project.write_in_worker``: an import, a merge, stored suggestions, their undo) every other
write of the window is refused at once; a save of typed text refused then would throw away what
the user typed the moment the editor shows something else. :meth:`TypedSaves.save` runs it at once
when nothing is being written; else it keeps it (the status line says so, naming the action) and
saves it as soon as that action is over (committed, failed or cancelled: ``Project.when_written``),
or when the project closes, also when the view it was typed in (and its bridge) went first. Each kept
save is named by a key (the memo, the cell): typing again in the same place before then replaces what
was kept, and :meth:`TypedSaves.kept` lets an editor show the kept text (:meth:`TypedSaves.kept_value`:
all it keeps, a judgement's score and evidence too) when the user comes back to it meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app.widgets import operations
from coding import Project


@dataclass(frozen=True)
class _Kept:
    text: str
    save: Callable[[], object]
    where: QWidget | None
    initiator: object | None
    value: object


class _Pending:
    """The kept saves, a plain object the project calls back when its write is over: it outlives the
    :class:`TypedSaves` (and the dialog) it was kept by until what it holds is saved."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.kept: dict[Hashable, _Kept] = {}
        self.owned = True
        self._unsubscribe = project.when_written(self.flush)

    def flush(self) -> None:
        if self.kept and self.project.writing is None:
            kept, self.kept = self.kept, {}
            for item in kept.values():
                where = item.where if item.where is not None and shiboken6.isValid(item.where) else None
                operations.perform(where, item.save, initiator=item.initiator)
        if not self.owned and not self.kept:
            self._unsubscribe()

    def owner_gone(self) -> None:
        """Its :class:`TypedSaves` is destroyed: stay only until what is kept is saved."""
        self.owned = False
        self.flush()


class TypedSaves(QObject):
    """Saves of typed text for one project: now, or kept until its write in a worker is over."""

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        # Saved when the write is over (the project calls back on this, its beginning, thread), even
        # when this object went first: a dialog closed meanwhile took its bridge with it.
        self._pending = _Pending(project)
        self.destroyed.connect(self._pending.owner_gone)

    def save(
        self,
        key: Hashable,
        text: str,
        save: Callable[[], object],
        *,
        where: QWidget | None,
        initiator: object | None = None,
        saved: str = "",
        value: object = None,
    ) -> bool:
        """Save ``text`` (``save()`` writes it) now, telling ``saved``; while an action is written in
        a worker, keep it until that is over. ``where``: the widget the user typed in (messages show
        in its nearest status line). ``value``: what :meth:`kept_value` gives back meanwhile (default:
        ``text``). ``False`` only when the save failed (reported)."""
        writing = self.project.writing
        if writing is None:
            self.flush()  # what was kept first, in the order it was typed
            done = operations.perform(where, save, initiator=initiator)
            if done and saved:
                operations.tell(where, saved)
            return done
        kept = self._pending.kept
        kept.pop(key, None)  # typed again: the newest text goes last
        kept[key] = _Kept(text, save, where, initiator, text if value is None else value)
        operations.tell(
            where,
            QCoreApplication.translate(
                "TypedSaves", "Kept what you typed: saved as soon as “{action}” is written"
            ).format(action=writing),
        )
        return True

    def kept(self, key: Hashable) -> str | None:
        """The text kept for ``key``, not saved yet (an action is being written), else ``None``."""
        found = self._pending.kept.get(key)
        return None if found is None else found.text

    def kept_value(self, key: Hashable) -> object | None:
        """What is kept for ``key`` (the ``value`` given to :meth:`save`), not saved yet, else ``None``."""
        found = self._pending.kept.get(key)
        return None if found is None else found.value

    def flush(self) -> None:
        """Save what was kept, once nothing is written in a worker any more."""
        self._pending.flush()
