"""Bulk inserts of integer columns, many rows per statement: the same rows in the same order as
one ``executemany`` row by row, whatever the count and the rows per statement."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.language import sql
from coding.language.sql import insert_columns


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(-(2**62), 2**62), st.integers(0, 10**9), st.integers(0, 5)), max_size=60
    ),
    per=st.integers(min_value=1, max_value=9),
    objects=st.integers(min_value=1, max_value=30),
)
def test_rows_go_in_as_given(rows: list[tuple[int, int, int]], per: int, objects: int) -> None:
    with closing(sqlite3.connect(":memory:")) as raw, pytest.MonkeyPatch.context() as patch:
        patch.setattr(sql, "ROWS_PER_STATEMENT", per)
        patch.setattr(sql, "_ROWS_AS_OBJECTS", objects)
        raw.execute("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER)")
        columns = [np.asarray([row[i] for row in rows], dtype=np.int64) for i in range(3)]
        insert_columns(raw, "INSERT INTO t (a, b, c)", columns)
        assert raw.execute("SELECT a, b, c FROM t ORDER BY rowid").fetchall() == rows


def test_the_statements_stay_under_the_variable_limit() -> None:
    with closing(sqlite3.connect(":memory:")) as raw:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)
        raw.execute("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER, d INTEGER)")
        columns = [np.arange(23, dtype=np.int64) + i for i in range(4)]
        insert_columns(raw, "INSERT INTO t (a, b, c, d)", columns)  # 2 rows a statement
        assert raw.execute("SELECT count(*), sum(d) FROM t").fetchone() == (23, sum(range(3, 26)))


def test_a_constraint_stops_the_insert_with_the_driver_error() -> None:
    with closing(sqlite3.connect(":memory:")) as raw:
        raw.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER CHECK (b > 0))")
        with pytest.raises(sqlite3.IntegrityError):
            insert_columns(raw, "INSERT INTO t (a, b)", [np.arange(5), np.asarray([1, 2, 0, 4, 5])])


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.tuples(st.integers(-(2**62), 2**62), st.integers(0, 10**9)), min_size=1, max_size=70),
    shared=st.integers(-(2**62), 2**62),
    first=st.integers(-(2**40), 2**40),
    order=st.permutations(range(4)),
    per=st.integers(min_value=1, max_value=9),
    objects=st.integers(min_value=1, max_value=30),
)
def test_a_shared_and_a_counting_column_give_the_rows_of_their_values(
    values: list[tuple[int, int]], shared: int, first: int, order: list[int], per: int, objects: int
) -> None:
    """A column the same in every row and one counting on are bound once per statement, wherever
    they stand among the columns, and give the rows the columns written out would."""
    columns: list[sql.Column] = [
        np.asarray([v[0] for v in values], dtype=np.int64),
        np.asarray([v[1] for v in values], dtype=np.int64),
        shared,
        sql.counted(np.arange(first, first + len(values), dtype=np.int64)),
    ]
    assert isinstance(columns[3], sql.Counting)
    written = [(a, b, shared, first + i) for i, (a, b) in enumerate(values)]
    names = "abcd"
    with closing(sqlite3.connect(":memory:")) as raw, pytest.MonkeyPatch.context() as patch:
        patch.setattr(sql, "ROWS_PER_STATEMENT", per)
        patch.setattr(sql, "_ROWS_AS_OBJECTS", objects)
        raw.execute("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER, d INTEGER)")
        insert_columns(
            raw, f"INSERT INTO t ({', '.join(names[i] for i in order)})", [columns[i] for i in order]
        )
        assert raw.execute("SELECT a, b, c, d FROM t ORDER BY rowid").fetchall() == written


def test_values_that_do_not_count_on_stay_a_column() -> None:
    assert isinstance(sql.counted(np.asarray([3, 4, 6, 6], dtype=np.int64)), np.ndarray)
    assert isinstance(sql.counted(np.asarray([3, 5, 4, 6], dtype=np.int64)), np.ndarray)
    assert sql.counted(np.asarray([7], dtype=np.int64)) == sql.Counting(7)
