"""The window's loading pause (``Workspace.loading``: a long quote list, a long transcript's turns) and a
worker's collector pause (a Find, an import) overlapping across threads: the collector stays paused until both
ended, and what both made is then frozen once (coding.core.collector). On its own the window's pause turned the
collector back on while the worker's was still open, and the worker's then ended without freezing what it made."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.shell.workspace import Workspace
from coding.core.collector import collector_paused


@pytest.fixture(autouse=True)
def _collecting() -> Iterator[None]:
    gc.unfreeze()
    assert gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable()


def _walked(thing: object) -> bool:
    return any(found is thing for found in gc.get_objects())


def test_the_windows_loading_ending_first_leaves_a_workers_pause_paused() -> None:
    loading = Workspace.loading()
    worker = collector_paused(settle=True)  # a Find's, in its worker thread
    loading.__enter__()
    worker.__enter__()
    try:
        found: list[object] = []
        found.append(found)  # what the find keeps
        loading.__exit__(None, None, None)
        assert not gc.isenabled()  # the find's pause is still open
    finally:
        worker.__exit__(None, None, None)
    assert gc.isenabled()
    assert not _walked(found)  # frozen when the last pause ended


def test_the_windows_loading_inside_a_workers_pause_freezes_when_both_ended() -> None:
    with collector_paused():  # an import's, in its worker thread
        with Workspace.loading():
            turns: list[object] = []
            turns.append(turns)
        assert not gc.isenabled()
    assert gc.isenabled()
    assert not _walked(turns)
