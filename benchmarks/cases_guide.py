"""Benchmarks of the interview guide (issue 24): matching every interviewer turn of the thesis project."""

from __future__ import annotations

from benchmarks.registry import Case, Context, benchmark
from coding import Project


@benchmark(
    "guide_match_thesis",
    "Match the guide to every interviewer turn of 21 interviews of about 60 minutes (thesis corpus)",
    target=2.0,
    sizes=("thesis",),
    repeats=5,
    quick_repeats=2,
    limits="Reading the turns and texts, stemming each interviewer turn and comparing it with 26 questions.",
)
def guide_match_thesis(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("thesis"))
    found: list[int] = []

    def run() -> None:
        result = project.guide.match()
        found.append(len(result.matches) + len(result.unmatched))

    case = Case(run, close=project.close, warmup=1)
    run()
    case.note = f"{found[-1]:,} interviewer turns"
    return case
