"""Issue 19: on a project file in WAL mode an import's large inserts (turns, passages, codings) keep
only their rows' ids as soon as they are inserted, not until commit; what the import writes, and undo
and redo of it, are the same as when the rows are kept until commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from coding import Project
from coding.refi.exchange import import_exchange
from coding.undo import steps
from coding.undo.command import Writer
from coding.undo.steps import InsertRows
from models import Passage
from tests.coding.dump import dump
from tests.coding.refi.helpers import canonical
from tests.coding.refi.test_batched_import import _ids

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
    step._insert = lambda _session, rows: applied.append(rows)  # type: ignore[method-assign]
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
