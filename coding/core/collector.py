"""Pausing the cyclic garbage collector while a bulk operation builds many long-lived objects.

Reading and merging a research group's ``.qdpx`` (200,000 selections with their codings, 400,000
turns) builds millions of objects that live until the import is done and hold no cycles; every
automatic collection meanwhile walks all of them again (≈ 15 % of the read). Reference counting
still frees everything as before; only the cyclic collector waits until the outermost pause ends.
Pauses nest and may overlap across threads (a worker's read beside the window's own loading).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
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
