"""Benchmarks of intercoder agreement (issue 15): a second coder's layer over the large corpus."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from benchmarks.cases_project import remove_project
from benchmarks.registry import Case, Context, benchmark
from coding import Project

SECOND = "second"


def second_coder_project(ctx: Context, size: str) -> Path:
    """A copy of the corpus project where a second coder coded every passage again: mostly the same
    code on a slightly moved passage, now and then another code or nothing (untimed)."""
    path = ctx.project_copy(size)
    with Project.open(path, coder=SECOND) as project:
        rng = random.Random(15)
        codes = [c.id for c in project.codes.tree()]
        lengths = {d.id: d.length for d in project.documents.list()}
        items = []
        for quote in project.quotes():
            roll = rng.random()
            if roll < 0.08:
                continue  # the second coder did not code it
            code = quote.code_id if roll < 0.85 else rng.choice(codes)
            start = max(0, quote.start + rng.randint(-15, 15))
            end = min(lengths[quote.document_id], max(start + 1, quote.end + rng.randint(-15, 15)))
            items.append((quote.document_id, code, start, end))
        project.codings.code_many(items, skip_existing=True)
    return path


@benchmark(
    "agreement_sentence_large",
    "Intercoder agreement of two coders at sentence level, large project (every code, with 95% intervals)",
    target=2.0,
    sizes=("large",),
    repeats=5,
    quick_repeats=1,
    limits=(
        "Reading both coders' passages and every document's text (no text index: sentences by "
        "punctuation), finding the sentences each passage covers, then per code a 2×2 table and "
        "1,000 bootstrap draws (numpy)."
    ),
)
def agreement_sentence_large(ctx: Context) -> Case:
    path = second_coder_project(ctx, "large")
    project = Project.open(path, coder="bench")
    first = next(name for name in project.agreement.coders() if name != SECOND)
    found: list[int] = []

    def run() -> None:
        report = project.agreement.report(first, SECOND, unit="sentence")
        found[:] = [report.overall.units, len(report.rows) - 1, len(report.disagreements)]

    run()
    case = Case(run, close=project.close)
    case.note = f"{found[0]:,} decisions (sentence × code), {found[1]} codes, {found[2]:,} disagreements"
    return case


@benchmark(
    "merge_large",
    "Merge a second coder's project of 20,000 codings back into the large project (codewerk merge)",
    target=5.0,
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    limits=(
        "Copying the other file, exporting it as REFI-QDA in a temporary folder, reading that back, "
        "then matching documents and codes by GUID and inserting every coding in one transaction."
    ),
)
def merge_large(ctx: Context) -> Case:
    from coding.refi.merge import merge_project
    from coding.refi.package import package_for_coder

    source = ctx.corpus("large").project
    with Project.open(second_coder_project(ctx, "large"), coder="bench") as coded:
        package = ctx.scratch("second.codewerk")
        package_for_coder(coded, package, coder=SECOND)
        items = [(q.document_id, q.code_id, q.start, q.end) for q in coded.quotes(coder=SECOND)]
    with Project.open(package) as theirs:
        theirs.codings.code_many(items, skip_existing=True)
    state: dict[str, Project] = {}
    added: list[int] = []

    def before() -> None:
        target = ctx.scratch("target.codewerk")
        shutil.copyfile(source, target)
        state["project"] = Project.open(target, coder="bench")

    def run() -> None:
        added.append(merge_project(state["project"], package).added["codings"])

    def after() -> None:
        project = state.pop("project")
        project.close()
        remove_project(project.path)

    before()
    run()
    after()
    return Case(run, before=before, after=after, note=f"{added[0]:,} codings added")
