"""Issue 19: a source's selections and codings of the common shape are read a column at a time
(:mod:`coding.refi.selection_columns`); what is read, reported and taken as seen is exactly what reading
them one element at a time gives, for that shape and for every other (any GUID, time, reference,
position, child), and the GUIDs seen are left as they were whenever the columns are not used."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coding.refi import source_reader
from coding.refi.names import CANONICAL_GUID, format_datetime, stored_time
from coding.refi.project_reader import RefiProject, read_qdpx
from coding.refi.selection_columns import canonical_new_guids, stored_times
from tests.coding.refi.helpers import NS, guid, write_qdpx

_NAIVE = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999))
_WRITTEN = st.builds(format_datetime, _NAIVE).map(str)


def _mutated(text: str, at: int, char: str) -> str:
    return text[:at] + char + text[at + 1 :]


_TIMES = (
    _WRITTEN
    | st.builds(
        _mutated,
        _WRITTEN,
        st.integers(min_value=0, max_value=26),
        st.sampled_from(["0", "9", "T", "Z", ":", "-", ".", ",", "a", "٣", "\n", " ", "é"]),
    )
    | st.sampled_from(
        [
            "2026-02-30T10:00:00.000000Z",  # no such day
            "2026-12-06T24:00:00.000000Z",
            "2026-12-06T23:59:60.000000Z",
            "2026-12-06T19:39:46.4984690Z",
            "2026-12-06T19:39:46+02:00",
            "2026-12-06 19:39:46.498469Z",
        ]
    )
    | st.none()
    | st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=28)
)


@given(st.lists(_TIMES, max_size=12) | st.lists(_WRITTEN, max_size=12))
def test_a_column_of_times_reads_as_each_time_alone(values: list[str | None]) -> None:
    assert stored_times(values, stored_time) == [stored_time(value) for value in values]


def test_a_column_of_times_as_codewerk_writes_them_is_cut_from_the_joined_text() -> None:
    """The columns' own way (the C parser only once a second): not one call of ``stored_time`` each."""
    values = ["2026-12-05T21:00:10.881973Z", "2026-12-05T21:00:10.000001Z", "2024-02-29T00:00:00.500000Z"]

    def one(_value: str | None) -> str:
        raise AssertionError("read one at a time")

    assert stored_times(values, one) == [
        "2026-12-05 21:00:10.881973",
        "2026-12-05 21:00:10.000001",
        "2024-02-29 00:00:00.500000",
    ]


#: GUIDs of the file's users and codes, and of its first selection and its first coding (guid(1000), guid(1001))
_KNOWN = st.sampled_from([guid(50), guid(100), guid(1000), guid(1001)])
_GUIDS = (
    st.uuids().map(str)
    | st.uuids().map(lambda u: str(u).upper())
    | st.uuids().map(lambda u: "{" + str(u) + "}")
    | st.builds(
        _mutated, st.uuids().map(str), st.integers(0, 35), st.sampled_from(["-", "g", " ", "0", "é", "F"])
    )
    | st.sampled_from(["", "x" * 36])
    | st.none()
    | _KNOWN
    | st.sampled_from([guid(1), guid(2)])
)


@example([guid(1), guid(2)], set())
@example([guid(1), guid(2)], {guid(2)})  # one seen before
@example([guid(1), guid(1)], set())  # one twice
@example([guid(1), guid(2).upper()], set())
@example([guid(1), None], set())
@example([guid(1), "{" + guid(2) + "}"], set())
@example([guid(1), guid(2)[:-1] + "g"], set())
@example([guid(1), guid(2)[:8] + "0" + guid(2)[9:]], set())  # no dash where one stands
@example([], {guid(1)})
@given(st.lists(_GUIDS, max_size=8), st.sets(st.sampled_from([guid(1), guid(3), "x" * 36]), max_size=2))
def test_guids_are_taken_at_once_only_when_each_would_be_taken_as_written(
    guids: list[str | None], seen: set[str]
) -> None:
    before = set(seen)
    each = all(g is not None and CANONICAL_GUID.fullmatch(g) for g in guids)
    new = len(set(guids)) == len(guids) and not before & set(guids)  # type: ignore[operator]
    taken = canonical_new_guids(guids, seen)
    assert taken == (each and new)
    assert seen == (before | set(guids) if taken else before)  # type: ignore[operator]


# -- a whole source, read both ways ------------------------------------------------------------
_TEXT = "Eerste regel van het interview.\n   \nTweede regel, met meer woorden erin.\nDerde."


def _selection(n: int, variant: dict[str, Any]) -> str:
    """One ``PlainTextSelection`` (GUIDs numbered from ``n``) of the kind ``variant`` draws."""
    attributes = {
        "guid": variant["guid"] if variant["guid"] != "own" else guid(n),
        "startPosition": variant["start"],
        "endPosition": variant["end"],
        "creatingUser": variant["user"],
        "creationDateTime": variant["time"],
    }
    written = " ".join(f"{key}={quoteattr(value)}" for key, value in attributes.items() if value is not None)
    inner = []
    for index, coding in enumerate(variant["codings"]):
        coding_guid = coding["guid"] if coding["guid"] != "own" else guid(n + 1 + index)
        coding_attributes = {
            "guid": coding_guid,
            "creatingUser": coding["user"],
            "creationDateTime": coding["time"],
        }
        attrs = " ".join(f"{k}={quoteattr(v)}" for k, v in coding_attributes.items() if v is not None)
        refs = "".join(f'<CodeRef targetGUID="{code}"/>' for code in coding["codes"])
        refs += f'<NoteRef targetGUID="{guid(900)}"/>' if coding["note"] else ""
        inner.append(f"<Coding {attrs}>{refs}</Coding>")
    inner.extend(variant["extra"])
    return f"<PlainTextSelection {written}>{''.join(inner)}</PlainTextSelection>"


