"""The Writer's bulk insert: every row gets its own new id (one executemany), undo and redo keep them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event

from coding import Project
from coding.core.errors import UndoConflictError
from coding.core.ids import DocumentId
from coding.undo import steps as steps_module
from coding.undo.command import Command, Writer
from coding.undo.id_runs import id_runs, joined_runs
from coding.undo.steps import COMPACT_ROWS, InsertRows
from models import Turn
from tests.coding.dump import dump
from tests.coding.undo.turn_commands import AddTurns

DOC = "R5_uwv_zwolle"


def _turns(project: Project) -> dict[int, str]:
    with closing(sqlite3.connect(project.path)) as conn:
        return dict(conn.execute("SELECT id, speaker FROM turn WHERE speaker LIKE 'S%'").fetchall())


def test_many_rows_get_distinct_new_ids_that_match_their_rows(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find(DOC).id
    with closing(sqlite3.connect(project.path)) as conn:
        used = {row[0] for row in conn.execute("SELECT id FROM turn")}
    statements: list[str] = []
    event.listen(project.store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    rows = project.execute(AddTurns(document, 500))
    inserts = [s for s in statements if s.startswith("INSERT INTO turn")]
    assert len(inserts) == 2  # the first row for its id, then one executemany
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == 500 and not set(ids) & used
    assert _turns(project) == {row["id"]: row["speaker"] for row in rows}


def test_undo_and_redo_restore_the_same_ids(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find(DOC).id
    before = dump(project.path)
    rows = project.execute(AddTurns(document, 300))
    after = dump(project.path)
    project.undo()
    assert dump(project.path) == before and _turns(project) == {}
    project.redo()
    assert dump(project.path) == after
    assert _turns(project) == {row["id"]: row["speaker"] for row in rows}


def test_ids_of_deleted_rows_are_not_reused_where_the_table_says_so(coded_project: Project) -> None:
    project = coded_project
    quotes = project.quotes()
    highest = max(q.coding_id for q in quotes)
    project.codings.uncode(quotes[-1].coding_id)  # the coding table never reuses an id (AUTOINCREMENT)
    spans = [(DOC, "Urgentiebesef", n, n + 6) for n in range(40, 340, 12)]
    ids = project.codings.code_many(spans)
    assert min(ids) > highest
    coded = [project.codings.get(i) for i in ids]  # each id names the passage asked for (trimmed)
    assert all(s <= c.start < c.end <= e for c, (_d, _c, s, e) in zip(coded, spans, strict=True))


def _step(command: Command) -> InsertRows:
    steps = command._steps or []
    assert len(steps) == 1 and isinstance(steps[0], InsertRows)
    return steps[0]


def test_rows_kept_by_column_a_block_at_a_time_come_back_whole_and_in_order(
    coded_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turned into columns a block of rows at a time (each block one C call holding the GIL: the window's
    thread gets it between blocks), the rows are kept as they were inserted, and undo and redo restore them."""
    monkeypatch.setattr(steps_module, "PACK_BLOCK", 3)
    project = coded_project
    document = project.documents.find(DOC).id
    command = AddTurns(document, 10)
    rows = project.execute(command)
    step = _step(command)
    assert not step.compact and step._rows is None
    assert step.rows == rows
    assert list(step.column("speaker")) == [f"S{n}" for n in range(10)]
    after = dump(project.path)
    project.undo()
    assert _turns(project) == {}
    project.redo()
    assert dump(project.path) == after


def test_a_large_insert_keeps_only_its_ids_and_undo_and_redo_put_back_what_was_stored(
    coded_project: Project,
) -> None:
    project = coded_project
    document = project.documents.find(DOC).id
    before = dump(project.path)
    command = AddTurns(document, COMPACT_ROWS + 1)
    rows = project.execute(command)
    after = dump(project.path)
    step = _step(command)
    assert step.compact and step._rows is None and step._columns == {}
    with pytest.raises(RuntimeError):
        step.rows  # noqa: B018
    for _round in range(2):
        project.undo()
        assert dump(project.path) == before and _turns(project) == {}
        packed = step._packed  # read back for redo, packed as stored (test_packed_rows.py)
        assert packed is not None and packed.row_count == COMPACT_ROWS + 1
        project.redo()
        assert dump(project.path) == after and step.compact
    assert _turns(project) == {row["id"]: row["speaker"] for row in rows}


def test_a_large_insert_whose_transaction_is_tried_again_inserts_the_same_rows(
    coded_project: Project,
) -> None:
    project = coded_project
    document = project.documents.find(DOC).id
    command = AddTurns(document, COMPACT_ROWS + 1)

    class TriedAgain(Exception):
        pass

    def apply_then_fail() -> None:
        with project.store.write() as session:  # rolled back, as a busy commit is tried again
            command.apply(session)
            raise TriedAgain

    with pytest.raises(TriedAgain):
        apply_then_fail()
    assert _turns(project) == {} and not _step(command).compact
    project.execute(command)
    assert _turns(project) == {row["id"]: row["speaker"] for row in command.result}
    assert _step(command).compact


