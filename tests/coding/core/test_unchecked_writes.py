"""Writes without foreign-key checks (the word index's bulk rows, issue 19): off for this thread's
writes inside the block only, on again after it however it ends, and on in a transaction held open."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coding import Project

_ORPHAN = 'INSERT INTO sentence (document_id, number, start, "end") VALUES (:document, 0, 0, 1)'


def _orphan(project: Project, document: int) -> None:
    with project.store.write() as session:
        session.execute(text(_ORPHAN), {"document": document})


def _orphans(project: Project) -> list[int]:
    with project.store.read() as session:
        return list(session.execute(text("SELECT document_id FROM sentence ORDER BY 1")).scalars())


def test_writes_in_the_block_skip_the_checks_and_others_do_not(project: Project) -> None:
    refused: list[BaseException] = []

    def elsewhere() -> None:  # another thread meanwhile: checked
        try:
            _orphan(project, 999_990)
        except IntegrityError as exc:
            refused.append(exc)

    with project.store.unchecked():
        _orphan(project, 999_999)
        _orphan(project, 999_998)  # one transaction after another on the same connection
        other = threading.Thread(target=elsewhere)
        other.start()
        other.join()
    assert len(refused) == 1
    with pytest.raises(IntegrityError):
        _orphan(project, 999_997)  # after the block: checked, whichever connection the pool gives
    with project.store.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    assert _orphans(project) == [999_998, 999_999]


def _fails_in_the_block(project: Project) -> None:
    with project.store.unchecked():
        _orphan(project, 999_999)
        raise RuntimeError("stop")


def test_the_checks_are_back_after_a_block_that_failed(project: Project) -> None:
    with pytest.raises(RuntimeError, match="stop"):
        _fails_in_the_block(project)
    with pytest.raises(IntegrityError):
        _orphan(project, 999_997)
    assert _orphans(project) == [999_999]


def test_a_held_transaction_keeps_its_checks(project: Project) -> None:
    with pytest.raises(IntegrityError), project.store.hold(), project.store.unchecked():
        _orphan(project, 999_999)
