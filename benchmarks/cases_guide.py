"""Benchmarks of the interview guide (issue 24): matching every interviewer turn of the thesis project."""

from __future__ import annotations

import time

from benchmarks.registry import Case, Context, benchmark, need_module
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


def _require_qt() -> None:
    need_module("app.guide.guide_window", "the guide view (app.guide)", attribute="GuideWindow")


#: Four more questions (on new codes) make the study's 26 the 30 of the target.
EXTRA_GUIDE = """Thema 12: Extra
12a. Hoe verliep de samenwerking met de werkgevers in de regio?
12b. Welke rol speelde de gemeente bij de plaatsing van kandidaten?
12c. Wat zou u een nieuw netwerk aanraden?
12d. Is er nog iets dat we niet besproken hebben?
"""


@benchmark(
    "guide_view_thesis",
    "Open the guide view (Analysis → Interview guide) on 21 interviews × 30 guide questions: the answers "
    "found, the model built and the table's first paint",
    target=0.3,
    sizes=("thesis",),
    repeats=5,
    quick_repeats=2,
    trace=False,
    requires=_require_qt,
    limits="Matching the guide in every interview (as `guide_match_thesis`, in a worker thread; the case waits "
    "for it), cutting each answer to its first "
    "words, painting the visible cells; the Matches tab matches again only when it is first shown.",
)
def guide_view_thesis(ctx: Context) -> Case:
    from app.guide.guide_window import GuideWindow, show_guide
    from benchmarks.cases_window import Window

    path = ctx.project_copy("thesis")
    with Project.open(path, coder="bench") as project:
        theme = project.codes.create("Extra", inductive=True)
        for ref in ("12a", "12b", "12c", "12d"):
            project.codes.create(f"Extra {ref}", theme.id, question=ref)
        guide = ctx.workdir / "extra-guide.txt"
        guide.write_text(EXTRA_GUIDE, encoding="utf-8")
        project.guide.import_guide(guide)
        questions = len(project.guide.questions())
    window = Window(ctx, path)

    def run() -> None:
        show_guide(window.window)
        opened = window.window.findChild(GuideWindow, "guideWindow")
        assert opened is not None
        while opened.building is not None and opened.building.running:  # matched in a worker thread
            window.app.processEvents()
            time.sleep(0.001)
        if opened.building is not None:
            raise RuntimeError(f"the guide table was not built: {window.window.last_problem}")
        opened.table.viewport().repaint()

    def after() -> None:
        opened = window.window.findChild(GuideWindow, "guideWindow")
        if opened is not None:
            opened.close()
            opened.setParent(None)
            opened.deleteLater()
        window.settle()

    case = Case(run, after=after, close=window.close, warmup=1)
    case.note = f"21 interviews × {questions} guide questions"
    return case
