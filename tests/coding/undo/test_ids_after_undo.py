"""Undo is exact in every row, but an id once given out is not given out again: after an undone import the
next document, passage and coding get new ids (SQLite's ``sqlite_sequence`` keeps its counters, as a
PostgreSQL sequence does), so that nothing still holding an undone row's id (a view, another program on the
same file or server) finds a different row under it. Ids never leave the project: an export is the same as
if the undone import had never happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from tests.conftest import TRANSCRIPT


def _code_one(project: Project, source: Path) -> tuple[int, int]:
    project.import_files([source])
    project.code(source.stem, "4a", 127, 166)
    document = next(d for d in project.documents.list() if d.name == source.stem)
    quote = next(q for q in project.quotes() if q.document_id == document.id)
    return document.id, quote.coding_id


@pytest.mark.both_backends
def test_an_undone_import_gives_its_ids_to_no_one_and_leaves_no_trace_in_an_export(
    project: Project, tmp_path: Path
) -> None:
    undone = tmp_path / "X1.txt"
    undone.write_text(TRANSCRIPT * 2, encoding="utf-8")
    kept = tmp_path / "Y2.txt"
    kept.write_text(TRANSCRIPT, encoding="utf-8")
    undone_ids = _code_one(project, undone)
    project.undo()
    project.undo()
    kept_ids = _code_one(project, kept)
    assert kept_ids[0] > undone_ids[0] and kept_ids[1] > undone_ids[1]  # not given out again

    with Project.create(tmp_path / "never.codewerk", codebook="rwb", coder="tester") as never:
        _code_one(never, kept)
        expected = never.export(tmp_path / "never.csv").read_bytes()
    assert project.export(tmp_path / "after-undo.csv").read_bytes() == expected
