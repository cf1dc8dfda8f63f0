"""Issue 19: rows inserted column by column (``Writer.insert_columns``, how an import inserts turns,
passages and codings) are the rows inserted one dict each, on a project file and on a team server
(where the step binds them as dicts and the server gives the ids), and undo and redo put back
exactly what was stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from coding import Project
from coding.undo import steps
from coding.undo.command import Command, Writer
from models import Turn

pytestmark = pytest.mark.both_backends


class _Turns(Command):
    def __init__(self, document: int, count: int, *, by_column: bool) -> None:
        super().__init__()
        self.document, self.count, self.by_column = document, count, by_column

    def plan(self, writer: Writer) -> Any:
        starts = [3 * n for n in range(self.count)]
        columns: dict[str, list[Any]] = {
            "document_id": [self.document] * self.count,
            "speaker": [f"R{n % 2}" for n in range(self.count)],
            "start": starts,
            "end": [s + 2 for s in starts],
            "body_start": [s + 1 for s in starts],
            "timestamp": [None if n % 3 else n / 4 for n in range(self.count)],
        }
        once = writer.commits_once()
        if self.by_column:
            return list(writer.insert_columns(Turn, columns, once=once))
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        return [row["id"] for row in writer.insert_many(Turn, rows, once=once)]


def _turns(project: Project) -> list[tuple[Any, ...]]:
    with project.store.read() as session:
        return [tuple(row) for row in session.execute(select(*Turn.__table__.c).order_by(Turn.id))]


#: 1,234 rows: on a file two statements of 500 rows, the rest a row a statement; undo packs them.
@pytest.mark.parametrize("count", [1, 9, 1234])
def test_turns_inserted_by_column_are_the_turns_inserted_row_by_row(
    coded_project: Project, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    monkeypatch.setattr(steps, "COMPACT_ROWS", 4)  # nine rows count as an import's
    document = coded_project.documents.list(with_counts=False)[0].id
    before = _turns(coded_project)
    results = []
    for by_column in (False, True):
        ids = coded_project.execute(_Turns(document, count, by_column=by_column))
        after = _turns(coded_project)
        assert len(after) == len(before) + count and ids == [row[0] for row in after[-count:]]
        results.append([row[1:] for row in after])
        for _round in range(2):
            coded_project.undo()
            assert _turns(coded_project) == before
            coded_project.redo()
            assert _turns(coded_project) == after
        coded_project.undo()
    assert results[0] == results[1]
