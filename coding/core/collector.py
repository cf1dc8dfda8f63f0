"""Pausing the cyclic garbage collector while a bulk operation builds many long-lived objects, and
handing the memory a bulk operation let go back to the system.

Reading and merging a research group's ``.qdpx`` (200,000 selections with their codings, 400,000
turns) builds millions of objects that live until the import is done and hold no cycles; every
automatic collection meanwhile walks all of them again (≈ 15 % of the read). Reference counting
still frees everything as before; only the cyclic collector waits until the outermost pause ends.
Pauses nest and may overlap across threads (a worker's read beside the window's own loading).

A pause opened with ``settle=True`` (finding suggestions: the corpus's answers and words kept for the next
find, and the candidates) ends by freezing what was made meanwhile (``gc.freeze``, no collection): the
collections that followed it walked its 1.3–2 million survivors again and again (the young collection when
the pause ended, a middle one, then every full one), each holding the GIL for 1.5–2.7 s at ten times the
corpus while the window waited. Frozen objects are still freed by reference counting. What a find makes in
cycles is small (its first time: spaCy's configuration, ≈ 4,200 objects, 0.8 MB; then ≈ 30 objects, 5 kB;
an explicit collection before the find frees what was garbage already); it and what becomes garbage in
cycles after it was frozen wait for :func:`release_frozen` (a project's close). Not for imports: their
sessions' rows become garbage in cycles after the pause (frozen, +100 MB at ten times the corpus).
"""

from __future__ import annotations

import ctypes
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class _Pauses:
    """How many pauses are open, and whether the collector ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.was_enabled = False
        self.settle = False


_PAUSES = _Pauses()


@contextmanager
def collector_paused(*, settle: bool = False) -> Iterator[None]:
    """No automatic cyclic collection inside the block (nor in other threads meanwhile). ``settle``: when
    the outermost pause ends, freeze what was made meanwhile instead of collecting it."""
    with _PAUSES.lock:
        if _PAUSES.open == 0:
            _PAUSES.was_enabled = gc.isenabled()
            _PAUSES.settle = False
            gc.disable()
        _PAUSES.open += 1
        _PAUSES.settle = _PAUSES.settle or settle
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.open -= 1
            ended = _PAUSES.open == 0 and _PAUSES.was_enabled
            settle = ended and _PAUSES.settle
        if settle:
            gc.freeze()  # what the pause made: out of every later collection's way
        if ended:
            gc.enable()


def release_frozen() -> None:
    """Hand what the pauses (and the window's settling) froze back to the cyclic collector: after a
    project is closed its words, vectors and records may be garbage in cycles, which only a
    collection over unfrozen objects frees (the next automatic or explicit one)."""
    if gc.get_freeze_count():
        gc.unfreeze()


class _Trim:
    """The C library's ``malloc_trim``, if it has one (glibc), looked up once."""

    function: Callable[[int], int] | None = None
    looked_up = False


def give_back_memory() -> None:
    """Hand the pages the C library's allocator holds free back to the system (glibc's
    ``malloc_trim``; elsewhere nothing). Reading a large ``.qdpx`` frees each source's parsed
    elements and decoded texts between objects that stay (≈ 110 MB at ten times the large
    corpus); glibc keeps those pages, and the merge's rows did not fill them again, so they
    stood on top of the import's peak. A call takes a few milliseconds."""
    if not _Trim.looked_up:
        _Trim.looked_up = True
        try:
            _Trim.function = ctypes.CDLL(None).malloc_trim
        except (AttributeError, OSError):
            _Trim.function = None
    if _Trim.function is not None:
        _Trim.function(0)
