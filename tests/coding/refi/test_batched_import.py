"""Issue 19: the merge inserts turns, passages and codings a batch at a time; what it writes (rows,
ids, report) is what one insert of all gives, and undo and redo of the import stay exact."""

from __future__ import annotations

import gc
import json
import sqlite3
import weakref
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coding import Project
from coding.refi import import_sources, import_state
from coding.refi.exchange import import_exchange, read_exchange_file
from coding.refi.extension import FORMAT, TurnColumns, parse_extension
from coding.refi.import_command import ImportExchange
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


def test_importing_again_in_batches_finds_what_importing_again_whole_finds(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    reports = []
    for batch in (import_state.BATCH, 1):  # all at once, then a batch per document
        monkeypatch.setattr(import_sources, "BATCH", batch)
        project, _added = _import(tmp_path, archive, f"again{batch}")
        try:
            report = import_exchange(project, archive)
            reports.append((dict(report.added), dict(report.existing), report.skipped))
        finally:
            project.close()
    assert reports[0] == reports[1]
    added, existing, _skipped = reports[1]
    assert sum(added.values()) == 0 and existing["passages"] >= 5 and existing["codings"] >= 6


def test_a_merge_lets_go_of_the_selections_it_merged_and_is_not_planned_again(
    rich_project: Project, tmp_path: Path
) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    data = read_exchange_file(archive)
    assert any(source.selections for source in data.sources)
    with Project.create(tmp_path / "once.codewerk", codebook=None, coder="student") as project:
        project.execute(ImportExchange(data, archive.name))
        assert data.used and not any(s.selections or s.whole_codings for s in data.sources)
        before = dump(project.path)
        with pytest.raises(RuntimeError, match="planned once"):
            project.execute(ImportExchange(data, archive.name))
        assert dump(project.path) == before


GUID = "0b7c2c4e-5a8e-4c59-9d2e-3f6c1f2a9b10"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["I", "R5", "Interviewer"]),
            st.integers(-(2**70), 2**70),
            st.integers(0, 10**6),
            st.integers(0, 10**6),
            st.none() | st.floats(allow_nan=False) | st.integers(0, 10**6) | st.booleans(),
        ),
        max_size=20,
    )
)
def test_turns_read_in_columns_are_the_turns_as_written(turns: list[tuple[object, ...]]) -> None:
    """The extension's turns kept column by column give back each turn as it was read (the stamp
    as a float), and what is not a turn is refused as before."""
    text = json.dumps({"format": FORMAT, "documents": {GUID: {"turns": [list(t) for t in turns]}}})
    read = parse_extension(text, "x").documents[GUID].turns
    valid = all(not isinstance(t[4], bool) for t in turns)
    if not valid:
        assert read is None
        return
    expected = [(s, a, b, c, None if t is None else float(t)) for s, a, b, c, t in turns]  # type: ignore[arg-type]
    assert read is not None and list(read) == expected and len(read) == len(expected)
    assert [read[i] for i in range(len(read))] == expected
    if isinstance(read, TurnColumns):  # not beyond 64 bits: in columns
        assert read == expected and read == tuple(expected)


def test_what_was_read_is_let_go_once_the_import_commits_though_the_caller_holds_it(
    rich_project: Project, tmp_path: Path
) -> None:
    """The window's worker holds what it read until it returns: the sources (their texts ≈ 100 MB at ten
    times the large corpus) go when the import commits, before the memory is handed back; undo and redo
    need none of it."""
    archive = rich_project.export(tmp_path / "out.qdpx")
    data = read_exchange_file(archive)
    sources = [weakref.ref(source) for source in data.sources]
    assert sources and data.extension.documents
    with Project.create(tmp_path / "let_go.codewerk", codebook=None, coder="student") as project:
        report = project.execute(ImportExchange(data, archive.name))
        gc.collect()
        assert not [ref for ref in sources if ref() is not None]
        assert data.used and not data.sources and not data.extension.documents
        assert report.added["documents"] == len(sources)
        after = dump(project.path)
        project.undo()
        project.redo()
        assert dump(project.path) == after
