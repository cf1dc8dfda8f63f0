"""A value a service keeps (a cache) per thread, dropped for every thread at once.

A write in a worker thread (``Project.write_in_worker``) reads what it wrote so far on its own connection
while the thread that began it reads what is committed: a cache shared by both handed one thread what the
other had read (the worker looked up the code it had just created in the committed tree: "code N does not
exist"; the window's thread saw a code the worker had not committed yet). Each thread keeps its own;
:meth:`PerThread.forget` (a change of what it holds) makes every thread read afresh::

    self._tree: PerThread[CodeTree] = PerThread()
    ...
    return self._tree.get_or(self._read_tree)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerThread(Generic[T]):
    """One kept value per thread; :meth:`forget` drops every thread's."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._generation = 0

    def forget(self) -> None:
        """Every thread reads afresh (the next :meth:`get_or` there builds its value again)."""
        self._generation += 1

    def forget_here(self) -> None:
        """This thread reads afresh (the others keep theirs): a snapshot begun here
        (:meth:`~coding.core.store.Store.on_snapshot`) reads its own state."""
        self._local.value = None

    def kept(self) -> T | None:
        """This thread's value, unless forgotten since it was kept."""
        found: tuple[int, T] | None = getattr(self._local, "value", None)
        return found[1] if found is not None and found[0] == self._generation else None

    def keep(self, value: T, generation: int) -> None:
        """Keep ``value`` for this thread, as read at ``generation`` (:attr:`generation` before reading):
        a value read while it was forgotten is not taken for a fresh one."""
        self._local.value = (generation, value)

    @property
    def generation(self) -> int:
        return self._generation

    def get_or(self, build: Callable[[], T]) -> T:
        """This thread's value, or ``build()``'s (kept for this thread)."""
        found = self.kept()
        if found is not None:
            return found
        generation = self._generation
        value = build()
        self.keep(value, generation)
        return value
