"""Issue 19: the streamed ``.qdpx`` export reads passages, codings and reviews as the database
driver's rows (SQLite's text for a time, a team server's ``datetime``) and writes exactly what the
whole snapshot, read through SQLAlchemy, gives; a stored time is written as its ``datetime`` is."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from coding import Project
from coding.core.plain_rows import plain_row_stream
from coding.refi.names import EXTENSION_PART, format_datetime, format_datetimes
from coding.refi.project_writer import project_parts
from coding.refi.snapshot import take_snapshot
from models import Coding, Passage

pytestmark = pytest.mark.both_backends
_MODIFIED = re.compile(rb'modifiedDateTime="[^"]*"')


def test_the_export_from_the_drivers_rows_is_what_the_whole_snapshot_gives(
    coded_project: Project, tmp_path: Path
) -> None:
    coding = coded_project.code(
        "R5_uwv_zwolle", "Vertrouwen", text="De urgentie is hoog", memo='memo & "aanhalingen"'
    )
    coded_project.reviews.mark(coding.id, "question", "waarom <dit>?", reviewer="supervisor")
    path = coded_project.export(tmp_path / "out.qdpx")
    qde, extension = project_parts(take_snapshot(coded_project))
    with zipfile.ZipFile(path) as archive:
        streamed = archive.read("project.qde")
        assert archive.read(EXTENSION_PART).decode("utf-8") == extension
    assert streamed.count(b"<Coding ") == 3 and b"Review: question" in streamed
    assert _MODIFIED.sub(b"", streamed, count=1) == _MODIFIED.sub(b"", qde, count=1)


def test_rows_stream_in_batches_beside_each_other(coded_project: Project) -> None:
    by_coding = select(Coding.id, Coding.passage_id).order_by(Coding.id)
    by_passage = select(Passage.id).order_by(Passage.id)
    with coded_project.store.read() as session:
        codings = plain_row_stream(session, by_coding, 1)
        passages = plain_row_stream(session, by_passage, 1)
        pairs = list(zip(codings, passages, strict=False))
        rest = list(codings)
        expected_codings = [tuple(row) for row in session.execute(by_coding)]
        expected_passages = [tuple(row) for row in session.execute(by_passage)]
    assert len(expected_codings) == 2 and len(pairs) == 2
    assert [tuple(c) for c, _p in pairs] + [tuple(c) for c in rest] == expected_codings
    assert [tuple(p) for _c, p in pairs] == expected_passages


def _stored(moment: datetime) -> str:  # how SQLAlchemy writes a DateTime into SQLite
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


@given(st.datetimes(min_value=datetime(1000, 1, 1)))
def test_a_stored_time_is_written_as_its_datetime(moment: datetime) -> None:
    assert format_datetime(_stored(moment)) == format_datetime(moment)
    assert format_datetime(_stored(moment)[:19]) == format_datetime(moment.replace(microsecond=0))


_TIMES = st.one_of(
    st.datetimes(min_value=datetime(1000, 1, 1)).map(_stored),
    st.datetimes(min_value=datetime(1000, 1, 1)).map(lambda moment: _stored(moment.replace(microsecond=0))),
    st.datetimes(min_value=datetime(1000, 1, 1)),
    st.sampled_from(
        ["2026-12-06 19:42:57", "\u0662026-12-06 19:42:57.000000", "2026-12-06T19:42:57.5+01:00"]
    ),
)


@given(st.lists(_TIMES, max_size=8))
def test_times_written_together_are_each_as_written_alone(values: list[datetime | str]) -> None:
    assert format_datetimes(values) == [format_datetime(value) for value in values]


def test_a_stored_time_holding_a_line_break_is_not_split_into_two() -> None:
    two = "2026-12-06 19:42:57.000000\n2026-12-06 19:42:57.123456"
    with pytest.raises(ValueError, match="Invalid isoformat"):  # as format_datetime of it alone
        format_datetimes(["2026-12-06 19:42:57.000001", two])
