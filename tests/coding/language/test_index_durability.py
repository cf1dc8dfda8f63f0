"""Indexing commits its batches without waiting for the write-ahead log to be synced (issue 19: ≈ 2,000
syncs at ten times the corpus): its transactions write the word index and nothing else, derived data that a
power loss can only leave stale (indexed again), and every other commit, before, during or after a run, still
syncs the log (``PRAGMA synchronous=FULL``, tests/coding/refi/test_durable_commits.py)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.language import token_indexes
from tests.coding.sync_probes import synchronous_at_each_commit, synchronous_of_pooled

FULL, NORMAL = 2, 1  # PRAGMA synchronous
#: What indexing may write without a synced commit: the index and what is derived with it.
DERIVED = {"token", "sentence", "term", "text_index", "content_words", "word_bags", "guide_turn_matches"}
_WRITE = re.compile(
    r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)', re.I
)
_SYNCHRONOUS = re.compile(r"^\s*PRAGMA\s+synchronous\s*=\s*(\w+)", re.I)


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = CorpusSpec("guide7", documents=4, characters=6_000, codings=20, seed=7)  # with an interview guide
    return ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False).project


@pytest.fixture
def project(corpus_project: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "durable.codewerk"
    path.write_bytes(corpus_project.read_bytes())
    with Project.open(path) as opened:
        yield opened


def _writes_by_setting(project: Project) -> list[tuple[str, str]]:
    """``(synchronous, table)`` of every write statement from now on, on every connection: each connection's
    setting followed through the pragmas it runs (they start at FULL, ``models.database``)."""
    seen: list[tuple[str, str]] = []

    def watch(dbapi_connection: sqlite3.Connection, _record: Any, _proxy: Any) -> None:
        state = {"synchronous": "FULL"}

        def trace(statement: str) -> None:
            pragma = _SYNCHRONOUS.match(statement)
            if pragma is not None:
                value = pragma.group(1).upper()
                state["synchronous"] = {"1": "NORMAL", "2": "FULL"}.get(value, value)
            elif (write := _WRITE.match(statement)) is not None:
                seen.append((state["synchronous"], write.group(1).lower()))

        dbapi_connection.set_trace_callback(trace)

    event.listen(project.store.engine.pool, "checkout", watch)
    return seen


@pytest.mark.parametrize("deferred", [True, False], ids=["first index", "indexes kept"])
def test_indexing_writes_only_the_index_unsynced_and_the_next_action_syncs(
    project: Project, deferred: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(token_indexes, "DEFERRED_FROM_CHARACTERS", 0 if deferred else 10**12)
    writes = _writes_by_setting(project)
    report = project.assist.index()
    assert report.documents == 4 and report.tokens > 0
    unsynced = {table for setting, table in writes if setting == "NORMAL"}
    assert {"token", "sentence", "text_index", "guide_turn_matches"} <= unsynced  # the batches: not synced
    assert unsynced <= DERIVED  # and nothing else (not the guide's confirmed matches, `guide_match`)
    # the connection the batches were written on is back at FULL in the pool, so the next action syncs
    assert synchronous_of_pooled(project) == {FULL}
    commits = synchronous_at_each_commit(project)
    document = project.documents.list()[0]
    code = project.codes.create("Durable after indexing", inductive=True)
    project.codings.code(document.id, code.id, 0, 10)
    assert commits and set(commits) == {FULL}


def test_a_failed_run_leaves_every_connection_syncing(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coding.language.indexer import Indexer

    def failing(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("stop")

    monkeypatch.setattr(Indexer, "_store_words", failing)
    with pytest.raises(RuntimeError, match="stop"):
        project.assist.index()
    assert synchronous_of_pooled(project) == {FULL}
