"""The collector pause of bulk work (coding.core.collector): what a settling pause (finding suggestions)
made is frozen out of later collections when the outermost pause ends; closing a project hands what was
frozen back, so its garbage in cycles is freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from coding import Project
from coding.core.collector import collector_paused


class _Cycle:
    """An object in a reference cycle with itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _tracked(thing: object) -> bool:
    """Whether ``thing`` is in a generation a collection walks (not frozen)."""
    return any(found is thing for found in gc.get_objects())


@pytest.fixture(autouse=True)
def _nothing_frozen() -> Iterator[None]:
    gc.unfreeze()
    assert gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable()


def test_a_settling_pause_freezes_what_it_made_when_the_outermost_ends_and_a_close_frees_its_cycles(
    tmp_path: Path,
) -> None:
    project = Project.create(tmp_path / "p.codewerk", codebook=None)
    kept: list[_Cycle] = []
    with collector_paused():
        with collector_paused(settle=True):
            kept.append(_Cycle())
        assert not gc.isenabled()  # the inner pause's end does not resume collecting
        assert gc.get_freeze_count() == 0
        cycle = _Cycle()
        garbage = weakref.ref(cycle)
        del cycle
        kept.append(_Cycle())
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert not _tracked(kept[0]) and not _tracked(kept[1])  # frozen: later collections do not walk them
    gc.collect()
    assert garbage() is not None  # frozen with the rest: not walked, not freed
    project.close()
    gc.collect()
    assert garbage() is None


def test_a_pause_not_settling_leaves_everything_to_the_collector() -> None:
    with collector_paused():
        cycle = _Cycle()
        garbage = weakref.ref(cycle)
        del cycle
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert garbage() is None


def test_a_collector_the_caller_turned_off_stays_off_and_nothing_is_frozen() -> None:
    gc.disable()
    with collector_paused(settle=True):
        kept = _Cycle()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert _tracked(kept)


def test_closing_a_project_lets_the_collector_free_what_was_frozen_while_it_was_open(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.codewerk", codebook=None)
    cycle = _Cycle()
    garbage = weakref.ref(cycle)
    gc.freeze()  # as a pause's end or the window's settling
    del cycle  # garbage in a cycle after it was frozen
    gc.collect()
    assert garbage() is not None  # frozen: not freed
    project.close()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert garbage() is None
