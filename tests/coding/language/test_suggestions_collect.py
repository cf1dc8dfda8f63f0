"""A find in a worker thread (the window's Find) leaves the cyclic collection to the main thread: a collection
there frees the window's Qt objects that are garbage in cycles from the wrong thread, which crashes Qt (a
QObject with a running timer, collected by ``gc.collect()`` in a thread: segmentation fault)."""

from __future__ import annotations

import gc
import threading
from typing import Any

import pytest

from coding import Project


def test_a_find_in_a_worker_thread_does_not_collect_and_finds_the_same(
    indexed: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggestions = indexed.assist.suggestions
    collected_on: list[threading.Thread] = []
    collect = gc.collect

    def collecting(*args: Any) -> int:
        collected_on.append(threading.current_thread())
        return collect(*args)

    monkeypatch.setattr(gc, "collect", collecting)
    found: list[Any] = []
    worker = threading.Thread(target=lambda: found.append(suggestions.candidates("4a")))
    worker.start()
    worker.join()
    assert worker not in collected_on
    assert found and found[0] == suggestions.candidates("4a")  # on the main thread, which collects first
    assert threading.main_thread() in collected_on
