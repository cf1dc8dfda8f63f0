"""Issue 19: a large insert's undo record. Documents with long texts keep only their ids once
committed; undo keeps what redo needs packed as SQLite stored it, and redo puts back exactly that."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event

from coding import Project
from coding.core.errors import UndoConflictError
from coding.core.ids import DocumentId
from coding.undo import steps
from coding.undo.command import Command, Writer
from coding.undo.packed_rows import PackedRows
from coding.undo.steps import COMPACT_ROWS, InsertRows
from models import Document, Passage
from tests.coding.dump import dump
from tests.coding.undo.turn_commands import AddTurns

COUNT = steps._CHECKED_ROWS + 20  # more than undo compares value by value


def _text(n: int) -> str:
    return f"Interview {n}. " + "Wij vertrouwen de andere partijen volledig. " * 40


class AddDocuments(Command):
    text = "Add documents"

    def plan(self, writer: Writer) -> list[dict[str, Any]]:
        rows = writer.insert_many(
            Document,
            (
                {
                    "name": f"D{n}",
                    "text": _text(n),
                    "length": len(_text(n)),
                    "source_format": "txt",
                    "position": n,
                }
                for n in range(COUNT)
            ),
        )
        writer.touch_all()
        return rows


class AddPassages(Command):
    text = "Add passages"

    def __init__(self, document_id: DocumentId, *, many: bool | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.many = many

    def plan(self, writer: Writer) -> list[int]:
        count = COMPACT_ROWS + 1
        columns: dict[str, list[Any]] = {
            "document_id": [self.document_id] * count,
            "start": list(range(count)),
            "end": list(range(1, count + 1)),
            "text": ["w"] * count,
            "guid": [f"00000000-0000-4000-8000-{n:012d}" for n in range(count)],
            "created_at": [datetime(2026, 12, 7, 2, 0, 0, 123456)] * count,
        }
        ids = list(writer.insert_columns(Passage, columns, many=self.many))
        writer.touch(self.document_id)
        return ids


def _step(command: Command) -> InsertRows:
    found = command._steps or []
    assert len(found) == 1 and isinstance(found[0], InsertRows)
    return found[0]


def _sql(project: Project, statement: str, *values: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(project.path)) as conn, conn:
        return conn.execute(statement, values).fetchall()


def test_documents_with_long_texts_keep_only_their_ids_and_undo_redo_put_back_what_was_stored(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(steps, "COMPACT_TEXT", COUNT * 1000)  # the texts hold ≈ 1,800 characters each
    before = dump(project.path)
    command = AddDocuments()
    project.execute(command)
    step = _step(command)
    assert step.compact and step._columns == {} and step._rows is None  # the texts are not held
    # Another program wrote a time in its own way (SQLAlchemy writes '2026-12-07 02:00:00.000000'):
    _sql(project, "UPDATE document SET imported_at = '2026-12-07T02:00:00' WHERE name = 'D7'")
    after = dump(project.path)
    for _round in range(2):
        project.undo()
        assert dump(project.path) == before
        packed = step._packed
        assert packed is not None and packed.row_count == COUNT
        text = sum(len(_text(n)) for n in range(COUNT))
        assert sum(map(len, packed.blocks)) < text / 10  # compressed, not the rows as objects
        project.redo()
        assert dump(project.path) == after  # the other program's time as it wrote it, too
        assert step._packed is None and step.compact


def test_a_small_insert_of_short_texts_keeps_its_rows(project: Project) -> None:
    command = AddDocuments()  # ≈ 1 MB of text: below COMPACT_TEXT
    project.execute(command)
    step = _step(command)
    assert not step.compact and len(step.rows) == COUNT


def test_redo_leaves_a_shared_passage_kept_by_undo_and_refuses_when_its_span_moved(
    coded_project: Project,
) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    before = dump(project.path)
    command = AddPassages(document)
    ids = project.execute(command)
    after = dump(project.path)
    shared = ids[10]
    code, coder = _sql(project, "SELECT code_id, coder_id FROM coding LIMIT 1")[0]
    # Another coder (another program) codes one of the new passages.
    _sql(
        project,
        "INSERT INTO coding (guid, passage_id, code_id, coder_id, memo, created_at) "
        "VALUES ('11111111-1111-4111-8111-111111111111', ?, ?, ?, '', '2026-12-07 02:00:00.000000')",
        shared,
        code,
        coder,
    )
    project.undo()  # the passage their coding hangs on stays
    assert _sql(project, "SELECT id FROM passage WHERE id BETWEEN ? AND ?", ids[0], ids[-1]) == [(shared,)]
    assert isinstance(_step(command)._packed, PackedRows)
    project.redo()
    theirs = _sql(project, "SELECT * FROM coding WHERE passage_id = ?", shared)
    assert dump(project.path) == {**after, "coding": sorted([*after["coding"], *theirs], key=repr)}
    project.undo()
    _sql(project, 'UPDATE passage SET "end" = "end" + 1 WHERE id = ?', shared)  # moved since
    moved = dump(project.path)
    with pytest.raises(UndoConflictError):
        project.redo()
    assert dump(project.path) == moved  # nothing was changed
    assert before["passage"] != moved["passage"]


def _inserts(project: Project, table: str, run: Callable[[], None]) -> list[int]:
    """How many rows each ``INSERT INTO table`` statement that ``run`` has executed binds."""
    said: list[str] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith(f"INSERT INTO {table} "):
            said.append(statement)

    event.listen(project.store.engine, "before_cursor_execute", heard)
    try:
        run()
    finally:
        event.remove(project.store.engine, "before_cursor_execute", heard)
    return [statement.partition(" VALUES ")[2].count("(") for statement in said]


@pytest.mark.parametrize("many", [None, True])
def test_redo_inserts_many_rows_a_statement_where_the_first_apply_did(
    coded_project: Project, many: bool | None
) -> None:
    """Turns (no unique column but their key) and passages inserted many a statement (``many``: as an
    import does while their GUID index is dropped) go back so on redo: the same rows, twice; a shared
    passage kept by undo still goes a row at a time (the test above)."""
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    before = dump(project.path)
    command: Command = (
        AddTurns(document, COMPACT_ROWS + 1) if many is None else AddPassages(document, many=True)
    )
    project.execute(command)
    after = dump(project.path)
    table = "turn" if many is None else "passage"
    for _round in range(2):
        project.undo()
        assert dump(project.path) == before and isinstance(_step(command)._packed, PackedRows)
        bound = _inserts(project, table, project.redo)
        assert bound and max(bound) > 1 and sum(bound) < COMPACT_ROWS  # statements of many rows
        assert dump(project.path) == after


def test_redo_of_rows_with_unique_columns_inserts_a_row_a_statement(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    command = AddPassages(document)  # their span is unique: told nothing, a row a statement
    project.execute(command)
    after = dump(project.path)
    project.undo()
    assert set(_inserts(project, "passage", project.redo)) == {1}
    assert dump(project.path) == after
