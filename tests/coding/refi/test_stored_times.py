"""Issue 19: a selection's or coding's time written as Codewerk and most tools write it is read as the
text SQLAlchemy stores for it in SQLite and inserted as it is (no ``datetime`` made and written again);
every other time as before. What is stored is the same either way, on a project file and on a team
server, and undo and redo put it back exactly."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import DATETIME

from coding import Project
from coding.refi.exchange import import_exchange
from coding.refi.names import format_datetime, parse_datetime, stored_time
from coding.undo.bulk_rows import _processed, _processor, bindable
from models import Coding, Passage
from tests.coding.refi.helpers import guid, write_qdpx

pytestmark = pytest.mark.both_backends

_SQLITE = DATETIME().bind_processor(sqlite.dialect())
_NAIVE = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999))


def _as_sqlalchemy_stores(value: datetime) -> str:
    assert _SQLITE is not None
    return str(_SQLITE(value))


@given(_NAIVE)
def test_a_time_as_codewerk_writes_it_reads_as_the_text_sqlalchemy_stores(value: datetime) -> None:
    written = format_datetime(value)  # with a fraction, or without one when it is zero
    assert stored_time(written) == _as_sqlalchemy_stores(value)


def _mutated(text: str, at: int, char: str) -> str:
    return text[:at] + char + text[at + 1 :]


_TEXTS = (
    st.text(max_size=30)
    | st.builds(format_datetime, _NAIVE)
    | st.builds(
        _mutated,
        st.builds(format_datetime, _NAIVE).map(str),
        st.integers(min_value=0, max_value=26),
        st.sampled_from(["0", "9", "T", "Z", ":", "-", ".", ",", "+", "a", "٣", "\n", " "]),
    )
    | st.builds(lambda t: t.isoformat(), st.datetimes(timezones=st.just(timezone(timedelta(hours=2)))))
    | st.sampled_from(
        [
            "2026-02-30T10:00:00.000000Z",  # no such day
            "2026-12-06T24:00:00.000000Z",
            "2026-12-06T19:39:46.4984690Z",  # seven digits, as .NET writes
            "2026-12-06T19:39:46,498469Z",
            "20261206T193946.498469+0000",
            " 2026-12-06T19:39:46.498469Z",
        ]
    )
)


@given(_TEXTS)
def test_any_time_text_reads_as_parse_datetime_reads_it(text: str) -> None:
    """Either the same ``datetime`` (or ``None``) as :func:`parse_datetime`, or the very text
    SQLAlchemy stores for that ``datetime``: never another time, never a time where there is none."""
    read, parsed = stored_time(text), parse_datetime(text)
    if isinstance(read, str):
        assert parsed is not None and read == _as_sqlalchemy_stores(parsed)
    else:
        assert read == parsed


@given(st.lists(st.builds(format_datetime, _NAIVE) | _NAIVE | st.none(), max_size=8))
def test_a_column_of_stored_texts_and_times_is_bound_as_sqlalchemy_binds_their_times(
    values: list[Any],
) -> None:
    given_values = [stored_time(v) if isinstance(v, str) else v for v in values]
    times = [parse_datetime(v) if isinstance(v, str) else v for v in values]
    own = _processor(DATETIME(), sqlite.dialect())
    assert own is not None and _SQLITE is not None
    assert _processed([given_values], [own]) == [[_SQLITE(t) for t in times]]
    assert bindable(Coding.__table__, {"created_at": given_values[0] if given_values else None}) == {
        "created_at": times[0] if times else None
    }


_TIMES = {
    # selection, its codings: the forms a file may write them in
    30: ("2026-12-06T19:39:46.498469Z", ["2026-12-06T19:39:47.000001Z", "2026-12-06T19:39:48Z"]),
    33: ("2026-12-06T21:39:46.5+02:00", ["2026-02-30T10:00:00.000000Z", "2026-12-06T19:39:46.49846912Z"]),
}


def _qde(text: str) -> str:
    selections = []
    for n, (created, codings) in _TIMES.items():
        start = text.index("vertrouwen" if n == 30 else "urgentie")
        inner = "".join(
            f'<Coding guid="{guid(n + 1 + k)}" creationDateTime="{c}"><CodeRef targetGUID="{guid(10 + k)}"/></Coding>'
            for k, c in enumerate(codings)
        )
        selections.append(
            f'<PlainTextSelection guid="{guid(n)}" startPosition="{start}" endPosition="{start + 8}" '
            f'creationDateTime="{created}">{inner}</PlainTextSelection>'
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="tijden">
  <Users><User guid="{guid(1)}" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="{guid(10)}" name="Tijden" isCodable="true"/><Code guid="{guid(11)}" name="Data" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{guid(20)}" name="Interview tijden" plainTextPath="internal://{guid(20)}.txt">
      {"".join(selections)}
    </TextSource>
  </Sources>
</Project>"""


def _times(project: Project) -> tuple[dict[str, datetime], dict[str, datetime]]:
    with project.store.read() as session:
        passages = {guid: time for guid, time in session.execute(select(Passage.guid, Passage.created_at))}
        codings = {guid: time for guid, time in session.execute(select(Coding.guid, Coding.created_at))}
    return passages, codings


def _rows(project: Project) -> list[list[tuple[Any, ...]]]:
    """Every passage and coding row, as stored (on a file: the time's own text)."""
    with project.store.read() as session:
        connection = session.connection()
        return [
            sorted(tuple(row) for row in connection.exec_driver_sql(f"SELECT * FROM {table.name}"))
            for table in (Passage.__table__, Coding.__table__)
        ]


def test_the_times_of_an_import_are_stored_as_read_and_undo_and_redo_keep_them(
    project: Project, tmp_path: Path
) -> None:
    text = "Het vertrouwen is groot. De urgentie is laag.\n"
    path = write_qdpx(tmp_path / "tijden.qdpx", _qde(text), {f"{guid(20)}.txt": text})
    import_exchange(project, path)
    passages, codings = _times(project)
    for n, (created, coded) in _TIMES.items():
        selection_time = parse_datetime(created)
        assert passages[guid(n)] == selection_time
        for k, written in enumerate(coded):  # a coding without a time of its own: its passage's
            assert codings[guid(n + 1 + k)] == (parse_datetime(written) or selection_time)
    assert codings[guid(32)] == datetime(2026, 12, 6, 19, 39, 48)
    assert codings[guid(34)] == passages[guid(33)] == datetime(2026, 12, 6, 19, 39, 46, 500000)
    imported = _rows(project)
    if project.path.exists():  # a file: the text SQLite holds is SQLAlchemy's for that time
        assert {row[6] for row in imported[0]} == {str(t) for t in passages.values()}
    for _round in range(2):
        project.undo()
        assert _times(project) == ({}, {})
        project.redo()
        assert _rows(project) == imported
