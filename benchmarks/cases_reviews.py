"""Benchmarks of the supervisor's review (issue 16): the review workbook of the large project and
reading it back with every quote marked, as ``codewerk export --kind review`` and
``codewerk import-review`` (and File → Export / Import supervisor's review…) run them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from benchmarks.registry import Case, Context, benchmark, need_module
from coding import Project

REVIEW = "the review workbook (coding.exporting.review_workbook, issue 16)"


def _need_review() -> None:
    need_module("coding.exporting.review_workbook", REVIEW)


@benchmark(
    "review_workbook_large",
    "Review workbook of the large project (20,000 quotes on concept sheets, drop-downs, protection)",
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=_need_review,
    limits="openpyxl's normal (not write-only) mode, needed for data validation and locked cells: "
    "one styled cell object per value.",
)
def review_workbook_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    written: list[Path] = []

    def run() -> None:
        written.append(project.export(ctx.scratch("review.xlsx"), kind="review", reviewer="Anna"))

    def after() -> None:
        written.pop().unlink()

    return Case(run, after=after, close=project.close, note="every concept, every quote")


@benchmark(
    "import_review_large",
    "import-review of a review workbook with all 20,000 quotes marked, then its undo",
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=_need_review,
    limits="openpyxl reading 20,000 rows (read-only mode); the marks go in as one bulk insert.",
)
def import_review_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    exported = project.export(ctx.scratch("review.xlsx"), kind="review", reviewer="Anna")
    workbook = load_workbook(exported)
    for sheet in workbook.worksheets[1:-1]:
        for row in sheet.iter_rows(min_row=1):
            if len(row) >= 11 and isinstance(row[10].value, str) and len(row[10].value) == 36:
                row[8].value, row[9].value = "agreed", "ok"
    marked = ctx.scratch("marked.xlsx")
    workbook.save(marked)
    counts: list[int] = []

    def run() -> None:
        counts.append(project.import_review(marked).added)

    def after() -> None:
        project.undo()

    return Case(run, after=after, close=project.close, note="marks added per import, undone after each run")