_CODE = st.sampled_from([guid(100), guid(101), guid(100).upper(), "{" + guid(101) + "}", guid(199), " "])
_USER = st.sampled_from([guid(50), guid(51), guid(50).upper(), None, "niemand"])
_CODING = st.fixed_dictionaries(
    {
        "guid": st.just("own") | _GUIDS.filter(lambda g: g is not None),
        "user": _USER,
        "time": _TIMES,
        "codes": st.lists(_CODE, min_size=0, max_size=2) | st.just([guid(100)]),
        "note": st.booleans(),
    }
)
_COMMON_CODING = st.fixed_dictionaries(
    {
        "guid": st.just("own"),
        "user": _USER,
        "time": _WRITTEN,
        "codes": st.just([guid(100)]),
        "note": st.just(False),
    }
)
_POSITION = st.sampled_from(["0", "6", "12", "31", "33", "36", "70", "200", "-1", "x", " 7", "+5", "1_0"])
_VARIANT = st.fixed_dictionaries(
    {
        "guid": st.just("own") | _GUIDS,
        "start": _POSITION | st.none(),
        "end": _POSITION,
        "user": _USER,
        "time": _TIMES,
        "codings": st.lists(_CODING | _COMMON_CODING, max_size=3),
        "extra": st.lists(
            st.sampled_from(
                [f'<NoteRef targetGUID="{guid(900)}"/>', "<Description>Memo</Description>", "<!-- c -->"]
            ),
            max_size=1,
        ),
    }
)
_PLAIN = st.fixed_dictionaries(
    {
        "guid": st.just("own"),
        "start": st.sampled_from(["0", "6", "37"]),
        "end": st.sampled_from(["70", "75"]),
        "user": _USER,
        "time": _WRITTEN,
        "codings": st.lists(_COMMON_CODING, min_size=1, max_size=3),
        "extra": st.just([]),
    }
)
#: The shape Codewerk writes, but a GUID may be one taken before (a user's, a code's, a selection's).
_COMMON = _PLAIN | st.builds(lambda v, g: {**v, "guid": g}, _PLAIN, _KNOWN)


def _qde(sources: list[list[dict[str, Any]]]) -> str:
    written = []
    n = 1000
    for index, variants in enumerate(sources):
        selections = []
        for variant in variants:
            selections.append(_selection(n, variant))
            n += 10
        written.append(
            f'<TextSource guid="{guid(10 + index)}" name="Bron {index}" '
            f'plainTextPath="internal://s{index}.txt">{"".join(selections)}</TextSource>'
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Kolommen">
  <Users><User guid="{guid(50)}" name="Anna"/><User guid="{guid(51)}" name="Bert"/></Users>
  <CodeBook><Codes><Code guid="{guid(100)}" name="Vertrouwen" isCodable="true"/>
    <Code guid="{guid(101)}" name="Urgentie" isCodable="true"/></Codes></CodeBook>
  <Sources>{"".join(written)}</Sources>
  <Notes><Note guid="{guid(900)}" name="Memo"><PlainTextContent>Een memo.</PlainTextContent></Note></Notes>
</Project>"""


def _read(sources: list[list[dict[str, Any]]], texts: list[str], *, columns: bool) -> RefiProject:
    with tempfile.TemporaryDirectory() as folder:
        files = {f"sources/s{index}.txt": text for index, text in enumerate(texts)}
        path = write_qdpx(Path(folder) / "kolommen.qdpx", _qde(sources), files)
        if columns:
            return read_qdpx(path)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(source_reader, "read_selections", lambda *_args: None)
            return read_qdpx(path)


def _view(project: RefiProject) -> tuple[Any, ...]:
    return (
        [(s.guid, s.selections, s.whole_codings) for s in project.sources],
        project.skipped,
        project.adjusted,
    )


_SOURCE_TEXTS = st.sampled_from(
    [_TEXT, _TEXT.replace("regel", "re\u0301gel"), _TEXT + " 🚀", _TEXT.replace("\n", "\r\n")]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_VARIANT | _COMMON, max_size=4), min_size=1, max_size=3), st.data())
def test_a_source_reads_the_same_by_columns_as_one_element_at_a_time(
    sources: list[list[dict[str, Any]]], data: st.DataObject
) -> None:
    texts = [data.draw(_SOURCE_TEXTS) for _ in sources]
    assert _view(_read(sources, texts, columns=True)) == _view(_read(sources, texts, columns=False))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_PLAIN, min_size=1, max_size=4), min_size=1, max_size=3))
def test_the_common_shape_is_read_by_columns(sources: list[list[dict[str, Any]]]) -> None:
    """Each source of the shape Codewerk writes goes through the columns (so the comparison above
    compares two ways of reading, not one way twice)."""
    used: list[int] = []
    real = source_reader.read_selections

    def counted(*args: Any) -> Any:
        read = real(*args)
        used.append(read is not None)
        return read

    texts = [_TEXT] * len(sources)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source_reader, "read_selections", counted)
        project = _read(sources, texts, columns=True)
    assert used == [True] * len(sources)
    assert [len(s.selections) for s in project.sources] == [len(v) for v in sources]
    assert not re.search("GUID", " ".join(s.reason for s in project.adjusted))
