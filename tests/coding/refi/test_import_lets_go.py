"""Issue 19: on a project file in WAL mode an import's large inserts (turns, passages, codings) keep
only their rows' ids as soon as they are inserted, not until commit; what the import writes, and undo
and redo of it, are the same as when the rows are kept until commit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from coding import Project
from coding.refi.exchange import import_exchange
from coding.refi.extension import FORMAT, parse_extension
from coding.refi.import_sources import stored_turns
from coding.undo import steps
from coding.undo.command import Command, Writer
from coding.undo.steps import InsertRows
from models import Passage, Turn
from tests.coding.dump import dump
from tests.coding.refi.helpers import canonical
from tests.coding.refi.test_batched_import import GUID, _ids

LARGE = ("turn", "passage", "coding")


def test_an_import_lets_go_of_its_rows_as_it_inserts_them_and_writes_the_same(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(steps, "COMPACT_ROWS", 1)  # every insert of several rows counts as large
    archive = rich_project.export(tmp_path / "out.qdpx")
    seen: dict[str, bool] = {}
    apply = InsertRows.apply

    def spy(step: InsertRows, session: Any) -> None:
        apply(step, session)
        if step.table.name in LARGE and step.row_count > 1:
            seen[step.table.name] = step.compact  # right after the insert, long before commit

    monkeypatch.setattr(InsertRows, "apply", spy)
    early = Project.create(tmp_path / "early.codewerk", codebook=None, coder="student")
    early_added = import_exchange(early, archive).added
    assert seen == dict.fromkeys(LARGE, True)
    monkeypatch.setattr(Writer, "commits_once", lambda _self: False)  # kept until commit, as before
    seen.clear()
    kept = Project.create(tmp_path / "kept.codewerk", codebook=None, coder="student")
    kept_added = import_exchange(kept, archive).added
    assert seen == dict.fromkeys(LARGE, False)
    try:
        assert early_added == kept_added and early_added["codings"] >= 6
        assert canonical(early) == canonical(kept)
        assert _ids(early.path) == _ids(kept.path)
        after = dump(early.path)
        for _round in range(2):
            early.undo()
            assert not any(dump(early.path)[t] for t in ("document", *LARGE))
            early.redo()
            assert dump(early.path) == after
    finally:
        early.close()
        kept.close()


def test_only_a_file_in_wal_mode_commits_a_plan_once(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.codewerk", codebook=None) as project, project.store.write() as session:
        assert Writer(session).commits_once()
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")  # journal_mode=delete
    try:
        with Session(engine) as session:
            assert not Writer(session).commits_once()
    finally:
        engine.dispose()


def _rows(count: int) -> list[dict[str, Any]]:
    return [{"id": 10 + n, "guid": f"g{n}", "document_id": 1, "start": n, "end": n + 1} for n in range(count)]


def test_a_step_let_go_at_once_is_not_applied_again_before_commit_and_redo_keeps_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(steps, "COMPACT_ROWS", 1)
    applied: list[list[dict[str, Any]]] = []
    session: Any = None  # the inserts are recorded, not run
    step = InsertRows(Passage.__table__, _rows(3), once=True)  # type: ignore[arg-type]
    step._insert = lambda _session, rows: applied.append(rows)  # type: ignore[method-assign, assignment]
    step.apply(session)
    assert step.compact and step._runs == [(10, 12)]
    with pytest.raises(RuntimeError, match="let go"):
        step.apply(session)
    assert len(applied) == 1
    step.settle()
    step._runs = None  # as before_revert leaves it: the rows read back, column by column
    step._columns = {name: [row[name] for row in _rows(3)] for name in _rows(1)[0]}
    step.apply(session)  # redo
    assert not step.compact and applied[-1] == _rows(3)
    step.settle()
    assert step.compact


class _Turns(Command):
    """Insert turns of a document by column or row by row (the same rows)."""

    def __init__(self, document: int, count: int, *, by_column: bool, once: bool) -> None:
        super().__init__()
        self.document, self.count, self.by_column, self.once = document, count, by_column, once

    def plan(self, writer: Writer) -> Any:
        speakers = [f"R{n % 3}" for n in range(self.count)]
        starts = [2 * n for n in range(self.count)]
        stamps = [None if n % 2 else n * 1.5 for n in range(self.count)]
        columns: dict[str, list[Any]] = {
            "document_id": [self.document] * self.count,
            "speaker": speakers,
            "start": starts,
            "end": [s + 2 for s in starts],
            "body_start": [s + 1 for s in starts],
            "timestamp": stamps,
        }
        if self.by_column:
            return list(writer.insert_columns(Turn, columns, once=self.once))
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        return [row["id"] for row in writer.insert_many(Turn, rows, once=self.once)]


@pytest.mark.parametrize(("count", "once"), [(1, False), (7, False), (7, True)])
def test_rows_inserted_by_column_are_the_rows_inserted_row_by_row_and_undo_exactly(
    rich_project: Project, monkeypatch: pytest.MonkeyPatch, count: int, once: bool
) -> None:
    monkeypatch.setattr(steps, "COMPACT_ROWS", 3)
    document = rich_project.documents.list(with_counts=False)[0].id
    before = dump(rich_project.path)
    results = []
    for by_column in (False, True):
        ids = rich_project.execute(_Turns(document, count, by_column=by_column, once=once))
        results.append((ids, dump(rich_project.path)))
        for _round in range(2):
            rich_project.undo()
            assert dump(rich_project.path) == before
            rich_project.redo()
            assert dump(rich_project.path) == results[-1][1]
        rich_project.undo()
    assert results[0] == results[1] and len(results[0][0]) == count


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["I", "R5", " ", "", "x" * 250, "y" * 199]),
            st.integers(-3, 40),
            st.integers(-3, 40),
            st.integers(-3, 40),
            st.none() | st.floats(0, 1e6),
        ),
        max_size=12,
    ),
    st.integers(0, 40),
    st.booleans(),
)
@example([("R5", 0, 1, 2, None)], 5, True)  # body start after the end
@example([("R5", 2, 4, 1, None)], 5, False)  # body start before the start
@example([("R5", -1, 2, 0, None)], 5, True)  # before the text
@example([("R5", 0, 6, 1, 2.5)], 5, False)  # beyond it
@example([(" ", 0, 2, 1, None)], 5, True)  # no speaker
@example([("x" * 250, 0, 2, 1, None), ("I", 2, 4, 3, 1.0)], 5, True)  # a speaker cut
@example([], 0, True)
def test_stored_turns_by_column_are_the_turns_row_by_row(
    turns: list[tuple[str, int, int, int, float | None]], length: int, in_columns: bool
) -> None:
    """The columns the import inserts are the turns it inserted row by row: taken when every turn
    has a speaker and ``0 <= start <= body start <= end <= length`` (speakers cut to 200
    characters), else ``None`` (detected again)."""
    given_turns: Sequence[tuple[str, int, int, int, float | None]] = turns
    if in_columns:
        read = (
            parse_extension(
                json.dumps({"format": FORMAT, "documents": {GUID: {"turns": [list(t) for t in turns]}}}), "x"
            )
            .documents[GUID]
            .turns
        )
        assert read is not None
        given_turns = read
    fits = all(t[0].strip() and 0 <= t[1] <= t[3] <= t[2] <= length for t in turns)
    stored = stored_turns(given_turns, length)
    if not fits:
        assert stored is None
        return
    assert stored is not None
    rows = [(t[0][:200], *t[1:]) for t in turns]
    assert [tuple(row) for row in zip(*stored, strict=True)] == rows
