"""Issue 19: the merge inserts turns, passages and codings a batch at a time; what it writes (rows,
ids, report) is what one insert of all gives, and undo and redo of the import stay exact."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from coding.refi import import_sources
from coding.refi.exchange import import_exchange
from coding.undo.steps import InsertRows
from tests.coding.dump import dump
from tests.coding.refi.helpers import canonical


def _ids(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            table: conn.execute(f"SELECT id, {key} FROM {table} ORDER BY id").fetchall()
            for table, key in (
                ("passage", "guid"),
                ("coding", "guid"),
                ("turn", "start"),
                ("document", "guid"),
            )
        }


def _import(tmp_path: Path, archive: Path, name: str) -> tuple[Project, dict[str, int]]:
    project = Project.create(tmp_path / f"{name}.codewerk", codebook=None, coder="student")
    report = import_exchange(project, archive)
    return project, dict(report.added)


def test_a_batched_merge_writes_what_one_insert_of_all_writes_and_undoes_exactly(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    whole, whole_added = _import(tmp_path, archive, "whole")
    monkeypatch.setattr(import_sources, "BATCH", 1)  # a batch per document
    batched, batched_added = _import(tmp_path, archive, "batched")
    try:
        assert batched_added == whole_added and whole_added["codings"] >= 6
        assert canonical(batched) == canonical(whole)
        assert _ids(batched.path) == _ids(whole.path)
        command = batched.history._commands[-1]
        steps = [s for s in command._steps or [] if isinstance(s, InsertRows)]
        assert sum(s.table.name == "coding" for s in steps) >= 3  # batched: one insert per document
        after = dump(batched.path)
        for _round in range(2):
            batched.undo()
            assert not any(dump(batched.path)[t] for t in ("document", "passage", "coding", "turn"))
            batched.redo()
            assert dump(batched.path) == after
    finally:
        whole.close()
        batched.close()
