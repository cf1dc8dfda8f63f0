"""Property: whatever a supervisor types in the review and comment cells comes back exactly as the
marks and comments of the import (or is listed as an unknown value), and a second import changes nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from coding import Project
from coding.reviews.review_layout import COMMENT_COLUMN, REVIEW_COLUMN
from coding.reviews.review_marks import read_mark
from tests.coding.reviews.helpers import rows
from tests.regions import build_regions

SPELLINGS = [None, "", "agreed", "AGREED", " Akkoord ", "eens", "question", "Vraag", "?", "disagree", "Oneens",
             "niet mee eens", "misschien", "ok."]  # fmt: skip
comments = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85") | st.just("\n"),
    max_size=40,
)
counter = itertools.count()


@pytest.fixture
def regions(project: Project) -> Project:
    build_regions(project)
    project.history.clear()
    return project


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(st.sampled_from(SPELLINGS), comments), min_size=11, max_size=11))
def test_typed_marks_and_comments_come_back(
    regions: Project, tmp_path: Path, cells: list[tuple[str | None, str]]
) -> None:
    number = next(counter)
    exported = regions.export(tmp_path / f"r{number}.xlsx", kind="review", reviewer="Anna")
    workbook = load_workbook(exported)
    expected: dict[str, tuple[str, str]] = {}
    unknown = 0
    typed = iter(cells)
    for sheet in workbook.worksheets:
        for kind, row in rows(sheet):
            if kind != "quote":
                continue
            mark, comment = next(typed)
            sheet.cell(row=row, column=REVIEW_COLUMN).value = mark
            sheet.cell(row=row, column=COMMENT_COLUMN).value = comment or None
            guid = sheet.cell(row=row, column=11).value
            try:
                status = read_mark(mark)
            except ValueError:
                unknown += 1
                continue
            text = comment.strip()
            if status is None and text:
                status = "question"
            if status is not None:
                expected[guid] = (status, text)
    back = tmp_path / f"back{number}.xlsx"
    workbook.save(back)
    report = regions.import_review(back)
    try:
        assert len(report.unknown) == unknown
        guids = {cid: talk.guid for cid, talk in regions.reviews.quote_discussions().items()}
        stored = {guids[r.coding_id]: (r.mark, r.comment) for r in regions.reviews.list(reviewer="Anna")}
        assert stored == expected
        assert regions.import_review(back).applied == 0
    finally:
        if report.applied:
            regions.undo()
    assert regions.reviews.list() == []