@given(
    st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999), timezones=st.none()
    )
    | st.datetimes(timezones=st.just(timezone(timedelta(hours=2))))
    | st.none()
    | st.dates()
)
def test_a_time_is_bound_as_sqlalchemy_binds_it(value: date | None) -> None:
    """The bulk insert's own processor for SQLite's times writes exactly SQLAlchemy's text."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.dialects.sqlite import DATETIME

    from coding.undo.bulk_rows import _processor

    dialect = sqlite.dialect()
    own = _processor(DATETIME(), dialect)
    theirs = DATETIME().bind_processor(dialect)
    assert own is not None and theirs is not None and own is not theirs
    assert own(value) == theirs(value)


@given(
    st.lists(
        st.datetimes(
            min_value=datetime(1, 1, 1),
            max_value=datetime(9999, 12, 31, 23, 59, 59, 999999),
            timezones=st.none() | st.just(timezone(timedelta(hours=2))),
        )
        | st.none(),
        max_size=8,
    )
)
def test_a_column_of_times_is_bound_as_sqlalchemy_binds_each(values: list[datetime | None]) -> None:
    """A column of times written at once (an import's 400,000, by one map in C) is, value for value,
    SQLAlchemy's own text: naive times, times with a zone (cut as SQLAlchemy cuts them) and none."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.dialects.sqlite import DATETIME

    from coding.undo.bulk_rows import _processed, _processor

    dialect = sqlite.dialect()
    own = _processor(DATETIME(), dialect)
    theirs = DATETIME().bind_processor(dialect)
    assert own is not None and theirs is not None
    assert _processed([values], [own]) == [[theirs(value) for value in values]]


class AddTurnsWithIds(Command):
    text = "Add turns"

    def __init__(self, document_id: DocumentId, ids: list[int]) -> None:
        super().__init__()
        self.document_id, self.ids = document_id, ids

    def plan(self, writer: Writer) -> list[dict[str, Any]]:
        rows = writer.insert_many(
            Turn,
            (
                {
                    "id": key,
                    "document_id": self.document_id,
                    "speaker": f"S{key}",
                    "start": 0,
                    "end": 1,
                    "body_start": 0,
                }
                for key in self.ids
            ),
        )
        writer.touch(self.document_id)
        return rows


def test_undo_deletes_its_rows_by_runs_of_ids_and_only_its_own(coded_project: Project) -> None:
    """Undo deletes a large insert's rows a run of ids at a time: rows of another command whose ids
    lie between (and after) its ids are kept, undo and redo put back exactly what was stored."""
    project = coded_project
    document = project.documents.find(DOC).id
    base = 10_000_000
    others = [base + 2 * n + 1 for n in range(50)] + [base + 20_000 + n for n in range(5)] + [base + 40_000]
    project.execute(AddTurnsWithIds(document, others))
    before = dump(project.path)
    ours = [base + 2 * n for n in range(COMPACT_ROWS + 1)] + [base + 30_000 + n for n in range(100)]
    command = AddTurnsWithIds(document, ours)
    project.execute(command)
    after = dump(project.path)
    assert _step(command).compact
    for _round in range(2):
        project.undo()
        assert dump(project.path) == before
        assert sorted(_turns(project)) == others
        project.redo()
        assert dump(project.path) == after


def test_undo_of_many_codings_refuses_when_a_review_hangs_on_one_of_them(coded_project: Project) -> None:
    """The cascade check follows an insert's codings by runs of ids (``BETWEEN``): a review another
    action added since on one of them is found, and undo refuses and changes nothing."""
    project = coded_project
    spans = [(DOC, "Urgentiebesef", n, n + 6) for n in range(40, 340, 12)]
    ids = project.codings.code_many(spans)
    assert len(ids) >= 16 and sorted(ids) == list(range(min(ids), max(ids) + 1))
    project.reviews.mark(ids[len(ids) // 2], "question", "bron?", reviewer="Anna")
    before = dump(project.path)
    project.history.undo()  # the review: its own action
    project.history.redo()
    assert dump(project.path) == before
    with pytest.raises(UndoConflictError):
        project.undo_command(project.history._commands[-2])
    assert dump(project.path) == before


@given(st.lists(st.integers(-50, 50), unique=True, max_size=60), st.randoms(use_true_random=False))
def test_runs_joined_are_the_runs_of_their_ids(ids: list[int], rng: Any) -> None:
    """What undo uses of a step that keeps only its ids' runs equals the runs of its sorted ids."""
    pieces = id_runs(ids)  # in the ids' order: runs out of order, some that follow on from others
    rng.shuffle(pieces)
    assert joined_runs(sorted(pieces)) == id_runs(sorted(ids))
    assert joined_runs(id_runs(sorted(ids))) == id_runs(sorted(ids))
