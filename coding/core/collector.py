"""Pausing the cyclic garbage collector while a bulk operation builds many long-lived objects, and
handing the memory a bulk operation let go back to the system.

Reading and merging a research group's ``.qdpx`` (200,000 selections with their codings, 400,000
turns) builds millions of objects that live until the import is done and hold no cycles; every
automatic collection meanwhile walks all of them again (≈ 15 % of the read). Reference counting
still frees everything as before; only the cyclic collector waits until the outermost pause ends.
Pauses nest and may overlap across threads (a worker's read beside the window's own loading).
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


_PAUSES = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block (nor in other threads meanwhile)."""
    with _PAUSES.lock:
        if _PAUSES.open == 0:
            _PAUSES.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSES.open += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.open -= 1
            if _PAUSES.open == 0 and _PAUSES.was_enabled:
                gc.enable()


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
