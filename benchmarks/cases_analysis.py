"""Benchmarks of analysis across codes: co-occurrence, the code × case matrix, code queries."""

from __future__ import annotations

from benchmarks.registry import Case, Context, benchmark, need_module
from coding import Project

QUERY = "Vertrouwen AND Coördinatie NOT Urgentiebesef"


def _need_analysis() -> None:
    need_module("coding.analysis.analysis_service", "analysis across codes (issue 21)")


def _cooccurrence_case(ctx: Context, size: str, unit: str) -> Case:
    project = Project.open(ctx.project_copy(size))
    found: list[int] = []

    def run() -> None:
        table = project.analysis.cooccurrence(unit=unit)
        found[:] = [sum(row.count for row in table.rows()), len(table.codes)]

    run()
    codings = sum(d.coding_count or 0 for d in project.documents.list())
    note = f"{found[1]} concepts (with their subcodes), {codings:,} codings; {found[0]:,} co-occurrences"
    return Case(run, close=project.close, note=note)


COOCCURRENCE_LIMITS = (
    "Reading every coding (one join of coding and passage) and the turns, then one set of codes per "
    "turn and the pairs within it; the Python loop over codings dominates."
)


@benchmark(
    "cooccurrence_turn_large",
    "Co-occurrence of the concepts at turn level, large project (codewerk cooccurrence --unit turn)",
    target=0.5,
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    requires=_need_analysis,
    limits=COOCCURRENCE_LIMITS,
)
def cooccurrence_turn_large(ctx: Context) -> Case:
    return _cooccurrence_case(ctx, "large", "turn")


@benchmark(
    "cooccurrence_turn_huge",
    "Co-occurrence of the concepts at turn level, ten times the large project (2,000 documents)",
    target=5.0,
    sizes=("huge",),
    repeats=3,
    quick_repeats=1,
    quick=False,
    requires=_need_analysis,
    limits=COOCCURRENCE_LIMITS,
)
def cooccurrence_turn_huge(ctx: Context) -> Case:
    return _cooccurrence_case(ctx, "huge", "turn")


@benchmark(
    "cooccurrence_overlap_large",
    "Co-occurrence of the concepts by overlapping passages, large project",
    sizes=("large",),
    repeats=5,
    quick_repeats=1,
    requires=_need_analysis,
    limits="Merging each code's overlapping passages per document and sweeping for pairs that overlap.",
)
def cooccurrence_overlap_large(ctx: Context) -> Case:
    return _cooccurrence_case(ctx, "large", "overlap")


@benchmark(
    "matrix_documents_large",
    "Code × document matrix of every code, large project (codewerk matrix)",
    sizes=("large",),
    repeats=5,
    quick_repeats=1,
    requires=_need_analysis,
    limits="Reading every coding and counting distinct passages per code (with its subcodes) and document.",
)
def matrix_documents_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    shape: list[int] = []

    def run() -> None:
        matrix = project.analysis.matrix()
        shape[:] = [len(matrix.codes), len(matrix.columns)]

    run()
    return Case(run, close=project.close, note=f"{shape[0]} codes × {shape[1]} documents")


@benchmark(
    "query_three_codes_large",
    f"Code query of three codes at turn level, large project: {QUERY}",
    target=0.3,
    sizes=("large",),
    repeats=9,
    quick_repeats=2,
    requires=_need_analysis,
    limits=(
        "Reading the three concepts' codings and the turns, evaluating per turn, then retrieving the "
        "quotes of the two positive codes (frozen Quote records) and keeping those in matching turns."
    ),
)
def query_three_codes_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    found: list[int] = []

    def run() -> None:
        result = project.analysis.query(QUERY)
        found[:] = [len(result.units), len(result.quotes)]

    run()
    return Case(run, close=project.close, note=f"holds in {found[0]:,} turns; {found[1]:,} quotes")
