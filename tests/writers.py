"""Another program writing a project file while a test works on it (issue 14.1)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path


@contextmanager
def other_writer(path: Path, *, hold: float, pause: float = 0.005, once: bool = False) -> Iterator[None]:
    """Another program that keeps committing small writes, holding the write lock ``hold`` s each."""
    stop = threading.Event()
    started = threading.Event()

    def run() -> None:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=30)) as conn:
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE setting SET value = value WHERE key = 'language'")
                started.set()
                stop.wait(hold)
                conn.execute("COMMIT")
                if once:
                    stop.wait()
                stop.wait(pause)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(5)
    try:
        yield
    finally:
        stop.set()
        thread.join(10)
