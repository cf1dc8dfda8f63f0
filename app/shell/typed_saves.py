"""What the user typed is never lost: saves of typed text kept while an action writes in a worker.

Typed text is saved implicitly: a memo when its editor loses focus or the details show something
else, a judgement's justification when the grid moves to another cell, a quote's review comment
when the user leaves the field, a memo in the memo list. While a long action is written in a worker
thread (``Project.write_in_worker``: an import, a merge, stored suggestions, their undo) every other
write of the window is refused at once; a save of typed text refused then would throw away what
the user typed the moment the editor shows something else. :meth:`TypedSaves.save` runs it at once
when nothing is being written; else it keeps it (the status line says so, naming the action) and
saves it as soon as that action is over (committed, failed or cancelled), or when the project closes.
Each kept save is named by a key (the memo, the cell): typing again in the same place before then
replaces what was kept, and :meth:`TypedSaves.kept` lets an editor show the kept text when the user
comes back to it meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.widgets import operations
from coding import Project

#: How often a kept save looks whether the action in the worker is over (ms).
LOOK_MS = 100


@dataclass(frozen=True)
class _Kept:
    text: str
    save: Callable[[], object]
    where: QWidget | None
    initiator: object | None


class TypedSaves(QObject):
    """Saves of typed text for one project: now, or kept until its write in a worker is over."""

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._kept: dict[Hashable, _Kept] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_MS)
        self._timer.timeout.connect(self.flush)

    def save(
        self,
        key: Hashable,
        text: str,
        save: Callable[[], object],
        *,
        where: QWidget | None,
        initiator: object | None = None,
        saved: str = "",
    ) -> bool:
        """Save ``text`` (``save()`` writes it) now, telling ``saved``; while an action is written in
        a worker, keep it until that is over. ``where``: the widget the user typed in (messages show
        in its nearest status line). ``False`` only when the save failed (reported)."""
        writing = self.project.writing
        if writing is None:
            self.flush()  # what was kept first, in the order it was typed
            done = operations.perform(where, save, initiator=initiator)
            if done and saved:
                operations.tell(where, saved)
            return done
        self._kept.pop(key, None)  # typed again: the newest text goes last
        self._kept[key] = _Kept(text, save, where, initiator)
        self._timer.start()
        operations.tell(
            where,
            QCoreApplication.translate(
                "TypedSaves", "Kept what you typed: saved as soon as “{action}” is written"
            ).format(action=writing),
        )
        return True

    def kept(self, key: Hashable) -> str | None:
        """The text kept for ``key``, not saved yet (an action is being written), else ``None``."""
        found = self._kept.get(key)
        return None if found is None else found.text

    def flush(self) -> None:
        """Save what was kept, once nothing is written in a worker any more."""
        if not self._kept or self.project.writing is not None:
            return
        self._timer.stop()
        kept, self._kept = self._kept, {}
        for item in kept.values():
            where = item.where if item.where is not None and shiboken6.isValid(item.where) else None
            operations.perform(where, item.save, initiator=item.initiator)
